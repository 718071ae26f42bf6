// A source sheet whose name a formula could read as something else — a cell in R1C1 notation, a
// boolean — still links the written model to its cells: LibreOffice Calc recalculates the model to
// the core's figures, and the cost rows' amounts to the source's.
import { writeFileSync } from 'fs';
import path from 'path';
import { analyse } from '../../src/core/analysis';
import { Io, run } from '../../src/faces/cli/main';
import { SEED_ASSUMPTIONS, SEED_VALUES } from '../support/analyses';
import { GetResult, calc } from '../support/libreoffice';
import { readBack, temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(120_000);

const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
const pence = (value: unknown) => Math.round((value as number) * 100);

describe.each(['R1C1', 'TRUE'])('a source sheet named %s', (name) => {
  it("recalculates to the core's figures, the amounts linked to the source sheet", async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [{ name: 'Notes', rows: [['Read me first']] }, { name, rows: SEED_VALUES }]);
    writeFileSync(path.join(dir, 'assumptions.json'), JSON.stringify(SEED_ASSUMPTIONS));
    const out = path.join(dir, 'out.xlsx');
    expect(await run(['analyse', input, '--sheet', name, '--assumptions', path.join(dir, 'assumptions.json'), '--out', out], IO)).toBe(0);

    const core = analyse({ grid: await (await readBack(input)).grid(name), assumptions: SEED_ASSUMPTIONS, today: TODAY });
    const [got] = await calc(out, [{ get: ['VfM_Amounts', 'VfM_TotalAnnual', 'VfM_TotalSaving', 'VfM_NPV', 'VfM_MasterCheck'] }]);
    const seen = got as GetResult;
    expect((seen.VfM_Amounts as number[][]).map((row) => pence(row[0]))).toEqual(core.rows.map((row) => row.amount));
    expect([pence(seen.VfM_TotalAnnual), pence(seen.VfM_TotalSaving), pence(seen.VfM_NPV)]).toEqual([core.annual.total, core.savings.totalSaving, core.savings.npv]);
    expect(seen.VfM_MasterCheck).toBe(1);
  });
});
