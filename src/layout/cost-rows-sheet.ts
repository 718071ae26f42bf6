// The "VfM Cost Rows" sheet: every cost row, its amount linked to the source cell and rounded to the
// penny as the core reads it (or, where the source held text, the parsed value as an input with a
// note beside it saying so), and its class as an input with the reason it was given; at the top,
// the total and its avoidable and committed parts (SUMIF by class).
//
// Rounding (ARCHITECTURE.md): the core rounds each amount to the penny, half away from zero, as it
// reads it, so every link is ROUND(source,2) and the totals sum whole pence. The core rounds the
// number's shortest decimal form (100.005 is stored as 100.00499999999999545... and reads as
// 100.005, so 100.01); Excel's and LibreOffice's ROUND round the value to 15 significant digits
// first, which gives the same for every amount typed or computed to 15 digits (100.005, 0.005, 2.675,
// -0.125, 1.005; test/libreoffice/sub-penny.test.ts). They differ only for a computed value within
// about 1e-15 of a half penny whose shortest form needs 16 or 17 digits (100.00499999999998: the core
// gives 100.00, the spreadsheets 100.01).
import { Analysis } from '../core/analysis';
import { reasonWords } from '../core/classification';
import { MAX_ROWS, columnName, excelSerial, sheetReference } from '../core/cell';
import { amountCells } from '../core/cost-table';
import { formatMoney, toPounds } from '../core/money';
import { atCell, refuse } from '../core/problems';
import { NAME } from './names';
import { DefinedName, columnOf } from './plan';
import { SheetBuilder, formula, literal, num, text } from './sheet-builder';
import { FORMATS } from './styles';

export const CLASSES = ['avoidable', 'committed'] as const;

const UNIT_ROW = 7;
const HEADER_ROW = 8;
const FIRST_ROW = HEADER_ROW + 1;
// Columns: the amount links to its source cell, so the formula itself names where it came from.
const ITEM = 1;
const AMOUNT = 2;
const CLASS = 3;
const REASON = 4;
const NOTE = 5;
/** Then, where the table has them: each row's section, its note in the source, and when its contract ends. */
const EXTRA = 6;

type Row = Analysis['rows'][number];

export function costRowsSheet(name: string, analysis: Analysis, names: DefinedName[]): SheetBuilder {
  const { table, rows } = analysis;
  const last = FIRST_ROW + rows.length - 1;
  if (last > MAX_ROWS) {
    refuse(atCell(`${sheetReference(table.sheet)}!${table.range}`), `${rows.length} cost rows do not fit on one sheet below the product's header rows (Excel has ${MAX_ROWS} rows)`);
  }
  const sheet = new SheetBuilder(name, 'costRows', names);
  const source = sheetReference(table.sheet);
  const sourceCell = amountCells(table);
  const amountColumn = columnName(table.amountColumn);
  /** The amount in the source cell on `sheetRow`, in pounds (times the source's unit), rounded to the penny as the core reads it. */
  const link = (sheetRow: number) => formula(`ROUND(${source}!${amountColumn}${sheetRow}*${NAME.sourceUnit},2)`);

  sheet.put(1, 1, [[text(`Cost rows read from ${source}!${table.range}`)]], 'title');
  sheet.put(2, 1, [[text('Amounts link to the source cells, times the pounds in one of their units (row 7), rounded to the penny. The class (yellow) is an input: change it and every scenario recalculates. A blank reason means the label names no avoidable keyword, so the row is committed by default.')]], 'subtitle');

  const amounts = `${columnName(AMOUNT)}${FIRST_ROW}:${columnName(AMOUNT)}${last}`;
  const classes = `${columnName(CLASS)}${FIRST_ROW}:${columnName(CLASS)}${last}`;
  // Sums of whole pence, rounded again only to drop binary noise (0.1 + 0.2 = 0.30000000000000004).
  const part = (cls: string) => formula(`ROUND(SUMIF(${classes},${literal(cls)},${amounts}),2)`);
  sheet.put(3, ITEM, [[text('Total of the rows'), formula(`ROUND(SUM(${amounts}),2)`)]], 'total', [undefined, FORMATS.money]);
  sheet.put(4, ITEM, [[text('of which avoidable'), part('avoidable')], [text('of which committed'), part('committed')]], 'label', [undefined, FORMATS.money]);
  sheet.paint(3, AMOUNT, 5, AMOUNT, 'output');
  sheet.define('totalAnnual', { row: 3, column: AMOUNT });
  sheet.define('avoidableAnnual', { row: 4, column: AMOUNT });
  sheet.define('committedAnnual', { row: 5, column: AMOUNT });

  const stated = table.statedTotal;
  sheet.put(6, ITEM, [[text('Stated total in the source')]], 'label');
  if (stated) {
    // A stated total held as text (£1,000.00) reads as its number through ROUND, as the core reads it.
    sheet.put(6, AMOUNT, [[link(stated.sheetRow)]], 'link', [FORMATS.money]);
    sheet.put(6, CLASS, [[text(`from ${stated.cell}`)]], 'note');
  } else {
    sheet.put(6, CLASS, [[text('none: the table has no total row')]], 'note');
  }
  sheet.define('statedTotal', { row: 6, column: AMOUNT });
  const unit = table.unit;
  sheet.put(UNIT_ROW, ITEM, [[text('Pounds in one unit of the source amounts'), num(unit.factor)]], 'label', [undefined, FORMATS.whole]);
  sheet.paint(UNIT_ROW, AMOUNT, UNIT_ROW, AMOUNT, 'input');
  sheet.put(UNIT_ROW, CLASS, [[text(unit.cell ? `${unit.label}, stated in ${unit.cell}` : 'no unit stated: pounds')]], 'note');
  sheet.define('sourceUnit', { row: UNIT_ROW, column: AMOUNT });

  // The columns the table has beyond item and amount: its sections, its notes, its contract ends.
  // Every table has the contract ends column: an input, blank where a contract runs on.
  const extras = ([
    ['Section', (row: Row) => (row.section === undefined ? null : text(row.section)), undefined],
    ['Note in the source', (row: Row) => (row.note === undefined ? null : text(row.note)), undefined],
    ['Contract ends', (row: Row) => (row.endsOn === undefined ? null : num(excelSerial(row.endsOn))), FORMATS.date],
  ] as const).filter(([header, value]) => header === 'Contract ends' || rows.some((row) => value(row) !== null));
  sheet.printTitles(HEADER_ROW);
  sheet.put(HEADER_ROW, ITEM, [[text('Item'), text('Amount'), text('Class'), text('Reason for the class'), text('Note'), ...extras.map(([header]) => text(header))]], 'header');

  // One block a column, each in its own style, so that every cell is written once; each cell is
  // made as the host writes it, so that a million rows are never held in the plan.
  sheet.put(FIRST_ROW, ITEM, columnOf(rows, (row) => text(row.item)), 'label');
  sheet.put(FIRST_ROW, AMOUNT, columnOf(rows, (row) => row.amountWasText ? num(toPounds(row.amount)) : link(row.sheetRow)), 'link', [FORMATS.money]);
  sheet.put(FIRST_ROW, CLASS, columnOf(rows, (row) => text(row.class)), 'input');
  // Only the reasons that say something: a keyword matched, or the user set the class.
  sheet.put(FIRST_ROW, REASON, columnOf(rows, (row) => row.reason.by === 'default' ? null : text(reasonWords(row.reason))), 'note');
  if (rows.length > 0) sheet.allow(FIRST_ROW, CLASS, last, CLASS, CLASSES);
  // An amount that was text: written as its number, marked as an input, with a note beside it.
  const note = (row: Row) =>
    `${sourceCell(row.sheetRow)} holds this amount as text, which Excel's SUM skips; it was read as ${formatMoney(row.amount)}. Edit it here, or make the source cell a number and run again.`;
  sheet.put(FIRST_ROW, NOTE, columnOf(rows, (row) => row.amountWasText ? text(note(row)) : null), 'note');
  rows.forEach((row, i) => {
    if (row.amountWasText) sheet.paint(FIRST_ROW + i, AMOUNT, FIRST_ROW + i, AMOUNT, 'input');
  });
  extras.forEach(([header, value, format], i) => {
    const ends = header === 'Contract ends';
    sheet.put(FIRST_ROW, EXTRA + i, columnOf(rows, (row) => value(row)), ends ? 'input' : 'note', [format]);
    if (ends) sheet.define('contractEnds', { row: FIRST_ROW, column: EXTRA + i }, { row: last, column: EXTRA + i });
  });
  sheet.define('items', { row: FIRST_ROW, column: ITEM }, { row: last, column: ITEM });
  sheet.define('amounts', { row: FIRST_ROW, column: AMOUNT }, { row: last, column: AMOUNT });
  sheet.define('classes', { row: FIRST_ROW, column: CLASS }, { row: last, column: CLASS });
  return sheet;
}

/** The cells of the amounts of the cost rows `first` to `last` (0-based, in the analysis's order) on the cost-rows sheet. */
export function amountsOfRows(costRowsSheet: string, first: number, last: number): string {
  return `${sheetReference(costRowsSheet)}!${columnName(AMOUNT)}${FIRST_ROW + first}:${columnName(AMOUNT)}${FIRST_ROW + last}`;
}

export const COST_ROWS_LAYOUT = { widths: [44, 16, 13, 44, 60, 30, 40, 14], freezeRows: HEADER_ROW, classColumn: columnName(CLASS), reasonColumn: columnName(REASON) } as const;
