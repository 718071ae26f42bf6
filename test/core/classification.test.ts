import { analyse } from '../../src/core/analysis';
import { Classification, CostClass, classify, labelKey, reasonWords } from '../../src/core/classification';
import { grid, inputProblems } from './grid';

const none = new Map<string, CostClass>();
const TODAY = { year: 2012, month: 10, day: 19 };

describe('classify: keywords', () => {
  it.each<[string, string]>([
    ['Staffordshire Connects 2011/12 Core Team', 'core team'],
    ['CORE TEAM', 'core team'],
    ['core-team costs', 'core team'],
    ['Core   Team', 'core team'],
    [' core_team ', 'core team'],
    ['Core Budget share', 'core budget'],
    ['Core - Budget', 'core budget'],
    ['Annual Membership fee', 'membership'],
    ['Journal subscription', 'subscription'],
    ['SUBSCRIPTION', 'subscription'],
    ['Partnership Contribution 2011/12', 'partnership contribution'],
    ['partnership-contribution', 'partnership contribution'],
    ['Partnership\u00a0 contribution', 'partnership contribution'],
  ])('%j is avoidable: label mentions "%s"', (label, keyword) => {
    expect(said(classify(label, none))).toEqual({ class: 'avoidable', reason: `label mentions "${keyword}"` });
  });

  it.each(['CRM', 'Epayments', 'New Epayments', 'Customer Insight', 'Shared Email Directory', 'Core systems team', 'Partnership support', 'Team core', ''])('%j is committed by default', (label) => {
    const result = classify(label, none);
    expect(result.class).toBe('committed');
    expect(reasonWords(result.reason)).toBe('label mentions no avoidable keyword: committed by default');
  });
});

/** A classification with its reason in words, as the sheets and the summary give it. */
const said = (c: Classification) => ({ class: c.class, reason: reasonWords(c.reason) });

describe('classify: the reason is typed', () => {
  it('says by what the class was given, and which keyword', () => {
    expect(classify('Staffordshire Connects Core Team', new Map()).reason).toEqual({ by: 'keyword', keyword: 'core team' });
    expect(classify('CRM', new Map()).reason).toEqual({ by: 'default' });
    expect(classify('CRM', new Map([['crm', 'avoidable']])).reason).toEqual({ by: 'user' });
  });
});

describe('classify: overrides win', () => {
  it('applies an override keyed by label, whatever the keywords say', () => {
    const overrides = new Map<string, CostClass>([[labelKey('CRM'), 'avoidable'], [labelKey('Core Team'), 'committed']]);
    expect(said(classify('crm', overrides))).toEqual({ class: 'avoidable', reason: 'set by user' });
    expect(said(classify('Core Team', overrides))).toEqual({ class: 'committed', reason: 'set by user' });
    expect(said(classify('Epayments', overrides))).toEqual({ class: 'committed', reason: 'label mentions no avoidable keyword: committed by default' });
  });

  it('compares labels ignoring case, runs of spaces, hyphens and underscores', () => {
    expect(labelKey('  New   E-payments ')).toBe('new e payments');
    expect(labelKey('New_E payments')).toBe('new e payments');
    expect(labelKey('CRM')).toBe('crm');
  });
});

describe('classification through analyse', () => {
  const rows = grid([
    ['Item', 'Amount'],
    ['Core Team', 1000],
    ['CRM', 200],
    ['Membership', 30],
    ['Epayments', 4],
  ]);

  it('uses the keyword rule by default and records each reason', () => {
    const result = analyse({ grid: rows, today: TODAY });
    expect(result.rows.map((row) => [row.item, row.class, reasonWords(row.reason)])).toEqual([
      ['Core Team', 'avoidable', 'label mentions "core team"'],
      ['CRM', 'committed', 'label mentions no avoidable keyword: committed by default'],
      ['Membership', 'avoidable', 'label mentions "membership"'],
      ['Epayments', 'committed', 'label mentions no avoidable keyword: committed by default'],
    ]);
    expect(result.annual).toEqual({ total: 123400, avoidable: 103000, committed: 20400 });
  });

  it('lets overrides by item label win, in any case', () => {
    const result = analyse({ grid: rows, today: TODAY, assumptions: { overrides: { crm: 'avoidable', 'CORE-TEAM': 'committed' } } });
    expect(result.rows.map((row) => [row.item, row.class, reasonWords(row.reason)])).toEqual([
      ['Core Team', 'committed', 'set by user'],
      ['CRM', 'avoidable', 'set by user'],
      ['Membership', 'avoidable', 'label mentions "membership"'],
      ['Epayments', 'committed', 'label mentions no avoidable keyword: committed by default'],
    ]);
    expect(result.annual).toEqual({ total: 123400, avoidable: 23000, committed: 100400 });
  });

  it('refuses an override that matches no row, naming it', () => {
    const problems = inputProblems(() => analyse({ grid: rows, today: TODAY, assumptions: { overrides: { 'Core Team': 'committed', 'Web hosting': 'avoidable' } } }));
    expect(problems).toHaveLength(1);
    expect(problems[0].where).toBe('overrides["Web hosting"]');
    expect(problems[0].message).toMatch(/matches no cost row/);
  });

  it('refuses an override class other than avoidable or committed', () => {
    const problems = inputProblems(() => analyse({ grid: rows, today: TODAY, assumptions: { overrides: { CRM: 'maybe' } } }));
    expect(problems).toEqual([{ where: 'overrides["CRM"]', message: '"maybe" is not "avoidable" or "committed"' }]);
  });
});
