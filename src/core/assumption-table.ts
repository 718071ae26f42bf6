// Every assumption of a run in one table: its label, the unit it is given in, what values it takes,
// its default and where that default comes from, how a given value is read, and how a value is
// said. Validation, the CLI's help, the pane's form and the audit sheet all read it; the type
// makes sure no assumption is missing from it. Each default is kept by the rule it belongs to.
import type { AssumptionName, Assumptions } from './assumptions';
import { MONTH_NAMES, isoDate, parseIsoDate } from './calendar-date';
import { GREEN_BOOK_RATE } from './discounting';
import { DEFAULT_FY_START_MONTH, FinancialYear, financialYear, fyLabel, parseFy } from './financial-year';
import { DEFAULT_HORIZON_YEARS } from './horizon';
import { DEFAULT_INDEXATION } from './indexation';
import { DEFLATOR, DISCOUNT_RATE, HORIZON_YEARS, INDEXATION, MEMBERS, NOTICE_MONTHS, OPTIMISM_BIAS } from './limits';
import { DEFAULT_OPTIMISM_BIAS, OUTSOURCING_UPPER_BOUND } from './optimism-bias';
import { DEFAULT_SHARING, SHARING_MODELS } from './membership';
import { Exact } from './money';
import { DEFAULT_NOTICE_MONTHS } from './notice';
import { formatRate, parseRate } from './rate';
import { DEFAULT_PRICES, GdpDeflator, OTHER_YEARS, PRICE_BASES } from './real-prices';

export interface AssumptionRow<T> {
  /** How the pane's form and the audit sheet label it. */
  readonly label: string;
  /** The unit it is given in, in the assumptions file. */
  readonly unit: string;
  /** The values it takes, in words: a refusal says "… is not <expected>". */
  readonly expected: string;
  /** Its default in words. */
  readonly byDefault: string;
  /** The default, when it is one value (others are worked out: the day of the run, the year in the labels). */
  readonly fallback?: T;
  /** Where the default comes from, when it comes from a source the auditor should see. */
  readonly authority?: string;
  /** A value given in the assumptions file, read; undefined when it is not one of the values it takes. */
  readonly read?: (value: unknown, fyStartMonth: number) => T | undefined;
  /** A value in words, as the audit sheet shows it. */
  readonly words?: (value: T) => string;
  /** The fields of an assumption given as an object, each with its label. */
  readonly fields?: Readonly<Record<string, { readonly label: string }>>;
}

/** A whole number from `low` to `high`, or undefined. */
export function wholeNumber(value: unknown, low: number, high: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high ? value : undefined;
}

export function rateWithin(value: unknown, least: number, most: number, below = false): Exact | undefined {
  const rate = parseRate(value);
  return rate && rate.gte(least) && (below ? rate.lt(most) : rate.lte(most)) ? rate : undefined;
}

/** A financial year given as text, or as the number of the calendar year it starts in. */
function readFy(value: unknown, startMonth: number): FinancialYear | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? financialYear(value, startMonth) : undefined;
  return typeof value === 'string' ? parseFy(value, startMonth) : undefined;
}

/** A GDP deflator in words: "2% a year", or each year's rate and the others'. */
function deflatorWords(deflator: GdpDeflator | undefined): string {
  if (deflator === undefined) return 'not given';
  const listed = [...deflator.byFy].sort((a, b) => a.fy.startYear - b.fy.startYear).map((entry) => `${fyLabel(entry.fy)} ${formatRate(entry.rate)}`);
  const others = deflator.otherYears === undefined ? [] : [`${listed.length > 0 ? 'other years ' : ''}${formatRate(deflator.otherYears)} a year`];
  return [...listed, ...others].join('; ');
}

/** The table, in the order the help and the audit sheet list the assumptions. */
export const ASSUMPTION_TABLE: { readonly [K in AssumptionName]: AssumptionRow<Assumptions[K]> } = {
  baseYear: {
    label: 'Base year',
    unit: 'a financial year: "2011/12", or 2011',
    expected: 'a financial year such as "2011/12"',
    byDefault: 'the year the amount column\'s header names, else the year the item labels name, else the year notice is served in',
    read: readFy,
    words: fyLabel,
  },
  noticeServedOn: {
    label: 'Notice served on',
    unit: 'a date, YYYY-MM-DD',
    expected: 'a date (YYYY-MM-DD)',
    byDefault: 'the day of the run (UK time)',
    read: (v) => (typeof v === 'string' ? parseIsoDate(v) : undefined),
    words: isoDate,
  },
  noticeMonths: {
    label: 'Notice period',
    unit: 'whole months',
    expected: `a whole number of months from ${NOTICE_MONTHS.least} to ${NOTICE_MONTHS.most}`,
    byDefault: `${DEFAULT_NOTICE_MONTHS}`,
    fallback: DEFAULT_NOTICE_MONTHS,
    read: (v) => wholeNumber(v, NOTICE_MONTHS.least, NOTICE_MONTHS.most),
    words: (months) => `${months} months`,
  },
  fyStartMonth: {
    label: 'Financial year starts in',
    unit: 'the month, 1 to 12',
    expected: 'a month from 1 to 12',
    byDefault: `${DEFAULT_FY_START_MONTH} (${MONTH_NAMES[DEFAULT_FY_START_MONTH - 1]})`,
    fallback: DEFAULT_FY_START_MONTH,
    read: (v) => wholeNumber(v, 1, 12),
    words: (month) => `${MONTH_NAMES[month - 1]} (month ${month})`,
  },
  horizonYears: {
    label: 'Horizon',
    unit: 'whole financial years',
    expected: `a whole number of years from ${HORIZON_YEARS.least} to ${HORIZON_YEARS.most}`,
    byDefault: `${DEFAULT_HORIZON_YEARS}`,
    fallback: DEFAULT_HORIZON_YEARS,
    read: (v) => wholeNumber(v, HORIZON_YEARS.least, HORIZON_YEARS.most),
    words: (years) => `${years} years`,
  },
  indexation: {
    label: 'Indexation',
    unit: 'a rate a year: 0.025 or "2.5%"',
    expected: `a yearly rate from ${formatRate(INDEXATION.least)} to ${formatRate(INDEXATION.most)} (give 0.025 or "2.5%")`,
    byDefault: formatRate(DEFAULT_INDEXATION),
    fallback: new Exact(DEFAULT_INDEXATION),
    read: (v) => rateWithin(v, INDEXATION.least, INDEXATION.most),
    words: (rate) => `${formatRate(rate)} a year`,
  },
  discountRate: {
    label: 'Discount rate',
    unit: 'a rate a year: 0.035 or "3.5%", the rate of years 0 to 30; later years step down on the Green Book\'s STPR schedule, by 0.5 points from year 31 and 1 point from year 76',
    expected: `a discount rate from ${formatRate(DISCOUNT_RATE.least)} up to ${formatRate(DISCOUNT_RATE.below)} (give 0.035 or "3.5%")`,
    byDefault: formatRate(GREEN_BOOK_RATE.rate),
    fallback: new Exact(GREEN_BOOK_RATE.rate),
    authority: `${GREEN_BOOK_RATE.source} (${GREEN_BOOK_RATE.vintage})`,
    read: (v) => rateWithin(v, DISCOUNT_RATE.least, DISCOUNT_RATE.below, true),
    words: (rate) => `${formatRate(rate)} a year`,
  },
  prices: {
    label: 'Price basis of the costs',
    unit: `${PRICE_BASES.map((p) => `"${p}"`).join(' or ')}`,
    expected: `one of ${PRICE_BASES.map((p) => `"${p}"`).join(', ')}`,
    byDefault: `"${DEFAULT_PRICES}": the costs are at base-year prices, indexed as indexation says`,
    fallback: DEFAULT_PRICES,
    read: (v) => PRICE_BASES.find((p) => p === v),
    words: (prices) => (prices === 'real' ? 'real (base-year prices)' : 'nominal (cash): made real by the GDP deflator'),
  },
  gdpDeflator: {
    label: 'GDP deflator',
    unit: `a rate a year: 0.02 or "2%"; or by financial year: {"2013/14": "2.1%", "2014/15": "1.9%", "${OTHER_YEARS}": "2%"}`,
    expected: `a yearly rate from ${formatRate(DEFLATOR.least)} to ${formatRate(DEFLATOR.most)} (give 0.02 or "2%"), or an object of such rates by financial year with "${OTHER_YEARS}" for the years it does not list`,
    byDefault: 'not given; nominal prices need it (HM Treasury publishes GDP deflators, with the OBR\'s forecast). By financial year, a year not listed takes the rate of "otherYears", which may be left out only when every year after year 0 is listed',
    words: deflatorWords,
  },
  partners: {
    label: 'Partners',
    unit: 'object',
    expected: `{"inBaseYear": members from ${MEMBERS.least} to ${MEMBERS.most}, "leavers": [{"name": ..., "leavesOn": "YYYY-MM-DD"}]}`,
    byDefault: 'no members counted, no one leaving',
    fields: {
      inBaseYear: { label: 'Members paying in the base year' },
      leavers: { label: 'Other partners leaving' },
    },
  },
  sharing: {
    label: 'When partners leave',
    unit: `the sharing model: ${SHARING_MODELS.map((m) => `"${m}"`).join(' or ')}`,
    expected: `one of ${SHARING_MODELS.map((m) => `"${m}"`).join(', ')}`,
    byDefault: DEFAULT_SHARING,
    fallback: DEFAULT_SHARING,
    read: (v) => SHARING_MODELS.find((m) => m === v),
    words: (model) => model,
  },
  overrides: {
    label: 'Classes set by the user',
    unit: 'object',
    expected: '{"item label": "avoidable" or "committed", ...}',
    byDefault: 'none: each row classed by its label',
  },
  contractEnds: {
    label: 'Contract end dates set by the user',
    unit: 'object',
    expected: '{"item label": "YYYY-MM-DD", ...}',
    byDefault: 'those the sheet gives (a contract-end column, or a date in a note)',
  },
  optimismBias: {
    label: 'Optimism bias on the costs of leaving',
    unit: 'a rate: 0.41 or "41%"',
    expected: `an uplift from ${formatRate(OPTIMISM_BIAS.least)} to ${formatRate(OPTIMISM_BIAS.most)} (give 0.41 or "41%")`,
    byDefault: `${formatRate(DEFAULT_OPTIMISM_BIAS)}; the Green Book's upper bound for outsourcing is ${formatRate(OUTSOURCING_UPPER_BOUND.rate)}`,
    fallback: new Exact(DEFAULT_OPTIMISM_BIAS),
    authority: OUTSOURCING_UPPER_BOUND.source,
    read: (v) => rateWithin(v, OPTIMISM_BIAS.least, OPTIMISM_BIAS.most),
    words: (rate) => formatRate(rate),
  },
  options: {
    label: 'Ways of withdrawing',
    unit: 'a list of options',
    expected: '[{"name": "Withdraw now", "noticeServedOn": ..., "noticeMonths": ..., "exitCosts": [{"label", "amount", "fy"}], "replacementCosts": [{"label", "annual", "months", "share"}], "optimismBias": ...}]',
    byDefault: 'one, "Withdraw": notice as noticeServedOn and noticeMonths say, no costs of leaving',
    fields: {
      name: { label: 'Option' },
      exitCosts: { label: 'Exit costs' },
      replacementCosts: { label: 'Replacement costs' },
    },
  },
};

/** The assumptions, in the table's order. */
export const ASSUMPTION_NAMES = Object.keys(ASSUMPTION_TABLE) as AssumptionName[];

/** A value of a one-value assumption in its row's words. */
export function said<K extends AssumptionName>(name: K, value: Assumptions[K]): string {
  const row: AssumptionRow<Assumptions[K]> = ASSUMPTION_TABLE[name];
  return row.words ? row.words(value) : String(value);
}
