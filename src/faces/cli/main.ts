// `vfm analyse INPUT.xlsx [--sheet NAME] [--range A1:C12] [--assumptions FILE.json] [--json SUMMARY.json] [--out OUTPUT.xlsx]`
// Exit 0 on success (a failed check is reported, not fatal), 2 on bad input or assumptions (the
// error names the cell or assumption, nothing is written), 1 on an internal fault.
import { promises as fs } from 'fs';
import path from 'path';
import { parseArgs } from 'util';
import { analyse } from '../../core/analysis';
import { Clock, clockAt } from '../../core/clock';
import { CellRange, Grid, parseRange, rangeA1 } from '../../core/cell';
import { holdsCostTable } from '../../core/cost-table';
import { InputError, describeProblem } from '../../core/problems';
import { replaceFile } from '../../hosts/files';
import { Workbook, loadWorkbook, partsLostOnWrite, sheetGrid, sheetNames } from '../../hosts/xlsx/read-workbook';
import { applyPlan, definedNames, saveWorkbook } from '../../hosts/xlsx/write-workbook';
import { fingerprint } from '../../layout/fingerprint';
import { planWorkbook, productSheets } from '../../layout/workbook-plan';
import { summaryJson } from './summary-json';
import { terminalSummary } from './terminal';
import { name, version } from '../../../package.json';

export const USAGE = `Usage: vfm analyse INPUT.xlsx [options]

Reads the cost rows of a partnership from a workbook, separates the avoidable cost, and projects
the savings of withdrawing and the cost of staying as partners leave.

Options:
  --sheet NAME          the sheet holding the cost table (default: the first sheet that holds one)
  --range A1:C12        the table's cells (default: found on the sheet)
  --assumptions FILE    a JSON file of assumptions (see README; defaults apply to what it omits)
  --json FILE           also write the summary as JSON (schemaVersion 1)
  --out FILE            write INPUT with the scenario sheets added (live formulas) to FILE
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 done (failed checks are reported), 2 bad input or assumptions, 1 internal fault.
`;

/** Bad use of the command: wrong arguments, a missing or unreadable file. */
class UsageError extends Error {}

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The day of the run (the default notice date) and its moment (for the audit trail), UK time. */
  readonly today: Clock['today'];
  readonly now: Clock['now'];
}

export const systemIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  ...clockAt(() => new Date()),
};

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        sheet: { type: 'string' },
        range: { type: 'string' },
        assumptions: { type: 'string' },
        json: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    if (values.help || positionals[0] === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (values.version) {
      io.out(`${version}\n`);
      return 0;
    }
    const [command, input, ...extra] = positionals;
    if (command !== 'analyse') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    if (!input) throw new UsageError('analyse needs the INPUT.xlsx workbook to read');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    await analyseCommand({ input, ...values }, io);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`vfm: the input cannot be used as it stands:\n${error.problems.map((p) => `  ${describeProblem(p)}`).join('\n')}\nNothing was written.\n`);
      return 2;
    }
    if (error instanceof UsageError || isArgError(error)) {
      io.err(`vfm: ${(error as Error).message}\nNothing was written. Run "vfm --help" for usage.\n`);
      return 2;
    }
    io.err(`vfm: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

function isArgError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code.startsWith('ERR_PARSE_ARGS');
}

interface AnalyseOptions {
  input: string;
  sheet?: string;
  range?: string;
  assumptions?: string;
  json?: string;
  out?: string;
}

async function analyseCommand(options: AnalyseOptions, io: Io): Promise<void> {
  for (const [option, file] of [['--json', options.json], ['--out', options.out]] as const) {
    if (file && path.resolve(file) === path.resolve(options.input)) {
      throw new UsageError(`${option} ${file} would overwrite the input workbook; choose another file`);
    }
  }
  if (options.json && options.out && path.resolve(options.json) === path.resolve(options.out)) {
    throw new UsageError('--json and --out name the same file; choose two');
  }
  const assumptions = options.assumptions === undefined ? undefined : await readJson(options.assumptions);
  const range = options.range === undefined ? undefined : parseRange(options.range);
  if (options.range !== undefined && !range) throw new UsageError(`--range "${options.range}" is not a range such as A1:C12`);

  const stat = await fs.stat(options.input).catch(() => undefined);
  if (!stat?.isFile()) throw new UsageError(`${options.input}: no such file`);
  const bytes = await fs.readFile(options.input);
  const workbook = await loadWorkbook(bytes).catch((error: Error) => {
    throw new UsageError(`${options.input}: cannot be read as an .xlsx workbook (${error.message})`);
  });
  if (options.out) {
    const lost = await partsLostOnWrite(bytes);
    if (lost.length > 0) {
      throw new UsageError(`${options.input} holds ${lost.join(', ')}, which the .xlsx writer would not keep, so --out writes nothing. Use the Excel add-in, which writes into the open workbook and keeps everything, or leave out --out (--json still works)`);
    }
  }
  const ours = productSheets(definedNames(workbook));
  const grid = sourceGrid(workbook, ours, options.sheet, range);
  const analysis = analyse({ grid, assumptions, today: io.today() });

  // Both files or neither: the workbook is written first, and removed again if the JSON fails.
  if (options.out) {
    const run = { product: 'VfM Scenarios', version, ranAt: io.now(), sourceFile: path.basename(options.input), fingerprint: fingerprint(grid, analysis.table.range) };
    applyPlan(workbook, planWorkbook(analysis, sheetNames(workbook), ours, run));
    await write(options.out, (temporary) => saveWorkbook(workbook, temporary));
  }
  if (options.json) {
    const json = `${JSON.stringify(summaryJson(analysis, options.input, { name, version }), null, 2)}\n`;
    await write(options.json, (temporary) => fs.writeFile(temporary, json, 'utf8')).catch(async (error) => {
      if (options.out) await fs.rm(options.out, { force: true });
      throw error;
    });
  }
  io.out(terminalSummary(analysis, options.input));
  if (options.out) io.out(`Wrote ${options.out}: the scenarios as live formulas on new sheets after the council's own.\n`);
}

/** The cells to read: the named sheet, or the first sheet (not one of the product's) that holds a cost table. */
function sourceGrid(workbook: Workbook, ours: ReadonlySet<string>, sheetName: string | undefined, range: CellRange | undefined): Grid {
  const sheets = () => sheetNames(workbook).map((n) => `"${n}"`).join(', ');
  if (sheetName !== undefined) {
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) throw new UsageError(`--sheet "${sheetName}": no such sheet; the sheets are ${sheets()}`);
    if (ours.has(sheet.name)) throw new UsageError(`--sheet "${sheetName}" is a sheet VfM Scenarios wrote; name the sheet that holds the council's costs`);
    return sheetGrid(sheet, range);
  }
  for (const sheet of workbook.worksheets) {
    if (ours.has(sheet.name)) continue;
    const grid = sheetGrid(sheet, range);
    if (holdsCostTable(grid)) return grid;
  }
  const where = range ? ` in ${rangeA1(range)}` : '';
  throw new UsageError(`no sheet holds a cost table${where} (item labels beside amounts); the sheets are ${sheets()}`);
}

async function readJson(file: string): Promise<unknown> {
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--assumptions ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--assumptions ${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** Writes the whole file or nothing (see replaceFile); a failure is the user's to fix, naming the file. */
async function write(file: string, writeTo: (temporary: string) => Promise<void>): Promise<void> {
  await replaceFile(file, writeTo).catch((error: Error) => {
    throw new UsageError(`${file}: cannot write (${error.message})`);
  });
}

export function main(): void {
  run(process.argv.slice(2), systemIo).then((code) => {
    process.exitCode = code;
  });
}
