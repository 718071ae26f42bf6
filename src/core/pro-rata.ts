// Pro-rata (docs/conventions.md, "Pro-rata"): in the FY in which membership ends, the leaver pays
// `annual x paidDays / daysInFY`, paidDays counting from the FY start up to, not including, the
// end date.
import { CalendarDate, daysBetween } from './calendar-date';
import { FinancialYear, daysInFy, fyStart } from './financial-year';
import { Exact, Money, scale } from './money';

/** Days of the FY paid for by a member whose membership ends on `endsOn` (0 to daysInFY). */
export function paidDays(fy: FinancialYear, endsOn: CalendarDate): number {
  return Math.min(Math.max(daysBetween(fyStart(fy), endsOn), 0), daysInFy(fy));
}

/** `annual x paidDays / daysInFY`, rounded to pence. */
export function proRata(annual: Money, paid: number, daysInYear: number): Money {
  return scale(annual, new Exact(paid).div(daysInYear));
}
