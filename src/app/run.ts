// One run, as both faces and the tests make it: a workbook as read, the assumptions as given and a
// clock in; the analysis and the plan of what to write out. Reading and writing are the hosts'.
import { Analysis, analyse } from '../core/analysis';
import { Grid } from '../core/cell';
import { Clock } from '../core/clock';
import { amountsAsNumbers } from '../core/cost-table';
import { RunFacts } from '../layout/audit-sheet';
import { fingerprint, sourceCells } from '../layout/fingerprint';
import { WorkbookPlan } from '../layout/plan';
import { WorkbookName, namesClashing, ourName, planWorkbook, productSheets } from '../layout/workbook-plan';
import { InputError, atCell } from '../core/problems';
import { PRODUCT } from './product';

/** A workbook as a host reads it: the source cells, and what the plan must not clash with. */
export interface WorkbookRead {
  /** The cells of the source: a sheet's table or a range. */
  readonly grid: Grid;
  readonly sheetNames: readonly string[];
  /** Every defined name with the sheet it refers to, its text and scope where the host reads them (marker names find the product's sheets). */
  readonly definedNames: readonly WorkbookName[];
  /** The workbook's file name, when it is a file. */
  readonly file?: string;
  /** The rows of the log of earlier runs, when the workbook holds one. */
  readonly previousRuns?: readonly (readonly unknown[])[];
}

export interface RunRequest {
  readonly workbook: WorkbookRead;
  /** The assumptions as given (parsed JSON, or what the form gives), or undefined for all defaults. */
  readonly assumptions?: unknown;
  /** The amount column to read, when the table has several: its letter (`C`) or its header's text (`2011/12`). */
  readonly column?: string;
  readonly clock: Clock;
  /** False when the plan will not be written into the workbook read (a run that only reports): its names are then no obstacle. */
  readonly writes?: boolean;
}

export interface ScenarioRun {
  readonly analysis: Analysis;
  /** The product's sheets, to write into the workbook read. */
  readonly plan: WorkbookPlan;
  /** What the audit sheet records of the run. */
  readonly facts: RunFacts;
  /** The source cells as the written workbook holds them (a CSV's amounts as numbers), which the fingerprint stamps. */
  readonly source: Grid;
}

/** Analyses the source and plans the product's sheets. Throws InputError naming each bad cell or assumption. */
export function runScenarios({ workbook, assumptions, column, clock, writes = true }: RunRequest): ScenarioRun {
  const ours = productSheets(workbook.definedNames);
  if (writes) refuseNamesClashing(workbook.definedNames, ours);
  const analysis = analyse({ grid: workbook.grid, assumptions, column, today: clock.today() });
  // The source as the written workbook holds it (a CSV's amounts as numbers): what the fingerprint stamps.
  const source = amountsAsNumbers(workbook.grid, analysis.table, analysis.rows);
  const facts: RunFacts = {
    product: PRODUCT.name,
    version: PRODUCT.version,
    ranAt: clock.now(),
    ...(workbook.file === undefined ? {} : { sourceFile: workbook.file }),
    fingerprint: fingerprint(source, analysis.table.range),
    sourceCells: sourceCells(source, analysis.table.range),
    ...(workbook.previousRuns ? { previousRuns: workbook.previousRuns } : {}),
  };
  const plan = planWorkbook(analysis, workbook.sheetNames, ours, facts, workbook.definedNames);
  return { analysis, plan, facts, source };
}

/** Refuses a workbook holding names of the user's own spelt as names the product defines: a run never replaces them. */
function refuseNamesClashing(definedNames: readonly WorkbookName[], ours: ReadonlySet<string>): void {
  const clashing = namesClashing(definedNames, ours);
  if (clashing.length === 0) return;
  throw new InputError(clashing.map((n) => {
    const spelt = ourName(n.name);
    const to = n.formula === undefined ? (n.sheet === '' ? 'no sheet' : `the sheet "${n.sheet}"`) : n.formula.replace(/^=/, '');
    return {
      place: atCell(n.name),
      message: `the workbook has a name ${n.name} of its own, referring to ${to}, which is not on a sheet ${PRODUCT.name} wrote; ${PRODUCT.name} defines this name${spelt === n.name ? '' : ` (as ${spelt})`} for its model and does not replace yours; rename yours (Formulas, Name Manager) and run again`,
    };
  }));
}
