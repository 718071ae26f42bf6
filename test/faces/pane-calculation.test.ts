/** @jest-environment node */
// What the pane says of Excel's own calculation of the scenarios just written, and where it says
// why a check of the workbook could not be made: beside the check, not under Generate.
import { runScenarios } from '../../src/app/run';
import { Action, Calculation, State, initialState, reduce } from '../../src/faces/taskpane/model';
import { view } from '../../src/faces/taskpane/view-model';
import { SEED_VALUES } from '../support/analyses';
import { FIXED_CLOCK, SEED_DAY } from '../support/clock';

const after = (state: State, ...actions: Action[]) => actions.reduce(reduce, state);
const SEED = { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES };

function generated(calculation: Calculation): State {
  const run = runScenarios({ workbook: { grid: SEED, sheetNames: ['Costs'], definedNames: [] }, assumptions: { noticeServedOn: '2012-10-19' }, clock: FIXED_CLOCK });
  return after(initialState({ today: SEED_DAY }), { type: 'started', task: 'generate' },
    { type: 'generate succeeded', grid: SEED, analysis: run.analysis, sheet: 'VfM Scenarios', ranAt: run.facts.ranAt, calculation });
}

function calculationShown(state: State) {
  const results = view(state).results;
  if (results.kind !== 'written') throw new Error(results.kind);
  return results.calculation;
}

describe('Excel\'s calculation of the scenarios written', () => {
  it('says it agrees to the penny', () => {
    expect(calculationShown(generated({ kind: 'agrees' }))).toEqual({ ok: true, text: expect.stringMatching(/^Excel's calculation agrees to the penny/) });
  });

  it('names each result that differs, in words, with Excel\'s figure and the product\'s as money', () => {
    const shown = calculationShown(generated({
      kind: 'differs',
      differences: [{ name: 'VfM_NPV', expected: 3_903_229 as never, found: 39032.3 }, { name: 'VfM_OptionNPVs', index: 0, expected: 3_903_229 as never, found: '#NAME?' }],
    }));
    expect(shown?.ok).toBe(false);
    expect(shown?.text).toBe('Excel\'s calculation disagrees with VfM Scenarios: the net present value of the saving is £39,032.30 in Excel and £39,032.29 in VfM Scenarios; '
      + 'the net present value of "Withdraw" against staying is #NAME? in Excel and £39,032.29 in VfM Scenarios. The workbook\'s formulas do not give the product\'s figures: rely on neither until this is explained.');
  });

  it('says when Excel did not confirm it calculated them, and what to do', () => {
    expect(calculationShown(generated({ kind: 'not calculated', message: 'The request failed.' }))).toEqual({
      ok: false, text: 'Excel did not confirm that it recalculated the scenarios (The request failed), so their figures may not be up to date: press Calculate Now on the Formulas tab before relying on them.',
    });
  });
});

describe('a check that could not be made', () => {
  const failedCheck = (failure: Extract<Action, { type: 'failed' }>['failure']) => view(after(initialState({ today: SEED_DAY }), { type: 'started', task: 'check' }, { type: 'failed', failure }));

  it('says why beside the check, and nothing under Generate', () => {
    const shown = failedCheck({ kind: 'excel', message: 'The response payload size has exceeded the limit.' });
    expect(shown.check).toEqual({ kind: 'failed', text: 'Excel reported a problem: The response payload size has exceeded the limit. The workbook has not been checked.' });
    expect(shown.status.text).toBe('');
  });

  it('gives a workbook that cannot be checked its own words there', () => {
    expect(failedCheck({ kind: 'source', message: 'This workbook cannot be checked: it holds no sheets VfM Scenarios wrote. Generate the scenarios first.' }).check)
      .toEqual({ kind: 'failed', text: 'This workbook cannot be checked: it holds no sheets VfM Scenarios wrote. Generate the scenarios first.' });
  });
});
