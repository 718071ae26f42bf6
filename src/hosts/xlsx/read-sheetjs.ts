// Reads the workbooks vfm cannot edit in place, Excel 97-2003 (.xls), OpenDocument (.ods) and
// text (.csv), through SheetJS, into the same grids as a package. Text files are read as
// UTF-8 (with or without a byte-order mark; Windows-1252 when they are not UTF-8), their
// separator found by SheetJS, and every field kept as the text it is, for the core to read
// amounts such as "£1,234.56" and "(1,234.56)" by its own rules: its grid says all is text.
import * as XLSX from '@e965/xlsx';
import path from 'path';
import { CellAt, CellRange, CellValue, DAYS_TO_1904, Grid, excelSerial, isDateFormat, isPercentFormat, mergedAcross, sheetOfReference, sheetReference } from '../../core/cell';
import { firstCharacters } from '../../core/limits';
import { PackageError } from './package-error';
import { decodeEntities } from './xml';
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
 * A sheet name as Excel allows one: 31 characters at most, none of []:*?/\ and no apostrophe at
 * either end, control characters made spaces like those, and no character cut in two; `fallback`
 * when nothing is left.
 */
export function sheetName(name: string, fallback = 'Sheet1'): string {
  const clean = firstCharacters(name.replace(/[[\]:*?/\\\p{Cc}]/gu, ' ').replace(/^'+|'+$/g, '').trim(), 31).trim();
  return clean === '' ? fallback : clean;
}

/** A text file's sheet: named after the file. */
export const sheetNameOfFile = (file: string): string => sheetName(path.basename(file, path.extname(file)));

/**
 * A workbook's sheet names as sheetName makes them, each one of its own: a name that changes and
 * then is another sheet's (as Excel compares names, in any case) is told apart by a number,
 * "Notes (2)"; a name that needs no change keeps it.
 */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set(names.filter((name) => sheetName(name) === name).map((name) => name.toLowerCase()));
  return names.map((name, i) => {
    if (sheetName(name) === name) return name;
    const clean = sheetName(name, `Sheet${i + 1}`);
    let unique = clean;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${firstCharacters(clean, 31 - ` (${n})`.length).trim()} (${n})`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

/** A defined name's reference with its sheet under the name the reader gives that sheet. */
function onRenamedSheet(reference: string, renamed: ReadonlyMap<string, string>): string {
  const body = reference.trim().replace(/^=/, '');
  if (!body.includes('!') || body.includes(',')) return reference;
  const to = renamed.get(sheetOfReference(body));
  return to === undefined ? reference : `${sheetReference(to)}!${body.slice(body.lastIndexOf('!') + 1)}`;
}

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's': return String(cell.v ?? '');
    case 'b': return Boolean(cell.v);
    case 'e': return { error: cell.w ?? XLSX.utils.format_cell(cell) };
    case 'n': {
      const number = Number(cell.v);
      return cell.z !== undefined && isDateFormat(String(cell.z)) ? dateCell(date1904 ? number + DAYS_TO_1904 : number) : number;
    }
    // A date as SheetJS gives it: the day it names, as a serial, so that a date outside Excel's is the number Excel would hold.
    case 'd': return cell.v instanceof Date && Number.isFinite(cell.v.getTime()) ? dateCell(excelSerial({ year: cell.v.getUTCFullYear(), month: cell.v.getUTCMonth() + 1, day: cell.v.getUTCDate() })) : null;
    default: return null;
  }
}

function sheetGrid(sheet: XLSX.WorkSheet, name: string, date1904: boolean, allText: boolean, range?: CellRange): Grid {
  const used = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : undefined;
  const top = range?.top ?? 1;
  const left = range?.left ?? 1;
  const bottom = range?.bottom ?? (used ? used.e.r + 1 : 0);
  const right = range?.right ?? (used ? used.e.c + 1 : 0);
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const merges = (sheet['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const percentCells: CellAt[] = [];
  for (let r = top; r <= bottom; r++) {
    if (sheet['!rows']?.[r - 1]?.hidden) hiddenRows.push(r);
    const row: CellValue[] = [];
    const cells = data[r - 1] ?? [];
    for (let c = left; c <= Math.min(right, cells.length); c++) {
      const cell = cells[c - 1];
      const value = cellValue(cell, date1904);
      if (value === null) continue;
      row[c - left] = value;
      if (typeof value === 'number' && cell?.z !== undefined && isPercentFormat(String(cell.z))) percentCells.push({ row: r, column: c });
    }
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    values.push(row);
  }
  emptyMergedCells(values, top, left, merges);
  const mergedAcrossRows = mergedAcross(merges, { top, left, bottom, right });
  return {
    sheet: name, top, left, values,
    ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
    ...(mergedAcrossRows.length > 0 ? { mergedAcrossRows } : {}),
    ...(percentCells.length > 0 ? { percentCells } : {}),
    ...(allText ? { allText } : {}),
  };
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
  // SheetJS leaves an OpenDocument sheet's name as its XML spells it ("R&amp;D").
  const held = kind === 'ods' ? book.SheetNames.map(decodeEntities) : book.SheetNames;
  const names = kind === 'csv' ? [sheetNameOfFile(file)] : sheetNames(held);
  const sheets = names.map((name, i) => ({ name, hidden: (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 }));
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const renamed = new Map(held.flatMap((name, i) => (names[i] === name ? [] : [[name, names[i]] as const])));
  // A name of one sheet's own gives that sheet's index (SheetJS's `Sheet`).
  const definedNames = (book.Workbook?.Names ?? []).map((n) => ({ name: n.Name, text: onRenamedSheet(n.Ref, renamed), ...(n.Sheet === undefined || n.Sheet === null ? {} : { scope: names[n.Sheet] ?? '' }) }));
  const workbook = { kind, sheets, definedNames: namesWithSheets(definedNames), namedRanges: rangeNames(definedNames, sheets) };
  if (kind === 'csv') {
    // A text file's one sheet is made a grid at once and SheetJS's cells let go, which take several
    // times the grid's memory; a range is then cut from the grid.
    return { ...workbook, grid: gridsOf(sheetGrid(book.Sheets[book.SheetNames[0]], names[0], date1904, true)) };
  }
  return {
    ...workbook,
    grid: async (name, range) => {
      const index = names.indexOf(name);
      if (index < 0) throw new Error(`the workbook has no sheet "${name}"`);
      return sheetGrid(book.Sheets[book.SheetNames[index]], name, date1904, false, range);
    },
  };
}

/** A text file's grids, cut from its one sheet's: made here, so that nothing keeps SheetJS's cells. */
function gridsOf(whole: Grid): SourceWorkbook['grid'] {
  return async (name, range) => within(whole, name, range);
}

/** The cells of a text file's sheet in `range`, as `sheetGrid` reads them (a text file has no merged cells, hidden rows or formats, and all its cells are text). */
function within(whole: Grid, name: string, range?: CellRange): Grid {
  if (name !== whole.sheet) throw new Error(`the workbook has no sheet "${name}"`);
  if (!range) return whole;
  const values = Array.from({ length: range.bottom - range.top + 1 }, (_, r) => {
    const row = (whole.values[range.top + r - whole.top] ?? []).slice(range.left - whole.left, range.right - whole.left + 1);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  return { sheet: name, top: range.top, left: range.left, values, ...(whole.allText ? { allText: whole.allText } : {}) };
}
