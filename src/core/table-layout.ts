// Which column of a table holds what (docs/conventions.md, "Columns and the header row"): the item labels, the
// amounts, codes, notes and contract ends, and which row is the header. Decided by header words and
// by content, never by position alone: codes are whole numbers of one width (4001, 4002...), amounts
// are money, labels are words, a date is never an amount, and a header row is never a cost row,
// whatever its cells hold.
import { isAmountLike } from './amount';
import { CellValue, Grid, isCellDate, percentIn } from './cell';
import { END_HEADER } from './contract-end';
import { isUnitAlone, unitIn } from './units';

export interface TableLayout {
  /** Grid column indexes (0-based within the grid). */
  readonly label: number;
  /** The columns holding amounts, left to right: one to read, the others passed over. */
  readonly amounts: readonly number[];
  readonly codes: readonly number[];
  readonly notes?: number;
  readonly ends?: number;
  /** The grid row of the header, if the table has one. */
  readonly header?: number;
  /** The grid row of the first cost row (or row with a bad amount) under the header. */
  readonly first: number;
}

/** A label that totals the table: `Total`, `Grand total`, `Total contracts`. */
export const TOTAL_LABEL = /^(?:grand\s+)?total\b/i;
const CODE_HEADER = /\bcodes?\b|\bcost\s*cent(?:re|er)s?\b|\bcc\b|\bref(?:erence)?\b|\baccount\b|\bledger\b|\bgl\b|\bno\.?$|\bnumber\b|(?:\b|_)id\b/i;
const NOTE_HEADER = /\bnotes?\b|\bcomments?\b|\bremarks?\b|\bdetails?\b|\bexplanation\b/i;
/** Words a header row puts over the item labels: the whole label ("Item", "Service description"), not a cost's name ("Contract hire"). */
const LABEL_HEADER = /^(?:items?|descriptions?|services?|costs?|details?|headings?|lines?|contracts?|suppliers?|category|categories|names?|expenditure|budget\s+(?:lines?|heads?)|elements?|particulars)(?:\s+(?:descriptions?|names?|details?|headings?|items?))?\s*:?$/i;
// A header over the amounts says what they are: a currency, a word for money, or a year.
export const AMOUNT_HEADER =
  /£|\bgbp\b|amount|cost|value|payment|paid|spend|budget|price|charge|fee|invoice|contribution|actual|forecast|estimate|\bsum\b|\bnet\b|\bvat\b|\bgross\b|(?<!\d)(?:19|20)\d{2}(?!\d)/i;

const cellAt = (grid: Grid, r: number, c: number): CellValue => grid.values[r]?.[c] ?? null;
const text = (value: CellValue) => (typeof value === 'string' ? value.trim() : '');
/** A code: letters then digits, or digits alone (`CC4001`, `A-100`, `4001`). */
const codeLike = (value: string) => /^[A-Za-z]{0,4}[-/ ]?\d+[A-Za-z]?$/.test(value);
/** Text with a letter that is no code: a word-like label, unless it is also an amount. */
const wordish = (value: CellValue) => typeof value === 'string' && /\p{L}/u.test(value) && !codeLike(value.trim());
/** A word-like label: has a letter, is no code and no amount. */
const wordLike = (value: CellValue) => wordish(value) && !isAmountLike(value);
/** A year as a header writes it: a whole number from 1900 to 2100. */
const yearLike = (value: CellValue) => typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2100;

/**
 * Whether a row reads as a header: over the amount columns, words that head columns (a money word,
 * a unit, a year, "code", "notes", "end date"), at least one of them over money. A year written as a
 * number heads a column only under a header word or nothing in the label column ("Item | 2012"), since
 * "Printing | 2012" is a cost.
 */
export function isHeaderRow(grid: Grid, r: number, label: number, amounts: readonly number[]): boolean {
  // Most rows are cost rows: a number over the amounts that is no year settles it at once.
  let over = 0;
  let overMoney = false;
  for (const c of amounts) {
    const v = cellAt(grid, r, c);
    if (typeof v === 'number' && !yearLike(v)) return false;
    if (typeof v !== 'number' && text(v) === '') continue;
    over++;
    overMoney ||= yearLike(v) || headsMoney(v);
  }
  if (over === 0 || !overMoney) return false;
  const cells = amounts.map((c) => cellAt(grid, r, c)).filter((v) => typeof v === 'number' || text(v) !== '');
  if (cells.every(headsColumn)) return true;
  const labelText = text(cellAt(grid, r, label));
  const headerWord = labelText === '' || LABEL_HEADER.test(labelText) || CODE_HEADER.test(labelText);
  return headerWord && typeof cellAt(grid, r, label) !== 'number' && cells.every((v) => headsColumn(v) || yearLike(v));
}

/** A header over money: a money word or a unit, and no amount. */
const headsMoney = (v: CellValue) => typeof v === 'string' && !isAmountLike(v) && (AMOUNT_HEADER.test(v) || unitIn(v) !== undefined);
/** A header over any column the reader knows: money, codes, notes or contract ends. */
const headsColumn = (v: CellValue) => headsMoney(v) || (typeof v === 'string' && !isAmountLike(v) && [CODE_HEADER, NOTE_HEADER, END_HEADER].some((words) => words.test(v)));

/** Words that stand in for an amount not known yet (`tbc`, `n/a`): a cost row's, never a header's. */
const STAND_IN = /^(?:tb[ac]|to be (?:confirmed|agreed)|n\/?a|nil|none|unknown|pending|see (?:notes?|below|above))\.?$/i;

/** Words that can head a column: text with a letter or a currency sign, that is no amount and no stand-in for one. */
const headerWords = (v: CellValue) => typeof v === 'string' && /[\p{L}£$€]/u.test(v) && !isAmountLike(v) && !STAND_IN.test(v.trim());

/**
 * Whether a row's cells over the labels and the amounts are words, whatever the words (`Total`,
 * `Amount`, `£`, `Spending CLEAN`): nothing over the amounts but words, at least one of them, and
 * words or nothing over the labels. Directly above the first amount, such a row is the header.
 */
function wordsOver(grid: Grid, r: number, label: number, amounts: readonly number[]): boolean {
  const labelCell = cellAt(grid, r, label);
  if (!(headerWords(labelCell) || (typeof labelCell !== 'number' && text(labelCell) === '' && !isCellDate(labelCell)))) return false;
  let words = 0;
  for (const c of amounts) {
    const v = cellAt(grid, r, c);
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    if (!headerWords(v)) return false;
    words++;
  }
  return words > 0;
}

/** Whether a header names money (a money word or a unit) and not codes. */
const moneyHeader = (header: string) => header !== '' && !CODE_HEADER.test(header) && (AMOUNT_HEADER.test(header) || unitIn(header) !== undefined);

/** Whether every cell of a header row over the amounts that holds anything is a unit alone (`£000`): a unit row. */
function unitsAlone(grid: Grid, r: number, amounts: readonly number[]): boolean {
  const over = amounts.map((c) => cellAt(grid, r, c)).filter((v) => v !== null && text(v) !== '');
  return over.length > 0 && over.every((v) => typeof v === 'string' && isUnitAlone(v));
}

/** The table's layout, or undefined when no column holds amounts beside item labels. */
export function tableLayout(grid: Grid): TableLayout | undefined {
  const width = grid.values.reduce((w, row) => Math.max(w, row.length), 0);
  const columns = Array.from({ length: width }, (_, c) => c);
  // Which cells read as amounts, worked out once: every rule below asks.
  const amountAt = new Uint8Array(grid.values.length * width);
  const lastAmount = new Int32Array(grid.values.length).fill(-1); // the rightmost column of each row holding an amount
  const percentAt = percentIn(grid); // a share, never an amount
  grid.values.forEach((row, r) => row.forEach((value, c) => {
    if (!isAmountLike(value) || percentAt(r, c)) return;
    amountAt[r * width + c] = 1;
    lastAmount[r] = c;
  }));
  const isAmount = (r: number, c: number) => amountAt[r * width + c] === 1;

  // The item labels: the column with the most word-like labels beside an amount to their right; a
  // column of codes only when there are no words.
  const amountLike = columns.map((c) => grid.values.reduce((n, _, r) => n + (isAmount(r, c) ? 1 : 0), 0));
  const besideAmount = (r: number, c: number) => lastAmount[r] > c;
  /** A word-like label in a cell: the amounts already known, so none is read twice. */
  const wordAt = (r: number, c: number) => !isAmount(r, c) && wordish(cellAt(grid, r, c));
  const labelScore = (c: number, test: (r: number) => boolean) => grid.values.reduce((n, _, r) => n + (besideAmount(r, c) && test(r) ? 1 : 0), 0);
  let label = best(columns, (c) => labelScore(c, (r) => wordAt(r, c)));
  if (label === undefined) label = best(columns, (c) => labelScore(c, (r) => { const v = cellAt(grid, r, c); return v !== null && text(v) !== '' || typeof v === 'number' || isCellDate(v); }));
  if (label === undefined) return undefined;

  // Amount candidates: right of the labels, holding amounts.
  const right = columns.filter((c) => c > label && amountLike[c] > 0);
  if (right.length === 0) return undefined;
  const first = grid.values.findIndex((_, r) => right.some((c) => isAmount(r, c)) && !isHeaderRow(grid, r, label, right));
  if (first < 0) return undefined;
  // Up from the first amount: blank rows, rows whose amount is bad (part of the table, refused by
  // the reader), labels without amounts (section headings when a header is above them, else
  // titles), to the header or the titles. A header of units alone ("£000") under a header of words
  // or years is the table's unit row: the header is the row above it. A header is first sought by
  // the words that head columns; failing that, the row nearest above the first amount whose cells
  // over the labels and amounts are words is the header, whatever the words.
  const walkUp = (isHeader: (r: number) => boolean) => {
    let header: number | undefined;
    let start = first;
    let heading: number | undefined;
    for (let r = first - 1; r >= 0; r--) {
      if (blankIn(grid, r, [label, ...right]) && !right.some((c) => typeof cellAt(grid, r, c) === 'number')) continue;
      if (isHeader(r)) {
        header = unitsAlone(grid, r, right) && r > 0 && isHeader(r - 1) ? r - 1 : r;
        if (heading !== undefined) start = heading;
        break;
      }
      const labelled = text(cellAt(grid, r, label)) !== '' || typeof cellAt(grid, r, label) === 'number';
      if (!labelled) break; // a title
      if (blankIn(grid, r, right)) heading = r;
      else start = r;
    }
    return { header, start };
  };
  const byWords = walkUp((r) => isHeaderRow(grid, r, label, right));
  const { header, start } = byWords.header === undefined ? walkUp((r) => isHeaderRow(grid, r, label, right) || wordsOver(grid, r, label, right)) : byWords;
  const headerText = (c: number) => (header === undefined ? '' : text(cellAt(grid, header, c)) || String(cellAt(grid, header, c) ?? ''));
  const below = (c: number, test: (value: CellValue) => boolean) => grid.values.reduce((n, row, r) => n + (r >= start && test(row[c] ?? null) ? 1 : 0), 0);
  const amountsBelow = columns.map((c) => grid.values.reduce((n, _, r) => n + (r >= start && isAmount(r, c) ? 1 : 0), 0));

  // Codes: headed as codes, or whole numbers all of one width beside a column of money, with none
  // on a total row (a total sums money, not codes); a column headed as money is money. Left of the
  // labels, a column of codes (`CC01`, `4001`) is named too.
  const totals = grid.values.map((_, r) => r >= start && TOTAL_LABEL.test(text(cellAt(grid, r, label))));
  const wholeOfWidth = (c: number) => {
    if (moneyHeader(headerText(c))) return false;
    let width = 0;
    let seen = 0;
    for (let r = start; r < grid.values.length; r++) {
      const value = cellAt(grid, r, c);
      if (typeof value !== 'number') continue;
      if (!Number.isInteger(value) || value < 0 || totals[r]) return false;
      const digits = value === 0 ? 1 : Math.floor(Math.log10(value)) + 1;
      if (seen++ === 0) width = digits;
      else if (digits !== width) return false;
    }
    return seen >= 2 && width >= 3;
  };
  const codes = right.filter((c) => CODE_HEADER.test(headerText(c)) || (wholeOfWidth(c) && right.some((o) => o !== c && !wholeOfWidth(o) && !CODE_HEADER.test(headerText(o)))));
  const money = right.filter((c) => !codes.includes(c) && !END_HEADER.test(headerText(c)) && below(c, isCellDate) < amountsBelow[c]);
  // A column is read for amounts when it holds them on at least half the rows the fullest one does.
  const most = Math.max(0, ...money.map((c) => amountsBelow[c]));
  const amounts = money.filter((c) => amountsBelow[c] * 2 >= most);
  if (amounts.length === 0) return undefined;
  const codesLeft = columns.filter((c) => c < label && (CODE_HEADER.test(headerText(c)) || codesIn(c)));

  const others = columns.filter((c) => c !== label && !amounts.includes(c) && !codes.includes(c));
  const ends = others.find((c) => END_HEADER.test(headerText(c)));
  const notes = others.find((c) => c !== ends && (NOTE_HEADER.test(headerText(c)) || (c > label && below(c, wordLike) > 0 && !money.includes(c))));
  return { label, amounts, codes: [...codesLeft, ...codes], ...(notes === undefined ? {} : { notes }), ...(ends === undefined ? {} : { ends }), ...(header === undefined ? {} : { header }), first: start };

  /** Whether the cells of a column beside the cost rows are all codes, two or more of them. */
  function codesIn(c: number): boolean {
    const values = grid.values.map((row) => row[c] ?? null)
      .filter((value, r) => r >= start && (typeof value === 'number' || text(value) !== '') && amounts.some((a) => isAmount(r, a)));
    const code = (v: CellValue) => (typeof v === 'number' ? Number.isInteger(v) && v >= 0 : codeLike(text(v)));
    return values.length >= 2 && values.every(code);
  }

  function best(candidates: readonly number[], score: (c: number) => number): number | undefined {
    let chosen: number | undefined;
    let top = 0;
    for (const c of candidates) {
      const s = score(c);
      if (s > top) [chosen, top] = [c, s];
    }
    return chosen;
  }
}

/** Whether a grid row holds nothing in the given columns. */
export function blankIn(grid: Grid, r: number, columns: readonly number[]): boolean {
  return columns.every((c) => {
    const value = cellAt(grid, r, c);
    return value === null || (typeof value === 'string' && value.trim() === '');
  });
}

export { cellAt };
