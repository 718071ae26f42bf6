// The assumptions of a run: each validated with an error that names it, each defaulted as docs/conventions.md,
// "Assumptions and their defaults", says, and each recorded with where its value came from. What each assumption is, takes
// and defaults to is in its row of the assumption table (assumption-table.ts).
import { ASSUMPTION_NAMES, ASSUMPTION_TABLE, AssumptionRow, rateWithin, wholeNumber } from './assumption-table';
import { CalendarDate, compareDates, isoDate, parseIsoDate } from './calendar-date';
import { CostClass, labelKey } from './classification';
import { FinancialYear, addYears, financialYear, fyContaining, fyLabel, fyStart, parseFy } from './financial-year';
import { DATE_RANGE, DEFLATOR, EARLIEST_DATE, LATEST_DATE, MEMBERS, quote, shorten } from './limits';
import { Leaver, Partners, Sharing } from './membership';
import { Exact } from './money';
import { ExitCost, ReplacementCost } from './costs-of-leaving';
import { parseAmountText } from './amount';
import { LARGEST_AMOUNT_POUNDS, LARGEST_AMOUNT_TEXT, NOTICE_MONTHS } from './limits';
import { Money, fromPounds } from './money';
import { WithdrawOption, optionNameKey, yearZero as optionsYearZero } from './options';
import { formatRate, parseRate } from './rate';
import { GdpDeflator, OTHER_YEARS, Prices } from './real-prices';
import { PathStep, ProblemList, atAssumption } from './problems';

export interface Override {
  /** The label as the user wrote it. */
  readonly label: string;
  readonly class: CostClass;
}

export interface Assumptions {
  readonly baseYear: FinancialYear;
  readonly noticeServedOn: CalendarDate;
  readonly noticeMonths: number;
  readonly fyStartMonth: number;
  readonly horizonYears: number;
  readonly indexation: Exact;
  readonly discountRate: Exact;
  /** Whether the costs are at base-year prices (real) or in cash (nominal). */
  readonly prices: Prices;
  /** What makes nominal costs real; undefined when not given. */
  readonly gdpDeflator: GdpDeflator | undefined;
  readonly partners: Partners;
  readonly sharing: Sharing;
  /** Keyed by labelKey. */
  readonly overrides: ReadonlyMap<string, Override>;
  /** A contract's end date by item label (keyed by labelKey), in place of one the sheet gives. */
  readonly contractEnds: ReadonlyMap<string, { readonly label: string; readonly endsOn: CalendarDate }>;
  /** The uplift on the costs of leaving of every option that gives none of its own. */
  readonly optimismBias: Exact;
  /** The withdraw options, at least one: the first is the one the other assumptions describe. */
  readonly options: readonly WithdrawOption[];
}

export type AssumptionName = keyof Assumptions;

export type AssumptionSource = 'given' | 'default' | 'item labels' | 'column header' | 'today';

export interface ResolvedAssumptions {
  readonly values: Assumptions;
  readonly sources: Readonly<Record<AssumptionName, AssumptionSource>>;
}

export interface AssumptionContext {
  /** The default notice date: the day of the run, read by the caller (the core reads no clock). */
  readonly today: CalendarDate;
  /** FYs named in the item labels (start year and the first cell naming it). */
  readonly yearsInLabels: ReadonlyMap<number, string>;
  /** The FY (its start year) the header of the amount column read names, if any: the base year when none is given. */
  readonly headerYear?: number;
}

type Json = unknown;
type At = (...steps: PathStep[]) => ReturnType<typeof atAssumption>;
const isRecord = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates and completes the assumptions given (a parsed JSON object, or undefined for all
 * defaults). Throws InputError naming each bad assumption.
 */
export function resolveAssumptions(input: Json, context: AssumptionContext): ResolvedAssumptions {
  const problems = new ProblemList();
  const given: Record<string, Json> = input === undefined ? {} : isRecord(input) ? input : {};
  if (input !== undefined && !isRecord(input)) problems.add(atAssumption('assumptions'), 'must be a JSON object of named assumptions');
  for (const key of Object.keys(given)) {
    if ((ASSUMPTION_NAMES as readonly string[]).includes(key)) continue;
    const near = ASSUMPTION_NAMES.find((name) => name.toLowerCase() === key.toLowerCase());
    problems.add(atAssumption(shorten(key)), `is not an assumption${near ? ` (did you mean ${near}?)` : ''}; the assumptions are ${ASSUMPTION_NAMES.join(', ')}`);
  }
  const sources = {} as Record<AssumptionName, AssumptionSource>;
  const has = (name: AssumptionName) => given[name] !== undefined && given[name] !== null;
  /** The value given for a one-value assumption, read as its table row says; else its default. */
  function pick<K extends AssumptionName>(name: K, fallback: Assumptions[K]): Assumptions[K] {
    sources[name] = has(name) ? 'given' : 'default';
    if (!has(name)) return fallback;
    const row: AssumptionRow<Assumptions[K]> = ASSUMPTION_TABLE[name];
    const value = row.read?.(given[name], fyStartMonth);
    if (value === undefined) problems.add(atAssumption(name), `${quote(given[name])} is not ${row.expected}`);
    return value ?? fallback;
  }
  const byDefault = <K extends AssumptionName>(name: K) => ASSUMPTION_TABLE[name].fallback as Assumptions[K];

  // Read first, since a base year is read in the financial years it sets.
  let fyStartMonth = byDefault('fyStartMonth');
  fyStartMonth = pick('fyStartMonth', fyStartMonth);
  const noticeServedOn = pick('noticeServedOn', context.today);
  if (!has('noticeServedOn')) sources.noticeServedOn = 'today';
  const noticeMonths = pick('noticeMonths', byDefault('noticeMonths'));
  const horizonYears = pick('horizonYears', byDefault('horizonYears'));
  const indexation = pick('indexation', byDefault('indexation'));
  const discountRate = pick('discountRate', byDefault('discountRate'));
  const sharing = pick('sharing', byDefault('sharing'));

  const yearZero = fyContaining(noticeServedOn, fyStartMonth);
  let baseYear = pick('baseYear', yearZero);
  if (has('baseYear') && !fyWithinDates(baseYear)) {
    const [firstFy, lastFy] = fysWithinDates(fyStartMonth).map(fyLabel);
    problems.add(atAssumption('baseYear'), `${fyLabel(baseYear)} is outside the financial years from ${firstFy} to ${lastFy} that Excel's dates hold`);
  }
  if (!has('baseYear') && context.headerYear !== undefined) {
    baseYear = { startYear: context.headerYear, startMonth: fyStartMonth };
    sources.baseYear = 'column header';
  } else if (!has('baseYear') && context.yearsInLabels.size > 0) {
    const named = [...context.yearsInLabels];
    if (named.length > 1) {
      const list = named.map(([year, cell]) => `${fyLabel({ startYear: year, startMonth: fyStartMonth })} in ${cell}`).join(', ');
      problems.add(atAssumption('baseYear'), `the item labels name more than one financial year (${list}); set baseYear to the year the table describes`);
    } else {
      baseYear = { startYear: named[0][0], startMonth: fyStartMonth };
      sources.baseYear = 'item labels';
    }
  }

  checkDates({ noticeServedOn, noticeMonths, horizonYears, yearZero, labelsYear: sources.baseYear === 'item labels' || sources.baseYear === 'column header' ? baseYear : undefined, yearFrom: sources.baseYear === 'column header' ? 'the amount column\'s header names' : 'the item labels name' }, problems);
  const partners = readPartners(given.partners, baseYear, problems);
  sources.partners = has('partners') ? 'given' : 'default';
  if (sharing === 'shared-pool' && partners.inBaseYear === undefined) {
    problems.add(atAssumption('sharing'), '"shared-pool" needs partners.inBaseYear, the number of members paying in the base year');
  }
  const overrides = readOverrides(given.overrides, problems);
  sources.overrides = has('overrides') ? 'given' : 'default';
  const contractEnds = readContractEnds(given.contractEnds, problems);
  sources.contractEnds = has('contractEnds') ? 'given' : 'default';
  const optimismBias = pick('optimismBias', byDefault('optimismBias'));
  const datedExitCosts: DatedExitCost[] = [];
  const options = readOptions(given.options, { noticeServedOn, noticeMonths, optimismBias, fyStartMonth, horizonYears }, datedExitCosts, problems);
  sources.options = has('options') ? 'given' : 'default';
  const prices = pick('prices', byDefault('prices'));
  const yearZeros = [yearZero, ...(options.length > 0 ? [optionsYearZero(options, fyStartMonth)] : [])];
  if (options.length > 1) checkOptionsWithinHorizon(options, yearZeros[1], horizonYears, problems);
  if (options.length > 0) checkExitCostsWithinHorizon(datedExitCosts, yearZeros[1], horizonYears, problems);
  const gdpDeflator = readDeflator(given.gdpDeflator, { prices, fyStartMonth, horizonYears, yearZeros }, problems);
  sources.gdpDeflator = has('gdpDeflator') ? 'given' : 'default';

  problems.throwIfAny();
  return {
    values: { baseYear, noticeServedOn, noticeMonths, fyStartMonth, horizonYears, indexation, discountRate, prices, gdpDeflator, partners, sharing, overrides, contractEnds, optimismBias, options },
    sources,
  };
}

/** Months counted from year 0: the first of a month as one number, to compare without making a date. */
const monthNumber = (year: number, month: number) => year * 12 + month - 1;
const FIRST_MONTH = monthNumber(EARLIEST_DATE.year, EARLIEST_DATE.month);
const LAST_MONTH = monthNumber(LATEST_DATE.year, LATEST_DATE.month);
const withinDates = (date: CalendarDate) => compareDates(date, EARLIEST_DATE) >= 0 && compareDates(date, LATEST_DATE) <= 0;
/** The first and the last financial year that lie within the dates, with the first day of the year after. */
function fysWithinDates(startMonth: number): [FinancialYear, FinancialYear] {
  const first = Math.ceil((FIRST_MONTH - (startMonth - 1)) / 12);
  const last = Math.floor((LAST_MONTH - (startMonth - 1)) / 12) - 1;
  return [financialYear(first, startMonth), financialYear(last, startMonth)];
}
function fyWithinDates(fy: FinancialYear): boolean {
  const [first, last] = fysWithinDates(fy.startMonth);
  return fy.startYear >= first.startYear && fy.startYear <= last.startYear;
}

/**
 * Every date the run holds or writes within the dates Excel counts correctly: the notice served
 * and its expiry, every financial year of the horizon and the first day after it, the base year.
 */
function checkDates(
  a: { noticeServedOn: CalendarDate; noticeMonths: number; horizonYears: number; yearZero: FinancialYear; labelsYear?: FinancialYear; yearFrom: string },
  problems: ProblemList,
): void {
  const served = isoDate(a.noticeServedOn);
  if (!withinDates(a.noticeServedOn)) {
    problems.add(atAssumption('noticeServedOn'), `${served} is outside the dates the product works with, ${DATE_RANGE}; give a date between them`);
    return;
  }
  if (monthNumber(a.noticeServedOn.year, a.noticeServedOn.month) + a.noticeMonths > LAST_MONTH) {
    problems.add(atAssumption('noticeMonths'), `notice of ${a.noticeMonths} months served on ${served} would expire after ${isoDate(LATEST_DATE)}, the last date Excel counts; give a shorter notice or an earlier noticeServedOn`);
  }
  const [first, last] = fysWithinDates(a.yearZero.startMonth);
  const lastWords = `${fyLabel(last)}, the last financial year Excel's dates hold (they end on ${isoDate(LATEST_DATE)})`;
  const end = addYears(a.yearZero, a.horizonYears - 1);
  if (a.yearZero.startYear < first.startYear) {
    problems.add(atAssumption('noticeServedOn'), `${served} falls in the financial year ${fyLabel(a.yearZero)}, which starts before ${isoDate(EARLIEST_DATE)}, the first date Excel counts correctly; give a later date`);
  } else if (a.yearZero.startYear > last.startYear) {
    problems.add(atAssumption('noticeServedOn'), `${served} falls in the financial year ${fyLabel(a.yearZero)}, after ${lastWords}; give an earlier date`);
  } else if (end.startYear > last.startYear) {
    problems.add(atAssumption('horizonYears'), `${a.horizonYears} years from ${fyLabel(a.yearZero)}, the year notice is served in, would run to ${fyLabel(end)}, after ${lastWords}; give a shorter horizon or an earlier noticeServedOn`);
  }
  if (a.labelsYear && !fyWithinDates(a.labelsYear)) {
    problems.add(atAssumption('baseYear'), `${a.yearFrom} ${fyLabel(a.labelsYear)}, outside the financial years from ${fyLabel(first)} to ${fyLabel(last)} that Excel's dates hold; set baseYear to the year the table describes`);
  }
}

/**
 * The GDP deflator: one rate a year, or rates by FY, each FY one of the horizon (of the scenario's
 * timeline or of the options'), with "otherYears" for those it does not list; without it, every
 * year deflated (each timeline's years after year 0) must be listed. Nominal prices need it.
 */
function readDeflator(value: Json, a: { prices: Prices; fyStartMonth: number; horizonYears: number; yearZeros: readonly FinancialYear[] }, problems: ProblemList): GdpDeflator | undefined {
  const at = (...steps: PathStep[]) => atAssumption('gdpDeflator', ...steps);
  if (value === undefined || value === null) {
    if (a.prices === 'nominal') problems.add(at(), 'missing: costs in cash ("nominal") need the GDP deflator that makes them real, a rate a year such as "2%" or rates by financial year');
    return undefined;
  }
  const rateOf = (v: Json) => rateWithin(v, DEFLATOR.least, DEFLATOR.most);
  if (!isRecord(value)) {
    const rate = rateOf(value);
    if (rate === undefined) problems.add(at(), `${quote(value)} is not ${ASSUMPTION_TABLE.gdpDeflator.expected}`);
    return rate === undefined ? undefined : { byFy: [], otherYears: rate };
  }
  const timelines = a.yearZeros.map((zero) => Array.from({ length: a.horizonYears }, (_, t) => addYears(zero, t)));
  const inHorizon = (fy: FinancialYear) => timelines.some((years) => years.some((year) => year.startYear === fy.startYear));
  const spans = [...new Set(timelines.map((years) => `${fyLabel(years[0])} to ${fyLabel(years[years.length - 1])}`))].join(' or ');
  const byFy: { fy: FinancialYear; rate: Exact }[] = [];
  let otherYears: Exact | undefined;
  let complete = true;
  for (const [key, given] of Object.entries(value)) {
    const rate = rateOf(given);
    if (rate === undefined) problems.add(at(shorten(key)), `${quote(given)} is not a yearly rate from ${formatRate(DEFLATOR.least)} to ${formatRate(DEFLATOR.most)} (give 0.02 or "2%")`);
    if (key === OTHER_YEARS) {
      otherYears = rate;
      complete &&= rate !== undefined;
      continue;
    }
    const fy = parseFy(key, a.fyStartMonth);
    if (fy === undefined) problems.add(at(shorten(key)), `is not a financial year such as "2014/15", nor "${OTHER_YEARS}" (the rate of the years not listed)`);
    else if (!inHorizon(fy)) problems.add(at(shorten(key)), `${fyLabel(fy)} is not a financial year of the horizon, ${spans}`);
    else if (byFy.some((entry) => entry.fy.startYear === fy.startYear)) problems.add(at(shorten(key)), `is ${fyLabel(fy)} again; give each financial year once`);
    else if (rate !== undefined) byFy.push({ fy, rate });
  }
  if (otherYears === undefined && complete) {
    const listed = new Set(byFy.map((entry) => entry.fy.startYear));
    const missing = [...new Map(timelines.flatMap((years) => years.slice(1)).filter((fy) => !listed.has(fy.startYear)).map((fy) => [fy.startYear, fy])).values()]
      .sort((x, y) => x.startYear - y.startYear);
    if (missing.length > 0) {
      problems.add(at(), `gives no rate for ${missing.slice(0, 3).map(fyLabel).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}; list every financial year deflated (each after year 0), or give "${OTHER_YEARS}" for the years not listed`);
    }
  }
  byFy.sort((x, y) => x.fy.startYear - y.fy.startYear);
  return { byFy, ...(otherYears === undefined ? {} : { otherYears }) };
}

function readPartners(value: Json, baseYear: FinancialYear, problems: ProblemList): Partners {
  if (value === undefined || value === null) return { leavers: [] };
  if (!isRecord(value)) {
    problems.add(atAssumption('partners'), `${quote(value)} is not an object like {"inBaseYear": 10, "leavers": [...]}`);
    return { leavers: [] };
  }
  for (const key of Object.keys(value)) {
    if (key !== 'inBaseYear' && key !== 'leavers') problems.add(atAssumption('partners', shorten(key)), 'is not a partners field; the fields are inBaseYear and leavers');
  }
  let inBaseYear: number | undefined;
  if (value.inBaseYear !== undefined && value.inBaseYear !== null) {
    inBaseYear = wholeNumber(value.inBaseYear, MEMBERS.least, MEMBERS.most);
    if (inBaseYear === undefined) problems.add(atAssumption('partners', 'inBaseYear'), `${quote(value.inBaseYear)} is not a number of members from ${MEMBERS.least} to ${MEMBERS.most}`);
  }
  const leavers: Leaver[] = [];
  const list = value.leavers ?? [];
  if (!Array.isArray(list)) {
    problems.add(atAssumption('partners', 'leavers'), `${quote(list)} is not a list of {"name": ..., "leavesOn": "YYYY-MM-DD"}`);
    return { inBaseYear, leavers };
  }
  const names = new Map<string, number>();
  list.forEach((entry: Json, i: number) => {
    const at = (...steps: PathStep[]) => atAssumption('partners', 'leavers', i, ...steps);
    if (!isRecord(entry)) {
      problems.add(at(), `${quote(entry)} is not a leaver like {"name": "Tamworth", "leavesOn": "2013-03-31"}`);
      return;
    }
    unknownFields(entry, LEAVER_FIELDS, at, 'a leaver', problems);
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (name === '') problems.add(at('name'), 'missing: name the partner that leaves');
    const same = names.get(name.toLowerCase());
    if (name !== '' && same !== undefined) problems.add(at('name'), `is the name of leaver ${same + 1} too; a partner leaves once, so give each leaver once`);
    else if (name !== '') names.set(name.toLowerCase(), i);
    const who = name ? ` (the date ${shorten(name)} leaves)` : '';
    if (entry.leavesOn === undefined || entry.leavesOn === null || entry.leavesOn === '') {
      problems.add(at('leavesOn'), `missing${who}: give it as YYYY-MM-DD`);
      return;
    }
    const leavesOn = typeof entry.leavesOn === 'string' ? parseIsoDate(entry.leavesOn) : undefined;
    if (!leavesOn) {
      problems.add(at('leavesOn'), `${quote(entry.leavesOn)} is not a date (YYYY-MM-DD)`);
      return;
    }
    if (!withinDates(leavesOn)) {
      problems.add(at('leavesOn'), `${isoDate(leavesOn)} is outside the dates the product works with, ${DATE_RANGE}; give a date between them`);
      return;
    }
    if (fyWithinDates(baseYear) && compareDates(leavesOn, fyStart(baseYear)) <= 0) {
      problems.add(at('leavesOn'), `${isoDate(leavesOn)} is not after the base year ${fyLabel(baseYear)} starts, so the partner was not paying in it`);
      return;
    }
    leavers.push({ name, leavesOn });
  });
  if (leavers.length > 0 && inBaseYear === undefined) {
    problems.add(atAssumption('partners', 'inBaseYear'), 'missing: leavers need the number of members paying in the base year');
  } else if (inBaseYear !== undefined && list.length >= inBaseYear) {
    problems.add(atAssumption('partners', 'leavers'), `${list.length} leavers of ${inBaseYear} members would leave no one, but the council is one of the ${inBaseYear} and stays unless it withdraws`);
  }
  return { inBaseYear, leavers };
}

function readContractEnds(value: Json, problems: ProblemList): Map<string, { label: string; endsOn: CalendarDate }> {
  const ends = new Map<string, { label: string; endsOn: CalendarDate }>();
  if (value === undefined || value === null) return ends;
  if (!isRecord(value)) {
    problems.add(atAssumption('contractEnds'), `${quote(value)} is not an object of item label to the date its contract ends, "YYYY-MM-DD"`);
    return ends;
  }
  for (const [label, date] of Object.entries(value)) {
    const endsOn = typeof date === 'string' ? parseIsoDate(date) : undefined;
    if (!endsOn || !withinDates(endsOn)) {
      problems.add(atAssumption('contractEnds', { label }), `${quote(date)} is not a date (YYYY-MM-DD) ${DATE_RANGE}`);
      continue;
    }
    if (ends.has(labelKey(label))) {
      problems.add(atAssumption('contractEnds', { label }), 'is the same label as another, since labels ignore case, spaces, hyphens and underscores; keep one of them');
      continue;
    }
    ends.set(labelKey(label), { label, endsOn });
  }
  return ends;
}

function readOverrides(value: Json, problems: ProblemList): Map<string, Override> {
  const overrides = new Map<string, Override>();
  if (value === undefined || value === null) return overrides;
  if (!isRecord(value)) {
    problems.add(atAssumption('overrides'), `${quote(value)} is not an object of item label to "avoidable" or "committed"`);
    return overrides;
  }
  for (const [label, cls] of Object.entries(value)) {
    if (cls !== 'avoidable' && cls !== 'committed') {
      problems.add(atAssumption('overrides', { label }), `${quote(cls)} is not "avoidable" or "committed"`);
      continue;
    }
    const same = overrides.get(labelKey(label));
    if (same) {
      problems.add(atAssumption('overrides', { label }), `is the same label as ${quote(same.label)}, since overrides ignore case, spaces, hyphens and underscores; keep one of them`);
      continue;
    }
    overrides.set(labelKey(label), { label, class: cls });
  }
  return overrides;
}

/**
 * Every option serves notice within the horizon its timeline shares, which starts with the year the
 * earliest serves notice: one served after it would show no saving at all, said by nothing.
 */
function checkOptionsWithinHorizon(options: readonly WithdrawOption[], zero: FinancialYear, horizonYears: number, problems: ProblemList): void {
  const last = addYears(zero, horizonYears - 1);
  options.forEach((option, i) => {
    const served = fyContaining(option.noticeServedOn, zero.startMonth);
    if (served.startYear > last.startYear) {
      problems.add(atAssumption('options', i, 'noticeServedOn'), `${isoDate(option.noticeServedOn)} falls in ${fyLabel(served)}, after the horizon the options share (${fyLabel(zero)} to ${fyLabel(last)}, from the year the earliest option serves notice), so this option would save nothing in it; serve notice within the horizon, or give more horizonYears`);
    }
  });
}

/** An exit cost's stated FY, with the place it was given. */
interface DatedExitCost {
  readonly at: ReturnType<At>;
  readonly fy: FinancialYear;
}

/**
 * Every exit cost's stated FY is one of the horizon the options share: one outside it would count
 * in no year, and the option's figures would leave it out without a word.
 */
function checkExitCostsWithinHorizon(costs: readonly DatedExitCost[], zero: FinancialYear, horizonYears: number, problems: ProblemList): void {
  const last = addYears(zero, horizonYears - 1);
  for (const { at, fy } of costs) {
    if (fy.startYear >= zero.startYear && fy.startYear <= last.startYear) continue;
    const advice = fy.startYear > last.startYear ? 'give a financial year within it, or more horizonYears' : 'give a financial year within it';
    problems.add(at, `${fyLabel(fy)} is outside the horizon, ${fyLabel(zero)} to ${fyLabel(last)}, so the cost would count in no year; ${advice}`);
  }
}

/** A name quoted with the characters that show as nothing, or as a plain space, written as escapes: "Withdraw\\u00a0now". */
const quoteName = (name: string) => quote(name).replace(/[\p{Cf}\p{Zs}]/gu, (c) => (c === ' ' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/** The name of the one withdraw option when the assumptions name none. */
export const DEFAULT_OPTION_NAME = 'Withdraw';

const LEAVER_FIELDS = ['name', 'leavesOn'];
const OPTION_FIELDS = ['name', 'noticeServedOn', 'noticeMonths', 'exitCosts', 'replacementCosts', 'optimismBias'];
const EXIT_COST_FIELDS = ['label', 'amount', 'fy'];
const REPLACEMENT_COST_FIELDS = ['label', 'annual', 'months', 'share'];

/** An amount of pounds given as a number or as text such as "£5,000": money, or undefined. */
function readMoney(value: Json): Money | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > LARGEST_AMOUNT_POUNDS) return undefined;
    return fromPounds(value).amount;
  }
  if (typeof value !== 'string') return undefined;
  const read = parseAmountText(value);
  return read === undefined || read === 'too large' ? undefined : read.amount;
}

/** Refuses the fields of an object that are not among `known`. */
function unknownFields(value: Record<string, Json>, known: readonly string[], at: At, what: string, problems: ProblemList): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.add(at(shorten(key)), `is not ${what} field; the fields are ${known.join(', ')}`);
  }
}

/** A list given under `key`, each entry read by `read`; a value that is not a list is refused. */
function readList<T>(value: Json, at: At, shape: string, problems: ProblemList, read: (entry: Record<string, Json>, at: At, index: number) => T | undefined): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.add(at(), `${quote(value)} is not a list of ${shape}`);
    return [];
  }
  return value.flatMap((entry: Json, i: number) => {
    const here = (...steps: PathStep[]) => at(i, ...steps);
    if (!isRecord(entry)) {
      problems.add(here(), `${quote(entry)} is not ${shape}`);
      return [];
    }
    const item = read(entry, here, i);
    return item === undefined ? [] : [item];
  });
}

function readLabel(entry: Record<string, Json>, at: At, what: string, problems: ProblemList): string | undefined {
  const label = typeof entry.label === 'string' ? entry.label.trim() : '';
  if (label === '') problems.add(at('label'), `missing: say what the ${what} is for`);
  return label || undefined;
}

function readExitCost(entry: Record<string, Json>, at: At, fyStartMonth: number, dated: DatedExitCost[], problems: ProblemList): ExitCost | undefined {
  unknownFields(entry, EXIT_COST_FIELDS, at, 'an exit cost', problems);
  const label = readLabel(entry, at, 'exit cost', problems);
  const amount = readMoney(entry.amount);
  if (amount === undefined) problems.add(at('amount'), `${quote(entry.amount)} is not an amount of pounds up to ${LARGEST_AMOUNT_TEXT} (give 5000 or "£5,000")`);
  let fy: FinancialYear | undefined;
  if (entry.fy !== undefined && entry.fy !== null) {
    fy = ASSUMPTION_TABLE.baseYear.read?.(entry.fy, fyStartMonth);
    if (fy === undefined) problems.add(at('fy'), `${quote(entry.fy)} is not a financial year such as "2014/15"`);
    else dated.push({ at: at('fy'), fy });
  }
  return label === undefined || amount === undefined ? undefined : { label, amount, ...(fy ? { fy } : {}) };
}

function readReplacementCost(entry: Record<string, Json>, at: At, problems: ProblemList): ReplacementCost | undefined {
  unknownFields(entry, REPLACEMENT_COST_FIELDS, at, 'a replacement cost', problems);
  const label = readLabel(entry, at, 'replacement cost', problems);
  const annual = readMoney(entry.annual);
  if (annual === undefined) problems.add(at('annual'), `${quote(entry.annual)} is not an amount of pounds a year up to ${LARGEST_AMOUNT_TEXT} (give 6000 or "£6,000")`);
  let months: number | undefined;
  if (entry.months !== undefined && entry.months !== null) {
    months = wholeNumber(entry.months, 1, NOTICE_MONTHS.most);
    if (months === undefined) problems.add(at('months'), `${quote(entry.months)} is not a whole number of months from 1 to ${NOTICE_MONTHS.most}; leave it out for the rest of the horizon`);
  }
  let share: Exact | undefined;
  if (entry.share !== undefined && entry.share !== null) {
    share = parseRate(entry.share);
    if (share === undefined || share.lte(0) || share.gt(1)) {
      problems.add(at('share'), `${quote(entry.share)} is not a share above 0% and up to 100% (give 0.75 or "75%")`);
      share = undefined;
    }
  }
  return label === undefined || annual === undefined ? undefined : { label, annual, ...(months !== undefined ? { months } : {}), ...(share ? { share } : {}) };
}

/**
 * The withdraw options. Each field an option leaves out takes the assumption of the same name:
 * the notice served and its months, the optimism bias. None given: one option, withdrawing as the
 * other assumptions say, with no costs of leaving.
 */
function readOptions(value: Json, defaults: { noticeServedOn: CalendarDate; noticeMonths: number; optimismBias: Exact; fyStartMonth: number; horizonYears: number }, datedExitCosts: DatedExitCost[], problems: ProblemList): WithdrawOption[] {
  const plain = (name: string): WithdrawOption => ({ name, noticeServedOn: defaults.noticeServedOn, noticeMonths: defaults.noticeMonths, exitCosts: [], replacementCosts: [], optimismBias: defaults.optimismBias });
  if (value === undefined || value === null) return [plain(DEFAULT_OPTION_NAME)];
  const at = (...steps: PathStep[]) => atAssumption('options', ...steps);
  if (Array.isArray(value) && value.length === 0) {
    problems.add(at(), 'is an empty list; name at least one way of withdrawing, or leave options out');
    return [];
  }
  /** Each name taken, by its key: the option's number and the name as given. */
  const names = new Map<string, { index: number; name: string }>();
  const options = readList(value, at, 'an option like {"name": "Withdraw now", "exitCosts": [...]}', problems, (entry, here, index): WithdrawOption | undefined => {
    unknownFields(entry, OPTION_FIELDS, here, 'an option', problems);
    const key = typeof entry.name === 'string' ? optionNameKey(entry.name) : '';
    const name = key === '' ? '' : (entry.name as string).trim();
    if (name === '') problems.add(here('name'), 'missing: name the option, such as "Withdraw now"');
    const same = names.get(key);
    if (name !== '' && same !== undefined) {
      problems.add(here('name'), `${quoteName(name)} is the name of option ${same.index + 1}, ${quoteName(same.name)}, too (names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name`);
    }
    if (name !== '' && same === undefined) names.set(key, { index, name });
    const option = { ...plain(name) };
    const field = <T>(key: string, read: (v: Json) => T | undefined, expected: string, fallback: T): T => {
      if (entry[key] === undefined || entry[key] === null) return fallback;
      const read1 = read(entry[key]);
      if (read1 === undefined) problems.add(here(key), `${quote(entry[key])} is not ${expected}`);
      return read1 ?? fallback;
    };
    const served = field('noticeServedOn', (v) => ASSUMPTION_TABLE.noticeServedOn.read?.(v, defaults.fyStartMonth), ASSUMPTION_TABLE.noticeServedOn.expected, option.noticeServedOn);
    const months = field('noticeMonths', (v) => ASSUMPTION_TABLE.noticeMonths.read?.(v, defaults.fyStartMonth), ASSUMPTION_TABLE.noticeMonths.expected, option.noticeMonths);
    const [firstFy, lastFy] = fysWithinDates(defaults.fyStartMonth);
    const servedFy = fyContaining(served, defaults.fyStartMonth);
    if (!withinDates(served) || servedFy.startYear < firstFy.startYear || servedFy.startYear + defaults.horizonYears - 1 > lastFy.startYear) {
      problems.add(here('noticeServedOn'), `${isoDate(served)} would put the financial years of the horizon outside those Excel's dates hold (${fyLabel(firstFy)} to ${fyLabel(lastFy)}); give a date within them`);
    } else if (monthNumber(served.year, served.month) + months > LAST_MONTH) {
      problems.add(here('noticeMonths'), `notice of ${months} months served on ${isoDate(served)} would expire after ${isoDate(LATEST_DATE)}, the last date Excel counts; give a shorter notice or an earlier noticeServedOn`);
    }
    const bias = field('optimismBias', (v) => ASSUMPTION_TABLE.optimismBias.read?.(v, defaults.fyStartMonth), ASSUMPTION_TABLE.optimismBias.expected, option.optimismBias);
    const exitCosts = readList(entry.exitCosts, (...s) => here('exitCosts', ...s), 'an exit cost like {"label": "Disaggregation", "amount": 5000, "fy": "2014/15"}', problems, (cost, where) => readExitCost(cost, where, defaults.fyStartMonth, datedExitCosts, problems));
    const replacementCosts = readList(entry.replacementCosts, (...s) => here('replacementCosts', ...s), 'a replacement cost like {"label": "CRM support", "annual": 6000}', problems, (cost, where) => readReplacementCost(cost, where, problems));
    return name === '' ? undefined : { name, noticeServedOn: served, noticeMonths: months, exitCosts, replacementCosts, optimismBias: bias };
  });
  return options;
}
