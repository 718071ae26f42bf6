import { addMonths, calendarDate, compareDates, daysBetween, daysInMonth, isValidDate, isoDate, parseIsoDate } from '../../src/core/calendar-date';

const d = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};

describe('parseIsoDate / isoDate', () => {
  it('reads real calendar dates', () => {
    expect(parseIsoDate('2012-10-19')).toEqual({ year: 2012, month: 10, day: 19 });
    expect(parseIsoDate(' 2016-02-29 ')).toEqual({ year: 2016, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each(['2012-02-30', '2013-02-29', '1900-02-29', '2012-13-01', '2012-00-10', '2012-04-31', 'tomorrow', '19/10/2012', '2012-1-9', ''])('refuses %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it('writes dates as YYYY-MM-DD', () => {
    expect(isoDate({ year: 2014, month: 3, day: 7 })).toBe('2014-03-07');
  });

  it('knows month lengths, leap Februaries among them', () => {
    expect(daysInMonth(2012, 2)).toBe(29);
    expect(daysInMonth(2013, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2014, 4)).toBe(30);
    expect(daysInMonth(2014, 12)).toBe(31);
    expect(isValidDate(2013, 2, 29)).toBe(false);
    expect(() => calendarDate(2013, 2, 29)).toThrow(RangeError);
  });
});

describe('daysBetween / compareDates', () => {
  it('counts days up to, not including, the end date', () => {
    // April 30 + May 31 + June 30 + July 31 + August 31 + September 30 = 183, then 18 days of October
    expect(daysBetween(d('2014-04-01'), d('2014-10-19'))).toBe(201);
    expect(daysBetween(d('2014-04-01'), d('2014-04-01'))).toBe(0);
    expect(daysBetween(d('2014-04-02'), d('2014-04-01'))).toBe(-1);
    expect(daysBetween(d('2015-04-01'), d('2016-04-01'))).toBe(366);
    expect(daysBetween(d('2016-04-01'), d('2017-04-01'))).toBe(365);
  });

  it('orders dates', () => {
    expect(compareDates(d('2012-10-19'), d('2014-10-19'))).toBeLessThan(0);
    expect(compareDates(d('2014-10-19'), d('2012-10-19'))).toBeGreaterThan(0);
    expect(compareDates(d('2014-10-19'), d('2014-10-19'))).toBe(0);
  });
});

describe('addMonths: same calendar day, rolled back to the month end', () => {
  it.each<[string, number, string]>([
    ['2012-10-19', 24, '2014-10-19'],
    ['2012-08-31', 6, '2013-02-28'],
    ['2015-08-31', 6, '2016-02-29'],
    ['2013-01-31', 1, '2013-02-28'],
    ['2012-01-31', 1, '2012-02-29'],
    ['2012-03-31', 1, '2012-04-30'],
    ['2012-02-29', 12, '2013-02-28'],
    ['2012-02-29', 48, '2016-02-29'],
    ['2012-12-15', 1, '2013-01-15'],
    ['2012-11-30', 3, '2013-02-28'],
    ['2012-10-19', 0, '2012-10-19'],
    ['2013-05-31', -3, '2013-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(isoDate(addMonths(d(from), months))).toBe(expected);
  });
});
