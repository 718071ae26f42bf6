// Dates as people write them (docs/conventions.md, "Reading cost tables" and "Dates a person types"): in a
// cell of text, in a note, in a field of the pane. Which comes first, the day or the month, is the
// document's language's, an input (the core reads no locale): 19/10/2012 is 19 October 2012 in
// en-GB, and has no month 19 in en-US. An ISO date (2012-10-19) and a date with its month named
// (19 Oct 2012, October 19, 2012) read the same in every language. A month and year (Mar-18,
// March 2018, 03/2018) names a month, not a day: the caller says which day of it it means.
// An impossible date is said to be one, with why; it is never capped or swapped.
import { CalendarDate, MONTH_NAMES, daysInMonth } from './calendar-date';
import { quote } from './limits';

export type DateOrder = 'day first' | 'month first';

/** The product's order, the UK's: 19/10/2012. */
export const DAY_FIRST: DateOrder = 'day first';

/** English as written in the United States, its territories and the Philippines writes the month first (10/19/2012). */
const MONTH_FIRST_REGIONS = new Set(['US', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI', 'MH', 'PH']);

/**
 * The order of day and month in numeric dates written in a language (a BCP 47 tag, `en-GB`):
 * month first in English of the United States (and of its territories and the Philippines, and
 * `en` alone, which is the United States' English), and in Spanish of Puerto Rico; day first in
 * every other language, and when none is given.
 */
export function dateOrderOf(language: string | undefined): DateOrder {
  const [lang = '', ...rest] = (language ?? '').trim().split(/[-_]/);
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
  const tongue = lang.toLowerCase();
  if (tongue === 'en') return region === undefined || MONTH_FIRST_REGIONS.has(region) ? 'month first' : 'day first';
  return tongue === 'es' && region === 'PR' ? 'month first' : 'day first';
}

/** What a text gives: a day, a month (and year), or nothing a calendar has, with why. */
export type DateReading =
  | { readonly kind: 'date'; readonly date: CalendarDate }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'not a date'; readonly message: string };

/** A number of the month by its name or its usual short form (`Mar`, `March`, `Sept`); 0 for none. */
function monthNamed(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  return w.length < 3 ? 0 : MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(w)) + 1;
}

/** A year of two digits as Excel takes it: 00-29 are 2000-2029, 30-99 are 1930-1999. */
const fullYear = (digits: string) => (digits.length === 4 ? Number(digits) : Number(digits) + (Number(digits) < 30 ? 2000 : 1900));

const notADate = (text: string, why?: string): DateReading => ({ kind: 'not a date', message: `${quote(text)} is not a date${why ? `: ${why}` : ''}` });

/** A day of a month and year, or why there is no such day (`February has 28 days in 2015`). */
function dayOf(text: string, year: number, month: number, day: number, orderHint?: DateOrder): DateReading {
  if (year < 1900 || year > 9999) return notADate(text, `the year ${year} is outside the years 1900 to 9999`);
  if (month < 1 || month > 12) {
    const hint = orderHint === undefined ? '' : orderHint === 'day first' ? ' (the day comes first, as in 31/03/2015)' : ' (the month comes first, as in 03/31/2015)';
    return notADate(text, `there is no month ${month}${hint}`);
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return notADate(text, day < 1 ? 'there is no day 0' : `${MONTH_NAMES[month - 1]} has ${days} days${month === 2 ? ` in ${year}` : ''}`);
  return { kind: 'date', date: { year, month, day } };
}

function monthOf(text: string, year: number, month: number): DateReading {
  if (year < 1900 || year > 9999) return notADate(text, `the year ${year} is outside the years 1900 to 9999`);
  if (month < 1 || month > 12) return notADate(text, `there is no month ${month}`);
  return { kind: 'month', year, month };
}

const NAME = '([A-Za-z]{3,9}\\.?)';
const ORDINAL = '(?:st|nd|rd|th)?';

/** The ways a date is written, full dates before a month and year (in a note, `31 March 2015` is a day, not March 2015). */
const FORMS: readonly { readonly pattern: string; read(text: string, m: RegExpExecArray, order: DateOrder): DateReading | undefined }[] = [
  // 2012-10-19, 2012/10/19: the year first, in every language.
  { pattern: '(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})', read: (t, m) => dayOf(t, Number(m[1]), Number(m[2]), Number(m[3])) },
  // 19/10/2012, 19-10-12, 19.10.2012: the language's order.
  {
    pattern: '(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})',
    read: (t, m, order) => {
      const [first, second] = [Number(m[1]), Number(m[2])];
      return order === 'day first' ? dayOf(t, fullYear(m[3]), second, first, order) : dayOf(t, fullYear(m[3]), first, second, order);
    },
  },
  // 19 Oct 2012, 19th October 2012, 19-Oct-12.
  { pattern: `(\\d{1,2})${ORDINAL}[\\s-]+${NAME},?[\\s-]+(\\d{4}|\\d{2})`, read: (t, m) => named(t, m[2], () => fullYear(m[3]), Number(m[1])) },
  // October 19, 2012; Oct 19th 2012.
  { pattern: `${NAME}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})`, read: (t, m) => named(t, m[1], () => Number(m[3]), Number(m[2])) },
  // Mar-18, March 2018, Mar 2018: a month.
  { pattern: `${NAME}[\\s-]+(\\d{4}|\\d{2})`, read: (t, m) => { const month = monthNamed(m[1]); return month === 0 ? undefined : monthOf(t, fullYear(m[2]), month); } },
  // 03/2018, 3-2018: a month.
  { pattern: '(\\d{1,2})[/.-](\\d{4})', read: (t, m) => monthOf(t, Number(m[2]), Number(m[1])) },
];

/** A day with its month named; undefined when the word names no month. */
function named(text: string, word: string, year: () => number, day: number): DateReading | undefined {
  const month = monthNamed(word);
  return month === 0 ? undefined : dayOf(text, year(), month, day);
}

const WHOLE = FORMS.map((form) => ({ ...form, regex: new RegExp(`^${form.pattern}$`, 'i') }));
const WITHIN = FORMS.map((form) => ({ ...form, regex: new RegExp(`(?<![\\w/.-])${form.pattern}(?![\\w/-]|\\.\\d)`, 'i') }));

/**
 * The date a text is, all of it (spaces around aside): a day, a month, or not a date and why.
 * `order` is the document's language's (dateOrderOf); the product's, day first, when none is given.
 */
export function readDateText(text: string, order: DateOrder = DAY_FIRST): DateReading {
  const trimmed = text.trim();
  for (const form of WHOLE) {
    const match = form.regex.exec(trimmed);
    const reading = match ? form.read(trimmed, match, order) : undefined;
    if (reading) return reading;
  }
  return notADate(trimmed);
}

/**
 * The first date written in a text (`Contract ends 31/03/2015`), read as readDateText reads one;
 * undefined when nothing in it is written like a date.
 */
export function dateInText(text: string, order: DateOrder = DAY_FIRST): DateReading | undefined {
  for (const form of WITHIN) {
    const match = form.regex.exec(text);
    const reading = match ? form.read(match[0], match, order) : undefined;
    if (reading) return reading;
  }
  return undefined;
}

/** The last day of a month: a contract that ends in March 2018 runs to 31 March 2018. */
export const lastDayOf = (year: number, month: number): CalendarDate => ({ year, month, day: daysInMonth(year, month) });
