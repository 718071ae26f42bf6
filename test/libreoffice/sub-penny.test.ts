// Amounts with fractions of a penny: the core rounds each to the penny (half away from zero) as it
// reads it, so the written model must round each linked amount the same way. The workbook written
// by --out, recalculated by LibreOffice Calc, must then give the CLI's JSON figures to the penny,
// with no float noise (972.5899999999999) in any money cell.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { SummaryJson } from '../../src/faces/cli/summary-json';
import { GetResult, GetValue, calc, isCellError } from '../support/libreoffice';
import { readSummary } from '../support/summary';
import { FixtureCell, temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(180_000);

const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
const SEED_TIMING = { noticeServedOn: '2012-10-19', noticeMonths: 24, horizonYears: 5 };
const SCENARIOS = "'VfM Scenarios'";

const THIRD = 1000 / 3;
/** A formula cell as Excel saves it: the formula and its cached result. */
const f = (formula: string, result: number): FixtureCell => ({ formula, result, date1904: false });

interface Written {
  readonly out: string;
  readonly json: SummaryJson;
}

/** Runs vfm analyse --json --out on a one-sheet workbook; returns the model and the JSON. */
async function analyseTable(rows: FixtureCell[][], assumptions: unknown): Promise<Written> {
  const dir = temporaryDirectory();
  const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [{ name: 'Costs', rows }]);
  const assumptionsFile = path.join(dir, 'assumptions.json');
  writeFileSync(assumptionsFile, JSON.stringify(assumptions));
  const out = path.join(dir, 'out.xlsx');
  const jsonFile = path.join(dir, 'summary.json');
  expect(await run(['analyse', input, '--assumptions', assumptionsFile, '--json', jsonFile, '--out', out], IO)).toBe(0);
  return { out, json: readSummary(jsonFile) };
}

/** The row of the Scenarios sheet whose label (column A) is `label`. */
async function scenarioRow(out: string, label: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  let found = 0;
  workbook.getWorksheet('VfM Scenarios')?.eachRow((row, r) => {
    if (row.getCell(1).value === label) found = r;
  });
  expect(found).toBeGreaterThan(0);
  return found;
}

const LABELS = {
  stay: 'Cost if the council stays (avoidable cost)',
  withdraw: 'Cost if the council withdraws',
  cumulative: 'Cumulative saving',
  committed: 'Committed costs (continue either way, until their contracts end)',
  tieOut: 'The rows tie out to the stated total',
} as const;
const NAMES = [
  'VfM_TotalAnnual', 'VfM_AvoidableAnnual', 'VfM_CommittedAnnual', 'VfM_StatedTotal', 'VfM_TotalSaving', 'VfM_NPV', 'VfM_MasterCheck',
  'VfM_Amounts', 'VfM_CostIfStaying', 'VfM_CostIfWithdrawing', 'VfM_Saving', 'VfM_PresentValue', 'VfM_ContributionPerMember', 'VfM_MembersAtStart',
];

const flat = (value: GetValue) => (value as (number | string)[][]).flat();
const sumPounds = (amounts: readonly number[]) => amounts.reduce((sum, a) => sum + Math.round(a * 100), 0) / 100;

/**
 * Recalculates the model in LibreOffice and checks every money figure against the JSON: equal as
 * numbers (so to the penny and without float noise), present values within half a penny (they
 * are summed unrounded, as the core sums them).
 */
async function expectModelEqualsJson({ out, json }: Written): Promise<GetResult> {
  const rowOf = Object.fromEntries(await Promise.all(Object.entries(LABELS).map(async ([key, label]) => [key, await scenarioRow(out, label)]))) as Record<keyof typeof LABELS, number>;
  const years = json.savings.years;
  const last = String.fromCharCode('C'.charCodeAt(0) + years.length); // C is the total, D the first year
  const line = (r: number) => `${SCENARIOS}!C${r}:${last}${r}`;
  const [got] = await calc(out, [{ get: [...NAMES, line(rowOf.stay), line(rowOf.withdraw), line(rowOf.cumulative), line(rowOf.committed), `${SCENARIOS}!C${rowOf.tieOut}`] }]);

  const seen = {
    total: got.VfM_TotalAnnual,
    avoidable: got.VfM_AvoidableAnnual,
    committed: got.VfM_CommittedAnnual,
    stated: got.VfM_StatedTotal,
    tiesOut: got[`${SCENARIOS}!C${rowOf.tieOut}`] === 1,
    totalSaving: got.VfM_TotalSaving,
    npv: got.VfM_NPV,
    allChecksPass: got.VfM_MasterCheck === 1,
    amounts: flat(got.VfM_Amounts),
    stay: flat(got.VfM_CostIfStaying),
    withdraw: flat(got.VfM_CostIfWithdrawing),
    saving: flat(got.VfM_Saving),
    contribution: flat(got.VfM_ContributionPerMember),
    members: flat(got.VfM_MembersAtStart).map((m) => (m === '' ? null : m)),
    stayLine: flat(got[line(rowOf.stay)]),
    withdrawLine: flat(got[line(rowOf.withdraw)]),
    cumulativeLine: flat(got[line(rowOf.cumulative)]).slice(1),
    committedLine: flat(got[line(rowOf.committed)]),
  };
  expect(seen).toEqual({
    total: json.annual.total,
    avoidable: json.annual.avoidable,
    committed: json.annual.committed,
    stated: json.source.statedTotal ?? null,
    tiesOut: json.source.tieOut !== 'mismatch',
    totalSaving: json.savings.totalSaving,
    npv: json.savings.npv,
    allChecksPass: json.checks.every((check) => check.ok),
    amounts: json.rows.map((row) => row.amount),
    stay: years.map((y) => y.stay),
    withdraw: years.map((y) => y.withdraw),
    saving: years.map((y) => y.saving),
    contribution: json.membership.years.map((y) => y.contributionPerMember),
    members: json.membership.years.map((y) => y.members),
    stayLine: [sumPounds(years.map((y) => y.stay)), ...years.map((y) => y.stay)],
    withdrawLine: [sumPounds(years.map((y) => y.withdraw)), ...years.map((y) => y.withdraw)],
    cumulativeLine: years.map((y) => y.cumulativeSaving),
    committedLine: [sumPounds(years.map((y) => y.committed)), ...years.map((y) => y.committed)],
  });
  flat(got.VfM_PresentValue).forEach((pv, t) => expect(Math.abs((pv as number) - years[t].presentValue)).toBeLessThanOrEqual(0.005 + 1e-9));
  return got;
}

describe('sub-penny amounts: the written model, recalculated by LibreOffice, gives the CLI\'s figures', () => {
  it('three rows of =1000/3 under a =SUM total: 333.33 each, 999.99 in all, and the tie-out fails in both', async () => {
    const written = await analyseTable([
      ['Payments 2011/12'],
      ['Item', 'Amount (£)'],
      ['Core Team contribution', f('1000/3', THIRD)],
      ['CRM', f('1000/3', THIRD)],
      ['Epayments', f('1000/3', THIRD)],
      ['Total', f('SUM(B3:B5)', THIRD + THIRD + THIRD)],
    ], SEED_TIMING);
    // the core's figures, typed
    expect([written.json.annual.total, written.json.annual.avoidable, written.json.annual.committed]).toEqual([999.99, 333.33, 666.66]);
    expect([written.json.source.statedTotal, written.json.source.tieOut, written.json.source.tieOutDifference]).toEqual([1000, 'mismatch', -0.01]);
    const got = await expectModelEqualsJson(written);
    expect(got.VfM_MasterCheck).toBe(0);

    // The stated total edited to text the core would refuse: the tie-out shows an error, not a pass.
    const tieOut = `${SCENARIOS}!C${await scenarioRow(written.out, LABELS.tieOut)}`;
    const [, edited] = await calc(written.out, [{ set: { 'Costs!B6': 'tbc' } }, { get: [tieOut, 'VfM_MasterCheck'] }]);
    expect([isCellError(edited[tieOut]), isCellError(edited.VfM_MasterCheck)]).toEqual([true, true]);
  });

  it('0.004 three times (avoidable) and 100.005: nothing avoidable, 100.01 in all, no saving', async () => {
    const written = await analyseTable([
      ['Item', 'Amount (£)'],
      ['Core Team salaries', 0.004],
      ['Core Team travel', 0.004],
      ['Core Team training', 0.004],
      ['CRM licence', 100.005],
    ], SEED_TIMING);
    expect([written.json.annual.total, written.json.annual.avoidable, written.json.annual.committed]).toEqual([100.01, 0, 100.01]);
    expect([written.json.savings.totalSaving, written.json.savings.npv]).toEqual([0, 0]);
    const got = await expectModelEqualsJson(written);
    expect(got.VfM_MasterCheck).toBe(1);
  });

  // 100.005, 0.005, 2.675, -0.125 and 1.005 are not exact in binary (100.005 is 100.00499999999999545...);
  // the core rounds the number's shortest decimal form, half away from zero, and so does the sheet's
  // ROUND: LibreOffice and Excel both round the value to 15 significant digits first.
  const mixed = (statedTotal: FixtureCell): FixtureCell[][] => [
    ['Payments through the partnership 2011/12'],
    ['Item', 'Cost £'],
    ['Core team contribution', f('1000/3', THIRD)],
    ['Partnership contribution (hosting)', '£2.675'],
    ['CRM', 1.005],
    ['Epayments rebate', -0.125],
    ['Shared Email Directory', 0.005],
    ['Customer Insight', 2.675],
    ['New Epayments', f('100.005*1', 100.005)],
    ['Total', statedTotal],
  ];
  const pool = { ...SEED_TIMING, indexation: '2.5%', baseYear: '2011/12', sharing: 'shared-pool', partners: { inBaseYear: 3, leavers: [{ name: 'Tamworth', leavesOn: '2013-03-31' }] } };

  it('formula cells, text amounts and credits, indexed and re-shared among fewer members, under a text total that ties', async () => {
    const written = await analyseTable(mixed('£439.59'), pool);
    expect(written.json.rows.map((row) => row.amount)).toEqual([333.33, 2.68, 1.01, -0.13, 0.01, 2.68, 100.01]);
    expect([written.json.annual.total, written.json.annual.avoidable, written.json.source.tieOut]).toEqual([439.59, 336.01, 'ok']);
    const got = await expectModelEqualsJson(written);
    expect(got.VfM_MasterCheck).toBe(1);
  });

  it('the same rows under a text total a penny out: the sheet\'s tie-out fails as the core\'s does', async () => {
    const written = await analyseTable(mixed('£439.60'), pool);
    expect([written.json.source.statedTotal, written.json.source.tieOut]).toEqual([439.6, 'mismatch']);
    const got = await expectModelEqualsJson(written);
    expect(got.VfM_MasterCheck).toBe(0);
  });

  // Where they differ (src/layout/cost-rows-sheet.ts): =0.015-0.01 is 0.004999999999999999 in binary.
  // The core rounds that shortest decimal form and gets 0.00; LibreOffice (and Excel) round the value
  // to 15 significant digits, 0.00500000000000, and get 0.01. Kept here so that the difference is
  // seen, and this test changed, if either side changes.
  it('a computed amount a hair under a half penny: the core gives 0.00, the spreadsheet 0.01 (a known difference)', async () => {
    const written = await analyseTable([
      ['Item', 'Amount (£)'],
      ['Core team contribution', 17800],
      ['Rounding adjustment', f('0.015-0.01', 0.015 - 0.01)],
    ], SEED_TIMING);
    expect(written.json.rows.map((row) => row.amount)).toEqual([17800, 0]);
    const [got] = await calc(written.out, [{ get: ['VfM_Amounts', 'VfM_TotalAnnual'] }]);
    expect([flat(got.VfM_Amounts), got.VfM_TotalAnnual]).toEqual([[17800, 0.01], 17800.01]);
  });
});
