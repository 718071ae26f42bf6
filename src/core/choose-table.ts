// Several candidate tables on one sheet (docs/conventions.md, "Several tables or sheets"): a second header row
// over the amounts, below the first table's rows, starts another table (with the titles just above
// it). The one whose labels carry cost words and which ties to a total is preferred, weighed as
// sheets are (choose-sheet.ts); when two weigh the same, no guess: the user names one (--range, or
// a selection in the pane). The tables passed over are named in a warning.
import { Grid, rangeA1, sheetReference } from './cell';
import { compareEvidence, costTableEvidence, describeEvidence } from './choose-sheet';
import { InputError, WarningLog, atCell } from './problems';
import { TableLayout, blankIn, isHeaderRow, tableLayout } from './table-layout';

/** The grid's rows from `from` up to (not including) `to`, as a grid of their own. */
function rowsOf(grid: Grid, from: number, to: number): Grid {
  const top = grid.top + from;
  const hidden = grid.hiddenRows?.filter((row) => row >= top && row < grid.top + to);
  const percentCells = grid.percentCells?.filter((cell) => cell.row >= top && cell.row < grid.top + to);
  return {
    sheet: grid.sheet, top, left: grid.left, values: grid.values.slice(from, to),
    ...(hidden && hidden.length > 0 ? { hiddenRows: hidden } : {}),
    ...(percentCells && percentCells.length > 0 ? { percentCells } : {}),
    ...(grid.allText ? { allText: true } : {}),
  };
}

/** Where a table's rows are, e.g. `Costs!A12:D20`. */
function extent(grid: Grid): string {
  const width = grid.values.reduce((w, row) => Math.max(w, row.length), 1);
  return `${sheetReference(grid.sheet)}!${rangeA1({ top: grid.top, left: grid.left, bottom: grid.top + Math.max(grid.values.length, 1) - 1, right: grid.left + width - 1 })}`;
}

/** The tables on a grid: one, or one for each header row over the amounts after the first table's rows. */
export function tablesOn(grid: Grid, layout = tableLayout(grid)): Grid[] {
  if (!layout) return [grid];
  const starts = [0];
  for (let r = layout.first + 1; r < grid.values.length; r++) {
    if (!isHeaderRow(grid, r, layout.label, layout.amounts)) continue;
    // Its titles come with it: the rows just above its header holding text but no amount.
    let start = r;
    const title = (row: number) => blankIn(grid, row, layout.amounts) && !blankIn(grid, row, grid.values[row]?.map((_, c) => c) ?? []);
    while (start - 1 > starts[starts.length - 1] && title(start - 1)) start--;
    if (start > starts[starts.length - 1] + 1) starts.push(start);
  }
  return starts.map((start, i) => rowsOf(grid, start, starts[i + 1] ?? grid.values.length));
}

/**
 * The table on the grid to read, with its layout when already worked out: the only one, or the one
 * most like cost rows, with a warning naming those passed over. Throws InputError when two weigh the same.
 */
export function chooseTable(grid: Grid, warnings: WarningLog): { grid: Grid; layout?: TableLayout } {
  const layout = tableLayout(grid);
  const tables = tablesOn(grid, layout);
  if (tables.length === 1) return { grid, layout };
  const weighed = tables.map((table) => ({ table, evidence: costTableEvidence(table) }));
  const best = weighed.reduce((a, b) => (compareEvidence(b.evidence, a.evidence) > 0 ? b : a));
  const tied = weighed.filter((w) => compareEvidence(w.evidence, best.evidence) === 0);
  const said = (w: (typeof weighed)[number]) => `${extent(w.table)} (${describeEvidence(w.evidence)})`;
  if (tied.length > 1) {
    throw new InputError([{
      place: atCell(extent(grid)),
      message: `${tied.length} tables on the sheet are equally like cost rows: ${tied.map(said).join('; ')}; name the one to read with --range, or select it`,
    }]);
  }
  for (const other of weighed.filter((w) => w !== best)) {
    warnings.add('other-tables', `other tables on the sheet were passed over for ${extent(best.table)} (${describeEvidence(best.evidence)}), which looks most like cost rows; name another with --range, or select it`, said(other));
  }
  return { grid: best.table };
}
