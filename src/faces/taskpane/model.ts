// The pane's state and every change to it, as data: no DOM, no Office, no clock (today is in the
// state). `reduce` checks the rows and the assumptions with the core once per change (check.ts);
// view-model.ts derives what the views show; pane.ts runs Excel and dispatches what it found.
import { PRODUCT } from '../../app/product';
import { NotAScenarioWorkbook, ResultDifference, VerifyReport } from '../../app/verify';
import { Analysis } from '../../core/analysis';
import { CalendarDate } from '../../core/calendar-date';
import { Grid } from '../../core/cell';
import { CostClass, classify, labelKey } from '../../core/classification';
import { optionNameKey } from '../../core/options';
import { InputError, Problem } from '../../core/problems';
import { RAN_AT_NAME, assumptionsFromInputs } from '../../layout/read-back';
import { productSheets } from '../../layout/workbook-plan';
import { CORE, Checked, Core, Overrides, check, isOnTable } from './check';
import { ExcelBusy, codeOf } from '../../hosts/office/excel-access';
import { CostFields, CostKind, DeflatorYearFields, FormValues, LeaverFields, OptionField, OptionFields, EMPTY_COST, PlainField, emptyForm, formFromAssumptions, plainOption } from './form';

export type Source = 'selection' | 'sheet';
export type Task = 'restore' | 'read' | 'generate' | 'go to sheet' | 'check' | 'go to cell' | 'copy report';
type DefinedNames = readonly { name: string; sheet: string }[];

/** A run whose scenarios the workbook holds: when it ran (UK time, as stamped) and its scenario sheet. */
export interface WrittenRun {
  readonly ranAt: string;
  readonly sheet?: string;
}

/** Why a task wrote nothing. */
export type Failure =
  | { readonly kind: 'input'; readonly problems: readonly Problem[]; readonly more: number }
  | { readonly kind: 'source'; readonly message: string }
  /** The user is editing a cell: Excel takes no request until they finish. */
  | { readonly kind: 'editing' }
  /** Found before writing: the workbook is open read-only, or its structure is protected. */
  | { readonly kind: 'locked'; readonly why: Locked }
  /** Excel refused a change (AccessDenied): a protected sheet or workbook, or a read-only one. */
  | { readonly kind: 'denied' }
  /** Excel stayed busy or throttled through every try. */
  | { readonly kind: 'busy'; readonly attempts: number }
  /** This Excel lacks an API the add-in uses (ApiNotFound). */
  | { readonly kind: 'old excel' }
  | { readonly kind: 'excel'; readonly message: string };

export type Locked = 'read only' | 'structure';

/**
 * Excel's own calculation of the model just written, against the core's results: the same to the
 * penny, or the results that differ; or Excel did not calculate it (the request failed).
 */
export type Calculation =
  | { readonly kind: 'agrees' }
  | { readonly kind: 'differs'; readonly differences: readonly ResultDifference[] }
  | { readonly kind: 'not calculated'; readonly message: string };

/** How an earlier Generate that was cut short was repaired on opening: its sheets removed, or its run completed. */
export type Repair = 'rolled back' | 'finished';

/** What the last task ended with, to say; nothing when it went as asked. */
export type Outcome =
  | { readonly kind: 'restored'; readonly repaired?: Repair } | { readonly kind: 'restore refused'; readonly repaired?: Repair }
  | { readonly kind: 'repaired'; readonly repaired: Repair }
  | { readonly kind: 'failed'; readonly failure: Failure; readonly previousRunRemoved?: true }
  | { readonly kind: 'copied' } | { readonly kind: 'copy refused'; readonly reason: string };

export interface State {
  readonly today: CalendarDate;
  /** Office's display language, for dates and money; en-GB when not given. */
  readonly language?: string;
  /** False outside Excel: there is no workbook to read or write. */
  readonly inExcel: boolean;
  /** False in an Excel without the API the add-in needs (EXCEL_API_VERSION): nothing is tried. */
  readonly supported: boolean;
  readonly source: Source;
  /** The source cells, once read. */
  readonly grid?: Grid;
  /** The amount column the officer chose (its letter), when the table has several. */
  readonly column?: string;
  readonly form: FormValues;
  /** Goes up whenever the form's values change other than by typing in it: the form is built again then only. */
  readonly formVersion: number;
  readonly overrides: Overrides;
  /** The core's verdict on the rows, the form and the classes as they stand. */
  readonly checked: Checked;
  /** The run whose scenarios the workbook holds, from this pane or found at start. */
  readonly written?: WrittenRun;
  /** Excel's calculation of the run this pane wrote, against the core's results. */
  readonly calculation?: Calculation;
  /** The form or a class has changed since the scenarios were written. */
  readonly stale: boolean;
  /** The task under way: the pane is busy. */
  readonly task?: Task;
  /** What the last check of the workbook found. */
  readonly check?: VerifyReport;
  /** Why the last check of the workbook could not be made (said beside the check, not under Generate). */
  readonly checkFailure?: Failure;
  /** The cell to show (`'VfM Scenarios'!C74`), for the task that goes to it. */
  readonly target?: string;
  readonly outcome?: Outcome;
}

export type Action =
  | { readonly type: 'field edited'; readonly field: PlainField; readonly value: string }
  | { readonly type: 'leaver edited'; readonly index: number; readonly field: keyof LeaverFields; readonly value: string }
  | { readonly type: 'leaver added' }
  | { readonly type: 'leaver removed'; readonly index: number }
  | { readonly type: 'deflator year added' }
  | { readonly type: 'deflator year removed'; readonly index: number }
  | { readonly type: 'deflator year edited'; readonly index: number; readonly field: keyof DeflatorYearFields; readonly value: string }
  | { readonly type: 'option added' }
  | { readonly type: 'option duplicated'; readonly index: number }
  | { readonly type: 'option removed'; readonly index: number }
  | { readonly type: 'option edited'; readonly index: number; readonly field: OptionField; readonly value: string }
  | { readonly type: 'cost added'; readonly option: number; readonly kind: CostKind }
  | { readonly type: 'cost removed'; readonly option: number; readonly kind: CostKind; readonly index: number }
  | { readonly type: 'cost edited'; readonly option: number; readonly kind: CostKind; readonly index: number; readonly field: string; readonly value: string }
  | { readonly type: 'class set'; readonly item: string; readonly class: CostClass }
  | { readonly type: 'source chosen'; readonly source: Source }
  | { readonly type: 'column chosen'; readonly column: string }
  | { readonly type: 'started'; readonly task: Task; readonly target?: string }
  | { readonly type: 'checked'; readonly report: VerifyReport }
  | { readonly type: 'report copied' }
  | { readonly type: 'copy refused'; readonly reason: string }
  | { readonly type: 'cell shown' }
  /** The defined names and named values readLastRun found. */
  | { readonly type: 'last run read'; readonly definedNames: DefinedNames; readonly values: Readonly<Record<string, unknown[][] | undefined>>; readonly repaired?: Repair }
  | { readonly type: 'read succeeded'; readonly grid: Grid }
  /** `calculation`: Excel's calculation of what was written, when it was asked for (not after a run completed by a repair). */
  | { readonly type: 'generate succeeded'; readonly grid: Grid; readonly analysis: Analysis; readonly sheet: string; readonly ranAt: string; readonly calculation?: Calculation }
  | { readonly type: 'sheet shown' }
  /** `previousRun`: after a Generate that failed as it wrote was repaired, whether the earlier run's sheets were all still there. */
  | { readonly type: 'failed'; readonly failure: Failure; readonly previousRun?: 'kept' | 'removed' };

export function initialState(options: { today: CalendarDate; language?: string; inExcel?: boolean; supported?: boolean }, core: Core = CORE): State {
  const form = emptyForm(options.today);
  const overrides: Overrides = new Map();
  return {
    today: options.today, language: options.language, inExcel: options.inExcel ?? true, supported: options.supported ?? true, source: 'selection',
    form, formVersion: 0, overrides, checked: check({ form, overrides, today: options.today, language: options.language }, undefined, core), stale: false,
  };
}

/** A problem the officer can fix in Excel (the source chosen holds no cost table), in the pane's words. */
export class SourceProblem extends Error {}

/** The source cells, when they can be the cost table: not empty, and not a sheet the product wrote. */
export function sourceGrid(read: { readonly grid: Grid | undefined; readonly definedNames: DefinedNames }, source: Source): Grid {
  if (!read.grid) throw new SourceProblem(source === 'sheet' ? 'This sheet is empty. Open the sheet that holds the cost table.' : 'Select the cost table first.');
  if (productSheets(read.definedNames).has(read.grid.sheet)) {
    throw new SourceProblem(`"${read.grid.sheet}" is a sheet ${PRODUCT.name} wrote. Select the council's cost table, or open its sheet.`);
  }
  return read.grid;
}

/** Found before writing: the workbook cannot take the scenarios. */
export class WorkbookLocked extends Error {
  constructor(readonly why: Locked) {
    super(why === 'read only' ? 'the workbook is open read-only' : 'the workbook\'s structure is protected');
  }
}

/** Excel's refusals by their code (OfficeExtension.Error.code), as the pane says them. */
const BY_CODE: Readonly<Record<string, Failure>> = {
  InvalidOperationInCellEditMode: { kind: 'editing' },
  AccessDenied: { kind: 'denied' },
  ApiNotFound: { kind: 'old excel' },
};

export function failureOf(error: unknown): Failure {
  if (error instanceof InputError) return { kind: 'input', problems: error.problems, more: error.more };
  if (error instanceof SourceProblem) return { kind: 'source', message: error.message };
  if (error instanceof NotAScenarioWorkbook) return { kind: 'source', message: `This workbook cannot be checked: ${error.message}. Generate the scenarios first.` };
  if (error instanceof WorkbookLocked) return { kind: 'locked', why: error.why };
  if (error instanceof ExcelBusy) return { kind: 'busy', attempts: error.attempts };
  const code = codeOf(error);
  if (code !== undefined && Object.hasOwn(BY_CODE, code)) return BY_CODE[code];
  return { kind: 'excel', message: error instanceof Error ? error.message : String(error) };
}

/** `reduce` with the core given: the tests count its calls. */
export function reducer(core: Core = CORE): (state: State, action: Action) => State {
  /** The rows, the form or the classes changed: checked once, here. */
  const recheck = (state: State): State => ({ ...state, checked: check(state, state.checked, core) });
  /** The officer changed the form or a class: the scenarios written no longer match. */
  const changed = (state: State, change: Partial<State>): State => recheck({ ...state, ...change, stale: state.stale || state.written?.sheet !== undefined });
  const done = (state: State, outcome?: Outcome): State => ({ ...state, task: undefined, outcome });
  const leavers = (state: State, list: LeaverFields[], version = state.formVersion) => changed(state, { form: { ...state.form, leavers: list }, formVersion: version });
  const deflatorYears = (state: State, list: DeflatorYearFields[], version = state.formVersion) => changed(state, { form: { ...state.form, deflatorYears: list }, formVersion: version });
  const options = (state: State, list: OptionFields[], version = state.formVersion) => changed(state, { form: { ...state.form, options: list }, formVersion: version });
  /** Option `index` changed by `change`; a change of its lines builds the form again. */
  const option = (state: State, index: number, change: (o: OptionFields) => OptionFields, rebuild = false) =>
    options(state, state.form.options.map((o, i) => (i === index ? change(o) : o)), state.formVersion + (rebuild ? 1 : 0));

  return function reduce(state: State, action: Action): State {
    switch (action.type) {
      case 'field edited':
        return changed(state, { form: { ...state.form, [action.field]: action.value } });
      case 'leaver edited':
        return leavers(state, state.form.leavers.map((leaver, i) => (i === action.index ? { ...leaver, [action.field]: action.value } : leaver)));
      case 'leaver added':
        return leavers(state, [...state.form.leavers, { name: '', leavesOn: '' }], state.formVersion + 1);
      case 'leaver removed':
        return leavers(state, state.form.leavers.filter((_, i) => i !== action.index), state.formVersion + 1);
      case 'deflator year added':
        return deflatorYears(state, [...state.form.deflatorYears, { fy: '', rate: '' }], state.formVersion + 1);
      case 'deflator year removed':
        return deflatorYears(state, state.form.deflatorYears.filter((_, i) => i !== action.index), state.formVersion + 1);
      case 'deflator year edited':
        return deflatorYears(state, state.form.deflatorYears.map((y, i) => (i === action.index ? { ...y, [action.field]: action.value } : y)));
      case 'option added': {
        const list = state.form.options;
        return options(state, [...list, plainOption(unusedName(list, 'Withdraw', list.length + 1))], state.formVersion + 1);
      }
      case 'option duplicated': {
        const list = state.form.options;
        const copy = list[action.index];
        if (!copy) return state;
        const twin = { ...structuredClone(copy), name: unusedName(list, `${copy.name} (copy)`) };
        return options(state, [...list.slice(0, action.index + 1), twin, ...list.slice(action.index + 1)], state.formVersion + 1);
      }
      case 'option removed':
        // One way of withdrawing always stays: it is what staying is weighed against.
        return state.form.options.length <= 1 ? state : options(state, state.form.options.filter((_, i) => i !== action.index), state.formVersion + 1);
      case 'option edited':
        return option(state, action.index, (o) => ({ ...o, [action.field]: action.value }));
      case 'cost added':
        return option(state, action.option, (o) => ({ ...o, [action.kind]: [...o[action.kind], { ...EMPTY_COST[action.kind] }] }), true);
      case 'cost removed':
        return option(state, action.option, (o) => ({ ...o, [action.kind]: o[action.kind].filter((_, i) => i !== action.index) }), true);
      case 'cost edited':
        if (!(action.field in EMPTY_COST[action.kind])) return state;
        return option(state, action.option, (o) => ({
          ...o, [action.kind]: (o[action.kind] as CostFields[CostKind][]).map((c, i) => (i === action.index ? { ...c, [action.field]: action.value } : c)),
        }));
      case 'class set': {
        // Every row whose label has the same key (case and spacing aside) follows it.
        const overrides = new Map(state.overrides);
        if (classify(action.item, new Map()).class === action.class) overrides.delete(labelKey(action.item));
        else overrides.set(labelKey(action.item), { label: action.item, class: action.class });
        return changed(state, { overrides });
      }
      case 'source chosen':
        return { ...state, source: action.source };
      case 'column chosen':
        return changed(state, { column: action.column });
      case 'started':
        return state.task ? state : { ...state, task: action.task, target: action.target, outcome: undefined };
      case 'checked':
        return done({ ...state, check: action.report, checkFailure: undefined });
      case 'cell shown':
        return done(state);
      case 'report copied':
        return done(state, { kind: 'copied' });
      case 'copy refused':
        return done(state, { kind: 'copy refused', reason: action.reason });
      case 'last run read': {
        const [next, outcome] = restored(state, action.definedNames, action.values, core);
        const repaired = action.repaired;
        if (!repaired) return done(next, outcome);
        return done(next, outcome?.kind === 'restored' || outcome?.kind === 'restore refused' ? { ...outcome, repaired } : { kind: 'repaired', repaired });
      }
      case 'read succeeded':
        // Another table may have other columns: the choice is made again.
        return done(recheck({ ...state, grid: action.grid, column: action.grid.sheet === state.grid?.sheet ? state.column : undefined }));
      case 'generate succeeded':
        return done({
          ...state, grid: action.grid, checked: { analysis: action.analysis, onFields: [], onTable: [], more: 0 },
          written: { ranAt: action.ranAt, sheet: action.sheet }, calculation: action.calculation, stale: false,
        });
      case 'sheet shown':
        return done(state);
      case 'failed': {
        if (state.task === 'check') return done({ ...state, check: undefined, checkFailure: action.failure });
        const next = action.failure.kind === 'input' ? withProblems(state, action.failure) : state;
        if (action.previousRun !== 'removed') return done(next, { kind: 'failed', failure: action.failure });
        return done({ ...next, written: undefined }, { kind: 'failed', failure: action.failure, previousRunRemoved: true });
      }
    }
  };
}

export const reduce = reducer();

/** `wanted`, or `wanted 2`, `wanted 3`… (or from `from`), the first that no option has, as the core compares names. */
function unusedName(list: readonly OptionFields[], wanted: string, from?: number): string {
  const taken = new Set(list.map((o) => optionNameKey(o.name)));
  if (from === undefined && !taken.has(optionNameKey(wanted))) return wanted;
  for (let n = from ?? 2; ; n++) if (!taken.has(optionNameKey(`${wanted} ${n}`))) return `${wanted} ${n}`;
}

/** Starts from the inputs of the last run when the workbook holds the product's sheets. */
function restored(state: State, definedNames: DefinedNames, values: Readonly<Record<string, unknown[][] | undefined>>, core: Core): [State, Outcome?] {
  if (productSheets(definedNames).size === 0) return [state];
  const ranAt = values[RAN_AT_NAME]?.[0]?.[0];
  const found = typeof ranAt === 'string' ? { ...state, written: { ranAt } } : state;
  try {
    const resolved = core.resolveAssumptions(assumptionsFromInputs(values), { today: state.today, yearsInLabels: new Map() });
    const form = formFromAssumptions(resolved.values, resolved.sources.baseYear === 'given');
    const overrides: Overrides = new Map([...resolved.values.overrides].map(([key, o]) => [key, { label: o.label, class: o.class }]));
    const next = { ...found, form, overrides, formVersion: state.formVersion + 1 };
    return [{ ...next, checked: check(next, state.checked, core) }, { kind: 'restored' }];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return [found, { kind: 'restore refused' }];
  }
}

/** A task refused by the core: its table problems replace those shown; its assumption problems come first under their fields. */
function withProblems(state: State, failure: Failure & { kind: 'input' }): State {
  const onFields = failure.problems.filter((p) => !isOnTable(p));
  const checked = state.checked;
  return {
    ...state,
    checked: {
      ...checked,
      onTable: failure.problems.filter(isOnTable), more: failure.more,
      onFields: onFields.length > 0 ? [...onFields, ...checked.onFields] : checked.onFields,
    },
  };
}
