// The "VfM Audit" sheet: what the run read and assumed, as values fixed at the run: the product's
// version, when it ran, the source and a fingerprint of its values, every assumption with where
// it came from, the classes, the checks and the warnings.
import { Analysis } from '../core/analysis';
import { ASSUMPTION_TABLE, said } from '../core/assumption-table';
import { AssumptionName } from '../core/assumptions';
import { isoDate } from '../core/calendar-date';
import { AmountColumn } from '../core/amount-columns';
import { columnName, sheetReference } from '../core/cell';
import { CostTableInfo, subtotalTies } from '../core/cost-table';
import { quote } from '../core/limits';
import { formatMoney, pence } from '../core/money';
import { describeWarning } from '../core/problems';
import { STAMPED_CELLS } from './fingerprint';
import { RUN_LOG_HEADINGS, runLogRows } from './run-log';
import { FORMATS } from './styles';
import { COST_ROWS_LAYOUT } from './cost-rows-sheet';
import { Content, DefinedName } from './plan';
import { SheetBuilder, text } from './sheet-builder';

export interface RunFacts {
  readonly product: string;
  readonly version: string;
  /** When the run happened, as the face read the clock (ISO 8601). */
  readonly ranAt: string;
  /** The source workbook as the user named it, if it is a file. */
  readonly sourceFile?: string;
  readonly fingerprint: string;
  /** The source's cells that held something, with their values, so that a change can be named cell by cell; none for a table too large. */
  readonly sourceCells?: readonly { readonly address: string; readonly value: string }[];
  /** The log's rows of the runs before, as the workbook held them. */
  readonly previousRuns?: readonly (readonly unknown[])[];
}

export function auditSheet(name: string, analysis: Analysis, run: RunFacts, costRowsSheet: string, names: DefinedName[]): SheetBuilder {
  const sheet = new SheetBuilder(name, 'audit', names);
  const { table, assumptions: a, assumptionSources: sources } = analysis;
  let row = 1;
  /** Writes a section; returns the row of its first line. */
  const section = (title: string, header: string[] | null, lines: string[][]): number => {
    row++;
    sheet.put(row++, 1, [[text(title)]], 'heading');
    if (header) sheet.put(row++, 1, [header.map(text)], 'header');
    const contents: Content[][] = lines.map((line) => line.map(text));
    sheet.put(row, 1, contents, 'label');
    if (contents.length > 0) sheet.paint(row, 1, row + contents.length - 1, 1, 'unit');
    row += contents.length;
    return row - contents.length;
  };

  sheet.put(row++, 1, [[text('Audit trail of the run')]], 'title');
  sheet.put(row++, 1, [[text(`What the run read and assumed, fixed at the run. The inputs on the scenario sheet may have changed since.`)]], 'subtitle');

  const stated = table.statedTotal;
  const tie = analysis.tieOut;
  const RAN_AT = 'Run on (UK time, with its offset from UTC)';
  const SOURCE = 'Source sheet and range';
  const FINGERPRINT = 'Fingerprint of the source values (SHA-256)';
  const runLines = [
    ['Product', `${run.product} ${run.version}`],
    [RAN_AT, run.ranAt],
    ...(run.sourceFile ? [['Source workbook', run.sourceFile]] : []),
    [SOURCE, `${sheetReference(table.sheet)}!${table.range}`],
    ...readerChoices(table),
    ['Cost rows read', String(analysis.rows.length)],
    [FINGERPRINT, run.fingerprint],
    ['Total of the rows', formatMoney(analysis.computedTotal)],
    ['Stated total', stated ? `${formatMoney(stated.amount)} in ${stated.cell}` : 'none: the table has no total row'],
    ['Tie-out', tie.status === 'mismatch'
      ? `mismatch: the rows come to ${formatMoney(pence(Math.abs(tie.difference)))} ${tie.difference > 0 ? 'more' : 'less'} than the stated total`
      : tie.status],
  ];
  const runRow = section('Run', null, runLines);
  const lineOf = (label: string) => ({ row: runRow + runLines.findIndex(([words]) => words === label), column: 2 });
  sheet.define('ranAt', lineOf(RAN_AT));
  sheet.define('sourceRange', lineOf(SOURCE));
  sheet.define('fingerprint', lineOf(FINGERPRINT));

  /** An assumption's line: its label and value in the table's words, and where the value came from. */
  const line = <K extends AssumptionName>(name: K, value: string = said(name, a[name])): string[] => {
    const row = ASSUMPTION_TABLE[name];
    return [row.label, value, sources[name] === 'default' && row.authority ? `default: ${row.authority}` : sources[name]];
  };
  const fields = ASSUMPTION_TABLE.partners.fields ?? {};
  section('Assumptions used', ['Assumption', 'Value', 'Source'], [
    line('baseYear'),
    line('noticeServedOn'),
    line('noticeMonths'),
    ['Notice expires', isoDate(analysis.savings.noticeExpiresOn), 'calculated'],
    line('fyStartMonth'),
    line('horizonYears'),
    line('indexation'),
    line('discountRate'),
    line('prices'),
    line('gdpDeflator'),
    line('sharing'),
    [fields.inBaseYear.label, a.partners.inBaseYear === undefined ? 'not given' : String(a.partners.inBaseYear), sources.partners],
    ...a.partners.leavers.map((leaver) => ['Partner leaving', `${leaver.name} on ${isoDate(leaver.leavesOn)}`, sources.partners]),
    ...[...a.overrides.values()].map((override) => ['Class set by the user', `${override.label}: ${override.class}`, 'given']),
  ]);

  const count = (predicate: (row: Analysis['rows'][number]) => boolean) => String(analysis.rows.filter(predicate).length);
  section('Classes', null, [
    ['Avoidable rows', count((r) => r.class === 'avoidable')],
    ['Committed rows', count((r) => r.class === 'committed')],
    ['Rows whose class the user set', count((r) => r.reason.by === 'user')],
    ['Each row\'s class and reason', `${sheetReference(costRowsSheet)} columns ${COST_ROWS_LAYOUT.classColumn} and ${COST_ROWS_LAYOUT.reasonColumn} (a blank reason: committed by default)`],
  ]);

  section('Checks at the run', ['Check', 'Passed', 'Detail'], analysis.checks.map((check) => [check.name, check.ok ? 'yes' : 'NO', check.detail]));
  section('Warnings at the run', null, analysis.warnings.length === 0 ? [['none']] : analysis.warnings.map((w) => [w.code, describeWarning(w)]));

  // The log of runs: the earlier rows as they were, and this run's.
  row++;
  sheet.put(row++, 1, [[text('Runs, oldest first (earlier rows are kept as they were)')]], 'heading');
  sheet.put(row++, 1, [RUN_LOG_HEADINGS.map(text)], 'header');
  const log = runLogRows(run.previousRuns ?? [], run, analysis);
  sheet.put(row, 1, log.map((cells) => cells.slice(0, -1)), 'label', [undefined, undefined, undefined, FORMATS.money]);
  sheet.put(row, RUN_LOG_HEADINGS.length, log.map((cells) => cells.slice(-1)), 'wrapped');
  sheet.define('runLog', { row, column: 1 }, { row: row + log.length - 1, column: RUN_LOG_HEADINGS.length });
  row += log.length;

  // The source as it was, cell by cell, for verification to say what changed (all text, as stamped).
  const stamped = run.sourceCells ?? [];
  const first = section('Source values at the run', ['Cell', 'Value'], stamped.length > 0 ? stamped.map((c) => [c.address, c.value])
    : [['', `too many cells to list (more than ${STAMPED_CELLS.toLocaleString('en-GB')}): the fingerprint above stands for them`]]);
  if (stamped.length > 0) {
    // The longest list: printed, each page of it has its headings.
    sheet.printTitles(first - 1);
    sheet.define('sourceCells', { row: first, column: 1 }, { row: first + stamped.length - 1, column: 1 });
    sheet.define('sourceValues', { row: first, column: 2 }, { row: first + stamped.length - 1, column: 2 });
  }
  return sheet;
}

/** What the reader made of the table, each choice stated (docs/conventions.md, "Guesses are never silent"). */
function readerChoices(table: CostTableInfo): string[][] {
  const { unit, columns } = table;
  const column = (c: AmountColumn) => `${c.letter}${c.header ? ` ${quote(c.header)}` : ''}`;
  const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.join('; '));
  return [
    ['Unit of the amounts', unit.cell ? `${unit.label}, stated in ${unit.cell}: each amount times ${unit.factor.toLocaleString('en-GB')}` : 'pounds: the table states no unit'],
    ['Amount column read', `${column(columns.chosen)}: ${columns.by}${columns.others.length > 0 ? `; passed over ${columns.others.map(column).join(', ')}` : ''}`],
    ['Subtotals left out of the sum', list(table.subtotals.map((s) => `${quote(s.label)} in ${s.cell}${subtotalTies(s) ? '' : ' (does not agree with its rows)'}`))],
    ['Section headings', list(table.headings.map((h) => `${quote(h.label)} in ${h.cell}`))],
    ...(table.codeColumns.length > 0 ? [['Code columns, not amounts', table.codeColumns.map(columnName).join(', ')]] : []),
    ['Hidden or filtered-out rows, read like the others', table.hiddenRows.length === 0 ? 'none' : table.hiddenRows.join(', ')],
  ];
}

/** Columns A to C hold the sections; D to G the rest of the log of runs. */
export const AUDIT_LAYOUT = { widths: [40, 70, 48, 14, 10, 66, 60] } as const;
