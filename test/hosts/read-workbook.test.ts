import ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { readBack, temporaryDirectory } from '../support/workbooks';

describe('sheetGrid', () => {
  it('reads a saved workbook: used range from A1, merged blocks in their top-left cell, ranges with their offsets', async () => {
    const file = path.join(temporaryDirectory(), 'book.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('My costs');
    sheet.getCell('A1').value = 'Title across three columns';
    sheet.mergeCells('A1:C1');
    sheet.getCell('B3').value = 'CRM';
    sheet.getCell('C3').value = 46648.63;
    sheet.getCell('B4').value = 'Core team';
    sheet.getCell('C4').value = { formula: 'C3/2', result: 23324.32 } as ExcelJS.CellFormulaValue;
    workbook.addWorksheet('Notes');
    await workbook.xlsx.writeFile(file);

    const back = await readBack(file);
    expect(back.sheets).toEqual([{ name: 'My costs', hidden: false }, { name: 'Notes', hidden: false }]);
    const whole = await back.grid('My costs');
    expect(whole).toMatchObject({ sheet: 'My costs', top: 1, left: 1 });
    expect(whole.values[0]).toEqual(['Title across three columns']);
    expect(whole.values[2]).toEqual([null, 'CRM', 46648.63]);
    expect(whole.values[3]).toEqual([null, 'Core team', 23324.32]);

    const part = await back.grid('My costs', { top: 3, left: 2, bottom: 4, right: 3 });
    expect(part).toEqual({ sheet: 'My costs', top: 3, left: 2, values: [['CRM', 46648.63], ['Core team', 23324.32]] });
  });

  it('names the hidden rows of the block: hidden by hand, filtered out, or in a collapsed outline, empty or not', async () => {
    const file = path.join(temporaryDirectory(), 'hidden.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Costs');
    const rows = [['Item', '£'], ['CRM', 100], ['Licence', 20], ['Core team', 50], [], ['Hosting', 30], ['Total', 200]];
    rows.forEach((row, r) => row.forEach((value, c) => (sheet.getCell(r + 1, c + 1).value = value)));
    sheet.autoFilter = 'A1:B7';
    sheet.getRow(3).hidden = true; // filtered out: a filter stores its hidden rows as hidden rows
    sheet.getRow(6).outlineLevel = 1;
    sheet.getRow(6).hidden = true; // a collapsed group
    // exceljs writes no row without cells, so the empty hidden rows 5 and 9 (below the table) go
    // in by hand, as Excel stores them.
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const withEmpty = xml.replace('<row r="6"', '<row r="5" hidden="1"/><row r="6"').replace('</sheetData>', '<row r="9" hidden="1"/></sheetData>');
    zip.file('xl/worksheets/sheet1.xml', withEmpty);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));

    const back = await readBack(file);
    const whole = await back.grid('Costs'); // the stored row 9 counts in the sheet's rows
    expect(whole.values).toHaveLength(9);
    expect(whole.hiddenRows).toEqual([3, 5, 6, 9]);
    expect(whole.values[2]).toEqual(['Licence', 20]); // read like any other row
    expect((await back.grid('Costs', { top: 1, left: 1, bottom: 7, right: 2 })).hiddenRows).toEqual([3, 5, 6]);
    expect((await back.grid('Costs', { top: 4, left: 1, bottom: 12, right: 2 })).hiddenRows).toEqual([5, 6, 9]);
    expect((await back.grid('Costs', { top: 1, left: 1, bottom: 2, right: 2 }))).not.toHaveProperty('hiddenRows');
  });
});

describe('namedRanges: the tables and defined names a --range can name', () => {
  it('finds Excel tables (header and total rows included) and names of one rectangle, in any case', async () => {
    const file = path.join(temporaryDirectory(), 'named.xlsx');
    const workbook = new ExcelJS.Workbook();
    const costs = workbook.addWorksheet('Costs');
    costs.getCell('A1').value = 'Partnership costs 2011/12';
    costs.addTable({
      name: 'PartnershipCosts', ref: 'A3', headerRow: true, totalsRow: true,
      columns: [{ name: 'Item' }, { name: 'Amount', totalsRowFunction: 'sum' }], rows: [['CRM', 46648.63], ['Core team', 17800]],
    });
    const other = workbook.addWorksheet('Other sheet');
    other.getCell('B2').value = 'Rent';
    workbook.definedNames.add("'Other sheet'!$B$2:$C$9", 'CostBlock');
    workbook.definedNames.add("'Other sheet'!$B$2", 'OneCell');
    workbook.definedNames.add('Costs!$A$1:$B$2', 'TwoAreas');
    workbook.definedNames.add('Costs!$D$1:$E$2', 'TwoAreas');
    workbook.definedNames.add('Costs!$A$3:$B$6', '_xlnm._FilterDatabase');
    await workbook.xlsx.writeFile(file);

    const back = await readBack(file);
    expect(back.namedRanges).toEqual([
      { name: 'PartnershipCosts', kind: 'table', sheet: 'Costs', range: { top: 3, left: 1, bottom: 6, right: 2 } },
      { name: 'CostBlock', kind: 'defined name', sheet: 'Other sheet', range: { top: 2, left: 2, bottom: 9, right: 3 } },
      { name: 'OneCell', kind: 'defined name', sheet: 'Other sheet', range: { top: 2, left: 2, bottom: 2, right: 2 } },
    ]);
    expect(namedRange(back, 'partnershipcosts')?.range).toEqual({ top: 3, left: 1, bottom: 6, right: 2 });
    expect(namedRange(back, ' CostBlock ')?.sheet).toBe('Other sheet');
    expect(namedRange(back, 'TwoAreas')).toBeUndefined();
    expect(namedRange(back, 'Nothing')).toBeUndefined();
  });
});

/** A package written by hand, as other producers write one: `sheets` are the worksheet parts' sheetData. */
async function handMade(file: string, options: { prefix?: string; workbookExtra?: string; sheets: { name: string; state?: string; data: string }[]; strings?: string; styles?: string; date1904?: boolean }): Promise<string> {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = `xmlns${options.prefix ? `:${options.prefix}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>');
  const rels = options.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s${i + 1}.xml"/>`);
  if (options.strings) rels.push('<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>');
  if (options.styles) rels.push('<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>');
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const sheets = options.sheets.map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} rel:id="rId${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><${p}workbook ${ns} xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets>${sheets}</${p}sheets>${options.workbookExtra ?? ''}</${p}workbook>`);
  options.sheets.forEach((s, i) => zip.file(`xl/worksheets/s${i + 1}.xml`, `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData>${s.data}</${p}sheetData></${p}worksheet>`));
  if (options.strings) zip.file('xl/strings.xml', `<?xml version="1.0"?><${p}sst ${ns}>${options.strings}</${p}sst>`);
  if (options.styles) zip.file('xl/styles.xml', `<?xml version="1.0"?><${p}styleSheet ${ns}>${options.styles}</${p}styleSheet>`);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

describe('packages as other producers write them', () => {
  const STYLES = '<numFmts count="1"><numFmt numFmtId="170" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs>';

  it('reads every kind of cell: shared, rich and inline text, formula results, booleans, errors, ISO and serial dates, uncalculated formulas', async () => {
    const file = await handMade(path.join(temporaryDirectory(), 'cells.xlsx'), {
      strings: '<si><t>CRM</t></si><si><r><t xml:space="preserve">Core </t></r><r><rPr><b/></rPr><t>Team</t></r><rPh sb="0" eb="1"><t>コア</t></rPh></si><si/><si><t>Tom &amp; Jerry_x000D_</t></si>',
      styles: STYLES,
      sheets: [{
        name: 'Costs',
        data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c></row>'
          + '<row r="2"><c r="A2" t="inlineStr"><is><t>Inline</t></is></c><c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>'
          + '<row r="3"><c r="A3" s="1"><v>41201</v></c><c r="B3" s="2"><v>41201</v></c><c r="C3" t="d"><v>2012-10-19T00:00:00Z</v></c><c r="D3" s="3"><v>46648.63</v></c></row>'
          + '<row r="4"><c r="A4"><f>SUM(D3:D3)</f></c><c r="B4" t="str"><f>""</f><v></v></c><c r="C4" s="1"><v>99999999</v></c></row>',
      }],
    });
    const grid = await (await readBack(file)).grid('Costs');
    expect(grid.values).toEqual([
      ['CRM', 'Core Team', 'Tom & Jerry\r'],
      ['Inline', 'ab', true, { error: '#N/A' }],
      [{ date: '2012-10-19' }, { date: '2012-10-19' }, { date: '2012-10-19' }, 46648.63],
      [{ formula: 'SUM(D3:D3)' }, '', 99999999],
    ]);
  });

  it('reads cells and rows written without addresses, prefixed elements, the 1904 date system, hidden sheets and sheet-scoped and constant names', async () => {
    const file = await handMade(path.join(temporaryDirectory(), 'odd.xlsx'), {
      prefix: 'x',
      date1904: true,
      styles: STYLES,
      strings: '<x:si><x:t>Label</x:t></x:si>',
      workbookExtra: '<x:definedNames><x:definedName name="Local" localSheetId="0">Costs!$A$1:$B$2</x:definedName><x:definedName name="MyRate">0.035</x:definedName></x:definedNames>',
      sheets: [
        { name: 'Costs', data: '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>10</x:v></x:c></x:row><x:row><x:c/><x:c/><x:c s="1"><x:v>39739</x:v></x:c></x:row><x:row r="5"><x:c r="B5"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row>' },
        { name: 'Hidden', state: 'veryHidden', data: '' },
      ],
    });
    const back = await readBack(file);
    expect(back.sheets).toEqual([{ name: 'Costs', hidden: false }, { name: 'Hidden', hidden: true, veryHidden: true }]);
    expect((await back.grid('Costs')).values).toEqual([['Label', 10], [null, null, { date: '2012-10-19' }], [], [], [null, 5, 6]]);
    expect(back.definedNames).toEqual([{ name: 'Local', sheet: 'Costs', formula: 'Costs!$A$1:$B$2', scope: 'Costs' }, { name: 'MyRate', sheet: '', formula: '0.035' }]);
    expect(back.nameDefinitions).toEqual([{ name: 'Local', scope: 'Costs', refersTo: 'Costs!$A$1:$B$2' }, { name: 'MyRate', refersTo: '0.035' }]);
    expect(back.namedRanges).toEqual([{ name: 'Local', kind: 'defined name', sheet: 'Costs', range: { top: 1, left: 1, bottom: 2, right: 2 }, scope: 'Costs' }]);
    expect(namedRange(back, 'local')?.range).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(namedRange(back, 'MyRate')).toBeUndefined();
  });

  it('reads one sheet without inflating the others', async () => {
    const file = await handMade(path.join(temporaryDirectory(), 'lazy.xlsx'), {
      sheets: [{ name: 'Costs', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: 'Broken', data: '<row><c><v>unclosed' }],
    });
    const back = await readBack(file);
    expect((await back.grid('Costs')).values).toEqual([[1]]);
    await expect(back.grid('Broken')).rejects.toThrow('the sheet "Broken" (xl/worksheets/s2.xml) is not well-formed XML');
  });
});
