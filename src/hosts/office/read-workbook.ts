// Reads what the product needs from the open workbook in ONE round trip (two when the source is a
// sheet's Excel table): the source cells (the selection, or the active sheet's first table or used
// range) with the rows of them that are hidden, the blocks merged across rows and the cells
// formatted as percentages, the sheet names, the defined names (which mark the product's own
// sheets) and the workbook's date system. It decides nothing about what the cells mean.
import { CellAt, CellRange, CellValue, Grid, a1, dateOfSerial, isDateFormat, isPercentFormat, mergedAcross, sheetOfReference } from '../../core/cell';
import { isoDate } from '../../core/calendar-date';
import { serialIn1900 } from '../date-system';
import { codeOf } from './excel-access';


export type SourceChoice = 'selection' | 'sheet';

export interface WorkbookState {
  /** The source cells; undefined when the sheet is empty. */
  readonly grid: Grid | undefined;
  readonly sheetNames: readonly string[];
  /** The workbook's names (Office.js lists those of the workbook's scope only, never a sheet's own): each with the sheet it refers to and its formula. */
  readonly definedNames: readonly { name: string; sheet: string; formula: string }[];
  /** The source range's address, e.g. `Costs!A1:C12`. */
  readonly address: string | undefined;
  /** The Excel table read, when the source is the sheet and the sheet has one. */
  readonly table?: string;
  /** The values of the named ranges asked for, by name; undefined for a name the workbook lacks. */
  readonly named?: Readonly<Record<string, unknown[][] | undefined>>;
  /** Open read-only (Workbook.readOnly, ExcelApi 1.8): nothing can be written. */
  readonly readOnly: boolean;
  /** Its structure is protected (WorkbookProtection, ExcelApi 1.7): no sheet can be added or deleted. */
  readonly structureProtected: boolean;
  /** It counts dates in the 1904 date system (`countsFrom1904`). */
  readonly date1904: boolean;
}

/** One cell as the core sees it, from what Excel reports of it; a date in a workbook of the 1904 date system (`date1904`) counted as in the 1900 one. */
export function cellValue(value: unknown, type: Excel.RangeValueType | `${Excel.RangeValueType}`, format: string, date1904 = false): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return Boolean(value);
    case 'Double': {
      // A number outside Excel's dates is not a date, whatever its format: it is the number it is.
      const date = typeof value === 'number' && isDateFormat(format) ? dateOfSerial(serialIn1900(value, date1904)) : undefined;
      return date ? { date: isoDate(date) } : Number(value);
    }
    default:
      return value === '' ? null : String(value);
  }
}

/**
 * Cells read in one request when a source is too large for one response (about 45 bytes a cell);
 * a row's hidden flag costs about half a cell.
 */
const CELLS_PER_READ = 60_000;

export const isResponseTooLarge = (error: unknown) => codeOf(error) === 'ResponsePayloadSizeLimitExceeded';

/** What is read of each row beside its cells: whether it is hidden (by hand or by a filter). */
const ROW_PROPERTIES: Excel.RowPropertiesLoadOptions = { rowHidden: true };

/** What to read beside the source. */
export interface ReadOptions {
  /** Named ranges whose values to read too (undefined in the answer for a name the workbook lacks). */
  readonly named?: readonly string[];
  /**
   * Whether to read the merged blocks (Range.getMergedAreasOrNullObject, ExcelApi 1.13): only on an
   * Excel that has it (`readsMergedAreas`); without it the source's merged cells are not seen.
   */
  readonly mergedAreas?: boolean;
}

/**
 * Queues the question of which date system the workbook counts in, and gives its answer after the
 * sync: Excel's DATE(1904, 1, 1) (Workbook.functions, ExcelApi 1.2) is 0 in a workbook of the 1904
 * date system and 1462 in one of the 1900 system. (Workbook.use1904DateSystem, which says it
 * directly, is a preview API, in no requirement set an add-in can rely on.)
 */
export function countsFrom1904(workbook: Excel.Workbook): () => boolean {
  const day = workbook.functions.date(1904, 1, 1).load('value');
  return () => day.value === 0;
}

/** A block of cells as read: its values, the sheet rows of it that are hidden, and its cells of a number formatted as a percentage. */
interface Block {
  readonly values: CellValue[][];
  readonly hiddenRows: number[];
  readonly percentCells: CellAt[];
}

/**
 * Reads the source, the sheet names and the defined names in one round trip, with the rows of the
 * source that are hidden or filtered out (Range.getRowProperties, ExcelApi 1.9, in the same
 * request) and, when asked, the blocks merged across its rows. The source is the selection; or, to find the table on the active sheet, the sheet's
 * first Excel table, header row included, when it has one, else its used range (a blank sheet
 * gives no grid). A table takes a second round trip: which tables the sheet has comes back with
 * the first, and Office.js has no null-object way to ask for "the first table, if any" in it
 * (TableCollection.getItemAt has no *OrNullObject variant, and an accessor whose object does not
 * exist fails the whole request, here on every sheet without a table). A source too
 * large for one response (Excel on the web returns at most 5 MB) is read again in pieces of whole
 * rows.
 */
export async function readWorkbook(context: Excel.RequestContext, source: SourceChoice, options: ReadOptions = {}): Promise<WorkbookState> {
  const named = options.named ?? [];
  if (!options.mergedAreas) return readSource(context, source, named, false);
  try {
    return await readSource(context, source, named, true);
  } catch (error) {
    // Excel fails the whole request when more than 512 merged blocks meet the source: the source
    // is read again without them.
    if (codeOf(error) !== 'GeneralException') throw error;
    return readSource(context, source, named, false);
  }
}

async function readSource(context: Excel.RequestContext, source: SourceChoice, named: readonly string[], withMerges: boolean): Promise<WorkbookState> {
  const workbook = context.workbook;
  const selected = source === 'selection' ? workbook.getSelectedRange() : undefined;
  const sheet = selected ? selected.worksheet : workbook.worksheets.getActiveWorksheet();
  const tables = selected ? undefined : sheet.tables;
  // getUsedRange, not its null-object variant: on a blank sheet it gives A1 rather than a null object,
  // so that getRowProperties can be queued on it before the sync says whether the sheet is blank.
  const used = selected ?? sheet.getUsedRange(true);
  let namedRanges: Excel.Range[] = [];
  let merged: Excel.RangeAreas | undefined;
  let from1904 = () => false;
  const queueNames = () => {
    workbook.load('readOnly');
    from1904 = countsFrom1904(workbook);
    workbook.protection.load('protected');
    sheet.load('name');
    workbook.worksheets.load('items/name');
    workbook.names.load('items/name,items/formula');
    tables?.load('items/name');
    namedRanges = named.map((name) => workbook.names.getItemOrNullObject(name).getRangeOrNullObject().load('values'));
    if (withMerges) {
      merged = used.getMergedAreasOrNullObject();
      merged.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
    }
  };
  queueNames();
  // The date system comes back in the same response as the cells: they are converted once it has.
  const date1904 = () => from1904();
  const whole = await readWhole(context, used, queueNames, date1904);

  const sheetNames = workbook.worksheets.items.map((s) => s.name);
  const definedNames = namesHeld(workbook.names.items);
  const namedValues = named.length === 0 ? {} : { named: Object.fromEntries(named.map((name, i) => [name, namedRanges[i].isNullObject ? undefined : namedRanges[i].values])) };
  const access = { readOnly: workbook.readOnly, structureProtected: workbook.protection.protected, date1904: date1904() };
  const table = tables?.items[0];
  let range = used;
  let block = whole;
  if (table) {
    range = table.getRange();
    block = await readWhole(context, range, () => undefined, date1904);
  } else if (!selected && whole && isBlank(whole)) {
    return { grid: undefined, sheetNames, definedNames, address: undefined, ...namedValues, ...access };
  }
  block ??= await readInPieces(context, sheet, range, date1904());
  const top = range.rowIndex + 1;
  const left = range.columnIndex + 1;
  // An Excel table holds no merged cells.
  const merges = table || !merged || merged.isNullObject ? [] : merged.areas.items.map(rangeOf);
  const mergedAcrossRows = mergedAcross(merges, { top, left, bottom: top + block.values.length - 1, right: left + (block.values[0]?.length ?? 1) - 1 });
  const grid: Grid = {
    sheet: sheet.name, top, left, values: block.values,
    ...(block.hiddenRows.length > 0 ? { hiddenRows: block.hiddenRows } : {}),
    ...(mergedAcrossRows.length > 0 ? { mergedAcrossRows } : {}),
    ...(block.percentCells.length > 0 ? { percentCells: block.percentCells } : {}),
  };
  return { grid, sheetNames, definedNames, address: range.address, ...(table ? { table: table.name } : {}), ...namedValues, ...access };
}

/** A range's place in sheet rows and columns (1-based), from its loaded position and size. */
function rangeOf(range: Excel.Range): CellRange {
  return { top: range.rowIndex + 1, left: range.columnIndex + 1, bottom: range.rowIndex + range.rowCount, right: range.columnIndex + range.columnCount };
}

/** The used range of a sheet without values: its one cell, empty. */
function isBlank(block: Block): boolean {
  return block.values.length === 1 && block.values[0].length === 1 && block.values[0][0] === null;
}

/**
 * A range's cells and hidden rows, in the sync that also carries whatever the caller queued; or,
 * when the response would be too large, undefined, after a sync that carries the caller's loads
 * again and the range's shape, for reading it in pieces. Its address and position are loaded
 * either way.
 */
async function readWhole(context: Excel.RequestContext, range: Excel.Range, queueAgain: () => void, date1904: () => boolean): Promise<Block | undefined> {
  range.load('values,valueTypes,numberFormat,address,rowIndex,columnIndex');
  const rows = range.getRowProperties(ROW_PROPERTIES);
  try {
    await context.sync();
  } catch (error) {
    if (!isResponseTooLarge(error)) throw error;
    queueAgain();
    range.load('address,rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    return undefined;
  }
  return { ...cellsOf(range, range.rowIndex, range.columnIndex, date1904()), hiddenRows: hiddenRowsOf(rows.value, range.rowIndex + 1) };
}

/** A range's cells as loaded (values, value types, number formats), with those of a number formatted as a percentage, in sheet rows and columns from its top-left cell at (rowIndex, columnIndex). */
function cellsOf(range: Excel.Range, rowIndex: number, columnIndex: number, date1904: boolean): { values: CellValue[][]; percentCells: CellAt[] } {
  const percentCells: CellAt[] = [];
  const values = range.values.map((row, r) => row.map((value, c) => {
    const format = String(range.numberFormat[r][c]);
    const type = range.valueTypes[r][c];
    if (type === 'Double' && isPercentFormat(format)) percentCells.push({ row: rowIndex + r + 1, column: columnIndex + c + 1 });
    return cellValue(value, type, format, date1904);
  }));
  return { values, percentCells };
}

/** The sheet rows (1-based) of the hidden rows, from getRowProperties' items, one a row from `top`. */
function hiddenRowsOf(rows: readonly Excel.RowProperties[], top: number): number[] {
  return rows.flatMap((row, i) => (row.rowHidden ? [top + i] : []));
}

/** A range's place and size, as loaded (`rowIndex`, `columnIndex`, `rowCount`, `columnCount`). */
export interface RangeShape {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** A range cut into pieces of whole rows of at most `cellsPerPiece` cells (at least a row each), top to bottom. */
export function rowPieces(range: RangeShape, cellsPerPiece: number): RangeShape[] {
  const rowsPerPiece = Math.max(1, Math.floor(cellsPerPiece / (range.columnCount + 0.5)));
  const pieces: RangeShape[] = [];
  for (let offset = 0; offset < range.rowCount; offset += rowsPerPiece) {
    pieces.push({ rowIndex: range.rowIndex + offset, columnIndex: range.columnIndex, rowCount: Math.min(rowsPerPiece, range.rowCount - offset), columnCount: range.columnCount });
  }
  return pieces;
}

/** A range's A1 address on its sheet (`B2:D40`). */
export function addressOf(range: RangeShape): string {
  return `${a1(range.rowIndex + 1, range.columnIndex + 1)}:${a1(range.rowIndex + range.rowCount, range.columnIndex + range.columnCount)}`;
}

/** A large source in pieces of whole rows, one request each (each response under the limit). */
async function readInPieces(context: Excel.RequestContext, sheet: Excel.Worksheet, range: Excel.Range, date1904: boolean): Promise<Block> {
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const percentCells: CellAt[] = [];
  for (const shape of rowPieces(range, CELLS_PER_READ)) {
    const piece = sheet.getRange(addressOf(shape));
    piece.load('values,valueTypes,numberFormat');
    const rows = piece.getRowProperties(ROW_PROPERTIES);
    await context.sync(); // one piece a request: the response limit allows no fewer
    const cells = cellsOf(piece, shape.rowIndex, shape.columnIndex, date1904);
    values.push(...cells.values);
    percentCells.push(...cells.percentCells);
    hiddenRows.push(...hiddenRowsOf(rows.value, shape.rowIndex + 1));
  }
  return { values, hiddenRows, percentCells };
}

/** Each name as read: its name, the sheet it refers to and its formula. */
function namesHeld(items: readonly Excel.NamedItem[]): { name: string; sheet: string; formula: string }[] {
  return items.map((item) => ({ name: item.name, sheet: sheetOfReference(item.formula), formula: item.formula }));
}

/** What a previous run may have left: the defined names, and the values of the named ranges asked for. */
export interface NamesRead {
  /** The workbook's names (Office.js lists those of the workbook's scope only, never a sheet's own): each with the sheet it refers to and its formula (marker names find the product's sheets). */
  readonly definedNames: readonly { name: string; sheet: string; formula: string }[];
  /** Every sheet's name. */
  readonly sheetNames: readonly string[];
  /** Each name asked for: its range's values, or undefined when the workbook has no such name or it refers to no range. */
  readonly values: Record<string, unknown[][] | undefined>;
}

/**
 * The defined names, the sheet names and the values of the named ranges `names`, in ONE round trip: whether the
 * workbook holds a previous run is for the caller to decide from the names.
 */
export async function readLastRun(context: Excel.RequestContext, names: readonly string[]): Promise<NamesRead> {
  const defined = context.workbook.names;
  defined.load('items/name,items/formula');
  const sheets = context.workbook.worksheets.load('items/name');
  const ranges = names.map((name) => {
    const range = defined.getItemOrNullObject(name).getRangeOrNullObject();
    range.load('values');
    return range;
  });
  await context.sync();
  return {
    definedNames: namesHeld(defined.items),
    sheetNames: sheets.items.map((sheet) => sheet.name),
    values: Object.fromEntries(names.map((name, i) => [name, ranges[i].isNullObject ? undefined : ranges[i].values])),
  };
}
