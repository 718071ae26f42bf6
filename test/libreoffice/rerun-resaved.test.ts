// A workbook the product wrote, saved again by LibreOffice Calc, then run again: LibreOffice lists
// every relationships part in [Content_Types].xml, so the run that replaces the product's sheets
// must take those entries away with the parts, leaving no content type for a part that is gone.
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { GetResult, calc } from '../support/libreoffice';
import { temporaryDirectory } from '../support/workbooks';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };

/** The part names [Content_Types].xml gives a content type of their own, and the parts the zip holds. */
async function overridesAndParts(file: string): Promise<{ overrides: string[]; parts: Set<string> }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  const overrides = [...types.matchAll(/<Override\b[^>]*\bPartName="([^"]+)"/g)].map((m) => m[1]);
  const parts = new Set(Object.values(zip.files).filter((f) => !f.dir).map((f) => `/${f.name}`));
  return { overrides, parts };
}

it('runs again on its own output as LibreOffice saved it: every content type names a part that is there, and LibreOffice opens the result', async () => {
  const dir = temporaryDirectory();
  const [first, resaved, second] = ['first.xlsx', 'resaved.xlsx', 'second.xlsx'].map((name) => path.join(dir, name));
  const assumptions = path.join(ROOT, 'examples/staffordshire-connects.options.json');
  expect(await run(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', assumptions, '--out', first], IO)).toBe(0);
  await calc(first, [{ save: resaved }]);
  // LibreOffice names the relationships parts of the product's sheets and drawings, which the second run replaces.
  const saved = await overridesAndParts(resaved);
  expect(saved.overrides.filter((part) => part.endsWith('.rels')).length).toBeGreaterThan(0);

  expect(await run(['analyse', resaved, '--assumptions', assumptions, '--out', second], IO)).toBe(0);
  const { overrides, parts } = await overridesAndParts(second);
  expect(overrides.filter((part) => !parts.has(part))).toEqual([]);
  const [got] = await calc(second, [{ get: ['VfM_NPV', 'VfM_MasterCheck'] }]) as GetResult[];
  expect(got.VfM_NPV).toBeCloseTo(39_032.29, 2);
  expect(got.VfM_MasterCheck).toBe(1);
});
