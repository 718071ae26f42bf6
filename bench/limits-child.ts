// vfm analyse INPUT --out OUTPUT.xlsx --json SUMMARY.json once, in-process, in a fresh process (the
// compiled command, lib/vfm.js, as a user runs it): prints its time and the process's peak
// resident memory as JSON.
import path from 'path';
import { performance } from 'perf_hooks';

const [input, dir] = process.argv.slice(2);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { run } = require('../lib/vfm.js') as typeof import('../src/faces/cli/main');
const quiet = { out: () => undefined, err: (t: string) => process.stderr.write(t), clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };

(async () => {
  const start = performance.now();
  const code = await run(['analyse', input, '--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'out.json')], quiet);
  if (code !== 0) throw new Error(`vfm exited ${code}`);
  console.log(JSON.stringify({ ms: performance.now() - start, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
})();
