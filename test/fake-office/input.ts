// What Excel does with a value written to a cell through `range.values` or `range.formulas`:
// like typing it into the cell (README.md of this folder says which rules come from Microsoft's
// documentation and which are our assumptions). Text that Excel would turn into something else
// must be protected with a leading "'"; what the fake cannot model exactly it refuses.

import { invalidArgument, FakeOfficeError, ErrorCodes, FakeStrictError } from './errors';

export const MAX_TEXT_LENGTH = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;

export const ERROR_LITERALS = [
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!',
  '#CONNECT!', '#BLOCKED!', '#UNKNOWN!', '#FIELD!', '#CALC!', '#BUSY!', '#PYTHON!',
] as const;

export type DateOrder = 'DMY' | 'MDY';

/** What a written value becomes. `unchanged` is a null in the 2-D array: the cell is left as it is. */
export type CellInput =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'number'; readonly value: number; readonly autoFormat?: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly value: string }
  | { readonly kind: 'text'; readonly value: string; readonly quotePrefix: boolean }
  | { readonly kind: 'formula'; readonly formula: string };

export function isErrorLiteral(text: string): boolean {
  const upper = text.toUpperCase();
  return ERROR_LITERALS.some((e) => e === upper);
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/**
 * Interpret one written value. Throws (as Excel or the fake would) for what cannot be written.
 * `year` is the one Excel gives a date typed without a year ("3 Jan", "3/4"): this year, as Excel does.
 */
export function interpretInput(raw: unknown, location: string, dateOrder: DateOrder, year = new Date().getFullYear()): CellInput {
  if (raw === null) return { kind: 'unchanged' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw invalidArgument(`${String(raw)} cannot be written to a cell`, location);
    return { kind: 'number', value: Object.is(raw, -0) ? 0 : raw };
  }
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
  if (typeof raw !== 'string') {
    throw invalidArgument(`a cell value must be a string, number, boolean or null (null leaves the cell unchanged), not ${raw === undefined ? 'undefined' : typeof raw}`, location);
  }
  if (raw === '') return { kind: 'clear' };
  if (raw.startsWith("'")) return text(raw.slice(1), true, location);
  if (raw.startsWith('=')) return formula(raw, location);
  const number = parseNumber(raw) ?? parseFraction(raw);
  if (number) return number;
  const upper = raw.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  if (isErrorLiteral(raw.trim())) return { kind: 'error', value: upper };
  if (raw.length > 1 && (raw.startsWith('+') || raw.startsWith('-') || raw.startsWith('@'))) return formula(`=${raw}`, location);
  const date = parseDateTime(raw.trim(), dateOrder, year);
  if (date) return date;
  refuseUnmodelledDates(raw, location);
  return text(raw, false, location);
}

function text(value: string, quotePrefix: boolean, location: string): CellInput {
  if (value.length > MAX_TEXT_LENGTH) throw invalidArgument(`text of ${value.length} characters is longer than a cell holds (${MAX_TEXT_LENGTH})`, location);
  return { kind: 'text', value, quotePrefix };
}

function formula(f: string, location: string): CellInput {
  if (f.length > MAX_FORMULA_LENGTH) {
    throw new FakeOfficeError(ErrorCodes.formulaLengthExceedsLimit, `The bytecode of the applied formula exceeds the maximum length limit. (${f.length} characters; Excel allows ${MAX_FORMULA_LENGTH})`, location);
  }
  if (f === '=') throw invalidArgument('"=" alone is not a formula', location);
  return { kind: 'formula', formula: f };
}

/** "17800", " 1,234.5 ", "-3", "(12)", "12%", "1.5E3", "£1,234" → numbers, as Excel reads them. */
export function parseNumber(raw: string): CellInput | null {
  const s = raw.trim();
  const m = /^([+-])?(\()?([£$€])?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?(%)?(\))?$/.exec(s);
  if (!m) return null;
  const [, sign, open, currency, whole, fraction, exponent, percent, close] = m;
  if ((open === undefined) !== (close === undefined)) return null;
  if (open !== undefined && sign !== undefined) return null;
  if (whole === undefined && (fraction === undefined || fraction.length < 2)) return null;
  if (exponent !== undefined && (percent !== undefined || currency !== undefined)) return null;
  const digits = `${(whole ?? '0').replace(/,/g, '')}${fraction ?? ''}${exponent === undefined ? '' : `e${exponent}`}`;
  let value = Number(digits);
  if (!Number.isFinite(value)) return null;
  if (percent !== undefined) value /= 100;
  if (sign === '-' || open !== undefined) value = -value;
  if (Object.is(value, -0)) value = 0;
  const decimals = fraction !== undefined && fraction.length > 1;
  let autoFormat: string | undefined;
  if (percent !== undefined) autoFormat = decimals ? '0.00%' : '0%';
  else if (exponent !== undefined) autoFormat = '0.00E+00';
  else if (currency === undefined && whole !== undefined && whole.includes(',')) autoFormat = decimals ? '#,##0.00' : '#,##0';
  return autoFormat === undefined ? { kind: 'number', value } : { kind: 'number', value, autoFormat };
}

/** "1 1/2", "-0 3/4": a whole number, a space and a proper fraction, as Excel reads them. */
export function parseFraction(raw: string): CellInput | null {
  const m = /^([+-])?(\d+) +(\d+)\/(\d+)$/.exec(raw.trim());
  if (!m) return null;
  const [whole, numerator, denominator] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (denominator === 0 || numerator >= denominator) return null;
  const value = (whole + numerator / denominator) * (m[1] === '-' ? -1 : 1);
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, autoFormat: denominator < 10 ? '# ?/?' : '# ??/??' };
}

/** Excel's date serial: days since 1899-12-30, one less before 1900-03-01 (Excel counts a 29 February 1900). */
export function dateSerial(year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days < 61 ? days - 1 : days;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A typed year: two digits are 2000-2029 for 00-29 and 1930-1999 for 30-99 (Microsoft's 2029 rule). */
function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length <= 2 ? n + (n < 30 ? 2000 : 1900) : n;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (name: string) => MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const MONTH = `(${MONTHS})`;

/** A serial number and the format Excel gives the cell with it. */
interface Serial {
  readonly value: number;
  readonly format: string;
}

function onDay(year: number, month: number, day: number, format: string): Serial | null {
  return validDate(year, month, day) ? { value: dateSerial(year, month, day), format } : null;
}

/** "9:30", "17:05:10", "12:00 PM", "9:00 p", "9 am": a time of day, as a fraction of a day. */
function parseTime(s: string): Serial | null {
  const m = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?(?:\s*([ap])\.?m\.?|\s+([ap]))?$/i.exec(s);
  if (!m) return null;
  const [hour, minute, second] = [Number(m[1]), Number(m[2] ?? '0'), Number(m[3] ?? '0')];
  const half = (m[4] ?? m[5])?.toLowerCase();
  if ((m[2] === undefined && half === undefined) || minute > 59 || second > 59) return null;
  if (half ? hour < 1 || hour > 12 : hour > 23) return null;
  const hours = half ? (hour % 12) + (half === 'p' ? 12 : 0) : hour;
  return { value: (hours * 3600 + minute * 60 + second) / 86_400, format: `h:mm${m[3] === undefined ? '' : ':ss'}${half ? ' AM/PM' : ''}` };
}

/** The dates Excel reads in an English locale; `year` is the one it gives a date typed without one. */
function parseDate(s: string, order: DateOrder, year: number): Serial | null {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s); // 2024-04-01, 2024/4/1
  if (m) return onDay(Number(m[1]), Number(m[2]), Number(m[3]), 'yyyy-mm-dd');
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(s); // 1/4/2024, 1-4-24 in the locale's order
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === 'DMY' ? [a, b] : [b, a];
    return onDay(fullYear(m[3]), month, day, order === 'DMY' ? 'dd/mm/yyyy' : 'm/d/yyyy');
  }
  m = /^(\d{1,2}|\d{4})[-/](\d{1,2}|\d{4})$/.exec(s); // 3/4 (a day this year), 4/2024 and 2024/4 (a month)
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === 'DMY' ? [a, b] : [b, a];
    const thisYear = m[1].length <= 2 && m[2].length <= 2 ? onDay(year, month, day, 'd-mmm') : null;
    if (thisYear) return thisYear;
    if (m[1].length <= 2) return onDay(fullYear(m[2]), a, 1, 'mmm-yy');
    return m[2].length <= 2 ? onDay(a, b, 1, 'mmm-yy') : null;
  }
  m = new RegExp(`^(\\d{1,2})[\\s/-]+${MONTH}[\\s/,-]+(\\d{2}|\\d{4})$`, 'i').exec(s); // 3 January 2024, 3-Jan-24
  if (m) return onDay(fullYear(m[3]), monthOf(m[2]), Number(m[1]), 'd-mmm-yy');
  m = new RegExp(`^${MONTH}[\\s/-]+(\\d{1,2})(?:,\\s*|[\\s/-]+)(\\d{2}|\\d{4})$`, 'i').exec(s); // Jan 3, 2024
  if (m) return onDay(fullYear(m[3]), monthOf(m[1]), Number(m[2]), 'd-mmm-yy');
  m = new RegExp(`^(\\d{1,2})[\\s/-]+${MONTH}$`, 'i').exec(s); // 3 Jan: this year
  if (m) return onDay(year, monthOf(m[2]), Number(m[1]), 'd-mmm');
  m = new RegExp(`^${MONTH}[\\s/-]+(\\d{1,2}|\\d{4})$`, 'i').exec(s); // Jan 3 (a day this year), Dec 32, Jan-24, Apr 2024
  if (m) {
    const thisYear = m[2].length <= 2 ? onDay(year, monthOf(m[1]), Number(m[2]), 'd-mmm') : null;
    return thisYear ?? onDay(fullYear(m[2]), monthOf(m[1]), 1, 'mmm-yy');
  }
  return null;
}

/** A date, a time, or a date, a space and a time ("1/4/2024 9:30"), as a serial number. */
function parseDateTime(s: string, order: DateOrder, year: number): CellInput | null {
  let serial = parseTime(s) ?? parseDate(s, order, year);
  for (let i = s.lastIndexOf(' '); !serial && i > 0; i = s.lastIndexOf(' ', i - 1)) {
    const date = parseDate(s.slice(0, i).trim(), order, year);
    const time = date && parseTime(s.slice(i + 1).trim());
    if (date && time) serial = { value: date.value + time.value, format: `${date.format} ${time.format}` };
  }
  return serial ? { kind: 'number', value: serial.value, autoFormat: serial.format } : null;
}

const TIME_SHAPE = /^\d{1,4}:\d{1,2}(:\d{1,2})?(\.\d+)?(\s*[ap]\.?m?\.?)?$/i;

/**
 * Text shaped like a date, a time or a fraction that the rules above do not model — "24:00",
 * "9:5", "13:00 PM", "31 Feb 2024", "2024 Jan", "100/5", "1 3/2", "Item 4 9:30" — Excel may or may
 * not turn into a number. The fake does not guess: it refuses, so a host writes such labels as
 * text ("'24:00") or as numbers.
 */
function refuseUnmodelledDates(raw: string, location: string): void {
  const s = raw.trim();
  const lastSpace = s.lastIndexOf(' ');
  const unmodelled =
    TIME_SHAPE.test(s) ||
    (/^\d{1,4}[/-]\d{1,4}$/.test(s) && /\b\d{3}\b/.test(s)) ||
    /^[+-]?\d+ +\d+\/\d+$/.test(s) ||
    (new RegExp(`^(\\d{1,4}[\\s/,-]+)?(${MONTHS})([\\s/,-]+\\d{1,4}){0,2}$`, 'i').test(s) && /\d/.test(s)) ||
    (lastSpace > 0 && TIME_SHAPE.test(s.slice(lastSpace + 1)) && /\d/.test(s.slice(0, lastSpace)));
  if (unmodelled) {
    throw new FakeStrictError(`at ${location}, Excel may read ${JSON.stringify(raw)} as a date, a time or a number; write it with a leading apostrophe to keep it as text, or as a number`);
  }
}
