// Options appraisal (docs/conventions.md, "Options appraisal"): "Stay", business as usual, is the baseline;
// each withdraw option has its own notice and its own costs of leaving, on the one timeline all
// options share (year 0: the FY in which the earliest option serves notice).
// Net saving in a FY = cost if the council stays - (cost if it withdraws + exit costs +
// replacement costs), each amount rounded once to pence as it becomes money: cash, as the budget
// pays it. Its present value is the net saving in real prices (real-prices.ts) discounted
// (discounting.ts); the NPV sums them unrounded and is rounded once. Payback FY: the first FY whose cumulative
// net saving is above zero and from which it never falls below zero again within the horizon.
// Preferred option: the highest NPV against BAU; BAU itself when none is positive.
// The same flows computed without rounding (the continuous model) give the switching values.
import { CalendarDate } from './calendar-date';
import { ExitCost, ReplacementCost, exitCostsByYear, replacementCostsByYear } from './costs-of-leaving';
import { discountFactor } from './discounting';
import { FinancialYear, daysInFy, fyContaining } from './financial-year';
import { Exact, Money, ZERO, roundToPence } from './money';
import { noticeExpiry } from './notice';
import { upliftFactor } from './optimism-bias';
import { paidDays } from './pro-rata';

export interface WithdrawOption {
  readonly name: string;
  readonly noticeServedOn: CalendarDate;
  readonly noticeMonths: number;
  readonly exitCosts: readonly ExitCost[];
  readonly replacementCosts: readonly ReplacementCost[];
  /** The uplift on the costs of leaving: 0.41 for 41%. */
  readonly optimismBias: Exact;
  /**
   * What sensitivity and switching values multiply the exit and the replacement costs by, kept
   * exact (the amounts themselves are money); 1 when not given.
   */
  readonly costScales?: { readonly exit?: Exact; readonly replacement?: Exact };
}

/**
 * What makes two option names one name: compared after NFKC (an accent composed or not, a
 * full-width letter, a non-breaking space), without the characters that show as nothing (zero-width
 * spaces and joiners, a soft hyphen: Unicode's format characters), with each run of spaces as one and
 * case folded. Empty for a name that shows nothing.
 */
export function optionNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/\s+/gu, ' ').trim().toUpperCase().toLowerCase().normalize('NFKC');
}

/** What every option is appraised on: the shared timeline, the cost of staying, indexation, real prices and discounting. */
export interface AppraisalBasis {
  readonly years: readonly FinancialYear[];
  /** The council's avoidable cost in each FY if it stays, in exact pence, before it becomes money. */
  readonly stayExact: readonly Exact[];
  /** Each FY's index factor from the base year: replacement costs are indexed like every cost. */
  readonly indexFactors: readonly Exact[];
  readonly discountRate: Exact;
  /** Each FY's real-price factor (real-prices.ts); 1 every year when not given. */
  readonly realPriceFactors?: readonly Exact[];
}

/** The factor that turns year t's cash into a present value: its real-price factor times its discount factor. */
function presentValueFactor(basis: AppraisalBasis, t: number): Exact {
  return discountFactor(basis.discountRate, t).times(basis.realPriceFactors?.[t] ?? 1);
}

export interface OptionYear {
  readonly fy: FinancialYear;
  /** Years from year 0. */
  readonly t: number;
  readonly stay: Money;
  readonly withdraw: Money;
  readonly exitCosts: Money;
  readonly replacementCosts: Money;
  readonly netSaving: Money;
  readonly cumulativeNetSaving: Money;
  readonly discountFactor: Exact;
  /** What turns the year's cash into real prices: 1 with real prices. */
  readonly realPriceFactor: Exact;
  /** The net saving x the real-price factor x the discount factor, rounded for show; the NPV sums them unrounded. */
  readonly presentValue: Money;
  /** Days of the FY the council pays its contribution for if it withdraws, of daysInFy. */
  readonly paidDays: number;
  readonly daysInFy: number;
}

export interface OptionAppraisal {
  readonly option: WithdrawOption;
  readonly noticeExpiresOn: CalendarDate;
  readonly years: readonly OptionYear[];
  readonly totalNetSaving: Money;
  readonly npv: Money;
  /** Undefined when the cumulative net saving never stays above zero within the horizon. */
  readonly paybackFy?: FinancialYear;
}

export interface OptionsAppraisal {
  readonly options: readonly OptionAppraisal[];
  /** The index of the preferred option in `options`; undefined when staying (BAU) is preferred. */
  readonly preferred?: number;
}

/** Staying (business as usual) as a choice, by the name the sheets and the report give it. */
export const STAYING = 'Stay in the partnership';

/** The preferred choice: its name and its NPV against staying (nothing, when staying is preferred). */
export function preferredChoice({ options, preferred }: OptionsAppraisal): { name: string; npv: Money } {
  return preferred === undefined ? { name: STAYING, npv: ZERO } : { name: options[preferred].option.name, npv: options[preferred].npv };
}

/** The FY of year 0: the one in which the earliest option serves notice. */
export function yearZero(options: readonly WithdrawOption[], fyStartMonth: number): FinancialYear {
  const earliest = options.reduce((a, b) => (fyContaining(b.noticeServedOn, fyStartMonth).startYear < fyContaining(a.noticeServedOn, fyStartMonth).startYear ? b : a));
  return fyContaining(earliest.noticeServedOn, fyStartMonth);
}

interface Flow {
  readonly stay: Exact;
  readonly withdraw: Exact;
  readonly exitCosts: Exact;
  readonly replacementCosts: Exact;
  readonly net: Exact;
  readonly presentValue: Exact;
  readonly paidDays: number;
}

const sum = (amounts: readonly Exact[]) => amounts.reduce((a, b) => a.plus(b), new Exact(0));

/**
 * The option's flows by FY. `asMoney` is what becomes of an amount as it becomes money: rounded to
 * pence (the figures reported), or kept exact (the continuous model).
 */
function flows(basis: AppraisalBasis, option: WithdrawOption, asMoney: (exact: Exact) => Exact): { years: Flow[]; npv: Exact; expiresOn: CalendarDate } {
  const expiresOn = noticeExpiry(option.noticeServedOn, option.noticeMonths);
  const uplift = upliftFactor(option.optimismBias);
  const expiryFy = fyContaining(expiresOn, basis.years[0].startMonth);
  const exits = exitCostsByYear(option.exitCosts, basis.years, expiryFy, uplift.times(option.costScales?.exit ?? 1));
  const replacements = replacementCostsByYear(option.replacementCosts, basis.years, basis.indexFactors, expiresOn, uplift.times(option.costScales?.replacement ?? 1));
  let npv = new Exact(0);
  const years = basis.years.map((fy, t): Flow => {
    const days = daysInFy(fy);
    const paid = paidDays(fy, expiresOn);
    const stay = asMoney(basis.stayExact[t]);
    const withdraw = asMoney(stay.times(paid).div(days));
    const exitCosts = sum(exits[t].map(asMoney));
    const replacementCosts = sum(replacements[t].map(asMoney));
    const net = stay.minus(withdraw).minus(exitCosts).minus(replacementCosts);
    const presentValue = net.times(presentValueFactor(basis, t));
    npv = npv.plus(presentValue);
    return { stay, withdraw, exitCosts, replacementCosts, net, presentValue, paidDays: paid };
  });
  return { years, npv, expiresOn };
}

const rounded = (exact: Exact) => new Exact(roundToPence(exact));
const money = (exact: Exact) => roundToPence(exact);

/** The first FY from which the cumulative net saving is above zero and never falls below zero again. */
function paybackYear(years: readonly OptionYear[]): FinancialYear | undefined {
  let payback: FinancialYear | undefined;
  for (const year of years) {
    if (year.cumulativeNetSaving < 0) payback = undefined;
    else if (payback === undefined && year.cumulativeNetSaving > 0) payback = year.fy;
  }
  return payback;
}

export function appraiseOption(basis: AppraisalBasis, option: WithdrawOption): OptionAppraisal {
  const { years: flowsByYear, npv, expiresOn } = flows(basis, option, rounded);
  let cumulative = new Exact(0);
  const years = flowsByYear.map((flow, t): OptionYear => {
    cumulative = cumulative.plus(flow.net);
    return {
      fy: basis.years[t], t,
      stay: money(flow.stay), withdraw: money(flow.withdraw), exitCosts: money(flow.exitCosts), replacementCosts: money(flow.replacementCosts),
      netSaving: money(flow.net), cumulativeNetSaving: money(cumulative),
      discountFactor: discountFactor(basis.discountRate, t), realPriceFactor: new Exact(basis.realPriceFactors?.[t] ?? 1), presentValue: money(flow.presentValue),
      paidDays: flow.paidDays, daysInFy: daysInFy(basis.years[t]),
    };
  });
  const paybackFy = paybackYear(years);
  return { option, noticeExpiresOn: expiresOn, years, totalNetSaving: money(cumulative), npv: money(npv), ...(paybackFy ? { paybackFy } : {}) };
}

/** The option's NPV on the continuous model: no amount rounded, in exact pence. */
export function continuousNpv(basis: AppraisalBasis, option: WithdrawOption): Exact {
  return flows(basis, option, (exact) => exact).npv;
}

/** The index of the highest NPV (the first of equals). */
export function highestIndex(npvs: readonly (number | Exact)[]): number {
  let best = 0;
  npvs.forEach((npv, i) => {
    if (new Exact(npv).gt(new Exact(npvs[best]))) best = i;
  });
  return best;
}

/** The index of the highest NPV above zero (the first of equals); undefined when none is above zero. */
export function preferredIndex(npvs: readonly (number | Exact)[]): number | undefined {
  if (npvs.length === 0) return undefined;
  const best = highestIndex(npvs);
  return new Exact(npvs[best]).gt(0) ? best : undefined;
}

export function appraiseOptions(basis: AppraisalBasis, options: readonly WithdrawOption[]): OptionsAppraisal {
  const appraised = options.map((option) => appraiseOption(basis, option));
  const preferred = preferredIndex(appraised.map((a) => a.npv));
  return { options: appraised, ...(preferred === undefined ? {} : { preferred }) };
}
