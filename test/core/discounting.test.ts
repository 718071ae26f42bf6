import { GREEN_BOOK_RATE, discountFactor } from '../../src/core/discounting';
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
