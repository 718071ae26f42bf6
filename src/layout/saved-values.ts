// The saved value of every formula cell of the model's sheets, against the value the product's
// formula gives there (core/formula-values.ts) for the workbook's cells now: what a reader of the
// workbook sees in each cell is the product's figure for the inputs in it. The plan gives the
// formulas; every other cell (inputs, labels, the figures fixed at the run, the source) gives the
// value the workbook holds. A workbook none of whose formulas hold a saved value was never
// calculated since it was written, as the product writes it; some holding values and others not
// is a finding. Pure: the use case (app/verify.ts) gives the plan and the sheets read.
import { parseIsoDate } from '../core/calendar-date';
import { CellValue, a1, excelSerial, isCellDate, isUncalculated, sheetReference } from '../core/cell';
import { FormulaCells, FormulaValue, UnknownValue, formulaEvaluator } from '../core/formula-values';
import { Content, SheetPlan, WorkbookPlan, WrittenSheet } from './plan';
import { Finding, valueWords } from './verify';

/** A value as the evaluator takes it: a date cell as its serial; a formula never calculated cannot be known. */
function heldValue(value: CellValue | undefined): FormulaValue {
  if (value === undefined) return null;
  if (isUncalculated(value)) throw new UnknownValue('a formula the workbook holds no value for');
  if (isCellDate(value)) {
    const date = parseIsoDate(value.date);
    return date ? excelSerial(date) : value.date;
  }
  return value;
}

/** The plan's cell at a row and column of the sheet, from the last block that fills it. */
function plannedAt(plan: SheetPlan): (row: number, column: number) => Content | undefined {
  const blocks = [...plan.blocks].reverse();
  return (row, column) => {
    for (const b of blocks) {
      if (row < b.top || row >= b.top + b.rows.length || column < b.left) continue;
      const content = b.rows.at(row - b.top)?.[column - b.left];
      if (content !== undefined && content !== null) return content;
    }
    return undefined;
  };
}

/** Each formula cell of the plan's sheet, with its row and column. */
function* formulaCells(plan: SheetPlan): Generator<{ row: number; column: number; formula: string }> {
  const seen = new Set<string>();
  for (const b of [...plan.blocks].reverse()) {
    for (let r = 0; r < b.rows.length; r++) {
      const cells = b.rows.at(r) ?? [];
      for (let c = 0; c < cells.length; c++) {
        const content = cells[c];
        if (content === null) continue;
        const key = `${b.top + r},${b.left + c}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if ('formula' in content) yield { row: b.top + r, column: b.left + c, formula: content.formula };
      }
    }
  }
}

/**
 * The cells of the workbook as the model's formulas see them: the plan's formulas on the sheets
 * `checked`, and the workbook's values everywhere else.
 */
export function modelCells(plan: WorkbookPlan, checked: readonly string[], sheets: ReadonlyMap<string, WrittenSheet>): FormulaCells {
  const planned = new Map(plan.sheets.filter((s) => checked.includes(s.name)).map((s) => [s.name.toLowerCase(), plannedAt(s)]));
  const written = new Map([...sheets].map(([name, sheet]) => [name.toLowerCase(), sheet]));
  const names = new Map(plan.names.map((n) => [n.name.toLowerCase(), n]));
  return {
    cell(sheet, row, column) {
      const content = planned.get(sheet.toLowerCase())?.(row, column);
      if (content !== undefined && content !== null && 'formula' in content) return content;
      const grid = written.get(sheet.toLowerCase())?.grid;
      if (!grid) throw new UnknownValue(`the sheet "${sheet}" was not read`);
      return heldValue(grid.values[row - grid.top]?.[column - grid.left] ?? null);
    },
    name(name) {
      const n = names.get(name.toLowerCase());
      return n && { sheet: n.sheet, top: n.top, left: n.left, bottom: n.bottom, right: n.right };
    },
  };
}

/**
 * Whether a saved value is the one worked out: a number to a relative 1e-9 (spreadsheets' arithmetic
 * differs in the last bits), text and TRUE/FALSE exactly (or TRUE as 1, FALSE as 0), an error by its code.
 */
export function sameValue(expected: FormulaValue, saved: CellValue): boolean {
  // A date cell holding 0 in a workbook that counts days from 1904 reads as that system's first day.
  if (expected === 0 && isCellDate(saved) && saved.date === '1904-01-01') return true;
  const held = isCellDate(saved) ? heldValue(saved) : saved;
  if (typeof expected === 'number') return typeof held === 'number' && Math.abs(expected - held) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (expected === null || expected === '') return held === null || held === '';
  if (typeof expected === 'object') return typeof held === 'object' && held !== null && 'error' in held && held.error.toUpperCase() === expected.error.toUpperCase();
  // LibreOffice saves TRUE or FALSE in a cell formatted as a number as 1 or 0.
  if (typeof expected === 'boolean' && typeof held === 'number') return held === Number(expected);
  return held === expected;
}

const words = (value: FormulaValue) => valueWords(value);

/** The finding's words for a saved value not the one worked out. */
export const VALUE_DIFFERS = 'a saved value differs from the recomputation';

export interface SavedValues {
  readonly findings: readonly Finding[];
  /** Whether any formula cell of the sheets holds a saved value: false for a workbook never calculated since it was written. */
  readonly calculated: boolean;
}

/**
 * Each formula cell of the sheets `checked` whose saved value is not the value its formula gives,
 * by sheet and address; a cell whose formula is already found changed (`skip`) is not compared.
 * When some formula cells hold saved values and others none, those of the fewer kind are findings.
 */
export function savedValueFindings(plan: WorkbookPlan, checked: readonly string[], sheets: ReadonlyMap<string, WrittenSheet>, skip: (place: string) => boolean = () => false): SavedValues {
  const evaluator = formulaEvaluator(modelCells(plan, checked, sheets));
  const differ: Finding[] = [];
  const missing: { place: string; cell: () => FormulaValue | undefined }[] = [];
  const present: { place: string; saved: CellValue }[] = [];
  for (const name of checked) {
    const planned = plan.sheets.find((s) => s.name === name);
    const written = sheets.get(name);
    if (!planned || !written) continue;
    const reference = sheetReference(name);
    const { grid } = written;
    for (const { row, column } of formulaCells(planned)) {
      const place = `${reference}!${a1(row, column)}`;
      if (skip(place)) continue;
      const saved = grid.values[row - grid.top]?.[column - grid.left] ?? null;
      const expected = () => {
        try {
          return evaluator.value(name, row, column);
        } catch (error) {
          if (error instanceof UnknownValue) return undefined;
          throw error;
        }
      };
      if (isUncalculated(saved)) {
        missing.push({ place, cell: expected });
        continue;
      }
      present.push({ place, saved });
      const value = expected();
      if (value !== undefined && !sameValue(value, saved)) {
        differ.push({ kind: 'result', place, message: VALUE_DIFFERS, expected: words(value), found: valueWords(saved) });
      }
    }
  }
  if (present.length === 0) return { findings: [], calculated: false };
  if (missing.length === 0) return { findings: differ, calculated: true };
  // Some formulas hold saved values and others none: a spreadsheet saves them all or none.
  const gaps: Finding[] = missing.length <= present.length
    ? missing.map(({ place, cell }) => {
      const value = cell();
      return { kind: 'result', place, message: 'a formula holds no saved value, though the others hold theirs', expected: value === undefined ? 'a saved value' : words(value), found: 'none' };
    })
    : present.map(({ place, saved }) => ({ kind: 'result', place, message: 'a saved value where the other formulas hold none: typed in, not calculated', expected: 'none, as in the formulas not calculated', found: valueWords(saved) }));
  return { findings: [...differ, ...gaps], calculated: true };
}
