// Independent arithmetic for expected values: exact integers (BigInt) and a day count by walking
// the calendar month by month. Nothing here calls the code under test.

/** a / b rounded to a whole number, half away from zero (b > 0). */
export function divRound(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new Error('divisor must be positive');
  const negative = a < 0n;
  const n = negative ? -a : a;
  const q = n / b;
  const r = n % b;
  const rounded = 2n * r >= b ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** amount x num / den, rounded to pence half away from zero, as a number. */
export function mulDivPence(amount: number | bigint, num: bigint, den: bigint): number {
  return Number(divRound(BigInt(amount) * num, den));
}

/** Pence x (1 + rate)^years where rate = rateNum / rateDen, rounded once. */
export function indexedPence(amount: number, rateNum: bigint, rateDen: bigint, years: number): number {
  return mulDivPence(amount, (rateDen + rateNum) ** BigInt(years), rateDen ** BigInt(years));
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function monthDays(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days from the first of (year, month) up to, not including, the given date, walking months. */
function daysFromMonthStart(fromYear: number, fromMonth: number, to: Ymd): number {
  let days = 0;
  let y = fromYear;
  let m = fromMonth;
  if (to.year * 12 + to.month < y * 12 + m) {
    // walk backwards
    while (y * 12 + m > to.year * 12 + to.month) {
      m -= 1;
      if (m === 0) { m = 12; y -= 1; }
      days -= monthDays(y, m);
    }
  } else {
    while (y * 12 + m < to.year * 12 + to.month) {
      days += monthDays(y, m);
      m += 1;
      if (m === 13) { m = 1; y += 1; }
    }
  }
  return days + to.day - 1;
}

/** Days from `from` up to, not including, `to` (negative when `to` is earlier). */
export function countDays(from: Ymd, to: Ymd): number {
  return daysFromMonthStart(1900, 1, to) - daysFromMonthStart(1900, 1, from);
}

export function ymd(iso: string): Ymd {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

export function iso(date: Ymd): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The date `days` after 1900-01-01 by walking the calendar (days >= 0). */
export function dateFromDayIndex(days: number): Ymd {
  let y = 1900;
  let left = days;
  while (left >= (isLeap(y) ? 366 : 365)) { left -= isLeap(y) ? 366 : 365; y += 1; }
  let m = 1;
  while (left >= monthDays(y, m)) { left -= monthDays(y, m); m += 1; }
  return { year: y, month: m, day: left + 1 };
}

/** Sum of discounted savings (pence) at rate num/den, year t divided by (1 + r)^t, rounded once. */
export function npvPence(savings: readonly number[], rateNum: bigint, rateDen: bigint): number {
  const n = savings.length - 1;
  const onePlus = rateDen + rateNum;
  // saving_t / (onePlus/den)^t = saving_t x den^t x onePlus^(n - t) / onePlus^n, over one denominator.
  let numerator = 0n;
  savings.forEach((saving, t) => {
    numerator += BigInt(saving) * rateDen ** BigInt(t) * onePlus ** BigInt(n - t);
  });
  return Number(divRound(numerator, onePlus ** BigInt(n)));
}
