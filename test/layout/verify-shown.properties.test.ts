// A number format put on any cell the product fills, one that shows other text than the product's
// format would, is always a finding naming that cell; the sheets as written are always sound.
import fc from 'fast-check';
import { runScenarios } from '../../src/app/run';
import { CellValue, a1, sheetReference } from '../../src/core/cell';
import { plannedRows } from '../../src/hosts/xlsx/sheet-xml';
import { SheetPlan, WrittenSheet } from '../../src/layout/plan';
import { formatFindings } from '../../src/layout/verify-shown';
import { SEED_ASSUMPTIONS, SEED_VALUES } from '../support/analyses';
import { FIXED_CLOCK } from '../support/clock';

const { plan } = runScenarios({ workbook: { grid: { sheet: 'Costs', top: 1, left: 1, values: SEED_VALUES }, sheetNames: ['Costs'], definedNames: [] }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });

interface Cell { readonly address: string; readonly number: boolean; readonly format: string | undefined }

/**
 * A sheet as the file writer writes it (a later block over an earlier one), before any
 * calculation: each formula without a value, and the cells a finding may name: those whose
 * contents the product checks (not a note's, not those fixed at the run).
 */
function written(sheet: SheetPlan): { written: WrittenSheet; cells: Cell[] } {
  const values: CellValue[][] = [];
  const formulas = new Map<string, string>();
  const formats = new Map<string, string>();
  const cells: Cell[] = [];
  const noted = (row: number, column: number) => sheet.blocks.some((b) => b.style === 'note' && row >= b.top && row < b.top + b.rows.length && column >= b.left && column - b.left < (b.rows.at(row - b.top)?.length ?? 0));
  const fixed = (row: number, column: number) => (sheet.fixedAtRun ?? []).some((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right);
  for (const { row, cells: planned } of plannedRows(sheet)()) {
    values[row - 1] = [];
    for (const { column, content, format } of planned) {
      const address = a1(row, column);
      if (format !== undefined) formats.set(address, format);
      if (content === null) continue;
      values[row - 1][column - 1] = 'formula' in content ? { formula: content.formula } : 'number' in content ? content.number : content.text;
      if ('formula' in content) formulas.set(address, content.formula);
      if (!noted(row, column) && !fixed(row, column)) cells.push({ address, number: !('text' in content), format });
    }
  }
  for (let r = 0; r < values.length; r++) values[r] = Array.from({ length: values[r]?.length ?? 0 }, (_, c) => values[r]?.[c] ?? null);
  return { written: { grid: { sheet: sheet.name, top: 1, left: 1, values }, formulas, formats }, cells };
}

const sheets = plan.sheets.filter((s) => s.name !== 'VfM Audit').map((sheet) => ({ sheet, ...written(sheet) }));

it('finds the product\'s sheets as written sound', () => {
  for (const { sheet, written: w } of sheets) expect(formatFindings(sheet, w, sheetReference(sheet.name))).toEqual([]);
});

it('finds a format that shows other text on any cell the product fills, naming the cell and both formats', () => {
  const cellArb = fc.integer({ min: 0, max: sheets.length - 1 }).chain((s) => fc.record({ s: fc.constant(s), c: fc.integer({ min: 0, max: sheets[s].cells.length - 1 }) }));
  // Text the format shows whatever the value: a number replaced by it, a text followed by it.
  const textArb = fc.stringMatching(/^[A-Za-z0-9£ ,.]{1,12}$/);
  fc.assert(fc.property(cellArb, textArb, ({ s, c }, text) => {
    const { sheet, written: w, cells } = sheets[s];
    const cell = cells[c];
    const tampered = cell.number ? `"${text}"` : `@"${text}"`;
    const formats = new Map(w.formats);
    formats.set(cell.address, tampered);
    const findings = formatFindings(sheet, { ...w, formats }, sheetReference(sheet.name));
    expect(findings).toEqual([{
      kind: 'cell', place: `${sheetReference(sheet.name)}!${cell.address}`, message: 'a number format changed: the cell shows its value otherwise than the product wrote it',
      expected: cell.format ?? 'General', found: tampered,
    }]);
  }), { numRuns: 200 });
});
