// Option names that Excel's lookups would read as patterns or criteria (`*`, `?`, `~`, `<>`,
// `>A`, `=Withdraw now`) recalculated by LibreOffice: the sheet matches each cost of leaving to
// its option by the exact name, so every option's NPV is the JSON's and the checks pass.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { a1, sheetReference } from '../../src/core/cell';
import { Io, run } from '../../src/faces/cli/main';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { GetResult, GetValue, calc } from '../support/libreoffice';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const TODAY = { year: 2012, month: 10, day: 19 };
const pence = (value: GetValue) => Math.round((value as number) * 100);

const PATTERNS = ['Withdraw~now', '>A', '=Withdraw now', '*', '?', '<>', 'Withdraw now'];
/** Each of them withdraws now with the costs of leaving of docs/conventions.md, "The seed with costs of leaving": NPV 21,207.79 each. */
const withCosts = (name: string) => ({
  name,
  exitCosts: [{ label: 'Disaggregation', amount: 5000, fy: '2014/15' }],
  replacementCosts: [{ label: 'CRM and e-payments support', annual: 6000 }],
  optimismBias: '0%',
});
const ASSUMPTIONS = {
  noticeServedOn: '2012-10-19', noticeMonths: 24, horizonYears: 5, discountRate: '3.5%',
  options: [...PATTERNS.map(withCosts), { name: 'Withdraw a year later', noticeServedOn: '2013-10-19' }],
};

const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };

/** The cell `down` rows below the first of a named column, as LibreOffice takes it. */
async function cellOf(file: string, name: string, down = 0): Promise<string> {
  const named = namedRange(await readBack(file), name);
  if (!named) throw new Error(`no name ${name}`);
  return `${sheetReference(named.sheet)}!${a1(named.range.top + down, named.range.left)}`;
}

it('gives every option named like a pattern the NPV the JSON gives, with the checks passing', async () => {
  const dir = temporaryDirectory();
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(ASSUMPTIONS));
  const out = path.join(dir, 'out.xlsx');
  const json = path.join(dir, 'out.json');
  expect(await run(['analyse', EXAMPLE, '--assumptions', path.join(dir, 'a.json'), '--out', out, '--json', json], IO)).toBe(0);
  const summary = JSON.parse(readFileSync(json, 'utf8'));
  const jsonNpvs = (summary.options as { npv: number }[]).map((o) => pence(o.npv));
  // docs/conventions.md, "The seed with costs of leaving": withdrawing now with those costs 21,207.79; a year later 22,749.39.
  expect(jsonNpvs).toEqual([...PATTERNS.map(() => 2_120_779), 2_274_939]);

  const [got] = await calc(out, [{ get: ['VfM_OptionNames', 'VfM_OptionNPVs', 'VfM_PreferredOption', 'VfM_OptionsCheck', 'VfM_OptionTablesCurrent', 'VfM_MasterCheck'] }]) as GetResult[];
  expect((got.VfM_OptionNames as string[][]).slice(0, PATTERNS.length + 1).map((r) => r[0])).toEqual([...PATTERNS, 'Withdraw a year later']);
  expect((got.VfM_OptionNPVs as number[][]).map((r) => pence(r[0]))).toEqual(jsonNpvs);
  expect([got.VfM_PreferredOption, got.VfM_OptionsCheck, got.VfM_OptionTablesCurrent, got.VfM_MasterCheck]).toEqual(['Withdraw a year later', 1, 1, 1]);
});

it('fails the checks for a cost of leaving naming no option, though a pattern would match one, and for a name given twice', async () => {
  const dir = temporaryDirectory();
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(ASSUMPTIONS));
  const out = path.join(dir, 'out.xlsx');
  expect(await run(['analyse', EXAMPLE, '--assumptions', path.join(dir, 'a.json'), '--out', out], IO)).toBe(0);
  const [costOption, lastName] = [await cellOf(out, 'VfM_CostOptions'), await cellOf(out, 'VfM_OptionNames', PATTERNS.length)];
  const results = await calc(out, [
    { get: ['VfM_OptionsCheck'] },
    { set: { [costOption]: 'Withdraw*' } },
    { get: ['VfM_OptionsCheck'] },
    { set: { [costOption]: 'Withdraw~now', [lastName]: 'WITHDRAW NOW' } },
    { get: ['VfM_OptionsCheck'] },
  ]) as (GetResult | null)[];
  expect([results[0], results[2], results[4]].map((r) => (r as GetResult).VfM_OptionsCheck)).toEqual([1, 0, 0]);
});
