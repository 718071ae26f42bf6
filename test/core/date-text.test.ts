// Dates as people write them, read in the document's language (docs/conventions.md, "Dates a person types"):
// every expected date is typed by hand.
import { DateReading, dateInText, dateOrderOf, readDateText } from '../../src/core/date-text';

const day = (year: number, month: number, d: number): DateReading => ({ kind: 'date', date: { year, month, day: d } });

describe('a date typed in en-GB (day first)', () => {
  it.each(['19/10/2012', '19 Oct 2012', '2012-10-19', ' 19 October 2012 ', '19th October 2012', '19-10-2012', '19.10.2012', '19/10/12', '19-Oct-12', 'October 19, 2012', '2012/10/19'])('reads %j as 19 October 2012', (text) => {
    expect(readDateText(text, 'day first')).toEqual(day(2012, 10, 19));
  });

  it('refuses an impossible date, saying why, and never caps or swaps it', () => {
    expect(readDateText('30/02/2015', 'day first')).toEqual({ kind: 'not a date', message: '"30/02/2015" is not a date: February has 28 days in 2015' });
    expect(readDateText('29/02/2016', 'day first')).toEqual(day(2016, 2, 29));
    expect(readDateText('19/13/2012', 'day first')).toEqual({ kind: 'not a date', message: '"19/13/2012" is not a date: there is no month 13 (the day comes first, as in 31/03/2015)' });
    expect(readDateText('03/31/2015', 'day first')).toEqual({ kind: 'not a date', message: '"03/31/2015" is not a date: there is no month 31 (the day comes first, as in 31/03/2015)' });
    expect(readDateText('31 April 2015', 'day first')).toEqual({ kind: 'not a date', message: '"31 April 2015" is not a date: April has 30 days' });
    expect(readDateText('next year', 'day first')).toEqual({ kind: 'not a date', message: '"next year" is not a date' });
    expect(readDateText('19 Foo 2012', 'day first').kind).toBe('not a date');
  });

  it('reads a month and year as a month', () => {
    for (const text of ['Mar-18', 'March 2018', '03/2018', 'Mar 2018', 'mar-2018']) expect(readDateText(text)).toEqual({ kind: 'month', year: 2018, month: 3 });
  });
});

describe('a date typed in en-US (month first)', () => {
  it('reads the month first; ISO and named months read the same', () => {
    expect(readDateText('10/19/2012', 'month first')).toEqual(day(2012, 10, 19));
    expect(readDateText('2012-10-19', 'month first')).toEqual(day(2012, 10, 19));
    expect(readDateText('19 Oct 2012', 'month first')).toEqual(day(2012, 10, 19));
    expect(readDateText('19/10/2012', 'month first')).toEqual({ kind: 'not a date', message: '"19/10/2012" is not a date: there is no month 19 (the month comes first, as in 03/31/2015)' });
  });
});

describe('the order of a language', () => {
  it('is month first in the United States\' English, day first in the UK\'s and elsewhere', () => {
    expect(['en-US', 'en', 'en-PH', 'es-PR'].map(dateOrderOf)).toEqual(['month first', 'month first', 'month first', 'month first']);
    expect(['en-GB', 'fr-FR', 'de-DE', 'en-AU', 'en-IE', 'es-US', 'cy-GB', undefined, ''].map(dateOrderOf)).toEqual(Array(9).fill('day first'));
  });

  it('agrees with how Intl writes a numeric date in each language that writes day and month apart from the year', () => {
    for (const language of ['en-US', 'en-GB', 'en', 'es-US', 'en-PH', 'en-PR', 'es-PR', 'en-IE', 'en-AU', 'fr-FR', 'de-DE', 'en-IN', 'en-GU', 'en-VI']) {
      const parts = new Intl.DateTimeFormat(language, { timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2012, 9, 19))).map((p) => p.type);
      expect([language, dateOrderOf(language)]).toEqual([language, parts.indexOf('month') < parts.indexOf('day') ? 'month first' : 'day first']);
    }
  });
});

describe('a date within a text', () => {
  it('is the first written like a date', () => {
    expect(dateInText(' 31/03/2015, renewal under review')).toEqual(day(2015, 3, 31));
    expect(dateInText(' on 31 March 2015')).toEqual(day(2015, 3, 31));
    expect(dateInText(' March 2015')).toEqual({ kind: 'month', year: 2015, month: 3 });
    expect(dateInText(' 30/02/2015')).toEqual({ kind: 'not a date', message: '"30/02/2015" is not a date: February has 28 days in 2015' });
    expect(dateInText(' when the review is done')).toBeUndefined();
  });
});
