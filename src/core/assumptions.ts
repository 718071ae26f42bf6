// The assumptions of a run: each validated with an error that names it, each defaulted as
// domain.md says, and each recorded with where its value came from.
import { CalendarDate, compareDates, isoDate, parseIsoDate } from './calendar-date';
import { CostClass, labelKey } from './classification';
import { GREEN_BOOK_RATE } from './discounting';
import { DEFAULT_FY_START_MONTH, FinancialYear, fyContaining, fyLabel, fyStart, parseFy } from './financial-year';
import { DEFAULT_HORIZON_YEARS } from './horizon';
import { DEFAULT_INDEXATION } from './indexation';
import { DEFAULT_SHARING, Leaver, Partners, SHARING_MODELS, Sharing } from './membership';
import { Exact } from './money';
import { ProblemList } from './problems';
import { parseRate } from './rate';

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
  readonly partners: Partners;
  readonly sharing: Sharing;
  /** Keyed by labelKey. */
  readonly overrides: ReadonlyMap<string, Override>;
}

export type AssumptionName = keyof Assumptions;
export const ASSUMPTION_NAMES: readonly AssumptionName[] = [
  'baseYear', 'noticeServedOn', 'noticeMonths', 'fyStartMonth', 'horizonYears',
  'indexation', 'discountRate', 'partners', 'sharing', 'overrides',
];

export type AssumptionSource = 'given' | 'default' | 'item labels' | 'today';

export interface ResolvedAssumptions {
  readonly values: Assumptions;
  readonly sources: Readonly<Record<AssumptionName, AssumptionSource>>;
}

export const DEFAULT_NOTICE_MONTHS = 24;

export interface AssumptionContext {
  /** The default notice date: the day of the run, read by the caller (the core reads no clock). */
  readonly today: CalendarDate;
  /** FYs named in the item labels (start year and the first cell naming it). */
  readonly yearsInLabels: ReadonlyMap<number, string>;
}

type Json = unknown;
const isRecord = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: Json) => JSON.stringify(value) ?? String(value);


function wholeNumber(value: Json, low: number, high: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high ? value : undefined;
}

/**
 * Validates and completes the assumptions given (a parsed JSON object, or undefined for all
 * defaults). Throws InputError naming each bad assumption.
 */
export function resolveAssumptions(input: Json, context: AssumptionContext): ResolvedAssumptions {
  const problems = new ProblemList();
  const given: Record<string, Json> = input === undefined ? {} : isRecord(input) ? input : {};
  if (input !== undefined && !isRecord(input)) problems.add('assumptions', 'must be a JSON object of named assumptions');
  for (const key of Object.keys(given)) {
    if ((ASSUMPTION_NAMES as readonly string[]).includes(key)) continue;
    const near = ASSUMPTION_NAMES.find((name) => name.toLowerCase() === key.toLowerCase());
    problems.add(key, `is not an assumption${near ? ` (did you mean ${near}?)` : ''}; the assumptions are ${ASSUMPTION_NAMES.join(', ')}`);
  }
  const sources = {} as Record<AssumptionName, AssumptionSource>;
  const has = (name: AssumptionName) => given[name] !== undefined && given[name] !== null;
  function pick<T>(name: AssumptionName, fallback: T, read: (value: Json) => T | undefined, expected: string): T {
    sources[name] = has(name) ? 'given' : 'default';
    if (!has(name)) return fallback;
    const value = read(given[name]);
    if (value === undefined) problems.add(name, `${show(given[name])} is not ${expected}`);
    return value ?? fallback;
  }

  const fyStartMonth = pick('fyStartMonth', DEFAULT_FY_START_MONTH, (v) => wholeNumber(v, 1, 12), 'a month from 1 to 12');
  const noticeServedOn = pick('noticeServedOn', context.today, (v) => (typeof v === 'string' ? parseIsoDate(v) : undefined), 'a date (YYYY-MM-DD)');
  if (!has('noticeServedOn')) sources.noticeServedOn = 'today';
  const noticeMonths = pick('noticeMonths', DEFAULT_NOTICE_MONTHS, (v) => wholeNumber(v, 0, 1200), 'a whole number of months from 0 to 1200');
  const horizonYears = pick('horizonYears', DEFAULT_HORIZON_YEARS, (v) => wholeNumber(v, 1, 100), 'a whole number of years from 1 to 100');
  const indexation = pick('indexation', new Exact(DEFAULT_INDEXATION), (v) => {
    const rate = parseRate(v);
    return rate && rate.gte(-0.5) && rate.lte(1) ? rate : undefined;
  }, 'a yearly rate from -50% to 100% (give 0.025 or "2.5%")');
  const discountRate = pick('discountRate', new Exact(GREEN_BOOK_RATE.rate), (v) => {
    const rate = parseRate(v);
    return rate && rate.gte(0) && rate.lt(1) ? rate : undefined;
  }, 'a discount rate from 0% up to 100% (give 0.035 or "3.5%")');
  const sharing = pick('sharing', DEFAULT_SHARING, (v) => SHARING_MODELS.find((m) => m === v), `one of ${SHARING_MODELS.map((m) => `"${m}"`).join(', ')}`);

  let baseYear = pick('baseYear', fyContaining(noticeServedOn, fyStartMonth), (v) => (typeof v === 'string' || typeof v === 'number' ? parseFy(v, fyStartMonth) : undefined), 'a financial year such as "2011/12"');
  if (!has('baseYear') && context.yearsInLabels.size > 0) {
    const named = [...context.yearsInLabels];
    if (named.length > 1) {
      const list = named.map(([year, cell]) => `${fyLabel({ startYear: year, startMonth: fyStartMonth })} in ${cell}`).join(', ');
      problems.add('baseYear', `the item labels name more than one financial year (${list}); set baseYear to the year the table describes`);
    } else {
      baseYear = { startYear: named[0][0], startMonth: fyStartMonth };
      sources.baseYear = 'item labels';
    }
  }

  const partners = readPartners(given.partners, baseYear, problems);
  sources.partners = has('partners') ? 'given' : 'default';
  if (sharing === 'shared-pool' && partners.inBaseYear === undefined) {
    problems.add('sharing', '"shared-pool" needs partners.inBaseYear, the number of members paying in the base year');
  }
  const overrides = readOverrides(given.overrides, problems);
  sources.overrides = has('overrides') ? 'given' : 'default';

  problems.throwIfAny();
  return {
    values: { baseYear, noticeServedOn, noticeMonths, fyStartMonth, horizonYears, indexation, discountRate, partners, sharing, overrides },
    sources,
  };
}

const MOST_MEMBERS = 1000;

function readPartners(value: Json, baseYear: FinancialYear, problems: ProblemList): Partners {
  if (value === undefined || value === null) return { leavers: [] };
  if (!isRecord(value)) {
    problems.add('partners', `${show(value)} is not an object like {"inBaseYear": 10, "leavers": [...]}`);
    return { leavers: [] };
  }
  for (const key of Object.keys(value)) {
    if (key !== 'inBaseYear' && key !== 'leavers') problems.add(`partners.${key}`, 'is not a partners field; the fields are inBaseYear and leavers');
  }
  let inBaseYear: number | undefined;
  if (value.inBaseYear !== undefined && value.inBaseYear !== null) {
    inBaseYear = wholeNumber(value.inBaseYear, 1, MOST_MEMBERS);
    if (inBaseYear === undefined) problems.add('partners.inBaseYear', `${show(value.inBaseYear)} is not a number of members from 1 to ${MOST_MEMBERS}`);
  }
  const leavers: Leaver[] = [];
  const list = value.leavers ?? [];
  if (!Array.isArray(list)) {
    problems.add('partners.leavers', `${show(list)} is not a list of {"name": ..., "leavesOn": "YYYY-MM-DD"}`);
    return { inBaseYear, leavers };
  }
  list.forEach((entry: Json, i: number) => {
    const where = `partners.leavers[${i}]`;
    if (!isRecord(entry)) {
      problems.add(where, `${show(entry)} is not a leaver like {"name": "Tamworth", "leavesOn": "2013-03-31"}`);
      return;
    }
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (name === '') problems.add(`${where}.name`, 'missing: name the partner that leaves');
    const who = name ? ` (the date ${name} leaves)` : '';
    if (entry.leavesOn === undefined || entry.leavesOn === null || entry.leavesOn === '') {
      problems.add(`${where}.leavesOn`, `missing${who}: give it as YYYY-MM-DD`);
      return;
    }
    const leavesOn = typeof entry.leavesOn === 'string' ? parseIsoDate(entry.leavesOn) : undefined;
    if (!leavesOn) {
      problems.add(`${where}.leavesOn`, `${show(entry.leavesOn)} is not a date (YYYY-MM-DD)`);
      return;
    }
    if (compareDates(leavesOn, fyStart(baseYear)) <= 0) {
      problems.add(`${where}.leavesOn`, `${isoDate(leavesOn)} is not after the base year ${fyLabel(baseYear)} starts, so the partner was not paying in it`);
      return;
    }
    leavers.push({ name, leavesOn });
  });
  if (leavers.length > 0 && inBaseYear === undefined) {
    problems.add('partners.inBaseYear', 'missing: leavers need the number of members paying in the base year');
  } else if (inBaseYear !== undefined && list.length >= inBaseYear) {
    problems.add('partners.leavers', `${list.length} leavers of ${inBaseYear} members would leave no one, but the council is one of the ${inBaseYear} and stays unless it withdraws`);
  }
  return { inBaseYear, leavers };
}

function readOverrides(value: Json, problems: ProblemList): Map<string, Override> {
  const overrides = new Map<string, Override>();
  if (value === undefined || value === null) return overrides;
  if (!isRecord(value)) {
    problems.add('overrides', `${show(value)} is not an object of item label to "avoidable" or "committed"`);
    return overrides;
  }
  for (const [label, cls] of Object.entries(value)) {
    if (cls !== 'avoidable' && cls !== 'committed') {
      problems.add(`overrides[${show(label)}]`, `${show(cls)} is not "avoidable" or "committed"`);
      continue;
    }
    overrides.set(labelKey(label), { label, class: cls });
  }
  return overrides;
}
