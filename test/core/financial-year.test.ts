import { parseIsoDate } from '../../src/core/calendar-date';
import { addYears, daysInFy, financialYear, fyContaining, fyEnd, fyLabel, fyNamedIn, fyStart, parseFy } from '../../src/core/financial-year';
import { horizon } from '../../src/core/horizon';

const d = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};

describe('financial years: start, end, days', () => {
  it('runs 1 April to 31 March by default', () => {
    const fy = financialYear(2012);
    expect(fy).toEqual({ startYear: 2012, startMonth: 4 });
    expect(fyStart(fy)).toEqual({ year: 2012, month: 4, day: 1 });
    expect(fyEnd(fy)).toEqual({ year: 2013, month: 4, day: 1 });
  });

  it.each<[number, number, number]>([
    // April start: the FY holds February of the following calendar year
    [2014, 4, 365],
    [2015, 4, 366], // February 2016
    [2016, 4, 365],
    [2019, 4, 366], // February 2020
    [2099, 4, 365], // February 2100 is not leap
    [1999, 4, 366], // February 2000 is leap
    // January start: the calendar year
    [2016, 1, 366],
    [2015, 1, 365],
    [2100, 1, 365],
    // February start: holds February of its own start year
    [2016, 2, 366],
    [2015, 2, 365],
    // March start: February of the next year
    [2015, 3, 366],
    [2016, 3, 365],
    // July start
    [2015, 7, 366],
    [2016, 7, 365],
    [2019, 7, 366],
    // October start
    [2015, 10, 366],
    [2016, 10, 365],
    [2019, 10, 366],
    [2020, 10, 365],
  ])('FY starting %i-%i has %i days', (startYear, startMonth, days) => {
    expect(daysInFy(financialYear(startYear, startMonth))).toBe(days);
  });

  it('finds the FY containing a date', () => {
    expect(fyContaining(d('2012-10-19'))).toEqual({ startYear: 2012, startMonth: 4 });
    expect(fyContaining(d('2013-03-31'))).toEqual({ startYear: 2012, startMonth: 4 });
    expect(fyContaining(d('2013-04-01'))).toEqual({ startYear: 2013, startMonth: 4 });
    expect(fyContaining(d('2012-10-19'), 1)).toEqual({ startYear: 2012, startMonth: 1 });
    expect(fyContaining(d('2014-03-10'), 7)).toEqual({ startYear: 2013, startMonth: 7 });
    expect(fyContaining(d('2014-07-01'), 7)).toEqual({ startYear: 2014, startMonth: 7 });
    expect(fyContaining(d('2014-09-30'), 10)).toEqual({ startYear: 2013, startMonth: 10 });
  });

  it('adds years', () => {
    expect(addYears(financialYear(2012, 7), 3)).toEqual({ startYear: 2015, startMonth: 7 });
  });
});

describe('FY labels', () => {
  it.each<[number, number, string]>([
    [2012, 4, '2012/13'],
    [2011, 4, '2011/12'],
    [1999, 4, '1999/00'],
    [2009, 4, '2009/10'],
    [2016, 1, '2016'],
    [2015, 7, '2015/16'],
  ])('FY %i (start month %i) is %s', (startYear, startMonth, label) => {
    expect(fyLabel(financialYear(startYear, startMonth))).toBe(label);
  });

  it('parses FYs as given in assumptions', () => {
    expect(parseFy('2011/12')).toEqual({ startYear: 2011, startMonth: 4 });
    expect(parseFy('2011-12')).toEqual({ startYear: 2011, startMonth: 4 });
    expect(parseFy('2011/2012')).toEqual({ startYear: 2011, startMonth: 4 });
    expect(parseFy(' 1999/00 ')).toEqual({ startYear: 1999, startMonth: 4 });
    expect(parseFy('2016', 1)).toEqual({ startYear: 2016, startMonth: 1 });
    expect(parseFy(2011)).toEqual({ startYear: 2011, startMonth: 4 });
    expect(parseFy('2011/13')).toBeUndefined();
    expect(parseFy('FY 2011/12')).toBeUndefined();
    expect(parseFy(2011.5)).toBeUndefined();
    expect(parseFy('soon')).toBeUndefined();
  });

  it('finds a FY named inside a label', () => {
    expect(fyNamedIn('Staffordshire Connects 2011/12 Core Team')).toBe(2011);
    expect(fyNamedIn('payments for 2011-12')).toBe(2011);
    expect(fyNamedIn('1999/00 licence')).toBe(1999);
    expect(fyNamedIn('CRM')).toBeUndefined();
    expect(fyNamedIn('invoice 2011/13')).toBeUndefined();
    expect(fyNamedIn('order 12011/12')).toBeUndefined();
  });
});

describe('horizon: horizonYears FYs from the one notice is served in', () => {
  it('starts with the FY containing the notice date (April start)', () => {
    expect(horizon(d('2012-10-19'), 5, 4).map(fyLabel)).toEqual(['2012/13', '2013/14', '2014/15', '2015/16', '2016/17']);
    expect(horizon(d('2013-02-01'), 2, 4).map(fyLabel)).toEqual(['2012/13', '2013/14']);
  });

  it('follows another start month', () => {
    expect(horizon(d('2012-10-19'), 3, 1).map(fyLabel)).toEqual(['2012', '2013', '2014']);
    expect(horizon(d('2014-03-10'), 3, 7)).toEqual([
      { startYear: 2013, startMonth: 7 },
      { startYear: 2014, startMonth: 7 },
      { startYear: 2015, startMonth: 7 },
    ]);
  });
});
