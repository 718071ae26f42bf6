// Verifying a scenario workbook (docs/conventions.md, "Verifying a scenario workbook"), as both faces ask
// it: the product's sheets and the source as a host read them in; the findings out. The inputs now
// in the sheets are read back and run again, as at the run's moment, and the plan that gives is
// what every product cell, name and result must match; the source must match its fingerprint.
import { parseIsoDate } from '../core/calendar-date';
import { CellRange, CellValue, Grid, MAX_COLUMNS, MAX_ROWS, a1, columnName, excelSerial, isUncalculated, parseRange, sheetOfReference, sheetReference } from '../core/cell';
import { shorten } from '../core/limits';
import { InputError, placeWords } from '../core/problems';
import { Analysis } from '../core/analysis';
import { Money, toPounds } from '../core/money';
import { NAME } from '../layout/names';
import { INPUT_NAMES, assumptionsFromInputs, contractEndsOnSheet } from '../layout/read-back';
import { LoggedRun, differencesSinceRun, lastLoggedRun } from '../layout/run-log';
import { Finding, HeldName, NameDefinition, WrittenSheet, definitionFindings, nameFindings, sheetFindings } from '../layout/verify';
import { SheetHidden, formatFindings, visibilityFindings } from '../layout/verify-shown';
import { VALUE_DIFFERS, savedValueFindings } from '../layout/saved-values';
import { HeldChart, chartFindings } from '../layout/verify-charts';
import { PRODUCT_SHEETS } from '../layout/workbook-plan';
import { runScenarios } from './run';

export type { Finding, HeldName, NameDefinition, WrittenSheet } from '../layout/verify';


export interface VerifyRead {
  readonly sheetNames: readonly string[];
  /** The defined names of one rectangle, each with its scope when it is local to one sheet. */
  readonly names: readonly HeldName[];
  /**
   * Every defined name as written, whatever it refers to, with its scope: to find a name of the
   * model defined again for one of its sheets, or twice. A host that reads only the names of the
   * whole workbook gives none.
   */
  readonly definitions?: readonly NameDefinition[];
  /** The charts over each of the product's sheets, by the sheet's name, in its drawing's order; a host that cannot read them gives none, and they are not compared. */
  readonly charts?: ReadonlyMap<string, readonly HeldChart[]>;
  /** The sheets read: the product's, and the source's once `sourceOf` has named it. */
  readonly sheets: ReadonlyMap<string, WrittenSheet>;
  /** Each sheet hidden from a reader, by its name; a sheet not in it is visible. A host that read no sheet's visibility gives none. */
  readonly hiddenSheets?: ReadonlyMap<string, SheetHidden>;
}

export interface VerifyReport {
  readonly findings: readonly Finding[];
  /** False when the file was never calculated since it was written: its saved values say nothing yet. */
  readonly calculated: boolean;
  readonly ranAt: string;
  readonly source: string;
  /**
   * Each input, the source's fingerprint, and the preferred option or its NPV, that differs from
   * what the log of runs recorded at the run (kind `since-run`): the workbook may be intact for the inputs now in it and still not
   * hold the run's. Apart from `findings`, which are what is not as the product wrote it.
   */
  readonly sinceRun: readonly Finding[];
  /**
   * Whether the run's inputs were compared with those now: `not recorded` when the log of runs does
   * not record them (a workbook from before the log), `not compared` when the inputs now are refused.
   */
  readonly runLog: 'compared' | 'not recorded' | 'not compared';
  /** The recomputation from the inputs now in the workbook, and the fingerprint its source's values give; undefined when the inputs now are refused. */
  readonly recomputed?: { readonly analysis: Analysis; readonly fingerprint: string };
}

/** The workbook holds no product sheets, or not enough of a run to check. */
export class NotAScenarioWorkbook extends Error {}

/** The name of the whole workbook spelt `name` (any case): a name local to one sheet is not the model's. */
const named = (names: readonly HeldName[], name: string) => names.find((n) => n.scope === undefined && n.name.toLowerCase() === name.toLowerCase());

/** The product's sheets the workbook holds, by role, found by their marker names. */
export function productSheetsHeld(names: readonly HeldName[]): Partial<Record<keyof typeof PRODUCT_SHEETS, string>> {
  const held = Object.entries(PRODUCT_SHEETS).flatMap(([role, sheet]) => {
    const marker = named(names, NAME[sheet.marker]);
    return marker ? [[role, marker.sheet]] : [];
  });
  if (held.length === 0) throw new NotAScenarioWorkbook('it holds no sheets VfM Scenarios wrote (no VfM_Sheet_ marker names)');
  return Object.fromEntries(held);
}

/** A value a cell holds as the read-back takes it: a date as its serial, as Excel gives it. */
function cellInput(value: CellValue | undefined): unknown {
  if (typeof value === 'object' && value !== null && 'date' in value) {
    const date = parseIsoDate(value.date);
    return date ? excelSerial(date) : value.date;
  }
  return value ?? null;
}

/** The values of a name's cells, rows of columns, from the sheets read; undefined when not read. */
function valuesOf(read: VerifyRead, name: string): unknown[][] | undefined {
  const held = named(read.names, name);
  const sheet = held && read.sheets.get(held.sheet);
  if (!held || !sheet) return undefined;
  const { grid } = sheet;
  return Array.from({ length: held.range.bottom - held.range.top + 1 }, (_, r) =>
    Array.from({ length: held.range.right - held.range.left + 1 }, (_, c) => cellInput(grid.values[held.range.top + r - grid.top]?.[held.range.left + c - grid.left])));
}
const single = (read: VerifyRead, name: string) => valuesOf(read, name)?.[0]?.[0];

/** The cell naming the run's source (`Costs!A4:B11`), which a host reads before the source itself. */
export const SOURCE_CELL = NAME.sourceRange;

/** Cells as A1 references write them: `B3`, `$A$4:$B$11`, whatever the size of their numbers. */
const CELLS = /^\$?[A-Za-z]+\$?\d+(:\$?[A-Za-z]+\$?\d+)?$/;

/**
 * The source sheet and range the run read, from the text the audit sheet stamped. It is checked
 * before anything is read: a range beyond Excel's grid is refused, naming it; within the grid,
 * `sourceGrid` reads only the cells the sheet holds, however large the range.
 */
export function sourceFrom(text: unknown): { sheet: string; range: CellRange; text: string } {
  const cells = typeof text === 'string' && text.includes('!') ? text.slice(text.lastIndexOf('!') + 1).trim() : undefined;
  const range = cells === undefined ? undefined : parseRange(cells);
  if (typeof text === 'string' && cells !== undefined && !range && CELLS.test(cells)) {
    throw new NotAScenarioWorkbook(`its audit sheet says the run read ${shorten(text)} (${NAME.sourceRange}), which is beyond Excel's grid (columns A to ${columnName(MAX_COLUMNS)}, rows 1 to ${MAX_ROWS.toLocaleString('en-GB')}); run the scenarios again`);
  }
  if (typeof text !== 'string' || !range) throw new NotAScenarioWorkbook(`its audit sheet does not say which cells the run read (${NAME.sourceRange}); run the scenarios again`);
  return { sheet: sheetOfReference(text), range, text };
}

/** The source sheet and range the run read, as the audit sheet stamped it. */
export function sourceOf(read: VerifyRead): { sheet: string; range: CellRange; text: string } {
  return sourceFrom(single(read, NAME.sourceRange));
}

/**
 * The source's cells in its range, from the sheet read: each row up to its last cell that holds
 * something, as a reader gives rows, so that a range larger than the sheet's cells (Excel's whole
 * grid) costs no more than the sheet; rows below the sheet's last are the one empty row.
 */
function sourceGrid(read: VerifyRead, source: { sheet: string; range: CellRange }): Grid {
  const sheet = read.sheets.get(source.sheet);
  if (!sheet) throw new NotAScenarioWorkbook(`the source sheet "${source.sheet}" is gone`);
  const { grid } = sheet;
  const { top, left, bottom, right } = source.range;
  const none: CellValue[] = [];
  const values = Array.from({ length: bottom - top + 1 }, (_, r) => {
    const cells = grid.values[top + r - grid.top];
    if (!cells) return none;
    const row: CellValue[] = [];
    const last = Math.min(right, grid.left + cells.length - 1);
    for (let c = left; c <= last; c++) row.push(cells[c - grid.left] ?? null);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  return { sheet: source.sheet, top, left, values };
}

/** Whether Excel (or another spreadsheet) has calculated the sheet since the product wrote it: its formulas hold values. */
function calculated(sheet: WrittenSheet): boolean {
  return !sheet.grid.values.some((cells) => cells.some(isUncalculated));
}

export function verifyWorkbook(read: VerifyRead): VerifyReport {
  const held = productSheetsHeld(read.names);
  const source = sourceOf(read);
  const ranAt = single(read, NAME.ranAt);
  const day = typeof ranAt === 'string' ? parseIsoDate(ranAt.slice(0, 10)) : undefined;
  if (typeof ranAt !== 'string' || !day) throw new NotAScenarioWorkbook(`its audit sheet does not say when the run was (${NAME.ranAt})`);
  const inputs = Object.fromEntries(INPUT_NAMES.map((name) => [name, valuesOf(read, name)]));
  const modelSheetNames = [held.scenarios, held.options, held.report, held.costRows].filter((name): name is string => name !== undefined && read.sheets.has(name));
  let wasCalculated = modelSheetNames.every((name) => calculated(read.sheets.get(name) as WrittenSheet));
  const logged = loggedRun(read);
  const report = (findings: Finding[], sinceRun?: Finding[], recomputed?: VerifyReport['recomputed']): VerifyReport => ({
    findings, calculated: wasCalculated, ranAt, source: source.text, sinceRun: sinceRun ?? [], runLog: logged?.inputs === undefined ? 'not recorded' : sinceRun ? 'compared' : 'not compared',
    ...(recomputed ? { recomputed } : {}),
  });

  let run;
  try {
    const workbook = { grid: sourceGrid(read, source), sheetNames: read.sheetNames, definedNames: read.names.filter((n) => n.scope === undefined).map((n) => ({ name: n.name, sheet: n.sheet })) };
    const runWith = (assumptions: Record<string, unknown>) => runScenarios({ workbook, assumptions, clock: { today: () => day, now: () => ranAt } });
    const assumptions = assumptionsFromInputs(inputs);
    run = runWith(assumptions);
    // The contract ends on the cost-rows sheet that are not the source's were set by the user: run again with them.
    const ends = contractEndsOnSheet({ [NAME.items]: valuesOf(read, NAME.items), [NAME.contractEnds]: valuesOf(read, NAME.contractEnds) }, run.analysis.rows);
    if (Object.keys(ends).length > 0) run = runWith({ ...assumptions, contractEnds: ends });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return report(error.problems.map((p) => ({ kind: p.place && 'cell' in p.place ? 'source' : 'input', place: placeWords(p.place), message: p.message })));
  }

  const findings: Finding[] = [];
  const stamped = single(read, NAME.fingerprint);
  if (stamped !== run.facts.fingerprint) {
    findings.push({ kind: 'source', place: source.text, message: 'the source values no longer match the fingerprint stamped at the run', expected: String(stamped), found: run.facts.fingerprint });
    findings.push(...sourceChanges(read, source.sheet, run.facts.sourceCells ?? []));
  }
  // The audit sheet is the record of the run, fixed at it: the model's sheets and the report are checked cell by cell.
  for (const role of ['scenarios', 'options', 'report', 'costRows'] as const) {
    const name = held[role];
    const written = name === undefined ? undefined : read.sheets.get(name);
    const planned = run.plan.sheets.find((sheet) => sheet.name === name);
    if (!name || !written || !planned) {
      findings.push({ kind: 'cell', place: PRODUCT_SHEETS[role].name, message: 'a sheet of the model is missing' });
      continue;
    }
    const cells = sheetFindings(planned, written, sheetReference(name));
    findings.push(...cells);
    // A cell whose contents are not the product's is found already, whatever its format.
    const found = new Set(cells.map((f) => f.place));
    findings.push(...formatFindings(planned, written, sheetReference(name)).filter((f) => !found.has(f.place)));
    if (read.charts) findings.push(...chartFindings(planned, name, read.charts.get(name) ?? []));
  }
  const modelSheets = new Set([held.scenarios, held.options, held.report, held.costRows]);
  findings.push(...nameFindings(run.plan.names.filter((n) => modelSheets.has(n.sheet)), read.names.filter((n) => n.scope === undefined)));
  const productSheets = new Set(Object.values(held).filter((sheet): sheet is string => sheet !== undefined));
  findings.push(...definitionFindings(run.plan.names, productSheets, read.definitions ?? []));
  if (read.hiddenSheets) findings.push(...visibilityFindings(held, read.sheetNames, read.hiddenSheets, { sheets: read.sheets, names: read.names, definitions: read.definitions ?? [], ours: new Set(run.plan.names.map((n) => n.name)) }));

  const saved = savedValueFindings(run.plan, modelSheetNames, read.sheets, cellFound(findings));
  wasCalculated = saved.calculated;
  if (wasCalculated) {
    const results = resultFindings(read, run.analysis);
    const named = new Set(results.flatMap((f) => resultCell(read, f.place) ?? []));
    findings.push(...results, ...saved.findings.filter((f) => !(f.message === VALUE_DIFFERS && named.has(f.place))));
  }
  const sinceRun = logged ? differencesSinceRun(logged, run.analysis, run.facts.fingerprint).map((d): Finding => ({ kind: 'since-run', place: d.place, message: 'differs from the run', expected: d.atRun, found: d.now })) : [];
  return report(findings, sinceRun, { analysis: run.analysis, fingerprint: run.facts.fingerprint });
}

/** Whether a cell is already found changed: its saved value is not compared as well. */
function cellFound(findings: readonly Finding[]): (place: string) => boolean {
  const places = new Set(findings.filter((f) => f.kind === 'cell').map((f) => f.place));
  return (place) => places.has(place);
}

/** The cell a named result's finding is about (`VfM_NPV`, `VfM_OptionNPVs[2]`), as a finding names a cell. */
function resultCell(read: VerifyRead, place: string): string | undefined {
  const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(place) ?? [];
  const held = name === undefined ? undefined : named(read.names, name);
  return held && `${sheetReference(held.sheet)}!${a1(held.range.top + (index === undefined ? 0 : Number(index) - 1), held.range.left)}`;
}

/** The run the log of runs recorded last (the run that wrote the sheets), with the headings above the log; undefined when there is no log. */
function loggedRun(read: VerifyRead): LoggedRun | undefined {
  const rows = valuesOf(read, NAME.runLog);
  const held = named(read.names, NAME.runLog);
  const grid = held && read.sheets.get(held.sheet)?.grid;
  if (!rows || !held || !grid) return undefined;
  const headings = (grid.values[held.range.top - 1 - grid.top] ?? []).slice(held.range.left - grid.left, held.range.right - grid.left + 1);
  return lastLoggedRun(rows, headings);
}

/** Each source cell whose value differs from the one stamped at the run, when the audit sheet lists them. */
function sourceChanges(read: VerifyRead, sheet: string, now: readonly { address: string; value: string }[]): Finding[] {
  const addresses = valuesOf(read, NAME.sourceCells)?.map((row) => String(row[0] ?? ''));
  const values = valuesOf(read, NAME.sourceValues)?.map((row) => (row[0] === null || row[0] === undefined ? '' : String(row[0])));
  if (!addresses || !values) return [];
  const then = new Map(addresses.map((address, i) => [address, values[i]]));
  const current = new Map(now.map((cell) => [cell.address, cell.value]));
  const changed = [...new Set([...then.keys(), ...current.keys()])].filter((address) => (then.get(address) ?? '') !== (current.get(address) ?? ''));
  const words = (value: string | undefined) => (value === undefined || value === '' ? 'empty' : value);
  return changed.map((address) => ({
    kind: 'source', place: `${sheetReference(sheet)}!${address}`, message: 'a source cell changed since the run', expected: words(then.get(address)), found: words(current.get(address)),
  }));
}

/** A money result the model calculates, by its defined name (and its row, in a column of them), with the core's figure. */
export interface MoneyResult {
  readonly name: string;
  /** Its row (0-based) in a column of results, such as each option's NPV. */
  readonly index?: number;
  readonly expected: Money;
}

/** A result a spreadsheet calculated that is not the core's to the penny: what it holds (a number, text, an error, or nothing). */
export interface ResultDifference extends MoneyResult {
  readonly found: unknown;
}

/** The model's money results, as the core works them: the saving, its NPV, each option's NPV and the preferred one's. */
export function moneyResults(analysis: Analysis): MoneyResult[] {
  const { savings, appraisal } = analysis;
  const preferred = appraisal.options.preferred;
  return [
    { name: NAME.totalSaving, expected: savings.totalSaving },
    { name: NAME.npv, expected: savings.npv },
    ...appraisal.options.options.map((o, index) => ({ name: NAME.optionNpvs, index, expected: o.npv })),
    { name: NAME.preferredNpv, expected: preferred === undefined ? (0 as Money) : appraisal.options.options[preferred].npv },
  ];
}

/** The names that hold the money results. */
export const moneyResultNames = (analysis: Analysis): string[] => [...new Set(moneyResults(analysis).map((r) => r.name))];

/**
 * Each money result whose calculated value, from `valuesOf` (a name's cells, rows of columns, as
 * the spreadsheet holds them), is not the core's figure to the penny.
 */
export function resultDifferences(analysis: Analysis, valuesOf: (name: string) => readonly (readonly unknown[])[] | undefined): ResultDifference[] {
  return moneyResults(analysis).flatMap((result) => {
    const found = valuesOf(result.name)?.[result.index ?? 0]?.[0];
    return typeof found === 'number' && Math.round(found * 100) === result.expected ? [] : [{ ...result, found }];
  });
}

/** The results Excel saved against the core's, to the penny, and the checks TRUE. */
function resultFindings(read: VerifyRead, analysis: Analysis): Finding[] {
  const rows = (name: string) => moneyResults(analysis).filter((r) => r.name === name).length;
  // A result that holds no saved value, beside others that do, is found as such (layout/saved-values.ts).
  const money = resultDifferences(analysis, (name) => valuesOf(read, name)).filter((d) => !isUncalculated(d.found as CellValue)).map((d): Finding => ({
    kind: 'result', place: d.index === undefined || rows(d.name) === 1 ? d.name : `${d.name}[${d.index + 1}]`, message: 'a result as saved differs from the recomputation', expected: toPounds(d.expected).toFixed(2), found: String(d.found),
  }));
  const check = (name: string): Finding[] => {
    const saved = single(read, name);
    return saved === true || isUncalculated(saved as CellValue) ? [] : [{ kind: 'result', place: name, message: 'a check is not TRUE', expected: 'TRUE', found: typeof saved === 'boolean' ? 'FALSE' : String(saved) }];
  };
  return [...money, ...check(NAME.masterCheck), ...check(NAME.optionsCheck)];
}

/**
 * What verification says of the run's inputs against those now, as both faces show it: a sentence,
 * and a line for each difference; none when the inputs now were refused (their findings say why).
 */
export function sinceRunWords(report: Pick<VerifyReport, 'sinceRun' | 'runLog'>): { summary?: string; lines: string[] } {
  const lines = report.sinceRun.map((f) => `${f.place}: ${f.expected} at the run, ${f.found} now`);
  if (report.runLog === 'not recorded') return { summary: 'The log of runs on the audit sheet does not record the run\'s inputs, so they are not compared with those now in the workbook.', lines };
  if (report.runLog === 'not compared') return { lines };
  return lines.length === 0
    ? { summary: 'The inputs, the source\'s fingerprint and the preferred option\'s NPV are the run\'s, as the log of runs on the audit sheet recorded them.', lines }
    : { summary: 'The inputs or results differ from the run\'s, as the log of runs on the audit sheet recorded them:', lines };
}
