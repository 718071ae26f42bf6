// The table of assumptions: complete, with the defaults of docs/conventions.md, "Assumptions and their defaults", and the words each is refused and said in.
import { ASSUMPTION_NAMES, ASSUMPTION_TABLE, said } from '../../src/core/assumption-table';
import { resolveAssumptions } from '../../src/core/assumptions';
import { Exact } from '../../src/core/money';
import { inputProblems } from './grid';

const context = { today: { year: 2012, month: 10, day: 19 }, yearsInLabels: new Map<number, string>() };

describe('the assumption table', () => {
  it('has a row for every assumption the file takes, in the order the help lists them', () => {
    expect(ASSUMPTION_NAMES).toEqual(['baseYear', 'noticeServedOn', 'noticeMonths', 'fyStartMonth', 'horizonYears', 'indexation', 'discountRate', 'prices', 'gdpDeflator', 'partners', 'sharing', 'overrides', 'contractEnds', 'optimismBias', 'options']);
    expect(Object.keys(resolveAssumptions(undefined, context).values).sort()).toEqual([...ASSUMPTION_NAMES].sort());
  });

  it('holds the defaults of docs/conventions.md, "Assumptions and their defaults", and the Green Book as the discount rate\'s authority', () => {
    const t = ASSUMPTION_TABLE;
    expect([t.noticeMonths.fallback, t.fyStartMonth.fallback, t.horizonYears.fallback, t.sharing.fallback]).toEqual([24, 4, 5, 'fixed-contribution']);
    expect([t.indexation.fallback?.toString(), t.discountRate.fallback?.toString()]).toEqual(['0', '0.035']);
    expect(t.discountRate.authority).toMatch(/Green Book.*2022/);
  });

  it('is what validation refuses by: a bad value is "not" the row\'s words', () => {
    for (const [name, value] of [['noticeMonths', -1], ['horizonYears', 0], ['fyStartMonth', 13], ['discountRate', 2], ['indexation', 5], ['sharing', 'pool'], ['baseYear', 'next year']] as const) {
      expect(inputProblems(() => resolveAssumptions({ [name]: value }, context))).toEqual([{ where: name, message: `${JSON.stringify(value)} is not ${ASSUMPTION_TABLE[name].expected}` }]);
    }
  });

  it('says a value in words', () => {
    expect(said('fyStartMonth', 4)).toBe('April (month 4)');
    expect(said('noticeMonths', 24)).toBe('24 months');
    expect(said('discountRate', new Exact('0.035'))).toBe('3.5% a year');
    expect(said('baseYear', { startYear: 2011, startMonth: 4 })).toBe('2011/12');
  });

});
