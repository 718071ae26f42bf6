// The "VfM Cost Rows" sheet: every cost row, its amount linked to the source cell (or, where the
// source held text, the parsed value as an input with a note), its class as an input with the
// reason it was given, and the avoidable and committed split; totals at the top.
import { Analysis } from '../core/analysis';
import { MAX_ROWS, columnName, sheetReference } from '../core/cell';
import { amountCells } from '../core/cost-table';
import { formatMoney, toPounds } from '../core/money';
import { InputError } from '../core/problems';
import { DefinedName } from './plan';
import { SheetBuilder, formula, literal, num, text } from './sheet-builder';
import { FORMATS } from './styles';

export const CLASSES = ['avoidable', 'committed'] as const;

const HEADER_ROW = 6;
const FIRST_ROW = HEADER_ROW + 1;
// Columns (B holds the item)
const SOURCE = 1;
const AMOUNT = 3;
const CLASS = 4;
const REASON = 5;
const AVOIDABLE = 6;
const COMMITTED = 7;

export function costRowsSheet(name: string, analysis: Analysis, names: DefinedName[]): SheetBuilder {
  const { table, rows } = analysis;
  const last = FIRST_ROW + rows.length - 1;
  if (last > MAX_ROWS) {
    throw new InputError([{ where: `${sheetReference(table.sheet)}!${table.range}`, message: `${rows.length} cost rows do not fit on one sheet below the product's header rows (Excel has ${MAX_ROWS} rows)` }]);
  }
  const sheet = new SheetBuilder(name, names);
  const source = sheetReference(table.sheet);
  const sourceCell = amountCells(table);
  const amountColumn = columnName(table.amountColumn);

  sheet.put(1, 1, [[text(`Cost rows read from ${source}!${table.range}`)]], 'title');
  sheet.put(2, 1, [[text('Amounts link to the source cells. The class (yellow) is an input: change it and every scenario recalculates.')]], 'subtitle');

  const sum = (column: number) => formula(`SUM(${columnName(column)}${FIRST_ROW}:${columnName(column)}${last})`);
  sheet.put(3, 1, [[text('Total of the rows'), null, sum(AMOUNT), null, null, sum(AVOIDABLE), sum(COMMITTED)]], 'total', [undefined, undefined, FORMATS.money, undefined, undefined, FORMATS.money, FORMATS.money]);
  sheet.define('VfM_TotalAnnual', { row: 3, column: AMOUNT });
  sheet.define('VfM_AvoidableAnnual', { row: 3, column: AVOIDABLE });
  sheet.define('VfM_CommittedAnnual', { row: 3, column: COMMITTED });

  const stated = table.statedTotal;
  sheet.put(4, 1, [[text('Stated total in the source'), null]], 'label');
  if (stated) {
    sheet.put(4, AMOUNT, [[formula(`${source}!${amountColumn}${stated.sheetRow}`), null, text(`from ${stated.cell}`)]], 'link', [FORMATS.money]);
  } else {
    sheet.put(4, AMOUNT, [[null, null, text('the table has no total row')]], 'note');
  }
  sheet.define('VfM_StatedTotal', { row: 4, column: AMOUNT });

  sheet.put(HEADER_ROW, 1, [[
    text('Source cell'), text('Item'), text('Amount'), text('Class'), text('Reason for the class'), text('Avoidable'), text('Committed'),
  ]], 'header');

  const body = rows.map((row, i) => {
    const r = FIRST_ROW + i;
    return [
      text(sourceCell(row.sheetRow)),
      text(row.item),
      row.amountWasText ? num(toPounds(row.amount)) : formula(`${source}!${amountColumn}${row.sheetRow}`),
      text(row.class),
      text(row.reason),
      formula(`IF(D${r}=${literal('avoidable')},C${r},0)`),
      formula(`IF(D${r}=${literal('committed')},C${r},0)`),
    ];
  });
  sheet.put(FIRST_ROW, 1, body, 'label', [undefined, undefined, FORMATS.money, undefined, undefined, FORMATS.money, FORMATS.money]);
  if (rows.length > 0) {
    sheet.paint(FIRST_ROW, SOURCE, last, SOURCE, 'unit');
    sheet.paint(FIRST_ROW, AMOUNT, last, AMOUNT, 'link');
    sheet.paint(FIRST_ROW, CLASS, last, CLASS, 'input');
    sheet.paint(FIRST_ROW, REASON, last, REASON, 'note');
    sheet.paint(FIRST_ROW, AVOIDABLE, last, COMMITTED, 'calc');
    sheet.allow(FIRST_ROW, CLASS, last, CLASS, CLASSES);
  }
  rows.forEach((row, i) => {
    if (!row.amountWasText) return;
    sheet.paint(FIRST_ROW + i, AMOUNT, FIRST_ROW + i, AMOUNT, 'input');
    sheet.note(FIRST_ROW + i, AMOUNT, `${sourceCell(row.sheetRow)} holds this amount as text, which Excel's SUM skips; it was read as ${formatMoney(row.amount)} and written here as a number. Edit it here, or make the source cell a number and run again.`);
  });
  sheet.define('VfM_Amounts', { row: FIRST_ROW, column: AMOUNT }, { row: last, column: AMOUNT });
  sheet.define('VfM_Classes', { row: FIRST_ROW, column: CLASS }, { row: last, column: CLASS });
  return sheet;
}

export const COST_ROWS_LAYOUT = { widths: [16, 44, 16, 13, 56, 16, 16], freezeRows: HEADER_ROW } as const;
