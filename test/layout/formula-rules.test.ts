// The modelling rules every formula the plan writes follows (sheet-builder.ts, FORMULA_RULES):
// short formulas, and no constant buried in one. Walked over every sheet of the plans of the seed,
// the seed with ways of withdrawing and their costs of leaving, the shared pool with partners
// leaving and nominal prices, and a table of contracts with end dates.
import { readFileSync } from 'fs';
import path from 'path';
import { FORMULA_RULES } from '../../src/layout/sheet-builder';
import { WorkbookPlan, rowsOf } from '../../src/layout/plan';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { POOL_ASSUMPTIONS, SEED_VALUES, analysisOf } from '../support/analyses';

const RUN = { product: 'VfM Scenarios', version: '9.9.9', ranAt: '2012-10-19T09:30:00Z', sourceFile: 'costs.xlsx', fingerprint: 'abc123' };
const OPTIONS = JSON.parse(readFileSync(path.resolve(__dirname, '../../examples/staffordshire-connects.options.json'), 'utf8'));
const CONTRACTS = [
  ['Item', '£', 'Contract ends'],
  ['Staffordshire Connects 2011/12 Core Team', 17800, null],
  ['CRM', 46648.63, '30/09/2014'],
  ['Epayments', 9495.85, '31/03/2015'],
  ['New Epayments', 44262.49, null],
  ['Total (Exc VAT)', 118206.97, null],
];
const PLANS: [string, WorkbookPlan][] = [
  ['the seed', planWorkbook(analysisOf(SEED_VALUES), ['Costs'], new Set(), RUN)],
  ['the seed with options', planWorkbook(analysisOf(SEED_VALUES, OPTIONS), ['Costs'], new Set(), RUN)],
  ['the shared pool, nominal prices', planWorkbook(analysisOf(SEED_VALUES, {
    ...POOL_ASSUMPTIONS, prices: 'nominal', gdpDeflator: { '2013/14': '2%', '2014/15': '2.5%', otherYears: '1.8%' },
  }), ['Costs'], new Set(), RUN)],
  ['contracts with end dates and options', planWorkbook(analysisOf(CONTRACTS, { ...OPTIONS, indexation: '2%', horizonYears: 12 }), ['Costs'], new Set(), RUN)],
];

interface Written { readonly plan: string; readonly sheet: string; readonly cell: string; readonly style: string; readonly formula: string }
const written: Written[] = PLANS.flatMap(([plan, p]) => p.sheets.flatMap((sheet) => sheet.blocks.flatMap((block) => [...rowsOf(block.rows)].flatMap((cells, r) =>
  cells.flatMap((content, c) => (content && 'formula' in content
    ? [{ plan, sheet: sheet.name, cell: `R${block.top + r}C${block.left + c}`, style: block.style, formula: content.formula }]
    : []))))));

/**
 * Each number a formula holds outside its text and sheet names, with the function whose argument
 * it stands in and the argument's place (0 first): `ROUND(D5,2)` holds 2 as ROUND's argument 1.
 */
function numbersIn(formula: string): { value: string; fn: string; arg: number }[] {
  const found: { value: string; fn: string; arg: number }[] = [];
  const open: { fn: string; arg: number }[] = [];
  let i = 0;
  let name = '';
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === '\'') {
      // Text, or a quoted sheet name: to the closing quote, a doubled quote being one inside.
      i++;
      while (i < formula.length && !(formula[i] === ch && formula[i + 1] !== ch)) i += formula[i] === ch ? 2 : 1;
      i++;
      name = '';
    } else if (/[A-Za-z_$\\]/.test(ch)) {
      // A function's or a defined name's name, or a cell reference: its digits are no number.
      const match = /^[A-Za-z_$\\][\w.$!:]*/.exec(formula.slice(i)) as RegExpExecArray;
      name = match[0];
      i += name.length;
    } else if (/[\d.]/.test(ch)) {
      const match = /^\d*\.?\d+(?:[eE][+-]?\d+)?/.exec(formula.slice(i)) as RegExpExecArray;
      const top = open[open.length - 1] ?? { fn: '', arg: 0 };
      found.push({ value: match[0], fn: top.fn, arg: top.arg });
      i += match[0].length;
      name = '';
    } else {
      if (ch === '(') open.push({ fn: name.toUpperCase(), arg: 0 });
      if (ch === ')') open.pop();
      if (ch === ',' && open.length > 0) open[open.length - 1].arg++;
      name = '';
      i++;
    }
  }
  return found;
}

describe('the formulas the plan writes', () => {
  it('are walked on every sheet of every plan', () => {
    for (const [plan, p] of PLANS) {
      for (const sheet of p.sheets.filter((s) => s.name !== 'VfM Audit')) {
        expect([plan, sheet.name, written.some((w) => w.plan === plan && w.sheet === sheet.name)]).toEqual([plan, sheet.name, true]);
      }
    }
    expect(written.length).toBeGreaterThan(1000);
  });

  it(`are at most ${FORMULA_RULES.longest} characters long, the report's sentences aside`, () => {
    const long = written.filter((w) => w.formula.length > FORMULA_RULES.longest && !(w.sheet === 'VfM Report' && w.style === 'prose'));
    expect(long.map((w) => `${w.plan}: ${w.sheet}!${w.cell} (${w.formula.length}) ${w.formula}`)).toEqual([]);
  });

  it('hold no number but 0 and 1, and a small whole number where a function takes a count or a place', () => {
    const buried = written.flatMap((w) => numbersIn(w.formula)
      .filter((n) => !['0', '1'].includes(n.value) && !FORMULA_RULES.structural.some(([fn, arg]) => fn === n.fn && arg === n.arg && /^\d{1,3}$/.test(n.value)))
      .map((n) => `${w.plan}: ${w.sheet}!${w.cell} ${n.value} in ${w.formula}`));
    expect([...new Set(buried)]).toEqual([]);
  });

  it('finds the numbers buried in a formula, and no digit of a reference or of a text', () => {
    expect(numbersIn('ROUND(D49*VfM_Rate2,2)+DATE(9999,12,31)-\'Sheet 3\'!B4*"12"&0.5')).toEqual([
      { value: '2', fn: 'ROUND', arg: 1 }, { value: '9999', fn: 'DATE', arg: 0 }, { value: '12', fn: 'DATE', arg: 1 }, { value: '31', fn: 'DATE', arg: 2 },
      { value: '0.5', fn: '', arg: 0 },
    ]);
    expect(numbersIn('AND(ROUND(C55-65053.82,2)=0)')).toEqual([{ value: '65053.82', fn: 'ROUND', arg: 0 }, { value: '2', fn: 'ROUND', arg: 1 }, { value: '0', fn: 'AND', arg: 0 }]);
  });
});
