// vfm verify on workbooks whose run took inputs the sheets hold in their own way: contract ends
// set by the user (the cost-rows sheet's input column), and an optimism bias for every option
// (each option's own on the options sheet). The workbook as written is sound and holds the run's
// inputs; an input typed over since the run is named in the words a reader uses.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { AUDIT_CLOCK, vfmOn } from './vfm';
import { a1 } from '../../src/core/cell';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { readBack, temporaryDirectory } from '../support/workbooks';
import { cellElement, tamper } from '../support/tamper';

jest.setTimeout(60_000);

const EXAMPLE = path.resolve(__dirname, '../../examples/staffordshire-connects.xlsx');
const dir = temporaryDirectory();

const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

/** The example analysed with `assumptions`, written into a copy. */
async function written(name: string, assumptions: unknown): Promise<string> {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(assumptions));
  const out = path.join(dir, `${name}.xlsx`);
  expect((await vfm(['analyse', EXAMPLE, '--assumptions', file, '--out', out])).code).toBe(0);
  return out;
}

async function verified(file: string): Promise<{ code: number; json: { sound: boolean; findings: unknown[]; sinceRun: unknown[] } }> {
  const json = `${file}.verified.json`;
  const { code } = await vfm(['verify', file, '--json', json]);
  return { code, json: JSON.parse(readFileSync(json, 'utf8')) };
}

it('finds a workbook whose run took a contract end set by the user sound, holding the run\'s inputs', async () => {
  // The label spelt otherwise than the row's: labels are matched ignoring case.
  const file = await written('ends', { contractEnds: { crm: '2015-03-31' } });
  expect(await verified(file)).toEqual({ code: 0, json: expect.objectContaining({ sound: true, findings: [], sinceRun: [] }) });
});

it('finds a workbook whose run gave every option a 41% optimism bias holding the run\'s inputs: each option holds it', async () => {
  const file = await written('bias', { optimismBias: '41%', options: [{ name: 'Withdraw now', exitCosts: [{ label: 'Disaggregation', amount: 5000 }] }] });
  expect(await verified(file)).toEqual({ code: 0, json: expect.objectContaining({ sound: true, findings: [], sinceRun: [] }) });
});

it('names an option\'s notice date typed over since the run as dates, and a cost of leaving\'s amount in pounds', async () => {
  const file = await written('option', { options: [{ name: 'Withdraw now', noticeServedOn: '2012-10-19', exitCosts: [{ label: 'Disaggregation', amount: 5000 }] }] });
  const book = await readBack(file);
  const served = namedRange(book, 'VfM_OptionNoticeServedOn');
  const amount = namedRange(book, 'VfM_CostAmounts');
  if (!served || !amount) throw new Error('no option inputs');
  const changed = path.join(dir, 'option-changed.xlsx');
  // 19 October 2012 is serial 41201; 19 October 2013 is 41566.
  await tamper(file, changed, `sheet:${served.sheet}`, (xml) => xml
    .replace(cellElement(a1(served.range.top, served.range.left)), (cell) => cell.replace('<v>41201</v>', '<v>41566</v>'))
    .replace(cellElement(a1(amount.range.top, amount.range.left)), (cell) => cell.replace('<v>5000</v>', '<v>7500</v>')));
  const { json } = await verified(changed);
  expect(json.sinceRun).toEqual([
    { kind: 'since-run', place: 'Ways of withdrawing 1, notice served on', message: 'differs from the run', expected: '2012-10-19', found: '2013-10-19' },
    { kind: 'since-run', place: 'Ways of withdrawing 1, Exit costs 1, amount', message: 'differs from the run', expected: '£5,000.00', found: '£7,500.00' },
    expect.objectContaining({ place: 'Preferred option' }),
  ]);
});
