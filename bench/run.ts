// npm run bench: figures as ratios to baselines measured in the same run.
// Targets: inputs at the limits run in time linear in their size and within 1 GB (a CSV of a
// million rows with --out, a merged note on every row, 14,000 labels of 32,767 characters); the core grows linearly (1,048,575 rows in under 12x the 100k time) and a run at the
// largest size stays under 1 GB; the CLI end to end on 20,000 rows (--out) takes at most 2x the
// time of merely reading and writing that workbook with exceljs, and beside an unrelated sheet of
// 200,000 rows at most 1.2x the time without it and no more than exceljs reading and writing the
// larger workbook; the add-in's Generate
// takes at most 3 round trips up to 5,000 rows (read, write, and Excel's calculation with its
// results read back) and keeps every request under 4 MB; the pane's
// bundle is at most 150 KB gzipped (Office.js aside); `vfm --version` takes at most 2x `node -e 0`.
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { gzipSync } from 'zlib';
import { packAndInstall } from '../scripts/packed';

const measure = (script: string, args: string[], flags: string[] = []) =>
  JSON.parse(execFileSync(process.execPath, [...flags, '-r', 'tsx/cjs', path.join(__dirname, script), ...args], { encoding: 'utf8' }));

const sizes: [number, number][] = [[1_000, 21], [10_000, 11], [100_000, 7], [1_048_575, 5]];
const results = sizes.map(([rows, repeats]) => ({
  rows,
  ...(measure('core-child.ts', ['time', String(rows), String(repeats)], ['--expose-gc']) as { coreMs: number; floorMs: number }),
  ...(measure('core-child.ts', ['memory', String(rows)]) as { peakRssMb: number }),
}));

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log('Core: read the cost table from a grid of cells, classify, project both scenarios, appraise five options.');
console.log('Time: median of repeats in a process per size. Floor: a bare loop reading and adding the amounts.');
console.log('Memory: peak resident memory of a process that builds the grid and runs the job once.');
console.log('     rows   core ms  floor ms  core/floor  time x previous (rows x)  peak RSS MB');
results.forEach((r, i) => {
  const prev = results[i - 1];
  const growth = prev ? `${fmt(r.coreMs / prev.coreMs, 2)} (${fmt(r.rows / prev.rows, 2)})` : '-';
  console.log(`${String(r.rows).padStart(9)} ${fmt(r.coreMs).padStart(9)} ${fmt(r.floorMs).padStart(9)} ${fmt(r.coreMs / r.floorMs, 2).padStart(11)}  ${growth.padStart(24)} ${fmt(r.peakRssMb, 0).padStart(12)}`);
});

const appraisal = measure('core-child.ts', ['options', '100000', '7'], ['--expose-gc']) as { coreMs: number; plainMs: number };
console.log(`Five options with costs of leaving, their tornado and switching values, at 100,000 rows: ${fmt(appraisal.coreMs)} ms, ${fmt(appraisal.coreMs / appraisal.plainMs, 2)}x one analysis of one option without (${fmt(appraisal.plainMs)} ms).`);

const big = results[results.length - 1];
const hundredK = results[results.length - 2];
const linear = big.coreMs / hundredK.coreMs;
const cli = measure('cli-child.ts', ['20000', '200000', '7'], ['--expose-gc', '--max-old-space-size=8192']) as {
  rows: number; ledgerRows: number; floorMs: number; cliMs: number; cliLedgerMs: number; floorLedgerMs: number; ratios: number[]; ledgerRatios: number[];
};
const cliRatio = cli.cliMs / cli.floorMs;
const ledgerRatio = cli.cliLedgerMs / cli.cliMs;
const ledgerFloorRatio = cli.cliLedgerMs / cli.floorLedgerMs;
console.log('');
console.log('CLI end to end: vfm analyse INPUT.xlsx --sheet Costs --out OUTPUT.xlsx, in-process; rounds alternate the runs, medians of 7.');
console.log(`  20,000 cost rows: floor (exceljs reads and writes the workbook) ${fmt(cli.floorMs, 0)} ms, CLI ${fmt(cli.cliMs, 0)} ms, ratio ${fmt(cliRatio, 2)} (rounds: ${cli.ratios.map((r) => fmt(r, 2)).join(', ')})`);
console.log(`  the same beside a 200,000-row ledger sheet: CLI ${fmt(cli.cliLedgerMs, 0)} ms, ${fmt(ledgerRatio, 2)}x the CLI without it (rounds: ${cli.ledgerRatios.map((r) => fmt(r, 2)).join(', ')}),`);
console.log(`  ${fmt(ledgerFloorRatio, 2)}x exceljs reading and writing that workbook (${fmt(cli.floorLedgerMs, 0)} ms, median of 3)`);

// Inputs at the limits, through the compiled command as a user runs it (--out and --json), each in
// a fresh process whose heap is held to 768 MB, so that with its code, buffers and young objects the
// process stays within 1 GB: a CSV of 100,000 and 1,000,000 rows, 20,000 and 200,000 rows each with
// a note merged across columns, and 1,400 and 14,000 labels of 32,767 characters (458 MB, near the
// 500 MB a file read may be).
execFileSync(process.execPath, [path.join(__dirname, '../scripts/build-cli.js')]);
const limitsDir = mkdtempSync(path.join(os.tmpdir(), 'vfm-limits-'));
const atLimit = (kind: string, rows: number): { ms: number; peakRssMb: number } | undefined => {
  const file = execFileSync(process.execPath, ['-r', 'tsx/cjs', path.join(__dirname, 'limits-input.ts'), kind, String(rows), limitsDir], { encoding: 'utf8' }).trim();
  try {
    return measure('limits-child.ts', [file, limitsDir], ['--max-old-space-size=768']) as { ms: number; peakRssMb: number };
  } catch {
    return undefined; // out of memory, or failed: the target is missed
  } finally {
    rmSync(file, { force: true });
  }
};
const csvRows = [atLimit('csv', 100_000), atLimit('csv', 1_000_000)];
const mergedRows = [atLimit('merged', 20_000), atLimit('merged', 200_000)];
const longLabels = [atLimit('labels', 1_400), atLimit('labels', 14_000)];
rmSync(limitsDir, { recursive: true, force: true });
const said = (r: { ms: number; peakRssMb: number } | undefined) => (r ? `${fmt(r.ms, 0)} ms, peak ${fmt(r.peakRssMb, 0)} MB` : 'failed (out of memory?)');
const ratioOf = (pair: ({ ms: number } | undefined)[]) => (pair[0] && pair[1] ? pair[1].ms / pair[0].ms : Infinity);
console.log('');
console.log('Inputs at the limits: vfm analyse INPUT --out --json, the compiled command, a process each, heap held to 768 MB (target: peak under 1,024 MB).');
console.log(`  CSV, 100,000 rows: ${said(csvRows[0])}; 1,000,000 rows: ${said(csvRows[1])}; time x${fmt(ratioOf(csvRows), 2)} for 10x the rows`);
console.log(`  .xlsx with a note merged across columns on every row, 20,000 rows: ${said(mergedRows[0])}; 200,000 rows: ${said(mergedRows[1])}; time x${fmt(ratioOf(mergedRows), 2)} for 10x the rows`);
console.log(`  CSV of labels of 32,767 characters, 1,400 (46 MB): ${said(longLabels[0])}; 14,000 (458 MB): ${said(longLabels[1])}; time x${fmt(ratioOf(longLabels), 2)} for 10x the rows`);

console.log('');
console.log('The add-in\'s Generate (read, analyse, write) against the fake Excel, next to a naive writer that sends a request a row:');
console.log('Round trips: all of Generate\'s, and of them the one that has Excel calculate the workbook and reads its results back.');
console.log('     rows  round trips (naive)  of them calculating  largest request KB (naive)  all requests KB (naive)');
const office = [100, 5_000, 100_000].map((rows) => measure('office-child.ts', [String(rows)], ['--max-old-space-size=4096']) as {
  rows: number; host: { roundTrips: number; calculating: number; largestRequestBytes: number; requestBytes: number }; naive: { roundTrips: number; largestRequestBytes: number; requestBytes: number };
});
const kb = (bytes: number) => fmt(bytes / 1024, 0);
for (const o of office) {
  console.log(`${String(o.rows).padStart(9)}  ${`${o.host.roundTrips} (${o.naive.roundTrips})`.padStart(19)}  ${String(o.host.calculating).padStart(19)}  ${`${kb(o.host.largestRequestBytes)} (${kb(o.naive.largestRequestBytes)})`.padStart(26)}  ${`${kb(o.host.requestBytes)} (${kb(o.naive.requestBytes)})`.padStart(23)}`);
}

const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'vfm-bundle-'));
execFileSync(process.execPath, [path.join(__dirname, '../node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', bundleDir], { cwd: path.join(__dirname, '..'), stdio: 'ignore' });
const bundled = readdirSync(bundleDir).filter((f) => /\.(js|css)$/.test(f));
const gzipped = bundled.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(bundleDir, f)), { level: 9 }).length, 0);
rmSync(bundleDir, { recursive: true, force: true });
console.log('');
console.log(`The pane's bundle (${bundled.join(', ')}): ${kb(gzipped)} KB gzipped, Office.js aside (budget 150 KB).`);

/** Median wall time of a fresh process, over rounds alternating the commands. */
function startTimes(commands: string[][], rounds: number): number[] {
  const times = commands.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((args, i) => {
      const start = process.hrtime.bigint();
      execFileSync(process.execPath, args, { stdio: 'ignore' });
      times[i].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}
// vfm as a user has it: the package packed and installed with npm install -g into a temporary prefix.
const installDir = mkdtempSync(path.join(os.tmpdir(), 'vfm-installed-'));
const installed = packAndInstall(installDir);
const example = (name: string) => path.join(installed.packageDir, 'examples', name);
const [nodeMs, versionMs, helpMs, analyseMs] = startTimes([
  ['-e', '0'],
  [installed.script, '--version'],
  [installed.script, '--help'],
  [installed.script, 'analyse', example('staffordshire-connects.xlsx'), '--assumptions', example('staffordshire-connects.assumptions.json'), '--out', path.join(installDir, 'out.xlsx')],
], 11);
rmSync(installDir, { recursive: true, force: true });
const versionRatio = versionMs / nodeMs;
console.log('');
console.log(`Start-up of vfm as installed (npm pack, npm install -g), medians of 11: node -e 0 ${fmt(nodeMs, 0)} ms, vfm --version ${fmt(versionMs, 0)} ms (${fmt(versionRatio, 2)}x), vfm --help ${fmt(helpMs, 0)} ms (${fmt(helpMs / nodeMs, 2)}x); vfm analyse on the example with --out ${fmt(analyseMs, 0)} ms.`);

const fiveThousand = office.find((o) => o.rows === 5_000);
const targets = [
  { name: `1,048,575 rows take ${fmt(linear, 2)}x the 100k time (target < 12x)`, met: linear < 12 },
  { name: `a run at 1,048,575 rows peaks at ${fmt(big.peakRssMb, 0)} MB (target < 1024 MB)`, met: big.peakRssMb < 1024 },
  { name: `a CSV of 1,000,000 rows takes ${fmt(ratioOf(csvRows), 2)}x the time of 100,000 (target < 12x)`, met: ratioOf(csvRows) < 12 },
  { name: `a CSV of 1,000,000 rows with --out peaks at ${csvRows[1] ? fmt(csvRows[1].peakRssMb, 0) : '(failed)'} MB (target < 1024 MB)`, met: (csvRows[1]?.peakRssMb ?? Infinity) < 1024 },
  { name: `200,000 rows with merged notes take ${fmt(ratioOf(mergedRows), 2)}x the time of 20,000 (target < 12x)`, met: ratioOf(mergedRows) < 12 },
  { name: `200,000 rows with merged notes peak at ${mergedRows[1] ? fmt(mergedRows[1].peakRssMb, 0) : '(failed)'} MB (target < 1024 MB)`, met: (mergedRows[1]?.peakRssMb ?? Infinity) < 1024 },
  { name: `14,000 labels of 32,767 characters take ${fmt(ratioOf(longLabels), 2)}x the time of 1,400 (target < 12x)`, met: ratioOf(longLabels) < 12 },
  { name: `14,000 labels of 32,767 characters peak at ${longLabels[1] ? fmt(longLabels[1].peakRssMb, 0) : '(failed)'} MB (target < 1024 MB)`, met: (longLabels[1]?.peakRssMb ?? Infinity) < 1024 },
  { name: `the CLI on 20,000 rows takes ${fmt(cliRatio, 2)}x the read-and-write floor (target <= 2x)`, met: cliRatio <= 2 },
  { name: `--out beside a 200,000-row sheet takes ${fmt(ledgerRatio, 2)}x the time without it (target <= 1.2x)`, met: ledgerRatio <= 1.2 },
  { name: `--out beside a 200,000-row sheet takes ${fmt(ledgerFloorRatio, 2)}x exceljs reading and writing that workbook (target <= 1x)`, met: ledgerFloorRatio <= 1 },
  { name: `Generate on 5,000 rows takes ${fiveThousand?.host.roundTrips} round trips, ${fiveThousand?.host.calculating} of them Excel's calculation (target <= 3, one calculating)`, met: (fiveThousand?.host.roundTrips ?? 99) <= 3 && fiveThousand?.host.calculating === 1 },
  { name: 'Excel is asked to calculate once in every Generate', met: office.every((o) => o.host.calculating === 1) },
  { name: `the largest request at 100,000 rows is ${kb(Math.max(...office.map((o) => o.host.largestRequestBytes)))} KB (target < 4 MB)`, met: office.every((o) => o.host.largestRequestBytes < 4_000_000) },
  { name: `vfm --version takes ${fmt(versionRatio, 2)}x node -e 0 (target <= 2x)`, met: versionRatio <= 2 },
  { name: `the pane's bundle is ${kb(gzipped)} KB gzipped (target <= 150 KB)`, met: gzipped <= 150 * 1024 },
];
for (const t of targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.name}`);
process.exitCode = targets.every((t) => t.met) ? 0 : 1;
