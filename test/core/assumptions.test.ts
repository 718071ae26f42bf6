import { AssumptionContext, resolveAssumptions } from '../../src/core/assumptions';
import { inputProblems } from './grid';

const TODAY = { year: 2013, month: 2, day: 14 };
const context: AssumptionContext = { today: TODAY, yearsInLabels: new Map() };
const resolve = (input: unknown, ctx: AssumptionContext = context) => resolveAssumptions(input, ctx);
const problemsOf = (input: unknown, ctx: AssumptionContext = context) => inputProblems(() => resolve(input, ctx));

describe('resolveAssumptions: defaults', () => {
  it('fills every assumption with its default (docs/conventions.md, "Assumptions and their defaults") and records the source', () => {
    const { values, sources } = resolve(undefined);
    expect(values.fyStartMonth).toBe(4);
    expect(values.noticeMonths).toBe(24);
    expect(values.horizonYears).toBe(5);
    expect(values.indexation.toString()).toBe('0');
    expect(values.discountRate.toString()).toBe('0.035');
    expect(values.sharing).toBe('fixed-contribution');
    expect(values.noticeServedOn).toEqual(TODAY);
    // no base year given or named: the FY the notice is served in (2012/13 for 14 February 2013)
    expect(values.baseYear).toEqual({ startYear: 2012, startMonth: 4 });
    expect(values.partners).toEqual({ leavers: [] });
    expect(values.overrides.size).toBe(0);
    // one way of withdrawing, as the other assumptions say, with no costs of leaving
    expect(values.optimismBias.toString()).toBe('0');
    expect(values.options).toEqual([{ name: 'Withdraw', noticeServedOn: TODAY, noticeMonths: 24, exitCosts: [], replacementCosts: [], optimismBias: values.optimismBias }]);
    expect(sources).toEqual({
      baseYear: 'default',
      noticeServedOn: 'today',
      noticeMonths: 'default',
      fyStartMonth: 'default',
      horizonYears: 'default',
      indexation: 'default',
      discountRate: 'default',
      prices: 'default',
      gdpDeflator: 'default',
      partners: 'default',
      sharing: 'default',
      overrides: 'default',
      contractEnds: 'default',
      optimismBias: 'default',
      options: 'default',
    });
  });

  it('treats {} and nulls as all defaults', () => {
    expect(resolve({}).values.noticeMonths).toBe(24);
    const { values, sources } = resolve({ noticeMonths: null, discountRate: null });
    expect(values.noticeMonths).toBe(24);
    expect(values.discountRate.toString()).toBe('0.035');
    expect(sources.noticeMonths).toBe('default');
  });

  it('takes given values and marks them given', () => {
    const { values, sources } = resolve({
      noticeServedOn: '2012-10-19',
      noticeMonths: 6,
      fyStartMonth: 7,
      horizonYears: 10,
      indexation: 0.025,
      discountRate: 0.05,
      baseYear: '2011/12',
      sharing: 'shared-pool',
      partners: { inBaseYear: 10, leavers: [{ name: 'Tamworth', leavesOn: '2013-03-31' }] },
    });
    expect(values.noticeServedOn).toEqual({ year: 2012, month: 10, day: 19 });
    expect(values.noticeMonths).toBe(6);
    expect(values.fyStartMonth).toBe(7);
    expect(values.horizonYears).toBe(10);
    expect(values.indexation.toString()).toBe('0.025');
    expect(values.discountRate.toString()).toBe('0.05');
    expect(values.baseYear).toEqual({ startYear: 2011, startMonth: 7 });
    expect(values.sharing).toBe('shared-pool');
    expect(values.partners).toEqual({ inBaseYear: 10, leavers: [{ name: 'Tamworth', leavesOn: { year: 2013, month: 3, day: 31 } }] });
    expect(sources.noticeServedOn).toBe('given');
    expect(sources.baseYear).toBe('given');
    expect(sources.partners).toBe('given');
  });

  it('defaults the base year to the FY of the notice date under another start month', () => {
    // 14 February 2013 with a January start is in FY 2013
    expect(resolve({ fyStartMonth: 1 }).values.baseYear).toEqual({ startYear: 2013, startMonth: 1 });
  });

  it('accepts rates as percentage text', () => {
    expect(resolve({ discountRate: '3.5%' }).values.discountRate.toString()).toBe('0.035');
    expect(resolve({ discountRate: ' 0% ' }).values.discountRate.toString()).toBe('0');
    expect(resolve({ indexation: '2.5%' }).values.indexation.toString()).toBe('0.025');
    expect(resolve({ indexation: '-1%' }).values.indexation.toString()).toBe('-0.01');
  });
});

describe('resolveAssumptions: base year from the item labels', () => {
  it('takes the one FY the labels name', () => {
    const { values, sources } = resolve({ noticeServedOn: '2012-10-19' }, { today: TODAY, yearsInLabels: new Map([[2011, 'Costs!B4']]) });
    expect(values.baseYear).toEqual({ startYear: 2011, startMonth: 4 });
    expect(sources.baseYear).toBe('item labels');
  });

  it('lets a given base year win over the labels', () => {
    const { values, sources } = resolve({ baseYear: '2010/11' }, { today: TODAY, yearsInLabels: new Map([[2011, 'Costs!B4']]) });
    expect(values.baseYear).toEqual({ startYear: 2010, startMonth: 4 });
    expect(sources.baseYear).toBe('given');
  });

  it('refuses labels that name two FYs, naming them and their cells', () => {
    const problems = problemsOf({}, { today: TODAY, yearsInLabels: new Map([[2011, 'Costs!B4'], [2012, 'Costs!B7']]) });
    expect(problems).toHaveLength(1);
    expect(problems[0].where).toBe('baseYear');
    expect(problems[0].message).toBe('the item labels name more than one financial year (2011/12 in Costs!B4, 2012/13 in Costs!B7); set baseYear to the year the table describes');
  });

  it('accepts two FYs in the labels when the base year is given', () => {
    const ctx = { today: TODAY, yearsInLabels: new Map([[2011, 'Costs!B4'], [2012, 'Costs!B7']]) };
    expect(resolve({ baseYear: '2011/12' }, ctx).values.baseYear).toEqual({ startYear: 2011, startMonth: 4 });
  });
});

describe('resolveAssumptions: bad input names the assumption', () => {
  it.each(['2012-02-30', 'tomorrow', '19/10/2012', ''])('refuses the notice date %j', (text) => {
    expect(problemsOf({ noticeServedOn: text })).toEqual([{ where: 'noticeServedOn', message: `${JSON.stringify(text)} is not a date (YYYY-MM-DD)` }]);
  });

  it('refuses a notice date that is not text', () => {
    expect(problemsOf({ noticeServedOn: 20121019 })).toEqual([{ where: 'noticeServedOn', message: '20121019 is not a date (YYYY-MM-DD)' }]);
  });

  it('refuses negative or fractional notice months', () => {
    expect(problemsOf({ noticeMonths: -1 })).toEqual([{ where: 'noticeMonths', message: '-1 is not a whole number of months from 0 to 1200' }]);
    expect(problemsOf({ noticeMonths: 1.5 })).toEqual([{ where: 'noticeMonths', message: '1.5 is not a whole number of months from 0 to 1200' }]);
    expect(problemsOf({ noticeMonths: '24' })).toEqual([{ where: 'noticeMonths', message: '"24" is not a whole number of months from 0 to 1200' }]);
  });

  it('refuses a discount rate of 150%, as a number or as text', () => {
    expect(problemsOf({ discountRate: 1.5 })).toEqual([{ where: 'discountRate', message: '1.5 is not a discount rate from 0% up to 100% (give 0.035 or "3.5%")' }]);
    expect(problemsOf({ discountRate: '150%' })).toEqual([{ where: 'discountRate', message: '"150%" is not a discount rate from 0% up to 100% (give 0.035 or "3.5%")' }]);
    expect(problemsOf({ discountRate: -0.01 })[0].where).toBe('discountRate');
    expect(problemsOf({ discountRate: '3.5' })[0].where).toBe('discountRate');
  });

  it('refuses indexation out of range', () => {
    expect(problemsOf({ indexation: 2 })).toEqual([{ where: 'indexation', message: '2 is not a yearly rate from -50% to 100% (give 0.025 or "2.5%")' }]);
  });

  it('refuses a start month or horizon out of range', () => {
    expect(problemsOf({ fyStartMonth: 13 })).toEqual([{ where: 'fyStartMonth', message: '13 is not a month from 1 to 12' }]);
    expect(problemsOf({ horizonYears: 0 })).toEqual([{ where: 'horizonYears', message: '0 is not a whole number of years from 1 to 100' }]);
  });

  it('refuses an unknown sharing model', () => {
    expect(problemsOf({ sharing: 'pool' })).toEqual([{ where: 'sharing', message: '"pool" is not one of "fixed-contribution", "shared-pool"' }]);
  });

  it('refuses zero members', () => {
    expect(problemsOf({ partners: { inBaseYear: 0 } })).toEqual([{ where: 'partners.inBaseYear', message: '0 is not a number of members from 1 to 1000' }]);
  });

  it('refuses a leaver without a date, naming the leaver', () => {
    expect(problemsOf({ partners: { inBaseYear: 10, leavers: [{ name: 'Tamworth' }] } })).toEqual([
      { where: 'partners.leavers[0].leavesOn', message: 'missing (the date Tamworth leaves): give it as YYYY-MM-DD' },
    ]);
  });

  it('refuses a leaver whose date is not a date, or is before the base year', () => {
    const problems = problemsOf({
      baseYear: '2011/12',
      partners: {
        inBaseYear: 10,
        leavers: [
          { name: 'Newcastle', leavesOn: '2013-03-31' },
          { name: 'Tamworth', leavesOn: '2013-02-30' },
          { name: 'Lichfield', leavesOn: '2011-04-01' },
          { leavesOn: '2013-03-31' },
        ],
      },
    });
    expect(problems).toEqual([
      { where: 'partners.leavers[1].leavesOn', message: '"2013-02-30" is not a date (YYYY-MM-DD)' },
      { where: 'partners.leavers[2].leavesOn', message: expect.stringMatching(/^2011-04-01 is not after the base year 2011\/12 starts/) },
      { where: 'partners.leavers[3].name', message: 'missing: name the partner that leaves' },
    ]);
  });

  it('refuses leavers without the members in the base year', () => {
    expect(problemsOf({ partners: { leavers: [{ name: 'Tamworth', leavesOn: '2013-03-31' }] } })).toEqual([
      { where: 'partners.inBaseYear', message: 'missing: leavers need the number of members paying in the base year' },
    ]);
  });

  it('refuses shared-pool without inBaseYear', () => {
    const problems = problemsOf({ sharing: 'shared-pool' });
    expect(problems).toHaveLength(1);
    expect(problems[0].where).toBe('sharing');
    expect(problems[0].message).toMatch(/"shared-pool" needs partners\.inBaseYear/);
  });

  it('refuses as many leavers as members (or more)', () => {
    const leavers = [
      { name: 'A', leavesOn: '2013-03-31' },
      { name: 'B', leavesOn: '2013-06-30' },
    ];
    const problems = problemsOf({ partners: { inBaseYear: 2, leavers } });
    expect(problems).toHaveLength(1);
    expect(problems[0].where).toBe('partners.leavers');
    expect(problems[0].message).toMatch(/^2 leavers of 2 members would leave no one/);
    expect(problemsOf({ partners: { inBaseYear: 1, leavers } })[0].message).toMatch(/^2 leavers of 1 members/);
    // one fewer leaver than members is fine: the council remains
    expect(resolve({ partners: { inBaseYear: 3, leavers } }).values.partners.leavers).toHaveLength(2);
  });

  it('refuses unknown partners fields', () => {
    expect(problemsOf({ partners: { inBaseYear: 10, members: 6 } })).toEqual([
      { where: 'partners.members', message: 'is not a partners field; the fields are inBaseYear and leavers' },
    ]);
  });

  it('refuses an unknown assumption, suggesting the name for a case slip', () => {
    const [slip] = problemsOf({ DiscountRate: 0.035 });
    expect(slip.where).toBe('DiscountRate');
    expect(slip.message).toMatch(/^is not an assumption \(did you mean discountRate\?\)/);
    const [unknown] = problemsOf({ inflation: 0.02 });
    expect(unknown.where).toBe('inflation');
    expect(unknown.message).toMatch(/^is not an assumption;/);
    expect(unknown.message).not.toMatch(/did you mean/);
    expect(unknown.message).toMatch(/indexation/);
  });

  it('refuses partners, leavers and overrides of the wrong shape', () => {
    expect(problemsOf({ partners: 10 })).toEqual([{ where: 'partners', message: '10 is not an object like {"inBaseYear": 10, "leavers": [...]}' }]);
    expect(problemsOf({ partners: { inBaseYear: 10, leavers: 'Tamworth' } })).toEqual([
      { where: 'partners.leavers', message: '"Tamworth" is not a list of {"name": ..., "leavesOn": "YYYY-MM-DD"}' },
    ]);
    expect(problemsOf({ partners: { inBaseYear: 10, leavers: ['Tamworth'] } })).toEqual([
      { where: 'partners.leavers[0]', message: '"Tamworth" is not a leaver like {"name": "Tamworth", "leavesOn": "2013-03-31"}' },
    ]);
    expect(problemsOf({ overrides: ['CRM'] })).toEqual([{ where: 'overrides', message: '["CRM"] is not an object of item label to "avoidable" or "committed"' }]);
    expect(problemsOf({ baseYear: '2011/13' })).toEqual([{ where: 'baseYear', message: '"2011/13" is not a financial year such as "2011/12"' }]);
  });

  it('keys overrides by label, ignoring case and hyphens', () => {
    const { values } = resolve({ overrides: { 'Core-Team': 'committed', CRM: 'avoidable' } });
    expect([...values.overrides.entries()]).toEqual([
      ['core team', { label: 'Core-Team', class: 'committed' }],
      ['crm', { label: 'CRM', class: 'avoidable' }],
    ]);
  });

  it('refuses assumptions that are not an object', () => {
    expect(problemsOf([1, 2])).toEqual([{ where: 'assumptions', message: 'must be a JSON object of named assumptions' }]);
  });

  it('reports every bad assumption together', () => {
    const problems = problemsOf({ noticeServedOn: 'tomorrow', noticeMonths: -3, discountRate: 1.5, partners: { inBaseYear: 0 } });
    expect(problems.map((p) => p.where)).toEqual(['noticeServedOn', 'noticeMonths', 'discountRate', 'partners.inBaseYear']);
  });
});

describe('options: the ways of withdrawing', () => {
  it('reads each option, its fields not given taken from the other assumptions, amounts as numbers or text', () => {
    const { values } = resolve({
      noticeServedOn: '2012-10-19', noticeMonths: 24, optimismBias: '10%',
      options: [
        { name: 'Withdraw now', exitCosts: [{ label: 'Disaggregation', amount: 5000, fy: '2014/15' }], replacementCosts: [{ label: 'Support', annual: '£6,000' }], optimismBias: '0%' },
        { name: ' Withdraw a year later ', noticeServedOn: '2013-10-19', replacementCosts: [{ label: 'Stranded costs', annual: 10000, months: 18, share: '75%' }] },
      ],
    });
    expect(values.options.map((o) => [o.name, o.noticeServedOn, o.noticeMonths, o.optimismBias.toString()])).toEqual([
      ['Withdraw now', { year: 2012, month: 10, day: 19 }, 24, '0'],
      ['Withdraw a year later', { year: 2013, month: 10, day: 19 }, 24, '0.1'],
    ]);
    expect(values.options[0].exitCosts).toEqual([{ label: 'Disaggregation', amount: 500_000, fy: { startYear: 2014, startMonth: 4 } }]);
    expect(values.options[0].replacementCosts).toEqual([{ label: 'Support', annual: 600_000 }]);
    expect(values.options[1].replacementCosts[0]).toMatchObject({ annual: 1_000_000, months: 18 });
    expect(values.options[1].replacementCosts[0].share?.toString()).toBe('0.75');
  });

  it('refuses, naming each place: a list that is empty or not a list, a missing or repeated name, unknown fields, bad amounts, years, months and shares', () => {
    expect(problemsOf({ options: [] })).toEqual([{ where: 'options', message: 'is an empty list; name at least one way of withdrawing, or leave options out' }]);
    expect(problemsOf({ options: 'now' })).toEqual([{ where: 'options', message: '"now" is not a list of an option like {"name": "Withdraw now", "exitCosts": [...]}' }]);
    expect(problemsOf({
      options: [
        { name: 'Now', colour: 'red', exitCosts: [{ label: '', amount: 'lots', fy: '2014/16' }] },
        { name: 'now', replacementCosts: [{ label: 'Support', annual: 1e13, months: 0, share: 1.5 }], optimismBias: '300%' },
        {},
      ],
    })).toEqual([
      { where: 'options[0].colour', message: 'is not an option field; the fields are name, noticeServedOn, noticeMonths, exitCosts, replacementCosts, optimismBias' },
      { where: 'options[0].exitCosts[0].label', message: 'missing: say what the exit cost is for' },
      { where: 'options[0].exitCosts[0].amount', message: '"lots" is not an amount of pounds up to £1,000,000,000,000 (give 5000 or "£5,000")' },
      { where: 'options[0].exitCosts[0].fy', message: '"2014/16" is not a financial year such as "2014/15"' },
      { where: 'options[1].name', message: '"now" is the name of option 1, "Now", too (names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name' },
      { where: 'options[1].optimismBias', message: '"300%" is not an uplift from 0% to 200% (give 0.41 or "41%")' },
      { where: 'options[1].replacementCosts[0].annual', message: '10000000000000 is not an amount of pounds a year up to £1,000,000,000,000 (give 6000 or "£6,000")' },
      { where: 'options[1].replacementCosts[0].months', message: '0 is not a whole number of months from 1 to 1200; leave it out for the rest of the horizon' },
      { where: 'options[1].replacementCosts[0].share', message: '1.5 is not a share above 0% and up to 100% (give 0.75 or "75%")' },
      { where: 'options[2].name', message: 'missing: name the option, such as "Withdraw now"' },
    ]);
  });

  it('refuses an option whose notice would run past the dates Excel counts', () => {
    expect(problemsOf({ options: [{ name: 'Late', noticeServedOn: '9999-06-01', noticeMonths: 12 }] })[0].where).toBe('options[0].noticeServedOn');
    expect(problemsOf({ horizonYears: 1, options: [{ name: 'Late', noticeServedOn: '9998-06-01', noticeMonths: 24 }] })).toEqual([
      { where: 'options[0].noticeMonths', message: 'notice of 24 months served on 9998-06-01 would expire after 9999-12-31, the last date Excel counts; give a shorter notice or an earlier noticeServedOn' },
    ]);
  });
});
