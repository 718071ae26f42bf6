// Worksheet.visibility (Excel.SheetVisibility, ExcelApi 1.1) in the fake: read only after a load,
// with the collection's items too; set to one of "Visible", "Hidden" and "VeryHidden", never
// hiding the workbook's only visible sheet ("Cannot hide the only visible worksheet", Microsoft's
// sample for Excel.SheetVisibility); kept in a snapshot.
import { createFakeExcel, FakeExcel, FakeOfficeError } from './index';

let fake: FakeExcel;

beforeEach(() => {
  fake = createFakeExcel();
  fake.workbook.addSheet('Costs', [['Item', 'Amount']]);
  fake.workbook.addSheet('Notes', [['Kept apart']]);
});

it('reads visibility only after a load, one sheet or the items of the collection, in one round trip', async () => {
  fake.workbook.sheet('Notes').hide('VeryHidden');
  fake.resetCounters();
  await fake.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Costs');
    expect(() => sheet.visibility).toThrow(/'visibility' is not available/);
    sheet.load('visibility');
    const sheets = context.workbook.worksheets.load('items/name,items/visibility');
    await context.sync();
    expect(sheet.visibility).toBe('Visible');
    expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([['Costs', 'Visible'], ['Notes', 'VeryHidden']]);
  });
  expect(fake.counters.roundTrips).toBe(1);
});

it('hides and shows a sheet at the sync, refusing a value Excel has none of and hiding the only visible sheet', async () => {
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Notes').visibility = 'Hidden';
    await context.sync();
  });
  expect(fake.workbook.sheet('Notes').visibility).toBe('Hidden');
  expect(fake.workbook.snapshot().sheets.map((s) => s.visibility)).toEqual([undefined, 'Hidden']);

  const refused = async (sheet: string, visibility: string) => {
    try {
      await fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).visibility = visibility as Excel.SheetVisibility;
        await context.sync();
      });
    } catch (error) {
      return error;
    }
    throw new Error('not refused');
  };
  expect(await refused('Costs', 'Hidden')).toMatchObject({ code: 'InvalidOperation' });
  expect(await refused('Notes', 'Gone')).toMatchObject({ code: 'InvalidArgument' });
  expect(await refused('Costs', 'Hidden')).toBeInstanceOf(FakeOfficeError);
  expect(fake.workbook.sheet('Costs').visibility).toBe('Visible');

  const snapshot = fake.workbook.snapshot();
  fake.workbook.load(snapshot);
  expect(fake.workbook.sheet('Notes').visibility).toBe('Hidden');
});
