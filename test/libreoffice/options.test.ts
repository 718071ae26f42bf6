// The options sheet recalculated by LibreOffice: the worked example of docs/conventions.md,
// "The seed with costs of leaving" to the penny, and the model following a changed exit cost, notice date and
// optimism bias as the core does for the same inputs; costs in cash made real by a GDP deflator,
// and the sheet following a changed deflator; and the STPR schedule's factors past year 30.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { analyse } from '../../src/core/analysis';
import { a1, sheetReference } from '../../src/core/cell';
import { keyInput, keyInputNumber } from '../../src/core/key-inputs';
import { lacking, noneWords } from '../../src/core/switching-values';
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

/** The core's analysis for these assumptions, on the example's cost rows. */
async function coreAnalysis(assumptions: unknown) {
  const grid = await (await readBack(EXAMPLE)).grid('Costs');
  return analyse({ grid, assumptions, today: TODAY });
}

/** The core's NPVs of the options for these assumptions, on the example's cost rows. */
async function coreNpvs(assumptions: unknown): Promise<number[]> {
  return (await coreAnalysis(assumptions)).appraisal.options.options.map((o) => o.npv);
}

/** A named row's values as numbers. */
const row = (value: GetValue) => (value as number[][])[0];

/** The cell `down` rows below the first of a named column, as LibreOffice takes it. */
async function cellOf(file: string, name: string, down = 0): Promise<string> {
  const named = namedRange(await readBack(file), name);
  if (!named) throw new Error(`no name ${name}`);
  return `${sheetReference(named.sheet)}!${a1(named.range.top + down, named.range.left)}`;
}

describe('the options sheet in LibreOffice', () => {
  it('recalculates the worked example of docs/conventions.md, "The seed with costs of leaving", to the penny: both options, the preferred one, the checks', async () => {
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

  describe('with costs in cash (nominal prices) and a GDP deflator', () => {
    const NOMINAL = { ...OPTIONS, prices: 'nominal', gdpDeflator: { '2013/14': '2.1%', otherYears: '2%' } };

    it('recalculates every option figure to the core\'s: NPVs, the preferred option, the real-price and discount factors, the scenario\'s NPV', async () => {
      const out = await writeModel(NOMINAL);
      const [got] = await calc(out, [{ get: ['VfM_OptionNPVs', 'VfM_PreferredOption', 'VfM_PreferredNPV', 'VfM_OptionRealPriceFactors', 'VfM_OptionDiscountFactors', 'VfM_NPV', 'VfM_PresentValue', 'VfM_OptionsCheck', 'VfM_MasterCheck'] }]) as GetResult[];
      const core = await coreAnalysis(NOMINAL);
      const options = core.appraisal.options.options;
      expect(column(got.VfM_OptionNPVs)).toEqual(options.map((o) => o.npv));
      expect(options.map((o) => o.npv)).toEqual([1_978_049, 2_112_994]); // 19,780.49 and 21,129.94: less than in real prices
      expect([got.VfM_PreferredOption, pence(got.VfM_PreferredNPV)]).toEqual(['Withdraw a year later', options[1].npv]);
      row(got.VfM_OptionRealPriceFactors).forEach((f, t) => expect(f).toBeCloseTo(options[0].years[t].realPriceFactor.toNumber(), 12));
      row(got.VfM_OptionDiscountFactors).forEach((f, t) => expect(f).toBeCloseTo(options[0].years[t].discountFactor.toNumber(), 12));
      expect(pence(got.VfM_NPV)).toBe(core.savings.npv);
      expect(row(got.VfM_PresentValue).map(pence)).toEqual(core.savings.years.map((y) => y.presentValue));
      expect([got.VfM_OptionsCheck, got.VfM_MasterCheck]).toEqual([1, 1]);
    });

    it('follows a changed deflator, the rate of the other years and a year\'s own, as the core does', async () => {
      const out = await writeModel(NOMINAL);
      const [otherYears, ownYear, newYear, newRate] = [await cellOf(out, 'VfM_GdpDeflator'), await cellOf(out, 'VfM_DeflatorRates'), await cellOf(out, 'VfM_DeflatorYears', 1), await cellOf(out, 'VfM_DeflatorRates', 1)];
      const [, got] = await calc(out, [
        { set: { [otherYears]: 0.03, [ownYear]: 0.025, [newYear]: 2015, [newRate]: -0.01 } },
        { get: ['VfM_OptionNPVs', 'VfM_NPV', 'VfM_OptionTablesCurrent'] },
      ]) as GetResult[];
      const changed = { ...NOMINAL, gdpDeflator: { '2013/14': '2.5%', '2015/16': '-1%', otherYears: '3%' } };
      const core = await coreAnalysis(changed);
      expect(column(got.VfM_OptionNPVs)).toEqual(core.appraisal.options.options.map((o) => o.npv));
      expect(pence(got.VfM_NPV)).toBe(core.savings.npv);
      expect(got.VfM_OptionTablesCurrent).toBe(0);
    });

    it('turns back to real prices when the price basis is set to real', async () => {
      const out = await writeModel(NOMINAL);
      const [, got] = await calc(out, [{ set: { VfM_Prices: 'real' } }, { get: ['VfM_OptionNPVs'] }]) as GetResult[];
      expect(column(got.VfM_OptionNPVs)).toEqual([2_120_779, 2_274_939]);
    });
  });

  it('discounts a 100-year horizon on the STPR schedule: 3.5% to year 30, 3.0% to 75, 2.5% after, as the core does', async () => {
    const LONG = { ...OPTIONS, horizonYears: 100 };
    const out = await writeModel(LONG);
    const [got] = await calc(out, [{ get: ['VfM_OptionDiscountFactors', 'VfM_DiscountFactors', 'VfM_OptionNPVs', 'VfM_NPV'] }]) as GetResult[];
    // Typed in, by exact arithmetic year by year (test/core/discounting.test.ts).
    const typed: Record<number, number> = { 30: 0.356278410602302, 31: 0.345901369516798, 75: 0.094213772576691, 76: 0.091915875684577, 99: 0.052088472882491 };
    for (const name of ['VfM_OptionDiscountFactors', 'VfM_DiscountFactors']) {
      const factors = row(got[name]);
      expect(factors).toHaveLength(100);
      for (const [t, want] of Object.entries(typed)) expect(factors[Number(t)]).toBeCloseTo(want, 13);
    }
    const core = await coreAnalysis(LONG);
    expect(column(got.VfM_OptionNPVs)).toEqual(core.appraisal.options.options.map((o) => o.npv));
    expect(pence(got.VfM_NPV)).toBe(core.savings.npv);
  });
});

describe('the switching values in LibreOffice', () => {
  /** The core's switching values as the sheet shows them: pounds to the penny, a rate, months, or why there is none. */
  async function coreSwitching(assumptions: unknown): Promise<(number | string)[]> {
    const grid = await (await readBack(EXAMPLE)).grid('Costs');
    // The sheet says what the option lacks more shortly than the core: "no exit costs".
    return analyse({ grid, assumptions, today: TODAY }).appraisal.switchingValues.map((v) => (v.value ? keyInputNumber(v.input, v.value)
      : v.none === noneWords(keyInput(v.input)) ? lacking(keyInput(v.input)) : 'none in range'));
  }
  const sheetValues = (value: GetValue) => (value as (number | string)[][]).map((r) => r[0]);
  /** Rates to ten places, as the sheet writes the core's; money to the penny. */
  const close = (values: (number | string)[]) => values.map((v) => (typeof v === 'number' ? Math.round(v * 1e8) / 1e8 : v));

  it('gives the switching values of "Withdraw now" alone (docs/conventions.md, "Switching values") to the penny, live', async () => {
    const out = await writeModel({ ...OPTIONS, options: [OPTIONS.options[0]] });
    const [got] = await calc(out, [{ get: ['VfM_SwitchingValues', 'VfM_OptionTablesCurrent'] }]) as GetResult[];
    const values = sheetValues(got.VfM_SwitchingValues);
    // avoidable cost, exit costs, replacement costs: docs/conventions.md, "The seed with costs of leaving"
    expect(values.slice(0, 3)).toEqual([8128.56, 27718.31, 15671.44]);
    expect(close(values)).toEqual(close(await coreSwitching({ ...OPTIONS, options: [OPTIONS.options[0]] })));
  });

  it('gives the core\'s with two options, with optimism bias, with a rival that has costs of leaving, at nominal prices, and with staying preferred', async () => {
    const cases = [
      OPTIONS,
      { ...OPTIONS, options: [{ ...OPTIONS.options[0], optimismBias: '41%' }, OPTIONS.options[1]] },
      // "Withdraw now" preferred, with costs of each kind, over an option with exit costs of its own.
      { ...OPTIONS, options: [{ ...OPTIONS.options[0], optimismBias: '10%' }, { ...OPTIONS.options[1], exitCosts: [{ label: 'Penalty', amount: 20000 }] }] },
      // Nominal prices: the present values take the real-price factor.
      { ...OPTIONS, prices: 'nominal', gdpDeflator: '2%', options: [{ ...OPTIONS.options[0], optimismBias: '10%' }, OPTIONS.options[1]] },
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
