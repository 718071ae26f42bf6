// The table of defined names: the plan defines every registered name once, on its sheet and in its
// shape, and its formulas refer to no name outside the table.
import { NAMES, NameEntry } from '../../src/layout/names';
import { INPUT_NAMES } from '../../src/layout/read-back';
import { SheetBuilder } from '../../src/layout/sheet-builder';
import { PRODUCT_SHEETS, planWorkbook } from '../../src/layout/workbook-plan';
import { DefinedName, rowsOf } from '../../src/layout/plan';
import { POOL_ASSUMPTIONS, SEED_VALUES, analysisOf } from '../support/analyses';

const RUN = { product: 'VfM Scenarios', version: '9.9.9', ranAt: '2012-10-19T09:30:00Z', fingerprint: 'f', sourceCells: [{ address: 'B4', value: '17800' }] };
const plan = planWorkbook(analysisOf(SEED_VALUES, POOL_ASSUMPTIONS), ['Costs'], new Set(), RUN);
const entries: NameEntry[] = Object.values(NAMES);

describe('the table of defined names', () => {
  it('is what the plan defines: each name once, on the sheet the table gives, in its shape', () => {
    expect(plan.names.map((n) => n.name).sort()).toEqual(entries.map((e) => e.name).sort());
    const sheetOf = Object.fromEntries(Object.entries(PRODUCT_SHEETS).map(([role, s]) => [role, s.name]));
    for (const entry of entries) {
      const defined = plan.names.find((n) => n.name === entry.name) as DefinedName;
      expect([entry.name, defined.sheet]).toEqual([entry.name, sheetOf[entry.sheet]]);
      const shape = defined.top === defined.bottom && defined.left === defined.right ? 'cell' : defined.left === defined.right ? 'column' : 'row';
      if (entry.shape === 'block') continue;
      if (entry.shape !== 'cell') expect([entry.name, defined.left === defined.right || defined.top === defined.bottom]).toEqual([entry.name, true]);
      else expect([entry.name, shape]).toEqual([entry.name, 'cell']);
    }
  });

  it('holds every name a formula refers to', () => {
    const formulas = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => [...rowsOf(b.rows)].flat())).flatMap((c) => (c && 'formula' in c ? [c.formula] : []));
    const used = new Set(formulas.flatMap((f) => f.match(/\bVfM_\w+/g) ?? []));
    expect(used.size).toBeGreaterThan(15);
    for (const name of used) expect(entries.map((e) => e.name)).toContain(name);
  });

  it('reads back every name that carries an assumption, and no other', () => {
    expect([...INPUT_NAMES].sort()).toEqual([
      'VfM_BaseYear', 'VfM_Classes', 'VfM_DeflatorRates', 'VfM_DeflatorYears', 'VfM_DiscountRate', 'VfM_FyStartMonth', 'VfM_GdpDeflator', 'VfM_HorizonYears', 'VfM_Indexation', 'VfM_Items',
      'VfM_LeaverNames', 'VfM_LeaversOn', 'VfM_MembersInBaseYear', 'VfM_NoticeMonths', 'VfM_NoticeServedOn', 'VfM_Prices', 'VfM_Sharing',
      // The options sheet's two input tables.
      'VfM_OptionNames', 'VfM_OptionNoticeServedOn', 'VfM_OptionNoticeMonths', 'VfM_OptionOptimismBias',
      'VfM_CostLabels', 'VfM_CostOptions', 'VfM_CostKinds', 'VfM_CostAmounts', 'VfM_CostExitFYs', 'VfM_CostMonths', 'VfM_CostShares',
    ].sort());
  });

  it('refuses a name defined on a sheet or in a shape the table does not give it', () => {
    const names: DefinedName[] = [];
    expect(() => new SheetBuilder('Audit', 'audit', names).define('npv', { row: 1, column: 1 })).toThrow('VfM_NPV belongs on the scenarios sheet, not the audit sheet');
    expect(() => new SheetBuilder('S', 'scenarios', names).define('npv', { row: 1, column: 1 }, { row: 2, column: 1 })).toThrow('VfM_NPV is registered as a cell, not A1:A2');
    expect(names).toEqual([]);
  });
});
