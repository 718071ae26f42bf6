import { formatRate, parseRate } from '../../src/core/rate';

describe('rates', () => {
  it.each([
    [0.035, '3.5%'],
    ['3.5%', '3.5%'],
    [' 2.5 % ', '2.5%'],
    [-0.0025, '-0.25%'],
    [0, '0%'],
    [0.07, '7%'], // 0.07 * 100 is 7.000000000000001 in binary floating point
  ])('reads %j and writes it as %s', (given, written) => {
    const rate = parseRate(given);
    expect(rate && formatRate(rate)).toBe(written);
  });

  it('formats a plain number exactly too', () => {
    expect(formatRate(0.035)).toBe('3.5%');
  });

  it.each([['3.5'], ['three'], ['%'], [null], [Number.NaN], [{}]])('refuses %j', (given) => {
    expect(parseRate(given)).toBeUndefined();
  });
});
