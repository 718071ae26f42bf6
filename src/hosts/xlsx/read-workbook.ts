// Reads sheets of an .xlsx file into the core's grids of cell values. It decides nothing about
// what the cells mean.
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import { isoDate } from '../../core/calendar-date';
import { CellRange, CellValue, Grid, dateOfSerial, excelSerial, parseRange, sheetOfReference } from '../../core/cell';

export type Workbook = ExcelJS.Workbook;

export async function readWorkbook(path: string): Promise<Workbook> {
  return loadWorkbook(await fs.readFile(path));
}

/** A workbook from the bytes of its file (read once, when the caller also looks into the package). */
/** What a file is, by its first bytes: an Office Open XML package, an .ods (also a zip), an Excel 97-2003 .xls, text such as .csv, or something else. */
export type FileKind = 'xlsx' | 'ods' | 'xls' | 'text' | 'other';

export function fileKind(bytes: Buffer): FileKind {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // An OpenDocument package names its type in a first, uncompressed entry called "mimetype".
    return bytes.subarray(30, 38).toString('latin1') === 'mimetype' && bytes.subarray(38, 120).toString('latin1').includes('opendocument') ? 'ods' : 'xlsx';
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
  const head = bytes.subarray(0, 4096);
  return head.length > 0 && !head.includes(0) ? 'text' : 'other';
}

export async function loadWorkbook(bytes: Buffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export function sheetNames(workbook: Workbook): string[] {
  return workbook.worksheets.map((sheet) => sheet.name);
}

/**
 * A date-formatted number, which exceljs hands over as a Date: the date it shows, or the number
 * itself when it lies outside Excel's dates. A number so far out that exceljs could not make a Date
 * of it is lost to us; Excel shows ##### for it, and so does the reading.
 */
function dateCell(date: Date): CellValue {
  const serial = date.getTime() / 86_400_000 + excelSerial({ year: 1970, month: 1, day: 1 });
  if (Number.isNaN(serial)) return { error: '#####' };
  const day = dateOfSerial(serial);
  return day ? { date: isoDate(day) } : serial;
}

/** A cell's value as the core sees it: what Excel shows, with errors, dates and uncalculated formulas kept apart. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateCell(value);
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined) {
      return { formula: ('formula' in value ? value.formula : value.sharedFormula) ?? '' };
    }
    return typeof result === 'object' && result !== null && 'error' in result ? { error: String(result.error) } : cellValue(result);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text);
  return null;
}

/**
 * The sheet's cells as a grid: its used range from A1, or the given range. A merged block's value
 * stands in its top-left cell only, as in Excel. The rows of the block that are hidden are named
 * in `hiddenRows`: rows hidden by hand, rows filtered out by an AutoFilter and rows of a collapsed
 * outline are all stored as hidden rows in the file. (A row of height 0 that the file does not mark
 * hidden is not seen: exceljs reads a height of 0 as no height.)
 */
export function sheetGrid(sheet: ExcelJS.Worksheet, range?: CellRange): Grid {
  const top = range?.top ?? 1;
  const left = range?.left ?? 1;
  const bottom = range?.bottom ?? sheet.rowCount;
  const right = range?.right ?? sheet.columnCount;
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  for (let r = top; r <= bottom; r++) {
    const row: CellValue[] = [];
    const sheetRow = sheet.findRow(r);
    if (sheetRow?.hidden) hiddenRows.push(r);
    if (sheetRow) {
      sheetRow.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column < left || column > right) return;
        if (cell.isMerged && cell.master.address !== cell.address) return;
        row[column - left] = cellValue(cell.value);
      });
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    values.push(row);
  }
  return { sheet: sheet.name, top, left, values, ...(hiddenRows.length > 0 ? { hiddenRows } : {}) };
}

/** A name the workbook gives a rectangle of one sheet: an Excel table, or a defined name. */
export interface NamedRange {
  /** As the workbook spells it. */
  readonly name: string;
  readonly kind: 'table' | 'defined name';
  readonly sheet: string;
  /** A table's whole range: its header row and total row included. */
  readonly range: CellRange;
}

/** exceljs keeps a table's whole range, header and total rows included, as `tableRef` (its typings omit it). */
type WithTableRef = { model: { tableRef?: string } };

/**
 * The workbook's Excel tables, sheet by sheet, then its defined names that refer to one rectangle
 * of a sheet it has. Excel's own names (`_xlnm.`, such as a filter's `_FilterDatabase`) are left
 * out, and so are names of several areas, of whole rows or columns, of constants and of formulas.
 * exceljs reads a sheet-level name as a workbook one: such a name counts when it is the only one
 * of its spelling.
 */
export function namedRanges(workbook: Workbook): NamedRange[] {
  const tables = workbook.worksheets.flatMap((sheet) =>
    // getTables() gives the tables themselves, whatever its typings say.
    (sheet.getTables() as unknown as ExcelJS.Table[]).flatMap((table): NamedRange[] => {
      const range = parseRange((table as unknown as WithTableRef).model.tableRef ?? '');
      return range ? [{ name: table.name, kind: 'table', sheet: sheet.name, range }] : [];
    }));
  const names = workbook.definedNames.model.flatMap((entry): NamedRange[] => {
    if (entry.name.startsWith('_xlnm.') || entry.ranges.length !== 1) return [];
    const reference = entry.ranges[0];
    const sheet = workbook.getWorksheet(sheetOfReference(reference));
    const range = parseRange(reference.slice(reference.lastIndexOf('!') + 1));
    return sheet && range ? [{ name: entry.name, kind: 'defined name', sheet: sheet.name, range }] : [];
  });
  return [...tables, ...names];
}

/** The table or defined name spelt `name` (any case, as Excel reads names), or undefined when there is none. */
export function namedRange(workbook: Workbook, name: string): NamedRange | undefined {
  const wanted = name.trim().toLowerCase();
  return namedRanges(workbook).find((named) => named.name.toLowerCase() === wanted);
}

/** Parts of an .xlsx file that exceljs does not write back, by where they live in the package. */
const PARTS_LOST_ON_WRITE: readonly [RegExp, string][] = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/pivot(Tables|Cache)\//, 'pivot tables'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/slicer(s|Caches)\//, 'slicers'],
  [/^xl\/timeline(s|Caches)\//, 'timelines'],
  [/^xl\/externalLinks\//, 'links to other workbooks'],
  [/^xl\/ctrlProps\//, 'form controls'],
];

/** What a file (its bytes) holds that writing it again through exceljs would lose (empty when nothing). */
export async function partsLostOnWrite(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Set<string>();
  zip.forEach((entry) => {
    for (const [pattern, what] of PARTS_LOST_ON_WRITE) if (pattern.test(entry)) found.add(what);
  });
  return [...found];
}
