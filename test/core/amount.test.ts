import { isAmountLike, parseAmountText, readAmount } from '../../src/core/amount';
import { CellValue } from '../../src/core/cell';

function amountOf(value: CellValue): { pence: number; fromText: boolean; subPenny: boolean } {
  const reading = readAmount(value);
  if (reading.kind !== 'amount') throw new Error(`expected an amount from ${JSON.stringify(value)}, got ${reading.kind}`);
  return { pence: reading.amount, fromText: reading.fromText, subPenny: reading.subPenny };
}

function badMessage(value: CellValue): string {
  const reading = readAmount(value);
  if (reading.kind !== 'bad') throw new Error(`expected a bad amount from ${JSON.stringify(value)}, got ${reading.kind}`);
  return reading.message;
}

describe('readAmount: text amounts', () => {
  it.each<[string, number]>([
    ['£46,648.63', 4664863],
    ['46,648.63', 4664863],
    [' £ 2,400 ', 240000],
    ['(1,000.00)', -100000],
    ['-1,000.00', -100000],
    ['17800', 1780000],
    ['17,800.00', 1780000],
    ['£845', 84500],
    ['0.5', 50],
    ['.75', 75],
    ['-£5.10', -510],
    ['£-5.10', -510],
    ['(£ 1,234,567.89)', -123456789],
    ['\u00a0£1,000\u00a0', 100000],
    // A pound sign before the bracket, as accounts print a negative amount.
    ['£ (1,234)', -123400],
    ['£(1,234.50)', -123450],
    ['(£1,234)', -123400],
    ['-£1,234', -123400],
  ])('reads %j as %i pence, marked as text', (text, pence) => {
    expect(amountOf(text)).toEqual({ pence, fromText: true, subPenny: false });
  });

  it('rounds fractions of a penny half away from zero and says so', () => {
    expect(amountOf('1.005')).toEqual({ pence: 101, fromText: true, subPenny: true });
    expect(amountOf('-1.005')).toEqual({ pence: -101, fromText: true, subPenny: true });
    expect(amountOf('1.004')).toEqual({ pence: 100, fromText: true, subPenny: true });
    // trailing zeros are not fractions of a penny
    expect(amountOf('1.0500')).toEqual({ pence: 105, fromText: true, subPenny: false });
  });

  it('treats blank text and null as empty', () => {
    expect(readAmount(null)).toEqual({ kind: 'empty' });
    expect(readAmount('   ')).toEqual({ kind: 'empty' });
  });
});

describe('readAmount: what is no amount', () => {
  it.each(['££1,234', '£ (1,234', '£ -(1,234)', '(£ (1,234))', '£', '0x1F'])('refuses %j', (text) => {
    expect(badMessage(text)).toBe(`amount ${JSON.stringify(text)} is not a number`);
    expect(isAmountLike(text)).toBe(false);
  });
});

describe('readAmount: numbers', () => {
  it.each<[number, number]>([
    [17800, 1780000],
    [46648.63, 4664863],
    [124535.22, 12453522],
    [-1000, -100000],
    [0.1, 10],
    [0, 0],
  ])('reads %d as %i pence, not from text', (value, pence) => {
    expect(amountOf(value)).toEqual({ pence, fromText: false, subPenny: false });
  });

  it('rounds a number with fractions of a penny, half away from zero', () => {
    expect(amountOf(2.675)).toEqual({ pence: 268, fromText: false, subPenny: true });
    expect(amountOf(-2.675)).toEqual({ pence: -268, fromText: false, subPenny: true });
    expect(amountOf(0.001)).toEqual({ pence: 0, fromText: false, subPenny: true });
  });

  it('refuses infinities and NaN', () => {
    expect(badMessage(Number.POSITIVE_INFINITY)).toBe('amount Infinity is not a number');
    expect(badMessage(Number.NaN)).toBe('amount NaN is not a number');
  });
});

describe('readAmount: bad input', () => {
  it.each(['tbc', '1,00', '(100', '100)', '--5', '-(5)', '£', '12abc', '1.2.3', '1 000', '£ £5', 'N/A'])('refuses the text %j, quoting it', (text) => {
    expect(badMessage(text)).toBe(`amount ${JSON.stringify(text)} is not a number`);
    expect(parseAmountText(text)).toBeUndefined();
  });

  it('refuses error values, naming the error', () => {
    expect(badMessage({ error: '#VALUE!' })).toBe('amount is the error value #VALUE!');
    expect(badMessage({ error: '#N/A' })).toBe('amount is the error value #N/A');
  });

  it('refuses booleans', () => {
    expect(badMessage(true)).toBe('amount is TRUE, not a number');
    expect(badMessage(false)).toBe('amount is FALSE, not a number');
  });

  it('refuses dates, naming the date', () => {
    expect(badMessage({ date: '2012-04-01' })).toBe('amount is a date (2012-04-01), not a number');
  });

  it('refuses uncalculated formulas and says how to fix them', () => {
    const message = badMessage({ formula: 'SUM(B1:B2)' });
    expect(message).toMatch(/^amount is a formula \(=SUM\(B1:B2\)\) that was never calculated/);
    expect(message).toMatch(/recalculate/);
  });
});

describe('isAmountLike', () => {
  it('accepts finite numbers and amount text', () => {
    expect(isAmountLike(5)).toBe(true);
    expect(isAmountLike('£46,648.63')).toBe(true);
    expect(isAmountLike('(1,000.00)')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const value of [null, '', '  ', '£', 'CRM', 'tbc', Number.NaN, Number.POSITIVE_INFINITY, true, { error: '#REF!' }, { date: '2012-04-01' }, { formula: 'A1' }] as CellValue[]) {
      expect(isAmountLike(value)).toBe(false);
    }
  });
});
