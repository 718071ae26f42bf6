// Reading and writing rectangles of cells in the model: what `range.values`, `formulas`,
// `valueTypes`, `numberFormat` and the format properties read and write.

import { Rect, cellAddress } from './address';
import { FakeStrictError, dimensionMismatch, invalidArgument, notImplemented } from './errors';
import { DateOrder, interpretInput, isErrorLiteral, CellInput } from './input';
import { Cell, Content, DEFAULTS, FormulaResult, Scalar, SheetModel, ValueType } from './model';
import type { Evaluate } from './options';

/** Past this many cells in one formatting operation the fake gives up: it stores formats per cell, so
 * whole rows or columns would be slow and would wrongly widen the used range. */
const MAX_CELLS_PER_FORMAT = 250_000;

export function cellCount(rect: Rect): number {
  return rect.rowCount * rect.columnCount;
}

export function matrix<T>(rect: Rect, at: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rect.rowCount; r += 1) {
    const line: T[] = [];
    for (let c = 0; c < rect.columnCount; c += 1) line.push(at(rect.row + r, rect.column + c));
    out.push(line);
  }
  return out;
}

export function forEachCell(rect: Rect, what: string, visit: (row: number, column: number) => void): void {
  if (cellCount(rect) > MAX_CELLS_PER_FORMAT) notImplementedHuge(what);
  for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) visit(r, c);
  }
}

function notImplementedHuge(what: string): never {
  throw notImplemented(`${what} on more than ${MAX_CELLS_PER_FORMAT} cells at once (whole rows or columns)`);
}

/** The one value every cell shares, or null when they differ — as Office.js reads a range's format. */
export function uniform<T>(rect: Rect, what: string, at: (row: number, column: number) => T): T | null {
  if (cellCount(rect) > MAX_CELLS_PER_FORMAT) notImplementedHuge(`reading ${what}`);
  let first: T | undefined;
  let seen = false;
  for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) {
      const v = at(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  }
  return first ?? null;
}

function resultValue(result: FormulaResult): Scalar {
  if (result === null) return 0;
  return typeof result === 'object' ? result.error : result;
}

/** A formula's value: its last calculated one; one never calculated, and not written while calculation was suspended, as `evaluate` gives it. */
function formulaResult(content: Extract<Content, { kind: 'formula' }>, sheet: SheetModel, row: number, column: number, evaluate?: Evaluate): FormulaResult {
  if (content.result !== null || content.stale || !evaluate) return content.result;
  const v = evaluate(content.formula, { sheet: sheet.name, address: cellAddress(row, column) });
  if (v === undefined) return null;
  return typeof v === 'string' && isErrorLiteral(v) ? { error: v.toUpperCase() } : v;
}

/** What `range.values` reads for one cell: "" when empty, a formula's computed value (or 0). */
export function readValue(sheet: SheetModel, row: number, column: number, evaluate?: Evaluate): Scalar {
  const c = sheet.cell(row, column)?.content;
  if (!c) return '';
  if (c.kind === 'formula') return resultValue(formulaResult(c, sheet, row, column, evaluate));
  return c.value;
}

/** What `range.formulas` reads: the formula with "=", else the constant ("" when empty). */
export function readFormula(sheet: SheetModel, row: number, column: number): Scalar {
  const c = sheet.cell(row, column)?.content;
  if (!c) return '';
  return c.kind === 'formula' ? c.formula : c.value;
}

export function readValueType(sheet: SheetModel, row: number, column: number, evaluate?: Evaluate): ValueType {
  const c = sheet.cell(row, column)?.content;
  if (!c) return 'Empty';
  switch (c.kind) {
    case 'number':
      return 'Double';
    case 'text':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'error':
      return 'Error';
    case 'formula': {
      const r = formulaResult(c, sheet, row, column, evaluate);
      if (r === null || typeof r === 'number') return 'Double';
      if (typeof r === 'boolean') return 'Boolean';
      if (typeof r === 'object') return 'Error';
      return r === '' ? 'Empty' : 'String';
    }
  }
}

export function readNumberFormat(sheet: SheetModel, row: number, column: number): string {
  return sheet.cell(row, column)?.numberFormat ?? DEFAULTS.numberFormat;
}

/**
 * A written 2-D array checked against the range, as Excel does: the same number of rows and of
 * columns, else InvalidArgument. A single value (not an array) is refused: Office.js types these
 * properties any[][], and whether Excel spreads one value over the range is not modelled.
 */
export function shapeFor(raw: unknown, rect: Rect, location: string): (row: number, column: number) => unknown {
  if (!Array.isArray(raw)) {
    if (raw === null || raw === undefined) throw invalidArgument(`${location} cannot be set to ${String(raw)}`, location);
    throw new FakeStrictError(`${location} takes a 2-D array shaped like the range (${rect.rowCount}×${rect.columnCount}), not a single value`);
  }
  const rows: unknown[] = raw;
  const describe = (): string => {
    const widths = rows.map((r) => (Array.isArray(r) ? String(r.length) : 'not an array'));
    return `the range is ${rect.rowCount}×${rect.columnCount}; the array has ${rows.length} row(s) of ${[...new Set(widths)].join('/')} column(s)`;
  };
  if (rows.length !== rect.rowCount) throw dimensionMismatch(location, describe());
  const lines: unknown[][] = [];
  for (const line of rows) {
    if (!Array.isArray(line) || line.length !== rect.columnCount) throw dimensionMismatch(location, describe());
    lines.push(line);
  }
  return (row, column) => lines[row - rect.row][column - rect.column];
}

/**
 * Write `values` or `formulas`: every cell is interpreted first, then all are applied. A formula
 * written while calculation is suspended is not calculated: it keeps the value its cell's formula
 * had when it is the same formula, else reads 0, until Excel calculates the workbook.
 */
export function writeInputs(sheet: SheetModel, rect: Rect, raw: unknown, location: string, dateOrder: DateOrder, calculationSuspended = false): void {
  const at = shapeFor(raw, rect, location);
  const inputs: { row: number; column: number; input: CellInput }[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) {
      inputs.push({ row: r, column: c, input: interpretInput(at(r, c), `${location} at ${cellAddress(r, c)}`, dateOrder) });
    }
  }
  for (const { row, column, input } of inputs) sheet.edit(row, column, (cell) => applyInput(cell, input, calculationSuspended));
}

function applyInput(cell: Cell, input: CellInput, calculationSuspended: boolean): void {
  switch (input.kind) {
    case 'unchanged':
      return;
    case 'clear':
      cell.content = undefined;
      return;
    case 'number':
      cell.content = { kind: 'number', value: input.value };
      if (input.autoFormat !== undefined && (cell.numberFormat === undefined || cell.numberFormat === DEFAULTS.numberFormat)) {
        cell.numberFormat = input.autoFormat;
      }
      return;
    case 'boolean':
      cell.content = { kind: 'boolean', value: input.value };
      return;
    case 'error':
      cell.content = { kind: 'error', value: input.value };
      return;
    case 'text':
      cell.content = { kind: 'text', value: input.value, quotePrefix: input.quotePrefix };
      return;
    case 'formula': {
      const old = cell.content;
      const result = old?.kind === 'formula' && old.formula === input.formula ? old.result : null;
      cell.content = { kind: 'formula', formula: input.formula, result, ...(calculationSuspended ? { stale: true as const } : {}) };
      return;
    }
  }
}

/** Write `numberFormat`: strings, null to leave a cell as it is, "" to reset to General. */
export function writeNumberFormats(sheet: SheetModel, rect: Rect, raw: unknown, location: string): void {
  const at = shapeFor(raw, rect, location);
  const formats: { row: number; column: number; format: string | null }[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) {
      const f = at(r, c);
      if (f !== null && typeof f !== 'string') throw invalidArgument(`a number format must be a string or null, not ${typeof f}`, `${location} at ${cellAddress(r, c)}`);
      formats.push({ row: r, column: c, format: f });
    }
  }
  for (const { row, column, format } of formats) {
    if (format === null) continue;
    sheet.edit(row, column, (cell) => {
      cell.numberFormat = format === '' || format === DEFAULTS.numberFormat ? undefined : format;
    });
  }
}
