import { analyse } from '../../src/core/analysis';
import { isoDate, parseIsoDate } from '../../src/core/calendar-date';
import { financialYear, fyLabel } from '../../src/core/financial-year';
import { Exact, Money, pence } from '../../src/core/money';
import { savingsScenario } from '../../src/core/savings';
import { countDays, mulDivPence, npvPence, ymd } from './by-hand';
import { grid, seedGrid } from './grid';

const d = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};
const money = (values: number[]): Money[] => values.map(pence);
const TODAY = { year: 2020, month: 1, day: 1 };

describe('savingsScenario', () => {
  it('saves nothing before the exit FY, the pro-rata remainder in it, everything after', () => {
    const result = savingsScenario({
      years: [financialYear(2014), financialYear(2015), financialYear(2016)],
      stayCost: money([1000000, 1000000, 1000000]),
      committedCost: money([5, 5, 5]),
      noticeExpiresOn: d('2015-07-01'),
      discountRate: new Exact('0.25'),
    });
    // 2015/16 (366 days): April 30 + May 31 + June 30 = 91 paid days; 1,000,000 x 91/366 = 248,633.88 -> 248,634
    expect(result.years.map((y) => [y.paidDays, y.daysInFy, y.withdraw, y.saving])).toEqual([
      [365, 365, 1000000, 0],
      [91, 366, 248634, 751366],
      [0, 365, 0, 1000000],
    ]);
    expect(result.totalSaving).toBe(1751366);
    // at 25%: 751,366 x 0.8 + 1,000,000 x 0.64 = 601,092.8 + 640,000 = 1,241,092.8 -> 1,241,093
    expect(result.npv).toBe(1241093);
    expect(result.years.map((y) => y.presentValue)).toEqual([0, 601093, 640000]);
    expect(result.years.map((y) => y.committed)).toEqual([5, 5, 5]);
  });

  it('sums the unrounded present values and rounds the NPV once', () => {
    // savings of 3 pence a year for three years at 100%: 3 + 1.5 + 0.75 = 5.25 -> 5, whereas adding
    // the rounded present values 3 + 2 + 1 would give 6
    const result = savingsScenario({
      years: [financialYear(2014), financialYear(2015), financialYear(2016)],
      stayCost: money([3, 3, 3]),
      committedCost: money([0, 0, 0]),
      noticeExpiresOn: d('2014-04-01'),
      discountRate: new Exact(1),
    });
    expect(result.years.map((y) => y.saving)).toEqual([3, 3, 3]);
    expect(result.years.map((y) => y.presentValue)).toEqual([3, 2, 1]);
    expect(result.npv).toBe(5);
  });

  it('saves nothing when notice expires after the horizon', () => {
    const result = savingsScenario({
      years: [financialYear(2014), financialYear(2015)],
      stayCost: money([100, 100]),
      committedCost: money([0, 0]),
      noticeExpiresOn: d('2016-04-02'),
      discountRate: new Exact(0.035),
    });
    expect(result.years.map((y) => y.saving)).toEqual([0, 0]);
    expect(result.totalSaving).toBe(0);
    expect(result.npv).toBe(0);
  });
});

describe('analyse with a FY that does not start in April', () => {
  it('runs July-to-June years, year 0 holding the notice date, with a leap exit year', () => {
    const result = analyse({ grid: seedGrid(), assumptions: { noticeServedOn: '2014-03-10', fyStartMonth: 7 }, today: TODAY });
    expect(isoDate(result.savings.noticeExpiresOn)).toBe('2016-03-10');
    expect(result.savings.years.map((y) => fyLabel(y.fy))).toEqual(['2013/14', '2014/15', '2015/16', '2016/17', '2017/18']);
    expect(result.savings.years[0].fy).toEqual({ startYear: 2013, startMonth: 7 });
    // 2015/16 runs 2015-07-01 to 2016-06-30 and holds 29 February 2016
    const paid = countDays(ymd('2015-07-01'), ymd('2016-03-10'));
    expect(paid).toBe(253);
    expect(countDays(ymd('2015-07-01'), ymd('2016-07-01'))).toBe(366);
    expect(result.savings.years.map((y) => [y.paidDays, y.daysInFy])).toEqual([[365, 365], [365, 365], [253, 366], [0, 365], [0, 365]]);
    const withdraw = mulDivPence(1780000, 253n, 366n); // 450,340,000 / 366 = 1,230,437.16 -> 1,230,437
    expect(withdraw).toBe(1230437);
    expect(result.savings.years.map((y) => y.withdraw)).toEqual([1780000, 1780000, withdraw, 0, 0]);
    const savings = [0, 0, 1780000 - withdraw, 1780000, 1780000];
    expect(result.savings.years.map((y) => y.saving)).toEqual(savings);
    expect(result.savings.npv).toBe(npvPence(savings, 35n, 1000n));
  });

  it('runs calendar years with a January start', () => {
    const result = analyse({ grid: seedGrid(), assumptions: { noticeServedOn: '2012-10-19', fyStartMonth: 1 }, today: TODAY });
    expect(result.savings.years.map((y) => fyLabel(y.fy))).toEqual(['2012', '2013', '2014', '2015', '2016']);
    // January to September 2014 = 273 days, + 18 of October
    expect(countDays(ymd('2014-01-01'), ymd('2014-10-19'))).toBe(291);
    expect(result.savings.years.map((y) => [y.paidDays, y.daysInFy])).toEqual([[366, 366], [365, 365], [291, 365], [0, 365], [0, 366]]);
    const withdraw = mulDivPence(1780000, 291n, 365n); // 517,980,000 / 365 = 1,419,123.29 -> 1,419,123
    expect(withdraw).toBe(1419123);
    expect(result.savings.years.map((y) => y.saving)).toEqual([0, 0, 1780000 - withdraw, 1780000, 1780000]);
    expect(result.savings.totalSaving).toBe(1780000 - withdraw + 2 * 1780000);
  });

  it('puts the notice date in the right year 0 with an October start', () => {
    const first = (served: string) =>
      analyse({ grid: seedGrid(), assumptions: { noticeServedOn: served, fyStartMonth: 10, horizonYears: 1 }, today: TODAY }).savings.years[0].fy;
    expect(first('2012-10-01')).toEqual({ startYear: 2012, startMonth: 10 });
    expect(first('2012-09-30')).toEqual({ startYear: 2011, startMonth: 10 });
  });
});

describe('analyse: notice, horizon and warnings', () => {
  it('runs horizonYears FYs from the notice year', () => {
    const result = analyse({ grid: seedGrid(), assumptions: { noticeServedOn: '2012-10-19', horizonYears: 8 }, today: TODAY });
    expect(result.savings.years.map((y) => fyLabel(y.fy))).toEqual(['2012/13', '2013/14', '2014/15', '2015/16', '2016/17', '2017/18', '2018/19', '2019/20']);
    expect(result.savings.totalSaving).toBe(799781 + 5 * 1780000);
  });

  it('serves notice today when no date is given', () => {
    const result = analyse({ grid: seedGrid(), today: { year: 2020, month: 5, day: 31 } });
    expect(result.assumptionSources.noticeServedOn).toBe('today');
    expect(isoDate(result.savings.noticeExpiresOn)).toBe('2022-05-31');
    expect(fyLabel(result.savings.years[0].fy)).toBe('2020/21');
  });

  it('warns when notice expires beyond the horizon', () => {
    const result = analyse({ grid: seedGrid(), assumptions: { noticeServedOn: '2012-10-19', noticeMonths: 60 }, today: TODAY });
    expect(result.savings.totalSaving).toBe(0);
    const warning = result.warnings.find((w) => w.code === 'notice-beyond-horizon');
    expect(warning?.message).toMatch(/2017-10-19/);
    expect(warning?.message).toMatch(/2016\/17/);
  });

  it('with no notice period saves from the notice date', () => {
    const result = analyse({ grid: seedGrid(), assumptions: { noticeServedOn: '2012-10-19', noticeMonths: 0 }, today: TODAY });
    // April to September 2012 = 183 days, + 18 of October: 201 days of 365
    expect(result.savings.years[0].paidDays).toBe(201);
    expect(result.savings.years[0].withdraw).toBe(980219);
  });

  it('warns when nothing is avoidable', () => {
    const result = analyse({ grid: seedGrid(), assumptions: { noticeServedOn: '2012-10-19', overrides: { 'Staffordshire Connects 2011/12 Core Team': 'committed' } }, today: TODAY });
    expect(result.annual.avoidable).toBe(0);
    expect(result.savings.totalSaving).toBe(0);
    expect(result.warnings.map((w) => w.code)).toContain('nothing-avoidable');
  });

  it('warns when the avoidable cost is negative', () => {
    const result = analyse({ grid: grid([['Core Team refund', -100], ['CRM', 500]]), assumptions: { noticeServedOn: '2012-10-19' }, today: TODAY });
    expect(result.annual).toEqual({ total: 40000, avoidable: -10000, committed: 50000 });
    expect(result.warnings.find((w) => w.code === 'negative-avoidable')?.message).toMatch(/-£100\.00/);
  });

  it('warns that the base year was assumed when indexing without one', () => {
    const rows = grid([['Core Team', 1000], ['CRM', 500]]);
    const assumed = analyse({ grid: rows, assumptions: { noticeServedOn: '2012-10-19', indexation: '2%' }, today: TODAY });
    expect(assumed.assumptionSources.baseYear).toBe('default');
    expect(fyLabel(assumed.assumptions.baseYear)).toBe('2012/13');
    expect(assumed.warnings.map((w) => w.code)).toContain('base-year-assumed');
    // year 0 is the base year: not indexed; year 1 is 100,000 x 1.02
    expect(assumed.savings.years.slice(0, 2).map((y) => y.stay)).toEqual([100000, 102000]);
    const given = analyse({ grid: rows, assumptions: { noticeServedOn: '2012-10-19', indexation: '2%', baseYear: '2012/13' }, today: TODAY });
    expect(given.warnings.map((w) => w.code)).not.toContain('base-year-assumed');
  });

  it('refuses labels naming two FYs without a base year', () => {
    const rows = grid([['Core Team 2011/12', 1000], ['CRM 2012/13', 500]]);
    let thrown: unknown;
    try {
      analyse({ grid: rows, today: TODAY });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe('baseYear: the item labels name more than one financial year (2011/12 in Costs!A1, 2012/13 in Costs!A2); set baseYear to the year the table describes');
  });
});
