// The log of runs on the audit sheet: a row a run, oldest first; a run on a workbook that holds
// the log adds its row and copies the earlier rows as they were.
import { writeFileSync } from 'fs';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { readBack, temporaryDirectory } from '../support/workbooks';

const ROOT = path.resolve(__dirname, '../..');
let moment = 0;
const io: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => ({ year: 2026, month: 12, day: 2 }), now: () => `2026-12-02T09:3${moment++}:00+00:00` } };

async function logOf(file: string): Promise<readonly (readonly unknown[])[]> {
  const workbook = await readBack(file);
  const log = namedRange(workbook, 'VfM_RunLog');
  if (!log) throw new Error('no log');
  return (await workbook.grid(log.sheet, log.range)).values;
}

it('keeps a row a run, oldest first, saying which inputs changed since the run before, and never rewrites a row', async () => {
  const dir = temporaryDirectory();
  const [a, b, c] = ['a.xlsx', 'b.xlsx', 'c.xlsx'].map((f) => path.join(dir, f));
  writeFileSync(path.join(dir, 'five.json'), JSON.stringify({ noticeServedOn: '2012-10-19', discountRate: '5%' }));
  expect(await run(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', path.join(ROOT, 'examples/staffordshire-connects.options.json'), '--out', a], io)).toBe(0);
  expect(await run(['analyse', a, '--sheet', 'Costs', '--assumptions', path.join(dir, 'five.json'), '--out', b], io)).toBe(0);
  expect(await run(['analyse', b, '--sheet', 'Costs', '--assumptions', path.join(dir, 'five.json'), '--out', c], io)).toBe(0);

  const [first, second, third] = await logOf(c);
  expect((await logOf(a))[0]).toEqual(first);
  expect(first.slice(0, 6)).toEqual(['2026-12-02T09:30:00+00:00', 'the first run logged', 'Withdraw a year later', 22749.39, expect.any(String), expect.stringMatching(/^[0-9a-f]{64}$/)]);
  // The discount rate moved to 5%, and the two options of the example gave way to the one the assumptions describe.
  expect(second.slice(0, 3)).toEqual(['2026-12-02T09:31:00+00:00', 'Discount rate; Ways of withdrawing', 'Withdraw']);
  expect(second[5]).toBe(first[5]); // the same source
  expect(third.slice(1, 3)).toEqual(['none', 'Withdraw']);
  expect(JSON.parse(String(third[6]))).toMatchObject({ discountRate: '0.05', noticeMonths: 24 });
});
