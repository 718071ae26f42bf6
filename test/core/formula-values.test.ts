// The values of formulas as Excel and LibreOffice work them, each expected value worked by hand.
import { FormulaCells, FormulaValue, UnsupportedFormula, formatNumber, formulaEvaluator, roundHalfAway } from '../../src/core/formula-values';

/** Cells of one sheet `S` by A1 address (formulas with "="), and names of its ranges. */
function sheet(cells: Record<string, FormulaValue | string>, names: Record<string, string> = {}) {
  const at = (row: number, column: number) => `${String.fromCharCode(64 + column)}${row}`;
  const source: FormulaCells = {
    cell: (_sheet, row, column) => {
      const v = cells[at(row, column)];
      return typeof v === 'string' && v.startsWith('=') ? { formula: v.slice(1) } : (v ?? null);
    },
    name: (name) => {
      const range = names[name];
      if (!range) return undefined;
      const [, l1, r1, l2, r2] = /^([A-Z])(\d+):?([A-Z])?(\d+)?$/.exec(range) as RegExpExecArray;
      return { sheet: 'S', top: Number(r1), left: l1.charCodeAt(0) - 64, bottom: Number(r2 ?? r1), right: (l2 ?? l1).charCodeAt(0) - 64 };
    },
  };
  const evaluator = formulaEvaluator(source);
  return (formula: string) => evaluator.evaluate(formula, 'S');
}

describe('the values of formulas', () => {
  const f = sheet({ A1: 1, A2: 2, A3: 3, A4: null, A5: 'avoidable', B1: 10, B2: 20, B3: 30, C1: '=A1+B1', C2: '=C1*2', D1: 'committed', D2: 'avoidable', D3: 'avoidable' }, { Amounts: 'B1:B3', Classes: 'D1:D3', Ends: 'A1:A4' });

  it('works operators by Excel\'s precedence: unary minus before ^, * before +, & last but comparison', () => {
    expect(f('-2^2')).toBe(4);
    expect(f('1+2*3')).toBe(7);
    expect(f('2^3^2')).toBe(64);
    expect(f('1+2&"x"')).toBe('3x');
    expect(f('1+1=2')).toBe(true);
    expect(f('50%')).toBe(0.5);
    expect(f('3>0*1')).toBe(true);
    expect(f('(3>0)*1')).toBe(1);
  });

  it('follows formulas through cells, once each', () => {
    expect(f('C2')).toBe(22);
    expect(f('SUM(A1:A3)')).toBe(6);
  });

  it('compares as Excel: empty is 0 and "", text without case, text above numbers', () => {
    expect(f('A4=0')).toBe(true);
    expect(f('A4=""')).toBe(true);
    expect(f('A5="AVOIDABLE"')).toBe(true);
    expect(f('"a">5')).toBe(true);
  });

  it('multiplies ranges element by element in SUMPRODUCT', () => {
    expect(f('SUMPRODUCT(Amounts,(Classes="avoidable")*1)')).toBe(50);
    expect(f('SUMPRODUCT(--(Classes="avoidable"))')).toBe(2);
    expect(f('SUMPRODUCT(B1:B3,1-A1:A3/B1:B3)')).toBe(60 - 6);
  });

  it('counts and sums by criteria', () => {
    expect(f('COUNTIF(Classes,"avoidable")')).toBe(2);
    expect(f('SUMIF(D1:D3,"committed",B1:B3)')).toBe(10);
    expect(f('SUMIFS(B1:B3,D1:D3,"avoidable",A1:A3,">2")')).toBe(30);
    expect(f('COUNTIF(Ends,"<="&2)')).toBe(2);
    expect(f('COUNT(Ends)')).toBe(3);
    expect(f('COUNTA(A1:A5)')).toBe(4);
  });

  it('looks up: MATCH, INDEX, LOOKUP, LARGE, CHOOSE', () => {
    expect(f('MATCH(20,Amounts,0)')).toBe(2);
    expect(f('INDEX(Classes,3)')).toBe('avoidable');
    expect(f('LOOKUP(2.5,A1:A3,B1:B3)')).toBe(20);
    expect(f('LARGE(Amounts,2)')).toBe(20);
    expect(f('CHOOSE(2,"a","b")')).toBe('b');
    expect(f('MATCH(TRUE,Classes="avoidable",0)')).toBe(2);
    expect(f('IFERROR(MATCH(99,Amounts,0),-1)')).toBe(-1);
  });

  it('rounds half away from zero on the decimal shown: ROUND(2.675,2) is 2.68, ROUND(-0.125,2) is -0.13', () => {
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(-0.125, 2)).toBe(-0.13);
    expect(f('ROUND(1.005,2)')).toBe(1.01);
  });

  it('works dates as serials: DATE, EDATE to a month\'s last day, YEAR, MONTH', () => {
    expect(f('DATE(2012,10,19)')).toBe(41201);
    expect(f('EDATE(DATE(2012,10,19),24)')).toBe(41931);
    expect(f('EDATE(DATE(2013,1,31),1)')).toBe(41333); // 28 February 2013
    expect(f('YEAR(41201)')).toBe(2012);
    expect(f('MONTH(41201)')).toBe(10);
    expect(f('DATE(2013,4,1)-DATE(2012,4,1)')).toBe(365);
  });

  it('writes numbers as TEXT\'s formats show them', () => {
    expect(formatNumber(17800, '£#,##0;-£#,##0')).toBe('£17,800');
    expect(formatNumber(-1234.5, '£#,##0;-£#,##0')).toBe('-£1,235');
    expect(formatNumber(0.035, '0.0#%')).toBe('3.5%');
    expect(formatNumber(0.0125, '0.0#%')).toBe('1.25%');
    expect(formatNumber(24, '0')).toBe('24');
    expect(formatNumber(1234.5, '#,##0.00;-#,##0.00')).toBe('1,234.50');
    expect(formatNumber(41931, 'd mmmm yyyy')).toBe('19 October 2014');
    expect(f('D1&"/"&RIGHT(2012+1,2)')).toBe('committed/13');
  });

  it('refuses, never guesses, a function or a format it does not know', () => {
    expect(() => f('VLOOKUP(1,A1:B3,2,FALSE)')).toThrow(UnsupportedFormula);
    expect(() => formatNumber(1, '0.00E+00')).toThrow(UnsupportedFormula);
  });

  it('gives errors as a spreadsheet does, and IFERROR takes them', () => {
    expect(f('1/0')).toEqual({ error: '#DIV/0!' });
    expect(f('IFERROR(1/0,7)')).toBe(7);
    expect(f('"x"+1')).toEqual({ error: '#VALUE!' });
  });
});
