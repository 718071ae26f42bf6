import { absoluteReference, dateOfSerial, excelSerial, sheetOfReference } from '../../../src/core/cell';
import { cellValue } from '../../../src/hosts/office/read-workbook';
import { REQUEST_BUDGET_BYTES, pieces, protectText } from '../../../src/hosts/office/write-workbook';

describe('protectText: a text is bare only when Excel certainly keeps it as text', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', true], ['+SUM(1,2)', true], ['-2+3', true], ['@cmd', true], ['\tTab', true], ['\rReturn', true], ['\nLine', true],
    ["'quoted", true], ['17800', true], ['1,234.50', true], ['£2,400', true], ['(1,000)', true], ['12%', true], ['TRUE', true], ['false', true], [' True ', true],
    ['2012-10-19', true], ['19/10/2012', true], ['1E3', true], ['#N/A', true], ['#Ref', true], [' #N/A', true], [' =1', true], ['9:30', true], ['12:00 PM', true],
    ['Apr 2024', true], ['3 Jan', true], ['Jan-24', true], ['Core Team 2011/12', true], ['Year 1', true], ['١٢', true], ['½', true], ['＝SUM(A1)', true],
    ['CRM', false], ['label mentions "core team"', false], ['avoidable', false], ['', false], ['January', false], ['Truthful', false], ['N/A', false],
    ['£', false], ['Coûts partagés', false], ['Rent (inc. VAT)', false],
  ])('%j: %s', (text, guarded) => {
    expect(protectText(text)).toBe(guarded ? `'${text}` : text);
  });
});

describe('pieces: a block cut into requests under the budget', () => {
  it('keeps a small block whole and cuts a large one into runs of whole rows', () => {
    const small = { top: 5, left: 2, style: 'label', rows: [[{ text: 'a' }], [{ text: 'b' }]] };
    expect([...pieces(small)]).toEqual([small]);
    const rows = Array.from({ length: 100_000 }, (_, i) => [{ text: `Contract number ${i} with a long label` }, { formula: `Costs!B${i + 1}` }]);
    const cut = [...pieces({ top: 9, left: 1, style: 'label', rows })];
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.map((p) => p.rows.length).reduce((a, b) => a + b)).toBe(100_000);
    cut.forEach((p, i) => {
      const sent = p.rows.map((row) => row.map((c) => (c && 'text' in c ? c.text : c && 'formula' in c ? `=${c.formula}` : c)));
      expect(JSON.stringify(sent).length).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
      if (i > 0) expect(p.top).toBe(cut[i - 1].top + cut[i - 1].rows.length);
    });
  });
});

describe('reading cells from Excel', () => {
  it('tells dates from numbers by their format, and keeps errors, booleans and text apart', () => {
    expect(cellValue(41201, 'Double', 'dd/mm/yyyy')).toEqual({ date: '2012-10-19' });
    expect(cellValue(46648.63, 'Double', '#,##0.00')).toBe(46648.63);
    expect(cellValue('#VALUE!', 'Error', 'General')).toEqual({ error: '#VALUE!' });
    expect(cellValue(true, 'Boolean', 'General')).toBe(true);
    expect(cellValue('', 'Empty', 'General')).toBeNull();
    expect(cellValue('£2,400', 'String', 'General')).toBe('£2,400');
  });

  it('finds the sheet a name refers to', () => {
    expect(sheetOfReference("='VfM Scenarios'!$C$5")).toBe('VfM Scenarios');
    expect(sheetOfReference("='Council''s costs'!$B$2:$B$9")).toBe("Council's costs");
    expect(sheetOfReference('=Costs!$A$1')).toBe('Costs');
    expect(sheetOfReference("'VfM Audit'!$A$1")).toBe('VfM Audit');
    expect(absoluteReference("Council's costs", { top: 2, left: 2, bottom: 9, right: 2 })).toBe("'Council''s costs'!$B$2:$B$9");
    expect(absoluteReference('Costs', { top: 5, left: 3, bottom: 5, right: 3 })).toBe('Costs!$C$5');
  });

  it('converts Excel date serials both ways', () => {
    expect(excelSerial({ year: 2012, month: 10, day: 19 })).toBe(41201);
    expect(dateOfSerial(41201)).toEqual({ year: 2012, month: 10, day: 19 });
    expect(dateOfSerial(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(dateOfSerial(41201.75)).toEqual({ year: 2012, month: 10, day: 19 });
  });
});
