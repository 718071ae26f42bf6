// A workbook open in Excel in the 1904 date system (Excel for the Mac's old default) counts every
// date 1,462 days less than one in the 1900 system: the pane reads its date cells and writes its
// dates as that workbook counts them, and checks a run in it as written. And a share formatted as
// a percentage where an amount belongs is refused, in the command line's words.
import { VerifyReport } from '../../../src/app/verify';
import { EFFECTS } from '../../../src/faces/taskpane/effects';
import { Action, initialState, reduce } from '../../../src/faces/taskpane/model';
import { view } from '../../../src/faces/taskpane/view-model';
import { readWorkbook } from '../../../src/hosts/office/read-workbook';
import { CellSpec, FakeExcel, createFakeExcel } from '../../fake-office';
import { SEED_DAY } from '../../support/clock';
import { fakeWorld } from '../../support/world';

/** The seed's table with a column of contract ends: CRM's ends on 30 September 2014, serial 40450 in the 1904 system (41912 in the 1900 one). */
const ROWS: CellSpec[][] = [
  ['The payments to Staffs Connects for 2011-12 were made up of the following:', null, null],
  [null, null, null],
  [null, '£', 'Contract ends'],
  ['Staffordshire Connects 2011/12 Core Team', 17800, null],
  ['CRM', 46648.63, 40450],
  ['Epayments', 9495.85, null],
  ['New Epayments', 44262.49, null],
  ['Customer Insight', 5483.25, null],
  ['Shared Email Directory', 845, null],
  ['Total (Exc VAT)', 124535.22, null],
];
const FORMATS = ROWS.map((_, r) => [null, null, r === 4 ? 'dd/mm/yyyy' : null]);

/** 19 October 2012 and 19 October 2014 as a workbook in the 1904 system counts them (41201 and 41931 in the 1900 system). */
const NOTICE_1904 = 39739;
const EXPIRY_1904 = 40469;

/** The value of the cell a defined name refers to, in the fake. */
function namedValue(fake: FakeExcel, name: string): unknown {
  const formula = fake.workbook.names()[name];
  const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(formula ?? '');
  if (!match) throw new Error(`no cell named ${name}: ${formula}`);
  return fake.workbook.sheet(match[1].replace(/''/g, "'")).values(`${match[2]}${match[3]}`)[0][0];
}

/**
 * A fake Excel in the 1904 date system with the table on Costs. Its engine calculates the notice's
 * expiry (EDATE of the notice date) as a 1904 workbook does: the day the notice cell shows, plus
 * the months, counted again in the 1904 system.
 */
function fake1904(): FakeExcel {
  const edate = (serial: number, months: number) => {
    const day = new Date(Date.UTC(1904, 0, 1 + serial));
    return Math.round((Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, day.getUTCDate()) - Date.UTC(1904, 0, 1)) / 86_400_000);
  };
  const fake: FakeExcel = createFakeExcel({
    evaluate: (formula) => (/^=?EDATE\(VfM_NoticeServedOn,VfM_NoticeMonths\)$/.test(formula)
      ? edate(Number(namedValue(fake, 'VfM_NoticeServedOn')), Number(namedValue(fake, 'VfM_NoticeMonths')))
      : undefined),
  });
  fake.workbook.addSheet('Costs', ROWS, { numberFormats: FORMATS });
  fake.workbook.use1904DateSystem();
  fake.workbook.select('Costs', 'A1:C10');
  return fake;
}

async function generate(fake: FakeExcel): Promise<Action> {
  const state = initialState({ today: SEED_DAY });
  return EFFECTS.generate(fakeWorld(fake), () => ({ ...state, form: { ...state.form, noticeServedOn: '2012-10-19' } }));
}

async function check(fake: FakeExcel): Promise<VerifyReport> {
  const action = await EFFECTS.check(fakeWorld(fake), () => { throw new Error('the check reads no state'); });
  if (action.type !== 'checked') throw new Error(action.type);
  return action.report;
}

describe('a workbook in the 1904 date system', () => {
  it('reads a contract end from a date cell as the day it shows, in the same one round trip', async () => {
    const fake = fake1904();
    const state = await fake.Excel.run((context) => readWorkbook(context, 'selection'));
    expect(fake.counters.roundTrips).toBe(1);
    expect(state.grid?.values[4]).toEqual(['CRM', 46648.63, { date: '2014-09-30' }]);
    expect(state.date1904).toBe(true);
  });

  it('writes the notice date and the contract end as it counts them, so that the expiry and the years are the right days', async () => {
    const fake = fake1904();
    const action = await generate(fake);
    expect(action).toMatchObject({ type: 'generate succeeded' });
    if (action.type !== 'generate succeeded') return;
    expect(action.grid.values[4][2]).toEqual({ date: '2014-09-30' });
    expect(namedValue(fake, 'VfM_NoticeServedOn')).toBe(NOTICE_1904);
    expect(namedValue(fake, 'VfM_NoticeExpires')).toBe(EXPIRY_1904);
    // CRM is the second cost row; the years start on DATE(year, month, 1), which Excel counts in the workbook's own system.
    const ends = fake.workbook.names().VfM_ContractEnds;
    const [, sheet, column, row] = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)/.exec(ends) ?? [];
    expect(fake.workbook.sheet(sheet).values(`${column}${Number(row) + 1}`)).toEqual([[40450]]);
    const starts = Object.values(fake.workbook.sheet(action.sheet).cells()).filter((cell) => /^=DATE\(\w+,VfM_FyStartMonth,1\)$/.test(String(cell.formula)));
    expect(starts.length).toBeGreaterThan(0);
    // The option's notice date on the options sheet too.
    const options = fake.workbook.sheetNames.flatMap((name) => Object.values(fake.workbook.sheet(name).cells()));
    expect(options.filter((cell) => cell.value === 41201)).toEqual([]);
    expect(options.filter((cell) => cell.value === NOTICE_1904).length).toBeGreaterThanOrEqual(2);
  });

  it('finds a run it wrote, untouched, with nothing changed', async () => {
    const fake = fake1904();
    await generate(fake);
    const report = await check(fake);
    expect(report.findings.filter((f) => f.kind !== 'result')).toEqual([]);
    expect(report).toMatchObject({ runLog: 'compared', sinceRun: [] });
  });

  it('and in the 1900 system, a run from a source with a date cell, untouched, is found with its source unchanged', async () => {
    const fake = fake1904();
    fake.workbook.use1904DateSystem(false);
    fake.workbook.sheet('Costs').put('C5', [[41912]], [['dd/mm/yyyy']]);
    const action = await generate(fake);
    expect(action).toMatchObject({ type: 'generate succeeded', grid: { values: expect.arrayContaining([['CRM', 46648.63, { date: '2014-09-30' }]]) } });
    const report = await check(fake);
    expect(report.findings.filter((f) => f.kind !== 'result')).toEqual([]);
    expect(report).toMatchObject({ runLog: 'compared', sinceRun: [] });
  });

});

describe('a share formatted as a percentage where an amount belongs', () => {
  it('is refused in the pane with the command line\'s words', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', [['Item', '£'], ['Core team', 17800], ['CRM', 0.4665]], { numberFormats: [[null, null], [null, null], [null, '0.00%']] });
    fake.workbook.select('Costs', 'A1:B3');
    const read = await EFFECTS.read(fakeWorld(fake), () => initialState({ today: SEED_DAY }));
    const shown = view([read].reduce(reduce, initialState({ today: SEED_DAY })));
    expect(shown.rows).toEqual({ kind: 'unusable' });
    expect(shown.problems).toEqual({ lines: ['Costs!B3: amount is a percentage (46.65%), not an amount of money'], held: 'Nothing was written.' });
  });

  it('names the percentage cells of the source in the grid, in sheet rows and columns', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', [['Item', '£'], ['Core team', 17800], ['CRM', 0.4665], ['Share', 'tbc']], { numberFormats: [[null, null], [null, '0%'], [null, '0.00%'], [null, null]] });
    fake.workbook.select('Costs', 'A2:B4');
    const state = await fake.Excel.run((context) => readWorkbook(context, 'selection'));
    expect(state.grid?.percentCells).toEqual([{ row: 2, column: 2 }, { row: 3, column: 2 }]);
  });
});
