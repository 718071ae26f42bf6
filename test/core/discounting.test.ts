import { GREEN_BOOK_RATE, STPR_SCHEDULE, discountFactor, rateInYear } from '../../src/core/discounting';
import { Exact } from '../../src/core/money';
import { divRound } from './by-hand';

/** 1 / (1 + num/den)^t x 10^30, rounded: by exact integer arithmetic. */
function scaledFactor(num: bigint, den: bigint, t: number): bigint {
  return divRound(10n ** 30n * den ** BigInt(t), (den + num) ** BigInt(t));
}

describe('discountFactor: 1 / (1 + r)^t, year 0 undiscounted', () => {
  it('is exactly 1 in year 0, whatever the rate', () => {
    expect(discountFactor(new Exact(0.035), 0).toString()).toBe('1');
    expect(discountFactor(new Exact(0.5), 0).toString()).toBe('1');
  });

  it('is exactly 1 every year at a zero rate', () => {
    for (let t = 0; t < 10; t++) expect(discountFactor(new Exact(0), t).toString()).toBe('1');
  });

  it('matches exact integer arithmetic at the Green Book 3.5%', () => {
    for (let t = 0; t <= 30; t++) {
      const got = BigInt(discountFactor(new Exact(0.035), t).times('1e30').toDecimalPlaces(0).toFixed());
      const want = scaledFactor(35n, 1000n, t);
      expect(got - want).toBeGreaterThanOrEqual(-1n);
      expect(got - want).toBeLessThanOrEqual(1n);
    }
  });

  it('gives simple values by hand', () => {
    expect(discountFactor(new Exact(0.25), 1).toString()).toBe('0.8');
    expect(discountFactor(new Exact(0.25), 2).toString()).toBe('0.64');
    expect(discountFactor(new Exact(1), 3).toString()).toBe('0.125');
    // 1 / 1.035 = 0.966183574879227...
    expect(discountFactor(new Exact(0.035), 1).toNumber()).toBeCloseTo(0.966183574879227, 14);
  });

  it('records the Green Book rate with its source and vintage', () => {
    expect(GREEN_BOOK_RATE.rate).toBe(0.035);
    expect(GREEN_BOOK_RATE.source).toMatch(/Green Book/);
    expect(GREEN_BOOK_RATE.vintage).toMatch(/20\d\d/);
  });
});

/**
 * DF(t) x 10^30 by exact integer arithmetic, year by year: each year's rate per mille, from the
 * schedule typed in (35, 30, 25 at the Green Book rate), less `below` per mille for every band.
 */
function scaledSchedule(ratePerMille: bigint, years: number): bigint[] {
  const perMille = (t: number) => {
    const stepDown = t <= 30 ? 0n : t <= 75 ? 5n : 10n;
    return ratePerMille > stepDown ? ratePerMille - stepDown : 0n;
  };
  let num = 1n;
  let den = 1n;
  const out = [10n ** 30n];
  for (let t = 1; t < years; t++) {
    num *= 1000n;
    den *= 1000n + perMille(t);
    out.push(divRound(10n ** 30n * num, den));
  }
  return out;
}

describe('the STPR schedule: 3.5% for years 0-30, 3.0% for 31-75, 2.5% from 76, compounding across the breaks', () => {
  it('holds the Green Book bands and their source', () => {
    expect(STPR_SCHEDULE.bands.map((b) => [b.from, b.stepDown])).toEqual([[0, '0'], [31, '0.005'], [76, '0.01']]);
    expect(STPR_SCHEDULE.source).toMatch(/Green Book/);
  });

  it('gives each year its rate: 3.5%, then 3.0% from year 31, then 2.5% from year 76', () => {
    const r = new Exact(0.035);
    expect([0, 30, 31, 75, 76, 99].map((t) => rateInYear(r, t).toString())).toEqual(['0.035', '0.035', '0.03', '0.03', '0.025', '0.025']);
  });

  it('matches exact integer arithmetic year by year over a 100-year horizon', () => {
    const want = scaledSchedule(35n, 100);
    for (let t = 0; t < 100; t++) {
      const got = BigInt(discountFactor(new Exact(0.035), t).times('1e30').toDecimalPlaces(0).toFixed());
      expect(got - want[t]).toBeGreaterThanOrEqual(-1n);
      expect(got - want[t]).toBeLessThanOrEqual(1n);
    }
  });

  it('gives typed-in values past year 30', () => {
    // 0.356278410602302 / 1.03 = 0.345901369516798; then at 2.5% from year 76.
    const values = { 30: 0.356278410602302, 31: 0.345901369516798, 75: 0.094213772576691, 76: 0.091915875684577, 99: 0.052088472882491 };
    for (const [t, want] of Object.entries(values)) expect(discountFactor(new Exact(0.035), Number(t)).toNumber()).toBeCloseTo(want, 14);
  });

  it('moves the whole schedule with the rate: 5% gives 5%, 4.5%, 4%', () => {
    const want = scaledSchedule(50n, 100);
    for (const t of [1, 30, 31, 60, 75, 76, 99]) {
      const got = BigInt(discountFactor(new Exact(0.05), t).times('1e30').toDecimalPlaces(0).toFixed());
      expect(Number(got - want[t])).toBeLessThanOrEqual(1);
      expect(Number(want[t] - got)).toBeLessThanOrEqual(1);
    }
  });

  it('never takes a band below 0%: at 0.8%, years 31-75 are at 0.3% and later years undiscounted', () => {
    const r = new Exact(0.008);
    expect([30, 31, 76].map((t) => rateInYear(r, t).toString())).toEqual(['0.008', '0.003', '0']);
    expect(discountFactor(r, 99).eq(discountFactor(r, 75))).toBe(true);
    expect(discountFactor(new Exact(0), 99).toString()).toBe('1');
    const want = scaledSchedule(8n, 100);
    const got = BigInt(discountFactor(r, 99).times('1e30').toDecimalPlaces(0).toFixed());
    expect(Number(got - want[99])).toBeLessThanOrEqual(1);
    expect(Number(want[99] - got)).toBeLessThanOrEqual(1);
  });
});
