// Committed costs (docs/conventions.md, "Committed contracts"): the cost rows that continue
// whether the council stays or leaves, each indexed; a contract with an end date stops costing
// from that date, pro-rata in its FY like notice, the same in every option, so it changes the
// totals but never the saving.
import { CalendarDate } from './calendar-date';
import { CostClass } from './classification';
import { FinancialYear, daysInFy } from './financial-year';
import { Exact, Money } from './money';
import { paidDays } from './pro-rata';

/**
 * The committed cost of each year (docs/conventions.md, "Committed contracts"): each
 * committed row indexed, and a contract with an end date paid pro-rata in the year it ends and
 * not after, as notice is. Exact; it becomes money once a year.
 */
export function committedByYear(rows: readonly { readonly class: CostClass; readonly amount: Money; readonly endsOn?: CalendarDate }[], committed: Money, years: readonly FinancialYear[], factors: readonly Exact[]): Exact[] {
  const ending = rows.filter((row) => row.class === 'committed' && row.endsOn !== undefined);
  const runningOn = ending.reduce((sum, row) => sum - row.amount, committed as number);
  return years.map((fy, t) => ending.reduce(
    (sum, row) => sum.plus(new Exact(row.amount).times(paidDays(fy, row.endsOn as CalendarDate)).div(daysInFy(fy))),
    new Exact(runningOn),
  ).times(factors[t]));
}
