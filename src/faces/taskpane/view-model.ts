// What the pane shows, derived from the state in words: pure, no DOM. The views (rows-view.ts,
// form-view.ts, results-view.ts, status-view.ts) only put this on the page.
import { parseIsoDate } from '../../core/calendar-date';
import { DateOrder, readDateText } from '../../core/date-text';
import { ChosenBy, describeColumn } from '../../core/amount-columns';
import { columnCells, columnName, sheetReference } from '../../core/cell';
import { CHECKS, Check } from '../../core/checks';
import { CostClass, reasonWords } from '../../core/classification';
import { CostTableInfo, subtotalTies } from '../../core/cost-table';
import { fyLabel } from '../../core/financial-year';
import { headline } from '../../core/headline';
import { describeWarning, problemLines } from '../../core/problems';
import { visible } from '../../core/visible';
import { inputValueWords } from '../../core/headline';
import { ZERO } from '../../core/money';
import { keyInput, keyInputHeading } from '../../core/key-inputs';
import type { GroupedBars } from './chart';
import type { Tornado } from './tornado-chart';
import { isOnTable } from './check';
import { DATE_EXAMPLES, FieldName, dateFields, dateProblem, fieldOf, formDateOrder, fieldText, inFormWords, percentFieldOf, percentProblem, percentQuestion } from './form';
import { Words, wordsFor } from './format';
import { Calculation, Failure, Repair, State, Task } from './model';
import { PRODUCT } from '../../app/product';
import { type ResultDifference, sinceRunWords } from '../../app/verify';
import { NAME, NAMES } from '../../layout/names';
import { pence } from '../../core/money';
import { EXCEL_API_VERSION } from '../../hosts/office/excel-access';
import type { Analysis } from '../../core/analysis';

export const ROWS_SHOWN = 200;

export interface RowView {
  /** The id of the row's class control. */
  readonly id: string;
  readonly item: string;
  /** The cell of its amount, e.g. `Costs!B4`. */
  readonly cell: string;
  readonly amount: string;
  readonly class: CostClass;
  /** Why it has its class, unless it is committed by default. */
  readonly reason?: string;
}

/** The amount columns to choose from, when the table has several. */
export interface ColumnPicker {
  readonly options: readonly { readonly value: string; readonly text: string }[];
  /** The letter of the column read; none while the officer has to choose. */
  readonly chosen?: string;
}

export type RowsView =
  | { readonly kind: 'not read' }
  /** Read, but the table cannot be used: its problems show above (and the columns, when one is to be chosen). */
  | { readonly kind: 'unusable'; readonly columns?: ColumnPicker }
  | {
    readonly kind: 'rows'; readonly summary: string; readonly tie: { readonly text: string; readonly mismatch: boolean };
    /** What the reader made of the table: the unit, the column, subtotals, sections, codes. */
    readonly reading: readonly string[];
    readonly columns?: ColumnPicker;
    readonly warnings: readonly string[]; readonly rows: readonly RowView[]; readonly more?: string;
  };

export interface FieldMessages {
  /** What is wrong with a field, in its own words. */
  readonly errors: Readonly<Partial<Record<FieldName, string>>>;
  /** A question about a rate field that reads like a fraction: not a block. */
  readonly questions: Readonly<Partial<Record<FieldName, string>>>;
  /** Each date field's date in words, as it was read ("19 October 2012"); none while it is empty or not a date. */
  readonly dates: Readonly<Partial<Record<FieldName, string>>>;
}

export type ResultsView =
  | { readonly kind: 'none' }
  | { readonly kind: 'stale'; readonly stale: boolean; readonly note: string }
  | {
    readonly kind: 'written'; readonly note: string;
    /** The answer in a sentence: the preferred way, its NPV, and what would change that. */
    readonly answer: string;
    readonly headline: readonly { term: string; value: string; ok?: boolean }[];
    /** Excel's own calculation of the model, against the product's results; absent when Excel was not asked (a run completed by a repair). */
    readonly calculation?: { readonly ok: boolean; readonly text: string };
    /** Staying and each way of withdrawing, side by side: staying first, NPV 0. */
    readonly options: readonly OptionRow[];
    readonly charts: { readonly stayWithdraw: GroupedBars; readonly options: GroupedBars; readonly tornado?: Tornado };
  };

export interface OptionRow {
  readonly name: string;
  readonly npv: string;
  readonly payback: string;
  readonly preferred: boolean;
}

export interface PaneView {
  readonly busy: boolean;
  /** Read and Generate: not while busy, nor outside Excel. */
  readonly runDisabled: boolean;
  readonly status: { readonly text: string; readonly progress: boolean };
  /** The table's problems, above the rows, and what the workbook holds meanwhile. */
  readonly problems?: { readonly lines: readonly string[]; readonly held: string };
  readonly rows: RowsView;
  readonly fields: FieldMessages;
  /** How to type a date in the document's language, beside each date field. */
  readonly dateHint: string;
  readonly results: ResultsView;
  readonly check: CheckView;
}

/** What the last check of the workbook found: sound, or each finding with the cell to go to. */
export type CheckView =
  | { readonly kind: 'none' }
  | {
    readonly kind: 'checked'; readonly summary: string; readonly sound: boolean;
    readonly findings: readonly { readonly text: string; readonly place: string; readonly cell?: string }[];
    /** The inputs against the run's, as the log of runs recorded them: apart from the findings, which are what is not as the product wrote it. */
    readonly sinceRun: { readonly summary?: string; readonly lines: readonly string[] };
  }
  /** The check could not be made: why, beside the Check button. */
  | { readonly kind: 'failed'; readonly text: string };

const TASK_WORDS: Record<Task, string> = {
  restore: 'Looking for an earlier run in this workbook…',
  read: 'Reading the workbook…',
  generate: 'Writing the scenarios into the workbook…',
  'go to sheet': 'Opening the scenarios…',
  check: 'Checking the workbook against the product\'s model…',
  'go to cell': 'Going to the cell…',
  'copy report': 'Copying the report…',
};

const languages = new Map<string | undefined, Words>();
export function wordsOf(state: State): Words {
  if (!languages.has(state.language)) languages.set(state.language, wordsFor(state.language));
  return languages.get(state.language) as Words;
}

export function view(state: State): PaneView {
  const words = wordsOf(state);
  const { onTable, more } = state.checked;
  return {
    busy: state.task !== undefined,
    runDisabled: state.task !== undefined || !state.inExcel || !state.supported,
    status: { text: statusWords(state, words), progress: state.task !== undefined },
    problems: onTable.length === 0 ? undefined : { lines: problemLines(onTable, more).map(visible), held: nothingWritten(state, words) },
    rows: rowsView(state, words),
    fields: fieldMessages(state, words),
    dateHint: dateHint(state),
    results: resultsView(state, words),
    check: checkView(state),
  };
}

/** Findings listed in the pane; the command line's --json has them all. */
export const FINDINGS_SHOWN = 50;

function checkView({ check, checkFailure }: State): CheckView {
  if (checkFailure) return { kind: 'failed', text: checkFailure.kind === 'source' ? checkFailure.message : failureWords(checkFailure, 'The workbook has not been checked.') };
  if (!check) return { kind: 'none' };
  const { findings } = check;
  const sinceRun = sinceRunWords(check);
  const calculated = check.calculated ? '' : ' It has not been calculated since it was written, so its saved results were not checked.';
  const summary = findings.length === 0
    ? `Sound: every cell of the model, every name and the source are as the product wrote them for the inputs now in it.${calculated}`
    : `${findings.length} finding${findings.length === 1 ? '' : 's'}: the workbook is not what the product wrote for the inputs now in it.${findings.length > FINDINGS_SHOWN ? ` The first ${FINDINGS_SHOWN} are listed.` : ''}${calculated}`;
  return {
    kind: 'checked', sound: findings.length === 0, summary,
    findings: findings.slice(0, FINDINGS_SHOWN).map((f) => ({
      place: f.place,
      text: `${f.message}${f.expected !== undefined ? `; expected ${f.expected}` : ''}${f.found !== undefined ? `, found ${f.found}` : ''}`,
      ...(/!\$?[A-Z]{1,3}\$?\d+$/.test(f.place) ? { cell: f.place } : {}),
    })),
    sinceRun: { ...sinceRun, lines: sinceRun.lines.map(visible) },
  };
}

function rowsView(state: State, { money, amount }: Words): RowsView {
  const a = state.checked.analysis;
  const picker = columnPicker(state);
  if (!a) return state.grid ? { kind: 'unusable', ...(picker ? { columns: picker } : {}) } : { kind: 'not read' };
  const cellOf = columnCells(a.table.sheet, a.table.amountColumn);
  const tie = a.tieOut;
  const total = money(a.computedTotal);
  return {
    kind: 'rows',
    summary: `${a.rows.length} cost rows from ${sheetReference(a.table.sheet)}!${a.table.range}. Avoidable ${money(a.annual.avoidable)} a year; committed ${money(a.annual.committed)}.`,
    tie: {
      mismatch: tie.status === 'mismatch',
      text: tie.status === 'ok' ? `Ties out to the stated total ${total}.`
        : tie.status === 'absent' ? `Total ${total}; the table has no total row to tie out to.`
        : `Does not tie out: the rows come to ${total}, the stated total is ${money(a.table.statedTotal?.amount ?? a.computedTotal)}.`,
    },
    reading: readingWords(a.table, money),
    ...(picker ? { columns: picker } : {}),
    warnings: a.warnings.map(describeWarning),
    rows: a.rows.slice(0, ROWS_SHOWN).map((row, i) => ({
      id: `class-${i}`, item: row.item, cell: cellOf(row.sheetRow), amount: amount(row.amount), class: row.class,
      ...(row.reason.by === 'default' ? {} : { reason: reasonWords(row.reason) }),
    })),
    ...(a.rows.length > ROWS_SHOWN ? { more: `Showing the first ${ROWS_SHOWN} of ${a.rows.length} rows; all of them are written to the workbook.` } : {}),
  };
}

function columnPicker(state: State): ColumnPicker | undefined {
  const columns = state.checked.columns;
  if (!columns) return undefined;
  const chosen = state.checked.analysis?.table.columns.chosen.letter;
  return { options: columns.map((c) => ({ value: c.letter, text: describeColumn(c) })), ...(chosen ? { chosen } : {}) };
}

const CHOSEN_BY: Record<ChosenBy, string> = {
  'the only one': 'the only one holding amounts',
  given: 'as chosen',
  'base year': 'headed with the base year',
  'net of VAT': 'net of VAT, as councils report costs',
};

/** What the reader made of the table, each choice said (docs/conventions.md, "Guesses are never silent"). */
function readingWords(table: CostTableInfo, money: Words['money']): string[] {
  const { unit, columns } = table;
  const said: string[] = [];
  if (unit.cell) said.push(`Amounts are in ${unit.label} (stated in ${unit.cell}), so each is multiplied by ${unit.factor.toLocaleString('en-GB')}.`);
  if (columns.others.length > 0) said.push(`Amounts read from column ${describeColumn(columns.chosen)}, ${CHOSEN_BY[columns.by]}; passed over ${columns.others.map(describeColumn).join(', ')}.`);
  if (table.subtotals.length > 0) {
    const each = table.subtotals.map((s) => `${s.label} ${money(s.amount)}${subtotalTies(s) ? '' : ` (its rows come to ${money(s.sum)})`}`);
    said.push(`Subtotals left out of the sum and checked against their rows: ${each.join('; ')}.`);
  }
  if (table.headings.length > 0) said.push(`Sections: ${table.headings.map((h) => h.label).join(', ')}.`);
  if (table.codeColumns.length > 0) said.push(`Column ${table.codeColumns.map(columnName).join(', ')} holds codes, not amounts.`);
  return said;
}

const dateOrder = (state: Pick<State, 'language'>): DateOrder => formDateOrder(state.language);

/** How to type a date, for the hint beside each date field. */
export function dateHint(state: Pick<State, 'language'>): string {
  const order = dateOrder(state);
  return `${order === 'day first' ? 'Day' : 'Month'} first: ${DATE_EXAMPLES[order]}`;
}

/**
 * Each field's first problem, in the field's words (labels for keys, percent for the rate fields,
 * what is wrong with a date for a date field), the rate questions, and each date read, in words.
 */
function fieldMessages(state: State, words: Words): FieldMessages {
  const { checked, form } = state;
  const order = dateOrder(state);
  const errors: Partial<Record<FieldName, string>> = {};
  const dates: Partial<Record<FieldName, string>> = {};
  for (const field of dateFields(form)) {
    const text = fieldText(form, field);
    const problem = dateProblem(text, order);
    if (problem) errors[field] = problem;
    const reading = text.trim() === '' ? undefined : readDateText(text, order);
    if (reading?.kind === 'date') dates[field] = words.date(reading.date);
  }
  for (const problem of checked.onFields) {
    const field = fieldOf(problem.place);
    const rate = percentFieldOf(field);
    const said = rate ? percentProblem(rate, fieldText(form, field)) : undefined;
    errors[field] ??= said ?? inFormWords(problem.message);
  }
  const questions: Partial<Record<FieldName, string>> = {};
  for (const field of ['discountRate', 'indexation', 'gdpDeflator'] as const) {
    const question = errors[field] === undefined ? percentQuestion(field, form[field]) : undefined;
    if (question) questions[field] = question;
  }
  return { errors, questions, dates };
}

/**
 * The results of the last Generate, while they match the form. Once the form or a class changes,
 * they are marked out of date, and so is the scenario sheet, until the next Generate.
 */
function resultsView(state: State, words: Words): ResultsView {
  const { written, stale } = state;
  const a = state.checked.analysis;
  if (!written?.sheet) return { kind: 'none' };
  const at = whenRan(state, words, written.ranAt);
  if (stale || !a) {
    return { kind: 'stale', stale, note: `Out of date: the form has changed since the scenarios were written ${at}. The scenario sheets still hold those; press Generate to bring them up to date.` };
  }
  const s = a.savings;
  const failing = a.checks.filter((c) => !c.ok);
  return {
    kind: 'written',
    note: `Written ${at}; the scenario sheets match the form.`,
    answer: headline(a.appraisal.options, a.appraisal.switchingValues),
    headline: [
      { term: 'Avoidable a year', value: words.money(a.annual.avoidable) },
      { term: 'Notice expires', value: words.date(s.noticeExpiresOn) },
      // The scenario sheet's: withdrawing as the notice fields say, before any costs of leaving.
      { term: `Saving over ${s.years.length} years, before costs of leaving`, value: words.money(s.totalSaving) },
      { term: 'Net present value, before costs of leaving', value: words.money(s.npv) },
      { term: 'Checks', value: failing.length === 0 ? 'All pass' : `Failing: ${failing.map(checkWords).join('; ')}`, ok: failing.length === 0 },
    ],
    ...(state.calculation ? { calculation: calculationWords(state.calculation, a, words) } : {}),
    options: optionRows(a, words),
    charts: {
      stayWithdraw: {
        id: 'chart-stay', groups: s.years.map((y) => fyLabel(y.fy)),
        series: [{ name: 'Stay', values: s.years.map((y) => y.stay) }, { name: 'Withdraw', values: s.years.map((y) => y.withdraw) }],
        description: 'Bar chart of the cost of staying and of withdrawing by financial year, in pounds a year.', caption: 'Cost of staying and of withdrawing by financial year',
      },
      options: {
        id: 'chart-options', groups: a.appraisal.model.years.map(fyLabel),
        series: a.appraisal.options.options.map((o) => ({ name: o.option.name, values: o.years.map((y) => y.netSaving) })),
        description: 'Bar chart of each way of withdrawing\'s net saving against staying, after its costs of leaving, by financial year, in pounds a year.',
        caption: 'Net saving against staying, after the costs of leaving, by financial year',
      },
      ...(a.appraisal.sensitivity.length > 0 ? { tornado: tornado(a) } : {}),
    },
  };
}

/** What Excel's own calculation of the written model gave, against the product's results. */
function calculationWords(calculation: Calculation, a: Analysis, { money }: Words): { ok: boolean; text: string } {
  if (calculation.kind === 'agrees') {
    return { ok: true, text: 'Excel\'s calculation agrees to the penny: Excel recalculated the scenarios, and the saving, its net present value and each way\'s net present value are the figures shown here.' };
  }
  if (calculation.kind === 'not calculated') {
    return { ok: false, text: `Excel did not confirm that it recalculated the scenarios (${calculation.message.replace(/[.\s]*$/, '')}), so their figures may not be up to date: press Calculate Now on the Formulas tab before relying on them.` };
  }
  const excel = (found: unknown) => (typeof found === 'number' && Number.isSafeInteger(Math.round(found * 100)) ? money(pence(Math.round(found * 100)))
    : found === '' || found === null || found === undefined ? 'empty' : visible(String(found)));
  const each = calculation.differences.map((d) => `${resultWords(d, a)} is ${excel(d.found)} in Excel and ${money(d.expected)} in ${PRODUCT.name}`);
  return {
    ok: false,
    text: `Excel's calculation disagrees with ${PRODUCT.name}: ${each.join('; ')}. The workbook's formulas do not give the product's figures: rely on neither until this is explained.`,
  };
}

/** A result in words: what its defined name means, and for an option's NPV, which option. */
function resultWords(result: ResultDifference, a: Analysis): string {
  if (result.name === NAME.optionNpvs) return `the net present value of "${visible(a.appraisal.options.options[result.index ?? 0]?.option.name ?? '')}" against staying`;
  const means = Object.values(NAMES).find((entry) => entry.name === result.name)?.means ?? result.name;
  return means.replace(/\s*\(.*\)$/, '');
}

/** Staying, then each way of withdrawing: its NPV against staying and its payback year. */
function optionRows(a: Analysis, { money }: Words): OptionRow[] {
  const { options, preferred } = a.appraisal.options;
  return [
    { name: 'Stay (business as usual)', npv: money(ZERO), payback: '', preferred: preferred === undefined },
    ...options.map((o, i) => ({ name: o.option.name, npv: money(o.npv), payback: o.paybackFy ? fyLabel(o.paybackFy) : 'none', preferred: preferred === i })),
  ];
}

/** The tornado of the option the appraisal looks at most closely: the preferred one, or the first. */
function tornado({ appraisal }: Analysis): Tornado {
  const focus = appraisal.options.options[appraisal.focus];
  return {
    option: focus.option.name, base: focus.npv,
    rows: appraisal.sensitivity.map((row) => ({
      input: keyInputHeading(keyInput(row.input)), low: inputValueWords(row.input, row.low), high: inputValueWords(row.input, row.high), npvLow: row.npvLow, npvHigh: row.npvHigh,
    })),
  };
}

/** A check as the scenario sheet words it (checks.ts). */
const checkWords = (check: Check) => CHECKS.find((c) => c.name === check.name)?.words ?? check.name;

/** What the pane says when this Excel lacks the API the add-in needs: before anything is tried. */
export const UNSUPPORTED_WORDS = `This version of Excel is too old for VfM Scenarios: it needs the Excel JavaScript API ${EXCEL_API_VERSION} (Excel 2021 or later, Microsoft 365, Excel for Mac 16.24 or later, or Excel on the web). Nothing has been read or written. Update Excel, or open the workbook in Excel on the web.`;

const REPAIR_WORDS: Record<Repair, string> = {
  'rolled back': 'The last Generate did not finish (the pane was closed or Excel stopped it), so the sheets it had begun have been removed; press Generate to write the scenarios again.',
  finished: 'The last Generate was cut short as it finished; its scenarios are complete, and the marks it had left have been removed.',
};

function statusWords(state: State, words: Words): string {
  if (state.task) return TASK_WORDS[state.task];
  if (!state.supported) return UNSUPPORTED_WORDS;
  const outcome = state.outcome;
  if (!outcome) return '';
  const repaired = 'repaired' in outcome && outcome.repaired ? `${REPAIR_WORDS[outcome.repaired]} ` : '';
  if (outcome.kind === 'repaired') return repaired.trim();
  if (outcome.kind === 'restored') return `${repaired}Restored the inputs of the last run from the scenario sheet.`;
  if (outcome.kind === 'restore refused') return `${repaired}The scenario sheet holds inputs that no longer validate; starting from the defaults.`;
  if (outcome.kind === 'copied') return 'Copied the Financial Implications text and its tables: paste it into the committee report.';
  if (outcome.kind === 'copy refused') return `The clipboard refused the text (${outcome.reason}). The VfM Report sheet holds the same words to copy from.`;
  return failureWords(outcome.failure, nothingWritten(state, words));
}

/** Why a task did nothing, in the pane's words; `nothing` says what the workbook holds meanwhile. */
function failureWords(failure: Failure, nothing: string): string {
  switch (failure.kind) {
    case 'input': return failure.problems.some(isOnTable) ? '' : `Correct the assumptions marked above. ${nothing}`;
    case 'source': return `${failure.message} ${nothing}`;
    case 'editing': return `Excel is editing a cell, so it could not be read or changed. ${nothing} Finish editing the cell (press Enter or Esc), then try again.`;
    case 'locked': return failure.why === 'read only'
      ? `This workbook is open read-only (in Excel on the web, for viewing), so the scenarios cannot be written. ${nothing} Switch to Editing, or save a copy you can edit, then Generate again.`
      : `This workbook's structure is protected, so VfM Scenarios cannot add its sheets. ${nothing} Unprotect it (Review > Protect Workbook, giving the password if asked), then Generate again.`;
    case 'denied': return `Excel refused the change: a sheet or the workbook is protected, or the workbook is open read-only. ${nothing} Unprotect it on the Review tab (Unprotect Sheet, or Protect Workbook), or open the workbook for editing, then try again.`;
    case 'busy': return `Excel was busy and did not take the request after ${failure.attempts} tries. ${nothing} Wait a moment, then try again.`;
    case 'old excel': return `This version of Excel lacks a feature VfM Scenarios needs (the Excel JavaScript API ${EXCEL_API_VERSION}). ${nothing} Update Excel, or open the workbook in Excel on the web.`;
    // Excel's own messages end with a full stop; a thrown error's may not.
    case 'excel': return `Excel reported a problem: ${failure.message.replace(/[.\s]*$/, '')}. ${nothing}`;
  }
}

/** "at 10:42", or "at 10:42 on 30 November 2026" for a run on another day. */
function whenRan({ today }: State, words: Words, ranAt: string): string {
  const time = words.timeOf(ranAt);
  const day = parseIsoDate(ranAt.slice(0, 10));
  if (!time || !day) return `at ${ranAt}`;
  const sameDay = day.year === today.year && day.month === today.month && day.day === today.day;
  return sameDay ? `at ${time}` : `at ${time} on ${words.date(day)}`;
}

/** What the workbook holds when nothing was written: the sheets of an earlier run, if any. */
function nothingWritten(state: State, words: Words): string {
  if (state.outcome?.kind === 'failed' && state.outcome.previousRunRemoved) {
    return 'Nothing was written, and Excel had already removed some or all of the previous run\'s sheets when it stopped: press Generate to write the scenarios again.';
  }
  const held = state.written ? ` The workbook still holds the scenarios of the previous run, from ${whenRan(state, words, state.written.ranAt).replace(/^at /, '')}.` : '';
  return `Nothing was written.${held}`;
}
