// Excel's calculation in the fake: a formula written while calculation is suspended is not
// calculated until the add-in asks Excel to calculate the workbook (Application.calculate, Full or
// FullRebuild); the fake takes the values Excel's engine would give from the test (`evaluate`).
import { createFakeExcel, FakeExcel } from '.';

/** What Excel's engine would make of the formula the tests write. */
const ENGINE = (formula: string) => (formula === '=SUM(A1:A2)' ? 3 : undefined);

function fakeWithNumbers(): FakeExcel {
  const fake = createFakeExcel({ evaluate: ENGINE });
  fake.workbook.addSheet('S', [[1], [2]]);
  return fake;
}

/** Writes =SUM(A1:A2) in A3, with calculation suspended when asked, then reads A3 in a request after it. */
async function writeThenRead(fake: FakeExcel, suspended: boolean, calculate?: string): Promise<unknown> {
  return fake.Excel.run(async (context) => {
    if (suspended) context.application.suspendApiCalculationUntilNextSync();
    context.workbook.worksheets.getItem('S').getRange('A3').formulas = [['=SUM(A1:A2)']];
    await context.sync();
    if (calculate) context.application.calculate(calculate as Excel.CalculationType);
    const cell = context.workbook.worksheets.getItem('S').getRange('A3').load('values');
    await context.sync();
    return cell.values[0][0];
  });
}

describe('calculation in the fake Excel', () => {
  it('calculates a formula written with calculation on (the engine\'s value)', async () => {
    expect(await writeThenRead(fakeWithNumbers(), false)).toBe(3);
  });

  it('leaves a formula written while calculation was suspended uncalculated after the sync: it reads 0', async () => {
    const fake = fakeWithNumbers();
    expect(await writeThenRead(fake, true)).toBe(0);
    expect(fake.workbook.sheet('S').cells().A3).toMatchObject({ formula: '=SUM(A1:A2)', value: 0, stale: true });
  });

  it('calculates it when asked for a full calculation, and records the request', async () => {
    for (const type of ['Full', 'FullRebuild']) {
      const fake = fakeWithNumbers();
      expect(await writeThenRead(fake, true, type)).toBe(3);
      expect(fake.counters.syncs.map((sync) => sync.calculations)).toEqual([undefined, [type]]);
    }
  });

  it('does not calculate it on Recalculate: Excel has not marked it for calculation', async () => {
    expect(await writeThenRead(fakeWithNumbers(), true, 'Recalculate')).toBe(0);
  });

  it('keeps the value a formula was last calculated to when the same formula is written again while suspended, until calculated', async () => {
    const engine: Record<string, number> = { '=SUM(A1:A2)': 3 };
    const fake = createFakeExcel({ evaluate: (formula) => engine[formula] });
    fake.workbook.addSheet('S', [[1], [2]]);
    expect(await writeThenRead(fake, true, 'Full')).toBe(3);
    fake.workbook.sheet('S').put('A1', [[5]]);
    engine['=SUM(A1:A2)'] = 7; // what Excel's engine now makes of it
    expect(await writeThenRead(fake, true)).toBe(3);
    expect(await writeThenRead(fake, true, 'Full')).toBe(7);
  });

  it('refuses a calculation type Excel does not have', async () => {
    const fake = fakeWithNumbers();
    await expect(writeThenRead(fake, true, 'Everything')).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
