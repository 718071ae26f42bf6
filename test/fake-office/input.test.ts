// What Excel makes of a value typed (or written through range.values) into a cell.
import { FakeStrictError } from './errors';
import { dateSerial, interpretInput, parseNumber } from './input';

const read = (raw: unknown): unknown => interpretInput(raw, 'test', 'DMY');

describe('interpretInput', () => {
  it('keeps text behind an apostrophe, without it', () => {
    expect(read("'=HYPERLINK(\"x\")")).toEqual({ kind: 'text', value: '=HYPERLINK("x")', quotePrefix: true });
    expect(read("'0042")).toEqual({ kind: 'text', value: '0042', quotePrefix: true });
    expect(read("'")).toEqual({ kind: 'text', value: '', quotePrefix: true });
  });

  it('makes formulas of "=…" and of "+…", "-…", "@…"', () => {
    expect(read('=SUM(A1)')).toEqual({ kind: 'formula', formula: '=SUM(A1)' });
    expect(read('+SUM(1,2)')).toEqual({ kind: 'formula', formula: '=+SUM(1,2)' });
    expect(read('-2+3')).toEqual({ kind: 'formula', formula: '=-2+3' });
    expect(read('@cmd')).toEqual({ kind: 'formula', formula: '=@cmd' });
    expect(read('-')).toEqual({ kind: 'text', value: '-', quotePrefix: false });
    expect(read('@')).toEqual({ kind: 'text', value: '@', quotePrefix: false });
  });

  it('reads numbers, percentages, booleans and errors', () => {
    expect(read('17800')).toEqual({ kind: 'number', value: 17800 });
    expect(read('-17800')).toEqual({ kind: 'number', value: -17800 });
    expect(read('1,234.5')).toEqual({ kind: 'number', value: 1234.5, autoFormat: '#,##0.00' });
    expect(read('12%')).toEqual({ kind: 'number', value: 0.12, autoFormat: '0%' });
    expect(read('£1,200')).toEqual({ kind: 'number', value: 1200 });
    expect(read('.5')).toEqual({ kind: 'number', value: 0.5 });
    expect(read('TRUE')).toEqual({ kind: 'boolean', value: true });
    expect(read('false')).toEqual({ kind: 'boolean', value: false });
    expect(read('#div/0!')).toEqual({ kind: 'error', value: '#DIV/0!' });
    expect(read(3.5)).toEqual({ kind: 'number', value: 3.5 });
    expect(read(false)).toEqual({ kind: 'boolean', value: false });
  });

  it('leaves text that is not a number as text', () => {
    for (const t of ['1,23', '1.2.3', '12 months', 'FY 2024/25', 'N/A', '1e', '(12', '$', '£ 5x', 'TRUE!']) {
      expect(read(t)).toEqual({ kind: 'text', value: t, quotePrefix: false });
    }
  });

  it('null leaves a cell unchanged, "" clears it; anything else is refused', () => {
    expect(read(null)).toEqual({ kind: 'unchanged' });
    expect(read('')).toEqual({ kind: 'clear' });
    for (const bad of [undefined, {}, [1], Infinity, new Date(0)]) expect(() => read(bad)).toThrow(/InvalidArgument|argument is invalid/);
  });

  it('reads full dates and times; leaves an impossible date as text', () => {
    expect(read('2024-04-01')).toEqual({ kind: 'number', value: dateSerial(2024, 4, 1), autoFormat: 'yyyy-mm-dd' });
    expect(dateSerial(2024, 4, 1)).toBe(45383);
    expect(interpretInput('4/1/2024', 'test', 'MDY')).toEqual({ kind: 'number', value: 45383, autoFormat: 'm/d/yyyy' });
    expect(read('9:30')).toEqual({ kind: 'number', value: 9.5 / 24, autoFormat: 'h:mm' });
    expect(read('31/02/2024')).toEqual({ kind: 'text', value: '31/02/2024', quotePrefix: false });
  });
});

/** Days from 1899-12-30, worked out here from the calendar (Excel's serials from 1900-03-01 on). */
const serial = (iso: string) => (Date.parse(iso) - Date.parse('1899-12-30')) / 86_400_000;
/** As Excel in 2024 reads a value typed into a cell, day first (en-GB) unless told. */
const typed = (raw: string, order: 'DMY' | 'MDY' = 'DMY') => {
  const input = interpretInput(raw, 'test', order, 2024);
  return input.kind === 'number' ? input.value : input;
};

describe("typed input that Excel turns into numbers, errors and dates (Microsoft's documentation)", () => {
  it('reads scientific notation', () => {
    expect(typed('1E3')).toBe(1000);
    expect(typed('1.5e-2')).toBe(0.015);
    expect(typed('2.5E+6')).toBe(2_500_000);
    expect(read('1E3')).toEqual({ kind: 'number', value: 1000, autoFormat: '0.00E+00' });
  });

  it.each(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'])('reads %s as an error', (literal) => {
    expect(read(literal)).toEqual({ kind: 'error', value: literal });
    expect(read(literal.toLowerCase())).toEqual({ kind: 'error', value: literal });
  });

  it('reads times, on the 24-hour clock and with AM or PM', () => {
    expect(typed('9:30')).toBeCloseTo(9.5 / 24, 12);
    expect(typed('9:30:15')).toBeCloseTo((9 * 3600 + 30 * 60 + 15) / 86_400, 12);
    expect(typed('17:05')).toBeCloseTo((17 + 5 / 60) / 24, 12);
    expect(typed('12:00 PM')).toBe(0.5);
    expect(typed('12:00 AM')).toBe(0);
    expect(typed('9:00 p')).toBeCloseTo(21 / 24, 12);
    expect(typed('9:30 pm')).toBeCloseTo(21.5 / 24, 12);
    expect(typed('9 AM')).toBeCloseTo(9 / 24, 12);
    expect(read('12:00 PM')).toEqual({ kind: 'number', value: 0.5, autoFormat: 'h:mm AM/PM' });
  });

  it('reads dates with month names, with this year where none is typed', () => {
    expect(typed('3 January 2024')).toBe(serial('2024-01-03'));
    expect(typed('3-Jan-24')).toBe(serial('2024-01-03'));
    expect(typed('Jan 3, 2024')).toBe(serial('2024-01-03'));
    expect(typed('3 Jan')).toBe(serial('2024-01-03'));
    expect(typed('Apr 2024')).toBe(serial('2024-04-01'));
    expect(typed('April 2024')).toBe(serial('2024-04-01'));
    // a month and one or two digits: a day of this year if it can be one, else a year (Microsoft KB 214327)
    expect(typed('Jan-24')).toBe(serial('2024-01-24'));
    expect(typed('Dec 31')).toBe(serial('2024-12-31'));
    expect(typed('Dec 32')).toBe(serial('1932-12-01'));
    expect(typed('December 99')).toBe(serial('1999-12-01'));
    expect(typed('Feb 30')).toBe(serial('1930-02-01'));
  });

  it('reads two-digit years by the 2029 rule, and dates of two parts by the locale', () => {
    expect(typed('1/4/29')).toBe(serial('2029-04-01'));
    expect(typed('1/4/30')).toBe(serial('1930-04-01'));
    expect(typed('3/4')).toBe(serial('2024-04-03'));
    expect(typed('3/4', 'MDY')).toBe(serial('2024-03-04'));
    expect(typed('5-10')).toBe(serial('2024-10-05'));
    expect(typed('4/2024')).toBe(serial('2024-04-01'));
    expect(typed('2024/5')).toBe(serial('2024-05-01'));
    expect(typed('3/45')).toBe(serial('1945-03-01'));
    expect(typed('13/45')).toEqual({ kind: 'text', value: '13/45', quotePrefix: false });
  });

  it('reads a date followed by a time, and counts 1900 as Excel does', () => {
    expect(typed('1/4/2024 9:30')).toBeCloseTo(serial('2024-04-01') + 9.5 / 24, 9);
    expect(typed('3 Jan 2024 12:00 PM')).toBe(serial('2024-01-03') + 0.5);
    expect(typed('1/1/1900')).toBe(1);
    expect(typed('1/3/1900')).toBe(61);
  });
});

describe('typed input that Excel turns into numbers (our assumptions) and what the fake refuses', () => {
  it('reads fractions after a whole number', () => {
    expect(read('1 1/2')).toEqual({ kind: 'number', value: 1.5, autoFormat: '# ?/?' });
    expect(typed('0 3/16')).toBe(3 / 16);
    expect(typed('-2 1/4')).toBe(-2.25);
  });

  it('refuses what is shaped like a date or time but not modelled', () => {
    for (const t of ['24:00', '9:5', '9:30.5', '13:00 PM', '31 Feb 2024', '2024 Jan', '100/5', '1 3/2', 'Item 4 9:30']) {
      expect(() => read(t)).toThrow(FakeStrictError);
    }
  });

  it('leaves text with month names or times among other words as text', () => {
    for (const t of ['January', 'Mayor', '12 months', 'March on', 'Meeting at 9:30', 'Dec-Jan', 'PM']) {
      expect(read(t)).toEqual({ kind: 'text', value: t, quotePrefix: false });
    }
  });
});

describe('parseNumber', () => {
  it('is null for what is not a number', () => {
    expect(['', ' ', '.', '-', '1,2345', '--1', '+-1', '1%%'].map(parseNumber)).toEqual(Array(8).fill(null));
  });
});
