// Reads the workbooks vfm cannot edit in place, Excel 97-2003 (.xls), OpenDocument (.ods) and
// text (.csv), through SheetJS, into the same grids as a package. Text files are read as
// UTF-8 (with or without a byte-order mark; Windows-1252 when they are not UTF-8), their
// separator found by SheetJS, and every field kept as the text it is, for the core to read
// amounts such as "£1,234.56" and "(1,234.56)" by its own rules: its grid says all is text. A
// text file the command reads is read as it comes (readTextWorkbook), never held whole.
import * as XLSX from '@e965/xlsx';
import path from 'path';
import { isDeepStrictEqual } from 'util';
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

/** How SheetJS is asked to read every file: a text file's fields kept as the text they are. */
const OPTIONS: XLSX.ParsingOptions = { dense: true, cellNF: true, cellDates: false, cellStyles: true, cellHTML: false };

function parsed(read: () => XLSX.WorkBook, kind: Kind): XLSX.WorkBook {
  try {
    return quietly(read);
  } catch (error) {
    const what = KIND_WORDS[kind];
    throw new PackageError(/password/i.test((error as Error).message) ? `it is ${what} protected with a password` : `it is ${what}, but it is damaged or in a form vfm cannot read`);
  }
}

const parsedText = (text: string): XLSX.WorkBook => parsed(() => XLSX.read(text, { ...OPTIONS, type: 'string', raw: true }), 'csv');

/** A workbook's sheets and names as SheetJS read them, under the names the reader gives its sheets. */
function described(book: XLSX.WorkBook, kind: Kind, file: string) {
  // SheetJS leaves an OpenDocument sheet's name as its XML spells it ("R&amp;D").
  const held = kind === 'ods' ? book.SheetNames.map(decodeEntities) : book.SheetNames;
  const names = kind === 'csv' ? [sheetNameOfFile(file)] : sheetNames(held);
  const sheets = names.map((name, i) => ({ name, hidden: (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 }));
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const renamed = new Map(held.flatMap((name, i) => (names[i] === name ? [] : [[name, names[i]] as const])));
  // A name of one sheet's own gives that sheet's index (SheetJS's `Sheet`).
  const definedNames = (book.Workbook?.Names ?? []).map((n) => ({ name: n.Name, text: onRenamedSheet(n.Ref, renamed), ...(n.Sheet === undefined || n.Sheet === null ? {} : { scope: names[n.Sheet] ?? '' }) }));
  return { names, date1904, workbook: { kind, sheets, definedNames: namesWithSheets(definedNames), namedRanges: rangeNames(definedNames, sheets) } };
}

/** A text file's one sheet as a grid, made at once so that SheetJS's cells, which take several times the grid's memory, are let go. */
const firstSheetGrid = (book: XLSX.WorkBook, name: string, date1904: boolean): Grid => sheetGrid(book.Sheets[book.SheetNames[0]], name, date1904, true);

export function readSheetJsWorkbook(bytes: Uint8Array, kind: Kind, file: string): SourceWorkbook {
  const book = kind === 'csv' ? parsedText(decodeText(bytes)) : parsed(() => XLSX.read(bytes, { ...OPTIONS, type: 'buffer' }), kind);
  const { names, date1904, workbook } = described(book, kind, file);
  // A range is then cut from a text file's grid.
  if (kind === 'csv') return { ...workbook, grid: gridsOf(firstSheetGrid(book, names[0], date1904)) };
  return {
    ...workbook,
    grid: async (name, range) => {
      const index = names.indexOf(name);
      if (index < 0) throw new Error(`the workbook has no sheet "${name}"`);
      return sheetGrid(book.Sheets[book.SheetNames[index]], name, date1904, false, range);
    },
  };
}

/** The bytes of a file from its start, in order, each piece used before the next is asked for; asked again, from the start again. */
export type Chunks = () => AsyncIterable<Uint8Array>;

/** The bytes were not UTF-8 somewhere: the file is read again from its start as Windows-1252. */
class NotUtf8 extends Error {}
/** The file cannot be read in pieces exactly as SheetJS reads it whole: it is read whole. */
class ReadWhole extends Error {}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character the bytes after them complete: they
 * are decoded with those, so that no character is cut in two.
 */
function unfinishedCharacter(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * A text file's characters, decoded as decodeText decodes the whole file, as they come. Each part
 * is decoded whole (a decoder fed in a stream makes text of two bytes a character, twice the
 * memory), a character cut between two pieces read decoded with the piece after it.
 */
async function* decodedText(chunks: Chunks, encoding: 'utf-8' | 'windows-1252'): AsyncIterable<string> {
  // UTF-8's byte-order mark is dropped by the decoder at the file's start only, a second as decodeText drops it.
  const atStart = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  // (Only UTF-8 has a byte-order mark to keep; Node 20's Windows-1252 decoder told to keep one drops a last byte 0xFF.)
  const later = encoding === 'utf-8' ? new TextDecoder(encoding, { fatal: true, ignoreBOM: true }) : atStart;
  let decoder = atStart;
  let started = false;
  const decode = (bytes: Uint8Array): string => {
    if (bytes.length === 0) return '';
    let text;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new NotUtf8();
    }
    decoder = later;
    if (started || text === '') return text;
    started = true;
    return encoding === 'utf-8' ? text.replace(/^\uFEFF/, '') : text;
  };
  let carried: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks()) {
    const bytes = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
    const unfinished = encoding === 'utf-8' ? unfinishedCharacter(bytes) : 0;
    const text = decode(bytes.subarray(0, bytes.length - unfinished));
    carried = Uint8Array.from(bytes.subarray(bytes.length - unfinished));
    if (text !== '') yield text;
  }
  const last = decode(carried);
  if (last !== '') yield last;
}

/**
 * SheetJS's guess at a text file's separator from its first 1,024 characters (`guess_sep`, which
 * it does not export): the most frequent of comma, tab, semicolon and bar outside quotes, a tie to
 * the one listed first, a comma when there is none.
 */
function guessedSeparator(head: string): string {
  const candidates = [',', '\t', ';', '|'];
  const counts = new Map<string, number>();
  let quoted = false;
  for (const character of head.slice(0, 1024)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && candidates.includes(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const candidate of candidates) {
    const count = counts.get(candidate) ?? 0;
    if (count > most) [best, most] = [candidate, count];
  }
  return best;
}

/** The separator SheetJS reads a whole text with: the one a first line `sep=X` names, else its guess. */
const hasSeparatorLine = (text: string): boolean => /^sep=.[\r\n]/s.test(text);
const separatorOf = (text: string): string => (hasSeparatorLine(text) ? text.charAt(4) : guessedSeparator(text));

/**
 * A text's records, cut where SheetJS's reading of the whole text ends one: a line end outside a
 * field that opens with a quote (SheetJS reads a quote as a field's quoting only when it opens the
 * field), a CR LF kept together. The text comes in parts; a piece is cut at the last record end
 * once `threshold` characters are waiting.
 */
class RecordCutter {
  private parts: string[] = [];
  private length = 0;
  /** Where in the waiting text the last record end is, or 0. */
  private cut = 0;
  private quoted = false;
  private quotedField = false;
  private atFieldStart = true;
  private afterReturn = false;

  /**
   * @param notBefore the length of a first line `sep=X`, which SheetJS reads as no record: the
   * first piece holds a record after it.
   */
  constructor(private readonly separator: number, private notBefore: number) {
    this.special = new RegExp(`["\\r\\n\\u${separator.toString(16).padStart(4, '0')}]`, 'g');
  }

  /** The characters that can start or end a field or a record: the ones looked at. */
  private readonly special: RegExp;

  add(text: string): void {
    const base = this.length;
    const separator = this.separator;
    const special = this.special;
    let { cut, quoted, quotedField, atFieldStart, afterReturn } = this;
    for (let i = 0; i < text.length; i++) {
      if (!afterReturn && !atFieldStart) {
        // Within a field, on to the next character that matters: within quotes, only a quote.
        if (quoted) {
          i = text.indexOf('"', i);
        } else {
          special.lastIndex = i;
          i = special.test(text) ? special.lastIndex - 1 : -1;
        }
        if (i < 0) break;
      }
      const c = text.charCodeAt(i);
      if (afterReturn) {
        afterReturn = false;
        atFieldStart = true;
        if (c === 0x0a) {
          cut = base + i + 1;
          continue;
        }
        cut = base + i;
      }
      if (atFieldStart) {
        quotedField = c === 0x22;
        atFieldStart = false;
      }
      if (c === 0x22) {
        if (quotedField) quoted = !quoted;
      } else if (quoted) {
        // Inside a quoted field: nothing ends here.
      } else if (c === 0x0d) {
        afterReturn = true;
      } else if (c === separator) {
        atFieldStart = true;
      } else if (c === 0x0a) {
        atFieldStart = true;
        cut = base + i + 1;
      }
    }
    this.cut = cut;
    this.quoted = quoted;
    this.quotedField = quotedField;
    this.atFieldStart = atFieldStart;
    this.afterReturn = afterReturn;
    this.parts.push(text);
    this.length += text.length;
  }

  /** The waiting text up to its last record end, once `threshold` characters wait. */
  piece(threshold: number): string | undefined {
    if (this.length < threshold || this.cut <= this.notBefore) return undefined;
    this.notBefore = 0;
    const waiting = this.parts.join('');
    const piece = waiting.slice(0, this.cut);
    const rest = waiting.slice(this.cut);
    this.parts = rest === '' ? [] : [rest];
    this.length = rest.length;
    this.cut = 0;
    return piece;
  }

  /** All the text still waiting. */
  rest(): string {
    const rest = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return rest;
  }
}

/** Rows of a text file's grid gathered piece by piece, numbered on from the pieces before. */
class GridRows {
  readonly values: CellValue[][] = [];
  readonly hiddenRows: number[] = [];
  readonly mergedAcrossRows: CellRange[] = [];
  readonly percentCells: CellAt[] = [];

  add(piece: Grid): void {
    const offset = this.values.length;
    for (const row of piece.values) this.values.push(row as CellValue[]);
    for (const row of piece.hiddenRows ?? []) this.hiddenRows.push(row + offset);
    for (const range of piece.mergedAcrossRows ?? []) this.mergedAcrossRows.push({ ...range, top: range.top + offset, bottom: range.bottom + offset });
    for (const cell of piece.percentCells ?? []) this.percentCells.push({ ...cell, row: cell.row + offset });
  }

  grid(sheet: string): Grid {
    return {
      sheet, top: 1, left: 1, values: this.values,
      ...(this.hiddenRows.length > 0 ? { hiddenRows: this.hiddenRows } : {}),
      ...(this.mergedAcrossRows.length > 0 ? { mergedAcrossRows: this.mergedAcrossRows } : {}),
      ...(this.percentCells.length > 0 ? { percentCells: this.percentCells } : {}),
      allText: true,
    };
  }
}

/**
 * A text file (.csv) read as readSheetJsWorkbook reads its bytes, without ever holding them whole,
 * as bytes or as one string: decoded as it is read (read again from the start as Windows-1252 when
 * it is not UTF-8), cut into pieces of about `pieceChars` characters at record ends, each piece
 * read by SheetJS with the separator it found at the start of the file, the pieces' rows one
 * grid. A file SheetJS would not read as separated values (it is read whole as something else)
 * is read whole, as readSheetJsWorkbook reads it.
 */
export async function readTextWorkbook(chunks: Chunks, file: string, pieceChars = 4 << 20): Promise<SourceWorkbook> {
  for (const encoding of ['utf-8', 'windows-1252'] as const) {
    try {
      return await textInPieces(chunks, file, pieceChars, encoding);
    } catch (error) {
      if (error instanceof ReadWhole) break;
      if (!(error instanceof NotUtf8)) throw error;
    }
  }
  const whole: Buffer[] = [];
  for await (const chunk of chunks()) whole.push(Buffer.from(chunk));
  return readSheetJsWorkbook(Buffer.concat(whole), 'csv', file);
}

async function textInPieces(chunks: Chunks, file: string, pieceChars: number, encoding: 'utf-8' | 'windows-1252'): Promise<SourceWorkbook> {
  // The first piece holds at least what SheetJS guesses the separator from, and no more than it must.
  const firstChars = Math.max(1024, Math.min(pieceChars, 1 << 16));
  let cutter: RecordCutter | undefined;
  let head = '';
  let separator = ',';
  let workbook: ReturnType<typeof described>['workbook'] | undefined;
  const rows = new GridRows();
  const name = sheetNameOfFile(file);
  /** Whether SheetJS read the first piece as separated values with `separator` between fields, as the pieces after it are read. */
  const readAsSeparatedValues = (piece: string): boolean => {
    if (['"', '\r', '\n'].includes(separator) || /^[\r\n ]*$/.test(piece)) return false;
    if (hasSeparatorLine(piece)) return true;
    try {
      return isDeepStrictEqual(rows.values, firstSheetGrid(parsedText(`sep=${separator}\n${piece}`), name, false).values);
    } catch {
      return false;
    }
  };
  const read = (piece: string): void => {
    if (workbook === undefined) {
      let book;
      try {
        book = parsedText(piece);
      } catch {
        // What SheetJS cannot read in part it may read whole, or refuse in its own words.
        throw new ReadWhole();
      }
      workbook = described(book, 'csv', file).workbook;
      rows.add(firstSheetGrid(book, name, false));
      if (!readAsSeparatedValues(piece)) throw new ReadWhole();
    } else {
      // A first line `sep=X` makes SheetJS read the rest as separated values, with X between fields.
      rows.add(firstSheetGrid(parsedText(`sep=${separator}\n${piece}`), name, false));
    }
  };
  for await (const text of decodedText(chunks, encoding)) {
    if (cutter === undefined) {
      head += text;
      if (head.length < firstChars) continue;
      separator = separatorOf(head);
      cutter = new RecordCutter(separator.charCodeAt(0), !hasSeparatorLine(head) ? 0 : head.startsWith('\r\n', 5) ? 7 : 6);
      cutter.add(head);
      head = '';
    } else {
      cutter.add(text);
    }
    const piece = cutter.piece(workbook === undefined ? firstChars : pieceChars);
    if (piece !== undefined) read(piece);
  }
  const rest = cutter === undefined ? head : cutter.rest();
  if (workbook === undefined) {
    // The whole text is one piece: read as readSheetJsWorkbook reads it.
    const book = parsedText(rest);
    const whole = described(book, 'csv', file);
    return { ...whole.workbook, grid: gridsOf(firstSheetGrid(book, whole.names[0], whole.date1904)) };
  }
  if (rest !== '') read(rest);
  return { ...workbook, grid: gridsOf(rows.grid(name)) };
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
