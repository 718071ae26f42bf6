// The cost tables councils write (docs/conventions.md, "Reading cost tables"), read from grids: each layout
// in test/support/layouts.ts with its rows, unit, amount column, subtotals, headings and warnings,
// or its refusal, all typed from the table by hand.
import { CellValue, Grid } from '../../src/core/cell';
import { LAYOUTS, Layout, expectRead } from '../support/layouts';

function layoutGrid(layout: Layout): Grid {
  return {
    sheet: layout.sheet ?? 'Costs',
    top: layout.at?.row ?? 1,
    left: layout.at?.column ?? 1,
    values: layout.cells.map((row) => row.map((cell): CellValue => cell)),
    ...(layout.hiddenRows ? { hiddenRows: layout.hiddenRows } : {}),
  };
}

describe('readCostTable: the layouts councils write', () => {
  it('has at least thirty layouts, each named once', () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(LAYOUTS.map((layout) => layout.name)).size).toBe(LAYOUTS.length);
  });

  it.each(LAYOUTS.map((layout) => [layout.name, layout] as const))('%s', (_name, layout) => {
    expectRead(layout, layoutGrid(layout));
  });
});
