// Reads the workbooks vfm cannot edit in place, Excel 97-2003 (.xls), OpenDocument (.ods) and
// text (.csv), through SheetJS, into the same grids as a package. Text files are read as
// UTF-8 (with or without a byte-order mark; Windows-1252 when they are not UTF-8), their
// separator found by SheetJS, and every field kept as the text it is, for the core to read
// amounts such as "£1,234.56" and "(1,234.56)" by its own rules.
import * as XLSX from '@e965/xlsx';
import path from 'path';
import { CellRange, CellValue, Grid, excelSerial, isDateFormat, mergedAcross } from '../../core/cell';
import { firstCharacters } from '../../core/limits';
import { PackageError } from './package-error';
import { KIND_WORDS, SourceWorkbook, dateCell, emptyMergedCells, namesWithSheets, rangeNames } from './source-workbook';

type Kind = 'xls' | 'ods' | 'csv';

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * A sheet name from a text file's name: Excel's rules (31 characters, none of []:*?/\), control
 * characters made spaces like those, and no character cut in two.
 */
export function sheetNameOfFile(file: string): string {
  const name = firstCharacters(path.basename(file, path.extname(file)).replace(/[[\]:*?/\\\p{Cc}]/gu, ' ').replace(/^'+|'+$/g, '').trim(), 31).trim();
  return name === '' ? 'Sheet1' : name;
}

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's': return String(cell.v ?? '');
    case 'b': return Boolean(cell.v);
    case 'e': return { error: cell.w ?? XLSX.utils.format_cell(cell) };
    case 'n': {
      const number = Number(cell.v);
      return cell.z !== undefined && isDateFormat(String(cell.z)) ? dateCell(date1904 ? number + 1462 : number) : number;
    }
    // A date as SheetJS gives it: the day it names, as a serial, so that a date outside Excel's is the number Excel would hold.
    case 'd': return cell.v instanceof Date && Number.isFinite(cell.v.getTime()) ? dateCell(excelSerial({ year: cell.v.getUTCFullYear(), month: cell.v.getUTCMonth() + 1, day: cell.v.getUTCDate() })) : null;
    default: return null;
  }
}

function sheetGrid(sheet: XLSX.WorkSheet, name: string, date1904: boolean, range?: CellRange): Grid {
  const used = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : undefined;
  const top = range?.top ?? 1;
  const left = range?.left ?? 1;
  const bottom = range?.bottom ?? (used ? used.e.r + 1 : 0);
  const right = range?.right ?? (used ? used.e.c + 1 : 0);
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const merges = (sheet['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  for (let r = top; r <= bottom; r++) {
    if (sheet['!rows']?.[r - 1]?.hidden) hiddenRows.push(r);
    const row: CellValue[] = [];
    const cells = data[r - 1] ?? [];
    for (let c = left; c <= Math.min(right, cells.length); c++) {
      const value = cellValue(cells[c - 1], date1904);
      if (value !== null) row[c - left] = value;
    }
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    values.push(row);
  }
  emptyMergedCells(values, top, left, merges);
  const mergedAcrossRows = mergedAcross(merges, { top, left, bottom, right });
  return { sheet: name, top, left, values, ...(hiddenRows.length > 0 ? { hiddenRows } : {}), ...(mergedAcrossRows.length > 0 ? { mergedAcrossRows } : {}) };
}

/** SheetJS reports what it guesses at (an ODS number format) on the console; the user is told nothing of that. */
function quietly<T>(read: () => T): T {
  const { error, warn } = console;
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

export function readSheetJsWorkbook(bytes: Uint8Array, kind: Kind, file: string): SourceWorkbook {
  let book: XLSX.WorkBook;
  try {
    const options: XLSX.ParsingOptions = { dense: true, cellNF: true, cellDates: false, cellStyles: true, cellHTML: false };
    book = quietly(() => (kind === 'csv' ? XLSX.read(decodeText(bytes), { ...options, type: 'string', raw: true }) : XLSX.read(bytes, { ...options, type: 'buffer' })));
  } catch (error) {
    const what = KIND_WORDS[kind];
    throw new PackageError(/password/i.test((error as Error).message) ? `it is ${what} protected with a password` : `it is ${what}, but it is damaged or in a form vfm cannot read`);
  }
  const names = kind === 'csv' ? [sheetNameOfFile(file)] : book.SheetNames;
  const sheets = names.map((name, i) => ({ name, hidden: (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 }));
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const definedNames = (book.Workbook?.Names ?? []).map((n) => ({ name: n.Name, text: n.Ref }));
  const workbook = { kind, sheets, definedNames: namesWithSheets(definedNames), namedRanges: rangeNames(definedNames, sheets) };
  if (kind === 'csv') {
    // A text file's one sheet is made a grid at once and SheetJS's cells let go, which take several
    // times the grid's memory; a range is then cut from the grid.
    return { ...workbook, grid: gridsOf(sheetGrid(book.Sheets[book.SheetNames[0]], names[0], date1904)) };
  }
  return {
    ...workbook,
    grid: async (name, range) => {
      const index = names.indexOf(name);
      if (index < 0) throw new Error(`the workbook has no sheet "${name}"`);
      return sheetGrid(book.Sheets[book.SheetNames[index]], name, date1904, range);
    },
  };
}

/** A text file's grids, cut from its one sheet's: made here, so that nothing keeps SheetJS's cells. */
function gridsOf(whole: Grid): SourceWorkbook['grid'] {
  return async (name, range) => within(whole, name, range);
}

/** The cells of a text file's sheet in `range`, as `sheetGrid` reads them (a text file has no merged cells and no hidden rows). */
function within(whole: Grid, name: string, range?: CellRange): Grid {
  if (name !== whole.sheet) throw new Error(`the workbook has no sheet "${name}"`);
  if (!range) return whole;
  const values = Array.from({ length: range.bottom - range.top + 1 }, (_, r) => {
    const row = (whole.values[range.top + r - whole.top] ?? []).slice(range.left - whole.left, range.right - whole.left + 1);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  return { sheet: name, top: range.top, left: range.left, values };
}
