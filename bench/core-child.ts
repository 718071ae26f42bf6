// One benchmark size in a fresh process: prints JSON with the core's time, the floor's time and
// the process's peak memory.
import { performance } from 'perf_hooks';
import { analyse } from '../src/core/analysis';
import { parseAmountText } from '../src/core/amount';
import { costGrid } from './cost-grid';

const rows = Number(process.argv[2]);
const repeats = Number(process.argv[3] ?? 3);
const grid = costGrid(rows);
const assumptions = { noticeServedOn: '2012-10-19', sharing: 'shared-pool', partners: { inBaseYear: 10 } };

/** The least any reader does: read each amount and add it up. */
function floor(): number {
  let total = 0;
  for (const [, amount] of grid.values) {
    if (typeof amount === 'number') total += amount;
    else if (typeof amount === 'string') total += (parseAmountText(amount)?.amount ?? 0) / 100;
  }
  return total;
}

function median(f: () => unknown): number {
  f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const floorMs = median(floor);
const coreMs = median(() => analyse({ grid, assumptions, today: { year: 2012, month: 10, day: 19 } }));
console.log(JSON.stringify({ rows, coreMs, floorMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
