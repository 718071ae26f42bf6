// Committed contracts with an end date in the written model, recalculated by LibreOffice: each
// year's committed costs as the core gives them, and following an end date changed in the sheet.
import { writeFileSync } from 'fs';
import path from 'path';
import { a1, sheetReference } from '../../src/core/cell';
import { Io, run } from '../../src/faces/cli/main';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { analysisOf } from '../support/analyses';
import { GetResult, GetValue, calc } from '../support/libreoffice';
import { readBack, temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(120_000);

const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
const ROWS = [
  ['Item', '£', 'Notes'],
  ['Staffordshire Connects 2011/12 Core Team', 17800, null],
  ['CRM', 46648.63, 'Contract ends 30/09/2014'],
  ['Epayments', 9495.85, 'Expires 31 March 2015'],
  ['New Epayments', 44262.49, null],
  ['Total (Exc VAT)', 118206.97, null],
];
const ASSUMPTIONS = { noticeServedOn: '2012-10-19', indexation: '2%' };
const pence = (values: GetValue) => (values as number[][])[0].map((v) => Math.round(v * 100));

it('recalculates each year\'s committed costs as the core does, and follows a changed end date', async () => {
  const dir = temporaryDirectory();
  const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [{ name: 'Costs', rows: ROWS }]);
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(ASSUMPTIONS));
  const out = path.join(dir, 'out.xlsx');
  expect(await run(['analyse', input, '--assumptions', path.join(dir, 'a.json'), '--out', out], IO)).toBe(0);
  const ends = namedRange(await readBack(out), 'VfM_ContractEnds');
  if (!ends) throw new Error('no VfM_ContractEnds');
  const crmEnds = `${sheetReference(ends.sheet)}!${a1(ends.range.top + 1, ends.range.left)}`; // CRM is the second row

  const [before, , after] = await calc(out, [
    { get: ['VfM_CommittedCosts', 'VfM_NPV'] },
    { set: { [crmEnds]: { date: '2015-10-01' } } },
    { get: ['VfM_CommittedCosts', 'VfM_NPV'] },
  ]) as GetResult[];
  const core = analysisOf(ROWS, ASSUMPTIONS);
  expect(pence(before.VfM_CommittedCosts)).toEqual(core.savings.years.map((y) => y.committed));
  const moved = analysisOf(ROWS, { ...ASSUMPTIONS, contractEnds: { CRM: '2015-10-01' } });
  expect(pence(after.VfM_CommittedCosts)).toEqual(moved.savings.years.map((y) => y.committed));
  expect(moved.savings.years.map((y) => y.committed)).not.toEqual(core.savings.years.map((y) => y.committed));
  expect(after.VfM_NPV).toBe(before.VfM_NPV); // the saving never changes
});
