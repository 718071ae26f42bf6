// Verifying a scenario workbook (docs/conventions.md, "Verifying a scenario workbook"): the product's sheets
// as the workbook holds them, against the plan the product would write for the inputs now in
// them. Every cell the plan fills must hold what the plan puts there (a formula as a formula, a
// label as its text); a cell the plan leaves empty must be empty; each defined name must point
// where the plan puts it. Pure: the hosts read, the use case (app/verify.ts) plans.
import { parseIsoDate } from '../core/calendar-date';
import { CellValue, a1, absoluteReference, excelSerial, rangeA1, sheetReference } from '../core/cell';
import { sameFormula } from '../core/formula-tokens';
import { Content, DefinedName, HeldName, NameDefinition, SheetPlan, WorkbookPlan, WrittenSheet } from './plan';

export type { HeldName, NameDefinition, WrittenSheet } from './plan';


/** `sheet`: a sheet hidden, or in a sheet of the model's place. `chart`: a chart's series reading other cells, or a chart missing or added. `since-run`: an input or result that differs from the one the log of runs recorded at the run; not a tampering. */
export type FindingKind = 'cell' | 'name' | 'sheet' | 'chart' | 'source' | 'input' | 'result' | 'calculation' | 'since-run';

export interface Finding {
  readonly kind: FindingKind;
  /** The cell (`'VfM Scenarios'!C12`), the name, or the input the finding is about. */
  readonly place: string;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
}

/** A cell's value in words: `17800`, `"Core team"`, `TRUE`, `#REF!`, or `empty`. */
export function valueWords(value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).toUpperCase();
  if ('error' in value) return value.error;
  if ('date' in value) return value.date;
  return `=${value.formula}`;
}

/** A number as the cell holds it: a date-formatted cell's date as its serial. */
function numberOf(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  const date = typeof value === 'object' && value !== null && 'date' in value ? parseIsoDate(value.date) : undefined;
  return date ? excelSerial(date) : undefined;
}
const sameNumber = (a: number, b: CellValue) => {
  const n = numberOf(b);
  return n !== undefined && Math.abs(a - n) <= 1e-9 * Math.max(1, Math.abs(a));
};

/** What is wrong with a cell the plan fills with `content`, or undefined when it holds it. */
function cellProblem(content: Exclude<Content, null>, value: CellValue, formula: string | undefined): Omit<Finding, 'kind' | 'place'> | undefined {
  if ('formula' in content) {
    const expected = `=${content.formula}`;
    if (formula === undefined) {
      const cleared = value === null || value === '';
      return { message: cleared ? 'a formula cleared' : 'a formula replaced by a typed value', expected, found: valueWords(value) };
    }
    return sameFormula(content.formula, formula) ? undefined : { message: 'a formula edited', expected, found: `=${formula}` };
  }
  if (formula !== undefined) return { message: 'a formula where the product writes a value', expected: 'number' in content ? String(content.number) : `"${content.text}"`, found: `=${formula}` };
  if ('number' in content) {
    return sameNumber(content.number, value) ? undefined : { message: 'a value changed', expected: String(content.number), found: valueWords(value) };
  }
  return value === content.text ? undefined : { message: 'a label changed', expected: `"${content.text}"`, found: valueWords(value) };
}

/**
 * Each cell of the written sheet that differs from the plan's, by sheet and address. Notes (where
 * an input's value came from) and the core's figures as at the run are not checked: the inputs
 * now in the sheet cannot give them.
 */
export function sheetFindings(plan: SheetPlan, written: WrittenSheet, reference: string): Finding[] {
  const findings: Finding[] = [];
  const filled = new Set<string>();
  const at = (row: number, column: number): CellValue => written.grid.values[row - written.grid.top]?.[column - written.grid.left] ?? null;
  const fixed = (row: number, column: number) => (plan.fixedAtRun ?? []).some((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right);
  // A note's cell is the note's, empty or not, and what it says is not checked: a reason "set by
  // user" for a class the label would give anyway is not an input the sheets hold.
  const notes = plan.blocks.filter((block) => block.style === 'note');
  const noted = (row: number, column: number) => notes.some((b) => row >= b.top && row < b.top + b.rows.length && column >= b.left && column - b.left < (b.rows.at(row - b.top)?.length ?? 0));
  for (const block of plan.blocks) {
    for (let r = 0; r < block.rows.length; r++) block.rows.at(r)?.forEach((content, c) => {
      const [row, column] = [block.top + r, block.left + c];
      const address = a1(row, column);
      if (content === null) return;
      filled.add(address);
      if (block.style === 'note' || fixed(row, column)) return;
      const problem = cellProblem(content, at(row, column), written.formulas.get(address));
      if (problem) findings.push({ kind: 'cell', place: `${reference}!${address}`, ...problem });
    });
  }
  // Anything where the plan writes nothing: typed into the model, or rows inserted in it.
  written.grid.values.forEach((cells, r) => cells.forEach((value, c) => {
    const address = a1(written.grid.top + r, written.grid.left + c);
    if (filled.has(address) || value === null || value === '' || fixed(written.grid.top + r, written.grid.left + c) || noted(written.grid.top + r, written.grid.left + c)) return;
    const formula = written.formulas.get(address);
    findings.push({ kind: 'cell', place: `${reference}!${address}`, message: 'a cell the product leaves empty holds something', expected: 'empty', found: formula === undefined ? valueWords(value) : `=${formula}` });
  }));
  return findings;
}

/** Each of the plan's names that the workbook lacks, or that points elsewhere than the plan puts it. */
export function nameFindings(planned: readonly DefinedName[], held: readonly HeldName[]): Finding[] {
  return planned.flatMap((name): Finding[] => {
    const expected = `'${name.sheet}'!${rangeA1(name)}`;
    const found = held.find((h) => h.name.toLowerCase() === name.name.toLowerCase());
    if (!found) return [{ kind: 'name', place: name.name, message: 'a defined name missing, or pointing at no cells', expected }];
    const same = found.sheet === name.sheet && found.range.top === name.top && found.range.left === name.left && found.range.bottom === name.bottom && found.range.right === name.right;
    return same ? [] : [{ kind: 'name', place: name.name, message: 'a defined name pointing elsewhere', expected, found: `'${found.sheet}'!${rangeA1(found.range)}` }];
  });
}

/**
 * Each of the plan's names (`ours`) that the workbook defines again for one of the product's
 * sheets alone, which the formulas on that sheet then read instead of the model's (a name local to
 * a sheet of the user's own, as copying a sheet makes, is the user's); and each defined more than
 * once for the whole workbook, of which a reader takes one.
 */
export function definitionFindings(ours: readonly DefinedName[], productSheets: ReadonlySet<string>, definitions: readonly NameDefinition[]): Finding[] {
  const key = (text: string) => text.toLowerCase();
  const planned = new Map(ours.map((name) => [key(name.name), name]));
  const sheets = new Set([...productSheets].map(key));
  const findings: Finding[] = [];
  const groups = new Map<string, NameDefinition[]>();
  for (const definition of definitions) {
    if (!planned.has(key(definition.name))) continue;
    const group = `${key(definition.scope ?? '')}!${key(definition.name)}`;
    groups.set(group, [...(groups.get(group) ?? []), definition]);
  }
  for (const group of groups.values()) {
    const [{ name, scope }] = group;
    const model = planned.get(key(name)) as DefinedName;
    const where = absoluteReference(model.sheet, model);
    const place = scope === undefined ? model.name : `${sheetReference(scope)}!${model.name}`;
    if (scope !== undefined && sheets.has(key(scope))) {
      findings.push({ kind: 'name', place, message: 'a name of the model defined again for this sheet alone: the formulas on the sheet read it, not the model\'s', expected: `no name of the sheet's own; the model's is ${where}`, found: group.map((d) => d.refersTo).join(' and ') });
    } else if (scope === undefined && group.length > 1) {
      findings.push({ kind: 'name', place, message: 'a name of the model defined more than once: a reader takes one of them', expected: `one definition, ${where}`, found: group.map((d) => d.refersTo).join(' and ') });
    }
  }
  return findings;
}

/** The plan's sheets, by role's name; a helper for callers that map the plan onto the workbook. */
export function planSheet(plan: WorkbookPlan, name: string): SheetPlan | undefined {
  return plan.sheets.find((sheet) => sheet.name === name);
}
