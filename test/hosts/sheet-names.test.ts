// The names the .xls, .ods and CSV readers give sheets: as Excel allows a sheet's name, each one of
// its own, a name that needs no change kept as it is.
import { sheetName, sheetNames } from '../../src/hosts/xlsx/read-sheetjs';

describe('sheet names as the SheetJS readers give them', () => {
  it.each([
    ['Costs', 'Costs'],
    ['Costs\u0001\u001b2012', 'Costs  2012'],
    ['Costs\tA\nB', 'Costs A B'],
    ['\u0007Costs\u007f', 'Costs'],
    ['Q1 [draft]: a/b?', 'Q1  draft   a b'],
    ["'Costs'", 'Costs'],
    ['A'.repeat(40), 'A'.repeat(31)],
    [`${'A'.repeat(30)}📞`, 'A'.repeat(30)],
    ['\u0001\u0002', 'Sheet1'],
  ])('%j is %j', (name, expected) => {
    expect(sheetName(name)).toBe(expected);
  });

  it('tells a changed name apart from a sheet that has it already, in any case, and keeps the names that need no change', () => {
    expect(sheetNames(['notes\u0001', 'Notes', 'Notes\u0002', 'Costs'])).toEqual(['notes (2)', 'Notes', 'Notes (3)', 'Costs']);
    expect(sheetNames(['\u0001', 'Sheet1'])).toEqual(['Sheet1 (2)', 'Sheet1']);
    expect(sheetNames([`${'A'.repeat(31)}\u0001`, 'A'.repeat(31)])).toEqual([`${'A'.repeat(27)} (2)`, 'A'.repeat(31)]);
  });
});
