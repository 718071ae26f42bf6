/** @jest-environment node */
// Dates typed in the pane are read in Office's language, never the browser's (docs/conventions.md,
// "Dates a person types"): in en-GB 19/10/2012, 19 Oct 2012 and 2012-10-19 are all 19 October 2012, shown
// back in words beside the field; an impossible date is refused under its field, never capped or
// swapped. The figures are the seed's worked examples (docs/conventions.md, "The seed, worked through" and "The seed with costs of leaving"): notice served 19 October 2012
// expires 19 October 2014, NPV £39,032.29; withdrawing a year later, NPV £22,749.39.
import { Grid } from '../../src/core/cell';
import { formAssumptions } from '../../src/faces/taskpane/check';
import { Action, State, initialState, reduce } from '../../src/faces/taskpane/model';
import { view } from '../../src/faces/taskpane/view-model';
import { SEED_VALUES } from '../support/analyses';

const SEED: Grid = { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES };
/** A day other than the seed's, so that the form's default notice date is not the one typed. */
const TODAY = { year: 2026, month: 11, day: 25 };
const after = (state: State, ...actions: Action[]) => actions.reduce(reduce, state);
const served = (value: string): Action => ({ type: 'field edited', field: 'noticeServedOn', value });
const seedIn = (language?: string) => after(initialState({ today: TODAY, language }), { type: 'read succeeded', grid: SEED });

describe('the notice date typed in en-GB', () => {
  it.each(['19/10/2012', '19 Oct 2012', '2012-10-19', '19 October 2012'])('reads %j as 19 October 2012, shows it in words, and works the seed\'s figures from it', (typed) => {
    const state = after(seedIn('en-GB'), served(typed));
    expect(formAssumptions(state).noticeServedOn).toBe('2012-10-19');
    const shown = view(state);
    expect(shown.fields.dates.noticeServedOn).toBe('19 October 2012');
    expect(shown.fields.errors.noticeServedOn).toBeUndefined();
    expect(state.checked.analysis?.savings.noticeExpiresOn).toEqual({ year: 2014, month: 10, day: 19 });
    expect(state.checked.analysis?.savings.npv).toBe(3903229);
  });

  it('refuses an impossible date under the field, saying why, and shows no date beside it', () => {
    const cases: [string, string][] = [
      ['30/02/2015', '"30/02/2015" is not a date: February has 28 days in 2015. Type the date as in 19/10/2012, 19 Oct 2012 or 2012-10-19.'],
      ['19/13/2012', '"19/13/2012" is not a date: there is no month 13 (the day comes first, as in 31/03/2015). Type the date as in 19/10/2012, 19 Oct 2012 or 2012-10-19.'],
      ['Oct 2012', '"Oct 2012" is a month: give the day too. Type the date as in 19/10/2012, 19 Oct 2012 or 2012-10-19.'],
      ['soon', '"soon" is not a date. Type the date as in 19/10/2012, 19 Oct 2012 or 2012-10-19.'],
    ];
    for (const [typed, message] of cases) {
      const shown = view(after(seedIn('en-GB'), served(typed)));
      expect([typed, shown.fields.errors.noticeServedOn, shown.fields.dates.noticeServedOn]).toEqual([typed, message, undefined]);
    }
  });

  it('hints at the order day first', () => {
    expect(view(seedIn('en-GB')).dateHint).toBe('Day first: 19/10/2012, 19 Oct 2012 or 2012-10-19');
    expect(view(seedIn()).dateHint).toBe('Day first: 19/10/2012, 19 Oct 2012 or 2012-10-19');
  });
});

describe('the notice date typed in en-US', () => {
  it('reads the month first, refuses 19/10/2012 rather than capping its month, and writes the date back in the language', () => {
    const state = after(seedIn('en-US'), served('10/19/2012'));
    expect(formAssumptions(state).noticeServedOn).toBe('2012-10-19');
    expect(view(state).fields.dates.noticeServedOn).toBe('October 19, 2012');
    expect(view(state).dateHint).toBe('Month first: 10/19/2012, Oct 19 2012 or 2012-10-19');
    const refused = view(after(seedIn('en-US'), served('19/10/2012')));
    expect(refused.fields.errors.noticeServedOn).toBe('"19/10/2012" is not a date: there is no month 19 (the month comes first, as in 03/31/2015). Type the date as in 10/19/2012, Oct 19 2012 or 2012-10-19.');
  });
});

describe('the other date fields', () => {
  it('read a leaver\'s date and an option\'s notice date the same way', () => {
    const state = after(seedIn('en-GB'), served('19/10/2012'),
      { type: 'leaver added' }, { type: 'leaver edited', index: 0, field: 'name', value: 'Tamworth' }, { type: 'leaver edited', index: 0, field: 'leavesOn', value: '31/03/2013' },
      { type: 'option added' }, { type: 'option edited', index: 1, field: 'name', value: 'Withdraw a year later' }, { type: 'option edited', index: 1, field: 'noticeServedOn', value: '19/10/2013' });
    const given = formAssumptions(state) as { partners: { leavers: { leavesOn: string }[] }; options: { noticeServedOn?: string }[] };
    expect(given.partners.leavers[0].leavesOn).toBe('2013-03-31');
    expect(given.options.map((o) => o.noticeServedOn)).toEqual([undefined, '2013-10-19']);
    const shown = view(state);
    expect(shown.fields.dates).toEqual({ noticeServedOn: '19 October 2012', 'leavers.0.leavesOn': '31 March 2013', 'options.1.noticeServedOn': '19 October 2013' });
    const refused = view(after(state, { type: 'leaver edited', index: 0, field: 'leavesOn', value: '31/02/2013' }, { type: 'option edited', index: 1, field: 'noticeServedOn', value: '19/13/2013' }));
    expect(refused.fields.errors['leavers.0.leavesOn']).toBe('"31/02/2013" is not a date: February has 28 days in 2013. Type the date as in 19/10/2012, 19 Oct 2012 or 2012-10-19.');
    expect(refused.fields.errors['options.1.noticeServedOn']).toMatch(/^"19\/13\/2013" is not a date: there is no month 13/);
  });

  it('work the seed\'s option a year later from its date typed day first: NPV £22,749.39', () => {
    const state = after(seedIn('en-GB'), served('19/10/2012'),
      { type: 'option edited', index: 0, field: 'name', value: 'Withdraw now' },
      { type: 'option added' }, { type: 'option edited', index: 1, field: 'name', value: 'Withdraw a year later' }, { type: 'option edited', index: 1, field: 'noticeServedOn', value: '19/10/2013' });
    expect(state.checked.analysis?.appraisal.options.options.map((o) => [o.option.name, o.npv])).toEqual([['Withdraw now', 3903229], ['Withdraw a year later', 2274939]]);
  });
});
