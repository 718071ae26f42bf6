// The options sheet's switching values, recalculated by LibreOffice, where nothing switches: staying
// preferred, and a notice of 49 months or more (expiring after the horizon) brings the best option's
// NPV to exactly zero, where staying is still preferred. The sheet says "none in range" for the
// notice, as the core does, and its live values agree with the core's.
import { writeFileSync } from 'fs';
import path from 'path';
import { analyse } from '../../src/core/analysis';
import { keyInput, keyInputNumber } from '../../src/core/key-inputs';
import { lacking, noneWords } from '../../src/core/switching-values';
import { Io, run } from '../../src/faces/cli/main';
import { GetResult, calc } from '../support/libreoffice';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const EXAMPLE = path.resolve(__dirname, '../../examples/staffordshire-connects.xlsx');
const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };

// Notice served on 1 March 2013 expires within 2012/13 to 2016/17 up to 48 months and after it from
// 49; support of 30,000.00 a year from expiry costs more than the 17,800.00 a year saved.
const NOTHING_SWITCHES = {
  noticeServedOn: '2012-10-19', noticeMonths: 24, horizonYears: 5, discountRate: '3.5%',
  options: [
    { name: 'Withdraw in March', noticeServedOn: '2013-03-01', replacementCosts: [{ label: 'Support', annual: 30000 }] },
    { name: 'Withdraw now', replacementCosts: [{ label: 'Support', annual: 40000 }] },
  ],
};

/** The sheet's switching values and the core's as the sheet shows them, for these assumptions. */
async function bothFor(assumptions: unknown) {
  const dir = temporaryDirectory();
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(assumptions));
  const out = path.join(dir, 'out.xlsx');
  expect(await run(['analyse', EXAMPLE, '--assumptions', path.join(dir, 'a.json'), '--out', out], IO)).toBe(0);
  const [got] = await calc(out, [{ get: ['VfM_SwitchingValues'] }]) as GetResult[];
  const sheet = (got.VfM_SwitchingValues as (number | string)[][]).map((r) => r[0]);
  const grid = await (await readBack(EXAMPLE)).grid('Costs');
  const values = analyse({ grid, assumptions, today: TODAY }).appraisal.switchingValues;
  // Pounds to the penny, a rate to eight places, or why there is none.
  const close = (v: number | string) => (typeof v === 'number' ? Math.round(v * 1e8) / 1e8 : v);
  const core = values.map((v) => close(v.value ? keyInputNumber(v.input, v.value) : v.none === noneWords(keyInput(v.input)) ? lacking(keyInput(v.input)) : 'none in range'));
  const at = (input: string) => values.findIndex((v) => v.input === input);
  return { sheet: sheet.map(close), core, at };
}

it('shows "none in range" for the notice period, and the live values agree with the core\'s', async () => {
  const { sheet, core, at } = await bothFor(NOTHING_SWITCHES);
  expect(sheet[at('noticeMonths')]).toBe('none in range');
  expect(sheet).toEqual(core);
});

it('gives no live value where the input can only bring the NPV to zero at the end of its range', async () => {
  // One way of withdrawing and no costs of leaving: the NPV is in proportion to the avoidable cost,
  // zero at £0.00 a year, the least it may be, where staying and withdrawing tie.
  const plain = await bothFor({ noticeServedOn: '2012-10-19' });
  expect(plain.sheet[plain.at('avoidableCost')]).toBe('none in range');
  expect(plain.sheet).toEqual(plain.core);
  // Staying preferred; the best option, with 49 months of notice, saves nothing within the horizon
  // and pays an exit penalty of 5,000.00 in 2014/15: without it (exit costs of £0.00) its NPV is zero.
  const penalty = await bothFor({
    ...NOTHING_SWITCHES,
    options: [{ ...NOTHING_SWITCHES.options[0], noticeMonths: 49, exitCosts: [{ label: 'Penalty', amount: 5000, fy: '2014/15' }] }, NOTHING_SWITCHES.options[1]],
  });
  expect(penalty.sheet[penalty.at('exitCosts')]).toBe('none in range');
  expect(penalty.sheet).toEqual(penalty.core);
});
