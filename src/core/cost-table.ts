// Finding and reading the cost table on a sheet (docs/conventions.md, "Reading cost tables"): title rows
// above it, a header row, a unit, blank rows, section headings and subtotals inside it, notes and
// contract ends beside it, and a total row whose label starts with "Total". Which column holds what
// is table-layout.ts; which amount column to read, amount-columns.ts; units, units.ts. An explicit
// range is read the same way, within its bounds. Every choice made is in the table's description,
// for the report, the audit sheet, the JSON summary and the pane to state.
import { CELL_CHARACTERS, quote } from './limits';
import { AmountReading, isAmountLike, numberOfAmountText, percentageAmount, readAmount } from './amount';
import { AmountColumn, ColumnChoice, NET_OF_VAT, chooseAmountColumn } from './amount-columns';
import { theYearNamed } from './base-year';
import { CalendarDate } from './calendar-date';
import { CellValue, Grid, columnCells, columnName, isCellDate, isCellError, isUncalculated, percentIn, rangeA1, sheetReference } from './cell';
import { endInColumn, endInNote } from './contract-end';
import { Money } from './money';
import { ProblemList, WarningLog, atCell } from './problems';
import { TOTAL_LABEL, TableLayout, blankIn, cellAt, tableLayout } from './table-layout';
import { POUNDS, Unit, unitIn } from './units';

export interface CostRow {
  /** The sheet row the cost is on; `amountCells(table)(sheetRow)` is its amount's cell. */
  readonly sheetRow: number;
  readonly item: string;
  readonly amount: Money;
  /** The amount was text in the sheet (Excel's SUM skips it). */
  readonly amountWasText: boolean;
  /** The section heading the row is under, if any. */
  readonly section?: string;
  /** The text of the notes column beside it, if any. */
  readonly note?: string;
  /** When its contract ends, from an end-date column or a note. */
  readonly endsOn?: CalendarDate;
}

export interface StatedTotal {
  readonly cell: string;
  readonly sheetRow: number;
  readonly amount: Money;
}

/** A subtotal row: left out of the sum, and checked against the cost rows it covers. */
export interface Subtotal {
  readonly cell: string;
  readonly sheetRow: number;
  readonly label: string;
  readonly amount: Money;
  /** The sheet rows of the cost rows it covers (since the previous heading or subtotal). */
  readonly rows: readonly number[];
  /** What those rows come to. */
  readonly sum: Money;
  /** Why it was taken for a subtotal. */
  readonly by: 'label' | 'sum';
}

/** A section heading: a label without an amount, naming the rows under it. */
export interface SectionHeading {
  readonly cell: string;
  readonly sheetRow: number;
  readonly label: string;
}

/** Where the table is and how it was read, without its rows. */
export interface CostTableInfo {
  readonly sheet: string;
  /** The table's block in A1 form, from its first row (header, if any) to its last (total, if any). */
  readonly range: string;
  readonly itemColumn: number;
  readonly amountColumn: number;
  readonly headerRow?: number;
  readonly statedTotal?: StatedTotal;
  /** The unit the amounts are in; pounds when the table states none. */
  readonly unit: Unit;
  /** The amount column read, how it was chosen, and those passed over. */
  readonly columns: ColumnChoice;
  readonly subtotals: readonly Subtotal[];
  readonly headings: readonly SectionHeading[];
  /** The sheet columns of the notes and of the contract ends, when the table has them. */
  readonly noteColumn?: number;
  readonly endColumn?: number;
  /** With an end-date column: how many rows' contract ends were read (from the column or a note), said to have none, or not understood. */
  readonly contractEnds?: { readonly read: number; readonly noEnd: number; readonly unread: number };
  /** Columns of codes beside the labels, not read as amounts. */
  readonly codeColumns: readonly number[];
  /** The sheet rows of the table that are hidden or filtered out (read like the others). */
  readonly hiddenRows: readonly number[];
}

export interface CostTable extends CostTableInfo {
  readonly rows: readonly CostRow[];
}

/** How the user steers the reader. */
export interface ReadOptions {
  /** The amount column to read: its letter (`C`) or its header's text (`2011/12`). */
  readonly column?: string;
  /** The start year of the base year, when the user gave one: the column headed with it is read. */
  readonly baseYear?: number;
}

/** The address of the amount cell on a sheet row of the table, e.g. `Costs!B5`. */
export function amountCells(table: Pick<CostTableInfo, 'sheet' | 'amountColumn'>): (sheetRow: number) => string {
  return columnCells(table.sheet, table.amountColumn);
}

const SUBTOTAL_LABEL = /^sub[\s-]?total\b|^total\s+for\b/i;

/** A label as text: trimmed strings, numbers as written; undefined for an error value. */
function labelText(value: CellValue): string | undefined {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).toUpperCase();
  if (isCellDate(value)) return value.date;
  if (isCellError(value) || isUncalculated(value)) return undefined;
  return '';
}

const isBlank = (value: CellValue) => value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The text left of a row's last amount, its cells joined by a space: the row's label when the row
 * reads as a cost row. Undefined when no amount in the row has text to its left.
 */
export function labelBesideAmount(row: readonly CellValue[]): string | undefined {
  let amount = row.length - 1;
  while (amount >= 1 && !isAmountLike(row[amount] ?? null)) amount--;
  if (amount < 1) return undefined;
  const texts = row.slice(0, amount).filter((value): value is string => typeof value === 'string' && value.trim() !== '' && !isAmountLike(value));
  return texts.length > 0 ? texts.map((text) => text.trim()).join(' ') : undefined;
}

/** Whether the grid holds something that reads as a cost table (item labels beside amounts). */
export function holdsCostTable(grid: Grid): boolean {
  return grid.values.some((row) => labelBesideAmount(row) !== undefined);
}

/** The unit the table states: over the amounts, in a unit row above them, or in a title; else pounds. */
function unitOf(grid: Grid, layout: TableLayout, amount: number, cell: (r: number, c: number) => string): Unit {
  const stated = (r: number, c: number): Unit | undefined => {
    const value = cellAt(grid, r, c);
    const unit = typeof value === 'string' ? unitIn(value) : undefined;
    return unit && { ...unit, cell: cell(r, c) };
  };
  for (let r = layout.first - 1; r >= 0; r--) {
    const over = stated(r, amount);
    if (over) return over;
    if (r <= (layout.header ?? layout.first)) {
      // Titles above the table: any of their cells.
      for (const c of grid.values[r]?.keys() ?? []) {
        const inTitle = stated(r, c);
        if (inTitle) return inTitle;
      }
    }
  }
  return POUNDS;
}

/**
 * Reads the cost rows (`known` is the table's layout, when the caller has already worked it out).
 * Throws InputError naming every bad cell, and ColumnsToChoose when several
 * columns hold amounts and nothing says which to read; adds warnings for what was read but is
 * worth a look (text amounts, hidden rows, rows without an amount, amounts below the total row).
 */
export function readCostTable(grid: Grid, warnings: WarningLog, options: ReadOptions = {}, known?: TableLayout): CostTable {
  const problems = new ProblemList();
  const where = sheetReference(grid.sheet);
  const width = grid.values.reduce((w, row) => Math.max(w, row.length), 1);
  const extent = `${where}!${rangeA1({
    top: grid.top,
    left: grid.left,
    bottom: grid.top + Math.max(grid.values.length, 1) - 1,
    right: grid.left + width - 1,
  })}`;
  if (grid.values.every((row) => row.every(isBlank))) {
    problems.add(atCell(extent), 'the range is empty: no cost rows to read');
    problems.throwIfAny();
  }
  const layout = known ?? tableLayout(grid);
  if (!layout) {
    const amounts = grid.values.some((row) => row.some(isAmountLike));
    problems.add(atCell(extent), amounts ? 'no item labels: the amounts have no column to their left' : 'no cost rows found: no column holds amounts');
    problems.throwIfAny();
  }
  const { label: itemCol, first: start } = layout as TableLayout;
  const sheetRow = (r: number) => grid.top + r;
  const cell = (r: number, c: number) => columnCells(grid.sheet, grid.left + c)(sheetRow(r));
  const header = layout?.header;
  const amountColumns: AmountColumn[] = (layout as TableLayout).amounts.map((c) => {
    const heading = header === undefined ? undefined : labelText(cellAt(grid, header, c));
    return { column: grid.left + c, letter: columnName(grid.left + c), ...(heading ? { header: heading, headerCell: cell(header as number, c) } : {}) };
  });
  // The base year, when none is given, is the one the item labels name (docs/conventions.md, "Base year").
  const labels = () => grid.values.flatMap((_, r) => {
    const text = r >= start && (layout as TableLayout).amounts.some((c) => isAmountLike(cellAt(grid, r, c))) ? labelText(cellAt(grid, r, itemCol)) : undefined;
    return text && !TOTAL_LABEL.test(text) && !SUBTOTAL_LABEL.test(text) ? [text] : [];
  });
  const baseYear = options.baseYear ?? (amountColumns.length > 1 && options.column === undefined ? theYearNamed(labels()) : undefined);
  const columns = chooseAmountColumn(amountColumns, extent, options.column, baseYear);
  const amountCol = columns.chosen.column - grid.left;
  const unit = unitOf(grid, layout as TableLayout, amountCol, cell);
  const { notes, ends } = layout as TableLayout;
  const itemCell = (r: number) => cell(r, itemCol);
  const amountCell = (r: number) => cell(r, amountCol);
  const rowBlank = (r: number) => blankIn(grid, r, [itemCol, amountCol]);
  const hidden = new Set(grid.hiddenRows ?? []);
  const percentAt = percentIn(grid);

  // Without a total row the table ends at the last amount; labelled notes below it are not rows.
  let last = grid.values.length - 1;
  while (last > start && isBlank(cellAt(grid, last, amountCol)) && !TOTAL_LABEL.test(labelText(cellAt(grid, last, itemCol)) ?? '')) last--;
  refuseMergedAcrossRows(grid, { top: sheetRow(start), bottom: sheetRow(last) }, [[grid.left + amountCol, 'amount'], [grid.left + itemCol, 'label']]);
  /** Whether a labelled amount (a cost row's, a subtotal's or a total's) follows row r within the table: then a "Total ..." row is a subtotal. */
  const amountFollows = (r: number) => {
    for (let next = r + 1; next <= last; next++) {
      if (labelText(cellAt(grid, next, itemCol)) && isAmountLike(cellAt(grid, next, amountCol))) return true;
    }
    return false;
  };

  /**
   * The table's rows from `start` to `last`. `unheaded`: a row equal to the sum of two or more rows
   * above it is a subtotal even with no heading or subtotal above it (taken only when the stated
   * total ties without such rows and not with them).
   */
  const readRows = (unheaded: boolean, log: WarningLog, found: ProblemList) => {
    const endCounts = { read: 0, noEnd: 0, unread: 0 };
    /** A row's contract end, from its end-date column or else its note; what is not understood is named in a warning. */
    const contractEnd = (column: [CellValue, string] | undefined, note: [string, string] | undefined): CalendarDate | undefined => {
      const inColumn = column && endInColumn(column[0]);
      const inNote = note && (column === undefined || isBlank(column[0])) ? endInNote(note[0]) : undefined;
      const [reading, at] = inNote ? [inNote, note?.[1] as string] : [inColumn, column?.[1] as string];
      if (reading === undefined) return undefined;
      if (reading.kind === 'end') {
        endCounts.read++;
        return reading.date;
      }
      if (reading.kind === 'no end') endCounts.noEnd++;
      else {
        endCounts.unread++;
        log.addOwn('contract-end-not-read', `contract end ${reading.message}, so the contract is taken to run to the horizon`, at,
          'contract ends not understood, so those contracts are taken to run to the horizon');
      }
      return undefined;
    };
    const rows: CostRow[] = [];
    const subtotals: Subtotal[] = [];
    const headings: SectionHeading[] = [];
    const hiddenRows: number[] = [];
    /** The cost rows since the previous heading or subtotal, and what they come to. */
    let group: CostRow[] = [];
    // A plain number, like runningTotal: a sum past exact pence is refused below, not thrown here.
    let groupSum = 0;
    let section: SectionHeading | undefined;
    let sectionUsed = false;
    let runningTotal = 0;
    let statedTotal: StatedTotal | undefined;
    let end = last;
    const closeSection = () => {
      if (section && !sectionUsed) {
        headings.pop();
        log.add('row-without-amount', 'rows with an item label but no amount were skipped', amountCell(section.sheetRow - grid.top));
      }
    };
    const subtotal = (r: number, label: string, amount: Money, by: Subtotal['by']) => {
      subtotals.push({ cell: amountCell(r), sheetRow: sheetRow(r), label, amount, rows: group.map((row) => row.sheetRow), sum: groupSum as Money, by });
      group = [];
      groupSum = 0;
    };
    for (let r = start; r <= last; r++) {
      if (rowBlank(r)) continue;
      const label = labelText(cellAt(grid, r, itemCol));
      if (label === undefined) {
        found.add(atCell(itemCell(r)), badLabel(cellAt(grid, r, itemCol)));
        continue;
      }
      if (label.length > CELL_CHARACTERS) {
        found.add(atCell(itemCell(r)), `item label ${quote(label)} is ${label.length.toLocaleString('en-GB')} characters long, more than the ${CELL_CHARACTERS.toLocaleString('en-GB')} an Excel cell holds; shorten it`);
        continue;
      }
      if (hidden.has(sheetRow(r))) hiddenRows.push(sheetRow(r));
      const value = cellAt(grid, r, amountCol);
      const reading: AmountReading = typeof value === 'number' && percentAt(r, amountCol) ? percentageAmount(value) : readAmount(value, unit.factor);
      // "Total <something>" above the last row closes a part of the table; "Total" alone, or a total
      // exclusive of VAT (what councils report), ends it.
      // (Only a label starting with "s", "t" or "g" can be either: most rows are settled without a pattern.)
      const initial = label.charCodeAt(0) | 32;
      const totalLike = (initial === 115 || initial === 116 || initial === 103) && (SUBTOTAL_LABEL.test(label) || TOTAL_LABEL.test(label));
      const isSubtotal = totalLike && (SUBTOTAL_LABEL.test(label) || (/^total\s+\p{L}/iu.test(label) && !NET_OF_VAT.test(label) && amountFollows(r)));
      if (totalLike && TOTAL_LABEL.test(label) && !isSubtotal) {
        end = r;
        if (reading.kind === 'amount') statedTotal = { cell: amountCell(r), sheetRow: sheetRow(r), amount: reading.amount };
        else if (reading.kind === 'bad') found.add(atCell(amountCell(r)), `stated total: ${reading.message}`);
        else log.add('total-without-amount', 'the total row has no amount, so there is nothing to tie out to', amountCell(r));
        break;
      }
      if (reading.kind === 'empty') {
        closeSection();
        section = { cell: itemCell(r), sheetRow: sheetRow(r), label };
        sectionUsed = false;
        headings.push(section);
        group = [];
        groupSum = 0;
        continue;
      }
      if (label === '') {
        found.add(atCell(amountCell(r)), `amount without an item label in ${columnName(grid.left + itemCol)}${sheetRow(r)}`);
        continue;
      }
      if (reading.kind === 'bad') {
        found.add(atCell(amountCell(r)), reading.message);
        continue;
      }
      // By its amount: the sum of two or more cost rows since the previous heading or subtotal.
      const bySum = (unheaded || section !== undefined || subtotals.length > 0) && group.length >= 2 && reading.amount === groupSum;
      if (isSubtotal || bySum) {
        subtotal(r, label, reading.amount, isSubtotal ? 'label' : 'sum');
        continue;
      }
      // Every field of a CSV is text: its amounts are no warning, and the workbook written from it holds them as numbers.
      const wasText = reading.fromText && !(grid.allText && numberOfAmountText(String(cellAt(grid, r, amountCol)), unit.factor) !== undefined);
      if (wasText) log.add('text-amount', "amounts held as text were read as numbers (Excel's SUM skips text)", amountCell(r));
      if (reading.subPenny) log.add('sub-penny', `amounts with fractions of a penny${unit.factor === 1 ? '' : ' (once in pounds)'} were rounded to the penny`, amountCell(r));
      runningTotal += reading.amount;
      const note = notes === undefined ? '' : labelText(cellAt(grid, r, notes)) ?? '';
      const endsOn = ends === undefined && !note ? undefined : contractEnd(ends === undefined ? undefined : [cellAt(grid, r, ends), cell(r, ends)], note ? [note, cell(r, notes as number)] : undefined);
      // Written out field by field, the rare ones only where present: a million rows are read this way.
      const row: CostRow = section || note || endsOn
        ? { sheetRow: sheetRow(r), item: label, amount: reading.amount, amountWasText: wasText, ...(section ? { section: section.label } : {}), ...(note ? { note } : {}), ...(endsOn ? { endsOn } : {}) }
        : { sheetRow: sheetRow(r), item: label, amount: reading.amount, amountWasText: wasText };
      sectionUsed = true;
      group.push(row);
      groupSum += row.amount;
      rows.push(row);
    }
    closeSection();
    return { rows, subtotals, headings, hiddenRows, runningTotal, statedTotal, end, endCounts };
  };
  // The rows by the headings and subtotals the table has; when the stated total does not tie, the
  // rows again taking a row equal to the sum of those above it for a subtotal without a heading
  // above: if the total then ties, those rows are subtotals, each named in a warning.
  const log = new WarningLog();
  let read = readRows(false, log, problems);
  const stated = read.statedTotal?.amount;
  if (problems.isEmpty && stated !== undefined && read.runningTotal !== stated) {
    const unheadedLog = new WarningLog();
    const again = readRows(true, unheadedLog, new ProblemList());
    const taken = new Set(read.subtotals.map((subtotal) => subtotal.cell));
    const found = again.subtotals.filter((subtotal) => !taken.has(subtotal.cell));
    if (found.length > 0 && again.runningTotal === stated) {
      read = again;
      warnings.addAll(unheadedLog);
      for (const subtotal of found) {
        warnings.add('subtotal-by-sum', 'rows equal to the sum of the rows above them, with no heading above, were taken for subtotals and left out of the sum, since the stated total ties only without them', subtotal.cell);
      }
    } else warnings.addAll(log);
  } else warnings.addAll(log);
  const { rows, subtotals, headings, hiddenRows, runningTotal, statedTotal, end, endCounts } = read;
  for (let r = end + 1; r < grid.values.length; r++) {
    if (isAmountLike(cellAt(grid, r, amountCol))) warnings.add('below-total', 'amounts below the total row are not part of the table', amountCell(r));
  }
  if (hiddenRows.length > 0) {
    for (const row of hiddenRows) warnings.add('hidden-rows', 'hidden or filtered-out rows were read like the others', amountCell(row - grid.top));
  }
  if (!Number.isSafeInteger(runningTotal)) problems.add(atCell(extent), 'the amounts add up to more than can be counted to the penny');
  if (rows.length === 0 && problems.isEmpty) problems.add(atCell(extent), 'no cost rows found: no row has both an item label and an amount');
  problems.throwIfAny();

  const used = [itemCol, amountCol, ...(notes === undefined ? [] : [notes]), ...(ends === undefined ? [] : [ends])];
  const range = rangeA1({
    top: sheetRow(header ?? start),
    left: grid.left + Math.min(...used),
    bottom: sheetRow(end),
    right: grid.left + Math.max(...used),
  });
  return {
    sheet: grid.sheet, range, itemColumn: grid.left + itemCol, amountColumn: grid.left + amountCol,
    headerRow: header === undefined ? undefined : sheetRow(header),
    rows, statedTotal, unit, columns, subtotals, headings,
    ...(notes === undefined ? {} : { noteColumn: grid.left + notes }),
    ...(ends === undefined ? {} : { endColumn: grid.left + ends, contractEnds: endCounts }),
    codeColumns: (layout as TableLayout).codes.map((c) => grid.left + c),
    hiddenRows,
  };
}

/**
 * The grid as a workbook written from it holds it: for a grid of text (a CSV), each amount the
 * reader read (a cost row's, a subtotal's, the stated total's) as the number it writes, so that the
 * model links to numbers; any other grid as it is. `grid` may be the whole sheet or the table's block.
 */
export function amountsAsNumbers(grid: Grid, table: Pick<CostTableInfo, 'sheet' | 'amountColumn' | 'unit' | 'subtotals' | 'statedTotal'>, rows: readonly Pick<CostRow, 'sheetRow'>[]): Grid {
  if (!grid.allText || grid.sheet !== table.sheet) return grid;
  const c = table.amountColumn - grid.left;
  const values = grid.values.slice();
  const sheetRows = [...rows.map((row) => row.sheetRow), ...table.subtotals.map((subtotal) => subtotal.sheetRow), ...(table.statedTotal ? [table.statedTotal.sheetRow] : [])];
  for (const sheetRow of sheetRows) {
    const r = sheetRow - grid.top;
    const value = values[r]?.[c];
    const number = typeof value === 'string' ? numberOfAmountText(value, table.unit.factor) : undefined;
    if (number === undefined) continue;
    const row = values[r].slice();
    row[c] = number;
    values[r] = row;
  }
  return { ...grid, values, allText: false };
}

/** Whether a subtotal agrees with the rows it covers. */
export const subtotalTies = (subtotal: Subtotal) => subtotal.amount === subtotal.sum;

function badLabel(value: CellValue): string {
  if (isUncalculated(value)) return `item label is a formula (=${value.formula}) that was never calculated`;
  return `item label is the error value ${isCellError(value) ? value.error : String(value)}`;
}

/**
 * Refuses cells merged across rows of the table over its amounts or its item labels: a merged
 * block holds one value, so the rows under its first would have none (read as rows without an
 * amount, or as headings), and the table would be misread without a word.
 */
function refuseMergedAcrossRows(grid: Grid, rows: { top: number; bottom: number }, columns: readonly (readonly [number, 'amount' | 'label'])[]): void {
  const problems = new ProblemList();
  for (const m of grid.mergedAcrossRows ?? []) {
    if (m.top > rows.bottom || m.bottom < rows.top) continue;
    const over = columns.find(([column]) => column >= m.left && column <= m.right);
    if (!over) continue;
    problems.add(atCell(`${sheetReference(grid.sheet)}!${rangeA1(m)}`),
      `cells merged across rows ${m.top} to ${m.bottom} over the ${over[1]}s: a merged block holds one value, so the rows under its first have none; unmerge it (Home, Merge & Center) and give each row its own ${over[1]}`);
  }
  problems.throwIfAny();
}
