// Contract ends (docs/conventions.md, "Contract ends"): a column headed `end date`, `contract ends`
// or `expires`, or a date in a notes column next to the words "ends" or "expires", gives a row's
// contract end date. Dates are read as date-text.ts reads them, the UK way round (31/03/2015,
// 31 March 2015); a month and year (Mar-18, March 2018, 03/2018) is the last day of that month;
// "Ongoing", "rolling", "n/a" and the like mean no end; anything else is not understood, and
// the reader names it in a warning.
import { CalendarDate, parseIsoDate } from './calendar-date';
import { CellValue, isCellDate, isCellError, isUncalculated } from './cell';
import { DateReading, dateInText, lastDayOf, readDateText } from './date-text';
import { quote } from './limits';

export const END_HEADER = /\bend\s*date\b|\bcontract\s+ends?\b|\bexpir(?:es|y)\b|\bends?\s+on\b/i;

/** Words that say a contract has no end date: `Ongoing`, `Rolling`, `Rolling monthly`, `No end date`, `n/a`, `-`. */
const NO_END = /^(?:-+|–|—|n\/?a|none|nil|not applicable|no(?:ne)?\s+(?:end(?:\s+date)?|fixed\s+end(?:\s+date)?|expiry(?:\s+date)?)|ongoing|on-going|rolling(?:\s+\w+)?|open[\s-]?ended|indefinite|permanent|perpetual|evergreen|continuous|until\s+(?:terminated|further\s+notice)|not\s+fixed)\.?$/i;

/** What a cell of an end-date column says: an end, no end, or something not understood (with why). */
export type EndReading =
  | { readonly kind: 'end'; readonly date: CalendarDate; /** Given as a month and year: its last day. */ readonly month?: true }
  | { readonly kind: 'no end' }
  | { readonly kind: 'not understood'; readonly message: string };

const NO_END_READING: EndReading = { kind: 'no end' };

/** An end from what a date text gives: a month is its last day. */
function endOf(reading: DateReading): EndReading {
  if (reading.kind === 'date') return { kind: 'end', date: reading.date };
  if (reading.kind === 'month') return { kind: 'end', date: lastDayOf(reading.year, reading.month), month: true };
  return { kind: 'not understood', message: reading.message };
}

/** The end a cell of an end-date column gives: a date cell, a date in its text, no end (blank, "Ongoing"), or not understood. */
export function endInColumn(value: CellValue): EndReading {
  if (value === null) return NO_END_READING;
  if (isCellDate(value)) {
    const date = parseIsoDate(value.date);
    return date ? { kind: 'end', date } : { kind: 'not understood', message: `${quote(value.date)} is not a date` };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' || NO_END.test(text) ? NO_END_READING : endOf(readDateText(text));
  }
  if (typeof value === 'number') return { kind: 'not understood', message: `${value} is a number, not a date: format the cell as a date, or type the date into it` };
  if (typeof value === 'boolean') return { kind: 'not understood', message: `${String(value).toUpperCase()} is not a date` };
  if (isCellError(value)) return { kind: 'not understood', message: `the error value ${value.error} is not a date` };
  if (isUncalculated(value)) return { kind: 'not understood', message: `the formula =${value.formula} was never calculated` };
  return NO_END_READING;
}

/** The end a note gives: a date after the word "ends" or "expires"; undefined when it gives none. */
export function endInNote(note: string): EndReading | undefined {
  const after = /\b(?:ends?|ending|expir\w*)\b(.*)$/i.exec(note);
  const reading = after ? dateInText(after[1]) : undefined;
  return reading && endOf(reading);
}
