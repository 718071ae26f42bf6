// vfm verify on a workbook whose discount rate was changed after the run and then recalculated and
// saved by LibreOffice: the model is sound for the inputs now in it, its saved results checked,
// and the discount rate and the preferred option's NPV are named apart as differing from the run,
// the NPV now as LibreOffice calculated it.
import { readFileSync } from 'fs';
import path from 'path';
import { AUDIT_CLOCK, vfmOn } from '../cli/vfm';
import { calc } from '../support/libreoffice';
import { temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

it('finds a workbook recalculated with the discount rate changed since the run sound, and names the rate and the NPV as differing from the run', async () => {
  const dir = temporaryDirectory();
  const [written, saved, json] = [path.join(dir, 'written.xlsx'), path.join(dir, 'saved.xlsx'), path.join(dir, 'found.json')];
  expect((await vfm(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', path.join(ROOT, 'examples/staffordshire-connects.options.json'), '--out', written])).code).toBe(0);
  const [, got] = await calc(written, [{ set: { VfM_DiscountRate: 0.015 } }, { get: ['VfM_PreferredNPV'] }, { save: saved }]);
  const npv = got.VfM_PreferredNPV;
  if (typeof npv !== 'number') throw new Error(`LibreOffice calculated ${JSON.stringify(npv)} for VfM_PreferredNPV`);

  const { code, out } = await vfm(['verify', saved, '--json', json]);
  expect(code).toBe(0);
  expect(out).toContain('Sound: every cell of the model');
  expect(out).toContain('  Discount rate: 3.5% a year at the run, 1.5% a year now');
  const pounds = npv.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({
    sound: true, calculated: true, findings: [], runLog: 'compared',
    sinceRun: [
      { kind: 'since-run', place: 'Discount rate', message: 'differs from the run', expected: '3.5% a year', found: '1.5% a year' },
      { kind: 'since-run', place: 'Preferred option', message: 'differs from the run', expected: 'Withdraw a year later (NPV £22,749.39)', found: expect.stringContaining(` (NPV £${pounds})`) },
    ],
  });
});
