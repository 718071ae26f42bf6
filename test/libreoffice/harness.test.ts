// The LibreOffice harness itself: a workbook written by exceljs (formulas with no cached values,
// or deliberately wrong ones) is recalculated by LibreOffice Calc, and we check its numbers
// against ones worked by hand below.
import ExcelJS from 'exceljs';
import { rmSync } from 'fs';
import path from 'path';
import { calc, dateSerial, isCellError, serialDate } from '../support/libreoffice';
import { temporaryDirectory } from '../support/workbooks';

jest.setTimeout(120_000); // each calc() starts its own soffice: ~1.5 s here, more on a busy CI box

let dir: string;
let book: string;

async function writeBook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const my = wb.addWorksheet('My Sheet');
  my.getCell('B2').value = 0.05; // VfM_Rate
  my.getCell('B3').value = 1000; // VfM_Amount
  my.getCell('B4').value = new Date(Date.UTC(2013, 3, 1)); // VfM_Start
  my.getCell('B5').value = { formula: 'EDATE(B4,24)' }; // VfM_End
  my.getCell('B6').value = { formula: 'ROUND(B3/(1+B2)^2,2)' }; // VfM_PV
  my.getCell('B7').value = '=HYPERLINK("http://x")'; // a string that looks like a formula
  my.getCell('B8').value = { formula: 'B3/0' };
  my.getCell('B9').value = { formula: 'B3>500' };
  my.getCell('B10').value = { formula: '"x"&"y"' };
  my.getCell('B11').value = { formula: 'SQRT(-1)' };
  my.getCell('B12').value = { formula: 'NA()' };
  my.getCell('B13').value = { formula: 'B3*2', result: 999, date1904: false }; // a stale cached value
  const calcSheet = wb.addWorksheet('Calc');
  const rows: [string, number, number][] = [
    ['avoidable', 100, 1], ['committed', 200, 0], ['avoidable', 300, 1], ['committed', 400, 0],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => { calcSheet.getCell(r + 1, c + 1).value = v; }));
  calcSheet.getCell('D1').value = { formula: 'COUNTIF(A1:A4,"avoidable")' };
  calcSheet.getCell('D2').value = { formula: 'SUMPRODUCT((A1:A4="avoidable")*B1:B4)' };
  calcSheet.getCell('D3').value = { formula: "'My Sheet'!B6*D1" };
  calcSheet.getCell('D4').value = { formula: 'VfM_Rate*100' };
  wb.definedNames.add("'My Sheet'!$B$2", 'VfM_Rate');
  wb.definedNames.add("'My Sheet'!$B$4", 'VfM_Start');
  wb.definedNames.add("'My Sheet'!$B$5", 'VfM_End');
  wb.definedNames.add("'My Sheet'!$B$6", 'VfM_PV');
  wb.definedNames.add('Calc!$D$2', 'VfM_Avoidable');
  wb.definedNames.add('Calc!$D$3', 'VfM_Total');
  wb.definedNames.add('Calc!$A$1:$B$4', 'VfM_Table');
  wb.calcProperties.fullCalcOnLoad = true;
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = temporaryDirectory();
  book = path.join(dir, 'harness.xlsx');
  await writeBook(book);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('calc(): LibreOffice recalculates an exceljs workbook', () => {
  it('reads recalculated values by defined name and by sheet-qualified reference', async () => {
    const [values] = await calc(book, [{
      get: ['VfM_Rate', 'VfM_PV', 'VfM_Start', 'VfM_End', 'VfM_Total', 'VfM_Avoidable', 'Calc!D1', 'Calc!D4',
        "'My Sheet'!B10", "'My Sheet'!B13", "'My Sheet'!Z99", 'VfM_Table'],
    }]);
    expect(values.VfM_Rate).toBe(0.05);
    expect(values.VfM_PV).toBe(907.03); // 1000 / 1.05^2 = 907.0294..., rounded to 2 places
    expect(values.VfM_Start).toBe(41365); // 2013-04-01
    expect(values.VfM_End).toBe(dateSerial('2015-04-01')); // EDATE: 24 months on
    expect(serialDate(values.VfM_End as number)).toBe('2015-04-01');
    expect(values['Calc!D1']).toBe(2); // COUNTIF: two avoidable rows
    expect(values.VfM_Avoidable).toBe(400); // SUMPRODUCT: 100 + 300
    expect(values.VfM_Total).toBeCloseTo(1814.06, 9); // 907.03 * 2, across sheets
    expect(values['Calc!D4']).toBe(5); // a formula using a defined name
    expect(values["'My Sheet'!B10"]).toBe('xy');
    expect(values["'My Sheet'!B13"]).toBe(2000); // the stale cached 999 is recalculated
    expect(values["'My Sheet'!Z99"]).toBeNull();
    expect(values.VfM_Table).toEqual([['avoidable', 100], ['committed', 200], ['avoidable', 300], ['committed', 400]]);
  });

  it('recalculates dependents after set: numbers, dates and text', async () => {
    const [, after, types] = await calc(book, [
      { set: { VfM_Rate: 0.1, VfM_Start: { date: '2020-02-29' }, 'Calc!A2': 'avoidable' } },
      { get: ['VfM_PV', 'VfM_End', 'VfM_Avoidable', 'VfM_Total', 'Calc!D1', 'Calc!D4'] },
      { cellTypes: ['Calc!A2', 'VfM_Start'] },
    ]);
    expect(after.VfM_PV).toBe(826.45); // 1000 / 1.1^2 = 826.446...
    expect(after.VfM_End).toBe(dateSerial('2022-02-28')); // EDATE from a leap day rolls back
    expect(after.VfM_Avoidable).toBe(600); // 100 + 200 + 300
    expect(after['Calc!D1']).toBe(3);
    expect(after.VfM_Total).toBeCloseTo(826.45 * 3, 9);
    expect(after['Calc!D4']).toBe(10);
    expect(types).toEqual({ 'Calc!A2': 'text', VfM_Start: 'value' });
  });

  it('tells formulas from text that merely looks like one', async () => {
    const [types, described] = await calc(book, [
      { cellTypes: ["'My Sheet'!B7", 'VfM_PV', 'VfM_Rate', "'My Sheet'!C1", 'Calc!C1:D1'] },
      { describe: ["'My Sheet'!B7", "'My Sheet'!B9", 'VfM_Total', 'VfM_End'] },
    ]);
    expect(types).toEqual({
      "'My Sheet'!B7": 'text',
      VfM_PV: 'formula',
      VfM_Rate: 'value',
      "'My Sheet'!C1": 'empty',
      'Calc!C1:D1': [['value', 'formula']],
    });
    expect(described["'My Sheet'!B7"]).toEqual({
      content: 'text', result: 'text', value: '=HYPERLINK("http://x")', display: '=HYPERLINK("http://x")', formula: null,
    });
    expect(described.VfM_Total.formula).toBe("='My Sheet'!B6*D1"); // Excel syntax, not $'My Sheet'.B6
    expect(described.VfM_End.formula).toBe('=EDATE(B4,24)');
    // Calc has no boolean type: TRUE is 1, shown as TRUE.
    expect(described["'My Sheet'!B9"]).toEqual({
      content: 'formula', result: 'boolean', value: 1, display: 'TRUE', formula: '=B3>500',
    });
  });

  it('returns errors as {error, code}', async () => {
    const [errors] = await calc(book, [{ get: ["'My Sheet'!B8", "'My Sheet'!B11", "'My Sheet'!B12"] }]);
    expect(errors["'My Sheet'!B8"]).toEqual({ error: '#DIV/0!', code: 532 });
    expect(errors["'My Sheet'!B11"]).toEqual({ error: 'Err:502', code: 502 }); // invalid argument
    expect(errors["'My Sheet'!B12"]).toEqual({ error: '#N/A', code: 32767 });
    expect(isCellError(errors["'My Sheet'!B8"])).toBe(true);
  });

  it('fails clearly on an unknown name, sheet or reference, and on setting a range', async () => {
    await expect(calc(book, [{ get: ['VfM_Nope'] }])).rejects.toThrow("LibreOffice: unknown name 'VfM_Nope'");
    await expect(calc(book, [{ get: ["'No Sheet'!A1"] }])).rejects.toThrow("unknown sheet 'No Sheet'");
    await expect(calc(book, [{ set: { VfM_Table: 1 } }])).rejects.toThrow("'VfM_Table' refers to 4x2 cells, not one cell");
    await expect(calc(path.join(dir, 'missing.xlsx'), [{ get: ['VfM_PV'] }])).rejects.toThrow('no such file');
  });
});

describe('date serials', () => {
  it('counts days from 1899-12-30, as Excel and Calc do', () => {
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('2013-04-01')).toBe(41365);
    expect(serialDate(41365)).toBe('2013-04-01');
    expect(() => dateSerial('2013-02-29')).toThrow('no such date');
  });
});
