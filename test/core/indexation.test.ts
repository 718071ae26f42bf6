import { financialYear } from '../../src/core/financial-year';
import { indexFactor } from '../../src/core/indexation';
import { Exact, pence, scale } from '../../src/core/money';
import { indexedPence } from './by-hand';

describe('indexFactor: (1 + indexation)^(FY - base year)', () => {
  const base = financialYear(2011);

  it('is exactly 1 in the base year and with no indexation', () => {
    expect(indexFactor(new Exact(0.025), base, base).toString()).toBe('1');
    expect(indexFactor(new Exact(0), financialYear(2016), base).toString()).toBe('1');
  });

  it('compounds exactly: 1.025^3 = 1.076890625', () => {
    expect(indexFactor(new Exact(0.025), financialYear(2014), base).toString()).toBe('1.076890625');
    expect(indexFactor(new Exact('0.1'), financialYear(2013), base).toString()).toBe('1.21');
  });

  it('deflates before the base year', () => {
    // 1.25^-1 = 0.8
    expect(indexFactor(new Exact(0.25), financialYear(2010), base).toString()).toBe('0.8');
  });

  it('gives the seed Core Team 2014/15 at 2.5%: 17,800 x 1.025^3, rounded to pence', () => {
    // 1,780,000 x 1025^3 / 1000^3 = 1,916,865.3125 pence -> 1,916,865
    const expected = indexedPence(1780000, 25n, 1000n, 3);
    expect(expected).toBe(1916865);
    expect(scale(pence(1780000), indexFactor(new Exact(0.025), financialYear(2014), base))).toBe(expected);
  });

  it('rounds a half penny away from zero', () => {
    // 1,780,000 x 1.025^2 = 1,870,112.5 pence -> 1,870,113
    expect(scale(pence(1780000), indexFactor(new Exact(0.025), financialYear(2013), base))).toBe(1870113);
    expect(scale(pence(-1780000), indexFactor(new Exact(0.025), financialYear(2013), base))).toBe(-1870113);
  });

  it('agrees with exact integer arithmetic over many years', () => {
    for (let years = 0; years <= 30; years++) {
      const factor = indexFactor(new Exact(0.025), financialYear(2011 + years), base);
      expect(scale(pence(10673522), factor)).toBe(indexedPence(10673522, 25n, 1000n, years));
    }
  });
});
