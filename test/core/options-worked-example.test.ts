// docs/conventions.md, "The seed with costs of leaving": every figure typed from there, through the
// options appraisal, its switching values and its sensitivity.
import { financialYear, fyLabel } from '../../src/core/financial-year';
import { Exact, pence } from '../../src/core/money';
import { headline } from '../../src/core/headline';
import { AppraisalModel, basisOf } from '../../src/core/key-inputs';
import { AppraisalBasis, appraiseOption, appraiseOptions, continuousNpv, preferredIndex } from '../../src/core/options';
import { defaultRanges, sensitivity } from '../../src/core/sensitivity';
import { switchingValues } from '../../src/core/switching-values';
import { A_YEAR_LATER, WITHDRAW_NOW, YEARS } from './worked-options';

/** The seed: the core team's 17,800.00 a year is avoidable; fixed-contribution, no indexation, r = 3.5%. */
const SEED: AppraisalBasis = { years: YEARS, stayExact: YEARS.map(() => new Exact(1_780_000)), indexFactors: YEARS.map(() => new Exact(1)), discountRate: new Exact('0.035') };


describe('an option with costs of leaving (the seed, withdrawing now)', () => {
  const appraised = appraiseOption(SEED, WITHDRAW_NOW);

  it('counts the exit cost in its FY and the replacement support from expiry, pro-rata', () => {
    expect(appraised.years.map((y) => y.exitCosts)).toEqual([0, 0, 500_000, 0, 0]);
    // 2014/15: 164 of 365 days from 19 October 2014 = 2,695.89
    expect(appraised.years.map((y) => y.replacementCosts)).toEqual([0, 0, 269_589, 600_000, 600_000]);
  });

  it('gives the net saving by FY, its total, the NPV and the payback FY', () => {
    expect(appraised.years.map((y) => y.netSaving)).toEqual([0, 0, 30_192, 1_180_000, 1_180_000]);
    expect(appraised.totalNetSaving).toBe(2_390_192);
    expect(appraised.npv).toBe(2_120_779);
    expect(fyLabel(appraised.paybackFy!)).toBe('2014/15');
  });

  it('with optimism bias of 41% on both costs', () => {
    const biased = appraiseOption(SEED, { ...WITHDRAW_NOW, optimismBias: new Exact('0.41') });
    expect(biased.years.map((y) => y.exitCosts)).toEqual([0, 0, 705_000, 0, 0]);
    expect(biased.years.map((y) => y.replacementCosts)).toEqual([0, 0, 380_121, 846_000, 846_000]);
    expect(biased.years.map((y) => y.netSaving)).toEqual([0, 0, -285_340, 934_000, 934_000]);
    expect(biased.npv).toBe(1_389_974);
    expect(fyLabel(biased.paybackFy!)).toBe('2015/16');
  });

  it('without costs of leaving is the saving of the seed table of docs/conventions.md, "The seed, worked through" (NPV 39,032.29)', () => {
    const bare = appraiseOption(SEED, { ...WITHDRAW_NOW, exitCosts: [], replacementCosts: [] });
    expect(bare.npv).toBe(3_903_229);
  });
});

describe('withdrawing a year later', () => {
  it('pays 201 of 366 days in 2015/16 and saves the rest', () => {
    const later = appraiseOption(SEED, A_YEAR_LATER);
    expect(later.years.map((y) => y.withdraw)).toEqual([1_780_000, 1_780_000, 1_780_000, 977_541, 0]);
    expect(later.years.map((y) => y.netSaving)).toEqual([0, 0, 0, 802_459, 1_780_000]);
    expect(later.totalNetSaving).toBe(2_582_459);
    expect(later.npv).toBe(2_274_939);
  });
});

describe('the preferred option', () => {
  it('is the highest NPV against BAU: withdrawing now, of the two without costs of leaving', () => {
    const result = appraiseOptions(SEED, [{ ...WITHDRAW_NOW, exitCosts: [], replacementCosts: [] }, A_YEAR_LATER]);
    expect(result.options.map((o) => o.npv)).toEqual([3_903_229, 2_274_939]);
    expect(result.preferred).toBe(0);
  });

  it('is BAU (none) when no option has a positive NPV, and the first of equals', () => {
    expect(preferredIndex([0, -5])).toBeUndefined();
    expect(preferredIndex([3, 7, 7])).toBe(1);
  });
});

describe('the continuous model', () => {
  it('rounds nothing: near the rounded NPV, but not equal to it in general', () => {
    const exact = continuousNpv(SEED, WITHDRAW_NOW);
    expect(exact.minus(2_120_779).abs().lt(2)).toBe(true);
  });
});

describe('replacement costs for a stated number of months, and a stranded-cost share', () => {
  it('runs from expiry for its months only, at its share of the annual amount', () => {
    // 75% of 10,000.00 a year for 18 months from 19 October 2014: 164 days of 2014/15, all of
    // 2015/16 (366 days), and 2016/17 up to 19 April 2016... which is in 2016/17: 18 days.
    const stranded = appraiseOption(SEED, { ...WITHDRAW_NOW, exitCosts: [], replacementCosts: [{ label: 'Stranded costs', annual: pence(1_000_000), months: 18, share: new Exact('0.75') }] });
    // 7,500 x 164/365 = 3,369.86; 7,500 x 366/366; 7,500 x 18/365 = 369.86
    expect(stranded.years.map((y) => y.replacementCosts)).toEqual([0, 0, 336_986, 750_000, 36_986]);
  });
});

describe('switching values (docs/conventions.md, "The seed with costs of leaving": this option alone against BAU)', () => {
  const MODEL: AppraisalModel = {
    years: YEARS, baseYear: financialYear(2011), avoidable: new Exact(1_780_000), shares: YEARS.map(() => new Exact(1)), indexation: new Exact(0), discountRate: new Exact('0.035'),
  };
  const values = Object.fromEntries(switchingValues(MODEL, [WITHDRAW_NOW], 0, 0).map((v) => [v.input, v]));

  it('the basis of the model is the seed', () => {
    expect(appraiseOption(basisOf(MODEL), WITHDRAW_NOW).npv).toBe(2_120_779);
  });

  it('replacement support 15,671.44 a year; exit costs 27,718.31; avoidable cost 8,128.56 a year', () => {
    expect(values.replacementCosts.value?.toNumber()).toBe(1_567_144);
    expect(values.exitCosts.value?.toNumber()).toBe(2_771_831);
    expect(values.avoidableCost.value?.toNumber()).toBe(812_856);
  });

  it('with the base values they switch from', () => {
    expect(values.replacementCosts.base?.toNumber()).toBe(600_000);
    expect(values.exitCosts.base?.toNumber()).toBe(500_000);
    expect(values.avoidableCost.base?.toNumber()).toBe(1_780_000);
  });

  it('finds the non-linear ones where the NPV reaches zero: the discount rate and the notice', () => {
    // Raising the rate cuts the NPV but never to zero (every net saving is positive): none in range.
    expect(values.discountRate.none).toBe('none in range');
    // A longer notice defers the saving: at 45 months from 19 October 2012 (19 July 2016) the
    // net saving of 2016/17 no longer covers a year of support... checked against the rounded model.
    const months = values.noticeMonths.value!.toNumber();
    const at = (m: number) => appraiseOption(basisOf(MODEL), { ...WITHDRAW_NOW, noticeMonths: m }).npv;
    expect(at(months)).toBeLessThanOrEqual(0);
    expect(at(months - 1)).toBeGreaterThan(0);
  });

  it('the optimism bias at which the NPV reaches zero, checked by putting it back', () => {
    const bias = values.optimismBias.value!;
    const npv = continuousNpv(basisOf(MODEL), { ...WITHDRAW_NOW, optimismBias: bias });
    expect(npv.abs().lt(1)).toBe(true);
  });

  it('with another option that would overtake: the value at which it does', () => {
    // With exit costs of 500.00, withdrawing now (NPV about 25,408) leads withdrawing a year later (22,749.39).
    const now = { ...WITHDRAW_NOW, exitCosts: [{ label: 'Disaggregation', amount: pence(50_000), fy: financialYear(2014) }] };
    const basis = basisOf(MODEL);
    expect(appraiseOptions(basis, [now, A_YEAR_LATER]).preferred).toBe(0);
    const exit = switchingValues(MODEL, [now, A_YEAR_LATER], 0, 0).find((v) => v.input === 'exitCosts')!.value!;
    // Well below the 27,718.31 at which the NPV itself would reach zero: where the two NPVs meet.
    expect(exit.lt(2_771_831)).toBe(true);
    const atSwitch = continuousNpv(basis, { ...now, costScales: { exit: exit.div(50_000) } });
    expect(atSwitch.minus(continuousNpv(basis, A_YEAR_LATER)).abs().lt(1)).toBe(true);
  });
});

describe('sensitivity: a tornado of the option\'s NPV', () => {
  const MODEL: AppraisalModel = {
    years: YEARS, baseYear: financialYear(2011), avoidable: new Exact(1_780_000), shares: YEARS.map(() => new Exact(1)), indexation: new Exact(0), discountRate: new Exact('0.035'),
  };
  const rows = sensitivity(MODEL, [WITHDRAW_NOW], 0, defaultRanges(MODEL, WITHDRAW_NOW));
  const row = (name: string) => rows.find((r) => r.input === name)!;

  it('puts each input at the ends of its default range', () => {
    expect(row('avoidableCost')).toMatchObject({ low: new Exact(1_424_000), high: new Exact(2_136_000) });
    expect(row('noticeMonths').low.toNumber()).toBe(18);
    expect(row('discountRate').high.toNumber()).toBe(0.05);
    expect(row('optimismBias').high.toNumber()).toBe(0.41);
  });

  it('gives the NPV at each end from the rounded model: 41% optimism bias gives 13,899.74', () => {
    expect(row('optimismBias').npvLow).toBe(2_120_779);
    expect(row('optimismBias').npvHigh).toBe(1_389_974);
    // Exit costs of 4,000.00 and 6,000.00 in 2014/15 (year 2): 21,207.79 +/- 1,000 / 1.035^2
    expect(row('exitCosts').npvLow - 2_120_779).toBe(Math.round(100_000 / 1.035 ** 2));
    expect(2_120_779 - row('exitCosts').npvHigh).toBe(Math.round(100_000 / 1.035 ** 2));
  });

  it('sorts the inputs by swing, the widest first', () => {
    const swings = rows.map((r) => Math.abs(r.npvHigh - r.npvLow));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(rows[0].input).toBe('avoidableCost');
  });
});

describe('the headline', () => {
  const MODEL: AppraisalModel = {
    years: YEARS, baseYear: financialYear(2011), avoidable: new Exact(1_780_000), shares: YEARS.map(() => new Exact(1)), indexation: new Exact(0), discountRate: new Exact('0.035'),
  };

  it('names the preferred option, its NPV and the nearest switching value', () => {
    const appraisal = appraiseOptions(basisOf(MODEL), [WITHDRAW_NOW]);
    // The avoidable cost's 8,128.56 is 54% below its base; replacement support's 15,671.44 is 161% above.
    expect(headline(appraisal, switchingValues(MODEL, [WITHDRAW_NOW], 0, 0)))
      .toBe('Withdraw now is preferred (NPV £21,207.79). It stops paying if the avoidable cost falls to £8,128.56 a year.');
  });

  it('names the rival that becomes preferred', () => {
    const options = [{ ...WITHDRAW_NOW, exitCosts: [], replacementCosts: [] }, A_YEAR_LATER];
    const sentence = headline(appraiseOptions(basisOf(MODEL), options), switchingValues(MODEL, options, 0, 0));
    expect(sentence).toMatch(/^Withdraw now is preferred \(NPV £39,032\.29\)\. Withdraw a year later becomes preferred if /);
  });

  it('says when staying is preferred', () => {
    const dear = { ...WITHDRAW_NOW, exitCosts: [{ label: 'Termination', amount: pence(10_000_000) }] };
    const appraisal = appraiseOptions(basisOf(MODEL), [dear]);
    expect(appraisal.preferred).toBeUndefined();
    expect(headline(appraisal, switchingValues(MODEL, [dear], undefined, 0)))
      .toMatch(/^Staying in the partnership is preferred: no way of withdrawing has a positive NPV \(the best, Withdraw now, -£[\d,.]+\)\. Withdraw now would pay if /);
  });
});
