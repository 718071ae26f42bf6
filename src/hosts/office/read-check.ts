// Reads the open workbook back for verification, in two round trips that the caller makes in one
// Excel.run: the defined names, the sheet names and one named cell's value (the run's source);
// then whole sheets' used ranges, or given ranges, with their values and formulas. It decides
// nothing about which sheets or what they mean.
import { Grid, a1, parseRange, sheetOfReference } from '../../core/cell';
import { cellValue } from './read-workbook';
import { HeldName, WrittenSheet } from '../../layout/plan';

/** The defined names of one rectangle, every sheet's name, and the value of the cell `named`: one round trip. */
export async function readNames(context: Excel.RequestContext, named: string): Promise<{ sheetNames: string[]; names: HeldName[]; value: unknown }> {
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const cell = names.getItemOrNullObject(named).getRangeOrNullObject();
  cell.load('values');
  await context.sync();
  const held = names.items.flatMap((item) => {
    const reference = String(item.formula).replace(/^=/, '');
    const range = reference.includes('!') ? parseRange(reference.slice(reference.lastIndexOf('!') + 1)) : undefined;
    return range ? [{ name: item.name, sheet: sheetOfReference(reference), range }] : [];
  });
  return { sheetNames: worksheets.items.map((sheet) => sheet.name), names: held, value: cell.isNullObject ? undefined : cell.values[0]?.[0] };
}

/** Each sheet asked for, its used range or the range given, with values and formulas: one round trip. */
export async function readSheets(context: Excel.RequestContext, wanted: readonly { sheet: string; address?: string }[]): Promise<Map<string, WrittenSheet>> {
  const ranges = wanted.map(({ sheet, address }) => {
    const target = context.workbook.worksheets.getItem(sheet);
    const range = address === undefined ? target.getUsedRange() : target.getRange(address);
    return range.load('values,formulas,valueTypes,rowIndex,columnIndex');
  });
  await context.sync();
  return new Map(wanted.map(({ sheet }, i) => [sheet, written(sheet, ranges[i])]));
}

/** A range as read: its values, and the formula of each cell that holds one, by its A1 address. */
function written(sheet: string, range: Excel.Range): WrittenSheet {
  const formulas = new Map<string, string>();
  const values = range.values.map((cells, r) => cells.map((cell, c) => {
    const formula = range.formulas[r][c];
    if (typeof formula === 'string' && formula.startsWith('=')) formulas.set(a1(range.rowIndex + r + 1, range.columnIndex + c + 1), formula.slice(1));
    // Dates stay the serial numbers Excel holds: the check compares numbers.
    return cellValue(cell, range.valueTypes[r][c], 'General');
  }));
  const grid: Grid = { sheet, top: range.rowIndex + 1, left: range.columnIndex + 1, values };
  return { grid, formulas };
}
