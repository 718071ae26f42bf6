// The report sheet recalculated by LibreOffice says, line for line, what the clipboard and the Word
// document say (the core's report in words), for the seed, the options example and the shared pool;
// and after an input changes in the sheet, what the core says for the changed input.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { analyse } from '../../src/core/analysis';
import { a1 } from '../../src/core/cell';
import { committeeReport } from '../../src/core/report';
import { Io, run } from '../../src/faces/cli/main';
import { documentText, reportDocument } from '../../src/layout/report-document';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { reportSheet } from '../../src/layout/report-sheet';
import { calc, DescribeResult, SetValue } from '../support/libreoffice';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
const SHEET = 'VfM Report';
const example = (name: string) => JSON.parse(readFileSync(path.join(ROOT, `examples/staffordshire-connects.${name}.json`), 'utf8'));

async function coreText(assumptions: unknown): Promise<{ text: string[]; cells: string[][] }> {
  const grid = await (await readBack(EXAMPLE)).grid('Costs');
  const analysis = analyse({ grid, assumptions, today: TODAY });
  // The report's lines below its title, and the cells the sheet holds them in, row by row.
  const text = documentText(reportDocument(committeeReport(analysis))).split('\n').filter((line) => line !== '').slice(1);
  const plan = reportSheet(SHEET, analysis, []).build({ columnWidths: [], footer: { left: [], center: [], right: [] } });
  const rows = new Map<number, number>();
  for (const block of plan.blocks) {
    const first = block.rows.at(0) ?? [];
    if (block.top > 2 && first.some((c) => c !== null)) rows.set(block.top, Math.max(rows.get(block.top) ?? 0, block.left + first.length - 1));
  }
  const cells = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([row, last]) => Array.from({ length: last }, (_, c) => `'${SHEET}'!${a1(row, c + 1)}`));
  return { text, cells };
}

const WORKING = 'Working, not for the report';

/** Each row of the report sheet as Calc shows it, its cells joined by tabs as the plain text joins them, down to its working. */
function shown(described: DescribeResult, cells: string[][]): string[] {
  const lines = cells.map((row) => row.map((ref) => described[ref].display).join('\t').trimEnd());
  expect(lines.slice(lines.indexOf(WORKING))).toEqual([WORKING, 'The base year as a financial year\t2011/12']);
  return lines.slice(0, lines.indexOf(WORKING));
}

async function written(assumptions: unknown): Promise<string> {
  const dir = temporaryDirectory();
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(assumptions));
  const out = path.join(dir, 'out.xlsx');
  expect(await run(['analyse', EXAMPLE, '--assumptions', path.join(dir, 'a.json'), '--out', out], IO)).toBe(0);
  return out;
}

it.each(['assumptions', 'options', 'shared-pool'])('says in the sheet what the core says in words, for the %s example', async (name) => {
  const assumptions = example(name);
  const { text, cells } = await coreText(assumptions);
  const [described] = await calc(await written(assumptions), [{ describe: cells.flat() }]);
  expect(shown(described, cells)).toEqual(text);
});

it('follows inputs changed in the sheet: a cost row made avoidable, a higher discount rate', async () => {
  const assumptions = example('shared-pool');
  const file = await written(assumptions);
  const classes = namedRange(await readBack(file), 'VfM_Classes');
  if (!classes) throw new Error('no VfM_Classes');
  const crm = `'${classes.sheet}'!${a1(classes.range.top + 1, classes.range.left)}`;
  const changed: Record<string, SetValue> = { VfM_DiscountRate: 0.05, [crm]: 'avoidable' };
  const { text, cells } = await coreText({ ...assumptions, discountRate: '5%', overrides: { CRM: 'avoidable' } });
  const [, described] = await calc(file, [{ set: changed }, { describe: cells.flat() }]);
  const lines = shown(described, cells);
  expect(lines).toEqual(text);
  expect(lines.join('\n')).toContain('save only the costs marked saved above: £64,449 a year');
});
