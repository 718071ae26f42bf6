// The log of runs on the audit sheet: a row a run, oldest first, so that the history of a decision
// stays in the workbook. The rows of earlier runs are copied as the workbook held them, never
// rewritten; this run's row says when, which inputs changed since the run before, what was
// preferred, by which version and on which source.
import { Analysis } from '../core/analysis';
import { ASSUMPTION_NAMES, ASSUMPTION_TABLE } from '../core/assumption-table';
import { toPounds } from '../core/money';
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
export function inputsText(analysis: Analysis): string {
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
