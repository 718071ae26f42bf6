// npm run bench: figures for the core, as ratios to baselines measured in the same run.
// Targets: the core grows linearly (1,048,575 rows in under 12x the 100k time) and stays under
// 1 GB at the largest size.
import { execFileSync } from 'child_process';
import path from 'path';

interface Result { rows: number; coreMs: number; floorMs: number; peakRssMb: number }

const sizes: [number, number][] = [[1_000, 21], [10_000, 11], [100_000, 5], [1_048_575, 3]];
const results: Result[] = sizes.map(([rows, repeats]) => {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', '-r', 'tsx/cjs', path.join(__dirname, 'core-child.ts'), String(rows), String(repeats)], { encoding: 'utf8' });
  return JSON.parse(out) as Result;
});

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log('Core: read, classify and project, from a grid of cells (median of repeats, own process per size)');
console.log('     rows   core ms  floor ms  core/floor  x previous size (rows x)  peak RSS MB');
results.forEach((r, i) => {
  const prev = results[i - 1];
  const growth = prev ? `${fmt(r.coreMs / prev.coreMs, 2)} (${fmt(r.rows / prev.rows, 2)})` : '-';
  console.log(`${String(r.rows).padStart(9)} ${fmt(r.coreMs).padStart(9)} ${fmt(r.floorMs).padStart(9)} ${fmt(r.coreMs / r.floorMs, 2).padStart(11)}  ${growth.padStart(24)} ${fmt(r.peakRssMb, 0).padStart(12)}`);
});

const big = results[results.length - 1];
const hundredK = results[results.length - 2];
const linear = big.coreMs / hundredK.coreMs;
const targets = [
  { name: `1,048,575 rows take ${fmt(linear, 2)}x the 100k time (target < 12x)`, met: linear < 12 },
  { name: `peak memory at 1,048,575 rows ${fmt(big.peakRssMb, 0)} MB (target < 1024 MB)`, met: big.peakRssMb < 1024 },
];
for (const t of targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.name}`);
process.exitCode = targets.every((t) => t.met) ? 0 : 1;
