// Financial year (docs/conventions.md, "Financial year"). A FY starts on the 1st of `startMonth`
// (default April) and is named `2012/13`; a year that starts in January is named `2012`.
import { CalendarDate, calendarDate, daysBetween } from './calendar-date';

export const DEFAULT_FY_START_MONTH = 4;

export interface FinancialYear {
  /** The calendar year in which the FY starts. */
  readonly startYear: number;
  readonly startMonth: number;
}

export function financialYear(startYear: number, startMonth = DEFAULT_FY_START_MONTH): FinancialYear {
  return { startYear, startMonth };
}

export function fyStart(fy: FinancialYear): CalendarDate {
  return calendarDate(fy.startYear, fy.startMonth, 1);
}

/** The first day of the next FY (the FY runs up to, not including, it). */
export function fyEnd(fy: FinancialYear): CalendarDate {
  return calendarDate(fy.startYear + 1, fy.startMonth, 1);
}

/** 365 or 366. */
export function daysInFy(fy: FinancialYear): number {
  return daysBetween(fyStart(fy), fyEnd(fy));
}

export function fyContaining(date: CalendarDate, startMonth = DEFAULT_FY_START_MONTH): FinancialYear {
  return financialYear(date.month >= startMonth ? date.year : date.year - 1, startMonth);
}

export function addYears(fy: FinancialYear, years: number): FinancialYear {
  return financialYear(fy.startYear + years, fy.startMonth);
}

/** `2012/13`, or `2012` for a year that starts in January. */
export function fyLabel(fy: FinancialYear): string {
  if (fy.startMonth === 1) return String(fy.startYear);
  return `${fy.startYear}/${String((fy.startYear + 1) % 100).padStart(2, '0')}`;
}

const FY_PATTERN = /(?<!\d)((?:19|20)\d{2})\s*[/\-–]\s*(\d{4}|\d{2})(?!\d)/;

/** The start year named by `2011/12`, `2011-12` or `2011/2012` inside a text, if any. */
export function fyNamedIn(text: string): number | undefined {
  const match = FY_PATTERN.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  const follows = match[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
  return follows ? start : undefined;
}

/** A FY as a whole text: `2100/01`, `2011-12` or `2011/2012`; any four-digit year, so that every year the product labels reads back. */
const WHOLE_FY = /^(\d{4})\s*[/\-–]\s*(\d{4}|\d{2})$/;

/**
 * Parses a FY given as `2011/12`, `2011-12`, `2011/2012`, `2011` or the number 2011. Text names any
 * four-digit year (whether the product can use it is for the caller to say, in words); a label
 * names a year only from 1900 to 2099 (`fyNamedIn`), where four digits are more often something else.
 */
export function parseFy(value: string | number, startMonth = DEFAULT_FY_START_MONTH): FinancialYear | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1900 && value <= 9998 ? financialYear(value, startMonth) : undefined;
  }
  const text = value.trim();
  if (/^\d{4}$/.test(text)) return financialYear(Number(text), startMonth);
  const match = WHOLE_FY.exec(text);
  if (!match) return undefined;
  const [start, end] = [Number(match[1]), Number(match[2])];
  const follows = match[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
  return follows ? financialYear(start, startMonth) : undefined;
}
