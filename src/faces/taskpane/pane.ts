// The task pane: a thin view over the core, the layout and the Office.js host. It reads the cost
// rows, lets the officer confirm each row's class and the assumptions, and writes the scenarios.
import { Analysis, analyse } from '../../core/analysis';
import { resolveAssumptions } from '../../core/assumptions';
import { CalendarDate, isoDate } from '../../core/calendar-date';
import { CostClass, DEFAULT_REASON, classify } from '../../core/classification';
import { fyLabel } from '../../core/financial-year';
import { SHARING_MODELS } from '../../core/membership';
import { formatMoney } from '../../core/money';
import { InputError, Problem, describeProblem, describeWarning } from '../../core/problems';
import { yearsNamedInLabels } from '../../core/base-year';
import { Grid, columnCells, sheetOfReference } from '../../core/cell';
import { fingerprint } from '../../layout/fingerprint';
import { INPUT_NAMES, assumptionsFromInputs } from '../../layout/read-back';
import { planWorkbook, productSheets } from '../../layout/workbook-plan';
import { SourceChoice, WorkbookState, readNamedValues, readWorkbook } from '../../hosts/office/read-workbook';
import { writeWorkbook } from '../../hosts/office/write-workbook';
import { stayWithdrawChart } from './chart';
import { byId, el, replaceChildren } from './dom';
import { FieldName, FormValues, assumptionsFromForm, emptyForm, fieldOf, formFromAssumptions } from './form';

/** How the pane reaches Excel: Excel.run, or a fake of it in tests. */
export interface ExcelAccess {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface PaneOptions {
  readonly excel: ExcelAccess;
  readonly today: () => CalendarDate;
  readonly now: () => string;
  readonly version: string;
}

const ROWS_SHOWN = 200;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class Pane {
  private source: SourceChoice = 'selection';
  private grid: Grid | undefined;
  private analysis: Analysis | undefined;
  private form: FormValues;
  private overrides: Record<string, CostClass> = {};
  /** The scenario sheet the last Generate wrote, for "Go to the scenario sheet". */
  private scenarioSheet: string | undefined;
  private busy = false;

  constructor(private readonly options: PaneOptions) {
    this.form = emptyForm(options.today());
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
      const given = await this.options.excel.run(async (context) => {
        const names = context.workbook.names;
        names.load('items/name,items/formula');
        await context.sync();
        const ours = productSheets(names.items.map((item) => ({ name: item.name, sheet: sheetOfReference(item.formula) })));
        return ours.size > 0 ? assumptionsFromInputs(await readNamedValues(context, INPUT_NAMES)) : undefined;
      });
      if (given) this.restore(given);
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
        const analysis = this.analyseGrid(grid);
        const ours = productSheets(state.definedNames);
        const run = { product: 'VfM Scenarios', version: this.options.version, ranAt: this.options.now(), fingerprint: fingerprint(grid, analysis.table.range) };
        const plan = planWorkbook(analysis, state.sheetNames, ours, run);
        await writeWorkbook(context, plan, state.definedNames);
        return { grid, analysis, sheet: plan.sheets[0].name };
      });
      this.grid = written.grid;
      this.analysis = written.analysis;
      this.scenarioSheet = written.sheet;
      this.renderRows();
      this.renderResults();
    });
  }

  async goToSheet(): Promise<void> {
    const name = this.scenarioSheet;
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
      throw new PaneError(`"${state.grid.sheet}" is a sheet VfM Scenarios wrote. Select the council's cost table, or open its sheet.`);
    }
    return state.grid;
  }

  private analyseGrid(grid: Grid): Analysis {
    return analyse({ grid, assumptions: assumptionsFromForm(this.form, this.overrides, emptyForm(this.options.today())), today: this.options.today() });
  }

  /** Re-runs the core on the rows read, with the form and the class toggles; no Excel call. */
  private reanalyse(): void {
    this.analysis = undefined;
    this.showProblems([]);
    if (this.grid) {
      try {
        this.analysis = this.analyseGrid(this.grid);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        this.showProblems(error.problems);
      }
    }
    this.renderRows();
    this.validateForm();
    replaceChildren(byId('results'));
  }

  private restore(given: Record<string, unknown>): void {
    try {
      const resolved = resolveAssumptions(given, { today: this.options.today(), yearsInLabels: new Map() });
      this.form = formFromAssumptions(resolved.values, resolved.sources.baseYear === 'given');
      this.overrides = Object.fromEntries([...resolved.values.overrides.values()].map((o) => [o.label, o.class]));
      this.renderForm();
      this.say('Restored the inputs of the last run from the scenario sheet.');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.say('The scenario sheet holds inputs that no longer validate; starting from the defaults.');
    }
  }

  /** Validates the form with the core; each problem shows under its field. */
  private validateForm(): void {
    const messages = new Map<FieldName, string>();
    try {
      const years = this.grid && this.analysis ? yearsNamedInLabels(this.analysis.rows, columnCells(this.analysis.table.sheet, this.analysis.table.itemColumn)).years : new Map<number, string>();
      resolveAssumptions(assumptionsFromForm(this.form, this.overrides, emptyForm(this.options.today())), { today: this.options.today(), yearsInLabels: years });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const problem of error.problems) messages.set(fieldOf(problem.where), problem.message);
    }
    for (const node of document.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const message = messages.get(node.dataset.errorFor as FieldName) ?? '';
      node.textContent = message;
      node.hidden = message === '';
      const input = document.getElementById(node.dataset.errorFor ?? '');
      input?.setAttribute('aria-invalid', message === '' ? 'false' : 'true');
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
        el('td', { class: 'amount' }, formatMoney(row.amount, false)),
        el('td', {}, select, row.reason === DEFAULT_REASON ? null : el('span', { class: 'reason' }, row.reason)),
      );
    });
    const tie = a.tieOut;
    const tieText = tie.status === 'ok' ? `Ties out to the stated total ${formatMoney(a.computedTotal)}.`
      : tie.status === 'absent' ? `Total ${formatMoney(a.computedTotal)}; the table has no total row to tie out to.`
      : `Does not tie out: the rows come to ${formatMoney(a.computedTotal)}, the stated total is ${formatMoney(a.table.statedTotal?.amount ?? a.computedTotal)}.`;
    replaceChildren(list,
      el('p', { class: 'summary' }, `${a.rows.length} cost rows from ${a.table.sheet}!${a.table.range}. Avoidable ${formatMoney(a.annual.avoidable)} a year; committed ${formatMoney(a.annual.committed)}.`),
      el('p', { class: tie.status === 'mismatch' ? 'warning' : 'ok' }, tieText),
      el('p', { class: 'hint' }, 'A row is committed unless its label names an avoidable cost (core team, core budget, membership, subscription, partnership contribution). Change a class if the label misleads.'),
      ...a.warnings.map((w) => el('p', { class: 'warning' }, describeWarning(w))),
      el('table', { class: 'rows' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Item'), el('th', { scope: 'col', class: 'amount' }, '£ a year'), el('th', { scope: 'col' }, 'Class'))), el('tbody', {}, ...body)),
      a.rows.length > shown.length ? el('p', { class: 'hint' }, `Showing the first ${shown.length} of ${a.rows.length} rows; all of them are written to the workbook.`) : null,
    );
  }

  private setClass(item: string, cls: CostClass): void {
    if (classify(item, new Map()).class === cls) delete this.overrides[item];
    else this.overrides[item] = cls;
    this.reanalyse();
  }

  private renderForm(): void {
    const f = this.form;
    const field = (name: keyof FormValues, label: string, input: HTMLElement, unit?: string) =>
      el('div', { class: 'field' },
        el('label', { for: name }, label),
        el('div', { class: 'control' }, input, unit ? el('span', { class: 'unit' }, unit) : null),
        el('p', { class: 'field-error', 'data-error-for': name, id: `${name}-error`, hidden: true, role: 'alert' }),
      );
    const input = (name: Exclude<keyof FormValues, 'leavers'>, type: string, extra: Record<string, string> = {}) => {
      const node = el('input', { id: name, name, type, value: f[name], 'aria-describedby': `${name}-error`, ...extra });
      node.addEventListener('input', () => {
        f[name] = node.value;
        this.reanalyse();
      });
      return node;
    };
    const select = (name: 'fyStartMonth' | 'sharing', options: [string, string][]) => {
      const node = el('select', { id: name, name, 'aria-describedby': `${name}-error` }, ...options.map(([value, text]) => el('option', { value, selected: f[name] === value }, text)));
      node.addEventListener('change', () => {
        f[name] = node.value;
        this.reanalyse();
      });
      return node;
    };
    const leavers = f.leavers.map((leaver, i) => {
      const name = el('input', { id: `leavers.${i}.name`, type: 'text', value: leaver.name, 'aria-label': `Partner ${i + 1} leaving: name` });
      const date = el('input', { id: `leavers.${i}.leavesOn`, type: 'date', value: leaver.leavesOn, 'aria-label': `Partner ${i + 1} leaving: date` });
      const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove partner ${i + 1}` }, 'Remove');
      name.addEventListener('input', () => ((leaver.name = name.value), this.reanalyse()));
      date.addEventListener('input', () => ((leaver.leavesOn = date.value), this.reanalyse()));
      remove.addEventListener('click', () => {
        f.leavers.splice(i, 1);
        this.renderForm();
        this.reanalyse();
      });
      return el('li', {}, name, date, remove,
        el('p', { class: 'field-error', 'data-error-for': `leavers.${i}.name`, hidden: true, role: 'alert' }),
        el('p', { class: 'field-error', 'data-error-for': `leavers.${i}.leavesOn`, hidden: true, role: 'alert' }));
    });
    const add = el('button', { type: 'button', class: 'secondary' }, 'Add a partner who leaves');
    add.addEventListener('click', () => {
      f.leavers.push({ name: '', leavesOn: '' });
      this.renderForm();
      this.reanalyse();
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

  private renderResults(): void {
    const a = this.analysis;
    if (!a) return;
    const s = a.savings;
    const allOk = a.checks.every((c) => c.ok);
    const years = s.years.map((y) => ({ label: fyLabel(y.fy), stay: y.stay, withdraw: y.withdraw }));
    replaceChildren(byId('results'),
      el('h2', {}, 'Scenarios written'),
      el('dl', { class: 'headline' },
        el('dt', {}, 'Avoidable a year'), el('dd', {}, formatMoney(a.annual.avoidable)),
        el('dt', {}, 'Notice expires'), el('dd', {}, isoDate(s.noticeExpiresOn)),
        el('dt', {}, `Saving over ${s.years.length} years`), el('dd', {}, formatMoney(s.totalSaving)),
        el('dt', {}, 'Net present value'), el('dd', {}, formatMoney(s.npv)),
        el('dt', {}, 'Checks'), el('dd', { class: allOk ? 'ok' : 'warning' }, allOk ? 'All pass' : `Failing: ${a.checks.filter((c) => !c.ok).map((c) => c.name).join(', ')}`),
      ),
      stayWithdrawChart(years),
    );
    byId('go-to-sheet').hidden = false;
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
        this.showProblems(error.problems);
        this.say('');
      } else this.say(error instanceof PaneError ? error.message : `Excel reported a problem: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`);
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

  private showProblems(problems: readonly Problem[]): void {
    const box = byId('problems');
    box.hidden = problems.length === 0;
    replaceChildren(box, problems.length === 0 ? null : el('p', {}, 'The cost table cannot be used as it stands; nothing was written:'),
      problems.length === 0 ? null : el('ul', {}, ...problems.map((p) => el('li', {}, describeProblem(p)))));
  }
}

/** A problem the officer can fix in Excel, said in the pane's words. */
class PaneError extends Error {}
