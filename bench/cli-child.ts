// The CLI end to end on a large workbook, against the floor of merely reading and writing that
// workbook with the same xlsx library. Prints JSON.
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { run } from '../src/faces/cli/main';
import { costGrid } from './cost-grid';

const rows = Number(process.argv[2]);
const repeats = Number(process.argv[3]);
const dir = mkdtempSync(path.join(os.tmpdir(), 'vfm-bench-'));
const input = path.join(dir, 'costs.xlsx');

async function makeWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Costs');
  for (const values of costGrid(rows).values) sheet.addRow(values);
  await workbook.xlsx.writeFile(input);
}

async function floor(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(path.join(dir, 'floor.xlsx'));
}

const quiet = { out: () => undefined, err: (t: string) => process.stderr.write(t), clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };
async function cli(): Promise<void> {
  const code = await run(['analyse', input, '--out', path.join(dir, 'out.xlsx')], quiet);
  if (code !== 0) throw new Error(`vfm exited ${code}`);
}

async function timed(f: () => Promise<void>): Promise<number> {
  global.gc?.();
  const start = performance.now();
  await f();
  return performance.now() - start;
}
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

(async () => {
  await makeWorkbook();
  await floor(); // warm-up
  await cli();
  // Rounds alternate the two, so that a busy moment on the machine falls on both alike.
  const floors: number[] = [];
  const clis: number[] = [];
  for (let i = 0; i < repeats; i++) {
    floors.push(await timed(floor));
    clis.push(await timed(cli));
  }
  console.log(JSON.stringify({ rows, floorMs: median(floors), cliMs: median(clis), ratios: clis.map((c, i) => c / floors[i]) }));
})();
