// The answer in a sentence (docs/conventions.md, "Options appraisal"): which way is preferred, its NPV, and
// the switching value nearest to the base case (of the amounts, the smallest change relative to
// the amount that would change the choice): "Withdraw now is preferred (NPV £21,207.79). It stops
// paying if the avoidable cost falls to £8,128.56 a year."
import { KeyInputName, keyInput } from './key-inputs';
import { Exact, formatMoney, roundToPence } from './money';
import { OptionsAppraisal } from './options';
import { SwitchingValue } from './switching-values';

/** A key input's value in words: £8,128.56, 42.65%, 45 months. */
export function inputValueWords(name: KeyInputName, value: Exact): string {
  const unit = keyInput(name).unit;
  if (unit === 'money') return formatMoney(roundToPence(value));
  if (unit === 'months') return `${value.toNumber()} months`;
  return `${value.times(100).toDecimalPlaces(2).toString()}%`;
}

/** How far a switching value lies from its base, relative to the base (absolute when the base is zero). */
function distance(v: SwitchingValue): Exact {
  const change = (v.value as Exact).minus(v.base as Exact).abs();
  return v.base && !v.base.isZero() ? change.div(v.base.abs()) : change;
}

/**
 * The switching value nearest the base case, if any input has one: of the amounts first (the
 * avoidable cost, the exit and the replacement costs), by their change relative to the base;
 * else of the others.
 */
export function nearestSwitch(values: readonly SwitchingValue[]): SwitchingValue | undefined {
  const found = values.filter((v) => v.value !== undefined && v.base !== undefined);
  const isMoney = (v: SwitchingValue) => keyInput(v.input).unit === 'money';
  const amounts = found.filter(isMoney);
  return (amounts.length > 0 ? amounts : found).sort((a, b) => distance(a).cmp(distance(b)))[0];
}

export function headline(appraisal: OptionsAppraisal, switching: readonly SwitchingValue[]): string {
  const { options, preferred } = appraisal;
  const name = (i: number) => options[i].option.name;
  const nearest = nearestSwitch(switching);
  const input = nearest && keyInput(nearest.input);
  const condition = nearest && input
    && `${input.subject ?? `the ${input.noun}`} ${(nearest.value as Exact).gt(nearest.base as Exact) ? 'rises' : 'falls'} to ${inputValueWords(nearest.input, nearest.value as Exact)}${input.perYear ? ' a year' : ''}`;
  if (preferred === undefined) {
    const best = options.reduce((a, b) => (b.npv > a.npv ? b : a));
    const first = `Staying in the partnership is preferred: no way of withdrawing has a positive NPV (the best, ${best.option.name}, ${formatMoney(best.npv)}).`;
    return nearest?.rival !== undefined ? `${first} ${name(nearest.rival)} would pay if ${condition}.` : first;
  }
  const first = `${name(preferred)} is preferred (NPV ${formatMoney(options[preferred].npv)}).`;
  if (!nearest) return `${first} No change of one input within its range changes that.`;
  return nearest.rival === undefined ? `${first} It stops paying if ${condition}.` : `${first} ${name(nearest.rival)} becomes preferred if ${condition}.`;
}
