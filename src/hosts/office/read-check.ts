// Reads the open workbook back for verification, in two round trips that the caller makes in one
// Excel.run: the defined names, the sheet names and which are hidden, the workbook's date system
// and one named cell's value (the run's source); then whole sheets' used ranges, or given ranges where the sheet holds
// values, with their values, formulas and number formats (in pieces when they are too large for one
// reply): a date reads as the day it shows, as Generate read it. It decides nothing about which
// sheets or what they mean.
import { CellValue, Grid, a1, parseRange, sheetOfReference } from '../../core/cell';
import { RangeShape, addressOf, cellValue, countsFrom1904, isResponseTooLarge, rowPieces } from './read-workbook';
import { HeldName, SheetHidden, WrittenSheet } from '../../layout/plan';

/**
 * The defined names of one rectangle, every sheet's name, the sheets hidden (Worksheet.visibility,
 * ExcelApi 1.1), the value of the cell `named`, and whether the workbook counts dates in the 1904
 * system: one round trip.
 */
export async function readNames(context: Excel.RequestContext, named: string): Promise<{ sheetNames: string[]; names: HeldName[]; value: unknown; date1904: boolean; hiddenSheets: Map<string, SheetHidden> }> {
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const cell = names.getItemOrNullObject(named).getRangeOrNullObject();
  cell.load('values');
  const from1904 = countsFrom1904(context.workbook);
  await context.sync();
  const held = names.items.flatMap((item) => {
    const reference = String(item.formula).replace(/^=/, '');
    const range = reference.includes('!') ? parseRange(reference.slice(reference.lastIndexOf('!') + 1)) : undefined;
    return range ? [{ name: item.name, sheet: sheetOfReference(reference), range }] : [];
  });
  const hiddenSheets = new Map(worksheets.items.flatMap((sheet) => (sheet.visibility === 'Visible' ? [] : [[sheet.name, sheet.visibility === 'VeryHidden' ? 'very hidden' : 'hidden'] as const])));
  return { sheetNames: worksheets.items.map((sheet) => sheet.name), names: held, value: cell.isNullObject ? undefined : cell.values[0]?.[0], date1904: from1904(), hiddenSheets };
}

/**
 * Cells read back in one request when the sheets are too large for one reply (Excel on the web
 * answers at most 5 MB): a cell's value, formula, value type and number format come to about 95 bytes.
 */
const CELLS_PER_READ = 35_000;

type Wanted = { readonly sheet: string; readonly address?: string };

/**
 * Each sheet asked for, its used range or the part of the range given where the sheet holds values
 * (Range.getIntersectionOrNullObject, ExcelApi 1.4: a range of Excel's whole grid reads as the
 * sheet's own cells; none, when it holds none there), with values, formulas and number formats: one
 * round trip; a date read as the day it shows, in the workbook's date system (`date1904`). A sheet
 * with no cells read gives no rows, the cells of its range all empty. When the reply would be over
 * Excel's limit, the ranges' sizes are read in another, and then their rows in pieces, as many a
 * request as stay well under it.
 */
export async function readSheets(context: Excel.RequestContext, wanted: readonly Wanted[], date1904 = false): Promise<Map<string, WrittenSheet>> {
  const rangeOf = ({ sheet, address }: Wanted) => {
    const target = context.workbook.worksheets.getItem(sheet);
    return address === undefined ? target.getUsedRange() : target.getRange(address).getIntersectionOrNullObject(target.getUsedRange(true));
  };
  const ranges = wanted.map((w) => rangeOf(w).load('values,formulas,valueTypes,numberFormat,rowIndex,columnIndex,rowCount,columnCount'));
  try {
    await context.sync();
    return new Map(wanted.map(({ sheet }, i) => [sheet, written(sheet, ranges[i].isNullObject ? [] : [readPiece(ranges[i])], date1904)]));
  } catch (error) {
    if (!isResponseTooLarge(error)) throw error;
  }
  const shapes = wanted.map((w) => rangeOf(w).load('rowIndex,columnIndex,rowCount,columnCount'));
  await context.sync();
  const pieces = wanted.flatMap(({ sheet }, i) => (shapes[i].isNullObject ? [] : rowPieces(shapes[i], CELLS_PER_READ)).map((shape) => ({ sheet, shape })));
  const read = await readPieces(context, pieces);
  return new Map(wanted.map(({ sheet }) => [sheet, written(sheet, read.filter((p) => p.sheet === sheet), date1904)]));
}

interface Piece {
  readonly sheet: string;
  readonly shape: RangeShape;
}

/** A piece's cells as read: values, formulas, value types and number formats, from its top-left cell. */
interface PieceRead {
  readonly shape: RangeShape;
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  readonly valueTypes: string[][];
  readonly numberFormat: unknown[][];
}

const readPiece = (range: Excel.Range): PieceRead => ({
  shape: { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount },
  values: range.values, formulas: range.formulas, valueTypes: range.valueTypes, numberFormat: range.numberFormat,
});

const cellsIn = (pieces: readonly Piece[]) => pieces.reduce((sum, p) => sum + p.shape.rowCount * p.shape.columnCount, 0);

/**
 * The pieces, in order, in requests of at most CELLS_PER_READ cells; a request whose reply is
 * still too large (cells of long text) is sent again as two, down to a row a request.
 */
async function readPieces(context: Excel.RequestContext, pieces: readonly Piece[]): Promise<(PieceRead & { readonly sheet: string })[]> {
  const out: (PieceRead & { readonly sheet: string })[] = [];
  const send = async (batch: readonly Piece[]): Promise<void> => {
    const ranges = batch.map(({ sheet, shape }) => context.workbook.worksheets.getItem(sheet).getRange(addressOf(shape)).load('values,formulas,valueTypes,numberFormat'));
    try {
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error) || (batch.length === 1 && batch[0].shape.rowCount === 1)) throw error;
      const halves: Piece[][] = batch.length > 1
        ? [batch.slice(0, batch.length >> 1), batch.slice(batch.length >> 1)]
        : rowPieces(batch[0].shape, Math.ceil(batch[0].shape.rowCount / 2) * batch[0].shape.columnCount).map((shape) => [{ sheet: batch[0].sheet, shape }]);
      for (const half of halves) await send(half);
      return;
    }
    batch.forEach(({ sheet, shape }, i) => out.push({ sheet, shape, values: ranges[i].values, formulas: ranges[i].formulas, valueTypes: ranges[i].valueTypes, numberFormat: ranges[i].numberFormat }));
  };
  let batch: Piece[] = [];
  for (const piece of pieces) {
    if (batch.length > 0 && cellsIn([...batch, piece]) > CELLS_PER_READ) {
      await send(batch);
      batch = [];
    }
    batch.push(piece);
  }
  if (batch.length > 0) await send(batch);
  return out;
}

/**
 * A sheet's cells as read, from its pieces in order: its values, the formula of each cell that
 * holds one and the number format of each whose format is not General, by its A1 address. Range.formulas gives a text cell its text, with any leading
 * apostrophe dropped (a text `'=x` reads `=x`, as a formula would), so a cell whose value is text
 * the same as what formulas reads is that text, not a formula.
 */
function written(sheet: string, pieces: readonly PieceRead[], date1904: boolean): WrittenSheet {
  const formulas = new Map<string, string>();
  const formats = new Map<string, string>();
  const values: CellValue[][] = [];
  for (const { shape, values: cells, formulas: typed, valueTypes, numberFormat } of pieces) {
    cells.forEach((row, r) => values.push(row.map((cell, c) => {
      const formula = typed[r][c];
      const text = valueTypes[r][c] === 'String' && cell === formula;
      const address = a1(shape.rowIndex + r + 1, shape.columnIndex + c + 1);
      if (typeof formula === 'string' && formula.startsWith('=') && !text) formulas.set(address, formula.slice(1));
      if (String(numberFormat[r][c]) !== 'General') formats.set(address, String(numberFormat[r][c]));
      // A date reads as the day it shows, as Generate read the source: the check compares it as its 1900 serial.
      return cellValue(cell, valueTypes[r][c] as Excel.RangeValueType, String(numberFormat[r][c]), date1904);
    })));
  }
  const first = pieces[0]?.shape ?? { rowIndex: 0, columnIndex: 0 };
  const grid: Grid = { sheet, top: first.rowIndex + 1, left: first.columnIndex + 1, values };
  return { grid, formulas, formats };
}
