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

  it('reads full dates and times; refuses the partial dates Excel reads by locale', () => {
    expect(read('2024-04-01')).toEqual({ kind: 'number', value: dateSerial(2024, 4, 1), autoFormat: 'yyyy-mm-dd' });
    expect(dateSerial(2024, 4, 1)).toBe(45383);
    expect(interpretInput('4/1/2024', 'test', 'MDY')).toEqual({ kind: 'number', value: 45383, autoFormat: 'm/d/yyyy' });
    expect(read('9:30')).toEqual({ kind: 'number', value: 9.5 / 24, autoFormat: 'h:mm' });
    expect(read('31/02/2024')).toEqual({ kind: 'text', value: '31/02/2024', quotePrefix: false });
    for (const t of ['3/4', '4/2024', '2024/5', '1-Apr', 'Apr 2024', 'April-24', '10:30 AM']) expect(() => read(t)).toThrow(FakeStrictError);
  });
});

describe('parseNumber', () => {
  it('is null for what is not a number', () => {
    expect(['', ' ', '.', '-', '1,2345', '--1', '+-1', '1%%'].map(parseNumber)).toEqual(Array(8).fill(null));
  });
});
