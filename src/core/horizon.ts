// Horizon (docs/conventions.md, "Horizon"): `horizonYears` FYs, starting with year 0, the FY in
// which notice is served.
import { CalendarDate } from './calendar-date';
import { FinancialYear, addYears, fyContaining } from './financial-year';

export const DEFAULT_HORIZON_YEARS = 5;

export function horizon(noticeServedOn: CalendarDate, years: number, fyStartMonth: number): FinancialYear[] {
  const yearZero = fyContaining(noticeServedOn, fyStartMonth);
  return Array.from({ length: years }, (_, t) => addYears(yearZero, t));
}
