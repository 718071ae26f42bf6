// The Office.js host against the strict fake of Excel: what it reads, what it writes, and how many
// round trips and bytes it takes.
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import path from 'path';
import { resolveAssumptions } from '../../../src/core/assumptions';
import { a1, rangeA1 } from '../../../src/core/cell';
import { runScenarios } from '../../../src/app/run';
import { FIXED_CLOCK } from '../../support/clock';
import { readLastRun, readWorkbook } from '../../../src/hosts/office/read-workbook';
import { REQUEST_BUDGET_BYTES, writeWorkbook } from '../../../src/hosts/office/write-workbook';
import { newWorkbookWithSource } from '../../../src/hosts/xlsx/write-workbook';
import { WorkbookPlan } from '../../../src/layout/plan';
import { INPUT_NAMES, assumptionsFromInputs } from '../../../src/layout/read-back';
import { CellSpec, FakeExcel, createFakeExcel } from '../../fake-office';
import { POOL_ASSUMPTIONS, SEED_ASSUMPTIONS, SEED_VALUES } from '../../support/analyses';


function fakeWith(rows: readonly (readonly CellSpec[])[], select = 'A1:B10'): FakeExcel {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Costs', rows);
  fake.workbook.select('Costs', select);
  return fake;
}

/** What the add-in does on Generate: read, analyse, plan, write; in one Excel.run. */
async function generate(fake: FakeExcel, assumptions: unknown = SEED_ASSUMPTIONS, source: 'selection' | 'sheet' = 'selection'): Promise<WorkbookPlan> {
  return fake.Excel.run(async (context) => {
    const state = await readWorkbook(context, source);
    if (!state.grid) throw new Error('nothing read');
    const { plan } = runScenarios({ workbook: { ...state, grid: state.grid }, assumptions, clock: FIXED_CLOCK });
    await writeWorkbook(context, plan, state.definedNames);
    return plan;
  });
}

describe('reading the source', () => {
  it('reads the selection, the sheets and the names in one round trip, dates by their format and errors as errors', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', [['Item', '£'], ['CRM', 46648.63], ['Licence', { error: '#N/A' }], ['Renewal', 41201], ['Core team', '£17,800']], {
      numberFormats: [[null, null], [null, '#,##0.00'], [null, null], [null, 'dd/mm/yyyy'], [null, null]],
    });
    fake.workbook.select('Costs', 'A2:B5');
    const state = await fake.Excel.run((context) => readWorkbook(context, 'selection'));
    expect(fake.counters.roundTrips).toBe(1);
    expect(state.grid).toEqual({ sheet: 'Costs', top: 2, left: 1, values: [['CRM', 46648.63], ['Licence', { error: '#N/A' }], ['Renewal', { date: '2012-10-19' }], ['Core team', '£17,800']] });
    expect(state.sheetNames).toEqual(['Costs']);
  });

  it('finds the used range of the active sheet, and says when the sheet is empty', async () => {
    const fake = fakeWith(SEED_VALUES);
    const state = await fake.Excel.run((context) => readWorkbook(context, 'sheet'));
    expect(state.grid?.values).toHaveLength(SEED_VALUES.length);
    const empty = createFakeExcel();
    empty.workbook.addSheet('Blank');
    expect((await empty.Excel.run((context) => readWorkbook(context, 'sheet'))).grid).toBeUndefined();
  });
});

describe('hidden and filtered rows', () => {
  const rows: CellSpec[][] = [['Item', '£'], ['CRM', 46648.63], ['Licence', 2400], ['Core team', 17800], ['Hosting', 500], ['Total', 67348.63]];

  it('names the hidden rows of the selection, read like the others, in the same one round trip', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', rows, { hiddenRows: [3, 5, 9] });
    fake.workbook.select('Costs', 'A2:B6');
    const state = await fake.Excel.run((context) => readWorkbook(context, 'selection'));
    expect(fake.counters.roundTrips).toBe(1);
    expect(state.grid).toEqual({
      sheet: 'Costs', top: 2, left: 1, hiddenRows: [3, 5],
      values: [['CRM', 46648.63], ['Licence', 2400], ['Core team', 17800], ['Hosting', 500], ['Total', 67348.63]],
    });
  });

  it('names the hidden rows of the used range when finding the table on the sheet, in one round trip', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', [[], ...rows], { hiddenRows: [1, 4] });
    const state = await fake.Excel.run((context) => readWorkbook(context, 'sheet'));
    expect(fake.counters.roundTrips).toBe(1);
    expect(state.grid).toMatchObject({ top: 2, left: 1, hiddenRows: [4] }); // row 1, hidden and empty, is not in the used range
    expect(state.address).toBe('Costs!A2:B7');
  });

  it('leaves hiddenRows out when no row is hidden, and finds nothing on a blank sheet, each in one round trip', async () => {
    const fake = fakeWith(rows, 'A1:B6');
    const state = await fake.Excel.run((context) => readWorkbook(context, 'selection'));
    expect(state.grid).not.toHaveProperty('hiddenRows');
    const blank = createFakeExcel();
    blank.workbook.addSheet('Blank', [], { hiddenRows: [1, 2] });
    const none = await blank.Excel.run((context) => readWorkbook(context, 'sheet'));
    expect(none).toMatchObject({ grid: undefined, address: undefined, sheetNames: ['Blank'] });
    expect([fake.counters.roundTrips, blank.counters.roundTrips]).toEqual([1, 1]);
  });

  it('names the hidden rows of a source too large for one response, read in pieces', async () => {
    const fake = createFakeExcel();
    const many = [['Item', '£'], ...Array.from({ length: 100_000 }, (_, i) => [`Contract ${i}`, 1000 + (i % 997)])];
    fake.workbook.addSheet('Costs', many, { hiddenRows: [3, 50_000, 100_001] });
    const state = await fake.Excel.run((context) => readWorkbook(context, 'sheet'));
    const reads = fake.counters.syncs.filter((sync) => !sync.error);
    expect(reads.length).toBeGreaterThan(3); // the names and shape, then at least two pieces
    expect(fake.counters.syncs[0].error).toBe('ResponsePayloadSizeLimitExceeded');
    expect(state.grid?.values).toHaveLength(100_001);
    expect(state.grid?.hiddenRows).toEqual([3, 50_000, 100_001]);
    expect(state.grid?.values[49_999]).toEqual(['Contract 49998', 1000 + (49_998 % 997)]);
  });
});

describe('merged cells', () => {
  const rows: CellSpec[][] = [['Partnership costs'], ['Item', '£'], ['CRM', 46648.63], ['Email', 845], ['Core team', 17800]];
  const merged = (blocks: string[], options: Parameters<typeof createFakeExcel>[0] = {}) => {
    const fake = createFakeExcel(options);
    fake.workbook.addSheet('Costs', rows, { merged: blocks });
    return fake;
  };

  it('names the blocks merged across rows that meet the source, in the same one round trip', async () => {
    const fake = merged(['A1:B1', 'B3:B4', 'D2:D9']);
    const state = await fake.Excel.run((context) => readWorkbook(context, 'sheet', { mergedAreas: true }));
    expect(fake.counters.roundTrips).toBe(1);
    // The title merged along its row is no block across rows; D2:D9 lies beyond the used range A1:B5 and is not seen.
    expect(state.grid?.mergedAcrossRows).toEqual([{ top: 3, left: 2, bottom: 4, right: 2 }]);
    expect(state.grid?.values[3]).toEqual(['Email', null]);
  });

  it('gives a block that reaches outside the selection whole', async () => {
    const fake = merged(['B3:B4']);
    fake.workbook.select('Costs', 'A2:B3');
    const state = await fake.Excel.run((context) => readWorkbook(context, 'selection', { mergedAreas: true }));
    expect(state.grid?.mergedAcrossRows).toEqual([{ top: 3, left: 2, bottom: 4, right: 2 }]);
  });

  it('does not ask where not told to (an Excel older than 1.13), and then reads the same cells', async () => {
    const fake = merged(['B3:B4'], { excelApiVersion: '1.9' });
    const state = await fake.Excel.run((context) => readWorkbook(context, 'sheet'));
    expect(fake.counters.syncs.map((sync) => sync.error)).toEqual([undefined]);
    expect(state.grid).not.toHaveProperty('mergedAcrossRows');
    expect(state.grid?.values).toHaveLength(rows.length);
  });

  it('reads the source again without them when Excel cannot give them all (more than 512 blocks)', async () => {
    const fake = merged([]);
    for (let row = 10; row < 10 + 2 * 513; row += 2) fake.workbook.sheet('Costs').merge(`C${row}:C${row + 1}`);
    fake.workbook.select('Costs', 'A1:C1040');
    const state = await fake.Excel.run((context) => readWorkbook(context, 'selection', { mergedAreas: true, named: ['VfM_RunLog'] }));
    expect(fake.counters.syncs.map((sync) => sync.error)).toEqual(['GeneralException', undefined]);
    expect(state.grid?.values.slice(0, 3).map((row) => row.slice(0, 2))).toEqual([['Partnership costs', null], ['Item', '£'], ['CRM', 46648.63]]);
    expect(state.grid).not.toHaveProperty('mergedAcrossRows');
    expect(state.named).toEqual({ VfM_RunLog: undefined });
  });

  it('is asked only of an Excel that has the API: an older one fails the request', async () => {
    const old = merged(['B3:B4'], { excelApiVersion: '1.12' });
    await expect(old.Excel.run((context) => readWorkbook(context, 'sheet', { mergedAreas: true }))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('asks again for the merged blocks of a source too large for one response', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', [['Item', '£'], ...Array.from({ length: 100_000 }, (_, i) => [`Contract ${i}`, 1000 + (i % 997)])], { merged: ['B50:B51'] });
    const state = await fake.Excel.run((context) => readWorkbook(context, 'sheet', { mergedAreas: true }));
    expect(fake.counters.syncs[0].error).toBe('ResponsePayloadSizeLimitExceeded');
    expect(state.grid?.mergedAcrossRows).toEqual([{ top: 50, left: 2, bottom: 51, right: 2 }]);
  });
});

describe('an Excel table on the sheet', () => {
  const REPORT: CellSpec[][] = [
    ['Staffordshire Connects: costs 2011/12'], [],
    ['Item', '£'], ['CRM', 46648.63], ['Licence', 2400], ['Core team', 17800], ['Total', 66848.63],
    [], ['Notes: figures exclude VAT'], [], ['Year', 'Budget'], [2012, 90000],
  ];

  it('is read in place of the used range, header row included, with its hidden rows, in a second round trip', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', REPORT, { tables: [{ name: 'PartnershipCosts', address: 'A3:B7', showTotals: true }], hiddenRows: [5, 9] });
    const state = await fake.Excel.run((context) => readWorkbook(context, 'sheet'));
    expect(fake.counters.roundTrips).toBe(2);
    expect(state).toMatchObject({ address: 'Costs!A3:B7', table: 'PartnershipCosts', sheetNames: ['Costs'] });
    expect(state.grid).toEqual({
      sheet: 'Costs', top: 3, left: 1, hiddenRows: [5],
      values: [['Item', '£'], ['CRM', 46648.63], ['Licence', 2400], ['Core team', 17800], ['Total', 66848.63]],
    });
  });

  it('reads the first of several tables, and no table for the selection or on a sheet without one (one round trip)', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', REPORT, { tables: [{ name: 'PartnershipCosts', address: 'A3:B7' }, { name: 'Budget', address: 'A11:B12' }] });
    fake.workbook.addSheet('Plain', REPORT);
    fake.workbook.select('Costs', 'A3:B12');
    const first = await fake.Excel.run((context) => readWorkbook(context, 'sheet'));
    expect([first.table, first.address]).toEqual(['PartnershipCosts', 'Costs!A3:B7']);
    fake.resetCounters();
    const selection = await fake.Excel.run((context) => readWorkbook(context, 'selection'));
    expect([selection.table, selection.address, fake.counters.roundTrips]).toEqual([undefined, 'Costs!A3:B12', 1]);
    fake.workbook.select('Plain', 'A1');
    fake.resetCounters();
    const plain = await fake.Excel.run((context) => readWorkbook(context, 'sheet'));
    expect([plain.table, plain.address, fake.counters.roundTrips]).toEqual([undefined, 'Plain!A1:B12', 1]);
  });

  it('is read alone when the rest of the sheet is too large for one response', async () => {
    const fake = createFakeExcel();
    const log = Array.from({ length: 100_000 }, (_, i) => [null, null, null, `Entry ${i}`, i]);
    fake.workbook.addSheet('Costs', [...REPORT, ...log], { tables: [{ name: 'PartnershipCosts', address: 'A3:B7' }] });
    const state = await fake.Excel.run((context) => readWorkbook(context, 'sheet'));
    expect(fake.counters.syncs.map((sync) => sync.error ?? 'ok')).toEqual(['ResponsePayloadSizeLimitExceeded', 'ok', 'ok']); // the sheet, its shape and tables, the table
    expect(state.grid?.values).toHaveLength(5);
    expect(state.table).toBe('PartnershipCosts');
  });

  it('is what Generate analyses: four round trips in all, Excel\'s calculation the last', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', [['Budget', 1000], [], ...SEED_VALUES], { tables: [{ name: 'Seed', address: `A3:B${SEED_VALUES.length + 2}` }] });
    const plan = await generate(fake, SEED_ASSUMPTIONS, 'sheet');
    expect(fake.counters.roundTrips).toBe(4);
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual(['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    const items = Object.values(fake.workbook.sheet('VfM Cost Rows').cells()).map((cell) => cell.value);
    expect(items).toContain('Staffordshire Connects 2011/12 Core Team');
    expect(items).not.toContain('Budget'); // above the table: not read
    expect(items).toContain('Cost rows read from Costs!A5:B12');
  });
});

describe('writing the scenarios', () => {
  it('reads and writes the seed in two round trips, with calculation suspended while it writes, then has Excel calculate it in a third', async () => {
    const fake = fakeWith(SEED_VALUES);
    await generate(fake);
    expect(fake.counters.roundTrips).toBe(3);
    expect(fake.counters.syncs[1].calculationSuspended).toBe(true);
    expect(fake.counters.syncs[2].calculations).toEqual(['Full']);
    expect(fake.workbook.sheetNames).toEqual(['Costs', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    const names = fake.workbook.names();
    expect(names.VfM_NPV).toMatch(/^='VfM Scenarios'!\$C\$\d+$/);
    expect(names.VfM_Sheet_CostRows).toBe("='VfM Cost Rows'!$A$1");
  });

  it('gives the report\'s long sentences the heights the plan gives their rows', async () => {
    const fake = fakeWith(SEED_VALUES);
    const plan = await generate(fake);
    const heights = plan.sheets.find((sheet) => sheet.name === 'VfM Report')?.rowHeights ?? [];
    expect(heights.length).toBeGreaterThan(3);
    expect(fake.workbook.sheet('VfM Report').rowHeights()).toEqual(Object.fromEntries(heights.map((h) => [h.row, h.points])));
  });

  it('adds the options sheet\'s native charts, drawing from the plan\'s cells, in the same round trips', async () => {
    const fake = fakeWith(SEED_VALUES);
    const options = JSON.parse(readFileSync(path.resolve(__dirname, '../../../examples/staffordshire-connects.options.json'), 'utf8'));
    const plan = await generate(fake, options);
    expect(fake.counters.roundTrips).toBe(3);
    const planned = plan.sheets.find((sheet) => sheet.name === 'VfM Options')?.charts ?? [];
    expect(planned).toHaveLength(2);
    const at = (block: { top: number; left: number; bottom: number; right: number }) => rangeA1(block);
    expect(fake.workbook.sheet('VfM Options').charts()).toEqual(planned.map((chart) => ({
      type: chart.kind === 'bar' ? 'BarClustered' : 'ColumnClustered',
      title: chart.title,
      position: { start: a1(chart.anchor.top, chart.anchor.left), end: a1(chart.anchor.bottom, chart.anchor.right) },
      legendPosition: 'Bottom',
      valueAxisFormat: chart.valueFormat,
      categoryAxisReversed: chart.kind === 'bar',
      series: chart.series.map((series) => ({ name: series.name.text, values: at(series.values), xValues: at(chart.categories) })),
    })));
    // Two options, so the net saving chart has a series each, named after them.
    expect(planned[0].series.map((series) => series.name.text)).toEqual(['Withdraw now', 'Withdraw a year later']);
  });

  it('sets up each sheet for printing as the plan has it, in the same round trips: A4 landscape, one page wide, its area, title rows, breaks and footer', async () => {
    const fake = fakeWith(SEED_VALUES);
    const options = JSON.parse(readFileSync(path.resolve(__dirname, '../../../examples/staffordshire-connects.options.json'), 'utf8'));
    const plan = await generate(fake, options);
    expect(fake.counters.roundTrips).toBe(3);
    for (const planned of plan.sheets) {
      const print = planned.print;
      if (!print) throw new Error(`${planned.name} has no print set-up`);
      expect({ sheet: planned.name, ...fake.workbook.sheet(planned.name).pageLayout }).toEqual({
        sheet: planned.name,
        orientation: 'Landscape',
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        paperSize: 'A4',
        printArea: rangeA1(print.area),
        printTitleRows: print.titleRows ? `${print.titleRows.first}:${print.titleRows.last}` : null,
        horizontalPageBreaks: print.breaksAbove,
        footer: { left: '&A', center: 'Source &F, run on 2012-10-19T09:30:00Z', right: 'Page &P of &N' },
      });
    }
    // The scenario sheet breaks above its workings, and prints their years atop every page after.
    const scenarios = fake.workbook.sheet('VfM Scenarios').pageLayout;
    expect(scenarios.horizontalPageBreaks).toHaveLength(1);
    expect(scenarios.printTitleRows).toBe(`${scenarios.horizontalPageBreaks[0]}:${scenarios.horizontalPageBreaks[0]}`);
    expect(fake.workbook.sheet('VfM Scenarios').cells()[`A${scenarios.horizontalPageBreaks[0]}`].value).toBe('Workings');
  });

  it('restores the ways of withdrawing and their costs of leaving from the options sheet, as the core reads them', async () => {
    const fake = fakeWith(SEED_VALUES);
    const options = JSON.parse(readFileSync(path.resolve(__dirname, '../../../examples/staffordshire-connects.options.json'), 'utf8'));
    const given = { ...options, options: [{ ...options.options[0], optimismBias: '41%', replacementCosts: [{ label: 'Stranded costs', annual: 9000, months: 18, share: '75%' }] }, options.options[1]] };
    await generate(fake, given);
    const { values } = await fake.Excel.run((context) => readLastRun(context, INPUT_NAMES));
    const today = { year: 2026, month: 12, day: 2 };
    const resolve = (given: Record<string, unknown>) => resolveAssumptions(given, { today, yearsInLabels: new Map() }).values.options;
    expect(resolve(assumptionsFromInputs(values))).toEqual(resolve(given));
  });

  it('writes exactly the cells the .xlsx writer writes for the same plan', async () => {
    const fake = fakeWith(SEED_VALUES);
    const plan = await generate(fake, POOL_ASSUMPTIONS);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await newWorkbookWithSource({ sheet: 'Costs', top: 1, left: 1, values: [] }, plan) as unknown as ArrayBuffer);
    for (const planned of plan.sheets) {
      const fromFile: Record<string, unknown> = {};
      (workbook.getWorksheet(planned.name) as ExcelJS.Worksheet).eachRow((row) => row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellValue;
        if (v === null || v === undefined) return;
        // exceljs reads a number in a date format back as a Date; Excel holds the serial.
        fromFile[cell.address] = v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : typeof v === 'object' && 'formula' in v ? `=${v.formula}` : v;
      }));
      const fromExcel: Record<string, unknown> = {};
      for (const [address, cell] of Object.entries(fake.workbook.sheet(planned.name).cells())) {
        if (cell.formula !== undefined) fromExcel[address] = cell.formula;
        else if (cell.value !== '') fromExcel[address] = cell.value;
      }
      expect(fromExcel).toEqual(fromFile);
    }
  });

  it('keeps text as text: labels that look like formulas, numbers or booleans', async () => {
    const labels = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-2+3', '@cmd', '2012', 'TRUE', "'quoted"];
    const fake = fakeWith(labels.map((label, i) => [label, 100 + i]), `A1:B${labels.length}`);
    await generate(fake);
    const cells = fake.workbook.sheet('VfM Cost Rows').cells();
    const items = Object.entries(cells).filter(([address]) => /^A\d+$/.test(address) && Number(address.slice(1)) >= 9).map(([, c]) => c);
    expect(items.map((c) => [c.type, c.value, c.formula])).toEqual(labels.map((label) => ['String', label, undefined]));
  });

  it('replaces its own sheets on a second run and leaves a look-alike sheet of the user\'s alone', async () => {
    const fake = fakeWith(SEED_VALUES);
    fake.workbook.addSheet('VfM Audit', [['my own notes']]);
    await generate(fake);
    expect(fake.workbook.sheetNames).toEqual(['Costs', 'VfM Audit', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit (2)']);
    fake.workbook.select('Costs', 'A1:B10');
    await generate(fake, { ...SEED_ASSUMPTIONS, discountRate: 0.05 });
    expect(fake.workbook.sheetNames).toEqual(['Costs', 'VfM Audit', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit (2)']);
    expect(fake.workbook.sheet('VfM Audit').cells().A1.value).toBe('my own notes');
    expect(Object.keys(fake.workbook.names()).filter((n) => n === 'VfM_NPV')).toHaveLength(1);
  });

  it('restores the last run\'s inputs from the sheets in one round trip', async () => {
    const fake = fakeWith(SEED_VALUES);
    await generate(fake, { ...POOL_ASSUMPTIONS, overrides: { CRM: 'avoidable' } });
    fake.resetCounters();
    const { values } = await fake.Excel.run((context) => readLastRun(context, INPUT_NAMES));
    expect(fake.counters.roundTrips).toBe(1);
    expect(assumptionsFromInputs(values)).toEqual({
      baseYear: 2011, noticeServedOn: '2012-10-19', noticeMonths: 24, fyStartMonth: 4, horizonYears: 5, indexation: 0, discountRate: 0.035,
      prices: 'real', sharing: 'shared-pool', partners: POOL_ASSUMPTIONS.partners, overrides: { CRM: 'avoidable' },
      options: [{ name: 'Withdraw', noticeServedOn: '2012-10-19', noticeMonths: 24, optimismBias: 0, exitCosts: [], replacementCosts: [] }],
    });
  });
});

describe('the round-trip and payload budgets', () => {
  // Every tenth amount as text: each brings a note to the written sheet.
  const table = (rows: number) => [['Item', '£'], ...Array.from({ length: rows }, (_, i) => [
    i % 50 === 0 ? `Membership subscription ${i}` : `Contract ${i} with a supplier`,
    i % 10 === 0 ? `£${1000 + (i % 997)}.50` : 1000 + (i % 997),
  ])];

  it('takes at most three round trips for 5,000 rows: the read, the write and Excel\'s calculation', async () => {
    const fake = fakeWith(table(5000), 'A1:B5001');
    await generate(fake);
    expect(fake.counters.roundTrips).toBeLessThanOrEqual(3);
    expect(fake.counters.largestRequestBytes).toBeLessThan(REQUEST_BUDGET_BYTES + 500_000);
  });

  it('keeps every request under 4 MB for 100,000 rows, however many it takes', async () => {
    const fake = fakeWith(table(100_000), 'A1:B100001');
    await generate(fake);
    const reads = fake.counters.syncs.filter((sync) => sync.actions === sync.loads);
    const writes = fake.counters.syncs.filter((sync) => sync.actions > sync.loads && !sync.calculations);
    expect(reads.filter((sync) => !sync.error).length).toBeGreaterThan(1); // the source came in pieces: too large for one response
    expect(writes.length).toBeGreaterThan(1);
    for (const sync of writes) {
      expect(sync.requestBytes).toBeLessThan(4_000_000);
      expect(sync.calculationSuspended).toBe(true);
    }
    expect(Object.keys(fake.workbook.sheet('VfM Cost Rows').cells()).filter((a) => a.startsWith('A')).length).toBeGreaterThan(100_000);
  });
});

describe('all or nothing', () => {
  it('leaves the earlier run exactly as it was when a request fails partway through a new one', async () => {
    const rows = [['Item', '£'], ...Array.from({ length: 60_000 }, (_, i) => [`Contract ${i}`, 1000 + (i % 997)])];
    const first = fakeWith(rows, 'A1:B60001');
    await generate(first);
    const before = first.workbook.snapshot();

    // The same workbook in an Excel that refuses requests over 2.5 MB: a later request of the new run fails.
    const strict = createFakeExcel({ payloadLimitBytes: 2_500_000 });
    strict.workbook.load(before);
    strict.workbook.select('Costs', 'A1:B60001');
    await expect(generate(strict, { ...SEED_ASSUMPTIONS, discountRate: 0.05 })).rejects.toThrow(/payload size has exceeded the limit/);
    expect(strict.counters.syncs.filter((sync) => sync.actions > sync.loads && !sync.error).length).toBeGreaterThan(0); // some requests had gone through
    expect(strict.workbook.snapshot()).toEqual(before);
  });
});
