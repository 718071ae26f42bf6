import { NAMES } from '../../src/layout/names';
import { InputError } from '../../src/core/problems';
import { Content, DefinedName, SheetPlan, WorkbookPlan, rowsOf } from '../../src/layout/plan';
import { PRODUCT_SHEETS, planWorkbook, productSheets } from '../../src/layout/workbook-plan';
import { SEED_VALUES, analysisOf } from '../support/analyses';

const RUN = { product: 'VfM Scenarios', version: '9.9.9', ranAt: '2012-10-19T09:30:00Z', sourceFile: 'costs.xlsx', fingerprint: 'abc123' };
const plan = (values = SEED_VALUES, sheets = ['Costs'], ours = new Set<string>(), assumptions?: unknown) =>
  planWorkbook(analysisOf(values, assumptions), sheets, ours, RUN);

/** What the plan writes into a cell (the last block covering it wins, as when applied). */
function contentAt(sheet: SheetPlan, row: number, column: number): Content | undefined {
  let found: Content | undefined;
  for (const block of sheet.blocks) {
    const r = row - block.top;
    const c = column - block.left;
    const cells = block.rows.at(r);
    if (r >= 0 && cells && c >= 0 && c < cells.length) found = cells[c];
  }
  return found;
}
/** The style a cell ends with: its block's, unless a paint over it says otherwise (the last one wins). */
function styleAt(sheet: SheetPlan, row: number, column: number): string | undefined {
  const painted = sheet.paints.filter((x) => row >= x.top && row <= x.bottom && column >= x.left && column <= x.right).pop();
  const block = sheet.blocks
    .filter((b) => row >= b.top && row < b.top + b.rows.length && column >= b.left && column < b.left + (b.rows.at(row - b.top)?.length ?? 0))
    .pop();
  return painted?.style ?? block?.style;
}
const sheetOf = (p: WorkbookPlan, name: string) => p.sheets.find((s) => s.name === name) as SheetPlan;
const named = (p: WorkbookPlan, name: string) => p.names.find((n) => n.name === name) as DefinedName;
const allFormulas = (p: WorkbookPlan) =>
  p.sheets.flatMap((s) => s.blocks.flatMap((b) => [...rowsOf(b.rows)].flat())).flatMap((c) => (c && 'formula' in c ? [c.formula] : []));

describe('the workbook plan', () => {
  const p = plan();
  const scenarios = sheetOf(p, 'VfM Scenarios');
  const costRows = sheetOf(p, 'VfM Cost Rows');

  it('adds the product sheets, each marked by a name pointing at its A1', () => {
    expect(p.sheets.map((s) => s.name)).toEqual(['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    expect(p.remove).toEqual([]);
    for (const { name, marker } of Object.values(PRODUCT_SHEETS)) {
      const markerName = NAMES[marker].name;
      expect(named(p, markerName)).toEqual({ name: markerName, sheet: name, top: 1, left: 1, bottom: 1, right: 1 });
    }
    expect(productSheets(p.names)).toEqual(new Set(['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']));
  });

  it.each([
    'VfM_NoticeServedOn', 'VfM_NoticeMonths', 'VfM_DiscountRate', 'VfM_Indexation', 'VfM_TotalAnnual', 'VfM_AvoidableAnnual',
    'VfM_CommittedAnnual', 'VfM_NoticeExpires', 'VfM_TotalSaving', 'VfM_NPV', 'VfM_MasterCheck',
  ])('defines %s on one cell', (name) => {
    const n = named(p, name);
    expect(n).toBeDefined();
    expect([n.bottom - n.top, n.right - n.left]).toEqual([0, 0]);
    expect(contentAt(sheetOf(p, n.sheet), n.top, n.left)).not.toBeUndefined();
  });

  it.each(['VfM_TotalAnnual', 'VfM_AvoidableAnnual', 'VfM_CommittedAnnual', 'VfM_NoticeExpires', 'VfM_TotalSaving', 'VfM_NPV', 'VfM_MasterCheck'])(
    'makes the key result %s a formula',
    (name) => {
      const n = named(p, name);
      expect(contentAt(sheetOf(p, n.sheet), n.top, n.left)).toHaveProperty('formula');
    },
  );

  it('writes the inputs as values in input-styled cells', () => {
    for (const [name, value] of [['VfM_NoticeMonths', 24], ['VfM_DiscountRate', 0.035], ['VfM_Indexation', 0], ['VfM_HorizonYears', 5], ['VfM_BaseYear', 2011]] as const) {
      const n = named(p, name);
      expect(contentAt(scenarios, n.top, n.left)).toEqual({ number: value });
      expect(styleAt(scenarios, n.top, n.left)).toBe('input');
    }
    const notice = named(p, 'VfM_NoticeServedOn');
    expect(contentAt(scenarios, notice.top, notice.left)).toEqual({ number: 41201 }); // Excel's serial for 19 Oct 2012
    expect(contentAt(scenarios, named(p, 'VfM_Sharing').top, 3)).toEqual({ text: 'fixed-contribution' });
  });

  it('links each numeric amount to its source cell, rounded to the penny as the core reads it, and writes each class as an input with a drop-down', () => {
    const amounts = named(p, 'VfM_Amounts');
    expect([amounts.sheet, amounts.bottom - amounts.top + 1]).toEqual(['VfM Cost Rows', 6]);
    expect(contentAt(costRows, amounts.top, 2)).toEqual({ formula: 'ROUND(Costs!B4*VfM_SourceUnit,2)' });
    expect(contentAt(costRows, amounts.top + 5, 2)).toEqual({ formula: 'ROUND(Costs!B9*VfM_SourceUnit,2)' });
    expect(contentAt(costRows, amounts.top, 3)).toEqual({ text: 'avoidable' });
    expect(styleAt(costRows, amounts.top, 3)).toBe('input');
    expect(costRows.validations).toEqual([{ top: amounts.top, left: 3, bottom: amounts.bottom, right: 3, allowed: ['avoidable', 'committed'] }]);
    const stated = named(p, 'VfM_StatedTotal');
    expect(contentAt(costRows, stated.top, stated.left)).toEqual({ formula: 'ROUND(Costs!B10*VfM_SourceUnit,2)' });
  });

  it('names the audit\'s run time, so the pane can say which run the workbook holds', () => {
    const ranAt = named(p, 'VfM_RanAt');
    expect(ranAt.sheet).toBe('VfM Audit');
    expect(contentAt(sheetOf(p, 'VfM Audit'), ranAt.top, ranAt.left)).toEqual({ text: RUN.ranAt });
    expect(contentAt(sheetOf(p, 'VfM Audit'), ranAt.top, ranAt.left - 1)).toEqual({ text: 'Run on (UK time, with its offset from UTC)' });
  });

  it('rounds the sums of amounts to the penny, so no total shows binary noise', () => {
    const amounts = 'B9:B14';
    expect(['VfM_TotalAnnual', 'VfM_AvoidableAnnual', 'VfM_CommittedAnnual'].map((name) => contentAt(costRows, named(p, name).top, 2))).toEqual([
      { formula: `ROUND(SUM(${amounts}),2)` },
      { formula: `ROUND(SUMIF(C9:C14,"avoidable",${amounts}),2)` },
      { formula: `ROUND(SUMIF(C9:C14,"committed",${amounts}),2)` },
    ]);
    expect(named(p, 'VfM_Amounts')).toMatchObject({ top: 9, bottom: 14, left: 2 });
  });

  it('rounds the savings where the core rounds them, and sums the present values unrounded', () => {
    const rowOf = (name: string) => named(p, name).top;
    const [stay, withdraw, saving, pv] = ['VfM_CostIfStaying', 'VfM_CostIfWithdrawing', 'VfM_Saving', 'VfM_PresentValue'].map(rowOf);
    const cumulative = saving + 1;
    for (const r of [stay, withdraw, saving, pv]) expect(contentAt(scenarios, r, 3)).toEqual({ formula: `ROUND(SUM(D${r}:H${r}),2)` });
    expect(contentAt(scenarios, cumulative, 3)).toBeNull();
    expect(contentAt(scenarios, saving, 5)).toEqual({ formula: `ROUND(E${stay}-E${withdraw},2)` });
    expect(contentAt(scenarios, cumulative, 4)).toEqual({ formula: `D${saving}` });
    expect(contentAt(scenarios, cumulative, 5)).toEqual({ formula: `ROUND(D${cumulative}+E${saving},2)` });
    expect((contentAt(scenarios, pv, 5) as { formula: string }).formula).not.toMatch(/ROUND/);
  });

  it('writes a text amount as its parsed number, styled as an input, with a note saying so', () => {
    const values = SEED_VALUES.map((row) => (row[0] === 'CRM' ? ['CRM', '£46,648.63'] : row));
    const q = plan(values);
    const rows = sheetOf(q, 'VfM Cost Rows');
    const crm = named(q, 'VfM_Amounts').top + 1;
    expect(contentAt(rows, crm, 2)).toEqual({ number: 46648.63 });
    expect(styleAt(rows, crm, 2)).toBe('input');
    expect(contentAt(rows, crm, 5)).toEqual({ text: expect.stringContaining('Costs!B5 holds this amount as text') });
    expect(contentAt(rows, crm + 1, 5)).toBeNull(); // a number needs no note
  });

  it('quotes a source sheet whose name needs it', () => {
    const q = planWorkbook(analysisOf(SEED_VALUES, undefined, "Council's costs"), ["Council's costs"], new Set(), RUN);
    expect(contentAt(sheetOf(q, 'VfM Cost Rows'), named(q, 'VfM_Amounts').top, 2)).toEqual({ formula: "ROUND('Council''s costs'!B4*VfM_SourceUnit,2)" });
  });

  it('writes labels from the sheet as text, never as formulas', () => {
    const labels = ['=HYPERLINK("http://evil.example","click")', '+SUM(1,2)', '@cmd', '-2+3', '\tTab', '\rReturn'];
    const values = labels.map((label, i) => [label, 100 + i]);
    const q = plan(values);
    const rows = sheetOf(q, 'VfM Cost Rows');
    const first = named(q, 'VfM_Amounts').top;
    expect(labels.map((_, i) => contentAt(rows, first + i, 1))).toEqual(labels.map((label) => ({ text: label.trim() })));
    expect(allFormulas(q).some((f) => f.includes('HYPERLINK') || f.includes('cmd'))).toBe(false);
  });

  it('keeps to the modelling rules: no OFFSET or INDIRECT, no nested IF, names over buried constants', () => {
    const formulas = allFormulas(plan(SEED_VALUES, ['Costs'], new Set(), { noticeServedOn: '2012-10-19', sharing: 'shared-pool', partners: { inBaseYear: 10 } }));
    expect(formulas.length).toBeGreaterThan(50);
    for (const f of formulas) {
      expect(f).not.toMatch(/OFFSET|INDIRECT/);
      expect((f.match(/\bIF\(/g) ?? []).length).toBeLessThanOrEqual(1);
      expect(f).not.toMatch(/0\.035|17800|\b24\b/); // inputs are referred to, never copied in
    }
  });

  it('lays the timeline over the horizon: one column per financial year', () => {
    const q = plan(SEED_VALUES, ['Costs'], new Set(), { noticeServedOn: '2012-10-19', horizonYears: 8 });
    const s = sheetOf(q, 'VfM Scenarios');
    expect(s.columnWidths).toHaveLength(3 + 8);
    const npv = named(q, 'VfM_NPV');
    const pvTotal = contentAt(s, npv.top, npv.left) as { formula: string };
    const pvRow = Number(/\d+/.exec(pvTotal.formula)?.[0]);
    expect(contentAt(s, pvRow, 3)).toEqual({ formula: `ROUND(SUM(D${pvRow}:K${pvRow}),2)` });
  });
});

describe('sheet names', () => {
  it('never takes the name of a sheet of the user\'s, and replaces its own earlier sheets', () => {
    const p = plan(SEED_VALUES, ['Costs', 'VfM Scenarios', 'vfm cost rows'], new Set());
    expect(p.sheets.map((s) => s.name)).toEqual(['VfM Scenarios (2)', 'VfM Options', 'VfM Report', 'VfM Cost Rows (2)', 'VfM Audit']);
    expect(p.remove).toEqual([]);

    const again = plan(SEED_VALUES, ['Costs', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit'], new Set(['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']));
    expect(again.remove).toEqual(['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    expect(again.sheets.map((s) => s.name)).toEqual(['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
  });

  it('refuses a table too long for the cost rows sheet, naming the table', () => {
    const big = Array.from({ length: 1_048_572 }, (_, i) => [`Contract ${i}`, 1]);
    expect(() => plan(big)).toThrow(InputError);
  });
});

describe('the audit sheet', () => {
  const auditText = (values: typeof SEED_VALUES) =>
    ((planWorkbook(analysisOf(values), ['Costs'], new Set(), RUN).sheets.find((s) => s.name === 'VfM Audit')?.blocks ?? []).flatMap((b) => [...rowsOf(b.rows)].flat()) as { text?: string }[]).map((c) => c?.text);

  it('records the run: product, version, time, source, fingerprint', () => {
    const texts = auditText(SEED_VALUES);
    for (const expected of ['VfM Scenarios 9.9.9', '2012-10-19T09:30:00Z', 'costs.xlsx', 'Costs!A3:B10', 'abc123', '6', 'ok']) expect(texts).toContain(expected);
  });

  it('says which way a tie-out mismatch goes, in plain words', () => {
    const short = SEED_VALUES.map((row) => (row[0] === 'Total (Exc VAT)' ? ['Total (Exc VAT)', 124541.09] : row));
    expect(auditText(short)).toContain('mismatch: the rows come to £5.87 less than the stated total');
    const over = SEED_VALUES.map((row) => (row[0] === 'Total (Exc VAT)' ? ['Total (Exc VAT)', 124535] : row));
    expect(auditText(over)).toContain('mismatch: the rows come to £0.22 more than the stated total');
  });
});

describe('a council\'s own table in the plan', () => {
  const COUNCIL = [
    ['Shared service costs (£000)', null, null],
    ['Item', '2011/12', 'Notes'],
    ['Core services', null, null],
    ['Core Team', 17.8, null],
    ['Membership subscription', 2.5, null],
    ['Subtotal: core', 20.3, null],
    ['Contracts', null, null],
    ['CRM', 46.64863, 'Contract ends 31/03/2015'],
    ['Total', 66.94863, null],
  ];
  const p = planWorkbook(analysisOf(COUNCIL, { noticeServedOn: '2012-10-19' }), ['Costs'], new Set(), RUN);
  const costRows = sheetOf(p, 'VfM Cost Rows');

  it('writes the unit as an input that every link multiplies by, with where the table states it', () => {
    const unit = named(p, 'VfM_SourceUnit');
    expect(contentAt(costRows, unit.top, unit.left)).toEqual({ number: 1000 });
    expect(styleAt(costRows, unit.top, unit.left)).toBe('input');
    expect(contentAt(costRows, unit.top, unit.left + 1)).toEqual({ text: '£000, stated in Costs!A1' });
    const amounts = named(p, 'VfM_Amounts');
    expect(contentAt(costRows, amounts.top, 2)).toEqual({ formula: 'ROUND(Costs!B4*VfM_SourceUnit,2)' });
    expect(amounts.bottom - amounts.top + 1).toBe(3);
  });

  it('gives each row its section, its note in the source and its contract end, in columns of their own', () => {
    const amounts = named(p, 'VfM_Amounts');
    const header = amounts.top - 1;
    expect([6, 7, 8].map((c) => contentAt(costRows, header, c))).toEqual([{ text: 'Section' }, { text: 'Note in the source' }, { text: 'Contract ends' }]);
    expect([6, 7, 8].map((c) => contentAt(costRows, amounts.top + 2, c))).toEqual([{ text: 'Contracts' }, { text: 'Contract ends 31/03/2015' }, { number: 42094 }]);
    expect(contentAt(costRows, amounts.top, 6)).toEqual({ text: 'Core services' });
  });

  it('checks each subtotal against the cost rows it covers, inside the master check', () => {
    const scenarios = sheetOf(p, 'VfM Scenarios');
    const cells = scenarios.blocks.flatMap((b) => [...rowsOf(b.rows)].flatMap((r, i) => r.map((c, j) => ({ row: b.top + i, column: b.left + j, c }))));
    const label = cells.find(({ c }) => c !== null && 'text' in c && c.text.startsWith('Subtotal "Subtotal: core"'));
    expect(label?.c).toEqual({ text: 'Subtotal "Subtotal: core" (Costs!B6) agrees with its rows' });
    const amounts = named(p, 'VfM_Amounts');
    expect(contentAt(scenarios, label?.row as number, 3)).toEqual({ formula: `ROUND(SUM('VfM Cost Rows'!B${amounts.top}:B${amounts.top + 1})-ROUND(Costs!B6*VfM_SourceUnit,2),2)=0` });
    const master = named(p, 'VfM_MasterCheck');
    expect(contentAt(scenarios, master.top, 3)).toEqual({ formula: expect.stringMatching(new RegExp(`^AND\\(C\\d+:C${(label?.row as number)}\\)$`)) });
  });
});
