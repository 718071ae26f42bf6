// Runs the vfm command in-process, capturing what it prints. A JSON summary it writes is checked
// against the schema, whether or not the test goes on to read it.
import { Io, run } from '../../src/faces/cli/main';
import { readSummary } from '../support/summary';

export async function vfm(args: string[], today = { year: 2012, month: 10, day: 19 }) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), clock: { today: () => today, now: () => '2012-10-19T09:30:00Z' } };
  const code = await run(args, io);
  const json = summaryFile(args);
  if (code === 0 && json !== undefined) readSummary(json);
  return { code, out, err };
}

/** The file named by --json (or --json=FILE), if any. */
function summaryFile(args: readonly string[]): string | undefined {
  const at = args.indexOf('--json');
  if (at >= 0) return args[at + 1];
  return args.find((arg) => arg.startsWith('--json='))?.slice('--json='.length);
}
