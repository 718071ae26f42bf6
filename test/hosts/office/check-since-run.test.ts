// The pane's Check compares the open workbook with the run the log of runs recorded, as vfm verify
// does: nothing differs after a Generate; the discount rate typed over afterwards is named with its
// value at the run and now, apart from the findings.
import { EFFECTS } from '../../../src/faces/taskpane/effects';
import { initialState } from '../../../src/faces/taskpane/model';
import { VerifyReport } from '../../../src/app/verify';
import { createFakeExcel, FakeExcel } from '../../fake-office';
import { SEED_VALUES } from '../../support/analyses';
import { fakeWorld } from '../../support/world';

function withSeed(): FakeExcel {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Costs', SEED_VALUES);
  fake.workbook.select('Costs', `A1:B${SEED_VALUES.length}`);
  return fake;
}

async function check(fake: FakeExcel): Promise<VerifyReport> {
  const action = await EFFECTS.check(fakeWorld(fake), () => { throw new Error('the check reads no state'); });
  if (action.type !== 'checked') throw new Error(action.type);
  return action.report;
}

it('finds the inputs of a Generate the run\'s, and names the discount rate typed over since, with both values', async () => {
  const fake = withSeed();
  const state = initialState({ today: { year: 2012, month: 10, day: 19 } });
  const made = await EFFECTS.generate(fakeWorld(fake), () => ({ ...state, form: { ...state.form, noticeServedOn: '2012-10-19' } }));
  expect(made.type).toBe('generate succeeded');
  expect(await check(fake)).toMatchObject({ runLog: 'compared', sinceRun: [] });

  const rate = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(fake.workbook.names().VfM_DiscountRate)!;
  fake.workbook.sheet(rate[1]).put(`${rate[2]}${rate[3]}`, [[0.015]]);
  const report = await check(fake);
  expect(report.runLog).toBe('compared');
  expect(report.sinceRun[0]).toEqual({ kind: 'since-run', place: 'Discount rate', message: 'differs from the run', expected: '3.5% a year', found: '1.5% a year' });
  expect(report.findings.filter((f) => f.kind === 'since-run')).toEqual([]);
});
