// How each product sheet prints: the layout decides it all (hosts only encode it): A4 landscape, one
// page wide, the sheet's contents as the print area, heading rows repeated, breaks between blocks,
// and a footer naming the sheet, the source workbook and the run, and the page.
import { NAMES } from '../../src/layout/names';
import { CellBlock, Content, SheetPlan, WorkbookPlan, rowsOf } from '../../src/layout/plan';
import { SheetBuilder, text } from '../../src/layout/sheet-builder';
import { planWorkbook, productFooter } from '../../src/layout/workbook-plan';
import { POOL_ASSUMPTIONS, SEED_VALUES, analysisOf } from '../support/analyses';

const RUN = { product: 'VfM Scenarios', version: '9.9.9', ranAt: '2012-10-19T09:30:00+01:00', sourceFile: 'R&D costs.xlsx', fingerprint: 'abc123',
  sourceCells: [{ address: 'A4', value: 'Staffordshire Connects 2011/12 Core Team' }, { address: 'B4', value: '17800' }] };
const OPTIONS = {
  noticeServedOn: '2012-10-19',
  options: [
    { name: 'Withdraw now', exitCosts: [{ label: 'Disaggregation', amount: 5000, fy: '2014/15' }] },
    { name: 'Withdraw a year later', noticeServedOn: '2013-10-19' },
  ],
};
const plan = (assumptions: unknown = OPTIONS): WorkbookPlan => planWorkbook(analysisOf(SEED_VALUES, assumptions), ['Costs'], new Set(), RUN);
const sheetOf = (p: WorkbookPlan, name: string) => p.sheets.find((s) => s.name === name) as SheetPlan;
const named = (p: WorkbookPlan, key: keyof typeof NAMES) => p.names.find((n) => n.name === NAMES[key].name) as CellBlock;

/** What a cell holds (the last block over it wins). */
function contentAt(sheet: SheetPlan, row: number, column: number): Content | undefined {
  let found: Content | undefined;
  for (const block of sheet.blocks) {
    const cells = row >= block.top ? block.rows.at(row - block.top) : undefined;
    if (cells && column >= block.left && column - block.left < cells.length) found = cells[column - block.left];
  }
  return found;
}
const textAt = (sheet: SheetPlan, row: number, column = 1) => {
  const content = contentAt(sheet, row, column);
  return content && 'text' in content ? content.text : undefined;
};
/** The rows that have something in them. */
const lastRow = (sheet: SheetPlan) => Math.max(...sheet.blocks.map((b) => b.top + b.rows.length - 1));
const within = (inner: CellBlock, outer: CellBlock) => inner.top >= outer.top && inner.left >= outer.left && inner.bottom <= outer.bottom && inner.right <= outer.right;

describe('every product sheet prints', () => {
  const p = plan();

  it.each(['VfM Scenarios', 'VfM Options', 'VfM Cost Rows', 'VfM Audit'])('%s on A4 landscape, one page wide, its contents and nothing else', (name) => {
    const sheet = sheetOf(p, name);
    const print = sheet.print;
    expect(print).toMatchObject({ paper: 'A4', orientation: 'landscape', pagesWide: 1 });
    if (!print) return;
    expect(print.area.top).toBe(1);
    expect(print.area.left).toBe(1);
    expect(print.area.bottom).toBe(lastRow(sheet));
    for (const block of sheet.blocks) {
      expect(within({ top: block.top, left: block.left, bottom: block.top + block.rows.length - 1, right: block.left + Math.max(...[...rowsOf(block.rows)].map((r) => r.length)) - 1 }, print.area)).toBe(true);
    }
    for (const chart of sheet.charts ?? []) expect(within(chart.anchor, print.area)).toBe(true);
    for (const paint of sheet.paints) expect(within(paint, print.area)).toBe(true);
    // Something stands in its last column: the area is no wider than the contents.
    expect([...sheet.blocks.map((b) => b.left + Math.max(...[...rowsOf(b.rows)].map((r) => r.length)) - 1), ...(sheet.charts ?? []).map((c) => c.anchor.right)]).toContain(print.area.right);
    for (const row of print.breaksAbove) expect(row > print.area.top && row <= print.area.bottom).toBe(true);
  });

  it('the options sheet\'s area takes in its charts, to the right of the figures', () => {
    const options = sheetOf(p, 'VfM Options');
    const charts = options.charts ?? [];
    expect(charts).toHaveLength(2);
    expect(options.print?.area.right).toBe(Math.max(...charts.map((c) => c.anchor.right)));
  });

  it('the scenario sheet: the workings start a page, and the financial years head every page after', () => {
    const scenarios = sheetOf(p, 'VfM Scenarios');
    const years = named(p, 'financialYears');
    expect(textAt(scenarios, years.top)).toBe('Workings');
    expect(scenarios.print?.titleRows).toEqual({ first: years.top, last: years.top });
    expect(scenarios.print?.breaksAbove).toEqual([years.top]);
  });

  it('the options sheet: the workings start a page under their years, and the options side by side start the page of results', () => {
    const options = sheetOf(p, 'VfM Options');
    const years = named(p, 'optionYears');
    const sideBySide = named(p, 'optionNpvs').top - 1;
    expect(textAt(options, years.top)).toBe('Workings');
    expect(textAt(options, sideBySide)).toBe('The options side by side');
    expect(options.print?.titleRows).toEqual({ first: years.top, last: years.top });
    expect(options.print?.breaksAbove).toEqual([years.top, sideBySide]);
    // Both charts are on the page of results.
    for (const chart of options.charts ?? []) expect(chart.anchor.top).toBeGreaterThanOrEqual(sideBySide);
  });

  it('the cost rows sheet repeats its column headings, and the audit sheet the headings of the source values', () => {
    const costRows = sheetOf(p, 'VfM Cost Rows');
    const items = named(p, 'items');
    expect(costRows.print?.titleRows).toEqual({ first: items.top - 1, last: items.top - 1 });
    expect([1, 2, 3].map((c) => textAt(costRows, items.top - 1, c))).toEqual(['Item', 'Amount', 'Class']);
    expect(costRows.print?.breaksAbove).toEqual([]);
    const audit = sheetOf(p, 'VfM Audit');
    const cells = named(p, 'sourceCells');
    expect(audit.print?.titleRows).toEqual({ first: cells.top - 1, last: cells.top - 1 });
    expect([1, 2].map((c) => textAt(audit, cells.top - 1, c))).toEqual(['Cell', 'Value']);
    // Without the source's cells listed there is no list to head.
    const unlisted = planWorkbook(analysisOf(SEED_VALUES, OPTIONS), ['Costs'], new Set(), { ...RUN, sourceCells: undefined });
    expect(sheetOf(unlisted, 'VfM Audit').print?.titleRows).toBeUndefined();
  });

  it('a longer sheet keeps the same set-up: with ten members the scenario sheet still breaks above its workings', () => {
    const pooled = planWorkbook(analysisOf(SEED_VALUES, POOL_ASSUMPTIONS), ['Costs'], new Set(), RUN);
    const scenarios = sheetOf(pooled, 'VfM Scenarios');
    expect(scenarios.print?.breaksAbove).toEqual([named(pooled, 'financialYears').top]);
    expect(scenarios.print?.area.bottom).toBe(lastRow(scenarios));
  });

  it('every sheet has the footer: the sheet, the source workbook and the run, and "Page X of Y"', () => {
    for (const sheet of p.sheets) {
      expect(sheet.print?.footer).toEqual({
        left: [{ field: 'sheet' }],
        center: [{ text: 'Source ' }, { text: 'R&D costs.xlsx' }, { text: ', run on 2012-10-19T09:30:00+01:00' }],
        right: [{ text: 'Page ' }, { field: 'page' }, { text: ' of ' }, { field: 'pages' }],
      });
    }
  });
});

describe('the footer', () => {
  it('names the open workbook itself when the run read no file (the pane)', () => {
    expect(productFooter({ ranAt: '2026-07-01T00:30:00+01:00' }).center).toEqual([{ text: 'Source ' }, { field: 'file' }, { text: ', run on 2026-07-01T00:30:00+01:00' }]);
  });

  it('takes no control characters and cuts a long file name short', () => {
    expect(productFooter({ ranAt: 'x', sourceFile: 'a\nb\u0007c\u007f.xlsx' }).center[1]).toEqual({ text: 'a b c .xlsx' });
    const long = productFooter({ ranAt: 'x', sourceFile: `${'n'.repeat(300)}.xlsx` }).center[1];
    expect(long).toEqual({ text: `${'n'.repeat(99)}…` });
  });
});

describe('SheetBuilder.build', () => {
  const footer = productFooter({ ranAt: 'x' });
  it('prints the rectangle of everything on the sheet, and refuses breaks and title rows outside it', () => {
    const sheet = new SheetBuilder('S', 'scenarios', []);
    sheet.put(2, 2, [[text('a'), text('b')], [text('c')]], 'label');
    sheet.paint(5, 1, 5, 1, 'unit');
    expect(sheet.build({ columnWidths: [], footer }).print).toEqual({
      paper: 'A4', orientation: 'landscape', pagesWide: 1, area: { top: 2, left: 1, bottom: 5, right: 3 }, breaksAbove: [], footer,
    });
    sheet.pageBreakAbove(4);
    sheet.pageBreakAbove(3);
    sheet.pageBreakAbove(4);
    sheet.printTitles(2, 3);
    expect(sheet.build({ columnWidths: [], footer }).print).toMatchObject({ breaksAbove: [3, 4], titleRows: { first: 2, last: 3 } });
    sheet.pageBreakAbove(2);
    expect(() => sheet.build({ columnWidths: [], footer })).toThrow(/page break above row 2/);
    const titled = new SheetBuilder('T', 'scenarios', []);
    titled.put(1, 1, [[text('a')]], 'label');
    titled.printTitles(2);
    expect(() => titled.build({ columnWidths: [], footer })).toThrow(/title rows 2 to 2/);
  });
});
