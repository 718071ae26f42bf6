// Property test of the whole file path: random cost tables, each saved as a council's .xlsx, read,
// analysed, planned, written into that file and read back. Nothing may fail but an input error that
// names its place; what is read back is what the plan wrote, cell for cell; the council's own cells
// are as they were. A sample is recalculated by LibreOffice and its results equal the core's.
import fc from 'fast-check';
import JSZip from 'jszip';
import { writeFileSync } from 'fs';
import path from 'path';
import { runScenarios } from '../../src/app/run';
import { parseIsoDate } from '../../src/core/calendar-date';
import { CellValue, Grid, a1, excelSerial } from '../../src/core/cell';
import { InputError } from '../../src/core/problems';
import { Money, toPounds } from '../../src/core/money';
import { openWorkbook } from '../../src/hosts/xlsx/read-workbook';
import { writeIntoPackage } from '../../src/hosts/xlsx/write-workbook';
import { Content, SheetPlan, rowsOf } from '../../src/layout/plan';
import { calc } from '../support/libreoffice';
import { temporaryDirectory } from '../support/workbooks';

jest.setTimeout(1_800_000);

/** A thousand tables in CI; `VFM_ROUND_TRIPS=10000` for the long run while working. */
const RUNS = Number(process.env.VFM_ROUND_TRIPS ?? 1_000);
/** Every seventh table written, one in a hundred of the tables, up to 50. */
const RECALCULATED = Math.min(50, Math.floor(RUNS / 100));
const CLOCK = { today: () => ({ year: 2024, month: 6, day: 1 }), now: () => '2024-06-01T09:30:00+01:00' };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A council's workbook of one sheet, Costs, as a minimal package written by hand (not by the product). */
async function councilWorkbook(values: readonly (readonly CellValue[])[]): Promise<Uint8Array> {
  const rows = values.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => {
    const ref = a1(r + 1, c + 1);
    if (v === null || v === '') return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v))}</t></is></c>`;
  }).join('')}</row>`).join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const LABELS = ['Core Team', 'Partnership contribution', 'CRM', 'Epayments', 'Hosting', 'Licence', 'Membership fee', '=HYPERLINK("x")', '  Shared  Email  ', 'Ünïcödé £ & <tag>', 'مساهمة', '👍 support', ''];
const amountArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -1_000_000, max: 100_000_000 }).map((p) => p / 100) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('1,234.50', '£17,800', '(250.00)', 'tbc', '', null, true, 1e-7, 12.345) },
);
const rowArb = fc.tuple(fc.constantFrom(...LABELS), amountArb, fc.option(fc.constantFrom('note', 'ends 31/03/2026', 'N/A'), { nil: null }));
const tableArb = fc.record({
  title: fc.option(fc.constantFrom('Payments for 2011-12', 'Costs £000', 'Partnership costs'), { nil: null }),
  header: fc.constantFrom<readonly CellValue[] | null>(['Item', '£'], ['Item', 'Amount', 'Notes'], null),
  rows: fc.array(rowArb, { minLength: 0, maxLength: 12 }),
  total: fc.constantFrom<'sum' | 'wrong' | 'none'>('sum', 'wrong', 'none'),
});
const assumptionsArb = fc.record({
  noticeServedOn: fc.constantFrom('2012-10-19', '2024-04-01', '2030-12-31'),
  noticeMonths: fc.integer({ min: 0, max: 60 }),
  horizonYears: fc.integer({ min: 1, max: 12 }),
  discountRate: fc.constantFrom(0, 0.035, 0.1),
  indexation: fc.constantFrom(0, 0.025),
  sharing: fc.constantFrom('fixed-contribution', 'shared-pool'),
  partners: fc.constant({ inBaseYear: 6, leavers: [{ name: 'Tamworth', leavesOn: '2025-03-31' }] }),
}, { requiredKeys: ['noticeServedOn'] });

function valuesOf(table: typeof tableArb extends fc.Arbitrary<infer T> ? T : never): CellValue[][] {
  const values: CellValue[][] = [];
  if (table.title) values.push([table.title], []);
  if (table.header) values.push([...table.header]);
  for (const [label, amount, note] of table.rows) values.push([label, amount, note]);
  const numbers = table.rows.map(([, amount]) => amount).filter((a): a is number => typeof a === 'number');
  const sum = Math.round(numbers.reduce((s, n) => s + n * 100, 0)) / 100;
  if (table.total !== 'none') values.push(['Total', table.total === 'sum' ? sum : sum + 1]);
  return values;
}

/** A planned cell as a reader sees it back: a formula's text, a number, a text; or empty. */
function plannedWords(content: Content): string {
  if (content === null) return 'empty';
  if ('formula' in content) return `=${content.formula}`;
  if ('number' in content) return `#${content.number}`;
  return content.text === '' ? 'empty' : `"${content.text}"`;
}
function readWords(value: CellValue | undefined, formula: string | undefined): string {
  if (formula !== undefined) return `=${formula}`;
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'number') return `#${value}`;
  // A number in a date format reads back as its date: compared as the serial it is.
  const date = typeof value === 'object' && 'date' in value ? parseIsoDate(value.date) : undefined;
  if (date) return `#${excelSerial(date)}`;
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value);
}

/** Each planned cell whose read-back differs: the plan is what a reader finds, cell for cell. */
function differences(plan: SheetPlan, back: { grid: Grid; formulas: ReadonlyMap<string, string> }): string[] {
  const at = (r: number, c: number) => back.grid.values[r - back.grid.top]?.[c - back.grid.left];
  const out: string[] = [];
  for (const block of plan.blocks) {
    [...rowsOf(block.rows)].forEach((row, r) => row.forEach((content, c) => {
      if (content === null) return;
      const address = a1(block.top + r, block.left + c);
      const [want, got] = [plannedWords(content), readWords(at(block.top + r, block.left + c), back.formulas.get(address))];
      if (want !== got) out.push(`${plan.name}!${address}: planned ${want}, read ${got}`);
    }));
  }
  return out;
}

describe('random cost tables through the whole file path', () => {
  const recalculate: { file: string; npv: Money; total: Money; checks: boolean }[] = [];

  it(`${RUNS} tables: an input error naming its place, or a workbook read back as planned with the council's cells kept`, async () => {
    let written = 0;
    await fc.assert(fc.asyncProperty(tableArb, assumptionsArb, async (table, assumptions) => {
      const values = valuesOf(table);
      const bytes = await councilWorkbook(values);
      const source = await openWorkbook(bytes, 'council.xlsx');
      const grid = await source.grid('Costs');
      let run;
      try {
        run = runScenarios({ workbook: { grid, sheetNames: ['Costs'], definedNames: [], file: 'council.xlsx' }, assumptions, clock: CLOCK });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        expect(error.problems.length).toBeGreaterThan(0);
        for (const problem of error.problems) expect(problem.message.length).toBeGreaterThan(0);
        return;
      }
      const out = await writeIntoPackage(source.package!, run.plan);
      const back = await openWorkbook(out, 'out.xlsx');
      expect(back.sheets.map((s) => s.name)).toEqual(['Costs', ...run.plan.sheets.map((s) => s.name)]);
      expect((await back.grid('Costs')).values).toEqual(grid.values);
      for (const sheet of run.plan.sheets) expect(differences(sheet, await back.cells!(sheet.name))).toEqual([]);
      written++;
      if (recalculate.length < RECALCULATED && written % 7 === 1) {
        const file = path.join(temporaryDirectory(), 'out.xlsx');
        writeFileSync(file, out);
        recalculate.push({ file, npv: run.analysis.savings.npv, total: run.analysis.annual.total, checks: run.analysis.checks.every((c) => c.ok) });
      }
    }), { numRuns: RUNS });
    expect(written).toBeGreaterThan(RUNS / 4); // most tables are usable: the property is about the whole path
  });

  it(`a sample of ${RECALCULATED} recalculated by LibreOffice equals the core`, async () => {
    expect(recalculate.length).toBe(RECALCULATED);
    for (const { file, npv, total, checks } of recalculate) {
      const [got] = await calc(file, [{ get: ['VfM_NPV', 'VfM_TotalAnnual', 'VfM_MasterCheck'] }]);
      expect([got.VfM_NPV, got.VfM_TotalAnnual, got.VfM_MasterCheck]).toEqual([toPounds(npv), toPounds(total), checks ? 1 : 0]);
    }
  });
});
