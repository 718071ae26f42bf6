import { parseIsoDate } from '../../src/core/calendar-date';
import { daysInFy, financialYear } from '../../src/core/financial-year';
import { pence } from '../../src/core/money';
import { paidDays, proRata } from '../../src/core/pro-rata';
import { mulDivPence } from './by-hand';

const d = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};

describe('paidDays: from the FY start up to, not including, the end date', () => {
  const fy1415 = financialYear(2014);

  it('counts 201 days of 2014/15 for the seed (expiry 2014-10-19)', () => {
    // April 30 + May 31 + June 30 + July 31 + August 31 + September 30 = 183, + 18 days of October
    expect(paidDays(fy1415, d('2014-10-19'))).toBe(201);
  });

  it('is 0 when membership ends on or before the FY start, the whole FY when it ends after', () => {
    expect(paidDays(fy1415, d('2014-04-01'))).toBe(0);
    expect(paidDays(fy1415, d('2013-06-30'))).toBe(0);
    expect(paidDays(fy1415, d('2014-04-02'))).toBe(1);
    expect(paidDays(fy1415, d('2015-03-31'))).toBe(364);
    expect(paidDays(fy1415, d('2015-04-01'))).toBe(365);
    expect(paidDays(fy1415, d('2019-01-01'))).toBe(365);
  });

  it('counts February 29 in a leap FY', () => {
    // 2015/16: April 2015 to February 2016 = 30+31+30+31+31+30+31+30+31+31+29 = 335 days, + 14 of March
    expect(paidDays(financialYear(2015), d('2016-03-15'))).toBe(349);
    expect(daysInFy(financialYear(2015))).toBe(366);
    expect(paidDays(financialYear(2015), d('2017-01-01'))).toBe(366);
  });

  it('works with another FY start month', () => {
    // July 2015 start: July to February = 31+31+30+31+30+31+31+29 = 244, + 9 days of March 2016
    expect(paidDays(financialYear(2015, 7), d('2016-03-10'))).toBe(253);
    // January start: January to September 2014 = 31+28+31+30+31+30+31+31+30 = 273, + 18
    expect(paidDays(financialYear(2014, 1), d('2014-10-19'))).toBe(291);
  });
});

describe('proRata: annual x paidDays / daysInFY, rounded half away from zero', () => {
  it('gives the seed withdraw cost of 2014/15: 17,800 x 201/365 = 9,802.19', () => {
    expect(proRata(pence(1780000), 201, 365)).toBe(980219);
  });

  it('pro-rates over 366 days in a leap FY', () => {
    // 17,800.00 x 349 / 366 = 621,220,000 / 366 = 1,697,322.40... pence
    expect(proRata(pence(1780000), 349, 366)).toBe(1697322);
    expect(proRata(pence(1780000), 349, 366)).toBe(mulDivPence(1780000, 349n, 366n));
  });

  it('rounds halves away from zero, for credits too', () => {
    // 1 penny x 1/2 = 0.5 -> 1; 3 pence x 1/2 = 1.5 -> 2; -3 pence x 1/2 = -1.5 -> -2
    expect(proRata(pence(1), 1, 2)).toBe(1);
    expect(proRata(pence(3), 1, 2)).toBe(2);
    expect(proRata(pence(-3), 1, 2)).toBe(-2);
    expect(proRata(pence(-1780000), 201, 365)).toBe(-980219);
  });

  it('is the whole amount for a whole year and nothing for no days', () => {
    expect(proRata(pence(1780000), 365, 365)).toBe(1780000);
    expect(proRata(pence(1780000), 366, 366)).toBe(1780000);
    expect(proRata(pence(1780000), 0, 365)).toBe(0);
  });
});
