// Checking the open workbook (the pane's "Check this workbook"): the Office host reads the product's
// sheets and the source back in two round trips, and the check finds what vfm verify finds in the
// same workbook written as a file.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { runScenarios } from '../../../src/app/run';
import { VerifyReport } from '../../../src/app/verify';
import { Io, run } from '../../../src/faces/cli/main';
import { EFFECTS } from '../../../src/faces/taskpane/effects';
import { initialState } from '../../../src/faces/taskpane/model';
import { readWorkbook } from '../../../src/hosts/office/read-workbook';
import { writeWorkbook } from '../../../src/hosts/office/write-workbook';
import { newWorkbookWithSource } from '../../../src/hosts/xlsx/write-workbook';
import { CellSpec, createFakeExcel, FakeExcel, FIVE_MEGABYTES } from '../../fake-office';
import { SEED_ASSUMPTIONS, SEED_VALUES } from '../../support/analyses';
import { FIXED_CLOCK } from '../../support/clock';
import { cellElement, tamper } from '../../support/tamper';
import { excelEngine } from '../../support/excel-engine';
import { temporaryDirectory } from '../../support/workbooks';
import { fakeWorld } from '../../support/world';

/** The seed's results as docs/conventions.md, "The seed, worked through", works them out, which Excel would have calculated: saving 43,597.81, NPV 39,032.29, checks TRUE. */
const CALCULATED: Record<string, number | boolean> = { VfM_TotalSaving: 43597.81, VfM_NPV: 39032.29, VfM_OptionNPVs: 39032.29, VfM_PreferredNPV: 39032.29, VfM_MasterCheck: true, VfM_OptionsCheck: true };

/** A fake Excel with the seed on Costs, whose named results calculate to the figures of docs/conventions.md, "The seed, worked through". */
function calculatingFake(rows: readonly (readonly CellSpec[])[] = SEED_VALUES): FakeExcel {
  // The names are read when a cell is, by which time the scenarios are written.
  const results = () => new Map(Object.entries(fake.workbook.names()).flatMap(([name, formula]) => {
    const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(formula);
    return match && name in CALCULATED ? [[`${match[1]}!${match[2]}${match[3]}`, CALCULATED[name]] as const] : [];
  }));
  // Every other formula as Excel calculates it (the product's evaluator, held to LibreOffice's values elsewhere).
  const fake: FakeExcel = createFakeExcel({ evaluate: excelEngine(() => fake, (_formula, at) => results().get(`${at.sheet}!${at.address}`)) });
  fake.workbook.addSheet('Costs', rows);
  fake.workbook.select('Costs', `A1:B${rows.length}`);
  return fake;
}

async function generate(fake: FakeExcel): Promise<void> {
  await fake.Excel.run(async (context) => {
    const state = await readWorkbook(context, 'selection');
    const { plan } = runScenarios({ workbook: { ...state, grid: state.grid! }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    await writeWorkbook(context, plan, state.definedNames);
  });
}

/** Generate as the pane's effect makes it: the log of earlier runs read with the source. */
async function generateFromThePane(fake: FakeExcel): Promise<void> {
  fake.workbook.select('Costs', 'A1:B10');
  const state = initialState({ today: { year: 2012, month: 10, day: 19 } });
  await EFFECTS.generate(fakeWorld(fake), () => ({ ...state, form: { ...state.form, noticeServedOn: '2012-10-19' } }));
}

async function check(fake: FakeExcel): Promise<VerifyReport> {
  fake.resetCounters();
  const action = await EFFECTS.check(fakeWorld(fake), () => { throw new Error('the check reads no state'); });
  if (action.type !== 'checked') throw new Error(action.type);
  return action.report;
}

describe('the log of runs in the open workbook', () => {
  it('adds a row a Generate, the earlier rows kept, read with the source in the same round trips', async () => {
    const fake = calculatingFake();
    await generateFromThePane(fake);
    fake.resetCounters();
    await generateFromThePane(fake);
    expect(fake.counters.roundTrips).toBe(3); // the source and the log read, the write, Excel's calculation
    const log = /^='?(.*?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(fake.workbook.names().VfM_RunLog)!;
    const rows = fake.workbook.sheet(log[1]).values(`${log[2]}${log[3]}:${log[4]}${log[5]}`);
    expect(rows.map((row) => row.slice(1, 4))).toEqual([['the first run logged', 'Withdraw', 39032.29], ['none', 'Withdraw', 39032.29]]);
  });
});

describe('checking the open workbook', () => {
  it('finds the scenarios just generated sound, their results as calculated checked, in two round trips', async () => {
    const fake = calculatingFake();
    await generate(fake);
    const report = await check(fake);
    expect(fake.counters.roundTrips).toBe(2);
    expect(report).toMatchObject({ findings: [], calculated: true, ranAt: '2012-10-19T09:30:00Z' });
  });

  it('reads 5,000 cost rows back for the check in two round trips too', async () => {
    const rows = [['Item', '£'], ...Array.from({ length: 5000 }, (_, i) => [`Contract ${i} with a supplier`, 1000 + (i % 997)])];
    const fake = calculatingFake(rows);
    await generate(fake);
    const report = await check(fake);
    expect(fake.counters.roundTrips).toBe(2);
    // Only the results differ: the fake calculates the seed's figures, not this table's.
    expect(report.findings.filter((f) => f.kind !== 'result')).toEqual([]);
  });

  it('finds what vfm verify finds in the same workbook as a file: a formula replaced by a value, a result wrong', async () => {
    const fake = calculatingFake();
    await generate(fake);
    const npv = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(fake.workbook.names().VfM_TotalSaving)!;
    fake.workbook.sheet(npv[1]).put(`${npv[2]}${npv[3]}`, [[50000]]);
    const inExcel = await check(fake);
    expect(inExcel.findings.map((f) => [f.kind, f.place, f.message])).toEqual([
      ['cell', `'${npv[1]}'!${npv[2]}${npv[3]}`, 'a formula replaced by a typed value'],
      ['result', 'VfM_TotalSaving', 'a result as saved differs from the recomputation'],
    ]);

    // The same plan written as a file, the same cell typed over: vfm verify names the same cell.
    const dir = temporaryDirectory();
    const { plan } = runScenarios({ workbook: { grid: { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES }, sheetNames: ['Costs'], definedNames: [] }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    const file = path.join(dir, 'written.xlsx');
    writeFileSync(file, await newWorkbookWithSource({ sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES }, plan));
    const json = path.join(dir, 'found.json');
    const io: Io = { out: () => undefined, err: () => undefined, clock: FIXED_CLOCK };
    const address = `${npv[2]}${npv[3]}`;
    await tamper(file, file, `sheet:${npv[1]}`, (xml) => xml.replace(cellElement(address), `<c r="${address}"><v>50000</v></c>`));
    expect(await run(['verify', file, '--json', json], io)).toBe(3);
    const inFile = JSON.parse(readFileSync(json, 'utf8')).findings as { kind: string; place: string; message: string }[];
    expect(inFile.map((f) => [f.kind, f.place, f.message])).toEqual([inExcel.findings.map((f) => [f.kind, f.place, f.message])[0]]);
  });
});

describe('checking a large workbook', () => {
  it('reads 50,000 cost rows back in pieces, each reply under Excel on the web\'s 5 MB', async () => {
    const rows = [['Item', '£'], ...Array.from({ length: 50_000 }, (_, i) => [`Contract ${i} with a supplier`, 1000 + (i % 997)])];
    const fake = calculatingFake(rows);
    await generate(fake);
    const report = await check(fake);
    // Only the results differ: the fake calculates the seed's figures, not this table's.
    expect(report.findings.filter((f) => f.kind !== 'result')).toEqual([]);
    expect(fake.counters.syncs.filter((s) => s.error === undefined).every((s) => s.responseBytes < FIVE_MEGABYTES)).toBe(true);
  }, 900_000);
});

describe('checking text the product wrote that Excel could take for a formula', () => {
  it('finds a label written as text beginning "=" sound, though Range.formulas reads it without its apostrophe', async () => {
    // A source label typed with an apostrophe: the cost rows sheet writes it as text ('=CRM...).
    const rows = SEED_VALUES.map((row, i): CellSpec[] => (i === 4 ? [{ text: '=CRM (customer records)', quotePrefix: true }, row[1]] : row));
    const fake = calculatingFake(rows);
    await generate(fake);
    const written = Object.values(fake.workbook.sheet('VfM Cost Rows').cells()).filter((c) => c.value === '=CRM (customer records)');
    expect(written.map((c) => [c.type, c.formula])).toEqual([['String', undefined]]);
    const report = await check(fake);
    expect(report.findings).toEqual([]);
  });
});
