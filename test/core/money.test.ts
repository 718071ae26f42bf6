import { Exact, add, formatMoney, fromDigits, fromPounds, pence, roundToPence, scale, subtract, toPounds } from '../../src/core/money';
import { readAmount } from '../../src/core/amount';

describe('money in whole pence', () => {
  it('adds and subtracts exactly', () => {
    expect(add(pence(1780000), pence(4664863))).toBe(6444863);
    expect(subtract(pence(1780000), pence(980219))).toBe(799781);
  });

  it('refuses fractions of a penny and amounts beyond exact integers', () => {
    expect(() => pence(1.5)).toThrow(RangeError);
    expect(() => pence(2 ** 53)).toThrow(RangeError);
    expect(() => add(pence(2 ** 52), pence(2 ** 52))).toThrow(RangeError);
  });

  it('rounds to pence half away from zero', () => {
    expect(roundToPence(new Exact('2.5'))).toBe(3);
    expect(roundToPence(new Exact('-2.5'))).toBe(-3);
    expect(roundToPence(new Exact('2.4999'))).toBe(2);
    expect(scale(pence(3), new Exact('0.5'))).toBe(2);
  });

  it('reads pounds and digits', () => {
    expect(fromPounds(46648.63)).toEqual({ amount: 4664863, subPenny: false });
    expect(fromPounds(0.125)).toEqual({ amount: 13, subPenny: true });
    expect(fromDigits('46648', '63', false)).toEqual({ amount: 4664863, subPenny: false });
    expect(fromDigits('1000', '', true)).toEqual({ amount: -100000, subPenny: false });
    expect(fromDigits('', '5', false)).toEqual({ amount: 50, subPenny: false });
    expect(fromDigits('12345678901234', '99', false)).toEqual({ amount: 1234567890123499, subPenny: false });
  });

  it('formats pounds with grouping', () => {
    expect(formatMoney(pence(12453522))).toBe('£124,535.22');
    expect(formatMoney(pence(-100000))).toBe('-£1,000.00');
    expect(formatMoney(pence(5), false)).toBe('0.05');
    expect(toPounds(pence(4664863))).toBe(46648.63);
  });
});

it('never gives negative zero, which would print as -£0.00', () => {
  expect(pence(-0)).toBe(0); // toBe tells -0 from 0
  const reading = readAmount('(0.00)');
  expect(reading.kind === 'amount' ? reading.amount : undefined).toBe(0);
});
