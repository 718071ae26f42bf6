// The pane's words: rate fields in percent, messages naming fields by their labels, and dates and
// money in Office's language (en-GB by default). Pure functions, no DOM.
import { atAssumption, atCell } from '../../src/core/problems';
import { emptyForm, fieldOf, inFormWords, percentProblem, percentQuestion } from '../../src/faces/taskpane/form';
import { wordsFor } from '../../src/faces/taskpane/format';
import { axisTicks } from '../../src/faces/taskpane/chart';
import { pence } from '../../src/core/money';

describe('rate fields in percent', () => {
  it('accepts percent within the range, with or without the % sign', () => {
    for (const text of ['3.5', '3.5%', '0', '99.99', ' 12 ']) expect(percentProblem('discountRate', text)).toBeUndefined();
    for (const text of ['-50', '100', '2.5']) expect(percentProblem('indexation', text)).toBeUndefined();
  });

  it('refuses in percent words, never advising a fraction', () => {
    expect(percentProblem('discountRate', '100')).toBe('Give a number of percent a year from 0 up to (not including) 100, such as 3.5 for 3.5%.');
    expect(percentProblem('discountRate', 'abc')).toBe(percentProblem('discountRate', '-1'));
    expect(percentProblem('indexation', '100.5')).toBe('Give a number of percent a year from -50 to 100, such as 2.5 for 2.5%.');
  });

  it('asks "did you mean" for a rate below 0.5% but not zero, exactly', () => {
    expect(percentQuestion('discountRate', '0.035')).toBe('0.035% a year is very low: did you mean 3.5%? This field is in percent.');
    expect(percentQuestion('indexation', '-0.02')).toContain('did you mean -2%?');
    expect(percentQuestion('discountRate', '0.07')).toContain('did you mean 7%?');
    for (const text of ['0', '0.5', '3.5', 'abc', '']) expect(percentQuestion('discountRate', text)).toBeUndefined();
  });
});

describe('messages in the form\'s words', () => {
  it('names each assumption by its field\'s label', () => {
    expect(inFormWords('give a shorter notice or an earlier noticeServedOn')).toBe('give a shorter notice or an earlier "Notice served on"');
    expect(inFormWords('check partners.inBaseYear and baseYear')).toBe('check "Members paying in the base year" and "Base year"');
    expect(inFormWords('the base year 2011/12')).toBe('the base year 2011/12');
  });

  it('routes a problem to its field, and a cell to the table', () => {
    expect(fieldOf(atAssumption('partners', 'leavers', 1, 'leavesOn'))).toBe('leavers.1.leavesOn');
    expect(fieldOf(atAssumption('partners', 'leavers', 1))).toBe('leavers');
    expect(fieldOf(atAssumption('partners', 'inBaseYear'))).toBe('inBaseYear');
    expect(fieldOf(atAssumption('overrides', { label: 'CRM' }))).toBe('overrides');
    expect(fieldOf(atAssumption('discountRate'))).toBe('discountRate');
    expect(fieldOf(atAssumption('discountRatio'))).toBe('form');
    expect(fieldOf(atCell('Costs!B5'))).toBe('form');
  });
});

describe('dates, times and money in Office\'s language', () => {
  it('writes a UK date in full and money to the penny in en-GB by default', () => {
    const words = wordsFor(undefined);
    expect(words.language).toBe('en-GB');
    expect(words.date({ year: 2014, month: 10, day: 19 })).toBe('19 October 2014');
    expect(words.money(pence(8_123_401))).toBe('£81,234.01');
    expect(words.money(pence(-100_000))).toBe('-£1,000.00');
    expect(words.money(pence(99_999_999_999_999))).toBe('£999,999,999,999.99');
    expect(words.timeOf('2026-12-01T10:42:05+00:00')).toBe('10:42');
  });

  it('follows another language, and falls back to en-GB for one that is not a language', () => {
    expect(wordsFor('de-DE').date({ year: 2014, month: 10, day: 19 })).toBe('19. Oktober 2014');
    expect(wordsFor('de-DE').money(pence(8_123_401)).replace(/\s/g, ' ')).toBe('81.234,01 £');
    expect(wordsFor('not a language!').language).toBe('en-GB');
  });
});

describe('the chart\'s axis', () => {
  it('steps by 1, 2 or 5 times a power of ten from zero past the largest value', () => {
    expect(axisTicks(0, 17_800)).toEqual([0, 10_000, 20_000]);
    expect(axisTicks(0, 46_648.63)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(axisTicks(-500, 1_000)).toEqual([-500, 0, 500, 1_000]);
    expect(axisTicks(0, 0)).toEqual([0, 1]);
  });
});

describe('the form\'s defaults', () => {
  it('are the assumption table\'s', () => {
    expect(emptyForm({ year: 2012, month: 10, day: 19 })).toEqual({
      noticeServedOn: '2012-10-19', noticeMonths: '24', horizonYears: '5', fyStartMonth: '4', discountRate: '3.5', indexation: '0',
      sharing: 'fixed-contribution', inBaseYear: '', baseYear: '', leavers: [], prices: 'real', gdpDeflator: '', deflatorYears: [],
      options: [{ name: 'Withdraw', noticeServedOn: '', noticeMonths: '', optimismBias: '', exitCosts: [], replacementCosts: [] }],
    });
  });
});
