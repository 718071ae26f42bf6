// Sensitivity (domain.md, Options appraisal: Sensitivity): the preferred option's NPV at a low and
// a high value of each key input, all else held, sorted by the swing between them (a tornado).
// Ranges are inputs; by default +/-20% for amounts, +/-6 months for the notice, 1.5% to 5% for the
// discount rate, the Green Book's outsourcing upper bound for optimism bias, and +/-2 points for
// indexation, each kept within the values the input may take.
import { KEY_INPUTS, KeyInputName, AppraisalModel, basisOf } from './key-inputs';
import { Exact, Money, subtract } from './money';
import { WithdrawOption, appraiseOption } from './options';
import { OUTSOURCING_UPPER_BOUND } from './optimism-bias';

export interface SensitivityRange {
  readonly input: KeyInputName;
  readonly low: Exact;
  readonly high: Exact;
}

export interface SensitivityRow extends SensitivityRange {
  readonly npvLow: Money;
  readonly npvHigh: Money;
}

/** The default range of each input the focus option has, around its base value. */
export function defaultRanges(model: AppraisalModel, focus: WithdrawOption): SensitivityRange[] {
  return KEY_INPUTS.flatMap((input): SensitivityRange[] => {
    const base = input.base(model, focus);
    if (base === undefined) return [];
    const within = (value: Exact) => Exact.min(Exact.max(value, input.least), input.most);
    const range = (low: Exact, high: Exact): SensitivityRange[] => [{ input: input.name, low: within(low), high: within(high) }];
    switch (input.name) {
      case 'noticeMonths': return range(base.minus(6), base.plus(6));
      case 'discountRate': return range(new Exact('0.015'), new Exact('0.05'));
      case 'optimismBias': return range(new Exact(0), new Exact(OUTSOURCING_UPPER_BOUND.rate));
      case 'indexation': return range(base.minus('0.02'), base.plus('0.02'));
      default: return range(base.times('0.8'), base.times('1.2'));
    }
  });
}

/** The focus option's NPV at each range's ends, the widest swing first (ties in the ranges' order). */
export function sensitivity(model: AppraisalModel, options: readonly WithdrawOption[], focus: number, ranges: readonly SensitivityRange[]): SensitivityRow[] {
  const npvAt = (name: KeyInputName, value: Exact) => {
    const input = KEY_INPUTS.find((k) => k.name === name);
    if (!input) throw new Error(`no key input ${name}`);
    const varied = input.vary(model, options, focus, value);
    return appraiseOption(basisOf(varied.model), varied.options[focus]).npv;
  };
  const rows = ranges.map((range): SensitivityRow => ({ ...range, npvLow: npvAt(range.input, range.low), npvHigh: npvAt(range.input, range.high) }));
  const swing = (row: SensitivityRow) => Math.abs(subtract(row.npvHigh, row.npvLow));
  return rows.map((row, i) => ({ row, i })).sort((a, b) => swing(b.row) - swing(a.row) || a.i - b.i).map(({ row }) => row);
}
