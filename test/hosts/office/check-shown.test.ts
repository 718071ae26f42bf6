// The pane's Check compares what a reader is shown, as vfm verify does: the number format of each
// product cell, read with its value, and which sheets are hidden, read with the sheets' names, in
// the Check's two round trips. Each tampering is made through Office.js, as a user or a macro would.
import { runScenarios } from '../../../src/app/run';
import { VerifyReport } from '../../../src/app/verify';
import { EFFECTS } from '../../../src/faces/taskpane/effects';
import { readWorkbook } from '../../../src/hosts/office/read-workbook';
import { writeWorkbook } from '../../../src/hosts/office/write-workbook';
import { createFakeExcel, FakeExcel } from '../../fake-office';
import { SEED_ASSUMPTIONS, SEED_VALUES } from '../../support/analyses';
import { excelEngine } from '../../support/excel-engine';
import { FIXED_CLOCK } from '../../support/clock';
import { fakeWorld } from '../../support/world';

/** The seed's results as docs/conventions.md, "The seed, worked through", works them out, which Excel would have calculated: saving 43,597.81, NPV 39,032.29, checks TRUE. */
const CALCULATED: Record<string, number | boolean> = { VfM_TotalSaving: 43597.81, VfM_NPV: 39032.29, VfM_OptionNPVs: 39032.29, VfM_PreferredNPV: 39032.29, VfM_MasterCheck: true, VfM_OptionsCheck: true };

/** A fake Excel with the seed on Costs, whose named results calculate to the figures of docs/conventions.md, "The seed, worked through", and the scenarios generated. */
async function generated(): Promise<FakeExcel> {
  const results = () => new Map(Object.entries(fake.workbook.names()).flatMap(([name, formula]) => {
    const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(formula);
    return match && name in CALCULATED ? [[`${match[1]}!${match[2]}${match[3]}`, CALCULATED[name]] as const] : [];
  }));
  const fake: FakeExcel = createFakeExcel({ evaluate: excelEngine(() => fake, (_formula, at) => results().get(`${at.sheet}!${at.address}`)) });
  fake.workbook.addSheet('Costs', SEED_VALUES);
  fake.workbook.select('Costs', `A1:B${SEED_VALUES.length}`);
  await fake.Excel.run(async (context) => {
    const state = await readWorkbook(context, 'selection');
    const { plan } = runScenarios({ workbook: { ...state, grid: state.grid! }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    await writeWorkbook(context, plan, state.definedNames);
  });
  return fake;
}

async function check(fake: FakeExcel): Promise<VerifyReport> {
  fake.resetCounters();
  const action = await EFFECTS.check(fakeWorld(fake), () => { throw new Error('the check reads no state'); });
  if (action.type !== 'checked') throw new Error(action.type);
  return action.report;
}

/** The sheet and cell a defined name of one cell points at. */
function cellOf(fake: FakeExcel, name: string): { sheet: string; address: string } {
  const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(fake.workbook.names()[name])!;
  return { sheet: match[1], address: `${match[2]}${match[3]}` };
}

describe('the pane\'s Check compares what a reader is shown', () => {
  it('finds the scenarios just generated sound, their number formats and sheets read in the same two round trips', async () => {
    const fake = await generated();
    const report = await check(fake);
    expect(report.findings).toEqual([]);
    expect(fake.counters.roundTrips).toBe(2);
  });

  it('finds the number format "£99,999.99" put on the NPV cell, naming the cell and both formats', async () => {
    const fake = await generated();
    const npv = cellOf(fake, 'VfM_NPV');
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(npv.sheet).getRange(npv.address).numberFormat = [['"£99,999.99"']];
      await context.sync();
    });
    const report = await check(fake);
    expect(fake.counters.roundTrips).toBe(2);
    expect(report.findings).toEqual([{
      kind: 'cell', place: `'VfM Scenarios'!${npv.address}`, message: 'a number format changed: the cell shows its value otherwise than the product wrote it',
      expected: '"£"#,##0.00;[Red]-"£"#,##0.00', found: '"£99,999.99"',
    }]);
  });

  it('finds the options sheet hidden, and the audit sheet very hidden', async () => {
    const fake = await generated();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('VfM Options').visibility = 'Hidden';
      context.workbook.worksheets.getItem('VfM Audit').visibility = 'VeryHidden';
      await context.sync();
    });
    const report = await check(fake);
    expect(fake.counters.roundTrips).toBe(2);
    expect(report.findings).toEqual([
      { kind: 'sheet', place: "'VfM Options'", message: 'a sheet of the model is hidden: a reader does not see it', expected: 'visible', found: 'hidden' },
      { kind: 'sheet', place: "'VfM Audit'", message: 'a sheet of the model is hidden: a reader does not see it', expected: 'visible', found: 'very hidden' },
    ]);
  });

  it('finds the report sheet hidden and renamed "VfM Report (2)", with a sheet typed by hand named "VfM Report" in its place', async () => {
    const fake = await generated();
    await fake.Excel.run(async (context) => {
      const report = context.workbook.worksheets.getItem('VfM Report');
      report.name = 'VfM Report (2)';
      report.visibility = 'Hidden';
      context.workbook.worksheets.add('VfM Report').getRange('A1').values = [['Financial implications: a saving of £71,800 a year']];
      await context.sync();
    });
    const report = await check(fake);
    expect(report.findings).toEqual([
      { kind: 'sheet', place: "'VfM Report (2)'", message: 'a sheet of the model is hidden: a reader does not see it', expected: 'visible', found: 'hidden' },
      {
        kind: 'sheet', place: "'VfM Report'", message: 'a sheet the product did not write bears the name of a sheet of the model, whose own sheet is hidden under another name',
        expected: "the model's sheet, now 'VfM Report (2)'", found: "a sheet of another's; the model's is 'VfM Report (2)', hidden",
      },
    ]);
  });

  it('finds a hidden sheet a formula of the model is re-pointed to, naming the sheet and the cell that reads it', async () => {
    const fake = await generated();
    const amount = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)/.exec(fake.workbook.names().VfM_Amounts)!;
    const address = `${amount[2]}${amount[3]}`;
    await fake.Excel.run(async (context) => {
      const hidden = context.workbook.worksheets.add('Hidden');
      hidden.getRange('B5').values = [[71800]];
      hidden.visibility = 'Hidden';
      context.workbook.worksheets.getItem(amount[1]).getRange(address).formulas = [['=ROUND(Hidden!B5*VfM_SourceUnit,2)']];
      await context.sync();
    });
    const report = await check(fake);
    expect(report.findings.filter((f) => f.kind !== 'result')).toEqual([
      expect.objectContaining({ kind: 'cell', place: `'${amount[1]}'!${address}`, message: 'a formula edited', found: '=ROUND(Hidden!B5*VfM_SourceUnit,2)' }),
      {
        kind: 'sheet', place: 'Hidden', message: 'a hidden sheet that the model reads: a reader does not see the figures it gives',
        expected: 'a sheet a reader sees', found: `hidden, read by '${amount[1]}'!${address}`,
      },
    ]);
  });
});
