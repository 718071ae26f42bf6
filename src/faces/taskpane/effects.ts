// What the pane asks of Excel, through the Office host. Each task returns the action that reports
// what it found; a failure is thrown, for the controller to report. Meaning is the model's: the
// host reads and writes, the model and the app decide.
import { runScenarios } from '../../app/run';
import { SOURCE_CELL, moneyResultNames, productSheetsHeld, resultDifferences, sourceFrom, verifyWorkbook } from '../../app/verify';
import { rangeA1, sheetOfReference } from '../../core/cell';
import { readNames, readSheets } from '../../hosts/office/read-check';
import { Clock } from '../../core/clock';
import { committeeReport } from '../../core/report';
import { documentHtml, documentText, reportDocument } from '../../layout/report-document';
import { readLastRun, readWorkbook } from '../../hosts/office/read-workbook';
import { showCell, showSheet } from '../../hosts/office/show-sheet';
import { ExcelRunner } from '../../hosts/office/excel-access';
import { interruptedWrite, repairWrite, repaired, writeWorkbook } from '../../hosts/office/write-workbook';
import { NAME } from '../../layout/names';
import { productSheets } from '../../layout/workbook-plan';
import { INPUT_NAMES, RAN_AT_NAME } from '../../layout/read-back';
import { formAssumptions } from './check';
import { Action, Calculation, Repair, State, Task, WorkbookLocked, failureOf, sourceGrid } from './model';

/** How the pane reaches Excel: Excel.run (tried again while Excel is busy), or a fake of it in tests. */
export type ExcelAccess = ExcelRunner;

/** The system clipboard: the same content as HTML (tables for Word) and as plain text. */
export interface Clipboard {
  write(content: { readonly html: string; readonly text: string }): Promise<void>;
}

export interface World {
  readonly excel: ExcelAccess;
  readonly clock: Clock;
  readonly clipboard: Clipboard;
  /** Whether this Excel gives a range's merged blocks (`readsMergedAreas`): cost rows merged across are refused only where it does. */
  readonly readsMergedAreas: boolean;
}

type Effect = (world: World, state: () => State) => Promise<Action>;

/** What a Generate that writes reports. */
type Made = Omit<Extract<Action, { type: 'generate succeeded' }>, 'type'>;

/** A Generate that has begun to write: what it will report, and the sheets of the earlier run. */
interface Begun {
  readonly made: Made;
  readonly earlier: ReadonlySet<string>;
}

/**
 * Generate's one Excel.run: the source read, the run planned, its sheets written, and the results
 * Excel calculated for them compared with the core's; `begin` is told before the first write.
 */
async function generateIn(context: Excel.RequestContext, state: () => State, clock: Clock, readsMergedAreas: boolean, begin: (writing: Begun) => void): Promise<Made> {
  const { source } = state();
  // The log of earlier runs and the workbook's date system come in the same round trip as the source.
  const found = await readWorkbook(context, source, { named: [NAME.runLog], mergedAreas: readsMergedAreas });
  if (found.readOnly) throw new WorkbookLocked('read only');
  if (found.structureProtected) throw new WorkbookLocked('structure');
  // A Generate cut short earlier is repaired in the first request that writes; the plan is made for the workbook as repaired.
  const interrupted = interruptedWrite(found.definedNames, found.sheetNames);
  const read = repaired(found, interrupted);
  const grid = sourceGrid(read, source);
  const previousRuns = read.named?.[NAME.runLog];
  const { analysis, plan, facts } = runScenarios({ workbook: { ...read, grid, ...(previousRuns ? { previousRuns } : {}) }, assumptions: formAssumptions(state()), column: state().column, clock });
  const made = { grid, analysis, sheet: plan.sheets[0].name, ranAt: facts.ranAt };
  begin({ made, earlier: productSheets(read.definedNames) });
  const calculated = await writeWorkbook(context, plan, read.definedNames, interrupted, moneyResultNames(analysis), read.date1904);
  return { ...made, calculation: calculationOf(analysis, calculated) };
}

/** Excel's results against the core's, to the penny; or why Excel did not give them. */
function calculationOf(analysis: Made['analysis'], calculated: Awaited<ReturnType<typeof writeWorkbook>>): Calculation {
  if (!calculated.values) return { kind: 'not calculated', message: calculated.failed instanceof Error ? calculated.failed.message : String(calculated.failed) };
  const values = calculated.values;
  const differences = resultDifferences(analysis, (name) => values[name]);
  return differences.length === 0 ? { kind: 'agrees' } : { kind: 'differs', differences };
}

/** What a run cut short left, repaired (one round trip, two with a repair); and the product's sheets then. */
async function repairNow(context: Excel.RequestContext): Promise<{ readonly repaired?: Repair; readonly held: ReadonlySet<string> }> {
  const read = await readLastRun(context, []);
  const interrupted = interruptedWrite(read.definedNames, read.sheetNames);
  if (interrupted) await repairWrite(context, interrupted);
  const now = repaired(read, interrupted);
  const held = new Set([...productSheets(now.definedNames)].filter((sheet) => now.sheetNames.includes(sheet)));
  return { ...(interrupted ? { repaired: interrupted.finished ? 'finished' : 'rolled back' } : {}), held };
}

export const EFFECTS: Record<Task, Effect> = {
  /**
   * The names that mark the product's sheets and the last run's inputs: one round trip; and when a
   * Generate was cut short, its repair and the names read again: two more.
   */
  restore: async ({ excel }) => ({
    type: 'last run read',
    ...(await excel.run(async (context) => {
      const wanted = [...INPUT_NAMES, RAN_AT_NAME];
      const read = await readLastRun(context, wanted);
      const interrupted = interruptedWrite(read.definedNames, read.sheetNames);
      if (!interrupted) return read;
      await repairWrite(context, interrupted);
      return { ...(await readLastRun(context, wanted)), repaired: interrupted.finished ? 'finished' : 'rolled back' } as const;
    })),
  }),

  /** The source: one round trip. */
  read: async ({ excel, readsMergedAreas }, state) => {
    const { source } = state();
    const read = await excel.run((context) => readWorkbook(context, source, { mergedAreas: readsMergedAreas }));
    return { type: 'read succeeded', grid: sourceGrid(read, source) };
  },

  /**
   * The source again, then the scenarios written, then Excel's calculation of them with its results
   * read back: three round trips up to a few thousand rows. When a
   * request fails once writing has begun, what it left is repaired at once, in one or two more: a
   * run whose last request had put it in place stands; else its sheets are removed, and the pane is
   * told whether the earlier run's sheets are all still there (Excel keeps what a request did
   * before it failed). Should Excel not answer that either, the next opening or Generate repairs it.
   */
  generate: async ({ excel, clock, readsMergedAreas }, state) => {
    let begun: Begun | undefined;
    try {
      const made = await excel.run((context) => generateIn(context, state, clock, readsMergedAreas, (writing) => (begun = writing)));
      return { type: 'generate succeeded', ...made };
    } catch (error) {
      if (!begun) throw error;
      const { made, earlier } = begun;
      const after = await excel.run(repairNow).catch(() => undefined);
      if (!after) throw error;
      if (after.repaired === 'finished') return { type: 'generate succeeded', ...made };
      const kept = [...earlier].every((sheet) => after.held.has(sheet));
      return { type: 'failed', failure: failureOf(error), previousRun: kept ? 'kept' : 'removed' };
    }
  },

  /** The product's sheets and the source read back and checked: two round trips. */
  check: async ({ excel }) => ({
    type: 'checked',
    report: await excel.run(async (context) => {
      const first = await readNames(context, SOURCE_CELL);
      const product = [...new Set(Object.values(productSheetsHeld(first.names)))];
      const source = sourceFrom(first.value);
      const wanted = [...product.map((sheet) => ({ sheet })), ...(first.sheetNames.includes(source.sheet) && !product.includes(source.sheet) ? [{ sheet: source.sheet, address: rangeA1(source.range) }] : [])];
      return verifyWorkbook({ sheetNames: first.sheetNames, names: first.names, sheets: await readSheets(context, wanted, first.date1904), hiddenSheets: first.hiddenSheets });
    }),
  }),

  /** A cell a finding names, selected: one round trip. */
  'go to cell': async ({ excel }, state) => {
    const target = state().target;
    if (target) await excel.run((context) => showCell(context, sheetOfReference(target), target.slice(target.lastIndexOf('!') + 1)));
    return { type: 'cell shown' };
  },

  /** The committee paragraph of the run written, on the clipboard: no round trip. */
  'copy report': async ({ clipboard }, state) => {
    const analysis = state().checked.analysis;
    if (!analysis) throw new Error('there are no scenarios to report; press Generate first');
    const doc = reportDocument(committeeReport(analysis));
    try {
      await clipboard.write({ html: documentHtml(doc), text: documentText(doc) });
      return { type: 'report copied' };
    } catch (error) {
      return { type: 'copy refused', reason: error instanceof Error ? error.message : String(error) };
    }
  },

  /** The scenario sheet, at A1: one round trip. */
  'go to sheet': async ({ excel }, state) => {
    const sheet = state().written?.sheet;
    if (sheet) await excel.run((context) => showSheet(context, sheet));
    return { type: 'sheet shown' };
  },
};
