// What Excel does with a value written to a cell through `range.values` or `range.formulas`:
// like typing it into the cell. Deliberately conservative (see README of this folder in the
// report): text that Excel would turn into something else must be protected with a leading "'".

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

const MONTHS = 'jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?';

/** Interpret one written value. Throws (as Excel or the fake would) for what cannot be written. */
export function interpretInput(raw: unknown, location: string, dateOrder: DateOrder): CellInput {
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
  const number = parseNumber(raw);
  if (number) return number;
  const upper = raw.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  if (isErrorLiteral(raw.trim())) return { kind: 'error', value: upper };
  if (raw.length > 1 && (raw.startsWith('+') || raw.startsWith('-') || raw.startsWith('@'))) return formula(`=${raw}`, location);
  const date = parseDate(raw, dateOrder);
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

/** Excel's date serial: days since 1899-12-30 (the 1900 leap-year bug is after 1900-03-01 irrelevant). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Full dates ("2024-04-01", "1/4/2024" in the configured order) and times ("9:30", "17:05:10"). */
function parseDate(raw: string, order: DateOrder): CellInput | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? { kind: 'number', value: dateSerial(y, mo, d), autoFormat: 'yyyy-mm-dd' } : null;
  }
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [d, mo] = order === 'DMY' ? [a, b] : [b, a];
    return validDate(y, mo, d) ? { kind: 'number', value: dateSerial(y, mo, d), autoFormat: order === 'DMY' ? 'dd/mm/yyyy' : 'm/d/yyyy' } : null;
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) {
    const [h, mi, se] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
    if (h > 23 || mi > 59 || se > 59) return null;
    return { kind: 'number', value: (h * 3600 + mi * 60 + se) / 86_400, autoFormat: m[3] === undefined ? 'h:mm' : 'h:mm:ss' };
  }
  return null;
}

/**
 * Partial dates — "3/4", "4/2024", "2024/5", "1-Apr", "Apr 2024", "April-24" — Excel turns into
 * dates depending on the locale and, for some, today's year. The fake does not guess: it refuses,
 * so a host writes such labels as text ("'3/4") or as a date serial number.
 */
function refuseUnmodelledDates(raw: string, location: string): void {
  const s = raw.trim();
  const refuse = (): never => {
    throw new FakeStrictError(`at ${location}, Excel may read ${JSON.stringify(raw)} as a date (locale-dependent); write it with a leading apostrophe to keep it as text, or as a date serial number`);
  };
  const m = /^(\d{1,4})[/-](\d{1,4})$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const dayMonth = (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (b >= 1 && b <= 31 && a >= 1 && a <= 12);
    const monthYear = a >= 1 && a <= 12 && m[2].length >= 2;
    const yearMonth = m[1].length === 4 && b >= 1 && b <= 12;
    if (dayMonth || monthYear || yearMonth) refuse();
  }
  if (/^\d{1,2}:\d{2}(:\d{2})?(\.\d+)?(\s*[AP]M?)?$/i.test(s)) refuse(); // "10:30 AM", "24:00"
  if (new RegExp(`^(\\d{1,2}[\\s/-]+)?(${MONTHS})([\\s/,-]+\\d{1,4})?$`, 'i').test(s) && /\d/.test(s)) refuse();
}
