// Cell values as a spreadsheet gives them, A1 addresses, and Excel's date serial numbers.
import { CalendarDate, dayNumber } from './calendar-date';
import { EARLIEST_DATE, LATEST_DATE } from './limits';

export interface CellError {
  readonly error: string; // e.g. '#VALUE!'
}
export interface CellDate {
  readonly date: string; // YYYY-MM-DD
}
/** A formula whose result the file does not hold (never calculated). */
export interface UncalculatedFormula {
  readonly formula: string;
}
export type CellValue = null | number | string | boolean | CellError | CellDate | UncalculatedFormula;

/** A block of cell values read from a sheet, with the sheet row and column of its top-left cell (1-based). */
export interface Grid {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly CellValue[])[];
  /** The sheet rows of the block that are hidden or filtered out: read like any other row, and named in a warning. */
  readonly hiddenRows?: readonly number[];
  /** Merged blocks that span rows and meet the block, in sheet rows and columns: one value stands for several rows. */
  readonly mergedAcrossRows?: readonly CellRange[];
  /** The cells of the block holding a number formatted as a percentage, in sheet rows and columns: a share, never an amount. */
  readonly percentCells?: readonly CellAt[];
  /** Every cell of the block is text by nature, as in a CSV: an amount written in it is no warning, and a workbook written from it holds the amounts as numbers. */
  readonly allText?: boolean;
}

/** A cell's place on its sheet (1-based). */
export interface CellAt {
  readonly row: number;
  readonly column: number;
}

/** Whether the cell at row r, column c of the grid (0-based within it) holds a number formatted as a percentage. */
export function percentIn(grid: Grid): (r: number, c: number) => boolean {
  const cells = grid.percentCells;
  if (!cells || cells.length === 0) return () => false;
  const at = new Set(cells.map(({ row, column }) => `${row - grid.top},${column - grid.left}`));
  return (r, c) => at.has(`${r},${c}`);
}

/** The merged blocks that span more than one row and meet `block`: what a reader reports as a grid's `mergedAcrossRows`. */
export function mergedAcross(merges: readonly CellRange[], block: CellRange): CellRange[] {
  return merges.filter((m) => m.bottom > m.top && m.top <= block.bottom && m.bottom >= block.top && m.left <= block.right && m.right >= block.left);
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && 'error' in value;
}
export function isCellDate(value: CellValue): value is CellDate {
  return typeof value === 'object' && value !== null && 'date' in value;
}
export function isUncalculated(value: CellValue): value is UncalculatedFormula {
  return typeof value === 'object' && value !== null && 'formula' in value;
}

export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A sheet name as a formula needs it: quoted unless it is a plain ASCII word that Excel cannot read
 * as anything else. Quoting is always allowed, so anything less certain is quoted: an A1 reference
 * (`ab12`), an R1C1 one (`R1C1`, `R`, `C`, `RC`, `C12`), `TRUE`/`FALSE`, a leading digit, spaces,
 * punctuation and non-ASCII letters.
 */
export function sheetReference(sheet: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^(R\d*C?\d*|C\d*)$/i.test(sheet) &&
    !/^(true|false)$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `B3` */
export function a1(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}

/** The address of a column's cell by row (`Costs!B` + row: `Costs!B3`, `'My costs'!B3`), the sheet's reference worked out once. */
export function columnCells(sheet: string, column: number): (row: number) => string {
  const prefix = `${sheetReference(sheet)}!${columnName(column)}`;
  return (row) => prefix + row;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** `'VfM Scenarios'!$C$5`, or `Costs!$B$9:$B$20` for a rectangle: how a name refers to cells. */
export function absoluteReference(sheet: string, range: CellRange): string {
  const corner = (row: number, column: number) => `$${columnName(column)}$${row}`;
  const single = range.top === range.bottom && range.left === range.right;
  return `${sheetReference(sheet)}!${corner(range.top, range.left)}${single ? '' : `:${corner(range.bottom, range.right)}`}`;
}

/** The sheet a reference names: `='My costs'!$B$3` and `Costs!B3` give `My costs` and `Costs`. */
export function sheetOfReference(reference: string): string {
  const body = reference.replace(/^=/, '');
  const bang = body.lastIndexOf('!');
  const sheet = bang < 0 ? '' : body.slice(0, bang);
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

export function rangeA1(range: CellRange): string {
  const start = a1(range.top, range.left);
  const end = a1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Parses `A1:C12`, `$A$1:$C$12` or `B3`; undefined when it is not a range within Excel's grid. */
export function parseRange(text: string): CellRange | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [c1, r1] = [columnNumber(match[1]), Number(match[2])];
  const [c2, r2] = match[3] ? [columnNumber(match[3]), Number(match[4])] : [c1, r1];
  const range = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  const inGrid = range.top >= 1 && range.bottom <= MAX_ROWS && range.left >= 1 && range.right <= MAX_COLUMNS;
  return inGrid ? range : undefined;
}

/** The serial of 1970-01-01: Excel counts days from 1899-12-30 (for dates from 1900-03-01 on). */
const SERIAL_OF_1970 = 25569;

/** Excel's serial number for a date. */
export function excelSerial(date: CalendarDate): number {
  return dayNumber(date) + SERIAL_OF_1970;
}

/**
 * How many days less a workbook in the 1904 date system (`date1904`, the old default of Excel for
 * the Mac) counts a date than one in the 1900 system: its day 0 is 1904-01-01, 1,462 in the 1900
 * system. The serials here, and a plan's, are the 1900 system's; a host reading or writing a
 * workbook in the 1904 system converts them.
 */
export const DAYS_TO_1904 = 1462;

/**
 * Whether a number format shows a date or a time, so that the number in a cell is one: a day,
 * month, year, hour, second or era code (d m y h s e) outside literal text ("..."), escaped and
 * spacing characters (\x _x *x), colours, conditions and locales in brackets (an elapsed [h],
 * [mm] or [ss] is a time), "General" and scientific notation (E+, E-). Both readers, the .xlsx
 * files' and Excel's through Office.js, decide by this one rule.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"?|\\.|[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]?/gi, '')
    .replace(/general/gi, '')
    .replace(/e[+-]/gi, '');
  return /[dmyhse]/i.test(bare);
}

/**
 * Whether a number format shows a percentage (`0%`, `0.00%`): a `%` outside literal text, escapes,
 * spacing characters and brackets, in a format that shows no date. Every reader decides by this rule.
 */
export function isPercentFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"?|\\.|[_*]./g, '').replace(/\[[^\]]*\]?/g, '');
  return bare.includes('%') && !isDateFormat(code);
}

/**
 * The calendar date an Excel serial number shows (its whole days; a time of day is dropped), or
 * undefined outside 1900-03-01 to 9999-12-31: such a number is not a date (Excel shows ##### for a
 * number beyond its dates, and miscounts the days before 1900-03-01 by its 1900 leap-year quirk).
 */
export function dateOfSerial(serial: number): CalendarDate | undefined {
  const days = Math.floor(serial);
  if (!(days >= excelSerial(EARLIEST_DATE) && days <= excelSerial(LATEST_DATE))) return undefined;
  const date = new Date((days - SERIAL_OF_1970) * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
