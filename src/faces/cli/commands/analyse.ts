// `vfm analyse INPUT.xlsx [--sheet NAME] [--range A1:C12|NAME] [--column C] [--assumptions FILE.json] [--json SUMMARY.json] [--out OUTPUT.xlsx]`
// Reads the cost rows, prints the scenarios, and writes the JSON summary and the workbook with the
// scenario sheets. Bad input, assumptions or files throw (exit 2) before anything is written.
import { promises as fs } from 'fs';
import path from 'path';
import { PRODUCT } from '../../../app/product';
import { ScenarioRun, runScenarios } from '../../../app/run';
import { ColumnsToChoose } from '../../../core/amount-columns';
import { FilePlace, placeOf, readWhole, samePlace, writeFilesWhole } from '../../../hosts/files';
import { FileKind, fileKind, loadWorkbook, partsLostOnWrite, sheetNames } from '../../../hosts/xlsx/read-workbook';
import { applyPlan, definedNames, saveWorkbook } from '../../../hosts/xlsx/write-workbook';
import { productSheets } from '../../../layout/workbook-plan';
import { Command, Io } from '../command';
import { columnsToChoose } from '../source-column';
import { UsageError, rangeChoice, sourceGrid } from '../source-sheet';
import { summaryJson } from '../summary-json';
import { terminalSummary, terminalText } from '../terminal';

const options = {
  sheet: { type: 'string' },
  range: { type: 'string' },
  column: { type: 'string' },
  assumptions: { type: 'string' },
  json: { type: 'string' },
  out: { type: 'string' },
} as const;

export const analyse: Command<typeof options> = {
  name: 'analyse',
  options,
  async run({ values, positionals }, io) {
    const [input, ...extra] = positionals;
    if (!input) throw new UsageError('analyse needs the INPUT.xlsx workbook to read');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    await analyseFile({ input, ...values }, io);
  },
};

/** Why a file could not be read, and what to do, by what it is: never the workbook library's own words. */
const UNREADABLE: Record<FileKind, string> = {
  xlsx: 'part of it is in a form vfm cannot read (charts, pivot tables or Excel tables saved by some programs can do this); open it in Excel or LibreOffice, save it as .xlsx and try again, or use the Excel add-in, which reads the open workbook',
  ods: 'it is an OpenDocument spreadsheet (.ods), which vfm does not read yet; open it in LibreOffice or Excel and save it as .xlsx',
  xls: 'it is an Excel 97-2003 workbook (.xls), which vfm does not read yet; open it in Excel or LibreOffice and save it as .xlsx',
  text: 'it is a text file (such as .csv), which vfm does not read yet; open it in Excel or LibreOffice and save it as .xlsx',
  other: 'it is not a spreadsheet file vfm knows; save the workbook from Excel as .xlsx',
};

interface AnalyseOptions {
  input: string;
  sheet?: string;
  range?: string;
  column?: string;
  assumptions?: string;
  json?: string;
  out?: string;
}

async function analyseFile(options: AnalyseOptions, io: Io): Promise<void> {
  await refuseOverwriting(options);

  const assumptions = options.assumptions === undefined ? undefined : parseJson(options.assumptions, await readWhole(options.assumptions));
  const bytes = await readWhole(options.input);
  const kind = fileKind(bytes);
  const unreadable = () => new UsageError(`${options.input}: cannot be read as an .xlsx workbook: ${UNREADABLE[kind]}`);
  if (kind !== 'xlsx') throw unreadable(); // the library may load other zips as empty workbooks
  const workbook = await loadWorkbook(bytes).catch(() => {
    throw unreadable();
  });
  if (options.out) {
    const lost = await partsLostOnWrite(bytes);
    if (lost.length > 0) {
      throw new UsageError(`${options.input} holds ${lost.join(', ')}, which the .xlsx writer would not keep, so --out writes nothing. Use the Excel add-in, which writes into the open workbook and keeps everything, or leave out --out (--json still works)`);
    }
  }
  const names = definedNames(workbook);
  const ours = productSheets(names);
  const range = options.range === undefined ? undefined : rangeChoice(workbook, options.range, ours);
  const { grid, choice } = sourceGrid(workbook, ours, options.sheet, range);
  const { analysis, plan } = withColumnChosen(() => runScenarios({
    workbook: { grid, sheetNames: sheetNames(workbook), definedNames: names, file: path.basename(options.input) },
    assumptions,
    clock: io.clock,
    column: options.column,
  }));

  // Both files or neither, and a file the user had is replaced only once both are complete.
  const outputs = [];
  if (options.out) {
    applyPlan(workbook, plan);
    outputs.push({ file: options.out, write: (temporary: string) => saveWorkbook(workbook, temporary) });
  }
  if (options.json) {
    const json = `${JSON.stringify(summaryJson(analysis, options.input, { name: PRODUCT.packageName, version: PRODUCT.version }, choice), null, 2)}\n`;
    outputs.push({ file: options.json, write: (temporary: string) => fs.writeFile(temporary, json, 'utf8') });
  }
  await writeFilesWhole(outputs);
  const wrote = options.out ? [`Wrote ${options.out}: the scenarios as live formulas on new sheets after the council's own.`] : [];
  io.out(terminalSummary(analysis, options.input, choice) + terminalText(wrote));
}

/** The run, or, when the table's amount columns leave the choice to the user, the columns to choose from. */
function withColumnChosen(run: () => ScenarioRun): ScenarioRun {
  try {
    return run();
  } catch (error) {
    throw error instanceof ColumnsToChoose ? columnsToChoose(error) : error;
  }
}

/**
 * Refuses outputs that would replace a file the run reads, or each other: names are compared as
 * the files they are (symbolic links resolved, hard links by inode), not as typed.
 */
async function refuseOverwriting(options: AnalyseOptions): Promise<void> {
  const read: [string, FilePlace][] = [['the input workbook', await placeOf(options.input, 'read')]];
  if (options.assumptions !== undefined) read.push(['the assumptions file', await placeOf(options.assumptions, 'read')]);
  const written: [string, string, FilePlace][] = [];
  for (const [option, file] of [['--out', options.out], ['--json', options.json]] as const) {
    if (file === undefined) continue;
    const place = await placeOf(file, 'written');
    const over = read.find(([, source]) => samePlace(source, place));
    if (over) throw new UsageError(`${option} ${file} would overwrite ${over[0]}; choose another file`);
    written.push([option, file, place]);
  }
  if (written.length === 2 && samePlace(written[0][2], written[1][2])) throw new UsageError('--json and --out name the same file; choose two');
}

function parseJson(file: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UsageError(`--assumptions ${file}: not valid JSON (${(error as Error).message})`);
  }
}
