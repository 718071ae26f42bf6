// `vfm analyse INPUT [--sheet NAME] [--range A1:C12|NAME] [--column C] [--assumptions FILE.json] [--json SUMMARY.json] [--out OUTPUT.xlsx] [--report REPORT.docx]`
// Reads the cost rows, prints the scenarios, and writes the JSON summary, the workbook with the
// scenario sheets and the committee report's text as a Word document. Bad input, assumptions or files throw (exit 2) before anything is written.
import path from 'path';
import { PRODUCT } from '../../../app/product';
import { ScenarioRun, runScenarios } from '../../../app/run';
import { ColumnsToChoose } from '../../../core/amount-columns';
import { amountsAsNumbers } from '../../../core/cost-table';
import { committeeReport } from '../../../core/report';
import { reportDocument } from '../../../layout/report-document';
import { readHead, readInChunks, readWhole, writeFilesWhole } from '../../../hosts/files';
import { FileKind, KIND_WORDS, PackageError, SourceWorkbook, fileKind, openTextWorkbook, openWorkbook } from '../../../hosts/xlsx/read-workbook';
import { NAME } from '../../../layout/names';
import { newWorkbookWithSource, writeIntoPackage } from '../../../hosts/xlsx/write-workbook';
import { ourName, productSheets } from '../../../layout/workbook-plan';
import { WorkbookPlan } from '../../../layout/plan';
import { Command, Io } from '../command';
import { columnsToChoose } from '../source-column';
import { UsageError, rangeChoice, sourceGrid } from '../source-sheet';
import { readJsonText } from '../json-file';
import { refuseEmptyNames, refuseOverwriting } from '../file-names';
import { summaryInPieces, summaryJsonText } from '../summary-json';
import { terminalSummary, terminalText } from '../terminal';

const options = {
  sheet: { type: 'string' },
  range: { type: 'string' },
  column: { type: 'string' },
  assumptions: { type: 'string' },
  json: { type: 'string' },
  out: { type: 'string' },
  report: { type: 'string' },
} as const;

export const analyse: Command<typeof options> = {
  name: 'analyse',
  options,
  async run({ values, positionals }, io) {
    const [input, ...extra] = positionals;
    if (!input) throw new UsageError('analyse needs the INPUT.xlsx workbook to read');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    refuseEmptyNames(values);
    await analyseFile({ input, ...values }, io);
  },
};

/** What to do about a file that cannot be read, by what it is: never the workbook library's own words. */
const WHAT_TO_DO: Record<FileKind, string> = {
  xlsx: 'open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and try again, or use the Excel add-in, which reads the open workbook',
  ods: 'open it in LibreOffice or Excel, save it as .xlsx and try again',
  xls: 'open it in Excel or LibreOffice, save it as .xlsx and try again',
  text: 'if it holds comma- or semicolon-separated values, name it .csv and try again; else save it from Excel as .xlsx',
  other: 'save the workbook from Excel as .xlsx and try again',
};

/** What --out makes of each kind of file. */
const OUTPUT_EXTENSION: Readonly<Record<SourceWorkbook['kind'], string>> = { xlsx: '.xlsx', xlsm: '.xlsm', xls: '.xlsx', ods: '.xlsx', csv: '.xlsx' };

interface AnalyseOptions {
  input: string;
  sheet?: string;
  range?: string;
  column?: string;
  assumptions?: string;
  json?: string;
  out?: string;
  report?: string;
}

async function analyseFile(options: AnalyseOptions, io: Io): Promise<void> {
  await refuseOverwriting(
    [['the input workbook', options.input], ['the assumptions file', options.assumptions]],
    [['--out', options.out], ['--json', options.json], ['--report', options.report]],
  );

  const assumptions = options.assumptions === undefined ? undefined : parseJson(options.assumptions, await readWhole(options.assumptions));
  // What the file is, by its first bytes: a text file is then read as it comes, never whole.
  const kind = fileKind(await readHead(options.input));
  const unreadable = (error: PackageError) => new UsageError(`${options.input}: cannot be read: ${error.message}; ${error.advice ?? WHAT_TO_DO[kind]}`);
  const reading = async <T>(read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      throw error instanceof PackageError ? unreadable(error) : error;
    }
  };
  if (options.report !== undefined && path.extname(options.report).toLowerCase() !== '.docx') {
    throw new UsageError(`--report ${options.report}: the report is written as a Word document; name it NAME.docx`);
  }
  const workbook = await reading(async () => (kind === 'text' ? openTextWorkbook(() => readInChunks(options.input), options.input) : openWorkbook(await readWhole(options.input), options.input)));
  const extension = OUTPUT_EXTENSION[workbook.kind];
  if (options.out !== undefined && path.extname(options.out).toLowerCase() !== extension) {
    throw new UsageError(`--out ${options.out}: ${options.input} is ${KIND_WORDS[workbook.kind]}, so --out writes ${extension === '.xlsm' ? 'an .xlsm workbook (its macros kept)' : 'an .xlsx workbook'}; name the output NAME${extension}`);
  }
  const names = workbook.definedNames;
  const ours = productSheets(names);
  const range = options.range === undefined ? undefined : rangeChoice(workbook, options.range, ours);
  const { grid, choice } = await reading(() => sourceGrid(workbook, ours, options.sheet, range));
  // The log of earlier runs, when the workbook holds the product's sheets: this run's row is added to it.
  // A copy of the audit sheet carries a copy of the log's name: the log is the one on the product's sheet.
  const log = workbook.namedRanges.find((named) => named.kind === 'defined name' && named.name.toLowerCase() === NAME.runLog.toLowerCase() && ours.has(named.sheet));
  const previousRuns = log ? (await reading(() => workbook.grid(log.sheet, log.range))).values : undefined;
  const { analysis, plan, source, facts } = withColumnChosen(() => runScenarios({
    workbook: { grid, sheetNames: workbook.sheets.map((s) => s.name), definedNames: names, file: path.basename(options.input), ...(previousRuns ? { previousRuns } : {}) },
    assumptions,
    clock: io.clock,
    column: options.column,
    writes: options.out !== undefined,
  }));

  // Every file or none, and a file the user had is replaced only once all are complete.
  const outputs = [];
  if (options.out) {
    const pkg = workbook.package;
    // A file that cannot be edited in place gives the new workbook its source sheet, whole: a
    // CSV's amounts as the numbers they were read as, for the model to link to.
    const sourceSheet = async () => {
      const whole = await workbook.grid(grid.sheet);
      return whole === grid ? source : amountsAsNumbers(whole, analysis.table, analysis.rows);
    };
    const written = await reading(async () => (pkg ? writeIntoPackage(pkg, plan) : newWorkbookWithSource(await sourceSheet(), plan)));
    outputs.push({ file: options.out, contents: written });
  }
  if (options.json) {
    const summary = summaryInPieces(analysis, options.input, { name: PRODUCT.packageName, version: PRODUCT.version }, choice, facts.fingerprint);
    outputs.push({ file: options.json, contents: summaryJsonText(summary) });
  }
  if (options.report) {
    // The Word writer (docx) is loaded only for a report: most runs need none.
    const { reportDocx } = await import('../../../hosts/report-docx');
    const docx = await reportDocx(reportDocument(committeeReport(analysis)), `${PRODUCT.name} ${PRODUCT.version}`);
    outputs.push({ file: options.report, contents: docx });
  }
  await writeFilesWhole(outputs);
  const wrote = !options.out ? [] : workbook.package
    ? [`Wrote ${options.out}: the scenarios as live formulas on new sheets after the council's own${replacedWords(plan)}; everything else in the file is kept as it was.`]
    : [`Wrote ${options.out}: a new workbook, since ${KIND_WORDS[workbook.kind]} cannot be edited in place: the values of "${grid.sheet}" as its first sheet, then the scenarios as live formulas linked to them.`];
  if (options.report) wrote.push(`Wrote ${options.report}: the "Financial Implications" text for the committee report, with this run's figures.`);
  io.out(terminalSummary(analysis, options.input, choice) + terminalText(wrote));
}

/** `a`, `a and b`, `a, b and c`. */
const listed = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * What a run replaced in the workbook, exactly: the earlier run's sheets, and any name of the
 * user's that referred to them (the product's own names on them are the earlier run's).
 */
function replacedWords(plan: WorkbookPlan): string {
  if (plan.remove.length === 0) return '';
  const theirs = (plan.removeNames ?? []).filter((n) => ourName(n.name) === undefined).map((n) => (n.scope === undefined ? n.name : `${n.name} (of the sheet "${n.scope}")`));
  const names = theirs.length === 0 ? '' : `; the ${theirs.length === 1 ? 'name' : 'names'} ${listed(theirs)}, which referred to them, ${theirs.length === 1 ? 'is' : 'are'} removed`;
  return `, in place of the earlier run's sheets ${listed(plan.remove.map((sheet) => `"${sheet}"`))}${names}`;
}

/** The run, or, when the table's amount columns leave the choice to the user, the columns to choose from. */
function withColumnChosen(run: () => ScenarioRun): ScenarioRun {
  try {
    return run();
  } catch (error) {
    throw error instanceof ColumnsToChoose ? columnsToChoose(error) : error;
  }
}

function parseJson(file: string, bytes: Buffer): unknown {
  const reading = readJsonText(bytes.toString('utf8'));
  if ('problem' in reading) throw new UsageError(`--assumptions ${file}: ${reading.problem}`);
  return reading.value;
}
