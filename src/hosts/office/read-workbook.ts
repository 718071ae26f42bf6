// Reads what the product needs from the open workbook in ONE round trip: the source cells (the
// selection, or the active sheet's used range), the sheet names, and the defined names (which mark
// the product's own sheets). It decides nothing about what the cells mean.
import { CellValue, Grid, a1, dateOfSerial, sheetOfReference } from '../../core/cell';
import { isoDate } from '../../core/calendar-date';


export type SourceChoice = 'selection' | 'sheet';

export interface WorkbookState {
  /** The source cells; undefined when the sheet is empty. */
  readonly grid: Grid | undefined;
  readonly sheetNames: readonly string[];
  /** Every defined name with the sheet it refers to. */
  readonly definedNames: readonly { name: string; sheet: string }[];
  /** The source range's address, e.g. `Costs!A1:C12`. */
  readonly address: string | undefined;
}

/** A number format that shows a date (d, m and y codes outside quotes and brackets), not a number. */
export function isDateFormat(format: string): boolean {
  const codes = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(codes) && !/^general$/i.test(codes);
}

/** One cell as the core sees it, from what Excel reports of it. */
export function cellValue(value: unknown, type: Excel.RangeValueType | `${Excel.RangeValueType}`, format: string): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return Boolean(value);
    case 'Double': {
      // A number outside Excel's dates is not a date, whatever its format: it is the number it is.
      const date = typeof value === 'number' && isDateFormat(format) ? dateOfSerial(value) : undefined;
      return date ? { date: isoDate(date) } : Number(value);
    }
    default:
      return value === '' ? null : String(value);
  }
}

/** Cells read in one request when a source is too large for one response (about 45 bytes a cell). */
const CELLS_PER_READ = 60_000;

const isResponseTooLarge = (error: unknown) => (error as { code?: string } | null)?.code === 'ResponsePayloadSizeLimitExceeded';

/**
 * Reads the source, the sheet names and the defined names in one round trip. A source too large for
 * one response (Excel on the web returns at most 5 MB) is read again in pieces of whole rows.
 */
export async function readWorkbook(context: Excel.RequestContext, source: SourceChoice): Promise<WorkbookState> {
  const workbook = context.workbook;
  const selected = source === 'selection' ? workbook.getSelectedRange() : undefined;
  const sheet = selected ? selected.worksheet : workbook.worksheets.getActiveWorksheet();
  const range = selected ?? sheet.getUsedRangeOrNullObject(true);
  sheet.load('name');
  workbook.worksheets.load('items/name');
  workbook.names.load('items/name,items/formula');
  range.load('values,valueTypes,numberFormat,address,rowIndex,columnIndex');
  let whole = true;
  try {
    await context.sync();
  } catch (error) {
    if (!isResponseTooLarge(error)) throw error;
    whole = false;
    sheet.load('name');
    workbook.worksheets.load('items/name');
    workbook.names.load('items/name,items/formula');
    range.load('address,rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
  }

  const sheetNames = workbook.worksheets.items.map((s) => s.name);
  const definedNames = workbook.names.items.map((item) => ({ name: item.name, sheet: sheetOfReference(item.formula) }));
  if (range.isNullObject) return { grid: undefined, sheetNames, definedNames, address: undefined };
  const values = whole ? cellsOf(range) : await readInPieces(context, sheet, range);
  const grid: Grid = { sheet: sheet.name, top: range.rowIndex + 1, left: range.columnIndex + 1, values };
  return { grid, sheetNames, definedNames, address: range.address };
}

function cellsOf(range: Excel.Range): CellValue[][] {
  return range.values.map((row, r) => row.map((value, c) => cellValue(value, range.valueTypes[r][c], String(range.numberFormat[r][c]))));
}

/** A large source in pieces of whole rows, one request each (each response under the limit). */
async function readInPieces(context: Excel.RequestContext, sheet: Excel.Worksheet, range: Excel.Range): Promise<CellValue[][]> {
  const rowsPerPiece = Math.max(1, Math.floor(CELLS_PER_READ / range.columnCount));
  const left = range.columnIndex + 1;
  const right = left + range.columnCount - 1;
  const values: CellValue[][] = [];
  for (let offset = 0; offset < range.rowCount; offset += rowsPerPiece) {
    const top = range.rowIndex + 1 + offset;
    const bottom = Math.min(top + rowsPerPiece, range.rowIndex + 1 + range.rowCount) - 1;
    const piece = sheet.getRange(`${a1(top, left)}:${a1(bottom, right)}`);
    piece.load('values,valueTypes,numberFormat');
    await context.sync(); // one piece a request: the response limit allows no fewer
    values.push(...cellsOf(piece));
  }
  return values;
}

/** What a previous run may have left: the defined names, and the values of the named ranges asked for. */
export interface NamesRead {
  /** Every defined name with the sheet it refers to (marker names find the product's sheets). */
  readonly definedNames: readonly { name: string; sheet: string }[];
  /** Each name asked for: its range's values, or undefined when the workbook has no such name or it refers to no range. */
  readonly values: Record<string, unknown[][] | undefined>;
}

/**
 * The defined names and the values of the named ranges `names`, in ONE round trip: whether the
 * workbook holds a previous run is for the caller to decide from the names.
 */
export async function readLastRun(context: Excel.RequestContext, names: readonly string[]): Promise<NamesRead> {
  const defined = context.workbook.names;
  defined.load('items/name,items/formula');
  const ranges = names.map((name) => {
    const range = defined.getItemOrNullObject(name).getRangeOrNullObject();
    range.load('values');
    return range;
  });
  await context.sync();
  return {
    definedNames: defined.items.map((item) => ({ name: item.name, sheet: sheetOfReference(item.formula) })),
    values: Object.fromEntries(names.map((name, i) => [name, ranges[i].isNullObject ? undefined : ranges[i].values])),
  };
}
