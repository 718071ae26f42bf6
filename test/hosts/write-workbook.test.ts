import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { WORKBOOK_LEVEL_PARTS, packageDiff } from '../support/package-diff';
import { readSummary } from '../support/summary';
import { loadWithExcelJs, readBack, temporaryDirectory } from '../support/workbooks';

const IO: Io = { out: () => undefined, err: () => undefined, clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };
const PRODUCT = ['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit'];

/** A council workbook with the things that must survive: formulas, formats, merges, notes, names, a second sheet. */
async function councilWorkbook(file: string, extra?: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const costs = workbook.addWorksheet('Costs');
  costs.getCell('A1').value = 'Partnership payments 2011/12';
  costs.mergeCells('A1:C1');
  costs.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF203864' } };
  costs.getCell('B2').value = '£';
  const rows: [string, number][] = [['Core Team contribution', 17800], ['CRM', 46648.63], ['=HYPERLINK("http://x","y")', 10], ['+SUM(1,2)', 20], ['@cmd', 30], ['-2+3', 40]];
  rows.forEach(([item, amount], i) => {
    costs.getCell(`A${3 + i}`).value = item;
    costs.getCell(`B${3 + i}`).value = amount;
    costs.getCell(`B${3 + i}`).numFmt = '#,##0.00';
  });
  costs.getCell('A9').value = 'Total';
  costs.getCell('B9').value = { formula: 'SUM(B3:B8)', result: 64548.63 } as ExcelJS.CellFormulaValue;
  costs.getCell('B9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  costs.getCell('C3').note = 'Invoice 1234';
  costs.getColumn(1).width = 33;
  const notes = workbook.addWorksheet('Notes');
  notes.getCell('A1').value = 'Reviewed by the S151 officer';
  notes.getCell('B1').value = new Date(Date.UTC(2012, 9, 1));
  workbook.definedNames.add('Costs!$B$9', 'CouncilTotal');
  extra?.(workbook);
  await workbook.xlsx.writeFile(file);
}

/** Every cell of a sheet: address, value, number format, font and fill, for comparing sheets. */
function snapshot(sheet: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.address, cell.value, cell.numFmt, cell.font, cell.fill, cell.note])),
  );
  return { name: sheet.name, cells, merges: sheet.model.merges, widths: sheet.columns?.map((c) => c.width) };
}

describe('vfm analyse --out', () => {
  it('adds the product sheets after the council\'s, which keep every value, formula, format, merge, note and name', async () => {
    const dir = temporaryDirectory();
    const input = path.join(dir, 'council.xlsx');
    const out = path.join(dir, 'out.xlsx');
    await councilWorkbook(input);
    expect(await run(['analyse', input, '--out', out], IO)).toBe(0);

    const before = await loadWithExcelJs(input);
    const after = await loadWithExcelJs(out);
    expect(after.worksheets.map((s) => s.name)).toEqual(['Costs', 'Notes', ...PRODUCT]);
    for (const name of ['Costs', 'Notes']) {
      expect(snapshot(after.getWorksheet(name) as ExcelJS.Worksheet)).toEqual(snapshot(before.getWorksheet(name) as ExcelJS.Worksheet));
    }
    expect((await readBack(out)).definedNames).toEqual(expect.arrayContaining([{ name: 'CouncilTotal', sheet: 'Costs', formula: 'Costs!$B$9' }]));
    // Excel is told to calculate every formula on opening (exceljs does not read this back).
    const workbookXml = await (await JSZip.loadAsync(readFileSync(out))).file('xl/workbook.xml')?.async('string');
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('writes labels that look like formulas as text', async () => {
    const dir = temporaryDirectory();
    await councilWorkbook(path.join(dir, 'in.xlsx'));
    expect(await run(['analyse', path.join(dir, 'in.xlsx'), '--out', path.join(dir, 'out.xlsx')], IO)).toBe(0);
    const out = await loadWithExcelJs(path.join(dir, 'out.xlsx'));
    const rows = out.getWorksheet('VfM Cost Rows') as ExcelJS.Worksheet;
    const first = Number(/\$(\d+):/.exec(out.definedNames.model.find((n) => n.name === 'VfM_Amounts')?.ranges[0] ?? '')?.[1]);
    const items = [0, 1, 2, 3, 4, 5].map((i) => rows.getCell(`A${first + i}`));
    expect(items.map((cell) => [cell.type, cell.value])).toEqual([
      [ExcelJS.ValueType.String, 'Core Team contribution'],
      [ExcelJS.ValueType.String, 'CRM'],
      [ExcelJS.ValueType.String, '=HYPERLINK("http://x","y")'],
      [ExcelJS.ValueType.String, '+SUM(1,2)'],
      [ExcelJS.ValueType.String, '@cmd'],
      [ExcelJS.ValueType.String, '-2+3'],
    ]);
  });

  it('replaces its own sheets on a second run, and only those: the result is the same', async () => {
    const dir = temporaryDirectory();
    const input = path.join(dir, 'in.xlsx');
    await councilWorkbook(input);
    expect(await run(['analyse', input, '--out', path.join(dir, 'once.xlsx')], IO)).toBe(0);
    // the second run reads the first's output under the same file name, as the audit sheet records it
    mkdirSync(path.join(dir, 'again'));
    copyFileSync(path.join(dir, 'once.xlsx'), path.join(dir, 'again', 'in.xlsx'));
    expect(await run(['analyse', path.join(dir, 'again', 'in.xlsx'), '--out', path.join(dir, 'twice.xlsx')], IO)).toBe(0);
    const once = await loadWithExcelJs(path.join(dir, 'once.xlsx'));
    const twice = await loadWithExcelJs(path.join(dir, 'twice.xlsx'));
    expect(twice.worksheets.map((s) => s.name)).toEqual(['Costs', 'Notes', ...PRODUCT]);
    // The same but for the audit sheet, whose log of runs gains the second run's row.
    for (const sheet of once.worksheets.filter((s) => s.name !== 'VfM Audit')) expect(snapshot(twice.getWorksheet(sheet.name) as ExcelJS.Worksheet)).toEqual(snapshot(sheet));
    const logOf = async (file: string) => {
      const workbook = await readBack(file);
      const log = namedRange(workbook, 'VfM_RunLog');
      return log ? (await workbook.grid(log.sheet, log.range)).values : [];
    };
    const [first, [again, second]] = [await logOf(path.join(dir, 'once.xlsx')), await logOf(path.join(dir, 'twice.xlsx'))];
    expect(first).toHaveLength(1);
    expect(again).toEqual(first[0]);
    expect(second[1]).toBe('none');
    // The same names on the same sheets (the audit sheet's print area takes in the log's new row).
    const sorted = (names: { name: string; sheet: string; scope?: string }[]) => names.map(({ name, sheet, scope }) => ({ name, sheet, scope })).sort((a, b) => a.name.localeCompare(b.name));
    expect(sorted([...(await readBack(path.join(dir, 'twice.xlsx'))).definedNames])).toEqual(sorted([...(await readBack(path.join(dir, 'once.xlsx'))).definedNames]));
  });

  it('finds its own sheets by their marker even when renamed, and leaves a look-alike sheet of the user\'s alone', async () => {
    const dir = temporaryDirectory();
    await councilWorkbook(path.join(dir, 'in.xlsx'), (workbook) => {
      const mine = workbook.addWorksheet('VfM Scenarios');
      mine.getCell('A1').value = 'My own notes, not the product\'s';
    });
    expect(await run(['analyse', path.join(dir, 'in.xlsx'), '--out', path.join(dir, 'once.xlsx')], IO)).toBe(0);
    const once = await loadWithExcelJs(path.join(dir, 'once.xlsx'));
    expect(once.worksheets.map((s) => s.name)).toEqual(['Costs', 'Notes', 'VfM Scenarios', 'VfM Scenarios (2)', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    expect(once.getWorksheet('VfM Scenarios')?.getCell('A1').value).toBe('My own notes, not the product\'s');

    // Renaming a sheet in Excel carries the names that refer to it along; exceljs needs telling.
    (once.getWorksheet('VfM Audit') as ExcelJS.Worksheet).name = 'Audit 2012';
    once.definedNames.model = once.definedNames.model.map((entry) => ({
      ...entry,
      ranges: entry.ranges.map((range) => range.replace("'VfM Audit'!", "'Audit 2012'!")),
    }));
    await once.xlsx.writeFile(path.join(dir, 'renamed.xlsx'));
    expect(await run(['analyse', path.join(dir, 'renamed.xlsx'), '--out', path.join(dir, 'twice.xlsx')], IO)).toBe(0);
    const twice = await loadWithExcelJs(path.join(dir, 'twice.xlsx'));
    expect(twice.worksheets.map((s) => s.name)).toEqual(['Costs', 'Notes', 'VfM Scenarios', 'VfM Scenarios (2)', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    expect(twice.getWorksheet('VfM Scenarios')?.getCell('A1').value).toBe('My own notes, not the product\'s');
  });

  it('refuses to overwrite INPUT, refuses a product sheet as the source, and writes nothing on an error', async () => {
    const dir = temporaryDirectory();
    const input = path.join(dir, 'in.xlsx');
    await councilWorkbook(input);
    let err = '';
    const io: Io = { ...IO, err: (t) => void (err += t) };
    expect(await run(['analyse', input, '--out', input], io)).toBe(2);
    expect(err).toContain('--out');
    expect(err).toContain('would overwrite the input workbook');

    expect(await run(['analyse', input, '--out', path.join(dir, 'once.xlsx')], IO)).toBe(0);
    err = '';
    expect(await run(['analyse', path.join(dir, 'once.xlsx'), '--sheet', 'VfM Cost Rows', '--out', path.join(dir, 'x.xlsx')], io)).toBe(2);
    expect(err).toContain('is a sheet VfM Scenarios wrote');

    err = '';
    expect(await run(['analyse', input, '--assumptions', path.join(dir, 'missing.json'), '--out', path.join(dir, 'y.xlsx'), '--json', path.join(dir, 'y.json')], io)).toBe(2);
    expect(existsSync(path.join(dir, 'y.xlsx'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'once.xlsx']);
  });
});

describe('vfm analyse --out keeps every part of the user\'s file', () => {
  it('copies every part but the workbook-level ones byte for byte, charts and macros included, and replaces only its own on a second run', async () => {
    const dir = temporaryDirectory();
    const plain = path.join(dir, 'plain.xlsx');
    await councilWorkbook(plain);
    const zip = await JSZip.loadAsync(readFileSync(plain));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    zip.file('xl/vbaProject.bin', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    const input = path.join(dir, 'with-chart.xlsx');
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const out = path.join(dir, 'out.xlsx');
    expect(await run(['analyse', input, '--out', out], IO)).toBe(0);

    const first = await packageDiff(input, out);
    expect(first.removed).toEqual([]);
    expect(first.changed.filter((part) => !WORKBOOK_LEVEL_PARTS.includes(part))).toEqual([]);
    // Five sheets; the options sheet's drawing, with its two charts, named so as not to meet the user's chart1.
    const kinds = (parts: readonly string[]) => parts.map((part) => part.replace(/\d+/g, 'N'));
    expect(kinds(first.added).sort()).toEqual([
      'xl/charts/chartN.xml', 'xl/charts/chartN.xml', 'xl/drawings/_rels/drawingN.xml.rels', 'xl/drawings/drawingN.xml',
      'xl/worksheets/_rels/sheetN.xml.rels', 'xl/worksheets/sheetN.xml', 'xl/worksheets/sheetN.xml', 'xl/worksheets/sheetN.xml', 'xl/worksheets/sheetN.xml', 'xl/worksheets/sheetN.xml',
    ]);
    expect(first.added).not.toContain('xl/charts/chart1.xml');
    expect(first.restored).toEqual([]); // nothing inflated and deflated again

    mkdirSync(path.join(dir, 'again'));
    copyFileSync(out, path.join(dir, 'again', 'with-chart.xlsx'));
    const twice = path.join(dir, 'twice.xlsx');
    expect(await run(['analyse', path.join(dir, 'again', 'with-chart.xlsx'), '--out', twice], IO)).toBe(0);
    const second = await packageDiff(out, twice);
    expect(second.changed.filter((part) => !WORKBOOK_LEVEL_PARTS.includes(part))).toEqual([]);
    expect(second.restored).toEqual([]);
    // Its own four sheets, drawing and charts replaced by new ones; the styles it added the first time used again.
    expect(second.removed).toEqual(first.added);
    expect(kinds(second.added).sort()).toEqual(kinds(first.added).sort());
    const styles = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file('xl/styles.xml')?.async('string');
    expect(await styles(twice)).toBe(await styles(out));
  });

  it('refuses an output name of another kind than the input: .xlsm in, .xlsm out', async () => {
    const dir = temporaryDirectory();
    const plain = path.join(dir, 'plain.xlsx');
    await councilWorkbook(plain);
    let err = '';
    const io: Io = { ...IO, err: (t) => void (err += t) };
    expect(await run(['analyse', plain, '--out', path.join(dir, 'out.xlsm')], io)).toBe(2);
    expect(err).toContain('plain.xlsx is an Excel workbook, so --out writes an .xlsx workbook; name the output NAME.xlsx');
    expect(readdirSync(dir)).toEqual(['plain.xlsx']);
    expect(await run(['analyse', plain, '--json', path.join(dir, 's.json')], IO)).toBe(0);
    expect(readSummary(path.join(dir, 's.json')).source.sheet).toBe('Costs');
  });
});
