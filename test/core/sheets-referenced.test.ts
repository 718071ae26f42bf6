import { sheetsReferenced } from '../../src/core/formula-tokens';

describe('the sheets a formula refers to, parsed', () => {
  it.each([
    ['InternalAudit!$B$2', ['InternalAudit']],
    ['=SUM(Audit!A1,\'VfM Scenarios\'!B2)', ['Audit', 'VfM Scenarios']],
    ["'It''s mine'!A1", ["It's mine"]],
    ['"Audit!A1"&Costs!B2', ['Costs']],
    ['Jan:Mar!A1', ['Jan', 'Mar']],
    ['Costs!A1:Costs!B2', ['Costs']],
    ['Données!A1', ['Données']],
    ['0.035', []],
  ])('%s names %j', (formula, sheets) => {
    expect(sheetsReferenced(formula).sheets).toEqual(sheets);
  });

  it('finds no sheet of this workbook in a reference to another, and tells a broken reference', () => {
    expect(sheetsReferenced('[1]Audit!A1')).toEqual({ sheets: [], external: true, broken: false });
    expect(sheetsReferenced("'[Book.xlsx]Audit'!A1")).toEqual({ sheets: [], external: true, broken: false });
    expect(sheetsReferenced('#REF!$C$5')).toEqual({ sheets: [], external: false, broken: true });
  });
});
