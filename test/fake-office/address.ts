// A1 addresses: parsing, formatting, and quoting sheet names the way Excel does.

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, as Office.js counts rows and columns. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export function rectContains(outer: Rect, row: number, column: number): boolean {
  return row >= outer.row && row < outer.row + outer.rowCount && column >= outer.column && column < outer.column + outer.columnCount;
}

export function rectWithinGrid(rect: Rect): boolean {
  return (
    Number.isInteger(rect.row) && Number.isInteger(rect.column) &&
    Number.isInteger(rect.rowCount) && Number.isInteger(rect.columnCount) &&
    rect.row >= 0 && rect.column >= 0 && rect.rowCount >= 1 && rect.columnCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS && rect.column + rect.columnCount <= MAX_COLUMNS
  );
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "XFD" → 16383; -1 when not letters or past the grid. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : -1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseCell(text: string): { row: number; column: number } | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const column = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (column < 0 || row < 0 || row >= MAX_ROWS) return null;
  return { row, column };
}

/** "B3", "$A$1:$C$12", "A:C", "2:5" (no sheet) → a rectangle, or null when not an A1 address. */
export function parseA1(address: string): Rect | null {
  const parts = address.trim().split(':');
  if (parts.length === 1) {
    const c = parseCell(parts[0]);
    return c ? { row: c.row, column: c.column, rowCount: 1, columnCount: 1 } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) return spanning(ca.row, ca.column, cb.row, cb.column);
  const cola = COLUMN.exec(a);
  const colb = COLUMN.exec(b);
  if (cola && colb) {
    const x = columnIndex(cola[1]);
    const y = columnIndex(colb[1]);
    if (x < 0 || y < 0) return null;
    return spanning(0, x, MAX_ROWS - 1, y);
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) {
    const x = Number(rowa[1]) - 1;
    const y = Number(rowb[1]) - 1;
    if (x < 0 || y < 0 || x >= MAX_ROWS || y >= MAX_ROWS) return null;
    return spanning(x, 0, y, MAX_COLUMNS - 1);
  }
  return null;
}

function spanning(r1: number, c1: number, r2: number, c2: number): Rect {
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
}

/** "B3" or "$B$3". */
export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

/** "A1", "A1:C12", whole columns "A:C", whole rows "1:3" — as Excel writes them. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  const lastRow = rect.row + rect.rowCount - 1;
  const lastColumn = rect.column + rect.columnCount - 1;
  if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) return `${d}${rect.row + 1}:${d}${lastRow + 1}`;
  if (rect.row === 0 && rect.rowCount === MAX_ROWS) return `${d}${columnLetters(rect.column)}:${d}${columnLetters(lastColumn)}`;
  const first = cellAddress(rect.row, rect.column, absolute);
  return rect.rowCount === 1 && rect.columnCount === 1 ? first : `${first}:${cellAddress(lastRow, lastColumn, absolute)}`;
}

function looksLikeCellReference(name: string): boolean {
  if (parseCell(name)) return true; // A1, XFD1048576
  return /^R\d*C?\d*$/i.test(name) || /^C\d*$/i.test(name); // R1C1, R, C, R2, C3
}

/** Whether Excel writes this sheet name in single quotes in a reference ("'My costs'!A1"). */
export function sheetNeedsQuotes(name: string): boolean {
  if (!/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name)) return true;
  return looksLikeCellReference(name);
}

export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "Costs!A1:C12", "'My costs'!A1:C3". */
export function formatAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheetName(sheet)}!${formatRect(rect, absolute)}`;
}

/** "'My costs'!A1:C3" → { sheet: "My costs", address: "A1:C3" }; "A1" → { address: "A1" }. */
export function splitSheetReference(reference: string): { sheet?: string; address: string } {
  const text = reference.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i += 1;
    }
    if (text[i] === "'" && text[i + 1] === '!') return { sheet: name, address: text.slice(i + 2) };
    return { address: text };
  }
  const bang = text.lastIndexOf('!');
  if (bang > 0) return { sheet: text.slice(0, bang), address: text.slice(bang + 1) };
  return { address: text };
}

/** Whether a name could be a workbook name (Excel's rules; not whether it is defined). */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name)) return false;
  return !looksLikeCellReference(name);
}

/** Excel's rules for a sheet name; a message when it breaks one. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'a sheet name cannot be empty';
  if (name.length > 31) return `sheet name '${name}' is longer than 31 characters`;
  if (/[:\\/?*[\]]/.test(name)) return `sheet name '${name}' contains one of : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'")) return `sheet name '${name}' begins or ends with an apostrophe`;
  if (name.toLowerCase() === 'history') return "'History' is reserved by Excel";
  return null;
}
