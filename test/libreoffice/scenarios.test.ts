// The written model, recalculated by LibreOffice Calc (an engine no one here wrote), gives the
// core's figures to the penny; and when an input cell changes, the results move to what the core
// computes for that input.
import { writeFileSync } from 'fs';
import path from 'path';
import { Analysis, analyse } from '../../src/core/analysis';
import { isoDate } from '../../src/core/calendar-date';
import { fyLabel } from '../../src/core/financial-year';
import { a1, sheetReference } from '../../src/core/cell';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { Io, run } from '../../src/faces/cli/main';
import { GetResult, GetValue, calc, dateSerial } from '../support/libreoffice';
import { POOL_ASSUMPTIONS } from '../support/analyses';
import { readBack, temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };

const KEY = ['VfM_TotalAnnual', 'VfM_AvoidableAnnual', 'VfM_CommittedAnnual', 'VfM_NoticeExpires', 'VfM_TotalSaving', 'VfM_NPV', 'VfM_MasterCheck'];
const TIMELINE = ['VfM_FinancialYears', 'VfM_CostIfStaying', 'VfM_CostIfWithdrawing', 'VfM_Saving', 'VfM_PresentValue', 'VfM_MembersAtStart', 'VfM_ContributionPerMember'];

/** The core's own analysis of a sheet of a workbook file, with the given assumptions. */
async function coreAnalysis(file: string, sheet: string, assumptions: unknown): Promise<Analysis> {
  return analyse({ grid: await (await readBack(file)).grid(sheet), assumptions, today: TODAY });
}

/** Runs vfm analyse --out with an assumptions object; returns the output file. */
async function writeModel(input: string, assumptions: unknown, dir: string): Promise<string> {
  const file = path.join(dir, 'assumptions.json');
  writeFileSync(file, JSON.stringify(assumptions));
  const out = path.join(dir, 'out.xlsx');
  expect(await run(['analyse', input, '--assumptions', file, '--out', out], IO)).toBe(0);
  return out;
}

const pence = (value: GetValue) => Math.round((value as number) * 100);
const row = (value: GetValue) => (value as (number | string)[][])[0];

/** What LibreOffice shows, in the same shape as the core's figures: pence, serials, labels. */
function figures(got: GetResult) {
  return {
    total: pence(got.VfM_TotalAnnual),
    avoidable: pence(got.VfM_AvoidableAnnual),
    committed: pence(got.VfM_CommittedAnnual),
    expires: got.VfM_NoticeExpires,
    totalSaving: pence(got.VfM_TotalSaving),
    npv: pence(got.VfM_NPV),
    allChecksPass: got.VfM_MasterCheck === 1,
    years: row(got.VfM_FinancialYears),
    stay: row(got.VfM_CostIfStaying).map(pence),
    withdraw: row(got.VfM_CostIfWithdrawing).map(pence),
    saving: row(got.VfM_Saving).map(pence),
    presentValue: row(got.VfM_PresentValue).map(pence),
    contribution: row(got.VfM_ContributionPerMember).map(pence),
    members: row(got.VfM_MembersAtStart).map((m) => (m === '' ? undefined : m)),
  };
}
function expected(a: Analysis) {
  return {
    total: a.annual.total,
    avoidable: a.annual.avoidable,
    committed: a.annual.committed,
    expires: dateSerial(isoDate(a.savings.noticeExpiresOn)),
    totalSaving: a.savings.totalSaving,
    npv: a.savings.npv,
    allChecksPass: a.checks.every((check) => check.ok),
    years: a.savings.years.map((y) => fyLabel(y.fy)),
    stay: a.savings.years.map((y) => y.stay),
    withdraw: a.savings.years.map((y) => y.withdraw),
    saving: a.savings.years.map((y) => y.saving),
    presentValue: a.savings.years.map((y) => y.presentValue),
    contribution: a.membership.years.map((y) => y.contributionPerMember),
    members: a.membership.years.map((y) => y.members),
  };
}

/** The sheet row of the first cost row on the cost rows sheet. */
async function firstCostRow(file: string): Promise<number> {
  return Number(/(\d+)$/.exec(await firstCellOf(file, 'VfM_Amounts'))?.[1]);
}

/** The first cell of a range name, as a sheet-qualified reference LibreOffice can set. */
async function firstCellOf(file: string, name: string): Promise<string> {
  const named = namedRange(await readBack(file), name);
  if (!named) throw new Error(`the workbook has no name ${name}`);
  return `${sheetReference(named.sheet)}!${a1(named.range.top, named.range.left)}`;
}

describe('the seed example (fixed-contribution)', () => {
  const base = { noticeServedOn: '2012-10-19', noticeMonths: 24, horizonYears: 5 };

  it('recalculates to the core\'s figures and to the worked table of docs/conventions.md, "The seed, worked through", and follows changed inputs', async () => {
    const out = await writeModel(EXAMPLE, base, temporaryDirectory());
    const crm = (await firstCostRow(out)) + 1; // the second cost row
    const crmClass = `'VfM Cost Rows'!C${crm}`;
    const [atRun, , afterRate, , afterNotice, , afterClass] = await calc(out, [
      { get: [...KEY, ...TIMELINE, `'VfM Cost Rows'!A${crm}`] },
      { set: { VfM_DiscountRate: 0.05 } },
      { get: [...KEY, ...TIMELINE] },
      { set: { VfM_NoticeServedOn: { date: '2013-04-01' } } },
      { get: [...KEY, ...TIMELINE] },
      { set: { [crmClass]: 'avoidable' } },
      { get: [...KEY, ...TIMELINE] },
    ]);
    expect((atRun as GetResult)[`'VfM Cost Rows'!A${crm}`]).toBe('CRM');

    // docs/conventions.md, "The seed, worked through", typed
    const seen = figures(atRun as GetResult);
    expect(seen.stay).toEqual([1780000, 1780000, 1780000, 1780000, 1780000]);
    expect(seen.withdraw).toEqual([1780000, 1780000, 980219, 0, 0]);
    expect(seen.saving).toEqual([0, 0, 799781, 1780000, 1780000]);
    expect([seen.totalSaving, seen.npv, seen.avoidable, seen.committed]).toEqual([4359781, 3903229, 1780000, 10673522]);
    expect(seen.expires).toBe(dateSerial('2014-10-19'));
    expect(seen.allChecksPass).toBe(true);
    // the core, for every input the test changed
    expect(seen).toEqual(expected(await coreAnalysis(EXAMPLE, 'Costs', base)));
    expect(figures(afterRate as GetResult)).toEqual(expected(await coreAnalysis(EXAMPLE, 'Costs', { ...base, discountRate: 0.05 })));
    const moved = { ...base, discountRate: 0.05, noticeServedOn: '2013-04-01' };
    expect(figures(afterNotice as GetResult)).toEqual(expected(await coreAnalysis(EXAMPLE, 'Costs', moved)));
    expect(figures(afterClass as GetResult)).toEqual(expected(await coreAnalysis(EXAMPLE, 'Costs', { ...moved, overrides: { CRM: 'avoidable' } })));
  });
});

describe('the seed example (shared-pool, four partners leaving)', () => {
  const pool = POOL_ASSUMPTIONS;

  it('recalculates to the core\'s figures, and follows a leaver\'s date and the sharing model', async () => {
    const out = await writeModel(EXAMPLE, pool, temporaryDirectory());
    const firstLeaver = await firstCellOf(out, 'VfM_LeaversOn');
    const [atRun, , afterLeaver, , afterSharing] = await calc(out, [
      { get: [...KEY, ...TIMELINE] },
      { set: { [firstLeaver]: { date: '2014-06-30' } } },
      { get: [...KEY, ...TIMELINE] },
      { set: { VfM_Sharing: 'fixed-contribution' } },
      { get: [...KEY, ...TIMELINE] },
    ]);
    const seen = figures(atRun as GetResult);
    expect(seen.members).toEqual([10, 8, 6, 6, 6]);
    expect(seen.contribution).toEqual([1780000, 2225000, 2966667, 2966667, 2966667]); // 178,000 / 10, 8, 6
    expect(seen).toEqual(expected(await coreAnalysis(EXAMPLE, 'Costs', pool)));

    const later = { ...pool, partners: { ...pool.partners, leavers: [{ name: 'Tamworth', leavesOn: '2014-06-30' }, ...pool.partners.leavers.slice(1)] } };
    expect(figures(afterLeaver as GetResult)).toEqual(expected(await coreAnalysis(EXAMPLE, 'Costs', later)));
    expect(figures(afterSharing as GetResult)).toEqual(expected(await coreAnalysis(EXAMPLE, 'Costs', { ...later, sharing: 'fixed-contribution' })));
  });
});

describe('a messy table', () => {
  it('gives the core\'s figures with text amounts, credits, indexation, a July year and labels that look like formulas', async () => {
    const dir = temporaryDirectory();
    const sheet = "Council's costs 2011-12";
    const input = await writeWorkbook(path.join(dir, 'messy.xlsx'), [
      { name: 'Cover', rows: [['Shared services review'], ['Draft for the S151 officer']] },
      {
        name: sheet,
        rows: [
          ['Payments through the partnership, 2011/12'],
          [],
          ['Item', 'Cost (£)', 'Notes'],
          ['Core  team contribution 2011/12', '£17,800.00', 'invoice 2231'],
          [],
          ['CRM', ' 46,648.63 '],
          ['Epayments rebate', '(1,000.00)'],
          ['Membership subscription', 845],
          ['=HYPERLINK("http://example.org","x")', 100.5],
          ['+SUM(1,2)', 200],
          ['@cmd', 300],
          ['-2+3', 400],
          ['Total', 65294.13],
          [],
          ['Prepared by finance; figures exclude VAT'],
        ],
      },
    ]);
    const assumptions = { noticeServedOn: '2013-08-31', noticeMonths: 18, fyStartMonth: 7, indexation: '2.5%', horizonYears: 6, discountRate: '3.5%' };
    const out = await writeModel(input, assumptions, dir);
    const first = await firstCostRow(out);
    const labels = [4, 5, 6, 7].map((i) => `'VfM Cost Rows'!A${first + i}`); // the fifth to eighth rows
    const [atRun, types, , afterRate] = await calc(out, [
      { get: [...KEY, ...TIMELINE, ...labels] },
      { cellTypes: labels },
      { set: { VfM_DiscountRate: 0.08, VfM_Indexation: 0.04 } },
      { get: [...KEY, ...TIMELINE] },
    ]);
    const core = await coreAnalysis(input, sheet, assumptions);
    expect(core.rows).toHaveLength(8);
    expect(core.tieOut).toEqual({ status: 'ok' });
    expect(figures(atRun as GetResult)).toEqual(expected(core));
    expect(figures(atRun as GetResult).years).toEqual(['2013/14', '2014/15', '2015/16', '2016/17', '2017/18', '2018/19']);
    expect(labels.map((ref) => (atRun as GetResult)[ref])).toEqual(['=HYPERLINK("http://example.org","x")', '+SUM(1,2)', '@cmd', '-2+3']);
    expect(labels.map((ref) => (types as Record<string, string>)[ref])).toEqual(['text', 'text', 'text', 'text']);
    expect(figures(afterRate as GetResult)).toEqual(expected(await coreAnalysis(input, sheet, { ...assumptions, discountRate: 0.08, indexation: 0.04 })));
  });
});
