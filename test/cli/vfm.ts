// Runs the vfm command in-process, capturing what it prints.
import { Io, run } from '../../src/faces/cli/main';

export async function vfm(args: string[], today = { year: 2012, month: 10, day: 19 }) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), clock: { today: () => today, now: () => '2012-10-19T09:30:00Z' } };
  const code = await run(args, io);
  return { code, out, err };
}
