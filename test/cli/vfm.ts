// Runs the vfm command in-process, capturing what it prints. A JSON summary `analyse` writes is
// checked against the schema, whether or not the test goes on to read it.
import { readFileSync } from 'fs';
import { Clock } from '../../src/core/clock';
import { Io, run } from '../../src/faces/cli/main';
import { readSummary } from '../support/summary';

/** The moment the verification tests run at: 2 December 2026, 09:30 UK time, long after the run. */
export const AUDIT_CLOCK: Clock = { today: () => ({ year: 2026, month: 12, day: 2 }), now: () => '2026-12-02T09:30:00+00:00' };

/** vfm with `args`, at the moment `clock` gives: its exit code and what it printed on each stream. */
export async function vfmOn(clock: Clock, args: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), clock };
  const code = await run(args, io);
  const json = summaryFile(args);
  if (code === 0 && json !== undefined && args[0] !== 'verify') readSummary(json);
  return { code, out, err };
}

/** A finding of vfm verify, as its --json lists it. */
export interface VerifyFinding {
  readonly kind: string;
  readonly place: string;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
}

/** vfm verify on `file` at the audit moment, its findings written beside it: the exit code, what it printed and the findings (none when it refused the file). */
export async function verifyFindings(file: string): Promise<{ code: number; out: string; findings: VerifyFinding[] }> {
  const json = `${file}.json`;
  const { code, out } = await vfmOn(AUDIT_CLOCK, ['verify', file, '--json', json]);
  return { code, out, findings: code === 2 ? [] : JSON.parse(readFileSync(json, 'utf8')).findings };
}

/** vfm with `args` on `today`, at 09:30. */
export const vfm = (args: string[], today = { year: 2012, month: 10, day: 19 }) => vfmOn({ today: () => today, now: () => '2012-10-19T09:30:00Z' }, args);

/** The file named by --json (or --json=FILE), if any. */
function summaryFile(args: readonly string[]): string | undefined {
  const at = args.indexOf('--json');
  if (at >= 0) return args[at + 1];
  return args.find((arg) => arg.startsWith('--json='))?.slice('--json='.length);
}
