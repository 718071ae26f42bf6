// A council's own table (£000, section headings, subtotals, a notes column, the year in the header)
// written as the live model and recalculated by LibreOffice: the figures are the core's, each
// subtotal is checked in the sheet, and editing a source cell or the unit flows through.
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { GetResult, calc } from '../support/libreoffice';
import { temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(120_000);

const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };

const COUNCIL = [
  ['Shared service costs (£000)', null, null],
  [null, null, null],
  ['Item', '2011/12', 'Notes'],
  ['Core services', null, null],
  ['Staffordshire Connects Core Team', 17.8, null],
  ['Membership subscription', 2.5, null],
  ['Subtotal: core', 20.3, null],
  ['Contracts', null, null],
  ['CRM', 46.64863, 'Contract ends 31/03/2015'],
  ['Epayments', 9.49585, null],
  ['Total contracts', 56.14448, null],
  ['Total', 76.44448, null],
];

const pence = (value: unknown) => Math.round((value as number) * 100);

it('recalculates a £000 table with subtotals to the core\'s figures, checks each subtotal live, and follows the source and the unit', async () => {
  const dir = temporaryDirectory();
  const input = await writeWorkbook(path.join(dir, 'council.xlsx'), [{ name: 'Costs', rows: COUNCIL }]);
  const out = path.join(dir, 'out.xlsx');
  expect(await run(['analyse', input, '--out', out], IO)).toBe(0);
  const KEY = ['VfM_TotalAnnual', 'VfM_AvoidableAnnual', 'VfM_CommittedAnnual', 'VfM_TotalSaving', 'VfM_MasterCheck', 'VfM_SourceUnit', 'VfM_BaseYear'];
  const [atRun, , afterSource, , afterUnit] = await calc(out, [
    { get: KEY },
    { set: { 'Costs!B5': 18.8 } },
    { get: KEY },
    { set: { 'Costs!B5': 17.8, VfM_SourceUnit: 1 } },
    { get: KEY },
  ]);
  const at = atRun as GetResult;
  // Typed by hand: £000 times 1,000; the two subtotals and the total left out of the sum.
  expect([pence(at.VfM_TotalAnnual), pence(at.VfM_AvoidableAnnual), pence(at.VfM_CommittedAnnual)]).toEqual([7644448, 2030000, 5614448]);
  // Notice 19 Oct 2012, 24 months: 201 of 365 days paid in 2014/15 (£11,178.90), then nothing.
  expect(pence(at.VfM_TotalSaving)).toBe(4972110);
  expect([at.VfM_MasterCheck, at.VfM_SourceUnit, at.VfM_BaseYear]).toEqual([1, 1000, 2011]);
  const after = afterSource as GetResult;
  expect(pence(after.VfM_TotalAnnual)).toBe(7744448); // one £1,000 more on the core team row
  expect(after.VfM_MasterCheck).toBe(0); // its subtotal and the stated total no longer agree
  const unit = afterUnit as GetResult;
  expect(pence(unit.VfM_TotalAnnual)).toBe(7645); // each row to the penny in pounds: 17.80 + 2.50 + 46.65 + 9.50
});
