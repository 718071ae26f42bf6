// One run: the use case both faces call, on the seed.
import { runScenarios } from '../../src/app/run';
import { toPounds } from '../../src/core/money';
import { SEED_ASSUMPTIONS, SEED_VALUES } from '../support/analyses';
import { FIXED_CLOCK } from '../support/clock';
import { version } from '../../package.json';

const seed = { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES };

describe('a run', () => {
  it('analyses the seed to the penny and plans the product sheets beside the user\'s own', () => {
    const run = runScenarios({ workbook: { grid: seed, sheetNames: ['Costs', 'VfM Scenarios'], definedNames: [] }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    expect(toPounds(run.analysis.savings.npv)).toBe(39032.29);
    expect(run.plan.sheets.map((s) => s.name)).toEqual(['VfM Scenarios (2)', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    expect(run.plan.remove).toEqual([]);
  });

  it('states the product, the version, the clock\'s moment, the file and a fingerprint of the source', () => {
    const run = runScenarios({ workbook: { grid: seed, sheetNames: ['Costs'], definedNames: [], file: 'costs.xlsx' }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    expect(run.facts).toEqual({
      product: 'VfM Scenarios', version, ranAt: '2012-10-19T09:30:00Z', sourceFile: 'costs.xlsx', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      sourceCells: expect.arrayContaining([{ address: 'A4', value: 'Staffordshire Connects 2011/12 Core Team' }, { address: 'B4', value: '17800' }]),
    });
    // Each cell of the table that holds something, stamped as text: the header's "£", six rows of two, the total row's two.
    expect(run.facts.sourceCells).toHaveLength(15);
    const changed = runScenarios({ workbook: { grid: { ...seed, values: SEED_VALUES.map((row, i) => (i === 4 ? [row[0], 1] : row)) }, sheetNames: ['Costs'], definedNames: [] }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    expect(changed.facts.fingerprint).not.toBe(run.facts.fingerprint);
    expect(changed.facts).not.toHaveProperty('sourceFile');
    expect(changed.facts.sourceCells?.find((c) => c.address === 'B5')).toEqual({ address: 'B5', value: '1' });
  });

  it('replaces the sheets of an earlier run, found by their marker names', () => {
    const run = runScenarios({
      workbook: { grid: seed, sheetNames: ['Costs', 'Old scenarios'], definedNames: [{ name: 'VfM_Sheet_Scenarios', sheet: 'Old scenarios' }] },
      assumptions: SEED_ASSUMPTIONS,
      clock: FIXED_CLOCK,
    });
    expect(run.plan.remove).toEqual(['Old scenarios']);
  });

  it('reads the amount column asked for', () => {
    const years = { sheet: 'Costs', top: 1, left: 1, values: [['Item', '2010/11', '2011/12'], ['Core team', 17250.4, 17800], ['CRM', 45120.15, 46648.63]] };
    const run = runScenarios({ workbook: { grid: years, sheetNames: ['Costs'], definedNames: [] }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK, column: '2010/11' });
    expect(run.analysis.table.columns).toMatchObject({ chosen: { letter: 'B' }, by: 'given' });
    expect(toPounds(run.analysis.computedTotal)).toBe(62370.55);
  });

  it('takes the default notice date from the clock\'s day', () => {
    const run = runScenarios({ workbook: { grid: seed, sheetNames: ['Costs'], definedNames: [] }, clock: { today: () => ({ year: 2013, month: 1, day: 2 }), now: () => '' } });
    expect(run.analysis.assumptions.noticeServedOn).toEqual({ year: 2013, month: 1, day: 2 });
  });
});
