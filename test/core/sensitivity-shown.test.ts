// Sensitivity works each NPV at the value it shows (docs/conventions.md, "Sensitivity"): an
// amount +/-20% is money, rounded to the penny as money is everywhere, never its unrounded
// neighbour. Each NPV here is worked by hand from the worked example's flows.
import { financialYear } from '../../src/core/financial-year';
import { Exact, pence } from '../../src/core/money';
import { AppraisalModel } from '../../src/core/key-inputs';
import { defaultRanges, sensitivity } from '../../src/core/sensitivity';
import { WITHDRAW_NOW, YEARS } from './worked-options';

/**
 * "Withdraw now" of docs/conventions.md, "The seed with costs of leaving", by hand (fixed contribution, no indexation, r = 3.5%):
 * notice expires 19 October 2014, so 2014/15 pays 201 of 365 days and replacement support runs 164
 * of them; exit costs in 2014/15; every amount rounded to the penny as it becomes money, the NPV
 * summed unrounded and rounded once. Amounts in pence.
 */
function npvByHand(avoidable: number, replacement: number, exit: number): number {
  const inNoticeYear = avoidable - Math.round((avoidable * 201) / 365) - Math.round((replacement * 164) / 365) - exit;
  const after = avoidable - replacement;
  return Math.round(inNoticeYear / 1.035 ** 2 + after / 1.035 ** 3 + after / 1.035 ** 4);
}

describe('the tornado works each NPV at the value it shows', () => {
  it('checks the hand method against the worked example: 21,207.79', () => {
    expect(npvByHand(1_780_000, 600_000, 500_000)).toBe(2_120_779);
  });

  // An avoidable cost of 12,345.67 a year: +20% is 14,814.804, shown 14,814.80; -20% is 9,876.536, shown 9,876.54.
  const MODEL: AppraisalModel = {
    years: YEARS, baseYear: financialYear(2011), avoidable: new Exact(1_234_567), shares: YEARS.map(() => new Exact(1)), indexation: new Exact(0), discountRate: new Exact('0.035'),
  };
  // Replacement support of 6,172.83 a year: +20% is 7,407.396, shown 7,407.40; -20% is 4,938.264, shown 4,938.26.
  const OPTION = { ...WITHDRAW_NOW, replacementCosts: [{ label: 'Support', annual: pence(617_283) }] };
  const rows = sensitivity(MODEL, [OPTION], 0, defaultRanges(MODEL, OPTION));
  const row = (name: string) => rows.find((r) => r.input === name)!;

  it('the avoidable cost: 9,876.54 and 14,814.80, and the NPV at each', () => {
    const avoidable = row('avoidableCost');
    expect([avoidable.npvLow, avoidable.npvHigh]).toEqual([npvByHand(987_654, 617_283, 500_000), npvByHand(1_481_480, 617_283, 500_000)]);
    expect([avoidable.low.toString(), avoidable.high.toString()]).toEqual(['987654', '1481480']);
  });

  it('the replacement costs: 4,938.26 and 7,407.40 a year, and the NPV at each', () => {
    const replacement = row('replacementCosts');
    expect([replacement.npvLow, replacement.npvHigh]).toEqual([npvByHand(1_234_567, 493_826, 500_000), npvByHand(1_234_567, 740_740, 500_000)]);
    expect([replacement.low.toString(), replacement.high.toString()]).toEqual(['493826', '740740']);
  });

  it('the exit costs of 5,000.00: 4,000.00 and 6,000.00 (already whole pence)', () => {
    expect([row('exitCosts').npvLow, row('exitCosts').npvHigh]).toEqual([npvByHand(1_234_567, 617_283, 400_000), npvByHand(1_234_567, 617_283, 600_000)]);
  });
});
