// Finding and reading the cost table on a sheet: title rows above it, an optional header row,
// blank rows inside it, and a total row whose label starts with "Total". An explicit range is read
// the same way, within its bounds.
import { AmountReading, isAmountLike, readAmount } from './amount';
import { CellValue, Grid, columnCells, columnName, isCellDate, isCellError, isUncalculated, rangeA1, sheetReference } from './cell';
import { Money } from './money';
import { ProblemList, WarningLog, atCell } from './problems';

export interface CostRow {
  /** The sheet row the cost is on; `amountCells(table)(sheetRow)` is its amount's cell. */
  readonly sheetRow: number;
  readonly item: string;
  readonly amount: Money;
  /** The amount was text in the sheet (Excel's SUM skips it). */
  readonly amountWasText: boolean;
}

export interface StatedTotal {
  readonly cell: string;
  readonly sheetRow: number;
  readonly amount: Money;
}

/** Where the table is, without its rows. */
export interface CostTableInfo {
  readonly sheet: string;
  /** The table's block in A1 form, from its first row (header, if any) to its last (total, if any). */
  readonly range: string;
  readonly itemColumn: number;
  readonly amountColumn: number;
  readonly headerRow?: number;
  readonly statedTotal?: StatedTotal;
}

export interface CostTable extends CostTableInfo {
  readonly rows: readonly CostRow[];
}

/** The address of the amount cell on a sheet row of the table, e.g. `Costs!B5`. */
export function amountCells(table: Pick<CostTableInfo, 'sheet' | 'amountColumn'>): (sheetRow: number) => string {
  return columnCells(table.sheet, table.amountColumn);
}

const TOTAL_LABEL = /^total\b/i;
// A header over the amounts says what they are: a currency, a word for money, or a year.
const AMOUNT_HEADER =
  /£|\bgbp\b|amount|cost|value|payment|paid|spend|budget|price|charge|fee|invoice|contribution|actual|forecast|estimate|\bsum\b|(?<!\d)(?:19|20)\d{2}(?!\d)/i;

const cellAt = (grid: Grid, r: number, c: number): CellValue => grid.values[r]?.[c] ?? null;

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

/** Grid column index of the amounts and of the item labels, or undefined when no column holds amounts. */
function findColumns(grid: Grid): { item: number; amount: number } | undefined {
  const width = grid.values.reduce((w, row) => Math.max(w, row.length), 0);
  const amountsIn = new Array<number>(width).fill(0);
  for (const row of grid.values) {
    for (let c = 0; c < row.length; c++) if (isAmountLike(row[c])) amountsIn[c] += 1;
  }
  let amount = -1;
  for (let c = 0; c < width; c++) if (amountsIn[c] > 0 && amountsIn[c] >= (amountsIn[amount] ?? 0)) amount = c;
  if (amount < 0) return undefined;
  // The item column: left of the amounts, the one holding the most text beside an amount.
  const labelsIn = new Array<number>(amount).fill(0);
  for (const row of grid.values) {
    if (!isAmountLike(row[amount] ?? null)) continue;
    for (let c = 0; c < amount; c++) {
      const value = row[c] ?? null;
      if (typeof value === 'string' && value.trim() !== '' && !isAmountLike(value)) labelsIn[c] += 1;
    }
  }
  let item = -1;
  for (let c = 0; c < amount; c++) if (labelsIn[c] > (labelsIn[item] ?? 0)) item = c;
  return { item: item < 0 ? Math.max(amount - 1, 0) : item, amount };
}

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

/**
 * Reads the cost rows. Throws InputError naming every bad cell; adds warnings for text amounts,
 * labelled rows without an amount, and amounts below the total row.
 */
export function readCostTable(grid: Grid, warnings: WarningLog): CostTable {
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
  const columns = findColumns(grid);
  if (!columns || columns.amount === 0) {
    problems.add(atCell(extent), columns ? 'no item labels: the amounts have no column to their left' : 'no cost rows found: no column holds amounts');
    problems.throwIfAny();
  }
  const { item: itemCol, amount: amountCol } = columns as { item: number; amount: number };
  const sheetRow = (r: number) => grid.top + r;
  const itemColumnCells = columnCells(grid.sheet, grid.left + itemCol);
  const amountColumnCells = columnCells(grid.sheet, grid.left + amountCol);
  const itemCell = (r: number) => itemColumnCells(sheetRow(r));
  const amountCell = (r: number) => amountColumnCells(sheetRow(r));
  const rowBlank = (r: number) => isBlank(cellAt(grid, r, itemCol)) && isBlank(cellAt(grid, r, amountCol));

  // The first row holding an amount; then walk up past rows with a bad amount to the header or titles.
  const first = grid.values.findIndex((row) => isAmountLike(row[amountCol] ?? null));
  let start = first;
  let headerRow: number | undefined;
  for (let r = first - 1; r >= 0; r--) {
    if (rowBlank(r)) continue;
    const amountValue = cellAt(grid, r, amountCol);
    const label = labelText(cellAt(grid, r, itemCol));
    if (isBlank(amountValue)) break; // a title
    if (typeof amountValue === 'string' && AMOUNT_HEADER.test(amountValue)) {
      headerRow = r;
      break;
    }
    if (!label && typeof amountValue === 'string') break; // a title standing in the amounts column
    start = r; // a row whose amount is bad: part of the table, reported below
  }

  // Without a total row the table ends at the last amount; labelled notes below it are not rows.
  let last = grid.values.length - 1;
  while (last > start && isBlank(cellAt(grid, last, amountCol)) && !TOTAL_LABEL.test(labelText(cellAt(grid, last, itemCol)) ?? '')) last--;

  const rows: CostRow[] = [];
  let runningTotal = 0;
  let statedTotal: StatedTotal | undefined;
  let end = last;
  for (let r = start; r <= last; r++) {
    if (rowBlank(r)) continue;
    const label = labelText(cellAt(grid, r, itemCol));
    if (label === undefined) {
      problems.add(atCell(itemCell(r)), badLabel(cellAt(grid, r, itemCol)));
      continue;
    }
    const reading: AmountReading = readAmount(cellAt(grid, r, amountCol));
    if (TOTAL_LABEL.test(label)) {
      end = r;
      if (reading.kind === 'amount') statedTotal = { cell: amountCell(r), sheetRow: sheetRow(r), amount: reading.amount };
      else if (reading.kind === 'bad') problems.add(atCell(amountCell(r)), `stated total: ${reading.message}`);
      else warnings.add('total-without-amount', 'the total row has no amount, so there is nothing to tie out to', amountCell(r));
      break;
    }
    if (reading.kind === 'empty') {
      warnings.add('row-without-amount', 'rows with an item label but no amount were skipped', amountCell(r));
      continue;
    }
    if (label === '') {
      problems.add(atCell(amountCell(r)), `amount without an item label in ${columnName(grid.left + itemCol)}${sheetRow(r)}`);
      continue;
    }
    if (reading.kind === 'bad') {
      problems.add(atCell(amountCell(r)), reading.message);
      continue;
    }
    if (reading.fromText) warnings.add('text-amount', "amounts held as text were read as numbers (Excel's SUM skips text)", amountCell(r));
    if (reading.subPenny) warnings.add('sub-penny', 'amounts with fractions of a penny were rounded to the penny', amountCell(r));
    runningTotal += reading.amount;
    rows.push({ sheetRow: sheetRow(r), item: label, amount: reading.amount, amountWasText: reading.fromText });
  }
  for (let r = end + 1; r < grid.values.length; r++) {
    if (isAmountLike(cellAt(grid, r, amountCol))) warnings.add('below-total', 'amounts below the total row are not part of the table', amountCell(r));
  }
  if (!Number.isSafeInteger(runningTotal)) problems.add(atCell(extent), 'the amounts add up to more than can be counted to the penny');
  if (rows.length === 0 && problems.isEmpty) problems.add(atCell(extent), 'no cost rows found: no row has both an item label and an amount');
  problems.throwIfAny();

  const range = rangeA1({
    top: sheetRow(headerRow ?? start),
    left: grid.left + itemCol,
    bottom: sheetRow(end),
    right: grid.left + amountCol,
  });
  return { sheet: grid.sheet, range, itemColumn: grid.left + itemCol, amountColumn: grid.left + amountCol, headerRow: headerRow === undefined ? undefined : sheetRow(headerRow), rows, statedTotal };
}

function badLabel(value: CellValue): string {
  if (isUncalculated(value)) return `item label is a formula (=${value.formula}) that was never calculated`;
  return `item label is the error value ${isCellError(value) ? value.error : String(value)}`;
}
