// Costs of leaving (docs/conventions.md, "Costs of leaving"), each counted against the
// option that incurs it:
// - exit costs: one-off amounts, each in a stated FY (default: the FY notice expires in), at the
//   cash amount given;
// - replacement costs: an annual amount at base-year prices, indexed like every cost, from the
//   day notice expires (pro-rata in that FY by the days from expiry to the FY's end), for a stated
//   number of months or for the rest of the horizon; a stranded-cost share is one of these with a
//   share of the annual amount and an end.
// Each amount is uplifted by the option's optimism bias and becomes money once, in its FY.
import { CalendarDate, addMonths } from './calendar-date';
import { FinancialYear, daysInFy } from './financial-year';
import { Exact, Money } from './money';
import { paidDays } from './pro-rata';

export interface ExitCost {
  readonly label: string;
  readonly amount: Money;
  /** The FY it is paid in; undefined: the FY notice expires in. */
  readonly fy?: FinancialYear;
}

export interface ReplacementCost {
  readonly label: string;
  /** A year's cost at base-year prices. */
  readonly annual: Money;
  /** Months it runs from the day notice expires; undefined: to the end of the horizon. */
  readonly months?: number;
  /** The share of the annual amount the council pays (a stranded-cost share); undefined: all of it. */
  readonly share?: Exact;
}

/** Each exit cost's exact amount in each FY: [year][cost], uplifted, unrounded. */
export function exitCostsByYear(costs: readonly ExitCost[], years: readonly FinancialYear[], expiryFy: FinancialYear, uplift: Exact): Exact[][] {
  return years.map((fy) => costs.map((cost) => {
    const paidIn = cost.fy ?? expiryFy;
    return paidIn.startYear === fy.startYear ? new Exact(cost.amount).times(uplift) : new Exact(0);
  }));
}

/** Days of `fy` from `from` up to, not including, `until` (either may lie outside it). */
function daysBetweenWithin(fy: FinancialYear, from: CalendarDate, until: CalendarDate | undefined): number {
  const end = until === undefined ? daysInFy(fy) : paidDays(fy, until);
  return Math.max(0, end - paidDays(fy, from));
}

/**
 * Each replacement cost's exact amount in each FY: [year][cost], the annual amount indexed to the
 * FY, times its share and the uplift, pro-rata by the days of the FY it runs.
 */
export function replacementCostsByYear(
  costs: readonly ReplacementCost[],
  years: readonly FinancialYear[],
  indexFactors: readonly Exact[],
  noticeExpiresOn: CalendarDate,
  uplift: Exact,
): Exact[][] {
  return years.map((fy, t) => costs.map((cost) => {
    const until = cost.months === undefined ? undefined : addMonths(noticeExpiresOn, cost.months);
    const days = daysBetweenWithin(fy, noticeExpiresOn, until);
    if (days === 0) return new Exact(0);
    return new Exact(cost.annual).times(indexFactors[t]).times(cost.share ?? 1).times(uplift).times(days).div(daysInFy(fy));
  }));
}
