// The cost tables councils write (test/support/layouts.ts), put on a sheet and read through each
// host: Office.js against the strict fake Excel, and an .xlsx file written by exceljs. Numbers go
// in as numbers, text as text, dates as date-formatted serial numbers, error values as errors; the
// reader must then give the same rows, unit, columns, subtotals, warnings or refusal as from a grid.
import ExcelJS from 'exceljs';
import { CalendarDate, parseIsoDate } from '../../src/core/calendar-date';
import { Grid, a1, excelSerial } from '../../src/core/cell';
import { SourceChoice, readWorkbook } from '../../src/hosts/office/read-workbook';
import { openWorkbook } from '../../src/hosts/xlsx/read-workbook';
import { CellSpec, createFakeExcel } from '../fake-office';
import { LAYOUTS, Layout, LayoutCell, expectRead } from '../support/layouts';

// Hidden rows are hidden on the sheet, as a user hides or filters them out.


const isDate = (cell: LayoutCell): cell is { readonly date: string } => typeof cell === 'object' && cell !== null && 'date' in cell;
const dayOf = (iso: string): CalendarDate => {
  const day = parseIsoDate(iso);
  if (!day) throw new Error(`${iso} is not a date`);
  return day;
};
const sheetName = (layout: Layout) => layout.sheet ?? 'Costs';
const topLeft = (layout: Layout) => layout.at ?? { row: 1, column: 1 };
/** The block the layout fills on the sheet, e.g. `C3:D7`. */
function block(layout: Layout): string {
  const { row, column } = topLeft(layout);
  const width = Math.max(...layout.cells.map((cells) => cells.length));
  return `${a1(row, column)}:${a1(row + layout.cells.length - 1, column + width - 1)}`;
}

describe('the layouts through the Office host (fake Excel)', () => {
  async function readThroughOffice(layout: Layout, source: SourceChoice): Promise<Grid | undefined> {
    const fake = createFakeExcel();
    const sheet = fake.workbook.addSheet(sheetName(layout));
    const { row, column } = topLeft(layout);
    sheet.put(
      a1(row, column),
      layout.cells.map((cells) => cells.map((cell): CellSpec => (isDate(cell) ? excelSerial(dayOf(cell.date)) : cell))),
      layout.cells.map((cells) => cells.map((cell) => (isDate(cell) ? 'dd/mm/yyyy' : null))),
    );
    if (layout.hiddenRows) sheet.hideRows(layout.hiddenRows);
    fake.workbook.select(sheetName(layout), block(layout));
    const state = await fake.Excel.run((context) => readWorkbook(context, source));
    expect(fake.counters.roundTrips).toBe(1);
    return state.grid;
  }

  it.each(LAYOUTS.map((layout) => [layout.name, layout] as const))('the sheet\'s used range: %s', async (_name, layout) => {
    expectRead(layout, await readThroughOffice(layout, 'sheet'));
  });

  it.each(LAYOUTS.map((layout) => [layout.name, layout] as const))('the selected table: %s', async (_name, layout) => {
    expectRead(layout, await readThroughOffice(layout, 'selection'));
  });
});

describe('the layouts through the .xlsx host (exceljs)', () => {
  async function readThroughFile(layout: Layout): Promise<Grid> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(sheetName(layout));
    const { row, column } = topLeft(layout);
    layout.cells.forEach((cells, r) => cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = sheet.getCell(row + r, column + c);
      if (isDate(cell)) {
        const { year, month, day } = dayOf(cell.date);
        target.value = new Date(Date.UTC(year, month - 1, day));
        target.numFmt = 'dd/mm/yyyy';
      } else {
        target.value = typeof cell === 'object' ? (cell as ExcelJS.CellErrorValue) : cell;
      }
    }));
    for (const hidden of layout.hiddenRows ?? []) sheet.getRow(hidden).hidden = true;
    const saved = await openWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 'layout.xlsx');
    return saved.grid(sheetName(layout));
  }

  it.each(LAYOUTS.map((layout) => [layout.name, layout] as const))('%s', async (_name, layout) => {
    expectRead(layout, await readThroughFile(layout));
  });
});
