import { a1, columnCells, columnName, columnNumber, parseRange, rangeA1, sheetReference } from '../../src/core/cell';

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

  it('quotes sheet names only when a formula needs it', () => {
    expect(sheetReference('Costs')).toBe('Costs');
    expect(sheetReference('Sheet_1.v2')).toBe('Sheet_1.v2');
    expect(sheetReference('My costs')).toBe("'My costs'");
    expect(sheetReference("O'Brien")).toBe("'O''Brien'");
    expect(sheetReference('A1')).toBe("'A1'");
    expect(sheetReference('XFD1048576')).toBe("'XFD1048576'");
    expect(sheetReference('TRUE')).toBe("'TRUE'");
    expect(sheetReference('2011-12')).toBe("'2011-12'");
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
