import { isoDate, parseIsoDate } from '../../src/core/calendar-date';
import { noticeExpiry } from '../../src/core/notice';

const d = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};

describe('noticeExpiry (docs/conventions.md, "Notice")', () => {
  it.each<[string, number, string]>([
    // the seed: served 2012-10-19 with two years' notice
    ['2012-10-19', 24, '2014-10-19'],
    // a day the target month lacks rolls back to that month's last day
    ['2012-08-31', 6, '2013-02-28'],
    ['2015-08-31', 6, '2016-02-29'],
    ['2013-01-31', 1, '2013-02-28'],
    ['2016-02-29', 24, '2018-02-28'],
    ['2016-02-29', 48, '2020-02-29'],
    ['2013-10-31', 1, '2013-11-30'],
    ['2013-12-31', 2, '2014-02-28'],
    // no notice: it expires the day it is served
    ['2012-10-19', 0, '2012-10-19'],
  ])('served %s with %i months expires %s', (served, months, expires) => {
    expect(isoDate(noticeExpiry(d(served), months))).toBe(expires);
  });
});
