import ExcelJS from 'exceljs';
import path from 'path';
import { cellValue, readWorkbook, sheetGrid, sheetNames } from '../../src/hosts/xlsx/read-workbook';
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
});
