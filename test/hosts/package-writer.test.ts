import fc from 'fast-check';
import { Content, WorkbookPlan } from '../../src/layout/plan';
import { openWorkbook } from '../../src/hosts/xlsx/read-workbook';
import { newWorkbookWithSource } from '../../src/hosts/xlsx/write-workbook';

/** A plan of one sheet holding the given contents in column A. */
function planOf(contents: Content[]): WorkbookPlan {
  return {
    remove: [],
    sheets: [{ name: 'Written', columnWidths: [], blocks: [{ top: 1, left: 1, rows: contents.map((c) => [c]), style: 'plain' }], paints: [], validations: [] }],
    styles: { plain: {} },
    names: [],
  };
}

describe('the package writer', () => {
  it('writes any text and any finite number so that it reads back as it was', async () => {
    // Any UTF-16 text, control characters, lone surrogates and Excel's own _xHHHH_ escapes included.
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u0001', '\r', '\n', '\t', '_x000D_', '_x', '&', '<', '\uD800', '\uDFFF', '\uFFFE'), fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))) });
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(text.map((t) => ({ text: t })), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ number: n }))), { minLength: 1, maxLength: 20 }), async (contents) => {
      const bytes = await newWorkbookWithSource({ sheet: 'Source', top: 1, left: 1, values: [] }, planOf(contents));
      const grid = await (await openWorkbook(bytes, 'out.xlsx')).grid('Written');
      // An empty text is a cell holding "", as Excel keeps it; -0 is written and read as 0.
      const expected = contents.map((c) => ['text' in c ? c.text : 'number' in c && c.number === 0 ? 0 : (c as { number: number }).number]);
      expect(grid.values.map((row) => [row[0] ?? null])).toEqual(expected);
    }), { numRuns: 200 });
  });
});
