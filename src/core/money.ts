// Money: exact to the penny (docs/conventions.md, "Money").
// An amount is a whole number of pence. Rates, factors and fractions of a year are exact decimals
// (`Exact`); a computed amount is rounded to pence once, half away from zero, when it becomes money.
import Decimal from 'decimal.js';

/** Exact decimal arithmetic for rates and factors: 40 significant digits, ties away from zero. */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Exact = Decimal;

declare const penceBrand: unique symbol;
/** An amount of money in whole pence. */
export type Money = number & { readonly [penceBrand]: true };

export const ZERO = 0 as Money;

/** Money from a whole number of pence; refuses fractions and amounts beyond exact integers. */
export function pence(n: number): Money {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a whole number of pence within range`);
  return (n === 0 ? 0 : n) as Money; // never -0
}

export function add(a: Money, b: Money): Money {
  return pence(a + b);
}

export function subtract(a: Money, b: Money): Money {
  return pence(a - b);
}

/** An exact amount of pence rounded to whole pence, half away from zero. */
export function roundToPence(exactPence: Exact): Money {
  return pence(exactPence.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** The exact (unrounded) amount of pence `amount x factor`. */
export function times(amount: Money, factor: Exact): Exact {
  return new Exact(amount).times(factor);
}

/** `amount x factor`, rounded to pence. */
export function scale(amount: Money, factor: Exact): Money {
  return roundToPence(times(amount, factor));
}

/** Pounds as a number with at most two decimals (for JSON). */
export function toPounds(amount: Money): number {
  return amount / 100;
}

/**
 * Money from a number of pounds as a spreadsheet holds it. Returns the pence and whether the number
 * carried fractions of a penny (then rounded, half away from zero).
 */
export function fromPounds(pounds: number): { amount: Money; subPenny: boolean } {
  const guess = Math.round(pounds * 100);
  if (guess / 100 === pounds) return { amount: pence(guess), subPenny: false };
  return { amount: roundToPence(new Exact(pounds).times(100)), subPenny: true };
}

/**
 * Money from decimal digits: an integer part and a fraction part (either may be empty).
 * Fractions of a penny are rounded, half away from zero.
 */
export function fromDigits(whole: string, fraction: string, negative: boolean): { amount: Money; subPenny: boolean } {
  if (fraction.length <= 2 && whole.length <= 13) {
    const p = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
    return { amount: pence(negative ? -p : p), subPenny: false };
  }
  const subPenny = fraction.replace(/0+$/, '').length > 2;
  const exact = new Exact(`${whole || '0'}.${fraction || '0'}`).times(100);
  const amount = roundToPence(negative ? exact.negated() : exact);
  return { amount, subPenny };
}

const grouped = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `£46,648.63`, `-£1,000.00`; without the symbol when `symbol` is false. */
export function formatMoney(amount: Money, symbol = true): string {
  const digits = grouped.format(Math.abs(amount) / 100);
  return `${amount < 0 ? '-' : ''}${symbol ? '£' : ''}${digits}`;
}
