// vfm verify on a workbook LibreOffice calculated and saved: sound, with its saved results checked
// against the core's; a saved result changed in the file is found.
import { readFileSync } from 'fs';
import path from 'path';
import { AUDIT_CLOCK, vfmOn } from '../cli/vfm';
import { a1 } from '../../src/core/cell';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { calc } from '../support/libreoffice';
import { cellElement, tamper } from '../support/tamper';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

it('finds a workbook LibreOffice recalculated and saved sound, its results equal to the core\'s; and names a saved result changed and a check saved FALSE', async () => {
  const dir = temporaryDirectory();
  const [written, saved] = [path.join(dir, 'written.xlsx'), path.join(dir, 'saved.xlsx')];
  expect((await vfm(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', path.join(ROOT, 'examples/staffordshire-connects.options.json'), '--out', written])).code).toBe(0);
  await calc(written, [{ save: saved }]);

  const json = path.join(dir, 'sound.json');
  const sound = await vfm(['verify', saved, '--json', json]);
  expect(sound.out).toContain('Sound');
  expect(sound.code).toBe(0);
  expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ sound: true, calculated: true, runLog: 'compared', sinceRun: [] });

  const npv = namedRange(await readBack(saved), 'VfM_NPV');
  if (!npv) throw new Error('no VfM_NPV');
  const address = a1(npv.range.top, npv.range.left);
  const changed = path.join(dir, 'changed.xlsx');
  await tamper(saved, changed, `sheet:${npv.sheet}`, (xml) => xml.replace(cellElement(address), (c) => c.replace(/<v>[^<]*<\/v>/, '<v>50000</v>')));
  const found = await vfm(['verify', changed, '--json', json]);
  expect(found.code).toBe(3);
  expect(JSON.parse(readFileSync(json, 'utf8')).findings).toEqual([
    { kind: 'result', place: 'VfM_NPV', message: 'a result as saved differs from the recomputation', expected: '39032.29', found: '50000' },
  ]);

  const check = namedRange(await readBack(saved), 'VfM_MasterCheck');
  if (!check) throw new Error('no VfM_MasterCheck');
  const checkAt = a1(check.range.top, check.range.left);
  await tamper(saved, changed, `sheet:${check.sheet}`, (xml) => xml.replace(cellElement(checkAt), (c) => c.replace(/<v>[^<]*<\/v>/, '<v>0</v>')));
  expect((await vfm(['verify', changed, '--json', json])).code).toBe(3);
  expect(JSON.parse(readFileSync(json, 'utf8')).findings).toEqual([{ kind: 'result', place: 'VfM_MasterCheck', message: 'a check is not TRUE', expected: 'TRUE', found: 'FALSE' }]);
});
