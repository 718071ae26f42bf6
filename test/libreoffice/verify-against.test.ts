// vfm verify --against on a workbook LibreOffice recalculated and saved: saved unchanged, it is the
// one the run's summary records; saved with the discount rate changed, the rate and the NPVs are
// named against the summary, the NPVs now as the recomputation gives them.
import { readFileSync } from 'fs';
import path from 'path';
import { AUDIT_CLOCK, vfmOn } from '../cli/vfm';
import { calc } from '../support/libreoffice';
import { temporaryDirectory } from '../support/workbooks';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

it('finds a workbook LibreOffice saved unchanged to be the one the summary records, and names the discount rate changed and saved', async () => {
  const dir = temporaryDirectory();
  const [written, summary, same, changed, json] = ['written.xlsx', 'summary.json', 'same.xlsx', 'changed.xlsx', 'found.json'].map((f) => path.join(dir, f));
  expect((await vfm(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', path.join(ROOT, 'examples/staffordshire-connects.options.json'), '--out', written, '--json', summary])).code).toBe(0);
  await calc(written, [{ save: same }]);
  await calc(written, [{ set: { VfM_DiscountRate: 0.015 } }, { save: changed }]);

  const sound = await vfm(['verify', same, '--against', summary, '--json', json]);
  expect(sound.out).toContain(`Compared with ${summary}: the source's fingerprint, the inputs and the results are those it records.`);
  expect(sound.code).toBe(0);
  expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ sound: true, calculated: true, findings: [], against: { kept: 'summary', compared: true, differences: [] } });

  const differing = await vfm(['verify', changed, '--against', summary, '--json', json]);
  expect(differing.code).toBe(3);
  expect(differing.out).toContain('Sound: every cell of the model');
  expect(differing.out).toContain('  Discount rate: 3.5% a year in the summary, 1.5% a year now');
  const found = JSON.parse(readFileSync(json, 'utf8')) as { calculated: boolean; findings: unknown[]; against: { differences: { place: string; expected: string }[] } };
  expect(found).toMatchObject({ sound: false, calculated: true, findings: [] });
  expect(found.against.differences.map((d) => [d.place, d.expected])).toEqual([
    ['Discount rate', '3.5% a year'],
    ['Preferred option', 'Withdraw a year later (NPV £22,749.39)'],
    ['NPV of the saving', '£39,032.29'],
    ['NPV of Withdraw now', '£21,207.79'],
    ['NPV of Withdraw a year later', '£22,749.39'],
  ]);
});
