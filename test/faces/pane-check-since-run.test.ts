// The pane's Check shows, apart from the findings, the inputs that differ from the run the log of
// runs recorded, in the words vfm verify prints: the model sound for today's inputs, and the inputs
// not the run's.
import { VerifyReport } from '../../src/app/verify';
import { initialState, reduce } from '../../src/faces/taskpane/model';
import { view } from '../../src/faces/taskpane/view-model';
import { SEED_DAY } from '../support/clock';

const report = (over: Partial<VerifyReport>): VerifyReport => ({ findings: [], calculated: true, ranAt: '2012-10-19T09:30:00Z', source: 'Costs!A1:B10', sinceRun: [], runLog: 'compared', ...over });
const checked = (r: VerifyReport) => view(reduce(initialState({ today: SEED_DAY }), { type: 'checked', report: r })).check;

describe('the check of the workbook against the run', () => {
  it('stays sound with an input changed since the run, and lists it apart with its value at the run and now', () => {
    const check = checked(report({ sinceRun: [{ kind: 'since-run', place: 'Discount rate', message: 'differs from the run', expected: '3.5% a year', found: '1.5% a year' }] }));
    expect(check).toMatchObject({
      kind: 'checked', sound: true, findings: [],
      sinceRun: { summary: 'The inputs or results differ from the run\'s, as the log of runs on the audit sheet recorded them:', lines: ['Discount rate: 3.5% a year at the run, 1.5% a year now'] },
    });
    expect(check.kind === 'checked' && check.summary).toMatch(/^Sound: /);
  });

  it('says the inputs are the run\'s, or that the log does not record them', () => {
    expect(checked(report({}))).toMatchObject({ sinceRun: { summary: 'The inputs, the source\'s fingerprint and the preferred option\'s NPV are the run\'s, as the log of runs on the audit sheet recorded them.', lines: [] } });
    expect(checked(report({ runLog: 'not recorded' }))).toMatchObject({ sinceRun: { summary: 'The log of runs on the audit sheet does not record the run\'s inputs, so they are not compared with those now in the workbook.', lines: [] } });
  });
});
