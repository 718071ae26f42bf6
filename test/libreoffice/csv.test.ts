// The workbook written from a CSV: its source sheet holds the amounts the reader read as numbers,
// and its cost rows link to them. LibreOffice Calc recalculates it to the core's figures, and a
// change to a source amount flows through to the NPV, as in any linked model.
import { writeFileSync } from 'fs';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { calc } from '../support/libreoffice';
import { temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };

describe('a CSV in LibreOffice Calc', () => {
  it('recalculates the workbook written from it to the core\'s figures, the cost rows linked to numbers', async () => {
    const dir = temporaryDirectory();
    const input = path.join(dir, 'costs.csv');
    // The seed's table as a council exports it: every field text, amounts with commas and a pound sign.
    writeFileSync(input, [
      'Item,£',
      'Staffordshire Connects 2011/12 Core Team,"17,800.00"',
      'CRM,"£46,648.63"',
      'Epayments,9495.85',
      'New Epayments,"44,262.49"',
      'Customer Insight,"5,483.25"',
      'Shared Email Directory,845',
      'Total (Exc VAT),"124,535.22"',
      '',
    ].join('\r\n'));
    const out = path.join(dir, 'out.xlsx');
    expect(await run(['analyse', input, '--out', out], IO)).toBe(0);
    const [seen, types, , changed] = await calc(out, [
      { get: ['VfM_Amounts', 'VfM_TotalAnnual', 'VfM_AvoidableAnnual', 'VfM_NPV', 'VfM_MasterCheck', 'costs!B2:B8'] },
      { cellTypes: ["'VfM Cost Rows'!B9:B14", 'costs!B2:B8'] },
      { set: { 'costs!B2': 18800 } },
      { get: ['VfM_AvoidableAnnual'] },
    ]);
    // Typed from the seed (docs/conventions.md, "The seed, worked through"): the six amounts, the total, the core team avoidable, NPV 39,032.29.
    expect(seen.VfM_Amounts).toEqual([[17800], [46648.63], [9495.85], [44262.49], [5483.25], [845]]);
    expect(seen.VfM_TotalAnnual).toBe(124535.22);
    expect(seen.VfM_AvoidableAnnual).toBe(17800);
    expect(seen.VfM_NPV).toBe(39032.29);
    expect(seen.VfM_MasterCheck).toBe(1);
    expect(seen['costs!B2:B8']).toEqual([[17800], [46648.63], [9495.85], [44262.49], [5483.25], [845], [124535.22]]);
    expect(types).toEqual({ "'VfM Cost Rows'!B9:B14": Array(6).fill(['formula']), 'costs!B2:B8': Array(7).fill(['value']) });
    expect(changed.VfM_AvoidableAnnual).toBe(18800);
  });
});
