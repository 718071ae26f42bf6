// The task pane: a thin view over the core, the layout and the Office.js host. It reads the cost
// rows, lets the officer confirm each row's class and the assumptions, and writes the scenarios.
import { PRODUCT } from '../../app/product';
import { runScenarios } from '../../app/run';
import { Analysis, analyse } from '../../core/analysis';
import { resolveAssumptions } from '../../core/assumptions';
import { parseIsoDate } from '../../core/calendar-date';
import { Clock } from '../../core/clock';
import { CostClass, classify, labelKey, reasonWords } from '../../core/classification';
import { fyLabel } from '../../core/financial-year';
import { SHARING_MODELS } from '../../core/membership';
import { InputError, Problem, describeWarning, problemLines } from '../../core/problems';
import { yearsNamedInLabels } from '../../core/base-year';
import { Grid, columnCells, sheetOfReference, sheetReference } from '../../core/cell';
import { INPUT_NAMES, RAN_AT_NAME, assumptionsFromInputs } from '../../layout/read-back';
import { productSheets } from '../../layout/workbook-plan';
import { SourceChoice, WorkbookState, readNamedValues, readWorkbook } from '../../hosts/office/read-workbook';
import { writeWorkbook } from '../../hosts/office/write-workbook';
import { stayWithdrawChart } from './chart';
import { byId, el, replaceChildren } from './dom';
import { Words, wordsFor } from './format';
import {
  FieldName, FormValues, assumptionsFromForm, emptyForm, fieldOf, formFromAssumptions, inFormWords, isPercentField, percentProblem, percentQuestion,
} from './form';

/** How the pane reaches Excel: Excel.run, or a fake of it in tests. */
export interface ExcelAccess {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface PaneOptions {
  readonly excel: ExcelAccess;
  readonly clock: Clock;
  /** Office's display language (Office.context.displayLanguage); en-GB when not given. */
  readonly language?: string;
}

/** A run whose scenarios the workbook holds: when it ran (UK time, as stamped) and its scenario sheet. */
interface WrittenRun {
  readonly ranAt: string;
  readonly sheet?: string;
}

const ROWS_SHOWN = 200;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class Pane {
  private source: SourceChoice = 'selection';
  private grid: Grid | undefined;
  private analysis: Analysis | undefined;
  private form: FormValues;
  /** The officer's class for a row, keyed as the core keys overrides (labelKey), with the label as shown. */
  private overrides = new Map<string, { label: string; class: CostClass }>();
  /** The run whose scenarios the workbook holds, from this pane or found at start. */
  private written: WrittenRun | undefined;
  /** The form or a class has changed since the scenarios were written. */
  private stale = false;
  private busy = false;
  private readonly words: Words;

  constructor(private readonly options: PaneOptions) {
    this.form = emptyForm(options.clock.today());
    this.words = wordsFor(options.language);
  }

  mount(): void {
    byId('read').addEventListener('click', () => void this.read());
    byId('generate').addEventListener('click', () => void this.generate());
    byId('go-to-sheet').addEventListener('click', () => void this.goToSheet());
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="source"]')) {
      radio.addEventListener('change', () => (this.source = radio.value as SourceChoice));
    }
    this.renderForm();
    this.renderRows();
  }

  /** Starts from the inputs of the last run when the workbook holds the product's sheets. */
  async restoreLastRun(): Promise<void> {
    await this.working('Looking for an earlier run in this workbook…', async () => {
      const found = await this.options.excel.run(async (context) => {
        const names = context.workbook.names;
        names.load('items/name,items/formula');
        await context.sync();
        const ours = productSheets(names.items.map((item) => ({ name: item.name, sheet: sheetOfReference(item.formula) })));
        if (ours.size === 0) return undefined;
        const values = await readNamedValues(context, [...INPUT_NAMES, RAN_AT_NAME]);
        const ranAt = values[RAN_AT_NAME]?.[0]?.[0];
        return { given: assumptionsFromInputs(values), ranAt: typeof ranAt === 'string' ? ranAt : undefined };
      });
      if (!found) return;
      if (found.ranAt) this.written = { ranAt: found.ranAt };
      this.restore(found.given);
    });
  }

  // ---- actions ----

  /** Reads the source: one round trip. */
  async read(): Promise<void> {
    await this.working('Reading the workbook…', async () => {
      const state = await this.options.excel.run((context) => readWorkbook(context, this.source));
      this.grid = this.checkSource(state);
      this.reanalyse();
    });
  }

  /** Reads the source again and writes the scenarios: two round trips up to a few thousand rows. */
  async generate(): Promise<void> {
    await this.working('Writing the scenarios into the workbook…', async () => {
      const written = await this.options.excel.run(async (context) => {
        const state = await readWorkbook(context, this.source);
        const grid = this.checkSource(state);
        const { analysis, plan, facts } = runScenarios({ workbook: { ...state, grid }, assumptions: this.formAssumptions(), clock: this.options.clock });
        await writeWorkbook(context, plan, state.definedNames);
        return { grid, analysis, sheet: plan.sheets[0].name, ranAt: facts.ranAt };
      });
      this.grid = written.grid;
      this.analysis = written.analysis;
      this.written = { ranAt: written.ranAt, sheet: written.sheet };
      this.stale = false;
      this.renderRows();
      this.renderResults();
    });
  }

  async goToSheet(): Promise<void> {
    const name = this.written?.sheet;
    if (!name) return;
    await this.working('Opening the scenarios…', () =>
      this.options.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.activate();
        sheet.getRange('A1').select();
        await context.sync();
      }),
    );
  }

  // ---- the model ----

  private checkSource(state: WorkbookState): Grid {
    const ours = productSheets(state.definedNames);
    if (!state.grid) throw new PaneError(this.source === 'sheet' ? 'This sheet is empty. Open the sheet that holds the cost table.' : 'Select the cost table first.');
    if (ours.has(state.grid.sheet)) {
      throw new PaneError(`"${state.grid.sheet}" is a sheet ${PRODUCT.name} wrote. Select the council's cost table, or open its sheet.`);
    }
    return state.grid;
  }

  private formAssumptions(withOverrides = true): Record<string, unknown> {
    const overrides = withOverrides ? Object.fromEntries([...this.overrides.values()].map((o) => [o.label, o.class])) : {};
    return assumptionsFromForm(this.form, overrides, emptyForm(this.options.clock.today()));
  }

  private analyseGrid(grid: Grid, assumptions = this.formAssumptions()): Analysis {
    return analyse({ grid, assumptions, today: this.options.clock.today() });
  }

  /** The officer changed a field or a class: the scenarios written no longer match the form. */
  private changed(): void {
    if (this.written?.sheet) this.stale = true;
    this.reanalyse();
  }

  /**
   * Re-runs the core on the rows read, with the form and the class toggles; no Excel call. A
   * problem with an assumption shows under its field, and the rows stay (read with the defaults
   * for what is wrong); a problem with the table shows above the rows.
   */
  private reanalyse(): void {
    this.analysis = undefined;
    let fieldProblems: Problem[] = [];
    let tableProblems: Problem[] = [];
    let more = 0;
    if (this.grid) {
      try {
        this.analysis = this.analyseGrid(this.grid);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        fieldProblems = error.problems.filter((p) => fieldOf(p.place) !== 'form');
        tableProblems = error.problems.filter((p) => fieldOf(p.place) === 'form');
        more = error.more;
        if (tableProblems.length === 0) this.analysis = this.rowsWithDefaults();
      }
    }
    this.showProblems(tableProblems, more);
    this.renderRows();
    this.validateForm(fieldProblems);
    this.renderResults();
  }

  /** The rows as read with the default assumptions (and the classes set, when they are sound). */
  private rowsWithDefaults(): Analysis | undefined {
    for (const withOverrides of [true, false]) {
      try {
        return this.analyseGrid(this.grid as Grid, { overrides: withOverrides ? this.formAssumptions().overrides : undefined });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
    return undefined;
  }

  private restore(given: Record<string, unknown>): void {
    try {
      const resolved = resolveAssumptions(given, { today: this.options.clock.today(), yearsInLabels: new Map() });
      this.form = formFromAssumptions(resolved.values, resolved.sources.baseYear === 'given');
      this.overrides = new Map([...resolved.values.overrides].map(([key, o]) => [key, { label: o.label, class: o.class }]));
      this.renderForm();
      this.say('Restored the inputs of the last run from the scenario sheet.');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.say('The scenario sheet holds inputs that no longer validate; starting from the defaults.');
    }
  }

  /**
   * Validates the form with the core and shows each problem under its field, in the field's words:
   * labels for keys, percent for the rate fields. `found` are the problems the analysis of the rows
   * raised about the assumptions (an override matching no row, an indexation past the limits).
   */
  private validateForm(found: readonly Problem[] = []): void {
    const messages = new Map<FieldName, string>();
    const problems = [...found];
    try {
      const years = this.analysis ? yearsNamedInLabels(this.analysis.rows, columnCells(this.analysis.table.sheet, this.analysis.table.itemColumn)).years : new Map<number, string>();
      resolveAssumptions(this.formAssumptions(), { today: this.options.clock.today(), yearsInLabels: years });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
    for (const problem of problems) {
      const field = fieldOf(problem.place);
      const words = isPercentField(field) ? percentProblem(field, this.form[field]) : undefined;
      if (!messages.has(field)) messages.set(field, words ?? inFormWords(problem.message));
    }
    for (const node of document.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const message = messages.get(node.dataset.errorFor as FieldName) ?? '';
      node.textContent = message;
      node.hidden = message === '';
      const input = document.getElementById(node.dataset.errorFor ?? '');
      input?.setAttribute('aria-invalid', message === '' ? 'false' : 'true');
    }
    for (const node of document.querySelectorAll<HTMLElement>('[data-question-for]')) {
      const field = node.dataset.questionFor ?? '';
      const question = isPercentField(field) && !messages.has(field) ? percentQuestion(field, this.form[field]) ?? '' : '';
      node.textContent = question;
      node.hidden = question === '';
    }
  }

  // ---- rendering ----

  private renderRows(): void {
    const a = this.analysis;
    const list = byId('rows');
    if (!a) {
      replaceChildren(list, this.grid ? null : el('p', { class: 'hint' }, 'No cost rows read yet. Choose where they are and press Read to check them first, or Generate.'));
      return;
    }
    const cellOf = columnCells(a.table.sheet, a.table.amountColumn);
    const shown = a.rows.slice(0, ROWS_SHOWN);
    const body = shown.map((row, i) => {
      const id = `class-${i}`;
      const select = el('select', { id, 'aria-label': `Class of ${row.item}` }, ...(['avoidable', 'committed'] as const).map((c) => el('option', { value: c, selected: row.class === c }, c)));
      select.addEventListener('change', () => this.setClass(row.item, select.value as CostClass));
      return el('tr', {},
        el('td', { class: 'item' }, el('span', {}, row.item), el('span', { class: 'cell' }, cellOf(row.sheetRow))),
        el('td', { class: 'amount' }, this.words.amount(row.amount)),
        el('td', {}, select, row.reason.by === 'default' ? null : el('span', { class: 'reason' }, reasonWords(row.reason))),
      );
    });
    const tie = a.tieOut;
    const money = this.words.money;
    const tieText = tie.status === 'ok' ? `Ties out to the stated total ${money(a.computedTotal)}.`
      : tie.status === 'absent' ? `Total ${money(a.computedTotal)}; the table has no total row to tie out to.`
      : `Does not tie out: the rows come to ${money(a.computedTotal)}, the stated total is ${money(a.table.statedTotal?.amount ?? a.computedTotal)}.`;
    replaceChildren(list,
      el('p', { class: 'summary' }, `${a.rows.length} cost rows from ${sheetReference(a.table.sheet)}!${a.table.range}. Avoidable ${money(a.annual.avoidable)} a year; committed ${money(a.annual.committed)}.`),
      el('p', { class: tie.status === 'mismatch' ? 'warning' : 'ok' }, tieText),
      el('p', { class: 'hint' }, 'A row is committed unless its label names an avoidable cost (core team, core budget, membership, subscription, partnership contribution). Change a class if the label misleads.'),
      ...a.warnings.map((w) => el('p', { class: 'warning' }, describeWarning(w))),
      el('table', { class: 'rows' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Item'), el('th', { scope: 'col', class: 'amount' }, '£ a year'), el('th', { scope: 'col' }, 'Class'))), el('tbody', {}, ...body)),
      a.rows.length > shown.length ? el('p', { class: 'hint' }, `Showing the first ${shown.length} of ${a.rows.length} rows; all of them are written to the workbook.`) : null,
    );
  }

  /** Sets a row's class; every row whose label has the same key (case and spacing aside) follows it. */
  private setClass(item: string, cls: CostClass): void {
    if (classify(item, new Map()).class === cls) this.overrides.delete(labelKey(item));
    else this.overrides.set(labelKey(item), { label: item, class: cls });
    this.changed();
  }

  private renderForm(): void {
    const f = this.form;
    const field = (name: keyof FormValues, label: string, input: HTMLElement, unit?: string) =>
      el('div', { class: 'field' },
        el('label', { for: name }, label),
        el('div', { class: 'control' }, input, unit ? el('span', { class: 'unit', id: `${name}-unit` }, unit) : null),
        el('p', { class: 'field-error', 'data-error-for': name, id: `${name}-error`, hidden: true, role: 'alert' }),
        isPercentField(name) ? el('p', { class: 'field-question', 'data-question-for': name, id: `${name}-question`, hidden: true, role: 'status' }) : null,
      );
    const describedBy = (name: string) => [`${name}-error`, ...(isPercentField(name) ? [`${name}-unit`, `${name}-question`] : [])].join(' ');
    const input = (name: Exclude<keyof FormValues, 'leavers'>, type: string, extra: Record<string, string> = {}) => {
      const node = el('input', { id: name, name, type, value: f[name], 'aria-describedby': describedBy(name), ...extra });
      node.addEventListener('input', () => {
        f[name] = node.value;
        this.changed();
      });
      return node;
    };
    const select = (name: 'fyStartMonth' | 'sharing', options: [string, string][]) => {
      const node = el('select', { id: name, name, 'aria-describedby': `${name}-error` }, ...options.map(([value, text]) => el('option', { value, selected: f[name] === value }, text)));
      node.addEventListener('change', () => {
        f[name] = node.value;
        this.changed();
      });
      return node;
    };
    const leavers = f.leavers.map((leaver, i) => {
      const name = el('input', { id: `leavers.${i}.name`, type: 'text', value: leaver.name, 'aria-label': `Partner ${i + 1} leaving: name` });
      const date = el('input', { id: `leavers.${i}.leavesOn`, type: 'date', value: leaver.leavesOn, 'aria-label': `Partner ${i + 1} leaving: date` });
      const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove partner ${i + 1}` }, 'Remove');
      name.addEventListener('input', () => ((leaver.name = name.value), this.changed()));
      date.addEventListener('input', () => ((leaver.leavesOn = date.value), this.changed()));
      remove.addEventListener('click', () => {
        f.leavers.splice(i, 1);
        this.renderForm();
        this.changed();
      });
      return el('li', {}, name, date, remove,
        el('p', { class: 'field-error', 'data-error-for': `leavers.${i}.name`, hidden: true, role: 'alert' }),
        el('p', { class: 'field-error', 'data-error-for': `leavers.${i}.leavesOn`, hidden: true, role: 'alert' }));
    });
    const add = el('button', { type: 'button', class: 'secondary' }, 'Add a partner who leaves');
    add.addEventListener('click', () => {
      f.leavers.push({ name: '', leavesOn: '' });
      this.renderForm();
      this.changed();
    });
    replaceChildren(byId('assumptions'),
      field('noticeServedOn', 'Notice served on', input('noticeServedOn', 'date')),
      field('noticeMonths', 'Notice period', input('noticeMonths', 'number', { min: '0', step: '1', inputmode: 'numeric' }), 'months'),
      field('horizonYears', 'Horizon', input('horizonYears', 'number', { min: '1', max: '100', step: '1' }), 'years'),
      field('fyStartMonth', 'Financial year starts in', select('fyStartMonth', MONTHS.map((m, i) => [String(i + 1), m]))),
      field('discountRate', 'Discount rate', input('discountRate', 'text', { inputmode: 'decimal' }), '% a year (Green Book: 3.5)'),
      field('indexation', 'Indexation', input('indexation', 'text', { inputmode: 'decimal' }), '% a year'),
      field('sharing', 'When partners leave', select('sharing', SHARING_MODELS.map((m) => [m, m === 'fixed-contribution' ? 'each pays the same (fixed contribution)' : 'the pool is re-shared (shared pool)']))),
      field('inBaseYear', 'Members paying in the base year', input('inBaseYear', 'number', { min: '1', step: '1', placeholder: 'optional' }), 'the council among them'),
      field('baseYear', 'Base year', input('baseYear', 'text', { placeholder: 'from the item labels' }), 'e.g. 2011/12'),
      el('fieldset', { class: 'leavers' }, el('legend', {}, 'Other partners leaving'), el('ul', {}, ...leavers), add,
        el('p', { class: 'field-error', 'data-error-for': 'leavers', hidden: true, role: 'alert' })),
      el('p', { class: 'field-error', 'data-error-for': 'overrides', hidden: true, role: 'alert' }),
    );
    this.validateForm();
  }

  /**
   * The results of the last Generate, while they match the form. Once the form or a class changes,
   * they are marked out of date, and so is the scenario sheet, until the next Generate.
   */
  private renderResults(): void {
    const box = byId('results');
    const go = byId('go-to-sheet');
    const a = this.analysis;
    const written = this.written;
    go.hidden = !written?.sheet;
    box.classList.toggle('stale', this.stale);
    if (!written?.sheet) return replaceChildren(box);
    const at = this.whenRan(written.ranAt);
    if (this.stale || !a) {
      go.setAttribute('aria-describedby', 'stale-note');
      return replaceChildren(box,
        el('h2', {}, 'Scenarios out of date'),
        el('p', { class: 'warning stale-note', id: 'stale-note' }, `Out of date: the form has changed since the scenarios were written ${at}. The scenario sheets still hold those; press Generate to bring them up to date.`),
      );
    }
    go.removeAttribute('aria-describedby');
    const s = a.savings;
    const { money, date } = this.words;
    const allOk = a.checks.every((c) => c.ok);
    const years = s.years.map((y) => ({ label: fyLabel(y.fy), stay: y.stay, withdraw: y.withdraw }));
    replaceChildren(box,
      el('h2', {}, 'Scenarios written'),
      el('p', { class: 'hint' }, `Written ${at}; the scenario sheets match the form.`),
      el('dl', { class: 'headline' },
        el('dt', {}, 'Avoidable a year'), el('dd', {}, money(a.annual.avoidable)),
        el('dt', {}, 'Notice expires'), el('dd', {}, date(s.noticeExpiresOn)),
        el('dt', {}, `Saving over ${s.years.length} years`), el('dd', {}, money(s.totalSaving)),
        el('dt', {}, 'Net present value'), el('dd', {}, money(s.npv)),
        el('dt', {}, 'Checks'), el('dd', { class: allOk ? 'ok' : 'warning' }, allOk ? 'All pass' : `Failing: ${a.checks.filter((c) => !c.ok).map((c) => c.name).join(', ')}`),
      ),
      stayWithdrawChart(years, this.words),
    );
  }

  /** "at 10:42", or "at 10:42 on 30 November 2026" for a run on another day. */
  private whenRan(ranAt: string): string {
    const time = this.words.timeOf(ranAt);
    const day = parseIsoDate(ranAt.slice(0, 10));
    if (!time || !day) return `at ${ranAt}`;
    const today = this.options.clock.today();
    const sameDay = day.year === today.year && day.month === today.month && day.day === today.day;
    return sameDay ? `at ${time}` : `at ${time} on ${this.words.date(day)}`;
  }

  /** What the workbook holds when nothing was written: the sheets of an earlier run, if any. */
  private nothingWritten(): string {
    const held = this.written ? ` The workbook still holds the scenarios of the previous run, from ${this.whenRan(this.written.ranAt).replace(/^at /, '')}.` : '';
    return `Nothing was written.${held}`;
  }

  // ---- status ----

  private async working(message: string, task: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const main = byId('pane');
    main.setAttribute('aria-busy', 'true');
    for (const button of document.querySelectorAll<HTMLButtonElement>('button.primary, button.secondary')) button.disabled = true;
    this.say(message, true);
    try {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the busy state paint first
      await task();
      if (byId('status').textContent === message) this.say(''); // keep what the task itself said
    } catch (error) {
      if (error instanceof InputError) {
        const onFields = error.problems.filter((p) => fieldOf(p.place) !== 'form');
        const onTable = error.problems.filter((p) => fieldOf(p.place) === 'form');
        this.showProblems(onTable, error.more);
        if (onFields.length > 0) this.validateForm(onFields);
        this.say(onTable.length > 0 ? '' : `Correct the assumptions marked above. ${this.nothingWritten()}`);
      } else if (error instanceof PaneError) this.say(`${error.message} ${this.nothingWritten()}`);
      else this.say(`Excel reported a problem: ${error instanceof Error ? error.message : String(error)}. ${this.nothingWritten()}`);
    } finally {
      this.busy = false;
      main.setAttribute('aria-busy', 'false');
      for (const button of document.querySelectorAll<HTMLButtonElement>('button.primary, button.secondary')) button.disabled = false;
      byId('progress').hidden = true;
    }
  }

  private say(message: string, progress = false): void {
    byId('status').textContent = message;
    byId('progress').hidden = !progress;
  }

  private showProblems(problems: readonly Problem[], more = 0): void {
    const box = byId('problems');
    box.hidden = problems.length === 0;
    if (problems.length === 0) return replaceChildren(box);
    replaceChildren(box, el('p', {}, 'The cost table cannot be used as it stands:'),
      el('ul', {}, ...problemLines(problems, more).map((line) => el('li', {}, line))),
      el('p', { class: 'held' }, this.nothingWritten()));
  }
}

/** A problem the officer can fix in Excel, said in the pane's words. */
class PaneError extends Error {}
