/** @jest-environment node */
// The pane's model without a browser or Excel: actions in, state and what the views show out. The
// figures are the seed's worked example (test/core/seed-worked-example.test.ts): avoidable £17,800.00
// a year, saving £43,597.81 over five years, NPV £39,032.29.
import { runScenarios } from '../../src/app/run';
import { Analysis, AnalysisInput, analyse } from '../../src/core/analysis';
import { resolveAssumptions } from '../../src/core/assumptions';
import { Grid } from '../../src/core/cell';
import { Core, formAssumptions } from '../../src/faces/taskpane/check';
import { Clipboard, EFFECTS } from '../../src/faces/taskpane/effects';
import { Action, SourceProblem, State, WorkbookLocked, failureOf, initialState, reduce, reducer, sourceGrid } from '../../src/faces/taskpane/model';
import { ExcelBusy } from '../../src/hosts/office/excel-access';
import { PaneView, view } from '../../src/faces/taskpane/view-model';
import { SEED_VALUES } from '../support/analyses';
import { FIXED_CLOCK, SEED_DAY } from '../support/clock';

const SEED: Grid = { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES };
const OTHER_DAY = { year: 2026, month: 11, day: 25 };
const MARKERS = [
  { name: 'VfM_Sheet_Scenarios', sheet: 'VfM Scenarios' },
  { name: 'VfM_Sheet_CostRows', sheet: 'VfM Cost Rows' },
  { name: 'VfM_Sheet_Audit', sheet: 'VfM Audit' },
];

const after = (state: State, ...actions: Action[]) => actions.reduce(reduce, state);
const edit = (field: Extract<Action, { type: 'field edited' }>['field'], value: string): Action => ({ type: 'field edited', field, value });
/** The seed read on the day its notice was served (the form's default notice date). */
const seedRead = () => after(initialState({ today: SEED_DAY }), { type: 'started', task: 'read' }, { type: 'read succeeded', grid: SEED });
function rowsOf(shown: PaneView) {
  if (shown.rows.kind !== 'rows') throw new Error(`no rows shown: ${shown.rows.kind}`);
  return shown.rows;
}

/** Generate as the pane's effect makes it, on the seed with the form's notice date. */
function generated(state: State): State {
  const run = runScenarios({ workbook: { grid: SEED, sheetNames: ['Costs'], definedNames: [] }, assumptions: { noticeServedOn: '2012-10-19' }, clock: FIXED_CLOCK });
  return after(state, { type: 'started', task: 'generate' }, { type: 'generate succeeded', grid: SEED, analysis: run.analysis, sheet: 'VfM Scenarios', ranAt: run.facts.ranAt });
}

describe('reading the cost rows', () => {
  it('derives the rows, their amounts in words, the tie-out and the summary', () => {
    const shown = view(seedRead());
    const rows = rowsOf(shown);
    // The table starts at its header row (the "£" in row 3); the title above it is passed over.
    expect(rows.summary).toBe('6 cost rows from Costs!A3:B10. Avoidable £17,800.00 a year; committed £106,735.22.');
    expect(rows.tie).toEqual({ text: 'Ties out to the stated total £124,535.22.', mismatch: false });
    expect(rows.rows).toHaveLength(6);
    expect(rows.rows[0]).toEqual({ id: 'class-0', item: 'Staffordshire Connects 2011/12 Core Team', cell: 'Costs!B4', amount: '17,800.00', class: 'avoidable', reason: 'label mentions "core team"' });
    expect(rows.rows[1]).toEqual({ id: 'class-1', item: 'CRM', cell: 'Costs!B5', amount: '46,648.63', class: 'committed' });
    expect(shown.problems).toBeUndefined();
    expect(shown.status).toEqual({ text: '', progress: false });
  });

  it('says nothing has been read before a read, and shows nothing under a table that cannot be used but its problems', () => {
    expect(view(initialState({ today: SEED_DAY })).rows).toEqual({ kind: 'not read' });
    const grid = { ...SEED, values: SEED_VALUES.map((row) => (row[0] === 'CRM' ? ['CRM', 'tbc'] : row)) };
    const shown = view(after(initialState({ today: SEED_DAY }), { type: 'read succeeded', grid }));
    expect(shown.rows).toEqual({ kind: 'unusable' });
    expect(shown.problems).toEqual({ lines: ['Costs!B5: amount "tbc" is not a number'], held: 'Nothing was written.' });
  });

  it('refuses an empty source and a sheet the product wrote, in the pane\'s words', () => {
    expect(() => sourceGrid({ grid: undefined, definedNames: [] }, 'selection')).toThrow(new SourceProblem('Select the cost table first.'));
    expect(() => sourceGrid({ grid: undefined, definedNames: [] }, 'sheet')).toThrow('This sheet is empty. Open the sheet that holds the cost table.');
    expect(() => sourceGrid({ grid: { ...SEED, sheet: 'VfM Scenarios' }, definedNames: MARKERS }, 'selection'))
      .toThrow('"VfM Scenarios" is a sheet VfM Scenarios wrote. Select the council\'s cost table, or open its sheet.');
    expect(sourceGrid({ grid: SEED, definedNames: MARKERS }, 'selection')).toBe(SEED);
  });
});

describe('the assumptions form', () => {
  it('asks about a discount rate of 0.035, and does not block it', () => {
    const state = after(seedRead(), edit('discountRate', '0.035'));
    const shown = view(state);
    expect(shown.fields.questions.discountRate).toBe('0.035% a year is very low: did you mean 3.5%? This field is in percent.');
    expect(shown.fields.errors).toEqual({});
    expect(state.checked.analysis?.assumptions.discountRate.toString()).toBe('0.00035');
  });

  it('says what is wrong with a rate in percent, with no question', () => {
    const shown = view(after(seedRead(), edit('discountRate', '150')));
    expect(shown.fields.errors.discountRate).toBe('Give a number of percent a year from 0 up to (not including) 100, such as 3.5 for 3.5%.');
    expect(shown.fields.questions).toEqual({});
  });

  it('shows a bad notice under its field in the labels\' words, and keeps the rows, read with the defaults', () => {
    const shown = view(after(seedRead(), edit('noticeServedOn', '9999-01-01')));
    expect(shown.fields.errors.noticeMonths).toBe('notice of 24 months served on 9999-01-01 would expire after 9999-12-31, the last date Excel counts; give a shorter notice or an earlier "Notice served on"');
    expect(shown.fields.errors.horizonYears).toContain('give a shorter horizon or an earlier "Notice served on"');
    expect(shown.problems).toBeUndefined();
    expect(rowsOf(shown).rows).toHaveLength(6);
    expect(rowsOf(shown).summary).toContain('Avoidable £17,800.00 a year');
  });

  it('routes a leaver\'s problem to that leaver\'s field; adding or removing a leaver builds the form again, typing does not', () => {
    const added = after(seedRead(), { type: 'leaver added' });
    expect(added.formVersion).toBe(1);
    const typed = after(added, { type: 'leaver edited', index: 0, field: 'name', value: 'Tamworth' });
    expect(typed.formVersion).toBe(1);
    expect(typed.form.leavers).toEqual([{ name: 'Tamworth', leavesOn: '' }]);
    expect(view(typed).fields.errors['leavers.0.leavesOn']).toBeDefined();
    const removed = after(typed, { type: 'leaver removed', index: 0 });
    expect(removed.formVersion).toBe(2);
    expect(removed.form.leavers).toEqual([]);
    expect(view(removed).fields.errors).toEqual({});
  });
});

describe('classes and the scenarios written', () => {
  it('keys a class set by the officer as the core keys it, and drops it when set back to the label\'s own class', () => {
    const set = after(seedRead(), { type: 'class set', item: 'CRM', class: 'avoidable' });
    expect([...set.overrides]).toEqual([['crm', { label: 'CRM', class: 'avoidable' }]]);
    const rows = rowsOf(view(set));
    expect(rows.rows[1]).toMatchObject({ item: 'CRM', class: 'avoidable', reason: 'set by user' });
    expect(rows.summary).toContain('Avoidable £64,448.63 a year; committed £60,086.59.');
    expect([...after(set, { type: 'class set', item: ' crm ', class: 'committed' }).overrides]).toEqual([]);
  });

  it('shows the headline figures after Generate, and marks them out of date after a change', () => {
    const written = generated(seedRead());
    const fresh = view(written);
    expect(fresh.results).toMatchObject({ kind: 'written', note: 'Written at 09:30; the scenario sheets match the form.' });
    // One way of withdrawing and no costs of leaving: its NPV is in proportion to the avoidable cost,
    // zero only at £0.00 a year, where staying and withdrawing tie: no input switches the choice.
    expect(fresh.results.kind === 'written' && fresh.results.answer)
      .toBe('Withdraw is preferred (NPV £39,032.29). No change of one input within its range changes that.');
    expect(fresh.results.kind === 'written' && fresh.results.headline).toEqual([
      { term: 'Avoidable a year', value: '£17,800.00' },
      { term: 'Notice expires', value: '19 October 2014' },
      { term: 'Saving over 5 years, before costs of leaving', value: '£43,597.81' },
      { term: 'Net present value, before costs of leaving', value: '£39,032.29' },
      { term: 'Checks', value: 'All pass', ok: true },
    ]);
    expect(fresh.results.kind === 'written' && fresh.results.charts.stayWithdraw.groups).toEqual(['2012/13', '2013/14', '2014/15', '2015/16', '2016/17']);

    const changed = after(written, { type: 'class set', item: 'CRM', class: 'avoidable' });
    expect(changed.stale).toBe(true);
    expect(view(changed).results).toEqual({
      kind: 'stale', stale: true,
      note: 'Out of date: the form has changed since the scenarios were written at 09:30. The scenario sheets still hold those; press Generate to bring them up to date.',
    });
    expect(generated(changed).stale).toBe(false);
  });

  it('is never out of date before anything was written', () => {
    const state = after(seedRead(), edit('horizonYears', '6'));
    expect(state.stale).toBe(false);
    expect(view(state).results).toEqual({ kind: 'none' });
  });
});

describe('a table with several amount columns', () => {
  const years: Grid = { sheet: 'Costs', top: 1, left: 1, values: [['Item', '2010/11', '2011/12'], ['Core Team', 17000, 17800], ['CRM', 45000, 46648.63]] };
  const vat: Grid = { sheet: 'Costs', top: 1, left: 1, values: [['Item', 'Net', 'VAT', 'Gross'], ['Core Team', 100, 20, 120], ['CRM', 50, 10, 60]] };
  const readOf = (grid: Grid) => after(initialState({ today: SEED_DAY }), { type: 'started', task: 'read' }, { type: 'read succeeded', grid });

  it('reads the net column, says so, and lets the officer choose another', () => {
    const shown = rowsOf(view(readOf(vat)));
    expect(shown.summary).toBe('2 cost rows from Costs!A1:B3. Avoidable £100.00 a year; committed £50.00.');
    expect(shown.reading).toEqual(['Amounts read from column B "Net", net of VAT, as councils report costs; passed over C "VAT", D "Gross".']);
    expect(shown.columns).toEqual({ options: [{ value: 'B', text: 'B "Net"' }, { value: 'C', text: 'C "VAT"' }, { value: 'D', text: 'D "Gross"' }], chosen: 'B' });
    const gross = rowsOf(view(after(readOf(vat), { type: 'column chosen', column: 'D' })));
    expect(gross.rows.map((row) => row.amount)).toEqual(['120.00', '60.00']);
    expect(gross.columns?.chosen).toBe('D');
  });

  it('asks which year to read when nothing decides, and reads the one chosen', () => {
    const asked = view(readOf(years));
    expect(asked.rows).toEqual({ kind: 'unusable', columns: { options: [{ value: 'B', text: 'B "2010/11"' }, { value: 'C', text: 'C "2011/12"' }] } });
    expect(asked.problems?.lines[0]).toMatch(/^Costs!A1:C3: 2 columns hold amounts \(B "2010\/11", C "2011\/12"\)/);
    const chosen = rowsOf(view(after(readOf(years), { type: 'column chosen', column: 'C' })));
    expect(chosen.rows.map((row) => row.amount)).toEqual(['17,800.00', '46,648.63']);
    expect(chosen.reading).toEqual(['Amounts read from column C "2011/12", as chosen; passed over B "2010/11".']);
  });
});

describe('the checks in the headline', () => {
  it('names a failing check in the words the scenario sheet gives it', () => {
    const values = SEED_VALUES.map((row) => (row[0] === 'Total (Exc VAT)' ? ['Total (Exc VAT)', 124000] : row));
    const grid = { ...SEED, values };
    const run = runScenarios({ workbook: { grid, sheetNames: ['Costs'], definedNames: [] }, assumptions: { noticeServedOn: '2012-10-19' }, clock: FIXED_CLOCK });
    const state = after(initialState({ today: SEED_DAY }), { type: 'started', task: 'generate' }, { type: 'generate succeeded', grid, analysis: run.analysis, sheet: 'VfM Scenarios', ranAt: run.facts.ranAt });
    const results = view(state).results;
    expect(results.kind === 'written' && results.headline[4]).toEqual({ term: 'Checks', value: 'Failing: The rows tie out to the stated total', ok: false });
  });
});

describe('what a failed task says', () => {
  /** Opened on a workbook whose last run was stamped `ranAt`. */
  const opened = (ranAt: string, today = OTHER_DAY) => after(initialState({ today }), { type: 'started', task: 'restore' },
    { type: 'last run read', definedNames: MARKERS, values: { VfM_DiscountRate: [[0.05]], VfM_RanAt: [[ranAt]] } });
  const failed = (state: State, failure: Extract<Action, { type: 'failed' }>['failure']) =>
    view(after(state, { type: 'started', task: 'generate' }, { type: 'failed', failure })).status.text;

  it('says nothing was written and that the workbook still holds the previous run, and from when', () => {
    expect(failed(opened('2026-11-25T10:42:00+00:00'), { kind: 'excel', message: 'The request failed' }))
      .toBe('Excel reported a problem: The request failed. Nothing was written. The workbook still holds the scenarios of the previous run, from 10:42.');
    expect(failed(opened('2026-11-20T10:42:00+00:00'), { kind: 'source', message: 'Select the cost table first.' }))
      .toBe('Select the cost table first. Nothing was written. The workbook still holds the scenarios of the previous run, from 10:42 on 20 November 2026.');
    expect(failed(initialState({ today: OTHER_DAY }), { kind: 'excel', message: 'The request failed' })).toBe('Excel reported a problem: The request failed. Nothing was written.');
    expect(failed(initialState({ today: OTHER_DAY }), { kind: 'excel', message: 'There was an internal error while processing the request.' }))
      .toBe('Excel reported a problem: There was an internal error while processing the request. Nothing was written.');
  });

  it('after a Generate that failed as it wrote, was repaired, and left the earlier run whole or not, says which', () => {
    const failing = (previousRun: 'kept' | 'removed') => after(opened('2026-11-25T10:42:00+00:00'), { type: 'started', task: 'generate' },
      { type: 'failed', failure: { kind: 'excel', message: 'The request failed' }, previousRun });
    expect(view(failing('kept')).status.text)
      .toBe('Excel reported a problem: The request failed. Nothing was written. The workbook still holds the scenarios of the previous run, from 10:42.');
    const removed = failing('removed');
    expect(view(removed).status.text)
      .toBe('Excel reported a problem: The request failed. Nothing was written, and Excel had already removed some or all of the previous run\'s sheets when it stopped: press Generate to write the scenarios again.');
    expect(removed.written).toBeUndefined();
    // The next failure, with nothing removed, no longer speaks of a previous run.
    expect(failed(removed, { kind: 'busy', attempts: 4 })).toBe('Excel was busy and did not take the request after 4 tries. Nothing was written. Wait a moment, then try again.');
  });

  it('sends the officer to the fields for an assumption, and to the table for a cell, keeping the rows', () => {
    const state = after(seedRead(), { type: 'started', task: 'generate' },
      { type: 'failed', failure: { kind: 'input', problems: [{ place: { assumption: ['horizonYears'] }, message: '0 is not a whole number of years from 1 to 100' }], more: 0 } });
    expect(view(state).status.text).toBe('Correct the assumptions marked above. Nothing was written.');
    expect(view(state).fields.errors.horizonYears).toBe('0 is not a whole number of years from 1 to 100');
    expect(rowsOf(view(state)).rows).toHaveLength(6);

    const onTable = view(after(seedRead(), { type: 'started', task: 'generate' },
      { type: 'failed', failure: { kind: 'input', problems: [{ place: { cell: 'Costs!B5' }, message: 'amount "tbc" is not a number' }], more: 2 } }));
    expect(onTable.status.text).toBe('');
    expect(onTable.problems?.lines).toEqual(['Costs!B5: amount "tbc" is not a number', 'and 2 more problems of the same kinds']);
  });
});

describe('a previous run', () => {
  it('restores the inputs the scenario sheet holds, and says so', () => {
    const state = after(initialState({ today: OTHER_DAY }), { type: 'started', task: 'restore' }, {
      type: 'last run read', definedNames: MARKERS,
      values: { VfM_NoticeServedOn: [[41201]], VfM_DiscountRate: [[0.05]], VfM_Sharing: [['shared-pool']], VfM_MembersInBaseYear: [[10]], VfM_RanAt: [['2026-11-25T10:42:00+00:00']] },
    });
    expect(state.form).toMatchObject({ noticeServedOn: '2012-10-19', discountRate: '5', sharing: 'shared-pool', inBaseYear: '10' });
    expect(state.formVersion).toBe(1);
    expect(state.written).toEqual({ ranAt: '2026-11-25T10:42:00+00:00' });
    expect(view(state).status.text).toBe('Restored the inputs of the last run from the scenario sheet.');
  });

  it('restores the ways of withdrawing, leaving empty what the fields above give, and gives the core the default again for a plain one', () => {
    const restore = (values: Record<string, unknown[][]>) => after(initialState({ today: OTHER_DAY }), { type: 'last run read', definedNames: MARKERS, values: { VfM_NoticeServedOn: [[41201]], VfM_NoticeMonths: [[24]], ...values } });
    const plain = restore({ VfM_OptionNames: [['Withdraw'], ['']], VfM_OptionNoticeServedOn: [[41201], ['']], VfM_OptionNoticeMonths: [[24], ['']], VfM_OptionOptimismBias: [[0], ['']] });
    expect(plain.form.options).toEqual([{ name: 'Withdraw', noticeServedOn: '', noticeMonths: '', optimismBias: '', exitCosts: [], replacementCosts: [] }]);
    expect(formAssumptions(plain).options).toBeUndefined();
    const two = restore({
      VfM_OptionNames: [['Withdraw now'], ['Later']], VfM_OptionNoticeServedOn: [[41201], [41566]], VfM_OptionNoticeMonths: [[24], [12]], VfM_OptionOptimismBias: [[0.41], [0]],
      VfM_CostLabels: [['Support']], VfM_CostOptions: [['Withdraw now']], VfM_CostKinds: [['replacement']], VfM_CostAmounts: [[6000]], VfM_CostMonths: [[18]], VfM_CostShares: [[0.75]],
    });
    expect(two.form.options).toEqual([
      { name: 'Withdraw now', noticeServedOn: '', noticeMonths: '', optimismBias: '41', exitCosts: [], replacementCosts: [{ label: 'Support', annual: '6000', months: '18', share: '75' }] },
      { name: 'Later', noticeServedOn: '2013-10-19', noticeMonths: '12', optimismBias: '', exitCosts: [], replacementCosts: [] },
    ]);
  });

  it('starts from the defaults when those inputs no longer validate, and says nothing when there was no run', () => {
    const start = initialState({ today: OTHER_DAY });
    const refused = after(start, { type: 'last run read', definedNames: MARKERS, values: { VfM_NoticeMonths: [['soon']] } });
    expect(refused.form).toEqual(start.form);
    expect(view(refused).status.text).toBe('The scenario sheet holds inputs that no longer validate; starting from the defaults.');
    const none = after(start, { type: 'started', task: 'restore' }, { type: 'last run read', definedNames: [], values: { VfM_DiscountRate: [[0.05]] } });
    expect(none.form).toEqual(start.form);
    expect(none.written).toBeUndefined();
    expect(view(none).status).toEqual({ text: '', progress: false });
  });
});

describe('busy', () => {
  it('disables the buttons and says what Excel is doing while a task runs, and takes no second task', () => {
    const busy = after(seedRead(), { type: 'started', task: 'generate' });
    expect(view(busy)).toMatchObject({ busy: true, runDisabled: true, status: { text: 'Writing the scenarios into the workbook…', progress: true } });
    expect(reduce(busy, { type: 'started', task: 'read' })).toBe(busy);
    const idle = after(busy, { type: 'failed', failure: { kind: 'excel', message: 'x' } });
    expect(view(idle)).toMatchObject({ busy: false, runDisabled: false });
  });

  it('keeps Read and Generate disabled outside Excel', () => {
    expect(view(initialState({ today: SEED_DAY, inExcel: false }))).toMatchObject({ busy: false, runDisabled: true });
  });
});

describe('the analysis runs once per change', () => {
  function counted() {
    const calls = { analyse: 0, resolve: 0 };
    const core: Core = {
      analyse: (input: AnalysisInput): Analysis => (calls.analyse++, analyse(input)),
      resolveAssumptions: (input, context) => (calls.resolve++, resolveAssumptions(input, context)),
    };
    const step = reducer(core);
    let state = initialState({ today: SEED_DAY }, core);
    const dispatch = (...actions: Action[]) => {
      calls.analyse = calls.resolve = 0;
      state = actions.reduce(step, state);
      for (let i = 0; i < 3; i++) view(state); // views read what the change found: no call of their own
      return { ...calls };
    };
    return dispatch;
  }

  it('once for a read and once for each keystroke, with no second validation of the assumptions', () => {
    const dispatch = counted();
    expect(dispatch({ type: 'started', task: 'read' })).toEqual({ analyse: 0, resolve: 0 });
    expect(dispatch({ type: 'read succeeded', grid: SEED })).toEqual({ analyse: 1, resolve: 0 });
    for (const text of ['4', '4.5', '4.25']) expect(dispatch(edit('discountRate', text))).toEqual({ analyse: 1, resolve: 0 });
    expect(dispatch({ type: 'class set', item: 'CRM', class: 'avoidable' })).toEqual({ analyse: 1, resolve: 0 });
    expect(dispatch({ type: 'source chosen', source: 'sheet' }, { type: 'started', task: 'generate' }, { type: 'failed', failure: { kind: 'excel', message: 'x' } }))
      .toEqual({ analyse: 0, resolve: 0 });
  });

  it('on a wrong assumption, reads the rows with the defaults once, and keeps them while the cells and classes stay', () => {
    const dispatch = counted();
    dispatch({ type: 'read succeeded', grid: SEED });
    expect(dispatch(edit('noticeMonths', '-'))).toEqual({ analyse: 2, resolve: 0 });
    expect(dispatch(edit('noticeMonths', '-1'))).toEqual({ analyse: 1, resolve: 0 });
    expect(dispatch({ type: 'class set', item: 'CRM', class: 'avoidable' })).toEqual({ analyse: 2, resolve: 0 });
    expect(dispatch(edit('noticeMonths', '24'))).toEqual({ analyse: 1, resolve: 0 });
  });

  it('validates the assumptions alone, once, before any rows are read', () => {
    const dispatch = counted();
    expect(dispatch(edit('horizonYears', '0'))).toEqual({ analyse: 0, resolve: 1 });
  });
});

describe('the ways of withdrawing', () => {
  const option = (index: number, field: Extract<Action, { type: 'option edited' }>['field'], value: string): Action => ({ type: 'option edited', index, field, value });
  const cost = (o: number, kind: 'exitCosts' | 'replacementCosts', index: number, field: string, value: string): Action => ({ type: 'cost edited', option: o, kind, index, field, value });
  /** The seed's decision, as an officer builds it: withdraw now with support bought in, or a year later. */
  const seedDecision = (state: State) => after(state,
    option(0, 'name', 'Withdraw now'),
    { type: 'cost added', option: 0, kind: 'exitCosts' }, cost(0, 'exitCosts', 0, 'label', 'Disaggregation'), cost(0, 'exitCosts', 0, 'amount', '£5,000'), cost(0, 'exitCosts', 0, 'fy', '2014/15'),
    { type: 'cost added', option: 0, kind: 'replacementCosts' }, cost(0, 'replacementCosts', 0, 'label', 'CRM and e-payments support'), cost(0, 'replacementCosts', 0, 'annual', '6000'),
    { type: 'option added' }, option(1, 'name', 'Withdraw a year later'), option(1, 'noticeServedOn', '2013-10-19'),
  );

  it('starts with one way, as the fields above describe, and gives the core no options for it', () => {
    const state = seedRead();
    expect(state.form.options).toEqual([{ name: 'Withdraw', noticeServedOn: '', noticeMonths: '', optimismBias: '', exitCosts: [], replacementCosts: [] }]);
    expect(state.checked.analysis?.appraisal.options.options.map((o) => o.option.name)).toEqual(['Withdraw']);
    expect(after(state, { type: 'option removed', index: 0 })).toBe(state);
  });

  it('builds the seed\'s decision and gets the worked example\'s figures from the core, to the penny', () => {
    const state = seedDecision(seedRead());
    expect(view(state).fields.errors).toEqual({});
    const options = state.checked.analysis?.appraisal.options.options ?? [];
    expect(options.map((o) => [o.option.name, o.npv])).toEqual([['Withdraw now', 2120779], ['Withdraw a year later', 2274939]]);
    expect(options[0].years.map((y) => y.netSaving)).toEqual([0, 0, 30192, 1180000, 1180000]);
    expect(options[0].paybackFy?.startYear).toBe(2014);
  });

  it('adds, duplicates and removes options, naming each anew, and builds the form again only then', () => {
    const added = after(seedRead(), { type: 'option added' }, { type: 'option added' });
    expect(added.form.options.map((o) => o.name)).toEqual(['Withdraw', 'Withdraw 2', 'Withdraw 3']);
    expect(added.formVersion).toBe(2);
    const typed = after(added, option(1, 'name', 'Later'));
    expect(typed.formVersion).toBe(2);
    const twin = after(typed, { type: 'option duplicated', index: 1 }, { type: 'option duplicated', index: 1 });
    expect(twin.form.options.map((o) => o.name)).toEqual(['Withdraw', 'Later', 'Later (copy) 2', 'Later (copy)', 'Withdraw 3']);
    const removed = after(twin, { type: 'option removed', index: 0 });
    expect(removed.form.options.map((o) => o.name)).toEqual(['Later', 'Later (copy) 2', 'Later (copy)', 'Withdraw 3']);
    expect(removed.formVersion).toBe(5);
  });

  it('duplicates an option with its costs, which then change apart', () => {
    const state = after(seedDecision(seedRead()), { type: 'option duplicated', index: 0 }, cost(1, 'exitCosts', 0, 'amount', '7000'));
    expect(state.form.options[0].exitCosts[0].amount).toBe('£5,000');
    expect(state.form.options[1]).toMatchObject({ name: 'Withdraw now (copy)', exitCosts: [{ label: 'Disaggregation', amount: '7000', fy: '2014/15' }] });
    expect(after(state, { type: 'cost removed', option: 1, kind: 'exitCosts', index: 0 }).form.options[1].exitCosts).toEqual([]);
  });

  it('puts each problem under its field: a cost line\'s amount, an option\'s name, its bias in percent', () => {
    const state = after(seedDecision(seedRead()), cost(0, 'exitCosts', 0, 'amount', 'lots'), option(1, 'name', 'withdraw NOW'), option(0, 'optimismBias', '300'));
    const errors = view(state).fields.errors;
    expect(errors['options.0.exitCosts.0.amount']).toBe('"lots" is not an amount of pounds up to £1,000,000,000,000 (give 5000 or "£5,000")');
    expect(errors['options.1.name']).toBe('"withdraw NOW" is the name of option 1, "Withdraw now", too (names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name');
    expect(errors['options.0.optimismBias']).toBe('Give a number of percent from 0 to 200, such as 41 for 41%.');
  });
});

describe('the price basis', () => {
  it('asks for the deflator with cash prices, takes one rate or a year\'s own, and restores both from the sheet', () => {
    const nominal = after(seedRead(), edit('prices', 'nominal'));
    expect(view(nominal).fields.errors.gdpDeflator).toMatch(/^missing: costs in cash \("nominal"\) need the GDP deflator/);
    const one = after(nominal, edit('gdpDeflator', '2'));
    expect(view(one).fields.errors).toEqual({});
    expect(formAssumptions(one)).toMatchObject({ prices: 'nominal', gdpDeflator: '2%' });
    // 1.02 a year from year 1: the seed's NPV at a 2% deflator, as the core's worked test has it.
    expect(one.checked.analysis?.savings.npv).toBe(3_663_510);
    const byYear = after(one, { type: 'deflator year added' }, { type: 'deflator year edited', index: 0, field: 'fy', value: '2013/14' }, { type: 'deflator year edited', index: 0, field: 'rate', value: '3' });
    expect(byYear.formVersion).toBe(one.formVersion + 1);
    expect(formAssumptions(byYear).gdpDeflator).toEqual({ '2013/14': '3%', otherYears: '2%' });
    expect(view(byYear).fields.errors).toEqual({});
    // Without a rate for the other years, each year deflated must be listed.
    const listed = after(byYear, edit('gdpDeflator', ''));
    expect(formAssumptions(listed).gdpDeflator).toEqual({ '2013/14': '3%' });
    expect(view(listed).fields.errors.gdpDeflator).toMatch(/^gives no rate for 2014\/15, 2015\/16, 2016\/17; list every financial year deflated/);

    const restored = after(initialState({ today: OTHER_DAY }), { type: 'last run read', definedNames: MARKERS, values: {
      VfM_NoticeServedOn: [[41201]], VfM_Prices: [['nominal']], VfM_GdpDeflator: [[0.02]], VfM_DeflatorYears: [[2013], ['']], VfM_DeflatorRates: [[0.03], ['']],
    } });
    expect(restored.form).toMatchObject({ prices: 'nominal', gdpDeflator: '2', deflatorYears: [{ fy: '2013/14', rate: '3' }] });
  });
});

describe('copying the committee report', () => {
  const written = () => generated(seedRead());
  const copying = (clipboard: Clipboard) => EFFECTS['copy report']({ excel: { run: () => Promise.reject(new Error('no Excel')) }, clock: FIXED_CLOCK, clipboard, readsMergedAreas: false }, () => after(written(), { type: 'started', task: 'copy report' }));

  it('puts the run\'s report on the clipboard as HTML and as plain text, and says so', async () => {
    const put: { html: string; text: string }[] = [];
    const action = await copying({ write: async (content) => { put.push(content); } });
    expect(action).toEqual({ type: 'report copied' });
    expect(put).toHaveLength(1);
    expect(put[0].text).toContain('save only the costs marked saved above: £17,800 a year');
    expect(put[0].text).toContain('Total\t43,597.81\t39,032.29');
    expect(put[0].html).toMatch(/^<div[^>]*><h2>Financial Implications<\/h2>/);
    expect(view(after(written(), { type: 'started', task: 'copy report' }, action)).status.text).toBe('Copied the Financial Implications text and its tables: paste it into the committee report.');
  });

  it('says where else to copy from when the clipboard refuses, and keeps the results', async () => {
    const action = await copying({ write: () => Promise.reject(new Error('the browser did not allow it')) });
    expect(action).toEqual({ type: 'copy refused', reason: 'the browser did not allow it' });
    const shown = view(after(written(), { type: 'started', task: 'copy report' }, action));
    expect(shown.status.text).toBe('The clipboard refused the text (the browser did not allow it). The VfM Report sheet holds the same words to copy from.');
    expect(shown.results.kind).toBe('written');
  });
});

describe('what Excel refused', () => {
  const failed = (failure: Extract<Action, { type: 'failed' }>['failure'], state = initialState({ today: OTHER_DAY })) =>
    view(after(state, { type: 'started', task: 'generate' }, { type: 'failed', failure })).status.text;

  it('turns Excel\'s codes and the host\'s refusals into failures, and anything else into Excel\'s own words', () => {
    const officeError = (code: string) => Object.assign(new Error(`Excel says ${code}`), { code });
    expect(failureOf(officeError('InvalidOperationInCellEditMode'))).toEqual({ kind: 'editing' });
    expect(failureOf(officeError('AccessDenied'))).toEqual({ kind: 'denied' });
    expect(failureOf(officeError('ApiNotFound'))).toEqual({ kind: 'old excel' });
    expect(failureOf(new WorkbookLocked('structure'))).toEqual({ kind: 'locked', why: 'structure' });
    expect(failureOf(new ExcelBusy(4, 'ActivityLimitReached'))).toEqual({ kind: 'busy', attempts: 4 });
    expect(failureOf(officeError('GeneralException'))).toEqual({ kind: 'excel', message: 'Excel says GeneralException' });
  });

  it('says what happened, that nothing was written, and what to do', () => {
    expect(failed({ kind: 'editing' })).toBe('Excel is editing a cell, so it could not be read or changed. Nothing was written. Finish editing the cell (press Enter or Esc), then try again.');
    expect(failed({ kind: 'locked', why: 'structure' })).toBe('This workbook\'s structure is protected, so VfM Scenarios cannot add its sheets. Nothing was written. Unprotect it (Review > Protect Workbook, giving the password if asked), then Generate again.');
    expect(failed({ kind: 'locked', why: 'read only' })).toMatch(/^This workbook is open read-only .* Nothing was written\. Switch to Editing, or save a copy you can edit, then Generate again\.$/);
    expect(failed({ kind: 'denied' })).toMatch(/protected, or the workbook is open read-only\. Nothing was written\. Unprotect it on the Review tab/);
    expect(failed({ kind: 'busy', attempts: 4 })).toBe('Excel was busy and did not take the request after 4 tries. Nothing was written. Wait a moment, then try again.');
    expect(failed({ kind: 'old excel' })).toMatch(/Excel JavaScript API 1\.9\)\. Nothing was written\. Update Excel/);
  });

  it('tries nothing in an older Excel, and says which version it needs', () => {
    const state = initialState({ today: OTHER_DAY, supported: false });
    expect(view(state)).toMatchObject({ runDisabled: true, status: { text: expect.stringMatching(/needs the Excel JavaScript API 1\.9 .*Nothing has been read or written\./) } });
    expect(view(initialState({ today: OTHER_DAY })).runDisabled).toBe(false);
  });

  it('says on opening that a Generate cut short was repaired, before what it restored', () => {
    const opened = (repaired?: 'rolled back' | 'finished', definedNames = MARKERS) => view(after(initialState({ today: OTHER_DAY }), { type: 'started', task: 'restore' },
      { type: 'last run read', definedNames, values: { VfM_RanAt: [['2026-11-25T10:42:00+00:00']] }, ...(repaired ? { repaired } : {}) })).status.text;
    expect(opened('rolled back', [])).toBe('The last Generate did not finish (the pane was closed or Excel stopped it), so the sheets it had begun have been removed; press Generate to write the scenarios again.');
    expect(opened('finished')).toMatch(/^The last Generate was cut short as it finished; its scenarios are complete, and the marks it had left have been removed\. Restored the inputs/);
    expect(opened()).toBe('Restored the inputs of the last run from the scenario sheet.');
  });
});
