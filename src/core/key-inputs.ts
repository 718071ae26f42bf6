// The key inputs of an options appraisal (docs/conventions.md,
// "Sensitivity" and "Switching values"): each one's value in the base case, the values it may take, and the appraisal with it
// set to another value, all else held. Sensitivity and switching values both vary them.
import { FinancialYear } from './financial-year';
import { indexFactor } from './indexation';
import { CalendarDate } from './calendar-date';
import { DEFLATOR, DISCOUNT_RATE, INDEXATION, LARGEST_AMOUNT_POUNDS, LATEST_DATE, NOTICE_MONTHS, OPTIMISM_BIAS } from './limits';
import { Exact, roundToPence, toPounds } from './money';
import { AppraisalBasis, WithdrawOption } from './options';
import { GdpDeflator, Prices, deflatorIn, realPriceFactors } from './real-prices';

/** What the appraisal rests on, before it becomes a basis: the inputs a key input may change. */
export interface AppraisalModel {
  readonly years: readonly FinancialYear[];
  readonly baseYear: FinancialYear;
  /** The avoidable cost a year at base-year prices, in pence. */
  readonly avoidable: Exact;
  /**
   * The council's cost if it stays, per penny of avoidable cost, before indexation, in each FY: 1
   * for a fixed contribution, the members paying in the base year over those paying in the FY for
   * a shared pool.
   */
  readonly shares: readonly Exact[];
  readonly indexation: Exact;
  readonly discountRate: Exact;
  /** Real when not given. */
  readonly prices?: Prices;
  readonly gdpDeflator?: GdpDeflator;
}

export function basisOf(model: AppraisalModel): AppraisalBasis {
  const indexFactors = model.years.map((fy) => indexFactor(model.indexation, fy, model.baseYear));
  return {
    years: model.years,
    indexFactors,
    stayExact: model.years.map((_, t) => model.avoidable.times(model.shares[t]).times(indexFactors[t])),
    discountRate: model.discountRate,
    ...(model.prices === 'nominal' ? { realPriceFactors: realPriceFactors(model.prices, model.gdpDeflator, model.years) } : {}),
  };
}

export type KeyInputName = 'avoidableCost' | 'exitCosts' | 'replacementCosts' | 'optimismBias' | 'noticeMonths' | 'discountRate' | 'indexation' | 'gdpDeflator';

/** The model and the options with one input set, all else held; `focus` is the option whose costs and notice an input of the option changes. */
export interface Varied {
  readonly model: AppraisalModel;
  readonly options: readonly WithdrawOption[];
}

export interface KeyInput {
  readonly name: KeyInputName;
  /** What it is, as a table lists it: "avoidable cost". */
  readonly noun: string;
  /** It is an amount or a rate a year: "avoidable cost a year". */
  readonly perYear: boolean;
  /** How a sentence names it, where that is not "the" and the noun. */
  readonly subject?: string;
  /** What its value is: money (pence), a rate, or whole months. */
  readonly unit: 'money' | 'rate' | 'months';
  /** NPV is linear in it: its switching value can be a live formula in the sheet. */
  readonly linear: boolean;
  /** Whether it is a key input of this model at all (indexation with real prices, the deflator with nominal); always when absent. */
  applies?(model: AppraisalModel): boolean;
  /** Its value in the base case, or undefined when the focus option has none to vary (no exit costs given). */
  base(model: AppraisalModel, focus: WithdrawOption): Exact | undefined;
  /** The values it may take, for this model and option. */
  range(focus: WithdrawOption, model: AppraisalModel): readonly [least: Exact, most: Exact];
  /** The model and options with it set to `value`. */
  vary(model: AppraisalModel, options: readonly WithdrawOption[], focus: number, value: Exact): Varied;
}

/** Whole months from a date to the last month Excel counts: notice of more would expire after it. */
function monthsUntilLatest(date: CalendarDate): number {
  return (LATEST_DATE.year - date.year) * 12 + (LATEST_DATE.month - date.month);
}

const totalOf = (amounts: readonly { amount?: number; annual?: number }[]) => amounts.reduce((sum, a) => sum.plus(a.amount ?? a.annual ?? 0), new Exact(0));
const LARGEST_PENCE = new Exact(LARGEST_AMOUNT_POUNDS).times(100);

/** The options with the focus option changed. */
function withFocus(options: readonly WithdrawOption[], focus: number, change: (option: WithdrawOption) => WithdrawOption): WithdrawOption[] {
  return options.map((option, i) => (i === focus ? change(option) : option));
}

/** The focus option's exit or replacement costs as they count: their total times the option's scale. */
const costsOf = (option: WithdrawOption, which: 'exit' | 'replacement') =>
  totalOf(which === 'exit' ? option.exitCosts : option.replacementCosts).times(option.costScales?.[which] ?? 1);

/** The focus option with its exit or replacement costs scaled alike to come to `value`. */
const costsSetTo = (which: 'exit' | 'replacement', value: Exact) => (option: WithdrawOption): WithdrawOption => {
  const total = totalOf(which === 'exit' ? option.exitCosts : option.replacementCosts);
  return total.isZero() ? option : { ...option, costScales: { ...option.costScales, [which]: value.div(total) } };
};

/** The key inputs; the exit and the replacement costs of an option are varied by scaling each of its amounts alike. */
export const KEY_INPUTS: readonly KeyInput[] = [
  {
    name: 'avoidableCost', noun: 'avoidable cost', perYear: true, unit: 'money', linear: true,
    base: (model) => model.avoidable,
    range: () => [new Exact(0), LARGEST_PENCE],
    vary: (model, options, _focus, value) => ({ model: { ...model, avoidable: value }, options }),
  },
  {
    name: 'exitCosts', noun: 'exit costs', perYear: false, unit: 'money', linear: true,
    base: (_model, focus) => (focus.exitCosts.length > 0 ? costsOf(focus, 'exit') : undefined),
    range: () => [new Exact(0), LARGEST_PENCE],
    vary: (model, options, focus, value) => ({ model, options: withFocus(options, focus, costsSetTo('exit', value)) }),
  },
  {
    name: 'replacementCosts', noun: 'replacement costs', perYear: true, unit: 'money', linear: true,
    base: (_model, focus) => (focus.replacementCosts.length > 0 ? costsOf(focus, 'replacement') : undefined),
    range: () => [new Exact(0), LARGEST_PENCE],
    vary: (model, options, focus, value) => ({ model, options: withFocus(options, focus, costsSetTo('replacement', value)) }),
  },
  {
    name: 'optimismBias', noun: 'optimism bias', perYear: false, subject: 'the optimism bias on the costs of leaving', unit: 'rate', linear: true,
    base: (_model, focus) => (focus.exitCosts.length + focus.replacementCosts.length > 0 ? focus.optimismBias : undefined),
    range: () => [new Exact(OPTIMISM_BIAS.least), new Exact(OPTIMISM_BIAS.most)],
    vary: (model, options, focus, value) => ({ model, options: withFocus(options, focus, (o) => ({ ...o, optimismBias: value })) }),
  },
  {
    name: 'noticeMonths', noun: 'notice period', perYear: false, unit: 'months', linear: false,
    base: (_model, focus) => new Exact(focus.noticeMonths),
    // Notice that would expire after the last date Excel counts is not a value it may take.
    range: (focus) => [new Exact(NOTICE_MONTHS.least), new Exact(Math.min(NOTICE_MONTHS.most, monthsUntilLatest(focus.noticeServedOn)))],
    vary: (model, options, focus, value) => ({ model, options: withFocus(options, focus, (o) => ({ ...o, noticeMonths: value.toNumber() })) }),
  },
  {
    name: 'discountRate', noun: 'discount rate', perYear: false, unit: 'rate', linear: false,
    base: (model) => model.discountRate,
    range: () => [new Exact(DISCOUNT_RATE.least), new Exact(DISCOUNT_RATE.below).minus('1e-9')],
    vary: (model, options, _focus, value) => ({ model: { ...model, discountRate: value }, options }),
  },
  {
    name: 'indexation', noun: 'indexation', perYear: true, subject: 'indexation', unit: 'rate', linear: false,
    applies: (model) => model.prices !== 'nominal',
    base: (model) => model.indexation,
    range: () => [new Exact(INDEXATION.least), new Exact(INDEXATION.most)],
    vary: (model, options, _focus, value) => ({ model: { ...model, indexation: value }, options }),
  },
  {
    // With nominal prices the deflator takes indexation's place. Its value is the rate of year 1
    // (the one rate, when one is given); a rate given by FY moves every year's rate alike.
    name: 'gdpDeflator', noun: 'GDP deflator', perYear: true, unit: 'rate', linear: false,
    applies: (model) => model.prices === 'nominal',
    base: (model) => deflatorBase(model),
    range: (_focus, model) => {
      const rates = deflatorRates(model);
      const base = deflatorBase(model) ?? new Exact(0);
      return [new Exact(DEFLATOR.least).plus(base.minus(Exact.min(base, ...rates))), new Exact(DEFLATOR.most).minus(Exact.max(base, ...rates).minus(base))];
    },
    vary: (model, options, _focus, value) => {
      const deflator = model.gdpDeflator;
      const shift = value.minus(deflatorBase(model) ?? 0);
      if (!deflator) return { model, options };
      return {
        model: { ...model, gdpDeflator: { byFy: deflator.byFy.map((e) => ({ fy: e.fy, rate: e.rate.plus(shift) })), ...(deflator.otherYears ? { otherYears: deflator.otherYears.plus(shift) } : {}) } },
        options,
      };
    },
  },
];

/** Every rate the deflator gives, listed or for the other years. */
function deflatorRates(model: AppraisalModel): Exact[] {
  const deflator = model.gdpDeflator;
  return deflator ? [...deflator.byFy.map((entry) => entry.rate), ...(deflator.otherYears ? [deflator.otherYears] : [])] : [];
}

/** The deflator's value as a key input: the rate of year 1, else (a one-year horizon) its first rate. */
function deflatorBase(model: AppraisalModel): Exact | undefined {
  const deflator = model.gdpDeflator;
  if (!deflator) return undefined;
  return (model.years.length > 1 ? deflatorIn(deflator, model.years[1]) : undefined) ?? deflatorRates(model)[0];
}

/** The key inputs of this model, in the table's order. */
export const keyInputsOf = (model: AppraisalModel): KeyInput[] => KEY_INPUTS.filter((input) => input.applies?.(model) ?? true);

export function keyInput(name: KeyInputName): KeyInput {
  const input = KEY_INPUTS.find((k) => k.name === name);
  if (!input) throw new Error(`no key input ${name}`);
  return input;
}

/** A key input as a table lists it: "avoidable cost a year". */
export const keyInputLabel = (input: KeyInput): string => `${input.noun}${input.perYear ? ' a year' : ''}`;
/** The same as a heading or a row label starts it: "Avoidable cost a year". */
export const keyInputHeading = (input: KeyInput): string => `${keyInputLabel(input)[0].toUpperCase()}${keyInputLabel(input).slice(1)}`;

/** A key input's value as a number: pounds to the penny, a fraction (to ten places), or months. */
export function keyInputNumber(name: KeyInputName, value: Exact): number {
  const unit = keyInput(name).unit;
  if (unit === 'money') return toPounds(roundToPence(value));
  return unit === 'rate' ? value.toDecimalPlaces(10).toNumber() : value.toNumber();
}
