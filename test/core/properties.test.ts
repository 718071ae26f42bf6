// Property-based tests (fast-check): expectations come from exact integer arithmetic (BigInt) and
// a calendar walked month by month in ./by-hand, never from the code under test.
import fc from 'fast-check';
import { readAmount } from '../../src/core/amount';
import { analyse } from '../../src/core/analysis';
import { CalendarDate } from '../../src/core/calendar-date';
import { CellValue } from '../../src/core/cell';
import { daysInFy, financialYear } from '../../src/core/financial-year';
import { noticeExpiry } from '../../src/core/notice';
import { paidDays } from '../../src/core/pro-rata';
import { Ymd, countDays, dateFromDayIndex, iso, monthDays, mulDivPence } from './by-hand';
import { grid } from './grid';

const EPOCH: Ymd = { year: 1900, month: 1, day: 1 };
const dayIndex = (date: Ymd) => countDays(EPOCH, date);
const TODAY: CalendarDate = { year: 2024, month: 6, day: 1 };

const AVOIDABLE_LABELS = ['Core Team', 'Core budget share', 'MEMBERSHIP fee', 'Annual subscription', 'Partnership-contribution'];
const COMMITTED_LABELS = ['CRM', 'Epayments', 'Licence renewal', 'Hosting', 'Customer Insight'];

const rowArb = (minPence: number, maxPence: number) =>
  fc.record({
    avoidable: fc.boolean(),
    label: fc.integer({ min: 0, max: 4 }),
    pence: fc.integer({ min: minPence, max: maxPence }),
  });
type Row = { avoidable: boolean; label: number; pence: number };

const labelOf = (row: Row) => (row.avoidable ? AVOIDABLE_LABELS : COMMITTED_LABELS)[row.label];
const gridOf = (rows: readonly Row[], total?: CellValue) =>
  grid([['Item', 'Amount'], ...rows.map((row): CellValue[] => [labelOf(row), row.pence / 100]), ...(total === undefined ? [] : [['Total', total]])]);

/** 1,234,567 with commas, by hand. */
function grouped(digits: string): string {
  const parts: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) parts.unshift(digits.slice(Math.max(0, end - 3), end));
  return parts.join(',');
}

const textAmountArb = fc.record({
  whole: fc.bigInt({ min: 0n, max: 99_999_999_999n }),
  pennies: fc.integer({ min: 0, max: 99 }),
  negative: fc.boolean(),
  brackets: fc.boolean(),
  commas: fc.boolean(),
  pound: fc.constantFrom('', '£', '£ '),
  decimals: fc.constantFrom('always', 'short'),
  pad: fc.constantFrom('', ' ', '  ', '\u00a0'),
});
type TextAmount = { whole: bigint; pennies: number; negative: boolean; brackets: boolean; commas: boolean; pound: string; decimals: string; pad: string };

function textOf(a: TextAmount): string {
  const digits = a.commas ? grouped(a.whole.toString()) : a.whole.toString();
  const two = String(a.pennies).padStart(2, '0');
  const fraction = a.decimals === 'always' ? `.${two}` : a.pennies === 0 ? '' : a.pennies % 10 === 0 ? `.${a.pennies / 10}` : `.${two}`;
  const body = `${a.pound}${digits}${fraction}`;
  const signed = a.negative ? (a.brackets ? `(${body})` : `-${body}`) : body;
  return `${a.pad}${signed}${a.pad}`;
}
const penceOf = (a: TextAmount) => (a.whole * 100n + BigInt(a.pennies)) * (a.negative ? -1n : 1n);

/** A scenario: the cost rows and every assumption, drawn at random. */
const scenarioArb = (minPence: number, maxPence: number) =>
  fc.record({
    rows: fc.array(rowArb(minPence, maxPence), { minLength: 1, maxLength: 12 }),
    servedDay: fc.integer({ min: dayIndex({ year: 2000, month: 1, day: 1 }), max: dayIndex({ year: 2040, month: 12, day: 31 }) }),
    noticeMonths: fc.integer({ min: 0, max: 60 }),
    horizonYears: fc.integer({ min: 1, max: 10 }),
    fyStartMonth: fc.integer({ min: 1, max: 12 }),
    indexationPerMille: fc.integer({ min: -500, max: 1000 }),
    discountPerMille: fc.integer({ min: 0, max: 200 }),
    baseYearsBack: fc.integer({ min: 0, max: 4 }),
    sharing: fc.constantFrom('fixed-contribution', 'shared-pool'),
    inBaseYear: fc.integer({ min: 1, max: 12 }),
    leaverOffsets: fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 11 }),
  });
type Scenario = {
  rows: Row[]; servedDay: number; noticeMonths: number; horizonYears: number; fyStartMonth: number;
  indexationPerMille: number; discountPerMille: number; baseYearsBack: number; sharing: string;
  inBaseYear: number; leaverOffsets: number[];
};

function run(s: Scenario, discountPerMille = s.discountPerMille) {
  const served = dateFromDayIndex(s.servedDay);
  const baseStartYear = (served.month >= s.fyStartMonth ? served.year : served.year - 1) - s.baseYearsBack;
  const baseStart = dayIndex({ year: baseStartYear, month: s.fyStartMonth, day: 1 });
  const leavers = s.leaverOffsets.slice(0, s.inBaseYear - 1).map((offset, i) => ({ name: `P${i}`, leavesOn: iso(dateFromDayIndex(baseStart + offset)) }));
  return analyse({
    grid: gridOf(s.rows),
    today: TODAY,
    assumptions: {
      noticeServedOn: iso(served),
      noticeMonths: s.noticeMonths,
      horizonYears: s.horizonYears,
      fyStartMonth: s.fyStartMonth,
      indexation: s.indexationPerMille / 1000,
      discountRate: discountPerMille / 1000,
      baseYear: baseStartYear,
      sharing: s.sharing,
      partners: { inBaseYear: s.inBaseYear, leavers },
    },
  });
}

describe('properties of the analysis', () => {
  it('avoidable + committed = total, to the penny, against a BigInt sum', () => {
    fc.assert(
      fc.property(fc.array(rowArb(-100_000_000_000, 100_000_000_000), { minLength: 1, maxLength: 40 }), (rows) => {
        const total = rows.reduce((acc, row) => acc + BigInt(row.pence), 0n);
        const avoidable = rows.filter((row) => row.avoidable).reduce((acc, row) => acc + BigInt(row.pence), 0n);
        const result = analyse({ grid: gridOf(rows, Number(total) / 100), today: TODAY });
        expect(BigInt(result.annual.total)).toBe(total);
        expect(BigInt(result.computedTotal)).toBe(total);
        expect(BigInt(result.annual.avoidable)).toBe(avoidable);
        expect(BigInt(result.annual.committed)).toBe(total - avoidable);
        expect(BigInt(result.annual.avoidable) + BigInt(result.annual.committed)).toBe(total);
        expect(result.tieOut).toEqual({ status: 'ok' });
        expect(result.checks.every((check) => check.ok)).toBe(true);
        expect(result.rows.map((row) => row.class)).toEqual(rows.map((row) => (row.avoidable ? 'avoidable' : 'committed')));
      }),
      { numRuns: 200 },
    );
  });

  it('never saves a negative amount when every cost is non-negative: leaving never costs more', () => {
    fc.assert(
      fc.property(scenarioArb(0, 100_000_000), (s) => {
        const { savings } = run(s);
        let previous = 0;
        for (const year of savings.years) {
          expect(year.stay).toBeGreaterThanOrEqual(0);
          expect(year.withdraw).toBeGreaterThanOrEqual(0);
          expect(year.withdraw).toBeLessThanOrEqual(year.stay);
          expect(year.saving).toBe(year.stay - year.withdraw);
          expect(year.saving).toBeGreaterThanOrEqual(0);
          expect(year.presentValue).toBeGreaterThanOrEqual(0);
          expect(year.cumulativeSaving).toBeGreaterThanOrEqual(previous);
          previous = year.cumulativeSaving;
        }
        expect(savings.totalSaving).toBeGreaterThanOrEqual(0);
        expect(savings.npv).toBeGreaterThanOrEqual(0);
        expect(savings.npv).toBeLessThanOrEqual(savings.totalSaving);
      }),
      { numRuns: 150 },
    );
  });

  it('pro-rates the exit year by the days paid, counted by hand', () => {
    fc.assert(
      fc.property(scenarioArb(-100_000_000, 100_000_000), (s) => {
        const { savings } = run(s);
        const expiry = savings.noticeExpiresOn;
        for (const year of savings.years) {
          const start: Ymd = { year: year.fy.startYear, month: year.fy.startMonth, day: 1 };
          const next: Ymd = { year: year.fy.startYear + 1, month: year.fy.startMonth, day: 1 };
          const days = countDays(start, next);
          const paid = Math.min(Math.max(countDays(start, expiry), 0), days);
          expect([year.paidDays, year.daysInFy]).toEqual([paid, days]);
          // compared as integers: a negative stay cost pro-rated over 0 days comes back as -0
          expect(BigInt(year.withdraw)).toBe(BigInt(mulDivPence(year.stay, BigInt(paid), BigInt(days))));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('has an NPV equal to the total saving at a zero discount rate', () => {
    fc.assert(
      fc.property(scenarioArb(-100_000_000, 100_000_000), (s) => {
        const { savings } = run(s, 0);
        const sum = savings.years.reduce((acc, year) => acc + BigInt(year.saving), 0n);
        expect(savings.npv).toBe(savings.totalSaving);
        expect(BigInt(savings.totalSaving)).toBe(sum);
        for (const year of savings.years) expect(year.presentValue).toBe(year.saving);
      }),
      { numRuns: 100 },
    );
  });
});

describe('properties of amounts held as text', () => {
  it('reads every written form of an amount to the exact penny', () => {
    fc.assert(
      fc.property(textAmountArb, (a) => {
        const reading = readAmount(textOf(a));
        expect(reading.kind).toBe('amount');
        if (reading.kind === 'amount') {
          expect(BigInt(reading.amount)).toBe(penceOf(a));
          expect(reading.fromText).toBe(true);
          expect(reading.subPenny).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('sums a table of text amounts exactly, and ties out to a text total', () => {
    fc.assert(
      fc.property(fc.array(textAmountArb, { minLength: 1, maxLength: 30 }), (amounts) => {
        const total = amounts.reduce((acc, a) => acc + penceOf(a), 0n);
        const magnitude = total < 0n ? -total : total;
        const totalText = textOf({
          whole: magnitude / 100n, pennies: Number(magnitude % 100n), negative: total < 0n,
          brackets: true, commas: true, pound: '£', decimals: 'always', pad: '',
        });
        const result = analyse({
          grid: grid([['Item', '£'], ...amounts.map((a, i): CellValue[] => [`Charge ${i + 1}`, textOf(a)]), ['Total (Exc VAT)', totalText]]),
          today: TODAY,
        });
        expect(result.rows.map((row) => BigInt(row.amount))).toEqual(amounts.map(penceOf));
        expect(BigInt(result.computedTotal)).toBe(total);
        expect(result.tieOut).toEqual({ status: 'ok' });
        expect(result.warnings.find((w) => w.code === 'text-amount')?.count).toBe(amounts.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('properties of dates', () => {
  it('never lets a notice expire on a day that does not exist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayIndex({ year: 1900, month: 1, day: 1 }), max: dayIndex({ year: 2100, month: 12, day: 31 }) }),
        fc.integer({ min: 0, max: 1200 }),
        (servedDay, months) => {
          const served = dateFromDayIndex(servedDay);
          const expiry = noticeExpiry(served, months);
          const index = served.year * 12 + served.month - 1 + months;
          const year = Math.floor(index / 12);
          const month = (index % 12) + 1;
          expect(expiry).toEqual({ year, month, day: Math.min(served.day, monthDays(year, month)) });
          expect(expiry.day).toBeGreaterThanOrEqual(1);
          expect(expiry.day).toBeLessThanOrEqual(monthDays(expiry.year, expiry.month));
          expect(countDays(served, expiry)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps paid days between 0 and the days in the FY, which are 365 or 366', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2150 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -800, max: 800 }),
        (startYear, startMonth, offset) => {
          const fy = financialYear(startYear, startMonth);
          const start: Ymd = { year: startYear, month: startMonth, day: 1 };
          const days = countDays(start, { year: startYear + 1, month: startMonth, day: 1 });
          const end = dateFromDayIndex(dayIndex(start) + offset);
          const paid = paidDays(fy, end);
          expect([365, 366]).toContain(daysInFy(fy));
          expect(daysInFy(fy)).toBe(days);
          expect(paid).toBeGreaterThanOrEqual(0);
          expect(paid).toBeLessThanOrEqual(days);
          expect(paid).toBe(Math.min(Math.max(offset, 0), days));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
