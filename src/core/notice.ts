// Notice (docs/conventions.md, "Notice"): served on a date, it expires on the same calendar day
// `noticeMonths` later, rolling back to the month's last day where that day does not exist.
// Membership, and the avoidable cost, run up to but not including the expiry date.
import { CalendarDate, addMonths } from './calendar-date';

/** Notice, in months, when none is given (docs/conventions.md, "Notice"). */
export const DEFAULT_NOTICE_MONTHS = 24;

export function noticeExpiry(servedOn: CalendarDate, noticeMonths: number): CalendarDate {
  return addMonths(servedOn, noticeMonths);
}
