// Assumptions at their edges: a financial year the product prints read back as it prints it, an
// exit cost in a year outside the horizon, and option names that look the same.
import { AssumptionContext, resolveAssumptions } from '../../src/core/assumptions';
import { inputProblems } from './grid';

const TODAY = { year: 2012, month: 10, day: 19 };
const context: AssumptionContext = { today: TODAY, yearsInLabels: new Map() };
const resolve = (input: unknown) => resolveAssumptions(input, context);
const problemsOf = (input: unknown) => inputProblems(() => resolve(input));

describe('a financial year the product prints is read back as it prints it', () => {
  // Notice served in 2098/99: the horizon runs 2098/99 to 2102/03, and the product labels those years 2098/99, 2099/00, 2100/01...
  const LATE = { noticeServedOn: '2098-10-19', noticeMonths: 24, horizonYears: 5, prices: 'nominal' };

  it('takes a GDP deflator by FY for 2099/00 to 2102/03', () => {
    const { values } = resolve({ ...LATE, gdpDeflator: { '2099/00': '2%', '2100/01': '2.5%', '2101/02': '3%', '2102/03': '3%' } });
    expect(values.gdpDeflator!.byFy.map((entry) => [entry.fy.startYear, entry.rate.toString()])).toEqual([[2099, '0.02'], [2100, '0.025'], [2101, '0.03'], [2102, '0.03']]);
  });

  it('takes an exit cost in 2100/01 and a base year of 2100/01', () => {
    const { values } = resolve({ ...LATE, gdpDeflator: '2%', baseYear: '2100/01', options: [{ name: 'Go', exitCosts: [{ label: 'Disaggregation', amount: 5000, fy: '2100/01' }] }] });
    expect(values.options[0].exitCosts[0].fy).toEqual({ startYear: 2100, startMonth: 4 });
    expect(values.baseYear).toEqual({ startYear: 2100, startMonth: 4 });
  });

  it('says in words why a year it reads is not one it takes', () => {
    expect(problemsOf({ ...LATE, gdpDeflator: { '2103/04': '2%', otherYears: '2%' } })).toEqual([
      { where: 'gdpDeflator.2103/04', message: '2103/04 is not a financial year of the horizon, 2098/99 to 2102/03' },
    ]);
    expect(problemsOf({ baseYear: '9999/00' })).toEqual([
      { where: 'baseYear', message: '9999/00 is outside the financial years from 1900/01 to 9998/99 that Excel\'s dates hold' },
    ]);
    // Still not a year: an end that does not follow its start.
    expect(problemsOf({ baseYear: '2100/02' })).toEqual([{ where: 'baseYear', message: '"2100/02" is not a financial year such as "2011/12"' }]);
  });
});

describe('an exit cost in a year outside the horizon', () => {
  const SEED = { noticeServedOn: '2012-10-19', noticeMonths: 24, horizonYears: 5 };
  const withExitIn = (fy: string) => ({ ...SEED, options: [{ name: 'Now' }, { name: 'Later', noticeServedOn: '2013-10-19', exitCosts: [{ label: 'Penalty', amount: 100 }, { label: 'Disaggregation', amount: 5000, fy }] }] });

  it('is refused, naming the assumption and the years the horizon covers: after it, 2030/31', () => {
    expect(problemsOf(withExitIn('2030/31'))).toEqual([
      { where: 'options[1].exitCosts[1].fy', message: '2030/31 is outside the horizon, 2012/13 to 2016/17, so the cost would count in no year; give a financial year within it, or more horizonYears' },
    ]);
  });

  it('is refused before year 0: 2009/10', () => {
    expect(problemsOf(withExitIn('2009/10'))).toEqual([
      { where: 'options[1].exitCosts[1].fy', message: '2009/10 is outside the horizon, 2012/13 to 2016/17, so the cost would count in no year; give a financial year within it' },
    ]);
  });

  it('names the place as given, after an entry that is refused for another reason', () => {
    const given = { ...SEED, options: [{ name: 'Now', exitCosts: ['lots', { label: 'Disaggregation', amount: 5000, fy: 2017 }] }] };
    expect(problemsOf(given).map((p) => p.where)).toEqual(['options[0].exitCosts[0]', 'options[0].exitCosts[1].fy']);
  });

  it('takes the first and the last year of the horizon', () => {
    for (const fy of ['2012/13', '2016/17']) expect(resolve(withExitIn(fy)).values.options[1].exitCosts[1].fy?.startYear).toBe(Number(fy.slice(0, 4)));
  });
});

describe('option names that look the same are one name', () => {
  const SEED = { noticeServedOn: '2012-10-19', noticeMonths: 24, horizonYears: 5 };
  const twoNamed = (first: string, second: string) => ({ ...SEED, options: [{ name: first }, { name: second, noticeServedOn: '2013-10-19' }] });
  const WORDS = '(names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name';

  it.each([
    ['a non-breaking space', 'Withdraw now', 'Withdraw\u00a0now', '"Withdraw\\u00a0now" is the name of option 1, "Withdraw now", too'],
    ['a zero-width space', 'Withdraw now', 'Withdraw now\u200b', '"Withdraw now\\u200b" is the name of option 1, "Withdraw now", too'],
    ['two spaces for one', 'Withdraw now', 'Withdraw  now', '"Withdraw  now" is the name of option 1, "Withdraw now", too'],
    ['case', 'Withdraw now', 'WITHDRAW NOW', '"WITHDRAW NOW" is the name of option 1, "Withdraw now", too'],
    // Composed (NFC) and decomposed (NFD): one letter é, or e and a combining acute accent.
    ['an accent encoded another way', 'Ymadael \u00e9', 'Ymadael e\u0301', '"Ymadael e\u0301" is the name of option 1, "Ymadael \u00e9", too'],
    ['a full-width letter (NFKC)', 'Option A', 'Option \uff21', '"Option \uff21" is the name of option 1, "Option A", too'],
  ])('refuses a second name differing by %s, naming both', (_, first, second, said) => {
    expect(problemsOf(twoNamed(first, second))).toEqual([{ where: 'options[1].name', message: `${said} ${WORDS}` }]);
  });

  it('refuses a name of invisible characters only as missing', () => {
    expect(problemsOf({ ...SEED, options: [{ name: '\u200b\u2060' }] })).toEqual([{ where: 'options[0].name', message: 'missing: name the option, such as "Withdraw now"' }]);
  });

  it('keeps names that differ in a letter or an accent', () => {
    expect(resolve(twoNamed('Ymadael e', 'Ymadael \u00e9')).values.options.map((o) => o.name)).toEqual(['Ymadael e', 'Ymadael \u00e9']);
  });
});
