// The options appraisal through the CLI: the worked example of docs/conventions.md,
// "The seed with costs of leaving" from an assumptions file, in the JSON summary and the report, to the penny.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { readSummary } from '../support/summary';
import { temporaryDirectory } from '../support/workbooks';
import { vfm } from './vfm';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const OPTIONS_FILE = path.join(ROOT, 'examples/staffordshire-connects.options.json');

async function summaryWith(assumptions: unknown) {
  const dir = temporaryDirectory();
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(assumptions));
  const { code, out, err } = await vfm(['analyse', EXAMPLE, '--assumptions', path.join(dir, 'a.json'), '--json', path.join(dir, 's.json')]);
  expect([code, err]).toEqual([0, '']);
  return { summary: readSummary(path.join(dir, 's.json')), out };
}

describe('options in the assumptions file', () => {
  const both = JSON.parse(readFileSync(OPTIONS_FILE, 'utf8'));

  it('gives each option\'s net saving by FY, NPV and payback, and the preferred option (the example file)', async () => {
    const { summary, out } = await summaryWith(both);
    expect(summary.schemaVersion).toBe(3);
    const [now, later] = summary.options;
    expect(now.years.map((y) => y.netSaving)).toEqual([0, 0, 301.92, 11800, 11800]);
    expect([now.totalNetSaving, now.npv, now.paybackFy, now.noticeExpiresOn]).toEqual([23901.92, 21207.79, '2014/15', '2014-10-19']);
    expect(now.years.map((y) => y.replacementCosts)).toEqual([0, 0, 2695.89, 6000, 6000]);
    expect(later.years.map((y) => y.netSaving)).toEqual([0, 0, 0, 8024.59, 17800]);
    expect([later.totalNetSaving, later.npv]).toEqual([25824.59, 22749.39]);
    expect(summary.preferredOption).toBe('Withdraw a year later');
    // The first option keeps version 1's savings: withdrawing as the assumptions say, before costs of leaving.
    expect(summary.savings.npv).toBe(39032.29);
    expect(out).toContain('Withdraw a year later is preferred (NPV £22,749.39).');
  });

  it('gives the switching values of the option alone against BAU', async () => {
    const { summary, out } = await summaryWith({ ...both, options: [both.options[0]] });
    const value = (input: string) => summary.switchingValues.find((v) => v.input === input);
    expect(value('replacementCosts')).toEqual({ input: 'replacementCosts', value: 15671.44, changeFromBase: 9671.44, reason: null });
    expect(value('exitCosts')).toEqual({ input: 'exitCosts', value: 27718.31, changeFromBase: 22718.31, reason: null });
    expect(value('avoidableCost')).toEqual({ input: 'avoidableCost', value: 8128.56, changeFromBase: -9671.44, reason: null });
    expect(out).toContain('Withdraw now is preferred (NPV £21,207.79). It stops paying if the avoidable cost falls to £8,128.56 a year.');
    expect(summary.sensitivity.find((row) => row.input === 'optimismBias')).toEqual({ input: 'optimismBias', low: 0, high: 0.41, npvLow: 21207.79, npvHigh: 13899.74 });
  });

  it('with optimism bias of 41%: NPV 13,899.74, payback 2015/16', async () => {
    const { summary } = await summaryWith({ ...both, options: [{ ...both.options[0], optimismBias: '41%' }] });
    expect(summary.options[0].years.map((y) => y.netSaving)).toEqual([0, 0, -2853.4, 9340, 9340]);
    expect([summary.options[0].npv, summary.options[0].paybackFy]).toEqual([13899.74, '2015/16']);
  });

  it('an assumptions file without options has one, "Withdraw", with the figures of version 1', async () => {
    const { summary } = await summaryWith({ noticeServedOn: '2012-10-19' });
    expect(summary.options.map((o) => [o.name, o.npv, o.exitCosts, o.replacementCosts])).toEqual([['Withdraw', 39032.29, [], []]]);
    expect(summary.preferredOption).toBe('Withdraw');
  });
});
