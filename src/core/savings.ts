// Saving (docs/conventions.md, "Saving" and "Discounting"): for each FY of the horizon, the avoidable
// cost if the council stays, the same cost if it withdraws (pro-rata in the FY its notice expires,
// nothing after), the saving, and its present value: the saving in real prices (real-prices.ts),
// discounted. NPV = sum of discounted savings.
// Costs are money and rounded to pence; the saving is their difference. Present values are rounded
// for show; the NPV sums them unrounded and is rounded once.
import { CalendarDate } from './calendar-date';
import { discountFactor } from './discounting';
import { FinancialYear, daysInFy } from './financial-year';
import { Exact, Money, ZERO, add, roundToPence, subtract, times } from './money';
import { paidDays, proRata } from './pro-rata';

export interface SavingsYear {
  readonly fy: FinancialYear;
  /** Years from year 0, the FY notice is served in. */
  readonly t: number;
  readonly stay: Money;
  readonly withdraw: Money;
  readonly saving: Money;
  readonly cumulativeSaving: Money;
  readonly discountFactor: Exact;
  /** What turns the year's cash into real prices: 1 with real prices. */
  readonly realPriceFactor: Exact;
  readonly presentValue: Money;
  /** Committed costs: they continue either way. */
  readonly committed: Money;
  /** Days of the FY the council pays for if it withdraws, of daysInFy. */
  readonly paidDays: number;
  readonly daysInFy: number;
}

export interface Savings {
  readonly noticeExpiresOn: CalendarDate;
  readonly years: readonly SavingsYear[];
  readonly totalSaving: Money;
  readonly npv: Money;
}

export interface SavingsInput {
  readonly years: readonly FinancialYear[];
  /** The council's avoidable cost in each FY if it stays. */
  readonly stayCost: readonly Money[];
  readonly committedCost: readonly Money[];
  readonly noticeExpiresOn: CalendarDate;
  readonly discountRate: Exact;
  /** Each FY's real-price factor; 1 every year when not given. */
  readonly realPriceFactors?: readonly Exact[];
}

export function savingsScenario(input: SavingsInput): Savings {
  let cumulative = ZERO;
  let npvExact = new Exact(0);
  const years = input.years.map((fy, t): SavingsYear => {
    const days = daysInFy(fy);
    const paid = paidDays(fy, input.noticeExpiresOn);
    const stay = input.stayCost[t];
    const withdraw = proRata(stay, paid, days);
    const saving = subtract(stay, withdraw);
    cumulative = add(cumulative, saving);
    const factor = discountFactor(input.discountRate, t);
    const real = new Exact(input.realPriceFactors?.[t] ?? 1);
    const presentValue = times(saving, factor.times(real));
    npvExact = npvExact.plus(presentValue);
    return {
      fy, t, stay, withdraw, saving, cumulativeSaving: cumulative, discountFactor: factor, realPriceFactor: real,
      presentValue: roundToPence(presentValue), committed: input.committedCost[t], paidDays: paid, daysInFy: days,
    };
  });
  return { noticeExpiresOn: input.noticeExpiresOn, years, totalSaving: cumulative, npv: roundToPence(npvExact) };
}
