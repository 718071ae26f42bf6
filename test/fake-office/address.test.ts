// A1 addresses and sheet-name quoting, as Excel writes them.
import {
  columnIndex, columnLetters, formatAddress, formatRect, isValidDefinedName, parseA1, quoteSheetName, sheetNameProblem, splitSheetReference,
} from './address';
import { rewriteSheetReferences } from './model';

describe('columns', () => {
  it('counts letters from A = 0 to XFD = 16383 and no further', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['A', 'z', 'AA', 'XFD', 'XFE', 'A1', ''].map(columnIndex)).toEqual([0, 25, 26, 16383, -1, -1, -1]);
  });
});

describe('parseA1 and formatRect', () => {
  it.each([
    ['B3', { row: 2, column: 1, rowCount: 1, columnCount: 1 }, 'B3'],
    ['$A$1:$C$12', { row: 0, column: 0, rowCount: 12, columnCount: 3 }, 'A1:C12'],
    ['c12:a1', { row: 0, column: 0, rowCount: 12, columnCount: 3 }, 'A1:C12'],
    ['A1:A1', { row: 0, column: 0, rowCount: 1, columnCount: 1 }, 'A1'],
    ['B:D', { row: 0, column: 1, rowCount: 1_048_576, columnCount: 3 }, 'B:D'],
    ['2:5', { row: 1, column: 0, rowCount: 4, columnCount: 16_384 }, '2:5'],
  ])('%s', (address, rect, formatted) => {
    expect(parseA1(address)).toEqual(rect);
    expect(formatRect(rect)).toBe(formatted);
  });

  it.each(['', 'A0', 'XFE1', 'A1048577', 'A1:B2:C3', '1A', 'A1:B', 'Sheet1!A1', 'R1C1'])('refuses %p', (address) => {
    expect(parseA1(address)).toBeNull();
  });

  it('writes absolute addresses for names', () => {
    expect(formatAddress('VfM Scenarios', { row: 4, column: 2, rowCount: 1, columnCount: 1 }, true)).toBe("'VfM Scenarios'!$C$5");
    expect(formatAddress('Costs', { row: 1, column: 1, rowCount: 2, columnCount: 1 }, true)).toBe('Costs!$B$2:$B$3');
  });
});

describe('sheet names in references', () => {
  it.each([
    ['Costs', 'Costs'], ['My costs', "'My costs'"], ["Bob's", "'Bob''s'"], ['2024', "'2024'"], ['A1', "'A1'"], ['XFD9', "'XFD9'"],
    ['R1C1', "'R1C1'"], ['R', "'R'"], ['c', "'c'"], ['Sheet1', 'Sheet1'], ['Plain_Name.1', 'Plain_Name.1'], ['Coûts', 'Coûts'], ['a-b', "'a-b'"],
  ])('%s is written %s', (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  it('splits a reference into its sheet and address', () => {
    expect(splitSheetReference("'My costs'!A1:C3")).toEqual({ sheet: 'My costs', address: 'A1:C3' });
    expect(splitSheetReference("'Bob''s'!B3")).toEqual({ sheet: "Bob's", address: 'B3' });
    expect(splitSheetReference('Costs!$B$2')).toEqual({ sheet: 'Costs', address: '$B$2' });
    expect(splitSheetReference('B2')).toEqual({ address: 'B2' });
  });

  it('follows a renamed or deleted sheet in formulas, outside string literals', () => {
    expect(rewriteSheetReferences("=Costs!B2+'Costs'!C3+\"Costs!B2\"+OtherCosts!A1", 'costs', "'My costs'!")).toBe(
      "='My costs'!B2+'My costs'!C3+\"Costs!B2\"+OtherCosts!A1",
    );
    expect(rewriteSheetReferences("='VfM Scenarios'!$C$5", 'VfM Scenarios', '#REF!')).toBe('=#REF!$C$5');
  });

  it('knows Excel’s rules for sheet names and defined names', () => {
    expect(['Costs', 'x'.repeat(31), 'a/b', 'a:b', 'a[1]', "'quoted'", '', 'History', 'x'.repeat(32)].map((n) => sheetNameProblem(n) === null))
      .toEqual([true, true, false, false, false, false, false, false, false]);
    expect(['VfM_Rate', '_x', '\\x', 'a.b', 'A1', 'XFD1048576', 'R1C1', 'R', 'c', 'has space', '1abc', 'ABCD1'].map(isValidDefinedName))
      .toEqual([true, true, true, true, false, false, false, false, false, false, false, true]);
  });
});
