// The workbook against what an auditor kept outside it at the run (`vfm verify --against`): the
// summary `vfm analyse --json` wrote, or the source's fingerprint alone. Anything stored only in
// the workbook can be rewritten consistently (a source and its fingerprint both replaced, the log
// of runs edited to match); what was kept elsewhere cannot. The summary's source fingerprint, each
// input, each cost row's amount and the results are compared with those the recomputation of the
// workbook gives now, the inputs and the preferred option in the words the log of runs uses
// (layout/run-log.ts, `differencesSinceRun`).
import { VerifyReport, sourceFrom } from '../../app/verify';
import { resolveAssumptions } from '../../core/assumptions';
import { parseIsoDate } from '../../core/calendar-date';
import { parseRange, sheetReference } from '../../core/cell';
import { classify } from '../../core/classification';
import { amountCells } from '../../core/cost-table';
import { fyContaining } from '../../core/financial-year';
import { shorten } from '../../core/limits';
import { toPounds } from '../../core/money';
import { STAYING } from '../../core/options';
import { InputError, placeWords } from '../../core/problems';
import { OTHER_YEARS } from '../../core/real-prices';
import { LoggedRun, differencesSinceRun, inputsText, moneyWords } from '../../layout/run-log';
import { readJsonText } from './json-file';
import { SummaryJson } from './summary-json';

/** What was kept: a summary, with its inputs as the log of runs records a run's, or a fingerprint alone. */
export type Kept =
  | { readonly kind: 'summary'; readonly summary: SummaryJson; readonly inputs: Readonly<Record<string, unknown>> }
  | { readonly kind: 'fingerprint'; readonly fingerprint: string };

/** A difference between what was kept and the workbook now: `expected` as kept, `found` now. */
export interface AgainstFinding {
  readonly kind: 'against';
  readonly place: string;
  readonly message: string;
  readonly expected: string;
  readonly found: string;
}

const FINGERPRINT = /^[0-9a-f]{64}$/i;
const NOT_KEPT = 'it is neither a summary `vfm analyse --json` writes (schemaVersion 3, or 2 before it recorded the fingerprint) nor a source\'s fingerprint (64 hexadecimal digits, as the audit sheet stamps it)';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const at = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), value);

/** The fields of a summary the comparison reads, each with the kind it must be. */
const FIELDS: readonly [string, (v: unknown) => boolean][] = [
  ['source.sheet', (v) => typeof v === 'string'],
  ['source.range', (v) => typeof v === 'string' && parseRange(v) !== undefined],
  ['source.fingerprint', (v) => v === undefined || (typeof v === 'string' && FINGERPRINT.test(v))],
  ['rows', (v) => Array.isArray(v) && v.every((row) => typeof at(row, 'cell') === 'string' && typeof at(row, 'item') === 'string' && typeof at(row, 'amount') === 'number')],
  ['assumptions', isRecord],
  ['savings.totalSaving', (v) => typeof v === 'number'],
  ['savings.npv', (v) => typeof v === 'number'],
  ['options', (v) => Array.isArray(v) && v.length > 0 && v.every((o) => typeof at(o, 'name') === 'string' && typeof at(o, 'npv') === 'number' && Array.isArray(at(o, 'exitCosts')) && Array.isArray(at(o, 'replacementCosts')))],
  ['preferredOption', (v) => v === null || typeof v === 'string'],
];

/** What a file kept at the run holds, or why it is not one, in words. */
export function readKept(text: string): Kept | { problem: string } {
  if (FINGERPRINT.test(text.trim())) return { kind: 'fingerprint', fingerprint: text.trim().toLowerCase() };
  const reading = readJsonText(text);
  if ('problem' in reading) return { problem: `${NOT_KEPT}: it is not valid JSON` };
  const json = reading.value;
  if (!isRecord(json) || (json.schemaVersion !== 3 && json.schemaVersion !== 2)) return { problem: NOT_KEPT };
  const wrong = FIELDS.find(([path, ok]) => !ok(at(json, path)));
  if (wrong) return { problem: `${NOT_KEPT}: its ${wrong[0]} is missing or not what the summary writes there` };
  const summary = json as unknown as SummaryJson;
  try {
    return { kind: 'summary', summary, inputs: inputsOf(summary) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const first = error.problems[0];
    return { problem: `its assumptions are not ones VfM Scenarios takes (${first.place ? `${placeWords(first.place)}: ` : ''}${first.message})` };
  }
}

/**
 * The summary's assumptions as the log of runs records a run's inputs: given back, as an
 * assumptions file gives them, to the core that took them. A class set by the user that the
 * label gives anyway is left out, as the sheets hold none for it.
 */
function inputsOf(summary: SummaryJson): Record<string, unknown> {
  const a = summary.assumptions;
  const deflator = a.gdpDeflator;
  const given: Record<string, unknown> = {
    baseYear: a.baseYear, noticeServedOn: a.noticeServedOn, noticeMonths: a.noticeMonths, fyStartMonth: a.fyStartMonth, horizonYears: a.horizonYears,
    indexation: a.indexation, discountRate: a.discountRate, prices: a.prices, sharing: a.sharing, optimismBias: a.optimismBias,
    ...(isRecord(deflator) ? { gdpDeflator: Object.keys(deflator.byFy ?? {}).length === 0 ? deflator.otherYears : { ...deflator.byFy, ...(deflator.otherYears === null ? {} : { [OTHER_YEARS]: deflator.otherYears }) } } : {}),
    ...(isRecord(a.partners) ? { partners: { ...(a.partners.inBaseYear === null ? {} : { inBaseYear: a.partners.inBaseYear }), leavers: a.partners.leavers } } : {}),
    overrides: Object.fromEntries(Object.entries(a.overrides ?? {}).filter(([label, cls]) => classify(label, new Map()).class !== cls)),
    options: summary.options.map((o) => ({
      name: o.name, noticeServedOn: o.noticeServedOn, noticeMonths: o.noticeMonths, optimismBias: o.optimismBias,
      exitCosts: o.exitCosts.map((c) => ({ label: c.label, amount: c.amount, fy: c.fy })),
      replacementCosts: o.replacementCosts.map((c) => ({ label: c.label, annual: c.annual, ...(c.months === null ? {} : { months: c.months }), ...(c.share === null ? {} : { share: c.share }) })),
    })),
  };
  const today = parseIsoDate(String(a.noticeServedOn)) ?? { year: 2000, month: 1, day: 1 };
  const { values } = resolveAssumptions(given, { today, yearsInLabels: new Map() });
  return JSON.parse(inputsText({ assumptions: values })) as Record<string, unknown>;
}

/**
 * Why the summary kept is not of this workbook's source: the sheet and cells its run read are not
 * those the audit sheet says the workbook's run read; undefined when they are (or a fingerprint
 * alone was kept).
 */
export function otherSource(kept: Kept, report: Pick<VerifyReport, 'source'>): string | undefined {
  if (kept.kind !== 'summary') return undefined;
  const { sheet, range, file } = kept.summary.source;
  const ours = sourceFrom(report.source);
  const theirs = parseRange(range);
  const same = theirs !== undefined && sheet.toLowerCase() === ours.sheet.toLowerCase()
    && theirs.top === ours.range.top && theirs.left === ours.range.left && theirs.bottom === ours.range.bottom && theirs.right === ours.range.right;
  return same ? undefined : `it is the summary of a run on ${shorten(`${sheetReference(sheet)}!${range}`)} of ${shorten(String(file))}, not on the source this workbook's run read, ${shorten(report.source)}; give the summary of this workbook's run`;
}

const pence = (pounds: number) => Math.round(pounds * 100);

/** Each difference between what was kept and the workbook's recomputation now. */
export function differencesFromKept(kept: Kept, recomputed: NonNullable<VerifyReport['recomputed']>): AgainstFinding[] {
  const { analysis, fingerprint } = recomputed;
  if (kept.kind === 'fingerprint') {
    return kept.fingerprint === fingerprint ? [] : [{ kind: 'against', place: 'Source fingerprint', message: 'differs from the fingerprint kept', expected: kept.fingerprint, found: fingerprint }];
  }
  const { summary } = kept;
  const finding = (place: string, expected: string, found: string): AgainstFinding => ({ kind: 'against', place, message: 'differs from the summary', expected, found });
  const money = (pounds: number | undefined) => (pounds === undefined ? 'none' : moneyWords(pounds));

  // The inputs, the fingerprint and the preferred option, as the log of runs compares them. The
  // summary states the year each exit cost is paid in, its default included, so the options now
  // are taken so too. Not compared: the contract ends set by the user, which the summary does not
  // record.
  const assumptions = {
    ...analysis.assumptions,
    options: analysis.appraisal.options.options.map(({ option, noticeExpiresOn }) => ({
      ...option, exitCosts: option.exitCosts.map((cost) => (cost.fy ? cost : { ...cost, fy: fyContaining(noticeExpiresOn, analysis.assumptions.fyStartMonth) })),
    })),
  };
  const now = JSON.parse(inputsText({ assumptions })) as Record<string, unknown>;
  const preferred = summary.options.find((o) => o.name === summary.preferredOption);
  const logged: LoggedRun = {
    inputs: { ...kept.inputs, contractEnds: now.contractEnds },
    ...(summary.source.fingerprint === undefined ? {} : { fingerprint: summary.source.fingerprint }),
    preferred: preferred?.name ?? STAYING,
    npv: preferred?.npv ?? 0,
  };
  const since = differencesSinceRun(logged, { ...analysis, assumptions }, fingerprint).map((d) => finding(d.place, d.atRun, d.now));

  // Each cost row's amount, by its cell.
  const cellOf = amountCells(analysis.table);
  const rowsNow = new Map(analysis.rows.map((row) => [cellOf(row.sheetRow), { item: row.item, amount: toPounds(row.amount) }]));
  const rowsKept = new Map(summary.rows.map((row) => [row.cell, { item: row.item, amount: row.amount }]));
  const rows = [...new Set([...rowsNow.keys(), ...rowsKept.keys()])].flatMap((cell) => {
    const [was, is] = [rowsKept.get(cell), rowsNow.get(cell)];
    if (was && is && pence(was.amount) === pence(is.amount)) return [];
    return [finding(`${cell} (${shorten((is ?? was)?.item ?? '')})`, money(was?.amount), money(is?.amount))];
  });

  // The results: the saving, its NPV and each option's NPV, to the penny.
  const result = (place: string, was: number | undefined, is: number | undefined) =>
    (was !== undefined && is !== undefined && pence(was) === pence(is) ? [] : [finding(place, money(was), money(is))]);
  const optionsNow = analysis.appraisal.options.options;
  const results = [
    ...result('Total saving', summary.savings.totalSaving, toPounds(analysis.savings.totalSaving)),
    ...result('NPV of the saving', summary.savings.npv, toPounds(analysis.savings.npv)),
    ...Array.from({ length: Math.max(summary.options.length, optionsNow.length) }, (_, i) => {
      const [was, is] = [summary.options[i], optionsNow[i]];
      return result(`NPV of ${shorten(was?.name ?? is?.option.name ?? '')}`, was?.npv, is === undefined ? undefined : toPounds(is.npv));
    }).flat(),
  ];
  const isPreferred = (f: AgainstFinding) => f.place === 'Preferred option';
  return [...since.filter((f) => !isPreferred(f)), ...rows, ...since.filter(isPreferred), ...results];
}

/** What verification says of the workbook against what was kept, as the terminal shows it: a sentence, and a line for each difference. */
export function againstWords(file: string, kept: Kept, differences: readonly AgainstFinding[] | undefined): { summary: string; lines: string[] } {
  if (differences === undefined) return { summary: `The inputs now in the workbook are refused, so it is not compared with ${file}.`, lines: [] };
  if (differences.length === 0) {
    if (kept.kind === 'fingerprint') return { summary: `Compared with ${file}: the source's fingerprint is the one it records.`, lines: [] };
    const what = kept.summary.source.fingerprint === undefined ? 'the inputs and the results (it records no fingerprint of the source)' : 'the source\'s fingerprint, the inputs and the results';
    return { summary: `Compared with ${file}: ${what} are those it records.`, lines: [] };
  }
  const as = kept.kind === 'summary' ? 'in the summary' : 'kept';
  return {
    summary: `The workbook is not the one ${file} records: ${differences.length} difference${differences.length === 1 ? '' : 's'}:`,
    lines: differences.map((d) => `${d.place}: ${d.expected} ${as}, ${d.found} now`),
  };
}
