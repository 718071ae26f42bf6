// Reading an amount from a cell: numbers, or text such as `£46,648.63`, ` £ 2,400 `, `(1,000.00)`,
// `-1,000.00`. Text amounts are read (with a warning, since Excel's SUM skips text).
import { CellValue, isCellDate, isCellError, isUncalculated } from './cell';
import { LARGEST_AMOUNT_POUNDS, LARGEST_AMOUNT_TEXT, quote } from './limits';
import { Exact, Money, fromDigits, fromPounds, roundToPence } from './money';
import { isUnitAlone } from './units';

export type AmountReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'amount'; readonly amount: Money; readonly fromText: boolean; readonly subPenny: boolean }
  | { readonly kind: 'bad'; readonly message: string };

const EMPTY: AmountReading = { kind: 'empty' };

const tooLarge = (shown: string): AmountReading => ({
  kind: 'bad',
  message: `amount ${shown} is more than ${LARGEST_AMOUNT_TEXT}, too large for a cost table`,
});

// pound sign, sign, bracket, pound sign and sign again (in the orders people write them: `£ (1,234)`,
// `(£1,234)`, `-£1,234`, `£-1,234`), then the digits: either thousands grouped with commas or plain,
// with an optional decimal part.
const AMOUNT_TEXT =
  /^(£\s*)?(-\s*)?(\(\s*)?(-\s*)?(£\s*)?(-\s*)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?\s*(\))?$/;

/** The parts of an amount written as text: whether it is negative, its whole digits and its decimals; undefined when it is no amount. */
function amountParts(text: string): { negative: boolean; digits: string; fraction: string } | undefined {
  const match = AMOUNT_TEXT.exec(text.replace(/\u00a0/g, ' ').trim());
  if (!match) return undefined;
  const [, pound1, minus1, open, minus2, pound2, minus3, whole, fraction, close] = match;
  if (whole === undefined && fraction === undefined) return undefined;
  if (Boolean(open) !== Boolean(close)) return undefined;
  if (pound1 && pound2) return undefined;
  const signs = [minus1, open, minus2, minus3].filter(Boolean).length;
  if (signs > 1) return undefined;
  return { negative: signs === 1, digits: (whole ?? '').replace(/,/g, ''), fraction: fraction ?? '' };
}

/**
 * The amount written in a text, in pounds when each unit of it is `factor` pounds (1000 in a £000
 * table), or undefined when the text is not an amount.
 */
export function parseAmountText(text: string, factor = 1): { amount: Money; subPenny: boolean } | 'too large' | undefined {
  const parts = amountParts(text);
  if (!parts) return undefined;
  const { negative, digits, fraction } = parts;
  // Twelve digits of pounds or fewer are within the limit whatever the pence, and need no exact arithmetic.
  if (factor === 1 && digits.length <= 12) return fromDigits(digits, fraction, negative);
  // The same limit as for a number, on the amount written, pence and all: £1,000,000,000,000.50 is over it.
  const pounds = new Exact(`${digits || '0'}.${fraction || '0'}`).times(factor);
  if (pounds.gt(LARGEST_AMOUNT_POUNDS)) return 'too large';
  if (factor === 1) return fromDigits(digits, fraction, negative);
  return inPence(negative ? pounds.negated() : pounds);
}

/**
 * The number an amount written as text stands for, as a spreadsheet holds it typed (`£ (1,234)`
 * is -1234; 17.8 in a £000 table stays 17.8), or undefined when the text is no amount or the
 * number would not read as the same amount (more digits than a spreadsheet's number holds).
 */
export function numberOfAmountText(text: string, factor = 1): number | undefined {
  const parts = amountParts(text);
  const read = parts && parseAmountText(text, factor);
  if (!parts || !read || read === 'too large') return undefined;
  const number = Number(`${parts.negative ? '-' : ''}${parts.digits || '0'}.${parts.fraction || '0'}`);
  const again = readAmount(number, factor);
  return again.kind === 'amount' && again.amount === read.amount ? number : undefined;
}

/** Pounds, exact, as money: rounded to the penny, half away from zero, saying whether that dropped anything. */
function inPence(pounds: Exact): { amount: Money; subPenny: boolean } {
  const exactPence = pounds.times(100);
  return { amount: roundToPence(exactPence), subPenny: !exactPence.isInteger() };
}

/** An amount in a cell, in pounds when each unit of it is `factor` pounds (1000 in a £000 table). */
export function readAmount(value: CellValue, factor = 1): AmountReading {
  if (value === null) return EMPTY;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'bad', message: `amount ${value} is not a number` };
    if (Math.abs(value) * factor > LARGEST_AMOUNT_POUNDS) return tooLarge(String(value));
    return { kind: 'amount', ...(factor === 1 ? fromPounds(value) : inPence(new Exact(value).times(factor))), fromText: false };
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return EMPTY;
    const parsed = parseAmountText(value, factor);
    if (parsed === 'too large') return tooLarge(quote(value));
    if (parsed) return { kind: 'amount', ...parsed, fromText: true };
    return { kind: 'bad', message: `amount ${quote(value)} is not a number` };
  }
  if (typeof value === 'boolean') return { kind: 'bad', message: `amount is ${value ? 'TRUE' : 'FALSE'}, not a number` };
  if (isCellError(value)) return { kind: 'bad', message: `amount is the error value ${value.error}` };
  if (isCellDate(value)) return { kind: 'bad', message: `amount is a date (${value.date}), not a number` };
  if (isUncalculated(value)) {
    return {
      kind: 'bad',
      message: `amount is a formula (=${value.formula}) that was never calculated; open the workbook in Excel, let it recalculate and save it`,
    };
  }
  return { kind: 'bad', message: 'amount is not a number' };
}

/** A number formatted as a percentage where an amount belongs: a share, not money. */
export function percentageAmount(value: number): AmountReading {
  return { kind: 'bad', message: `amount is a percentage (${new Exact(value).times(100).toString()}%), not an amount of money` };
}

/** Whether a value reads as an amount (used to find the amounts column); a unit alone (`£000`) does not. */
export function isAmountLike(value: CellValue): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '' && parseAmountText(value) !== undefined && !isUnitAlone(value);
}
