// Reads what the product needs from the open workbook in ONE round trip: the source cells (the
// selection, or the active sheet's used range), the sheet names, and the defined names (which mark
// the product's own sheets). It decides nothing about what the cells mean.
import { CellValue, Grid, dateOfSerial } from '../../core/cell';
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
    case 'Double':
      return typeof value === 'number' && isDateFormat(format) ? { date: isoDate(dateOfSerial(value)) } : Number(value);
    default:
      return value === '' ? null : String(value);
  }
}

/** The sheet a name's formula refers to: `='VfM Scenarios'!$C$5` gives `VfM Scenarios`. */
export function sheetOfFormula(formula: string): string {
  const body = formula.replace(/^=/, '');
  const bang = body.lastIndexOf('!');
  const sheet = bang < 0 ? '' : body.slice(0, bang);
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

export async function readWorkbook(context: Excel.RequestContext, source: SourceChoice): Promise<WorkbookState> {
  const workbook = context.workbook;
  const range = source === 'selection' ? workbook.getSelectedRange() : workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
  range.load('values,valueTypes,numberFormat,address,rowIndex,columnIndex,worksheet/name');
  workbook.worksheets.load('items/name');
  workbook.names.load('items/name,items/formula');
  await context.sync();

  const sheetNames = workbook.worksheets.items.map((sheet) => sheet.name);
  const definedNames = workbook.names.items.map((item) => ({ name: item.name, sheet: sheetOfFormula(item.formula) }));
  if (range.isNullObject) return { grid: undefined, sheetNames, definedNames, address: undefined };
  const values = range.values.map((row, r) => row.map((value, c) => cellValue(value, range.valueTypes[r][c], String(range.numberFormat[r][c]))));
  const grid: Grid = { sheet: range.worksheet.name, top: range.rowIndex + 1, left: range.columnIndex + 1, values };
  return { grid, sheetNames, definedNames, address: range.address };
}

/** The values of named ranges, in one round trip; a name the workbook lacks gives undefined. */
export async function readNamedValues(context: Excel.RequestContext, names: readonly string[]): Promise<Record<string, unknown[][] | undefined>> {
  const ranges = names.map((name) => {
    const range = context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
    range.load('values');
    return range;
  });
  await context.sync();
  return Object.fromEntries(names.map((name, i) => [name, ranges[i].isNullObject ? undefined : ranges[i].values]));
}
