// The options sheet recalculated by LibreOffice: domain.md's worked example ("the seed with costs
// of leaving") to the penny, and the model following a changed exit cost, notice date and
// optimism bias as the core does for the same inputs.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { analyse } from '../../src/core/analysis';
import { a1, sheetReference } from '../../src/core/cell';
import { keyInputNumber } from '../../src/core/key-inputs';
import { Io, run } from '../../src/faces/cli/main';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { ChartsResult, GetResult, GetValue, calc } from '../support/libreoffice';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const OPTIONS = JSON.parse(readFileSync(path.join(ROOT, 'examples/staffordshire-connects.options.json'), 'utf8'));
const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
const pence = (value: GetValue) => Math.round((value as number) * 100);
/** A named column's values in pence; a column of one cell comes back as its value. */
const column = (value: GetValue) => (Array.isArray(value) ? (value as number[][]).map((r) => pence(r[0])) : [pence(value)]);

async function writeModel(assumptions: unknown): Promise<string> {
  const dir = temporaryDirectory();
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(assumptions));
  const out = path.join(dir, 'out.xlsx');
  expect(await run(['analyse', EXAMPLE, '--assumptions', path.join(dir, 'a.json'), '--out', out], IO)).toBe(0);
  return out;
}

/** The core's NPVs of the options for these assumptions, on the example's cost rows. */
async function coreNpvs(assumptions: unknown): Promise<number[]> {
  const grid = await (await readBack(EXAMPLE)).grid('Costs');
  return analyse({ grid, assumptions, today: TODAY }).appraisal.options.options.map((o) => o.npv);
}

/** The cell `down` rows below the first of a named column, as LibreOffice takes it. */
async function cellOf(file: string, name: string, down = 0): Promise<string> {
  const named = namedRange(await readBack(file), name);
  if (!named) throw new Error(`no name ${name}`);
  return `${sheetReference(named.sheet)}!${a1(named.range.top + down, named.range.left)}`;
}

describe('the options sheet in LibreOffice', () => {
  it('recalculates domain.md\'s worked example to the penny: both options, the preferred one, the checks', async () => {
    const out = await writeModel(OPTIONS);
    const [got] = await calc(out, [{ get: ['VfM_OptionNPVs', 'VfM_PreferredOption', 'VfM_PreferredNPV', 'VfM_OptionsCheck', 'VfM_OptionTablesCurrent', 'VfM_MasterCheck'] }]) as GetResult[];
    expect(column(got.VfM_OptionNPVs)).toEqual([2_120_779, 2_274_939]);
    expect([got.VfM_PreferredOption, pence(got.VfM_PreferredNPV)]).toEqual(['Withdraw a year later', 2_274_939]);
    expect([got.VfM_OptionsCheck, got.VfM_OptionTablesCurrent, got.VfM_MasterCheck]).toEqual([1, 1, 1]);
  });

  it('with optimism bias of 41%: 13,899.74', async () => {
    const out = await writeModel({ ...OPTIONS, options: [{ ...OPTIONS.options[0], optimismBias: '41%' }] });
    const [got] = await calc(out, [{ get: ['VfM_OptionNPVs'] }]) as GetResult[];
    expect(column(got.VfM_OptionNPVs)).toEqual([1_389_974]);
  });

  it('follows a changed exit cost, notice date and optimism bias as the core does, and says its tables as at the run no longer hold', async () => {
    const out = await writeModel(OPTIONS);
    const [exitAt, laterServed, nowBias] = [await cellOf(out, 'VfM_CostAmounts'), await cellOf(out, 'VfM_OptionNoticeServedOn', 1), await cellOf(out, 'VfM_OptionOptimismBias')];
    const [, got] = await calc(out, [
      { set: { [exitAt]: 10000, [laterServed]: { date: '2013-04-19' }, [nowBias]: 0.2 } },
      { get: ['VfM_OptionNPVs', 'VfM_PreferredOption', 'VfM_OptionTablesCurrent', 'VfM_OptionsCheck'] },
    ]) as GetResult[];
    const changed = {
      ...OPTIONS,
      options: [
        { ...OPTIONS.options[0], exitCosts: [{ ...OPTIONS.options[0].exitCosts[0], amount: 10000 }], optimismBias: '20%' },
        { ...OPTIONS.options[1], noticeServedOn: '2013-04-19' },
      ],
    };
    expect(column(got.VfM_OptionNPVs)).toEqual(await coreNpvs(changed));
    expect(got.VfM_PreferredOption).toBe('Withdraw a year later');
    expect([got.VfM_OptionTablesCurrent, got.VfM_OptionsCheck]).toEqual([0, 1]);
  });

  it('opens the two native charts, each drawing from the cells of the model', async () => {
    const out = await writeModel(OPTIONS);
    const [charts] = await calc(out, [{ charts: ['VfM Options'] }]) as ChartsResult[];
    const [net, tornado] = charts['VfM Options'];
    expect(net.title).toBe('Net saving by financial year, each way of withdrawing');
    expect(tornado.title).toBe('NPV of "Withdraw a year later" at the low and high value of each input');
    // The net savings of the two options by FY, under the labels of the years.
    const years = namedRange(await readBack(out), 'VfM_OptionYears');
    expect(net.ranges.some((r) => /^VfM Options!D\d+:H\d+$/.test(r))).toBe(true);
    expect(years?.range.right).toBe(8); // column H: five years from D
    expect(tornado.ranges).toHaveLength(2);
  });
});

describe('the switching values in LibreOffice', () => {
  /** The core's switching values as the sheet shows them: pounds to the penny, a rate, months, or why there is none. */
  async function coreSwitching(assumptions: unknown): Promise<(number | string)[]> {
    const grid = await (await readBack(EXAMPLE)).grid('Costs');
    return analyse({ grid, assumptions, today: TODAY }).appraisal.switchingValues.map((v) => (v.value ? keyInputNumber(v.input, v.value) : v.none ?? 'none in range'));
  }
  const sheetValues = (value: GetValue) => (value as (number | string)[][]).map((r) => r[0]);
  /** Rates to ten places, as the sheet writes the core's; money to the penny. */
  const close = (values: (number | string)[]) => values.map((v) => (typeof v === 'number' ? Math.round(v * 1e8) / 1e8 : v));

  it('gives domain.md\'s switching values of "Withdraw now" alone to the penny, live', async () => {
    const out = await writeModel({ ...OPTIONS, options: [OPTIONS.options[0]] });
    const [got] = await calc(out, [{ get: ['VfM_SwitchingValues', 'VfM_OptionTablesCurrent'] }]) as GetResult[];
    const values = sheetValues(got.VfM_SwitchingValues);
    // avoidable cost, exit costs, replacement costs: domain.md's worked example
    expect(values.slice(0, 3)).toEqual([8128.56, 27718.31, 15671.44]);
    expect(close(values)).toEqual(close(await coreSwitching({ ...OPTIONS, options: [OPTIONS.options[0]] })));
  });

  it('gives the core\'s with two options, with optimism bias, with a rival that has costs of leaving, and with staying preferred', async () => {
    const cases = [
      OPTIONS,
      { ...OPTIONS, options: [{ ...OPTIONS.options[0], optimismBias: '41%' }, OPTIONS.options[1]] },
      // "Withdraw now" preferred, with costs of each kind, over an option with exit costs of its own.
      { ...OPTIONS, options: [{ ...OPTIONS.options[0], optimismBias: '10%' }, { ...OPTIONS.options[1], exitCosts: [{ label: 'Penalty', amount: 20000 }] }] },
      // Staying preferred: every option's NPV below zero.
      { ...OPTIONS, options: [{ ...OPTIONS.options[0], exitCosts: [{ label: 'Penalty', amount: 60000 }] }, { ...OPTIONS.options[1], replacementCosts: [{ label: 'Support', annual: 40000, months: 18, share: '75%' }] }] },
    ];
    for (const assumptions of cases) {
      const out = await writeModel(assumptions);
      const [got] = await calc(out, [{ get: ['VfM_SwitchingValues'] }]) as GetResult[];
      expect(close(sheetValues(got.VfM_SwitchingValues))).toEqual(close(await coreSwitching(assumptions)));
    }
  });

  it('follows a changed exit cost and replacement cost as the core does, where NPV is linear in the input', async () => {
    const out = await writeModel(OPTIONS);
    const [exitAt, replacementAt] = [await cellOf(out, 'VfM_CostAmounts'), await cellOf(out, 'VfM_CostAmounts', 1)];
    const [, got] = await calc(out, [{ set: { [exitAt]: 1000, [replacementAt]: 2500 } }, { get: ['VfM_SwitchingValues'] }]) as GetResult[];
    const changed = {
      ...OPTIONS,
      options: [{ ...OPTIONS.options[0], exitCosts: [{ ...OPTIONS.options[0].exitCosts[0], amount: 1000 }], replacementCosts: [{ ...OPTIONS.options[0].replacementCosts[0], annual: 2500 }] }, OPTIONS.options[1]],
    };
    const core = await coreSwitching(changed);
    const linear = [0, 1, 2, 3]; // avoidable cost, exit costs, replacement costs, optimism bias
    expect(close(linear.map((i) => sheetValues(got.VfM_SwitchingValues)[i]))).toEqual(close(linear.map((i) => core[i])));
  });
});
