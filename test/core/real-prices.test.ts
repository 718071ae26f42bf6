// Real and nominal prices (docs/conventions.md, "Real and nominal prices"): the real-price factor,
// the worked example with costs in cash deflated by a GDP deflator (expected values by exact
// integer arithmetic and typed in), and the deflator as an assumption, with its refusals.
import { AssumptionContext, resolveAssumptions } from '../../src/core/assumptions';
import { financialYear, fyLabel } from '../../src/core/financial-year';
import { AppraisalModel, basisOf } from '../../src/core/key-inputs';
import { Exact, pence } from '../../src/core/money';
import { AppraisalBasis, appraiseOption } from '../../src/core/options';
import { GdpDeflator, realPriceFactors } from '../../src/core/real-prices';
import { defaultRanges, sensitivity } from '../../src/core/sensitivity';
import { savingsScenario } from '../../src/core/savings';
import { switchingValues } from '../../src/core/switching-values';
import { divRound } from './by-hand';
import { inputProblems } from './grid';
import { WITHDRAW_NOW, YEARS, d } from './worked-options';

const TWO_PERCENT: GdpDeflator = { byFy: [], otherYears: new Exact('0.02') };


/**
 * The NPV in pence of cash net savings deflated and discounted, by exact integers: the sum of
 * net_t x 1000^t / (1035^t) x 1000^t / product of (1000 + deflator per mille) to t, rounded once.
 */
function npvByHand(net: readonly number[], deflatorPerMille: readonly number[]): number {
  let num = 0n;
  let den = 1n;
  let growthNum = 1n;
  let growthDen = 1n;
  net.forEach((amount, t) => {
    if (t > 0) {
      growthNum *= 1035n * BigInt(1000 + deflatorPerMille[t]);
      growthDen *= 1000n * 1000n;
    }
    // num/den + amount x growthDen / growthNum
    num = num * growthNum + BigInt(amount) * growthDen * den;
    den *= growthNum;
  });
  return Number(divRound(num, den));
}

describe('the real-price factor', () => {
  it('is 1 every year with real prices, whatever the deflator', () => {
    expect(realPriceFactors('real', TWO_PERCENT, YEARS).map(String)).toEqual(['1', '1', '1', '1', '1']);
  });

  it('is 1 / 1.02^t at 2% a year, 1 in year 0', () => {
    const factors = realPriceFactors('nominal', TWO_PERCENT, YEARS);
    expect(factors[0].toString()).toBe('1');
    expect(factors[1].toNumber()).toBeCloseTo(0.980392156862745, 15);
    // 1 / 1.0404 and 1 / 1.08243216 by hand
    expect(factors[2].toNumber()).toBeCloseTo(0.961168781237985, 15);
    expect(factors[4].toNumber()).toBeCloseTo(0.923845426026514, 15);
  });

  it('takes each FY\'s own rate, the product from year 1 to t', () => {
    const deflator: GdpDeflator = { byFy: [{ fy: financialYear(2013), rate: new Exact('0.025') }, { fy: financialYear(2014), rate: new Exact('0.01') }], otherYears: new Exact('0.02') };
    const factors = realPriceFactors('nominal', deflator, YEARS);
    // 1 / 1.025, 1 / (1.025 x 1.01) = 1 / 1.03525, then x 1 / 1.02 twice
    expect(factors.map((f) => f.toNumber())).toEqual([1, 1 / 1.025, 1 / 1.03525, 1 / 1.055955, 1 / 1.0770741].map((f, i) => expect.closeTo(f, 15 - (i > 2 ? 1 : 0))));
    expect(factors[2].times('1.03525').toString()).toBe('1');
  });
});

describe('the worked example with its costs in cash, deflated at 2% a year', () => {
  const SEED: AppraisalBasis = {
    years: YEARS, stayExact: YEARS.map(() => new Exact(1_780_000)), indexFactors: YEARS.map(() => new Exact(1)), discountRate: new Exact('0.035'),
    realPriceFactors: realPriceFactors('nominal', TWO_PERCENT, YEARS),
  };
  const appraised = appraiseOption(SEED, WITHDRAW_NOW);

  it('keeps the cash net saving for the budget, and gives the NPV in real terms: 19,799.89', () => {
    expect(appraised.years.map((y) => y.netSaving)).toEqual([0, 0, 30_192, 1_180_000, 1_180_000]);
    expect(appraised.totalNetSaving).toBe(2_390_192);
    expect(npvByHand([0, 0, 30_192, 1_180_000, 1_180_000], [0, 20, 20, 20, 20])).toBe(1_979_989);
    expect(appraised.npv).toBe(1_979_989);
  });

  it('gives each year its present value: net x real-price factor x discount factor', () => {
    // 301.92 / (1.02 x 1.035)^2 = 301.92 / 1.11450249 = 270.90; 11,800 / 1.0557^3 = 11,800 / 1.176580279 = 10,029.06;
    // 11,800 / 1.0557^4 = 11,800 / 1.242115800 = 9,499.92
    expect(appraised.years.map((y) => y.presentValue)).toEqual([0, 0, 27_090, 1_002_906, 949_992]);
    expect(appraised.years[4].realPriceFactor.toNumber()).toBeCloseTo(0.923845426026514, 15);
  });

  it('the seed\'s saving without costs of leaving, on the scenario\'s NPV too: 36,635.10', () => {
    expect(npvByHand([0, 0, 799_781, 1_780_000, 1_780_000], [0, 20, 20, 20, 20])).toBe(3_663_510);
    expect(appraiseOption(SEED, { ...WITHDRAW_NOW, exitCosts: [], replacementCosts: [] }).npv).toBe(3_663_510);
    const savings = savingsScenario({
      years: YEARS, stayCost: YEARS.map(() => pence(1_780_000)), committedCost: YEARS.map(() => pence(0)), noticeExpiresOn: d('2014-10-19'),
      discountRate: new Exact('0.035'), realPriceFactors: realPriceFactors('nominal', TWO_PERCENT, YEARS),
    });
    expect(savings.npv).toBe(3_663_510);
    expect(savings.totalSaving).toBe(4_359_781);
  });

  it('deflates by FY: 2.1% in 2013/14, 1.9% in 2014/15, 2% after', () => {
    const deflator: GdpDeflator = { byFy: [{ fy: financialYear(2013), rate: new Exact('0.021') }, { fy: financialYear(2014), rate: new Exact('0.019') }], otherYears: new Exact('0.02') };
    const basis = { ...SEED, realPriceFactors: realPriceFactors('nominal', deflator, YEARS) };
    expect(appraiseOption(basis, WITHDRAW_NOW).npv).toBe(npvByHand([0, 0, 30_192, 1_180_000, 1_180_000], [0, 21, 19, 20, 20]));
    expect(appraiseOption(basis, WITHDRAW_NOW).npv).toBe(1_979_990);
  });
});

describe('sensitivity and switching values with nominal prices: the deflator in place of indexation', () => {
  const MODEL: AppraisalModel = {
    years: YEARS, baseYear: financialYear(2011), avoidable: new Exact(1_780_000), shares: YEARS.map(() => new Exact(1)), indexation: new Exact(0), discountRate: new Exact('0.035'),
    prices: 'nominal', gdpDeflator: TWO_PERCENT,
  };

  it('its basis gives the deflated NPV', () => {
    expect(appraiseOption(basisOf(MODEL), WITHDRAW_NOW).npv).toBe(1_979_989);
  });

  it('varies the deflator +/-2 points, and not indexation', () => {
    const ranges = defaultRanges(MODEL, WITHDRAW_NOW);
    expect(ranges.map((r) => r.input)).not.toContain('indexation');
    const deflator = ranges.find((r) => r.input === 'gdpDeflator')!;
    expect([deflator.low.toString(), deflator.high.toString()]).toEqual(['0', '0.04']);
    const row = sensitivity(MODEL, [WITHDRAW_NOW], 0, [deflator])[0];
    expect(row.npvLow).toBe(npvByHand([0, 0, 30_192, 1_180_000, 1_180_000], [0, 0, 0, 0, 0]));
    expect(row.npvLow).toBe(2_120_779); // no deflation: the worked example's NPV
    expect(row.npvHigh).toBe(npvByHand([0, 0, 30_192, 1_180_000, 1_180_000], [0, 40, 40, 40, 40]));
  });

  it('moves every FY\'s rate alike when the deflator is given by FY', () => {
    const byFy: AppraisalModel = { ...MODEL, gdpDeflator: { byFy: [{ fy: financialYear(2013), rate: new Exact('0.021') }, { fy: financialYear(2014), rate: new Exact('0.019') }], otherYears: new Exact('0.02') } };
    const deflator = defaultRanges(byFy, WITHDRAW_NOW).find((r) => r.input === 'gdpDeflator')!;
    expect([deflator.low.toString(), deflator.high.toString()]).toEqual(['0.001', '0.041']);
    const row = sensitivity(byFy, [WITHDRAW_NOW], 0, [deflator])[0];
    expect(row.npvHigh).toBe(npvByHand([0, 0, 30_192, 1_180_000, 1_180_000], [0, 41, 39, 40, 40]));
  });

  it('finds no switching value for the deflator within its range, and lists indexation only with real prices', () => {
    const values = switchingValues(MODEL, [WITHDRAW_NOW], 0, 0);
    expect(values.map((v) => v.input)).toEqual(['avoidableCost', 'exitCosts', 'replacementCosts', 'optimismBias', 'noticeMonths', 'discountRate', 'gdpDeflator']);
    expect(switchingValues({ ...MODEL, prices: 'real' }, [WITHDRAW_NOW], 0, 0).map((v) => v.input)).toContain('indexation');
  });
});

describe('prices and gdpDeflator as assumptions', () => {
  const TODAY = { year: 2012, month: 10, day: 19 };
  const context: AssumptionContext = { today: TODAY, yearsInLabels: new Map() };
  const resolve = (input: unknown) => resolveAssumptions(input, context).values;
  const problemsOf = (input: unknown) => inputProblems(() => resolveAssumptions(input, context));
  const EXPECTED = 'a yearly rate from -50% to 100% (give 0.02 or "2%"), or an object of such rates by financial year with "otherYears" for the years it does not list';

  it('are real prices, with no deflator, by default', () => {
    const a = resolve(undefined);
    expect(a.prices).toBe('real');
    expect(a.gdpDeflator).toBeUndefined();
  });

  it('take one rate a year, as a fraction or as text', () => {
    expect(resolve({ prices: 'nominal', gdpDeflator: '2%' }).gdpDeflator).toEqual({ byFy: [], otherYears: new Exact('0.02') });
    expect(resolve({ prices: 'nominal', gdpDeflator: 0.02 }).gdpDeflator?.otherYears?.toString()).toBe('0.02');
  });

  it('take rates by FY, as labels or start years, with otherYears for the rest', () => {
    const deflator = resolve({ prices: 'nominal', gdpDeflator: { '2013/14': '2.1%', 2014: 0.019, otherYears: '2%' } }).gdpDeflator!;
    expect(deflator.byFy.map((e) => [fyLabel(e.fy), e.rate.toString()])).toEqual([['2013/14', '0.021'], ['2014/15', '0.019']]);
    expect(deflator.otherYears?.toString()).toBe('0.02');
  });

  it('take rates by FY without otherYears when every year after year 0 is listed', () => {
    const every = { '2013/14': '2%', '2014/15': '2%', '2015/16': '2%', '2016/17': '2%' };
    expect(resolve({ prices: 'nominal', gdpDeflator: every }).gdpDeflator?.byFy).toHaveLength(4);
  });

  it('refuses a price basis that is not real or nominal', () => {
    expect(problemsOf({ prices: 'cash' })).toEqual([{ where: 'prices', message: '"cash" is not one of "real", "nominal"' }]);
  });

  it('refuses nominal prices without a deflator', () => {
    expect(problemsOf({ prices: 'nominal' })).toEqual([{ where: 'gdpDeflator', message: 'missing: costs in cash ("nominal") need the GDP deflator that makes them real, a rate a year such as "2%" or rates by financial year' }]);
  });

  it('refuses a deflator that is not a rate, or out of range', () => {
    expect(problemsOf({ prices: 'nominal', gdpDeflator: '2' })).toEqual([{ where: 'gdpDeflator', message: `"2" is not ${EXPECTED}` }]);
    expect(problemsOf({ prices: 'nominal', gdpDeflator: -0.6 })).toEqual([{ where: 'gdpDeflator', message: `-0.6 is not ${EXPECTED}` }]);
    expect(problemsOf({ prices: 'nominal', gdpDeflator: ['2%'] })[0].where).toBe('gdpDeflator');
  });

  it('refuses, naming each place, a FY outside the horizon, a key that is no FY, a bad rate and a FY given twice', () => {
    expect(problemsOf({ prices: 'nominal', gdpDeflator: { '2020/21': '2%', soon: '2%', '2013/14': 'two', '2014/15': '1%', 2014: '1%', otherYears: '2%' } })).toEqual([
      { where: 'gdpDeflator.2020/21', message: '2020/21 is not a financial year of the horizon, 2012/13 to 2016/17' },
      { where: 'gdpDeflator.soon', message: 'is not a financial year such as "2014/15", nor "otherYears" (the rate of the years not listed)' },
      { where: 'gdpDeflator.2013/14', message: '"two" is not a yearly rate from -50% to 100% (give 0.02 or "2%")' },
      // A key that is a number comes first in a JSON object, so "2014/15" is the one given again.
      { where: 'gdpDeflator.2014/15', message: 'is 2014/15 again; give each financial year once' },
    ]);
  });

  it('refuses rates by FY that leave years out without otherYears, naming them', () => {
    expect(problemsOf({ prices: 'nominal', gdpDeflator: { '2013/14': '2.1%', '2014/15': '1.9%' } })).toEqual([
      { where: 'gdpDeflator', message: 'gives no rate for 2015/16, 2016/17; list every financial year deflated (each after year 0), or give "otherYears" for the years not listed' },
    ]);
  });

  it('counts the FYs of the options\' timeline as the horizon too', () => {
    const options = [{ name: 'Later', noticeServedOn: '2014-10-19' }];
    // The scenario's timeline runs 2012/13 to 2016/17, the options' 2014/15 to 2018/19.
    expect(resolve({ prices: 'nominal', gdpDeflator: { '2018/19': '3%', otherYears: '2%' }, options }).gdpDeflator?.byFy).toHaveLength(1);
    expect(problemsOf({ prices: 'nominal', gdpDeflator: { '2019/20': '3%', otherYears: '2%' }, options })).toEqual([
      { where: 'gdpDeflator.2019/20', message: '2019/20 is not a financial year of the horizon, 2012/13 to 2016/17 or 2014/15 to 2018/19' },
    ]);
  });
});
