// One benchmark size in a fresh process. `time`: the core's and the floor's median time, with
// garbage collected before each timed run so that no run pays for another's. `memory`: one run of
// the job, as a user's process does it, and the process's peak resident memory. `options`: also
// the job with one plain option. The job appraises five options with costs of leaving.
import { performance } from 'perf_hooks';
import { analyse } from '../src/core/analysis';
import { costGrid } from './cost-grid';

const [mode, rowsArg, repeatsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const grid = costGrid(rows);
const plain = { noticeServedOn: '2012-10-19', sharing: 'shared-pool', partners: { inBaseYear: 10 } };
/** Five ways of withdrawing, each with costs of leaving: the appraisal, its tornado and switching values. */
const assumptions = {
  ...plain,
  options: [0, 1, 2, 3, 4].map((i) => ({
    name: `Withdraw in year ${i}`,
    noticeServedOn: `${2012 + i}-10-19`,
    exitCosts: [{ label: 'Disaggregation', amount: 5000 + 1000 * i }],
    replacementCosts: [{ label: 'Support', annual: 6000 + 500 * i }, { label: 'Stranded costs', annual: 2000, months: 18, share: '75%' }],
    optimismBias: '20%',
  })),
};
const job = (given: unknown = assumptions) => () => analyse({ grid, assumptions: given, today: { year: 2012, month: 10, day: 19 } });

/** The least any reader does: read each amount and add it up. */
function floor(): number {
  let total = 0;
  for (const [, amount] of grid.values) {
    if (typeof amount === 'number') total += amount;
    else if (typeof amount === 'string') total += Number(amount.replace(/[£,]/g, ''));
  }
  return total;
}

function median(f: () => unknown, repeats: number): number {
  f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    global.gc?.();
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

if (mode === 'memory') {
  job()();
  console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const repeats = Number(repeatsArg);
  const times = { floorMs: median(floor, repeats), coreMs: median(job(), repeats) };
  // The appraisal of five options against one plain option, at this size.
  console.log(JSON.stringify(mode === 'options' ? { ...times, plainMs: median(job(plain), repeats) } : times));
}
