// A workbook in the 1904 date system (Excel for the Mac's old default: day 0 is 1 January 1904,
// 1,462 days after the 1900 system's) counts every date 1,462 less. The model written into it
// holds its dates as that workbook counts them: LibreOffice Calc recalculates it to the JSON's
// figures and shows each date as the day it is, and verify finds the output as written sound.
// The workbook is made by openpyxl, with its epoch set to the 1904 system.
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import { a1, sheetReference } from '../../src/core/cell';
import { Io, run } from '../../src/faces/cli/main';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { calc } from '../support/libreoffice';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '../..');
const PYTHON = process.env.VFM_PYTHON ?? '/usr/bin/python3';
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };

/** The example's cost table, with a column of contract ends: the CRM contract ends on 30 September 2014. */
const ROWS = [
  ['The payments to Staffs Connects for 2011-12 were made up of the following:', null, null],
  [null, null, null],
  [null, '£', 'Contract ends'],
  ['Staffordshire Connects 2011/12 Core Team', 17800, null],
  ['CRM', 46648.63, { date: '2014-09-30' }],
  ['Epayments', 9495.85, null],
  ['New Epayments', 44262.49, null],
  ['Customer Insight', 5483.25, null],
  ['Shared Email Directory', 845, null],
  ['Total (Exc VAT)', 124535.22, null],
];

/** openpyxl writes the rows on a sheet "Costs" of a workbook in the 1904 date system; a date in dd/mm/yyyy. */
const OPENPYXL_1904 = `
import datetime, json, sys
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
job = json.load(sys.stdin)
wb = Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "Costs"
for r, row in enumerate(job["rows"], start=1):
    for c, value in enumerate(row, start=1):
        if isinstance(value, dict):
            ws.cell(row=r, column=c, value=datetime.date.fromisoformat(value["date"])).number_format = "dd/mm/yyyy"
        elif value is not None:
            ws.cell(row=r, column=c, value=value)
wb.save(job["file"])
`;

async function verifyCode(file: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(['verify', file], { ...IO, out: (t) => { out += t; } });
  return { code, out };
}

it('writes its dates in a workbook of the 1904 date system as it counts them: LibreOffice recalculates to the JSON\'s figures with each date the day it is, and verify finds it sound', async () => {
  const dir = temporaryDirectory();
  const [input, out, json, saved] = ['in.xlsx', 'out.xlsx', 's.json', 'saved.xlsx'].map((name) => path.join(dir, name));
  execFileSync(PYTHON, ['-c', OPENPYXL_1904], { input: JSON.stringify({ file: input, rows: ROWS }), timeout: 120_000 });
  expect(readFileSync(input).length).toBeGreaterThan(0);

  const assumptions = path.join(ROOT, 'examples/staffordshire-connects.options.json');
  expect(await run(['analyse', input, '--assumptions', assumptions, '--out', out, '--json', json], IO)).toBe(0);
  const summary = JSON.parse(readFileSync(json, 'utf8'));
  expect(summary.savings.npv).toBe(39_032.29);
  expect(summary.savings.noticeExpiresOn).toBe('2014-10-19');
  expect(summary.rows[1].endsOn).toBe('2014-09-30');

  // As written, before any program has calculated it.
  const written = await verifyCode(out);
  expect(written.out).toContain('Sound');
  expect(written.out).toContain('The inputs, the source\'s fingerprint and the preferred option\'s NPV are the run\'s');
  expect(written.code).toBe(0);

  const ends = namedRange(await readBack(out), 'VfM_ContractEnds');
  if (!ends) throw new Error('no VfM_ContractEnds');
  const crmEnds = `${sheetReference(ends.sheet)}!${a1(ends.range.top + 1, ends.range.left)}`; // CRM is the second row
  const [got, shown] = await calc(out, [
    { get: ['VfM_NPV', 'VfM_MasterCheck', 'VfM_FinancialYears'] },
    { describe: ['VfM_NoticeServedOn', 'VfM_NoticeExpires', crmEnds] },
    { save: saved },
  ]);
  expect(got.VfM_NPV).toBeCloseTo(39_032.29, 2);
  expect(got.VfM_MasterCheck).toBe(1);
  expect((got.VfM_FinancialYears as unknown[][])[0].slice(0, 2)).toEqual(['2012/13', '2013/14']);
  expect(shown.VfM_NoticeServedOn.display).toBe('19 Oct 2012');
  expect(shown.VfM_NoticeExpires.display).toBe('19 Oct 2014');
  expect(shown[crmEnds].display).toBe('30 Sep 2014');

  // As LibreOffice calculated and saved it, its saved results checked too.
  const calculated = await verifyCode(saved);
  expect(calculated.out).toContain('Sound');
  expect(calculated.out).toContain('The inputs, the source\'s fingerprint and the preferred option\'s NPV are the run\'s');
  expect(calculated.code).toBe(0);
});
