// The one place the pane runs the core on what the officer sees: the rows read, the form and the
// classes set. The model calls it once per change and keeps what it finds in the state; views only
// read that. A problem with an assumption belongs under its field, and the rows stay, read with the
// defaults; a problem with the table goes above the rows.
import { Analysis, AnalysisInput, analyse } from '../../core/analysis';
import { AmountColumn, ColumnChoice, ColumnsToChoose } from '../../core/amount-columns';
import { resolveAssumptions } from '../../core/assumptions';
import { CalendarDate } from '../../core/calendar-date';
import { Grid } from '../../core/cell';
import { CostClass } from '../../core/classification';
import { InputError, Problem } from '../../core/problems';
import { FormValues, assumptionsFromForm, emptyForm, fieldOf, formDateOrder } from './form';

/** The officer's class for a row, keyed as the core keys overrides (labelKey), with the label as shown. */
export type Overrides = ReadonlyMap<string, { readonly label: string; readonly class: CostClass }>;

/** What the core is asked; the model tests count the calls. */
export interface Core {
  readonly analyse: (input: AnalysisInput) => Analysis;
  readonly resolveAssumptions: typeof resolveAssumptions;
}
export const CORE: Core = { analyse, resolveAssumptions };

/** What a check looks at. */
export interface Inputs {
  readonly grid?: Grid;
  /** The amount column the officer chose, by its letter, when the table has several. */
  readonly column?: string;
  readonly form: FormValues;
  readonly overrides: Overrides;
  readonly today: CalendarDate;
  /** Office's display language: the order the form's dates are typed in. */
  readonly language?: string;
}

/** The rows read with the defaults, kept while the cells read and the classes set stay the same. */
interface WithDefaults {
  readonly grid: Grid;
  readonly column?: string;
  readonly overrides: Overrides;
  readonly analysis: Analysis | undefined;
}

export interface Checked {
  /** The rows as read, with the form's assumptions or, when one is wrong, with the defaults. */
  readonly analysis?: Analysis;
  /** Problems with the assumptions, each for its field (several may name one field: the first is shown). */
  readonly onFields: readonly Problem[];
  /** Problems with the table, above the rows, and how many more of the same kinds. */
  readonly onTable: readonly Problem[];
  readonly more: number;
  readonly withDefaults?: WithDefaults;
  /** The amount columns, when the table has several: to choose from. */
  readonly columns?: readonly AmountColumn[];
}

export const isOnTable = (problem: Problem) => fieldOf(problem.place) === 'form';

/** The assumptions the form and the classes give, as the CLI's assumptions file gives them. */
export function formAssumptions(inputs: Omit<Inputs, 'grid'>): Record<string, unknown> {
  const overrides = Object.fromEntries([...inputs.overrides.values()].map((o) => [o.label, o.class]));
  return assumptionsFromForm(inputs.form, overrides, emptyForm(inputs.today), formDateOrder(inputs.language));
}

/** The problems of bad input; anything else is no input problem and goes on up. */
function inputProblems(error: unknown): InputError {
  if (error instanceof InputError) return error;
  throw error;
}

/**
 * The core's verdict: one analysis of the rows with the form's assumptions. Only when it fails does
 * more run: on an assumption problem, the rows with the defaults (once for the cells and classes,
 * then kept in `previous`); on a table problem, the assumptions alone, for their fields.
 */
export function check(inputs: Inputs, previous: Checked | undefined, core: Core): Checked {
  const { grid, today, column } = inputs;
  const assumptions = formAssumptions(inputs);
  const validate = () => {
    try {
      core.resolveAssumptions(assumptions, { today, yearsInLabels: new Map() });
      return [];
    } catch (error) {
      return inputProblems(error).problems;
    }
  };
  if (!grid) return { onFields: validate(), onTable: [], more: 0 };
  try {
    const analysis = core.analyse({ grid, assumptions, today, column });
    return { analysis, onFields: [], onTable: [], more: 0, ...columnsOf(analysis.table.columns) };
  } catch (error) {
    const { problems, more } = inputProblems(error);
    if (error instanceof ColumnsToChoose) return { onFields: validate(), onTable: problems, more, columns: error.columns };
    const onTable = problems.filter(isOnTable);
    const onFields = problems.filter((p) => !isOnTable(p));
    if (onTable.length > 0) return { onFields: [...onFields, ...validate()], onTable, more };
    const kept = previous?.withDefaults;
    const withDefaults = kept?.grid === grid && kept.overrides === inputs.overrides && kept.column === column ? kept : rowsWithDefaults(inputs, grid, assumptions.overrides, core);
    // Rows that cannot be read even with the defaults: the assumptions alone, as with no rows.
    const alone = withDefaults.analysis ? [] : validate();
    return { analysis: withDefaults.analysis, onFields: [...onFields, ...alone], onTable: [], more, withDefaults, ...(withDefaults.analysis ? columnsOf(withDefaults.analysis.table.columns) : {}) };
  }
}

/** The columns to choose from, when there are several. */
function columnsOf(choice: ColumnChoice): { columns?: readonly AmountColumn[] } {
  return choice.others.length === 0 ? {} : { columns: [choice.chosen, ...choice.others].sort((a, b) => a.column - b.column) };
}

/** The rows with the default assumptions and the classes set, or without the classes when those are unsound. */
function rowsWithDefaults(inputs: Inputs, grid: Grid, overrides: unknown, core: Core): WithDefaults {
  for (const assumptions of overrides === undefined ? [{}] : [{ overrides }, {}]) {
    try {
      return { grid, column: inputs.column, overrides: inputs.overrides, analysis: core.analyse({ grid, assumptions, today: inputs.today, column: inputs.column }) };
    } catch (error) {
      inputProblems(error);
    }
  }
  return { grid, column: inputs.column, overrides: inputs.overrides, analysis: undefined };
}
