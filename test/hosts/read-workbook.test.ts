import ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { cellValue, namedRange, namedRanges, readWorkbook, sheetGrid, sheetNames } from '../../src/hosts/xlsx/read-workbook';
import { temporaryDirectory } from '../support/workbooks';

describe('cellValue: exceljs values as the core sees them', () => {
  it.each<[string, ExcelJS.CellValue, unknown]>([
    ['empty', null, null],
    ['number', 46648.63, 46648.63],
    ['text', '£2,400', '£2,400'],
    ['boolean', true, true],
    ['date', new Date(Date.UTC(2012, 9, 19)), { date: '2012-10-19' }],
    ['error', { error: '#VALUE!' } as ExcelJS.CellErrorValue, { error: '#VALUE!' }],
    ['rich text', { richText: [{ text: 'Core ' }, { text: 'Team', font: { bold: true } }] }, 'Core Team'],
    ['hyperlink', { text: 'CRM contract', hyperlink: 'https://example.org' }, 'CRM contract'],
    ['formula with its result', { formula: 'SUM(B1:B2)', result: 12.5 } as ExcelJS.CellFormulaValue, 12.5],
    ['formula never calculated', { formula: 'SUM(B1:B2)' } as ExcelJS.CellFormulaValue, { formula: 'SUM(B1:B2)' }],
    ['formula whose result is an error', { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue, { error: '#DIV/0!' }],
  ])('%s', (_name, value, expected) => {
    expect(cellValue(value)).toEqual(expected);
  });
});

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

    const back = await readWorkbook(file);
    expect(sheetNames(back)).toEqual(['My costs', 'Notes']);
    const whole = sheetGrid(back.getWorksheet('My costs') as ExcelJS.Worksheet);
    expect(whole).toMatchObject({ sheet: 'My costs', top: 1, left: 1 });
    expect(whole.values[0]).toEqual(['Title across three columns']);
    expect(whole.values[2]).toEqual([null, 'CRM', 46648.63]);
    expect(whole.values[3]).toEqual([null, 'Core team', 23324.32]);

    const part = sheetGrid(back.getWorksheet('My costs') as ExcelJS.Worksheet, { top: 3, left: 2, bottom: 4, right: 3 });
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

    const back = (await readWorkbook(file)).getWorksheet('Costs') as ExcelJS.Worksheet;
    const whole = sheetGrid(back); // exceljs counts the stored row 9 in the sheet's rows
    expect(whole.values).toHaveLength(9);
    expect(whole.hiddenRows).toEqual([3, 5, 6, 9]);
    expect(whole.values[2]).toEqual(['Licence', 20]); // read like any other row
    expect(sheetGrid(back, { top: 1, left: 1, bottom: 7, right: 2 }).hiddenRows).toEqual([3, 5, 6]);
    expect(sheetGrid(back, { top: 4, left: 1, bottom: 12, right: 2 }).hiddenRows).toEqual([5, 6, 9]);
    expect(sheetGrid(back, { top: 1, left: 1, bottom: 2, right: 2 })).not.toHaveProperty('hiddenRows');
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

    const back = await readWorkbook(file);
    expect(namedRanges(back)).toEqual([
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
