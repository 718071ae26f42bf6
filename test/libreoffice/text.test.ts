// Labels holding a NUL and other control characters, emoji, right-to-left text and the marks that
// reorder a line, a literal _xHHHH_ and half of a surrogate pair, on a sheet named in Arabic with an
// emoji, and a CSV with a stray NUL: the written workbook opens in LibreOffice Calc, which
// recalculates it to the core's figures and reads each label back as the source holds it.
import { writeFileSync } from 'fs';
import path from 'path';
import { analyse } from '../../src/core/analysis';
import { Io, run } from '../../src/faces/cli/main';
import { GetResult, calc } from '../support/libreoffice';
import { TEXT_LABELS, TEXT_SHEET, writeTextWorkbook } from '../support/texts';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
const pence = (value: unknown) => Math.round((value as number) * 100);
const NAMES = ['VfM_Items', 'VfM_Amounts', 'VfM_TotalAnnual', 'VfM_NPV', 'VfM_MasterCheck'];

async function recalculated(input: string, sheet: string): Promise<{ seen: GetResult; items: readonly string[] }> {
  const out = path.join(path.dirname(input), 'out.xlsx');
  expect(await run(['analyse', input, '--out', out], IO)).toBe(0);
  const core = analyse({ grid: await (await readBack(input)).grid(sheet), assumptions: {}, today: TODAY });
  const [seen] = await calc(out, [{ get: NAMES }]);
  expect((seen.VfM_Amounts as number[][]).map((row) => pence(row[0]))).toEqual(core.rows.map((row) => row.amount));
  expect([pence(seen.VfM_TotalAnnual), pence(seen.VfM_NPV)]).toEqual([core.annual.total, core.savings.npv]);
  expect(seen.VfM_MasterCheck).toBe(1);
  return { seen, items: core.rows.map((row) => row.item) };
}

describe('text in cells, in LibreOffice Calc', () => {
  it('a workbook of labels holding NUL, emoji and right-to-left text recalculates, each label as it was', async () => {
    const dir = temporaryDirectory();
    const { seen, items } = await recalculated(await writeTextWorkbook(path.join(dir, 'in.xlsx')), TEXT_SHEET);
    expect(items).toEqual(TEXT_LABELS);
    // Calc gives every label back as written, the NUL, the overrides and the literal _x0041_ among
    // them, but half of a surrogate pair alone, which it leaves out.
    expect((seen.VfM_Items as string[][]).map((row) => row[0])).toEqual(TEXT_LABELS.map((label) => label.replace(/[\uD800-\uDFFF]/u, '')));
  });

  it('a CSV with a stray NUL in a label recalculates, the NUL kept', async () => {
    const dir = temporaryDirectory();
    const input = path.join(dir, 'costs.csv');
    writeFileSync(input, 'Item,£\r\nCore team,17800\r\nCRM\0,46648.63\r\nEmail,845\r\n');
    const { seen } = await recalculated(input, 'costs');
    expect((seen.VfM_Items as string[][]).map((row) => row[0])).toEqual(['Core team', 'CRM\u0000', 'Email']);
  });
});
