// The add-in's Generate against the fake Excel: round trips and request sizes for a table of a
// given size, for the Office.js host (its last round trip has Excel calculate the workbook and reads
// the results back) and for a naive writer that sends one cost row a request.
import { runScenarios } from '../src/app/run';
import { moneyResultNames } from '../src/app/verify';
import { Analysis } from '../src/core/analysis';
import { FIXED_CLOCK } from '../test/support/clock';
import { readWorkbook } from '../src/hosts/office/read-workbook';
import { writeWorkbook } from '../src/hosts/office/write-workbook';
import { a1 } from '../src/core/cell';
import { Content, WorkbookPlan, rowsOf } from '../src/layout/plan';
import { createFakeExcel } from '../test/fake-office';
import { costGrid } from './cost-grid';

const rows = Number(process.argv[2]);

const input = (content: Content) => (content === null ? '' : 'text' in content ? `'${content.text}` : 'number' in content ? content.number : `=${content.formula}`);

/** The baseline: every row of every block in a request of its own. */
async function naiveWrite(context: Excel.RequestContext, plan: WorkbookPlan): Promise<void> {
  for (const planned of plan.sheets) {
    const sheet = context.workbook.worksheets.add(planned.name);
    for (const block of planned.blocks) {
      for (const [r, row] of [...rowsOf(block.rows)].entries()) {
        const range = sheet.getRange(`${a1(block.top + r, block.left)}:${a1(block.top + r, block.left + row.length - 1)}`);
        range.formulas = [row.map(input)];
        await context.sync(); // the pattern the host avoids: a request a row
      }
    }
  }
}

type Write = (context: Excel.RequestContext, plan: WorkbookPlan, names: readonly { name: string; sheet: string }[], analysis: Analysis) => Promise<unknown>;

async function measure(write: Write) {
  const fake = createFakeExcel();
  const grid = costGrid(rows);
  fake.workbook.addSheet('Costs', grid.values.map((row) => row.map((v) => (v === null || typeof v === 'object' ? null : v))));
  fake.workbook.select('Costs', `A1:B${grid.values.length}`);
  await fake.Excel.run(async (context) => {
    const state = await readWorkbook(context, 'selection', { mergedAreas: true }); // as the pane reads in an Excel with ExcelApi 1.13
    if (!state.grid) throw new Error('nothing read');
    const { plan, analysis } = runScenarios({ workbook: { ...state, grid: state.grid }, assumptions: { noticeServedOn: '2012-10-19' }, clock: FIXED_CLOCK });
    await write(context, plan, state.definedNames, analysis);
  });
  const c = fake.counters;
  return { roundTrips: c.roundTrips, calculating: c.syncs.filter((s) => s.calculations).length, largestRequestBytes: c.largestRequestBytes, requestBytes: c.requestBytes };
}

(async () => {
  const host = await measure((context, plan, names, analysis) => writeWorkbook(context, plan, names, undefined, moneyResultNames(analysis)));
  const naive = await measure(naiveWrite);
  console.log(JSON.stringify({ rows, host, naive }));
})();
