// A switching value is where another choice becomes strictly preferred (docs/conventions.md,
// "Switching values"): an input that can only bring an NPV to exactly zero, or to a tie,
// switches nothing. Built here: staying preferred, and a notice long enough to expire after the
// horizon makes the best option's NPV exactly zero.
import { financialYear } from '../../src/core/financial-year';
import { Exact, pence } from '../../src/core/money';
import { AppraisalModel, basisOf } from '../../src/core/key-inputs';
import { WithdrawOption, appraiseOptions, continuousNpv } from '../../src/core/options';
import { switchingValues } from '../../src/core/switching-values';
import { YEARS, d } from './worked-options';

/** The seed: 17,800.00 a year avoidable, fixed contribution, no indexation, r = 3.5%; 2012/13 to 2016/17. */
const MODEL: AppraisalModel = {
  years: YEARS, baseYear: financialYear(2012), avoidable: new Exact(1_780_000), shares: YEARS.map(() => new Exact(1)), indexation: new Exact(0), discountRate: new Exact('0.035'),
};

// Served on 1 March 2013 (in 2012/13, year 0): 48 months expire on 1 March 2017, within 2016/17,
// the last year of the horizon; 49 on 1 April 2017, in 2017/18, after it. Support of 30,000.00 a
// year from expiry costs more than the 17,800.00 saved, so every month of notice within the horizon
// loses money, and from 49 months on the option saves nothing and costs nothing: NPV exactly 0.
const IN_MARCH: WithdrawOption = {
  name: 'Withdraw in March', noticeServedOn: d('2013-03-01'), noticeMonths: 24, exitCosts: [],
  replacementCosts: [{ label: 'Support', annual: pence(3_000_000) }], optimismBias: new Exact(0),
};
const NOW_DEARER: WithdrawOption = {
  name: 'Withdraw now', noticeServedOn: d('2012-10-19'), noticeMonths: 24, exitCosts: [],
  replacementCosts: [{ label: 'Support', annual: pence(4_000_000) }], optimismBias: new Exact(0),
};

describe('staying preferred, and a notice that can only bring the best option to an NPV of exactly zero', () => {
  const options = [IN_MARCH, NOW_DEARER];
  const basis = basisOf(MODEL);

  it('is the case described: every NPV below zero; 48 months still below, 49 and more exactly zero', () => {
    const appraisal = appraiseOptions(basis, options);
    expect(appraisal.preferred).toBeUndefined();
    expect(appraisal.options.every((o) => o.npv < 0)).toBe(true);
    expect(appraisal.options[0].npv).toBeGreaterThan(appraisal.options[1].npv);
    expect(continuousNpv(basis, { ...IN_MARCH, noticeMonths: 48 }).lt(0)).toBe(true);
    for (const months of [49, 60, 600, 1200]) expect(continuousNpv(basis, { ...IN_MARCH, noticeMonths: months }).isZero()).toBe(true);
  });

  it('gives the notice period no switching value: at an NPV of zero staying is still preferred', () => {
    const notice = switchingValues(MODEL, options, undefined, 0).find((v) => v.input === 'noticeMonths')!;
    expect(notice).toEqual({ input: 'noticeMonths', base: new Exact(24), none: 'none in range' });
  });

  it('still finds a value where the option does become preferred: the avoidable cost at which it pays', () => {
    const avoidable = switchingValues(MODEL, options, undefined, 0).find((v) => v.input === 'avoidableCost')!;
    expect(avoidable.rival).toBe(0);
    // Above the value the option's NPV is above zero; just below it, not.
    const at = (value: Exact) => continuousNpv(basisOf({ ...MODEL, avoidable: value }), IN_MARCH);
    expect(at(avoidable.value!.plus(1)).gt(0)).toBe(true);
    expect(at(avoidable.value!.minus(1)).lte(0)).toBe(true);
  });
});

describe('an option whose NPV is exactly zero at the base, staying preferred', () => {
  // Notice of 49 months from 1 March 2013: the option saves and costs nothing within the horizon.
  const options = [{ ...IN_MARCH, noticeMonths: 49 }, NOW_DEARER];

  it('switches nothing by a change that leaves it at zero: the notice, longer or shorter, only lowers it', () => {
    expect(appraiseOptions(basisOf(MODEL), options).options[0].npv).toBe(0);
    const values = Object.fromEntries(switchingValues(MODEL, options, undefined, 0).map((v) => [v.input, v]));
    expect(values.noticeMonths).toEqual({ input: 'noticeMonths', base: new Exact(49), none: 'none in range' });
    // Nothing of the option's costs falls within the horizon, so no cost moves its NPV off zero.
    expect(values.replacementCosts.value).toBeUndefined();
    expect(values.replacementCosts.none).toBe('none in range');
  });
});
