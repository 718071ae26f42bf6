// Recalculate a workbook in LibreOffice Calc — a spreadsheet engine we did not write — and read
// or write its cells, by running test/libreoffice/calc.py under the Debian python (the one with
// `uno`). Each call starts its own headless soffice with a fresh profile and stops it again.
//
//   const [before, , after] = await calc(file, [
//     { get: ['VfM_NPV', "'VfM Scenarios'!C5"] },
//     { set: { VfM_DiscountRate: 0.05, VfM_NoticeServedOn: { date: '2013-04-01' } } },
//     { get: ['VfM_NPV'] },
//   ]);
//
// The workbook is recalculated (calculateAll) after loading and after every `set`. The file
// itself is never changed: LibreOffice works on a private copy.
import { spawn } from 'child_process';
import path from 'path';

/** A workbook-level defined name (`VfM_NPV`, any case) or a sheet-qualified A1 reference
 * (`'VfM Scenarios'!C5`, `Costs!$B$2:$C$9`). */
export type Ref = string;

/** A date written as its serial number (days since 1899-12-30, as Excel counts them). */
export interface DateInput {
  readonly date: string; // YYYY-MM-DD
}
/** Numbers are stored as values, strings as text (never parsed as formulas), booleans as 1/0. */
export type SetValue = number | string | boolean | DateInput;

export interface GetStep { readonly get: readonly Ref[] }
export interface SetStep { readonly set: Readonly<Record<Ref, SetValue>> }
export interface CellTypesStep { readonly cellTypes: readonly Ref[] }
export interface DescribeStep { readonly describe: readonly Ref[] }
/** The charts Calc loaded on each sheet named. */
export interface ChartsStep { readonly charts: readonly string[] }
/** Saves the workbook, as calculated, as an .xlsx at the path given. */
export interface SaveStep { readonly save: string }
/** How Calc reads each sheet named's print set-up. */
export interface PrintStep { readonly print: readonly string[] }
/** Exports the workbook as Calc prints it (every sheet, each by its own page set-up) to a PDF at the path given. */
export interface PdfStep { readonly pdf: string }
export type Step = GetStep | SetStep | CellTypesStep | DescribeStep | ChartsStep | SaveStep | PrintStep | PdfStep;

/** An error value such as `#DIV/0!` (code 532), `#N/A` (32767) or `Err:502` (invalid argument). */
export interface CellError {
  readonly error: string;
  readonly code: number;
}
/** A cell's value: numbers (dates and booleans included: TRUE is 1), text, null for empty. */
export type CellValue = number | string | null | CellError;
/** One cell's value, or rows of columns for a multi-cell range. */
export type GetValue = CellValue | CellValue[][];
export type CellContent = 'formula' | 'text' | 'value' | 'empty';
export type ResultKind = 'number' | 'boolean' | 'text' | 'error' | 'empty';
export interface CellDescription {
  readonly content: CellContent;
  /** What the cell evaluates to; 'boolean' is a number shown as TRUE or FALSE. */
  readonly result: ResultKind;
  readonly value: CellValue;
  /** The text Calc displays, in the en-GB locale: "TRUE", "#DIV/0!", "01/04/2013", "41365" for
   * an unformatted date serial. */
  readonly display: string;
  /** The formula as Excel writes it (`=IF(SUM('VfM Scenarios'!B4:B9)>0,"OK","FAIL")`; booleans
   * print as TRUE() and FALSE()), or null when the cell holds no formula. */
  readonly formula: string | null;
}

export type GetResult = Record<Ref, GetValue>;
export type CellTypesResult = Record<Ref, CellContent | CellContent[][]>;
export type DescribeResult = Record<Ref, CellDescription>;
/** A chart as Calc loaded it: its title and the ranges it draws from (`Sheet!A1:B2`). */
export interface ChartDescription {
  readonly title: string | null;
  readonly ranges: readonly string[];
}
export type ChartsResult = Record<string, readonly ChartDescription[]>;
/** A sheet's print set-up as Calc loaded it. */
export interface PrintSetUp {
  /** Width and height in 1/100 mm. */
  readonly paper: readonly [number, number];
  readonly landscape: boolean;
  /** Scaled to fit this many pages across and down (0: not limited). */
  readonly pagesWide: number;
  readonly pagesHigh: number;
  /** Its print areas, `A1:H82`. */
  readonly areas: readonly string[];
  /** The rows repeated atop every page, first and last (1-based), or null. */
  readonly titleRows: readonly [number, number] | null;
  /** The rows a manual page break stands above (1-based). */
  readonly manualBreaks: readonly number[];
}
export type PrintResult = Record<string, PrintSetUp>;
export type StepResult = GetResult | CellTypesResult | DescribeResult | ChartsResult | PrintResult | null;

/** The result of one step, by the step's kind. */
export type ResultOf<S> =
  S extends GetStep ? GetResult
    : S extends SetStep | SaveStep | PdfStep ? null
      : S extends CellTypesStep ? CellTypesResult
        : S extends DescribeStep ? DescribeResult
          : S extends PrintStep ? PrintResult
            : never;

export interface CalcOptions {
  /** Kill LibreOffice and fail after this long. Default 180 s (generous for a 2-core CI box). */
  readonly timeoutMs?: number;
}

const PYTHON = process.env.VFM_PYTHON ?? '/usr/bin/python3';
const CALC_PY = path.resolve(__dirname, '..', 'libreoffice', 'calc.py');
const DEFAULT_TIMEOUT_MS = 180_000;

interface CalcReply {
  readonly ok: boolean;
  readonly results?: unknown;
  readonly error?: unknown;
}

/** Runs the steps in order against `file` in LibreOffice Calc; one result per step. Throws an Error
 * carrying LibreOffice's message (an unknown name, a bad reference, a file it cannot open...). */
export async function calc<const S extends readonly Step[]>(
  file: string,
  steps: S,
  options: CalcOptions = {},
): Promise<{ -readonly [K in keyof S]: ResultOf<S[K]> }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const job = JSON.stringify({ file: path.resolve(file), steps });
  const { stdout, stderr, code, signal, timedOut } = await run(job, timeoutMs);
  const tail = stderr.trim().slice(-2000);
  if (timedOut) {
    throw new Error(`LibreOffice calc.py timed out after ${timeoutMs} ms and was stopped${tail ? `: ${tail}` : ''}`);
  }
  let reply: CalcReply;
  try {
    reply = JSON.parse(stdout) as CalcReply;
  } catch {
    throw new Error(`LibreOffice calc.py exited with ${signal ?? code} without a result${tail ? `: ${tail}` : ''}`);
  }
  if (!reply.ok) {
    throw new Error(`LibreOffice: ${typeof reply.error === 'string' ? reply.error : JSON.stringify(reply.error)}`);
  }
  if (!Array.isArray(reply.results) || reply.results.length !== steps.length) {
    throw new Error(`LibreOffice calc.py returned ${JSON.stringify(reply.results)} for ${steps.length} steps`);
  }
  return reply.results as { -readonly [K in keyof S]: ResultOf<S[K]> };
}

interface RunOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
}

function run(job: string, timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    // calc.py kills soffice itself a little before we would kill calc.py.
    const selfDeadline = Math.max(5, Math.floor(timeoutMs / 1000) - 15);
    const child = spawn(PYTHON, [CALC_PY], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, VFM_CALC_TIMEOUT: String(selfDeadline), PYTHONDONTWRITEBYTECODE: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM'); // calc.py stops soffice on SIGTERM
      killTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e) => {
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      reject(new Error(`cannot run ${PYTHON} ${CALC_PY} (needs python3-uno and LibreOffice Calc): ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code,
        signal,
        timedOut,
      });
    });
    child.stdin.on('error', () => undefined); // a child that died early; reported on 'close'
    child.stdin.end(job);
  });
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && typeof (value as { error?: unknown }).error === 'string';
}

const DAY_MS = 86_400_000;
const SERIAL_ZERO_MS = Date.UTC(1899, 11, 30);

/** The serial number Excel and LibreOffice store for a YYYY-MM-DD date (2013-04-01 is 41365). */
export function dateSerial(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== isoDate) throw new Error(`no such date: ${isoDate}`);
  return Math.round((ms - SERIAL_ZERO_MS) / DAY_MS);
}

/** The YYYY-MM-DD date of a serial number (the fraction of a day, if any, is dropped). */
export function serialDate(serial: number): string {
  return new Date(SERIAL_ZERO_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}
