// The pane's Check reads the source range the audit sheet stamped (VfM_SourceRange) only where the
// source sheet holds cells, as vfm verify does: a stamp a reviewer widened to Excel's whole grid
// (17 billion cells) is read as the sheet's used cells, in the same two round trips as an unchanged
// check, and found as vfm verify finds it (test/cli/verify-source-range.test.ts: sound).
import { runScenarios } from '../../../src/app/run';
import { VerifyReport } from '../../../src/app/verify';
import { EFFECTS } from '../../../src/faces/taskpane/effects';
import { readWorkbook } from '../../../src/hosts/office/read-workbook';
import { writeWorkbook } from '../../../src/hosts/office/write-workbook';
import { createFakeExcel, FakeExcel } from '../../fake-office';
import { SEED_ASSUMPTIONS, SEED_VALUES } from '../../support/analyses';
import { FIXED_CLOCK } from '../../support/clock';
import { excelEngine } from '../../support/excel-engine';
import { fakeWorld } from '../../support/world';

/** The seed's results as docs/conventions.md, "The seed, worked through", works them out, which Excel would have calculated: saving 43,597.81, NPV 39,032.29, checks TRUE. */
const CALCULATED: Record<string, number | boolean> = { VfM_TotalSaving: 43597.81, VfM_NPV: 39032.29, VfM_OptionNPVs: 39032.29, VfM_PreferredNPV: 39032.29, VfM_MasterCheck: true, VfM_OptionsCheck: true };

/** The cell a workbook name refers to, as sheet and A1 address. */
function cellOf(fake: FakeExcel, name: string): { sheet: string; address: string } {
  const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(fake.workbook.names()[name] ?? '');
  if (!match) throw new Error(`no single cell named ${name}`);
  return { sheet: match[1], address: `${match[2]}${match[3]}` };
}

/** A fake Excel with the seed on Costs, the scenarios generated from A1:B10, the named results calculated as docs/conventions.md, "The seed, worked through", works them out. */
async function generated(): Promise<FakeExcel> {
  const results = () => new Map(Object.keys(CALCULATED).filter((name) => name in fake.workbook.names()).map((name) => {
    const { sheet, address } = cellOf(fake, name);
    return [`${sheet}!${address}`, CALCULATED[name]] as const;
  }));
  // Every other formula as Excel calculates it (the product's evaluator, held to LibreOffice's values elsewhere).
  const fake: FakeExcel = createFakeExcel({ evaluate: excelEngine(() => fake, (_formula, at) => results().get(`${at.sheet}!${at.address}`)) });
  fake.workbook.addSheet('Costs', SEED_VALUES);
  fake.workbook.select('Costs', 'A1:B10');
  await fake.Excel.run(async (context) => {
    const state = await readWorkbook(context, 'selection');
    const { plan } = runScenarios({ workbook: { ...state, grid: state.grid! }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    await writeWorkbook(context, plan, state.definedNames);
  });
  return fake;
}

/** The audit sheet's stamped source range made `text`, as a reviewer would type it. */
function stamp(fake: FakeExcel, text: string): void {
  const { sheet, address } = cellOf(fake, 'VfM_SourceRange');
  fake.workbook.sheet(sheet).put(address, [[text]]);
}

/** The audit sheet's stamped source range, as the cell holds it. */
function stampedText(fake: FakeExcel): unknown {
  const { sheet, address } = cellOf(fake, 'VfM_SourceRange');
  return fake.workbook.sheet(sheet).values(address)[0][0];
}

/**
 * The pane's Check, with Excel answering two round trips only: a check that asks for a third
 * (to read the range again in pieces) is reported as such rather than left to read 17 billion cells.
 */
async function checkInTwoRoundTrips(fake: FakeExcel): Promise<VerifyReport> {
  fake.resetCounters();
  const closed = fake.closeAfter(2).then(() => 'the check asked Excel for a third round trip' as const);
  const checked = EFFECTS.check(fakeWorld(fake), () => { throw new Error('the check reads no state'); });
  const action = await Promise.race([checked, closed]);
  if (typeof action === 'string') throw new Error(`${action}: ${fake.counters.syncs.map((s) => `${s.statements.length} actions${s.error ? ` (${s.error})` : ''}`).join('; ')}`);
  if (action.type !== 'checked') throw new Error(action.type);
  return action.report;
}

/** Check's report and the bytes Excel sent back for it. */
async function checked(fake: FakeExcel): Promise<{ report: VerifyReport; responseBytes: number }> {
  const report = await checkInTwoRoundTrips(fake);
  return { report, responseBytes: fake.counters.responseBytes };
}

describe("the pane's Check and the source range the audit sheet stamped", () => {
  it("reads a stamp of Excel's whole grid within the source sheet's cells: sound, in two round trips, reading about the bytes the stamp as written reads", async () => {
    const asWritten = await generated();
    expect(stampedText(asWritten)).toBe('Costs!A3:B10');
    const unchanged = await checked(asWritten);
    expect(unchanged.report.findings).toEqual([]);

    const widened = await generated();
    stamp(widened, 'Costs!A1:XFD1048576');
    const whole = await checked(widened);
    expect(whole.report).toMatchObject({ findings: [], calculated: true, source: 'Costs!A1:XFD1048576' });
    expect(widened.counters.roundTrips).toBe(2);
    // The sheet's used cells read, A1:B10: four more than the stamp as written (its title and the
    // blank row under it), under a kilobyte more; Excel's whole grid would be gigabytes.
    expect(whole.responseBytes - unchanged.responseBytes).toBeLessThan(1000);
  });

  it('reads a whole-grid stamp over a source sheet since cleared, finding what it finds with the stamp as written', async () => {
    const asWritten = await generated();
    asWritten.workbook.sheet('Costs').put('A1:B10', SEED_VALUES.map((row) => row.map(() => '')));
    const unchanged = await checked(asWritten);

    const widened = await generated();
    widened.workbook.sheet('Costs').put('A1:B10', SEED_VALUES.map((row) => row.map(() => '')));
    stamp(widened, 'Costs!A1:XFD1048576');
    const whole = await checked(widened);
    expect(unchanged.report.findings.map((f) => [f.kind, f.place, f.message])).toEqual([['source', 'Costs!A3:A10', 'the range is empty: no cost rows to read']]);
    // The same finding, naming the range as stamped (its first column, where the items would be).
    expect(whole.report.findings.map((f) => [f.kind, f.place, f.message])).toEqual([['source', 'Costs!A1:A1048576', 'the range is empty: no cost rows to read']]);
  });

  it('reads a stamp of cells the source sheet never held, which Excel finds no cells of, as empty: no cost rows there, named', async () => {
    const fake = await generated();
    stamp(fake, 'Costs!H20:J5000');
    const { report } = await checked(fake);
    expect(fake.counters.roundTrips).toBe(2);
    expect(report.findings.map((f) => [f.kind, f.place, f.message])).toEqual([['source', 'Costs!H20:H5000', 'the range is empty: no cost rows to read']]);
  });
});
