// hold() and release(): a test can keep a round trip pending, look at the add-in mid-request, and
// then let it go, instead of racing a state that may come and go before the test looks.
import { createFakeExcel } from './index';

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

it('keeps a sync that carries work pending until release, then applies it and delivers its loads', async () => {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Costs', [['Item', 'Amount'], ['Rent', 17800]]);
  fake.hold();
  let values: unknown;
  const run = fake.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Costs');
    sheet.getRange('A3').values = [['Rates']];
    const range = sheet.getRange('A1:B2');
    range.load('values');
    await context.sync();
    values = range.values;
  });
  await settle();
  expect(fake.heldSyncs).toBe(1);
  expect(values).toBeUndefined();
  expect(fake.workbook.sheet('Costs').values('A3:A3')).toEqual([['']]); // not applied while held
  expect(fake.counters.roundTrips).toBe(0);

  fake.release();
  await run;
  expect(values).toEqual([['Item', 'Amount'], ['Rent', 17800]]);
  expect(fake.workbook.sheet('Costs').values('A3:A3')).toEqual([['Rates']]);
  expect(fake.heldSyncs).toBe(0);
  expect(fake.counters.roundTrips).toBe(1);
});

it('lets syncs with nothing to send, and every sync after release, go at once', async () => {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Costs', [['Item']]);
  fake.hold();
  await fake.Excel.run((context) => context.sync()); // nothing queued: no round trip to hold
  fake.release();
  const names = await fake.Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
  expect(names).toEqual(['Costs']);
  expect(fake.heldSyncs).toBe(0);
});
