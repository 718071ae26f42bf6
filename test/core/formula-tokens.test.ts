// Formulas compared as a reader of them sees them: the same references, names and functions, as
// Excel compares them; never as text with characters taken out.
import { formulaTokens, sameFormula } from '../../src/core/formula-tokens';

describe('sameFormula', () => {
  it.each([
    ['a writer\'s _xlfn. prefix before a function', 'IFERROR(A1,0)', '_xlfn.IFERROR(A1,0)'],
    ['both prefixes before a function', 'SORT(A1:A3)', '_xlfn._xlws.SORT(A1:A3)'],
    ['a sheet name quoted or not', 'ROUND(Costs!B5*VfM_SourceUnit,2)', "ROUND('Costs'!B5*VfM_SourceUnit,2)"],
    ['a sheet name in another case', "'Cost Table'!B5", "'cost table'!B5"],
    ['names, functions and references in another case', 'round(vfm_npv*b5,2)', 'ROUND(VfM_NPV*B5,2)'],
    ['LibreOffice\'s TRUE()', 'IF(A1,TRUE,FALSE)', 'IF(A1,TRUE(),FALSE())'],
    ['spaces between pieces', 'IF(A1 > 0, "a b", 1)', 'IF(A1>0,"a b",1)'],
    ['a number written another way', 'A1*0.5', 'A1*5E-1'],
    ['a leading "="', '=VfM_NPV', 'VfM_NPV'],
  ])('takes as the same formula %s', (_why, a, b) => {
    expect(sameFormula(a, b)).toBe(true);
  });

  it.each([
    ['a name with _xlfn. inside it', 'VfM_AvoidableAnnual', 'VfM_Avoidable_xlfn.Annual'],
    ['a name with _xlfn. before it, which is no function', 'VfM_AvoidableAnnual*2', '_xlfn.VfM_AvoidableAnnual*2'],
    ['a sheet name without its space', "ROUND('Cost Table'!B5*VfM_SourceUnit,2)", "ROUND('CostTable'!B5*VfM_SourceUnit,2)"],
    ['a sheet name without its space, unquoted', "'Cost Table'!B5", 'CostTable!B5'],
    ['a space taken out of a text', '"Core team"', '"Coreteam"'],
    ['a text in another case', '"avoidable"', '"Avoidable"'],
    ['an anchor added', 'Costs!B5', 'Costs!$B$5'],
    ['another cell', 'Costs!B5', 'Costs!B6'],
    ['a reference where a name was', 'VfM_NPV', 'C11'],
    ['a space that is Excel\'s intersection operator', 'SUM(A1:B2 B1:C3)', 'SUM(A1:B2B1:C3)'],
    ['another operator', 'A1>=0', 'A1>0'],
    ['another function', 'ROUND(A1,2)', 'ROUNDUP(A1,2)'],
  ])('tells apart %s', (_why, a, b) => {
    expect(sameFormula(a, b)).toBe(false);
  });
});

describe('formulaTokens', () => {
  it('gives a formula\'s sheets, references, names, functions and texts', () => {
    expect(formulaTokens("=_xlfn.IFS('Cost Table'!B5>0,VfM_Avoidable_xlfn.Annual,TRUE(),\"it''s \"\"so\"\"\")")).toEqual([
      { kind: 'function', name: 'IFS' },
      { kind: 'operator', operator: '(' },
      { kind: 'sheet', sheet: 'Cost Table' },
      { kind: 'reference', cell: 'B5' },
      { kind: 'operator', operator: '>' },
      { kind: 'number', value: 0 },
      { kind: 'operator', operator: ',' },
      { kind: 'name', name: 'VfM_Avoidable_xlfn.Annual' },
      { kind: 'operator', operator: ',' },
      { kind: 'boolean', value: true },
      { kind: 'operator', operator: ',' },
      { kind: 'text', text: 'it\'\'s "so"' },
      { kind: 'operator', operator: ')' },
    ]);
    expect(formulaTokens("'It''s'!A1")).toEqual([{ kind: 'sheet', sheet: "It's" }, { kind: 'reference', cell: 'A1' }]);
  });
});
