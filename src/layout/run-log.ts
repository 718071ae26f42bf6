// The log of runs on the audit sheet: a row a run, oldest first, so that the history of a decision
// stays in the workbook. The rows of earlier runs are copied as the workbook held them, never
// rewritten; this run's row says when, which inputs changed since the run before, what was
// preferred, by which version and on which source.
import { Analysis } from '../core/analysis';
import { CalendarDate, isoDate } from '../core/calendar-date';
import { ASSUMPTION_NAMES, ASSUMPTION_TABLE } from '../core/assumption-table';
import type { AssumptionName } from '../core/assumptions';
import { Exact, Money, toPounds } from '../core/money';
import { preferredChoice } from '../core/options';
import { Content } from './plan';
import { num, text } from './sheet-builder';

export const RUN_LOG_HEADINGS = ['When (UK time)', 'Inputs changed since the previous run', 'Preferred', 'Its NPV £', 'Version', 'Source fingerprint', 'Inputs as the run took them'];
const INPUTS_COLUMN = RUN_LOG_HEADINGS.length - 1;

/** A value of an assumption as plain JSON: exact numbers, dates and years as their text, maps as objects. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  if ('toFixed' in value && 'isZero' in value) return String(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

/** The run's assumptions as they were taken, each by its name, as JSON text. */
export function inputsText(analysis: Pick<Analysis, 'assumptions'>): string {
  return JSON.stringify(Object.fromEntries(ASSUMPTION_NAMES.map((name) => [name, plain(analysis.assumptions[name])])));
}

/** The assumptions whose values differ between two runs' inputs, by their labels; undefined when the earlier cannot be read. */
function changedSince(previous: unknown, now: string): string | undefined {
  let before: Record<string, unknown>;
  try {
    before = JSON.parse(String(previous)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const after = JSON.parse(now) as Record<string, unknown>;
  const changed = ASSUMPTION_NAMES.filter((name) => JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null));
  return changed.length === 0 ? 'none' : changed.map((name) => ASSUMPTION_TABLE[name].label).join('; ');
}

/** The log's rows: the earlier runs' as read (empty rows dropped), then this run's. */
export function runLogRows(previous: readonly (readonly unknown[])[], run: { ranAt: string; version: string; fingerprint: string }, analysis: Analysis): Content[][] {
  const kept = previous.filter((row) => row.some((cell) => cell !== null && cell !== undefined && cell !== ''))
    .map((row) => RUN_LOG_HEADINGS.map((_, i) => (typeof row[i] === 'number' ? num(row[i] as number) : text(row[i] === null || row[i] === undefined ? '' : String(row[i])))));
  const inputs = inputsText(analysis);
  const last = previous.filter((row) => row.some((cell) => cell !== null && cell !== '')).at(-1);
  const preferred = preferredChoice(analysis.appraisal.options);
  return [...kept, [
    text(run.ranAt),
    text(last ? changedSince(last[INPUTS_COLUMN], inputs) ?? 'not known: the previous row\'s inputs cannot be read' : 'the first run logged'),
    text(preferred.name),
    num(toPounds(preferred.npv)),
    text(run.version), text(run.fingerprint),
    text(inputs),
  ]];
}

/** What the log's row of a run recorded: the inputs as the run took them, the source's fingerprint, the preferred option and its NPV (£). */
export interface LoggedRun {
  readonly fingerprint?: string;
  /** Each assumption by its name, as plain JSON; undefined when the row holds no inputs that can be read. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly preferred?: string;
  readonly npv?: number;
}

/**
 * The run of the log's last row, which is the run that wrote the sheets: its columns found by
 * the headings above the log (`headings`), as a version that ordered them otherwise wrote them,
 * else where this version puts them; undefined when the log holds no row.
 */
export function lastLoggedRun(rows: readonly (readonly unknown[])[], headings: readonly unknown[] = []): LoggedRun | undefined {
  const last = rows.filter((row) => row.some((cell) => cell !== null && cell !== undefined && cell !== '')).at(-1);
  if (!last) return undefined;
  const column = (heading: string) => {
    const at = headings.indexOf(heading);
    return at >= 0 ? at : RUN_LOG_HEADINGS.indexOf(heading);
  };
  let inputs: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(String(last[column(RUN_LOG_HEADINGS[INPUTS_COLUMN])]));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) inputs = parsed as Record<string, unknown>;
  } catch {
    inputs = undefined;
  }
  const preferred = last[column('Preferred')];
  const npv = last[column('Its NPV £')];
  const fingerprint = last[column('Source fingerprint')];
  return { ...(inputs ? { inputs } : {}), ...(typeof fingerprint === 'string' && fingerprint !== '' ? { fingerprint } : {}), ...(typeof preferred === 'string' && preferred !== '' ? { preferred } : {}), ...(typeof npv === 'number' ? { npv } : {}) };
}

/** An amount of pounds in words, to the penny: `£22,749.39`, `-£0.13`. */
export function moneyWords(pounds: number): string {
  return `${pounds < 0 ? '-' : ''}£${Math.abs(pounds).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A difference between what the run took or gave and what the workbook holds now, in words. */
export interface SinceRun {
  /** The assumption's label (and, within one given as a list or object, the part that differs), or the preferred option. */
  readonly place: string;
  readonly atRun: string;
  readonly now: string;
}

/** A plain JSON value as the core holds it again: a number written as text is an exact number. */
function revived(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value)) return new Exact(value);
  if (Array.isArray(value)) return value.map(revived);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revived(v)]));
  return value;
}

/** An assumption's value in its row's words (3.5% a year), from plain JSON; the JSON itself where the row has no words for it. */
function inputWords(name: AssumptionName, value: unknown): string {
  if (value === null || value === undefined) return 'not given';
  const words = ASSUMPTION_TABLE[name].words as ((v: unknown) => string) | undefined;
  if (words) {
    try {
      return words(revived(value));
    } catch {
      // A value this version cannot word is shown as recorded.
    }
  }
  return JSON.stringify(value);
}

/** The parts of two plain JSON values that differ, each by its path within them: a list's item by its number from 1, an object's field by its key. */
function partsDiffering(before: unknown, after: unknown, path: readonly (string | number)[] = []): { path: readonly (string | number)[]; before: unknown; after: unknown }[] {
  const container = (v: unknown) => typeof v === 'object' && v !== null && !isDate(v);
  if (container(before) && container(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before as object), ...Object.keys(after as object)])];
    const at = (value: object, key: string) => (Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);
    return keys.flatMap((key) => partsDiffering(at(before as object, key), at(after as object, key), [...path, Array.isArray(before) ? Number(key) + 1 : key]));
  }
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ path, before, after }];
}

/** A date as the core holds it, `{ year, month, day }`: one part, shown as a date. */
const isDate = (value: unknown): value is CalendarDate => typeof value === 'object' && value !== null && !Array.isArray(value)
  && Object.keys(value).sort().join() === 'day,month,year' && Object.values(value).every((v) => typeof v === 'number');

/**
 * The inputs as the sheets hold them, to compare a run's with those now: the optimism bias the
 * options took by default is each option's own on the sheets (the options carry it), and a
 * contract end set by the user is its date, by its label as labels are matched.
 */
function asTheSheetsHoldThem(inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const ends = inputs.contractEnds;
  const endsByDate = typeof ends === 'object' && ends !== null
    ? Object.fromEntries(Object.entries(ends).map(([key, end]) => [key, isDate((end as { endsOn?: unknown } | null)?.endsOn) ? isoDate((end as { endsOn: CalendarDate }).endsOn) : end]))
    : ends;
  return { ...inputs, optimismBias: null, contractEnds: endsByDate };
}

/** A field of a list's item by the label of the assumption it is named after (an option's `noticeMonths`: "notice period"), else its key. */
const isAssumption = (field: string | number | undefined): field is AssumptionName => typeof field === 'string' && (ASSUMPTION_NAMES as readonly string[]).includes(field);
const fieldLabel = (field: string) => (isAssumption(field) ? ASSUMPTION_TABLE[field].label.replace(/^./, (c) => c.toLowerCase()) : field);

/** A part of a list or object in words: in the words of the assumption its field is named after (an option's `noticeMonths`), else as recorded. */
function partWords(field: string | number | undefined, value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (isDate(value)) return isoDate(value);
  // A cost of leaving's amount, held in pence.
  if ((field === 'amount' || field === 'annual') && typeof value === 'number') return moneyWords(toPounds(value as Money));
  if (isAssumption(field)) return inputWords(field, value);
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? value : JSON.stringify(value);
}

/**
 * What differs between the run the log recorded and the workbook now: each input the run took
 * that differs from the one now in the workbook (a list's or object's differing parts each), the
 * source's fingerprint against the one its values give now (`fingerprint`), and the preferred
 * option or its NPV, to the penny.
 */
export function differencesSinceRun(logged: LoggedRun, analysis: Analysis, fingerprint: string): SinceRun[] {
  const out: SinceRun[] = [];
  if (logged.inputs) {
    const [then, now] = [asTheSheetsHoldThem(logged.inputs), asTheSheetsHoldThem(JSON.parse(inputsText(analysis)) as Record<string, unknown>)];
    for (const name of ASSUMPTION_NAMES) {
      const [before, after] = [then[name] ?? null, now[name] ?? null];
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      const { label } = ASSUMPTION_TABLE[name];
      const whole = ASSUMPTION_TABLE[name].words !== undefined || typeof before !== 'object' || typeof after !== 'object' || before === null || after === null;
      if (whole) out.push({ place: label, atRun: inputWords(name, before), now: inputWords(name, after) });
      else {
        out.push(...partsDiffering(before, after).map((part) => {
          const field = part.path.at(-1);
          const fields = ASSUMPTION_TABLE[name].fields as Readonly<Record<string, { label: string }>> | undefined;
          const place = part.path.reduce<string>((words, step) => (typeof step === 'number' ? `${words} ${step}` : `${words}, ${(fields && Object.hasOwn(fields, step) ? fields[step].label : undefined) ?? fieldLabel(step)}`), label);
          return { place, atRun: partWords(field, part.before), now: partWords(field, part.after) };
        }));
      }
    }
  }
  if (logged.fingerprint !== undefined && logged.fingerprint !== fingerprint) out.push({ place: 'Source fingerprint', atRun: logged.fingerprint, now: fingerprint });
  if (logged.preferred !== undefined && logged.npv !== undefined) {
    const preferred = preferredChoice(analysis.appraisal.options);
    if (logged.preferred !== preferred.name || Math.round(logged.npv * 100) !== preferred.npv) {
      const said = (name: string, pounds: number) => `${name} (NPV ${moneyWords(pounds)})`;
      out.push({ place: 'Preferred option', atRun: said(logged.preferred, logged.npv), now: said(preferred.name, toPounds(preferred.npv)) });
    }
  }
  return out;
}
