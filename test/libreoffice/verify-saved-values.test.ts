// vfm verify compares the saved value of every formula cell of the model's sheets with the value
// its formula gives, on a workbook LibreOffice calculated and saved: a saving, a cost row and a
// sentence of the report typed over in the file are each found, by cell, manual calculation or
// not; and a workbook with some saved values and one removed, or never calculated with a result
// typed in, is a finding, never "Sound".
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { a1 } from '../../src/core/cell';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { calc } from '../support/libreoffice';
import { cellElement } from '../support/tamper';
import { WORKBOOK, sheetXml, tamperParts } from '../support/tamper-parts';
import { readBack, temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const clock = { today: () => ({ year: 2026, month: 12, day: 2 }), now: () => '2026-12-02T09:30:00+00:00' };
async function verify(file: string): Promise<{ code: number; out: string; json: { sound: boolean; calculated: boolean; findings: { kind: string; place: string; message: string; expected?: string; found?: string }[] } }> {
  let out = '';
  const io: Io = { out: (t) => { out += t; }, err: (t) => process.stderr.write(t), clock };
  const json = `${file}.json`;
  const code = await run(['verify', file, '--json', json], io);
  return { code, out, json: JSON.parse(readFileSync(json, 'utf8')) };
}

const dir = temporaryDirectory();
const written = path.join(dir, 'written.xlsx');
const saved = path.join(dir, 'saved.xlsx');

/** The sheet and address of the cell `index` (0-based) along a defined name's cells. */
async function cellOf(file: string, name: string, index = 0): Promise<{ sheet: string; address: string; place: string }> {
  const range = namedRange(await readBack(file), name);
  if (!range) throw new Error(`no ${name}`);
  const across = range.range.bottom === range.range.top;
  const address = a1(range.range.top + (across ? 0 : index), range.range.left + (across ? index : 0));
  return { sheet: range.sheet, address, place: `'${range.sheet}'!${address}` };
}

/** An edit of a sheet's part: the saved value of the formula cell at `address` made `value`. */
const savedValue = (address: string, value: string) => (xml: string) => xml.replace(cellElement(address), (c) => c.replace(/<v>[^<]*<\/v>/, `<v>${value}</v>`));
const MANUAL = { [WORKBOOK]: (xml: string) => (xml.includes('<calcPr') ? xml.replace(/<calcPr[^>]*\/>/, '<calcPr calcMode="manual"/>') : xml.replace('</workbook>', '<calcPr calcMode="manual"/></workbook>')) };

beforeAll(async () => {
  const vfm = async (args: string[]) => run(args, { out: () => undefined, err: (t) => process.stderr.write(t), clock });
  expect(await vfm(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', path.join(ROOT, 'examples/staffordshire-connects.options.json'), '--out', written])).toBe(0);
  await calc(written, [{ save: saved }]);
});

it('finds the workbook LibreOffice calculated sound, every formula\'s saved value as recomputed', async () => {
  const sound = await verify(saved);
  expect(sound.json).toMatchObject({ sound: true, calculated: true, findings: [] });
  expect(sound.code).toBe(0);
});

describe.each([['automatic calculation', {}], ['manual calculation set in the workbook', MANUAL]])('a saved value typed over, with %s', (_how, calculation) => {
  it('a saving on the scenarios sheet: the 2014/15 saving of 7,997.81 saved as 27,997.81', async () => {
    const cell = await cellOf(saved, 'VfM_Saving', 2);
    const out = path.join(dir, 'saving.xlsx');
    await tamperParts(saved, out, { edits: { ...calculation, [`sheet:${cell.sheet}`]: savedValue(cell.address, '27997.81') } });
    const found = await verify(out);
    expect(found.code).toBe(3);
    expect(found.json.findings).toEqual([{ kind: 'result', place: cell.place, message: 'a saved value differs from the recomputation', expected: '7997.81', found: '27997.81' }]);
  });

  it('a cost row on the cost rows sheet: CRM\'s 46,648.63 saved as 146,648.63', async () => {
    const cell = await cellOf(saved, 'VfM_Amounts', 1);
    const out = path.join(dir, 'cost-row.xlsx');
    await tamperParts(saved, out, { edits: { ...calculation, [`sheet:${cell.sheet}`]: savedValue(cell.address, '146648.63') } });
    const found = await verify(out);
    expect(found.code).toBe(3);
    expect(found.json.findings).toEqual([{ kind: 'result', place: cell.place, message: 'a saved value differs from the recomputation', expected: '46648.63', found: '146648.63' }]);
  });

  it('a sentence of the report: £17,800 a year saved as £71,800 a year', async () => {
    const report = (await cellOf(saved, 'VfM_Sheet_Report')).sheet;
    const sentence = 'By withdrawing from the partnership the council would save only the costs marked saved above: £17,800 a year. The other £106,735 a year pays for contracts the council holds through the partnership; they continue whether it stays or leaves.';
    const xml = await sheetXml(saved, report);
    const address = new RegExp(`<c r="([A-Z]+\\d+)"[^>]*><f[^>]*>[^<]*</f><v>${sentence.slice(0, 40)}`).exec(xml)?.[1];
    if (!address) throw new Error('no cell holds the sentence');
    const out = path.join(dir, 'sentence.xlsx');
    await tamperParts(saved, out, { edits: { ...calculation, [`sheet:${report}`]: (text) => text.replace(sentence, sentence.replace('£17,800', '£71,800')) } });
    const found = await verify(out);
    expect(found.code).toBe(3);
    expect(found.json.findings).toEqual([{ kind: 'result', place: `'${report}'!${address}`, message: 'a saved value differs from the recomputation', expected: `"${sentence}"`, found: `"${sentence.replace('£17,800', '£71,800')}"` }]);
  });
});

it('finds a formula\'s saved value removed beside the others\' saved, naming it: not "Sound", not "not calculated"', async () => {
  const cell = await cellOf(saved, 'VfM_Saving', 2);
  const out = path.join(dir, 'removed.xlsx');
  await tamperParts(saved, out, { edits: { [`sheet:${cell.sheet}`]: (xml) => xml.replace(cellElement(cell.address), (c) => c.replace(/<v>[^<]*<\/v>/, '')) } });
  const found = await verify(out);
  expect(found.code).toBe(3);
  expect(found.out).not.toContain('Sound');
  expect(found.json.findings).toEqual([{ kind: 'result', place: cell.place, message: 'a formula holds no saved value, though the others hold theirs', expected: '7997.81', found: 'none' }]);
});

it('finds results typed into a workbook never calculated, and one of them wrong, though no formula else holds a value', async () => {
  const npv = await cellOf(written, 'VfM_NPV');
  const total = await cellOf(written, 'VfM_TotalSaving');
  expect(npv.sheet).toBe(total.sheet);
  const typedIn = (address: string, value: string) => (xml: string) => xml.replace(cellElement(address), (c) => c.replace(/<\/f>/, `</f><v>${value}</v>`));
  const out = path.join(dir, 'typed-in.xlsx');
  await tamperParts(written, out, { edits: { [`sheet:${npv.sheet}`]: (xml) => typedIn(total.address, '43597.81')(typedIn(npv.address, '59032.29')(xml)) } });
  const found = await verify(out);
  expect(found.code).toBe(3);
  expect(found.out).not.toContain('Sound');
  expect(found.json.findings).toEqual(expect.arrayContaining([
    { kind: 'result', place: 'VfM_NPV', message: 'a result as saved differs from the recomputation', expected: '39032.29', found: '59032.29' },
    { kind: 'result', place: total.place, message: 'a saved value where the other formulas hold none: typed in, not calculated', expected: 'none, as in the formulas not calculated', found: '43597.81' },
    { kind: 'result', place: npv.place, message: 'a saved value where the other formulas hold none: typed in, not calculated', expected: 'none, as in the formulas not calculated', found: '59032.29' },
  ]));
});

describe.each([
  ['shared among the partners who remain', 'examples/staffordshire-connects.shared-pool.json'],
  ['in nominal prices, years from January, indexed at 1.5%', undefined],
])('a workbook LibreOffice calculated, %s', (_what, assumptions) => {
  it('is sound: every formula\'s saved value is the value worked out for it', async () => {
    const [out, calculated] = [path.join(dir, 'other.xlsx'), path.join(dir, 'other-saved.xlsx')];
    const file = assumptions === undefined ? path.join(dir, 'nominal.json') : path.join(ROOT, assumptions);
    if (assumptions === undefined) {
      writeFileSync(file, JSON.stringify({ noticeServedOn: '2012-10-19', prices: 'nominal', gdpDeflator: '2%', fyStartMonth: 1, indexation: '1.5%' }));
    }
    const code = await run(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', file, '--out', out], { out: () => undefined, err: (t) => process.stderr.write(t), clock });
    expect(code).toBe(0);
    await calc(out, [{ save: calculated }]);
    const sound = await verify(calculated);
    expect(sound.json).toMatchObject({ sound: true, calculated: true, findings: [] });
  });
});

it('finds sound a workbook LibreOffice calculated whose committed contracts end within the horizon, indexed at 2%', async () => {
  const rows = [
    ['Item', '£', 'Notes'],
    ['Staffordshire Connects 2011/12 Core Team', 17800, null],
    ['CRM', 46648.63, 'Contract ends 30/09/2014'],
    ['Epayments', 9495.85, 'Expires 31 March 2015'],
    ['New Epayments', 44262.49, null],
    ['Total (Exc VAT)', 118206.97, null],
  ];
  const input = await writeWorkbook(path.join(dir, 'ends.xlsx'), [{ name: 'Costs', rows }]);
  writeFileSync(path.join(dir, 'ends.json'), JSON.stringify({ noticeServedOn: '2012-10-19', indexation: '2%' }));
  const [out, calculated] = [path.join(dir, 'ends-out.xlsx'), path.join(dir, 'ends-saved.xlsx')];
  expect(await run(['analyse', input, '--assumptions', path.join(dir, 'ends.json'), '--out', out], { out: () => undefined, err: (t) => process.stderr.write(t), clock })).toBe(0);
  await calc(out, [{ save: calculated }]);
  expect((await verify(calculated)).json).toMatchObject({ sound: true, calculated: true, findings: [] });
});
