// Sheets of an .xls or .ods named with control characters (a tab, a line break, ESC, U+0001), which
// no sheet of an .xlsx may hold, and which LibreOffice Calc lets a sheet be named. Their names are
// read as a CSV file's name becomes its sheet's: each control character a space, and a name made
// so that another sheet has it already told apart; the new workbook --out writes opens in
// LibreOffice and recalculates, linked to the source sheet under that name. The files are made
// by LibreOffice here; none is kept in the repository.
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import { analyse } from '../../src/core/analysis';
import { Io, run } from '../../src/faces/cli/main';
import { calc } from '../support/libreoffice';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(300_000);

const PYTHON = process.env.VFM_PYTHON ?? '/usr/bin/python3';
const OFFICE_PY = path.resolve(__dirname, 'office.py');
const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
const pence = (value: unknown) => Math.round((value as number) * 100);

const COSTS = [['Item', '£'], ['Core team', 17800], ['CRM', 46648.63], ['Email', 845], ['Total', 65293.63]];
const NOTES = [['Read me first']];

/** Each file: its sheets as LibreOffice names them, and the LibreOffice filter that saves it. */
const FILES = {
  // The cost table is a defined name too, "CostTable", on the sheet of its own name.
  'named.xls': { filter: 'MS Excel 97', sheets: [{ name: 'Notes\u0001', rows: NOTES }, { name: 'Notes', rows: NOTES }, { name: 'Costs\u0001\u001b2012', rows: COSTS, table: 'CostTable' }] },
  // OpenDocument is XML: a tab and a line break can be in a name, U+0001 cannot.
  'named.ods': { filter: 'calc8', sheets: [{ name: 'Costs\tA&B\n2012', rows: COSTS }] },
};

/** LibreOffice makes each file: a new spreadsheet, its sheets named and filled, saved by the filter. */
const MAKE = `
import json, sys
sys.dont_write_bytecode = True
sys.path.insert(0, ${JSON.stringify(path.dirname(OFFICE_PY))})
from office import Office, props
import uno
from com.sun.star.table import CellAddress
job = json.load(sys.stdin)
with Office(deadline=150) as office:
    for name, spec in job["files"].items():
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        office.docs.append(doc)
        for i, sheet in enumerate(spec["sheets"]):
            if i > 0:
                doc.Sheets.insertNewByName("New%d" % i, i)
            target = doc.Sheets.getByIndex(i)
            target.Name = sheet["name"]
            if target.Name != sheet["name"]:
                raise SystemExit("LibreOffice did not take the sheet name %r" % sheet["name"])
            for r, row in enumerate(sheet["rows"]):
                for c, value in enumerate(row):
                    cell = target.getCellByPosition(c, r)
                    if isinstance(value, str):
                        cell.setString(value)
                    else:
                        cell.setValue(value)
            if "table" in sheet:
                whole = target.getCellRangeByPosition(0, 0, len(sheet["rows"][0]) - 1, len(sheet["rows"]) - 1)
                doc.NamedRanges.addNewByName(sheet["table"], whole.AbsoluteName, CellAddress(Sheet=i, Column=0, Row=0), 0)
        doc.storeToURL(uno.systemPathToFileUrl(job["dir"] + "/" + name), props(FilterName=spec["filter"], Overwrite=True))
`;

let dir: string;
beforeAll(() => {
  dir = temporaryDirectory();
  execFileSync(PYTHON, ['-c', MAKE], { input: JSON.stringify({ dir, files: FILES }), timeout: 200_000 });
});

describe.each([
  // Its defined name still names the cost table, on the sheet under its new name.
  ['an .xls', 'named.xls', ['Notes (2)', 'Notes', 'Costs  2012'], ['--range', 'CostTable']],
  ['an .ods', 'named.ods', ['Costs A&B 2012'], ['--sheet', 'Costs A&B 2012']],
])('%s sheet named with control characters', (_, file, names, source) => {
  it('is read under its name with each control character a space, and the workbook --out writes opens in LibreOffice linked to it', async () => {
    const input = path.join(dir, file);
    const costs = names[names.length - 1];
    expect((await readBack(input)).sheets.map((s) => s.name)).toEqual(names);

    const out = path.join(dir, `${file}.xlsx`);
    expect(await run(['analyse', input, ...source, '--out', out, '--json', `${out}.json`], IO)).toBe(0);
    expect(JSON.parse(readFileSync(`${out}.json`, 'utf8')).source.sheet).toBe(costs);
    expect((await readBack(out)).sheets.map((s) => s.name)).toEqual([costs, 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);

    const core = analyse({ grid: await (await readBack(input)).grid(costs), assumptions: {}, today: TODAY });
    const [seen] = await calc(out, [{ get: ['VfM_Amounts', 'VfM_TotalAnnual', 'VfM_NPV', 'VfM_MasterCheck'] }]);
    expect((seen.VfM_Amounts as number[][]).map((row) => pence(row[0]))).toEqual([1_780_000, 4_664_863, 84_500]);
    expect([pence(seen.VfM_TotalAnnual), pence(seen.VfM_NPV)]).toEqual([core.annual.total, core.savings.npv]);
    expect(seen.VfM_MasterCheck).toBe(1);
  });
});
