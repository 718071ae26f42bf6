// Sensitivity (docs/conventions.md, "Sensitivity"): the preferred option's NPV at a low and
// a high value of each key input, all else held, sorted by the swing between them (a tornado).
// Ranges are inputs; by default +/-20% for amounts, +/-6 months for the notice, 1.5% to 5% for the
// discount rate, the Green Book's outsourcing upper bound for optimism bias, and +/-2 points for
// indexation (or, with nominal prices, the GDP deflator), each kept within the values the input may take.
// Each NPV is worked at the value shown: an amount's ends are money, rounded to the penny (+20% of
// 12,345.67 is 14,814.80, not 14,814.804); a rate's are exact as written.
import { KeyInputName, AppraisalModel, basisOf, keyInput, keyInputsOf } from './key-inputs';
import { Exact, Money, roundToPence, subtract } from './money';
import { LARGEST_AMOUNT_POUNDS } from './limits';
import { AppraisalBasis, WithdrawOption, appraiseOption } from './options';
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
  return keyInputsOf(model).flatMap((input): SensitivityRange[] => {
    const base = input.base(model, focus);
    if (base === undefined) return [];
    const [least, most] = input.range(focus, model);
    const shown = (value: Exact) => (input.unit === 'money' ? new Exact(roundToPence(value)) : value);
    const within = (value: Exact) => Exact.min(Exact.max(shown(value), least), most);
    const range = (low: Exact, high: Exact): SensitivityRange[] => [{ input: input.name, low: within(low), high: within(high) }];
    switch (input.name) {
      case 'noticeMonths': return range(base.minus(6), base.plus(6));
      case 'discountRate': return range(new Exact('0.015'), new Exact('0.05'));
      case 'optimismBias': return range(new Exact(0), new Exact(OUTSOURCING_UPPER_BOUND.rate));
      case 'indexation':
      case 'gdpDeflator': return range(base.minus('0.02'), base.plus('0.02'));
      default: return range(base.times('0.8'), base.times('1.2'));
    }
  });
}

/**
 * Whether every amount of the option on this basis stays within the largest amount a year:
 * indexation far from the base year can take the cost of staying, or replacement costs, past it.
 */
function withinLimits(basis: AppraisalBasis, option: WithdrawOption): boolean {
  const most = new Exact(LARGEST_AMOUNT_POUNDS).times(100);
  const replacement = option.replacementCosts.reduce((sum, cost) => sum.plus(Math.abs(cost.annual)), new Exact(0))
    .times(option.costScales?.replacement ?? 1).times(new Exact(1).plus(option.optimismBias));
  return basis.years.every((_, t) => basis.stayExact[t].abs().lte(most) && replacement.times(basis.indexFactors[t]).lte(most));
}

/**
 * The focus option's NPV at each range's ends, the widest swing first (ties in the ranges' order).
 * A range one of whose ends would take an amount past the largest a year is left out.
 */
export function sensitivity(model: AppraisalModel, options: readonly WithdrawOption[], focus: number, ranges: readonly SensitivityRange[]): SensitivityRow[] {
  const npvAt = (name: KeyInputName, value: Exact): Money | undefined => {
    const varied = keyInput(name).vary(model, options, focus, value);
    const basis = basisOf(varied.model);
    return withinLimits(basis, varied.options[focus]) ? appraiseOption(basis, varied.options[focus]).npv : undefined;
  };
  const rows = ranges.flatMap((range): SensitivityRow[] => {
    const [npvLow, npvHigh] = [npvAt(range.input, range.low), npvAt(range.input, range.high)];
    return npvLow === undefined || npvHigh === undefined ? [] : [{ ...range, npvLow, npvHigh }];
  });
  const swing = (row: SensitivityRow) => Math.abs(subtract(row.npvHigh, row.npvLow));
  return rows.map((row, i) => ({ row, i })).sort((a, b) => swing(b.row) - swing(a.row) || a.i - b.i).map(({ row }) => row);
}
