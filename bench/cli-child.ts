// The CLI end to end on large workbooks, in-process. Prints JSON.
// - 20,000 cost rows alone, against the floor of merely reading and writing that workbook with
//   exceljs (a general workbook library);
// - the same cost rows beside an unrelated sheet of 200,000 ledger rows, against the CLI on the
//   cost rows alone (what --out costs should follow what the product writes, not the size of the
//   user's workbook) and against exceljs reading and writing the larger workbook.
// The sheet is named with --sheet: without it, every visible sheet is read to weigh which holds
// the cost rows.
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { run } from '../src/faces/cli/main';
import { costGrid } from './cost-grid';

const rows = Number(process.argv[2]);
const ledgerRows = Number(process.argv[3]);
const repeats = Number(process.argv[4]);
const dir = mkdtempSync(path.join(os.tmpdir(), 'vfm-bench-'));
const costs = path.join(dir, 'costs.xlsx');
const withLedger = path.join(dir, 'costs-and-ledger.xlsx');

async function makeWorkbook(file: string, ledger: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  if (ledger > 0) {
    const sheet = workbook.addWorksheet('Ledger');
    sheet.addRow(['Date', 'Supplier', 'Description', 'Cost centre', 'Amount']).commit();
    for (let i = 0; i < ledger; i++) {
      sheet.addRow([new Date(Date.UTC(2011, 3, 1 + (i % 365))), `Supplier ${i % 997}`, `Invoice ${100000 + i} for services`, `CC${i % 50}`, (i % 10000) / 7]).commit();
    }
    sheet.commit();
  }
  const sheet = workbook.addWorksheet('Costs');
  for (const values of costGrid(rows).values) sheet.addRow(values as ExcelJS.CellValue[]).commit();
  sheet.commit();
  await workbook.commit();
}

const exceljsFloor = (file: string) => async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  await workbook.xlsx.writeFile(path.join(dir, 'floor.xlsx'));
};

const quiet = { out: () => undefined, err: (t: string) => process.stderr.write(t), clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };
const cli = (file: string) => async () => {
  const code = await run(['analyse', file, '--sheet', 'Costs', '--out', path.join(dir, 'out.xlsx')], quiet);
  if (code !== 0) throw new Error(`vfm exited ${code}`);
};

async function timed(f: () => Promise<void>): Promise<number> {
  global.gc?.();
  const start = performance.now();
  await f();
  return performance.now() - start;
}
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

(async () => {
  await makeWorkbook(costs, 0);
  await makeWorkbook(withLedger, ledgerRows);
  const runs = { floor: exceljsFloor(costs), cli: cli(costs), cliLedger: cli(withLedger), floorLedger: exceljsFloor(withLedger) };
  const times: Record<keyof typeof runs, number[]> = { floor: [], cli: [], cliLedger: [], floorLedger: [] };
  for (const f of Object.values(runs)) await f(); // warm-up
  // Rounds alternate the runs, so that a busy moment on the machine falls on all alike; the
  // slow floor of the large workbook is timed in the first three rounds only.
  for (let i = 0; i < repeats; i++) {
    for (const [name, f] of Object.entries(runs) as [keyof typeof runs, () => Promise<void>][]) {
      if (name === 'floorLedger' && i >= 3) continue;
      times[name].push(await timed(f));
    }
  }
  console.log(JSON.stringify({
    rows,
    ledgerRows,
    floorMs: median(times.floor),
    cliMs: median(times.cli),
    cliLedgerMs: median(times.cliLedger),
    floorLedgerMs: median(times.floorLedger),
    ratios: times.cli.map((c, i) => c / times.floor[i]),
    ledgerRatios: times.cliLedger.map((c, i) => c / times.cli[i]),
  }));
})();
