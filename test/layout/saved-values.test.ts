// Every formula the product writes can be worked out by the evaluator that verification compares
// saved values with: a function, operator or format it does not know would fail here, not pass
// silently. The seed's figures, typed from docs/conventions.md, "The seed, worked through", come out of the sheets' formulas.
import { runScenarios } from '../../src/app/run';
import { CellValue, Grid, a1 } from '../../src/core/cell';
import { formulaEvaluator } from '../../src/core/formula-values';
import { WorkbookPlan, WrittenSheet } from '../../src/layout/plan';
import { modelCells, sameValue, savedValueFindings } from '../../src/layout/saved-values';
import { NAME } from '../../src/layout/names';
import { POOL_ASSUMPTIONS, SEED_ASSUMPTIONS, SEED_VALUES } from '../support/analyses';
import { FIXED_CLOCK } from '../support/clock';

const SOURCE: Grid = { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES };
const OPTIONS = {
  ...SEED_ASSUMPTIONS, noticeMonths: 24, horizonYears: 5, discountRate: '3.5%',
  options: [
    { name: 'Withdraw now', exitCosts: [{ label: 'Disaggregation', amount: 5000, fy: '2014/15' }], replacementCosts: [{ label: 'CRM and e-payments support', annual: 6000 }], optimismBias: '0%' },
    { name: 'Withdraw a year later', noticeServedOn: '2013-10-19' },
  ],
};

/** The plan's sheets as a workbook holds them when written and never calculated: values, and formulas without values. */
function written(plan: WorkbookPlan): Map<string, WrittenSheet> {
  const sheets = new Map<string, WrittenSheet>();
  for (const sheet of plan.sheets) {
    const values: CellValue[][] = [];
    const formulas = new Map<string, string>();
    for (const block of sheet.blocks) {
      for (let r = 0; r < block.rows.length; r++) block.rows.at(r)?.forEach((content, c) => {
        if (content === null) return;
        const [row, column] = [block.top + r, block.left + c];
        const cells = (values[row - 1] ??= []);
        while (cells.length < column) cells.push(null);
        if ('formula' in content) {
          formulas.set(a1(row, column), content.formula);
          cells[column - 1] = { formula: content.formula };
        } else cells[column - 1] = 'number' in content ? content.number : content.text;
      });
    }
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    sheets.set(sheet.name, { grid: { sheet: sheet.name, top: 1, left: 1, values }, formulas });
  }
  sheets.set('Costs', { grid: SOURCE, formulas: new Map() });
  return sheets;
}

const MODEL = ['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows'];

describe.each([
  ['the seed, by default', SEED_ASSUMPTIONS],
  ['the seed, shared among the partners who remain', POOL_ASSUMPTIONS],
  ['the seed, with two ways of withdrawing', OPTIONS],
  ['the seed, in nominal prices from January', { ...SEED_ASSUMPTIONS, prices: 'nominal', gdpDeflator: '2%', fyStartMonth: 1 }],
])('%s', (_what, assumptions) => {
  const { plan } = runScenarios({ workbook: { grid: SOURCE, sheetNames: ['Costs'], definedNames: [] }, assumptions, clock: FIXED_CLOCK });
  const sheets = written(plan);

  it('works out every formula of the model\'s sheets: no function, operator or format unknown', () => {
    const evaluator = formulaEvaluator(modelCells(plan, MODEL, sheets));
    let worked = 0;
    for (const name of MODEL) {
      for (const address of sheets.get(name)!.formulas.keys()) {
        const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
        const value = evaluator.value(name, Number(row), column.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
        expect(value === null || ['number', 'string', 'boolean'].includes(typeof value) || 'error' in (value as object)).toBe(true);
        worked += 1;
      }
    }
    expect(worked).toBeGreaterThan(200);
  });

  it('shows no error value in any formula cell, and a number, not TRUE or FALSE, in every whole-number cell', () => {
    const evaluator = formulaEvaluator(modelCells(plan, MODEL, sheets));
    const shown: string[] = [];
    for (const sheet of plan.sheets.filter((s) => MODEL.includes(s.name))) {
      for (const block of sheet.blocks) {
        for (let r = 0; r < block.rows.length; r++) block.rows.at(r)?.forEach((content, c) => {
          if (content === null || !('formula' in content)) return;
          const value = evaluator.value(sheet.name, block.top + r, block.left + c) as unknown;
          const wrong = (typeof value === 'object' && value !== null && 'error' in value) || (typeof value === 'boolean' && block.formats?.[c] === '0');
          if (wrong) shown.push(`${sheet.name}!${a1(block.top + r, block.left + c)}: ${JSON.stringify(value)}`);
        });
      }
    }
    expect(shown).toEqual([]);
  });

  it('finds a workbook whose formulas hold no saved values not calculated, with nothing to say', () => {
    expect(savedValueFindings(plan, MODEL, sheets)).toEqual({ findings: [], calculated: false });
  });
});

it('gives the seed\'s figures from the sheets\' formulas, as docs/conventions.md, "The seed, worked through", works them: saving 43,597.81, NPV 39,032.29, 2014/15 7,997.81', () => {
  const { plan } = runScenarios({ workbook: { grid: SOURCE, sheetNames: ['Costs'], definedNames: [] }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
  const cells = modelCells(plan, MODEL, written(plan));
  const evaluator = formulaEvaluator(cells);
  const at = (name: string, index = 0) => {
    const block = cells.name(name)!;
    return evaluator.value(block.sheet, block.top, block.left + index);
  };
  expect(at(NAME.totalSaving)).toBeCloseTo(43597.81, 9);
  expect(at(NAME.npv)).toBeCloseTo(39032.29, 9);
  expect(at(NAME.saving, 2)).toBeCloseTo(7997.81, 9);
  expect(at(NAME.masterCheck)).toBe(true);
});

it('takes a saved value as the one worked out to a relative 1e-9, text exactly, TRUE as 1, an error by its code, a 1904 workbook\'s day 0 as 0', () => {
  expect(sameValue(7997.81, 7997.810000000001)).toBe(true);
  expect(sameValue(7997.81, 7997.82)).toBe(false);
  expect(sameValue('£17,800 a year', '£71,800 a year')).toBe(false);
  expect(sameValue('', null)).toBe(true);
  expect(sameValue(true, 1)).toBe(true);
  expect(sameValue(false, 1)).toBe(false);
  expect(sameValue({ error: '#N/A' }, { error: '#N/A' })).toBe(true);
  expect(sameValue({ error: '#N/A' }, 0)).toBe(false);
  expect(sameValue(41201, { date: '2012-10-19' })).toBe(true);
  expect(sameValue(0, { date: '1904-01-01' })).toBe(true);
  expect(sameValue(0, { date: '1904-01-02' })).toBe(false);
});
