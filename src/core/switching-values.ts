// Switching values (docs/conventions.md, "Switching values"; HM Treasury Green Book): the
// value one key input must take, all else held, for the preferred option's NPV against BAU to
// reach zero, or for another option to become preferred; with BAU preferred, for an option to
// become preferred. Strictly: at an NPV of exactly zero, or a tie, the choice does not change, so
// the choice switches only where the preferred one's lead falls below zero, and an input that can
// only bring it to zero (a notice that expires after the horizon) has no switching value.
// Computed on the continuous model (no intermediate rounding); the value nearest the base case on
// either side; none when no value the input may take switches.
import { KeyInput, KeyInputName, AppraisalModel, basisOf, keyInputsOf } from './key-inputs';
import { Exact, roundToPence } from './money';
import { WithdrawOption, continuousNpv, highestIndex } from './options';

export interface SwitchingValue {
  readonly input: KeyInputName;
  /** The input's value in the base case; undefined when the option has nothing to vary (no exit costs). */
  readonly base?: Exact;
  /** The value at which the choice switches (pence, a rate or whole months); undefined when there is none. */
  readonly value?: Exact;
  /** Why there is no value: "none in range", or what the option lacks. */
  readonly none?: string;
  /** What is preferred beyond the value: another option (its index), or staying (undefined) when the preferred option stops paying. */
  readonly rival?: number;
}

/**
 * By how much the preferred choice leads at a value of the input (below zero, it no longer does;
 * at zero it still does: a tie changes nothing), and its nearest rival there: another option's
 * index, or undefined for staying.
 */
function leadAt(input: KeyInput, model: AppraisalModel, options: readonly WithdrawOption[], focus: number, preferred: number | undefined, value: Exact): { lead: Exact; rival?: number } {
  const varied = input.vary(model, options, focus, value);
  const basis = basisOf(varied.model);
  const npvs = varied.options.map((option) => continuousNpv(basis, option));
  if (preferred === undefined) {
    const best = highestIndex(npvs);
    return { lead: npvs[best].negated(), rival: best };
  }
  let rival: number | undefined;
  npvs.forEach((npv, i) => {
    if (i !== preferred && npv.gt(rival === undefined ? 0 : npvs[rival])) rival = i;
  });
  return { lead: npvs[preferred].minus(rival === undefined ? 0 : npvs[rival]), ...(rival === undefined ? {} : { rival }) };
}

/** How finely a value is found: a hundredth of a penny, a hundred-millionth of a rate. */
const PRECISION: Record<KeyInput['unit'], Exact> = { money: new Exact('0.01'), rate: new Exact('1e-10'), months: new Exact(1) };

/** Where the choice switches: the value, and the nearest value found beyond it, where another choice is strictly preferred. */
interface Switch {
  readonly value: Exact;
  readonly beyond: Exact;
}

/**
 * The value nearest `base` in the direction of `bound` beyond which `lead` falls below zero, or
 * undefined. Steps out from the base, doubling, and narrows the step where the sign changes. Whole
 * months switch at the first month whose lead is below zero.
 */
function switchTowards(lead: (value: Exact) => Exact, base: Exact, bound: Exact, unit: KeyInput['unit']): Switch | undefined {
  if (base.eq(bound)) return undefined;
  const direction = bound.gt(base) ? 1 : -1;
  const precision = PRECISION[unit];
  let step = unit === 'months' ? new Exact(1) : Exact.max(base.abs().div(1024), precision.times(100));
  let inside = base;
  for (;;) {
    let next = inside.plus(step.times(direction));
    if (direction > 0 ? next.gt(bound) : next.lt(bound)) next = bound;
    if (lead(next).lt(0)) {
      // Between `inside` (still preferred) and `next` (not): halve until the gap is within the precision.
      let outside = next;
      while (outside.minus(inside).abs().gt(precision)) {
        let middle = inside.plus(outside).div(2);
        if (unit === 'months') middle = direction > 0 ? middle.floor() : middle.ceil();
        if (middle.eq(inside)) break;
        if (lead(middle).lt(0)) outside = middle;
        else inside = middle;
      }
      return { value: unit === 'months' ? outside : inside.plus(outside).div(2), beyond: outside };
    }
    if (next.eq(bound)) return undefined;
    inside = next;
    step = step.times(2);
  }
}

/** What an option lacks when it has nothing of an input to vary: "no exit costs". */
export const lacking = (input: KeyInput): string => `no ${input.name === 'optimismBias' ? 'costs of leaving' : input.noun}`;
/** Why an input has no switching value when the option has nothing of it to vary. */
export const noneWords = (input: KeyInput): string => `the option has ${lacking(input)}`;

/**
 * The switching value of each key input. `focus` is the option whose costs and notice are varied:
 * the preferred one, or with BAU preferred the option nearest to being preferred.
 */
export function switchingValues(model: AppraisalModel, options: readonly WithdrawOption[], preferred: number | undefined, focus: number): SwitchingValue[] {
  return keyInputsOf(model).map((input): SwitchingValue => {
    const base = input.base(model, options[focus]);
    if (base === undefined) return { input: input.name, none: noneWords(input) };
    const lead = (value: Exact) => leadAt(input, model, options, focus, preferred, value).lead;
    if (lead(base).lt(0)) return { input: input.name, base, value: base };
    const [least, most] = input.range(options[focus], model);
    const below = switchTowards(lead, base, least, input.unit);
    const above = switchTowards(lead, base, most, input.unit);
    const nearest = [below, above].filter((s): s is Switch => s !== undefined).sort((a, b) => a.value.minus(base).abs().cmp(b.value.minus(base).abs()))[0];
    if (nearest === undefined) return { input: input.name, base, none: 'none in range' };
    // What is preferred where the choice has switched, just beyond the value.
    const { rival } = leadAt(input, model, options, focus, preferred, nearest.beyond);
    return { input: input.name, base, value: input.unit === 'money' ? new Exact(roundToPence(nearest.value)) : nearest.value, ...(rival === undefined ? {} : { rival }) };
  });
}
