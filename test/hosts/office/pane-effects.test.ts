// What the pane asks of Excel besides reading the source and writing the scenarios: a previous
// run's names and inputs, and showing a sheet; each in one round trip, against the strict fake.
import { runScenarios } from '../../../src/app/run';
import { readLastRun, readWorkbook } from '../../../src/hosts/office/read-workbook';
import { showSheet } from '../../../src/hosts/office/show-sheet';
import { writeWorkbook } from '../../../src/hosts/office/write-workbook';
import { INPUT_NAMES, RAN_AT_NAME, assumptionsFromInputs } from '../../../src/layout/read-back';
import { FakeExcel, createFakeExcel } from '../../fake-office';
import { FIXED_CLOCK } from '../../support/clock';
import { POOL_ASSUMPTIONS, SEED_VALUES } from '../../support/analyses';

const NAMES = [...INPUT_NAMES, RAN_AT_NAME];

function seed(): FakeExcel {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Costs', SEED_VALUES);
  fake.workbook.select('Costs', 'A1:B10');
  return fake;
}

async function generate(fake: FakeExcel, assumptions: unknown): Promise<void> {
  await fake.Excel.run(async (context) => {
    const state = await readWorkbook(context, 'selection');
    if (!state.grid) throw new Error('nothing read');
    const { plan } = runScenarios({ workbook: { ...state, grid: state.grid }, assumptions, clock: FIXED_CLOCK });
    await writeWorkbook(context, plan, state.definedNames);
  });
}

describe('reading a previous run back', () => {
  it('reads the defined names and the inputs\' values in one round trip', async () => {
    const fake = seed();
    await generate(fake, { ...POOL_ASSUMPTIONS, overrides: { CRM: 'avoidable' } });
    fake.resetCounters();
    const read = await fake.Excel.run((context) => readLastRun(context, NAMES));
    expect(fake.counters.roundTrips).toBe(1);
    expect(read.definedNames).toEqual(expect.arrayContaining([
      { name: 'VfM_Sheet_Scenarios', sheet: 'VfM Scenarios', formula: "='VfM Scenarios'!$A$1" },
      { name: 'VfM_Sheet_CostRows', sheet: 'VfM Cost Rows', formula: "='VfM Cost Rows'!$A$1" },
      { name: 'VfM_Sheet_Audit', sheet: 'VfM Audit', formula: "='VfM Audit'!$A$1" },
    ]));
    expect(read.values[RAN_AT_NAME]).toEqual([['2012-10-19T09:30:00Z']]);
    expect(assumptionsFromInputs(read.values)).toEqual({
      baseYear: 2011, noticeServedOn: '2012-10-19', noticeMonths: 24, fyStartMonth: 4, horizonYears: 5, indexation: 0, discountRate: 0.035,
      prices: 'real', sharing: 'shared-pool', partners: POOL_ASSUMPTIONS.partners, overrides: { CRM: 'avoidable' },
      options: [{ name: 'Withdraw', noticeServedOn: '2012-10-19', noticeMonths: 24, optimismBias: 0, exitCosts: [], replacementCosts: [] }],
    });
  });

  it('reads a workbook without a previous run in one round trip too: no names, no values', async () => {
    const fake = seed();
    const read = await fake.Excel.run((context) => readLastRun(context, NAMES));
    expect(fake.counters.roundTrips).toBe(1);
    expect(read.definedNames).toEqual([]);
    expect(Object.keys(read.values)).toEqual(NAMES);
    expect(Object.values(read.values).every((value) => value === undefined)).toBe(true);
  });

  it('gives undefined for a name that refers to no range', async () => {
    const fake = seed();
    fake.workbook.defineName('VfM_DiscountRate', '=0.035');
    const read = await fake.Excel.run((context) => readLastRun(context, ['VfM_DiscountRate']));
    expect(read.values).toEqual({ VfM_DiscountRate: undefined });
    expect(read.definedNames).toEqual([{ name: 'VfM_DiscountRate', sheet: '', formula: '=0.035' }]);
  });
});

describe('showing a sheet', () => {
  it('activates the sheet and selects A1 in one round trip', async () => {
    const fake = seed();
    fake.workbook.addSheet('VfM Scenarios', [['Key results']]);
    fake.workbook.select('Costs', 'B4');
    fake.resetCounters();
    await fake.Excel.run((context) => showSheet(context, 'VfM Scenarios'));
    expect(fake.counters.roundTrips).toBe(1);
    expect(fake.workbook.activeSheet).toBe('VfM Scenarios');
    expect(fake.workbook.selection).toEqual({ sheet: 'VfM Scenarios', address: 'A1' });
  });

  it('fails, changing nothing, when the sheet is gone', async () => {
    const fake = seed();
    fake.workbook.select('Costs', 'B4');
    await expect(fake.Excel.run((context) => showSheet(context, 'VfM Scenarios'))).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(fake.workbook.selection).toEqual({ sheet: 'Costs', address: 'B4' });
  });
});
