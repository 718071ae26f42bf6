import { SSF } from '@e965/xlsx';
import { a1, columnCells, columnName, columnNumber, isDateFormat, parseRange, rangeA1, sheetReference } from '../../src/core/cell';

describe('A1 addresses', () => {
  it.each<[number, string]>([
    [1, 'A'],
    [2, 'B'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %i is %s and back', (n, name) => {
    expect(columnName(n)).toBe(name);
    expect(columnNumber(name)).toBe(n);
    expect(columnNumber(name.toLowerCase())).toBe(n);
  });

  it('writes cells and ranges', () => {
    expect(a1(3, 2)).toBe('B3');
    expect(columnCells('Costs', 2)(3)).toBe('Costs!B3');
    expect(columnCells('My costs', 2)(3)).toBe("'My costs'!B3");
    expect(columnCells('Costs', 28)(1048576)).toBe('Costs!AB1048576');
    expect(rangeA1({ top: 2, left: 1, bottom: 10, right: 2 })).toBe('A2:B10');
    expect(rangeA1({ top: 5, left: 3, bottom: 5, right: 3 })).toBe('C5');
  });

  it('leaves a plain word bare', () => {
    for (const name of ['Costs', 'Sheet1', 'Budget_2011', '_notes', 'CRM', 'Rates', 'XFDA1', 'A1B', 'Truthful']) expect(sheetReference(name)).toBe(name);
  });

  it.each([
    // A1-style references, any case, inside the grid or not
    'A1', 'XFD1048576', 'ab12', 'xfe1', 'B10',
    // R1C1-style references: a row, a column, a cell, relative or not
    'R1C1', 'R', 'C', 'R1', 'C12', 'RC', 'rc2', 'r', 'c', 'R12C',
    // booleans
    'TRUE', 'FALSE', 'true', 'False',
    // a leading digit, spaces, punctuation, non-ASCII letters
    '2011-12', '1st', 'My costs', 'Sheet.1', 'Costs!', 'a-b', 'Coûts', 'Ελλάδα', 'Kosten€',
  ])('quotes %j, which a formula would misread bare', (name) => {
    expect(sheetReference(name)).toBe(`'${name}'`);
  });

  it('doubles an apostrophe inside a quoted name', () => {
    expect(sheetReference("O'Brien")).toBe("'O''Brien'");
    expect(columnCells("Council's R1C1", 2)(3)).toBe("'Council''s R1C1'!B3");
  });

  it('parses ranges within the grid', () => {
    expect(parseRange('A1:C12')).toEqual({ top: 1, left: 1, bottom: 12, right: 3 });
    expect(parseRange('$A$1:$C$12')).toEqual({ top: 1, left: 1, bottom: 12, right: 3 });
    expect(parseRange(' b3 ')).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseRange('C12:A1')).toEqual({ top: 1, left: 1, bottom: 12, right: 3 });
    expect(parseRange('A1:XFD1048576')).toEqual({ top: 1, left: 1, bottom: 1048576, right: 16384 });
    expect(parseRange('A0')).toBeUndefined();
    expect(parseRange('A1048577')).toBeUndefined();
    expect(parseRange('XFE1')).toBeUndefined();
    expect(parseRange('Costs!A1')).toBeUndefined();
    expect(parseRange('A1:')).toBeUndefined();
  });
});

describe('number formats that show a date or a time', () => {
  it('are told from those that show a number, by hand', () => {
    const dates = ['dd/mm/yyyy', '[$-809]dd mmmm yyyy;@', 'mmm-yy', 'yyyy-mm-dd h:mm:ss', 'h:mm', '[h]:mm:ss', '[mm]:ss', 'dddd'];
    const numbers = ['General', '"£"#,##0.00', '_-£* #,##0.00_-;-£* #,##0.00_-;_-£* "-"??_-;_-@_-', '[>=1000000]£0.0,,"m";£0', '#,##0,"k"', '0.00E+00', '[Red]#,##0', '\\d0', '@'];
    expect(dates.filter((code) => !isDateFormat(code))).toEqual([]);
    expect(numbers.filter(isDateFormat)).toEqual([]);
  });

  it('agree with SheetJS on every built-in format and on the formats councils use', () => {
    const councils = [
      '£#,##0.00', '[$£-809]#,##0.00', '#,##0.00_);[Red](#,##0.00)', '[>=1000000]£0.0,,"m";[>=1000]£0.0,"k";£0', '0.0%',
      '£#,##0;[Red]-£#,##0', 'd mmm yyyy', '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', '# ?/?', '"FY"0', '#,##0.00 "days"', '[Color10]0',
      '0.00_ ;[Red]\\-0.00\\ ', '[$-en-GB]d mmmm yyyy', 'm', 's', '#,##0;(#,##0);"-"', '[DBNum1][$-804]General', 'B2yyyy',
      'ggge"年"m"月"d"日"', '*-#,##0', '0.0E+0', 'yyyy', '"Q"0', 'AM/PM h',
    ];
    const codes = [...Object.values(SSF.get_table() as Record<string, string>), ...councils];
    expect(codes.filter((code) => isDateFormat(code) !== SSF.is_date(code))).toEqual([]);
  });
});
