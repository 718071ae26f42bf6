// The log's last row read back for verification: its columns found by the headings above the log,
// whichever order the version that wrote it gave them; inputs that cannot be read are left out.
import { differencesSinceRun, inputsText, lastLoggedRun } from '../../src/layout/run-log';
import { SEED_VALUES, analysisOf } from '../support/analyses';

const fingerprint = 'a'.repeat(64);

describe('the run the log of runs recorded last', () => {
  it('reads the last row that holds something, by the headings of this version', () => {
    const headings = ['When (UK time)', 'Inputs changed since the previous run', 'Preferred', 'Its NPV £', 'Version', 'Source fingerprint', 'Inputs as the run took them'];
    const rows = [
      ['2026-12-01T10:00:00Z', 'the first run logged', 'Withdraw', 100, '0.1.0', 'b'.repeat(64), '{"discountRate":"0.05"}'],
      ['2026-12-02T10:00:00Z', 'Discount rate', 'Withdraw now', 22749.39, '0.1.0', fingerprint, '{"discountRate":"0.035"}'],
      ['', '', '', '', '', '', ''],
    ];
    expect(lastLoggedRun(rows, headings)).toEqual({ inputs: { discountRate: '0.035' }, fingerprint, preferred: 'Withdraw now', npv: 22749.39 });
  });

  it('reads a log whose version put the version and fingerprint second, as an earlier one did', () => {
    const headings = ['When (UK time)', 'Version', 'Source fingerprint', 'Inputs changed since the previous run', 'Preferred', 'Its NPV £', 'Inputs as the run took them'];
    const rows = [['2026-12-01T10:00:00Z', '0.1.0', fingerprint, 'the first run logged', 'Withdraw', 39032.29, '{"noticeMonths":24}']];
    expect(lastLoggedRun(rows, headings)).toEqual({ inputs: { noticeMonths: 24 }, fingerprint, preferred: 'Withdraw', npv: 39032.29 });
  });

  it('leaves out inputs that cannot be read, and gives nothing for a log with no row', () => {
    expect(lastLoggedRun([['2026-12-01T10:00:00Z', 'none', 'Withdraw', 5, '0.1.0', fingerprint, 'not json']])).toEqual({ fingerprint, preferred: 'Withdraw', npv: 5 });
    expect(lastLoggedRun([[null, null], ['', '']])).toBeUndefined();
  });
});

describe('what differs from the run the log recorded', () => {
  const analysis = analysisOf(SEED_VALUES);
  const inputs = JSON.parse(inputsText(analysis)) as Record<string, unknown>;
  const npv = 39032.29; // the seed's NPV, docs/conventions.md, "The seed, worked through"

  it('nothing, for the run\'s own inputs, source and NPV', () => {
    expect(differencesSinceRun({ inputs, fingerprint: 'f', preferred: 'Withdraw', npv }, analysis, 'f')).toEqual([]);
  });

  it('a class set at the run, under an item label any text may be, in words; and the NPV a penny off', () => {
    const logged = { inputs: { ...inputs, overrides: { constructor: 'committed', CRM: 'committed' } }, preferred: 'Withdraw', npv: 39032.3 };
    expect(differencesSinceRun(logged, analysis, 'f')).toEqual([
      { place: 'Classes set by the user, constructor', atRun: '"committed"', now: 'none' },
      { place: 'Classes set by the user, CRM', atRun: '"committed"', now: 'none' },
      { place: 'Preferred option', atRun: 'Withdraw (NPV £39,032.30)', now: 'Withdraw (NPV £39,032.29)' },
    ]);
  });
});
