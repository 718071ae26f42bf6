// Contract ends (domain.md, Reading real cost tables): a column headed `end date`, `contract ends`
// or `expires`, or a date in a notes column next to the words "ends" or "expires", gives a row's
// contract end date. Dates in text are read the UK way round: 31/03/2015, 31 March 2015.
import { CalendarDate, MONTH_NAMES, isValidDate, parseIsoDate } from './calendar-date';
import { CellValue, isCellDate } from './cell';

export const END_HEADER = /\bend\s*date\b|\bcontract\s+ends?\b|\bexpir(?:es|y)\b|\bends?\s+on\b/i;

const MONTH = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());

/** A date written in text: `31/03/2015`, `31-3-15`, `31 March 2015`, `31 Mar 2015`; or an ISO date. */
export function dateInText(text: string): CalendarDate | undefined {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) return parseIsoDate(iso[1]);
  const numeric = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/.exec(text);
  if (numeric) return dateOf(fullYear(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  const month = named ? MONTH.indexOf(named[2].slice(0, 3).toLowerCase()) + 1 : 0;
  return named && month > 0 ? dateOf(Number(named[3]), month, Number(named[1])) : undefined;
}

/** A date, or undefined when there is no such day (31/02/2015). */
const dateOf = (year: number, month: number, day: number): CalendarDate | undefined => (isValidDate(year, month, day) ? { year, month, day } : undefined);
const fullYear = (digits: string) => (digits.length === 4 ? Number(digits) : 2000 + Number(digits));

/** The end date a cell of an end-date column gives: a date cell, or a date in its text. */
export function endInColumn(value: CellValue): CalendarDate | undefined {
  if (isCellDate(value)) return parseIsoDate(value.date);
  return typeof value === 'string' ? dateInText(value) : undefined;
}

/** The end date a note gives: a date after the word "ends" or "expires". */
export function endInNote(note: string): CalendarDate | undefined {
  const after = /\b(?:ends?|ending|expir\w*)\b(.*)$/i.exec(note);
  return after ? dateInText(after[1]) : undefined;
}
