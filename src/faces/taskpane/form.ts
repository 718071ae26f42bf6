// The assumptions form: its fields as the user typed them, turned into the same assumptions object
// the CLI takes (so the core validates both alike), and the core's problems routed to their fields.
import { ASSUMPTION_TABLE } from '../../core/assumption-table';
import { AssumptionName, Assumptions, DEFAULT_OPTION_NAME } from '../../core/assumptions';
import { CalendarDate, isoDate } from '../../core/calendar-date';
import { CostClass } from '../../core/classification';
import { DateOrder, dateOrderOf, readDateText } from '../../core/date-text';
import { fyLabel } from '../../core/financial-year';
import { DEFLATOR, DISCOUNT_RATE, INDEXATION, OPTIMISM_BIAS } from '../../core/limits';
import { OTHER_YEARS } from '../../core/real-prices';
import { Exact, toPounds } from '../../core/money';
import { PathStep, Place } from '../../core/problems';
import { DEFAULT_LANGUAGE } from './format';

export interface LeaverFields {
  name: string;
  leavesOn: string;
}

/** A financial year's own GDP deflator: "2013/14", in percent. */
export interface DeflatorYearFields {
  fy: string;
  rate: string;
}

// Cost lines are types, not interfaces, so that a view may read any of their fields by its key.
export type ExitCostFields = {
  label: string;
  /** Pounds, as typed: 5000 or £5,000. */
  amount: string;
  /** Empty: the FY notice expires in. */
  fy: string;
};

export type ReplacementCostFields = {
  label: string;
  /** Pounds a year. */
  annual: string;
  /** Empty: to the horizon's end. */
  months: string;
  /** Percent; empty: all of it. */
  share: string;
};

export interface CostFields {
  exitCosts: ExitCostFields;
  replacementCosts: ReplacementCostFields;
}
export type CostKind = keyof CostFields;

/** A way of withdrawing. An empty notice or bias field takes the assumption above it (the bias: none). */
export interface OptionFields {
  name: string;
  noticeServedOn: string;
  noticeMonths: string;
  /** Percent. */
  optimismBias: string;
  exitCosts: ExitCostFields[];
  replacementCosts: ReplacementCostFields[];
}
export type OptionField = 'name' | 'noticeServedOn' | 'noticeMonths' | 'optimismBias';

/** Every field as text, as the inputs hold it. Rates are in percent ("3.5"). */
export interface FormValues {
  noticeServedOn: string;
  noticeMonths: string;
  horizonYears: string;
  fyStartMonth: string;
  discountRate: string;
  indexation: string;
  sharing: string;
  inBaseYear: string;
  /** Empty: found in the item labels, or the year notice is served in. */
  baseYear: string;
  leavers: LeaverFields[];
  /** "real" or "nominal". */
  prices: string;
  /** Percent a year: the rate of every year not listed in `deflatorYears`. */
  gdpDeflator: string;
  deflatorYears: DeflatorYearFields[];
  /** At least one: the first is the way the fields above describe. */
  options: OptionFields[];
}

export type PlainField = Exclude<keyof FormValues, 'leavers' | 'options' | 'deflatorYears'>;
export type FieldName = PlainField | `leavers.${number}.${keyof LeaverFields}` | 'leavers' | 'overrides' | 'form' | `deflatorYears.${number}.${keyof DeflatorYearFields}`
  | `options.${number}.${OptionField}` | `options.${number}.${CostKind}.${number}.${string}` | `options.${number}` | 'options';

/** A way of withdrawing with nothing of its own: the notice above, no costs of leaving. */
export const plainOption = (name: string): OptionFields => ({ name, noticeServedOn: '', noticeMonths: '', optimismBias: '', exitCosts: [], replacementCosts: [] });
export const EMPTY_COST: CostFields = { exitCosts: { label: '', amount: '', fy: '' }, replacementCosts: { label: '', annual: '', months: '', share: '' } };

/** The options say nothing the assumptions above do not: one plain option under the default name. */
function onlyTheDefault(options: readonly OptionFields[]): boolean {
  return options.length === 1 && JSON.stringify(options[0]) === JSON.stringify(plainOption(DEFAULT_OPTION_NAME));
}

/** A rate as the form's rate fields show it, in percent: 0.035 is "3.5". */
export const percent = (rate: Exact) => rate.times(100).toString();

export function formFromAssumptions(a: Assumptions, baseYearGiven: boolean): FormValues {
  return {
    noticeServedOn: isoDate(a.noticeServedOn),
    noticeMonths: String(a.noticeMonths),
    horizonYears: String(a.horizonYears),
    fyStartMonth: String(a.fyStartMonth),
    discountRate: percent(a.discountRate),
    indexation: percent(a.indexation),
    sharing: a.sharing,
    inBaseYear: a.partners.inBaseYear === undefined ? '' : String(a.partners.inBaseYear),
    baseYear: baseYearGiven ? fyLabel(a.baseYear) : '',
    leavers: a.partners.leavers.map((leaver) => ({ name: leaver.name, leavesOn: isoDate(leaver.leavesOn) })),
    prices: a.prices,
    gdpDeflator: a.gdpDeflator?.otherYears ? percent(a.gdpDeflator.otherYears) : '',
    deflatorYears: (a.gdpDeflator?.byFy ?? []).map((entry) => ({ fy: fyLabel(entry.fy), rate: percent(entry.rate) })),
    // An option's notice and bias show empty where they are the assumptions above.
    options: a.options.map((o) => ({
      name: o.name,
      noticeServedOn: isoDate(o.noticeServedOn) === isoDate(a.noticeServedOn) ? '' : isoDate(o.noticeServedOn),
      noticeMonths: o.noticeMonths === a.noticeMonths ? '' : String(o.noticeMonths),
      optimismBias: o.optimismBias.isZero() ? '' : percent(o.optimismBias),
      exitCosts: o.exitCosts.map((c) => ({ label: c.label, amount: String(toPounds(c.amount)), fy: c.fy ? fyLabel(c.fy) : '' })),
      replacementCosts: o.replacementCosts.map((c) => ({
        label: c.label, annual: String(toPounds(c.annual)), months: c.months === undefined ? '' : String(c.months), share: c.share ? percent(c.share) : '',
      })),
    })),
  };
}

/** The form before the officer changes anything: each field at its default from the assumption table. */
export function emptyForm(today: CalendarDate): FormValues {
  const fallback = <K extends AssumptionName>(name: K) => ASSUMPTION_TABLE[name].fallback as Assumptions[K];
  return {
    noticeServedOn: isoDate(today),
    noticeMonths: String(fallback('noticeMonths')),
    horizonYears: String(fallback('horizonYears')),
    fyStartMonth: String(fallback('fyStartMonth')),
    discountRate: percent(fallback('discountRate')),
    indexation: percent(fallback('indexation')),
    sharing: fallback('sharing'),
    inBaseYear: '',
    baseYear: '',
    leavers: [],
    prices: fallback('prices'),
    gdpDeflator: '',
    deflatorYears: [],
    options: [plainOption(DEFAULT_OPTION_NAME)],
  };
}

/** A number where the text is one; otherwise the text itself, so that validation names it. */
const numeric = (text: string) => (text.trim() === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text);
const rate = (text: string) => (text.trim() === '' ? undefined : `${text.trim().replace(/%$/, '')}%`);

/** The order of day and month the form's dates are typed in: Office's display language's (en-GB when it gives none), never the browser's. */
export const formDateOrder = (language: string | undefined): DateOrder => dateOrderOf(language ?? DEFAULT_LANGUAGE);

/**
 * A date field as the assumptions give it: YYYY-MM-DD when the text is a date in the document's
 * order (19/10/2012 in en-GB), else the text as typed, which validation refuses under the field.
 */
export function typedDate(text: string, order: DateOrder): string {
  if (text.trim() === '') return text;
  const reading = readDateText(text, order);
  return reading.kind === 'date' ? isoDate(reading.date) : text;
}

/** What is wrong with a date field's text, in the field's own words; undefined when it is a date or empty. */
export function dateProblem(text: string, order: DateOrder): string | undefined {
  if (text.trim() === '') return undefined;
  const reading = readDateText(text, order);
  if (reading.kind === 'date') return undefined;
  const example = `as in ${DATE_EXAMPLES[order]}`;
  const said = reading.kind === 'month' ? `${JSON.stringify(text.trim())} is a month: give the day too` : reading.message;
  return `${said.charAt(0).toUpperCase()}${said.slice(1)}. Type the date ${example}.`;
}

/** How a date is typed in each order, for the hint beside a date field and its messages. */
export const DATE_EXAMPLES: Readonly<Record<DateOrder, string>> = {
  'day first': '19/10/2012, 19 Oct 2012 or 2012-10-19',
  'month first': '10/19/2012, Oct 19 2012 or 2012-10-19',
};

/** The names of the form's date fields: notice served on, each leaver's date, each option's notice. */
export function dateFields(form: FormValues): FieldName[] {
  return [
    'noticeServedOn',
    ...form.leavers.map((_, i): FieldName => `leavers.${i}.leavesOn`),
    ...form.options.map((_, i): FieldName => `options.${i}.noticeServedOn`),
  ];
}

/**
 * The assumptions the form gives, its dates read in `order` (the document's language's). A field
 * still at its default is left out, so that the audit trail records it as a default rather than as given.
 */
export function assumptionsFromForm(form: FormValues, overrides: Readonly<Record<string, CostClass>>, defaults: FormValues, order: DateOrder): Record<string, unknown> {
  const dated = (f: FormValues): FormValues => ({ ...f, noticeServedOn: typedDate(f.noticeServedOn, order) });
  const [now, before] = [dated(form), dated(defaults)];
  const changed = (name: PlainField) => (now[name].trim() === before[name].trim() ? '' : now[name]);
  const inBaseYear = numeric(form.inBaseYear);
  // every row as typed, so that a problem's index names the row on screen
  const leavers = form.leavers.map((leaver) => ({ ...leaver, leavesOn: typedDate(leaver.leavesOn, order) }));
  return {
    noticeServedOn: changed('noticeServedOn') || undefined,
    noticeMonths: numeric(changed('noticeMonths')),
    horizonYears: numeric(changed('horizonYears')),
    fyStartMonth: numeric(changed('fyStartMonth')),
    discountRate: rate(changed('discountRate')),
    indexation: rate(changed('indexation')),
    sharing: changed('sharing') || undefined,
    baseYear: form.baseYear.trim() || undefined,
    partners: inBaseYear === undefined && leavers.length === 0 ? undefined : { inBaseYear, leavers },
    overrides: Object.keys(overrides).length > 0 ? overrides : undefined,
    prices: changed('prices') || undefined,
    // One rate, or each year's listed with the rest's under otherYears.
    gdpDeflator: form.deflatorYears.length === 0 ? rate(form.gdpDeflator) : {
      ...Object.fromEntries(form.deflatorYears.map((y) => [y.fy.trim(), rate(y.rate) ?? ''])),
      ...(form.gdpDeflator.trim() === '' ? {} : { [OTHER_YEARS]: rate(form.gdpDeflator) }),
    },
    options: onlyTheDefault(form.options) ? undefined : form.options.map((o) => optionAssumption({ ...o, noticeServedOn: typedDate(o.noticeServedOn, order) })),
  };
}

/** An option as the assumptions file gives it: every cost line as typed, so that a problem's index names the line on screen. */
function optionAssumption(o: OptionFields): Record<string, unknown> {
  const given = (text: string) => text.trim() || undefined;
  return {
    name: o.name,
    noticeServedOn: given(o.noticeServedOn),
    noticeMonths: numeric(o.noticeMonths),
    optimismBias: rate(o.optimismBias),
    exitCosts: o.exitCosts.map((c) => ({ label: c.label, amount: numeric(c.amount), fy: given(c.fy) })),
    replacementCosts: o.replacementCosts.map((c) => ({ label: c.label, annual: numeric(c.annual), months: numeric(c.months), share: rate(c.share) })),
  };
}

/** The fields that each hold one assumption of the same name. */
const PLAIN_FIELDS = ['noticeServedOn', 'noticeMonths', 'horizonYears', 'fyStartMonth', 'discountRate', 'indexation', 'prices', 'gdpDeflator', 'sharing', 'baseYear'] as const;

/** Each field's label, as the form shows it, from the assumption table: a message names a field by its label, not its key. */
const members = ASSUMPTION_TABLE.partners.fields?.inBaseYear.label ?? '';
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(PLAIN_FIELDS.map((name) => [name, ASSUMPTION_TABLE[name].label])),
  'partners.inBaseYear': members,
  inBaseYear: members,
};
const KEYS = new RegExp(`\\b(${Object.keys(FIELD_LABELS).sort((a, b) => b.length - a.length).join('|').replace(/\./g, '\\.')})\\b`, 'g');

/** A message from the core in the form's words: each assumption named by its field's label. */
export function inFormWords(message: string): string {
  return message.replace(KEYS, (key) => `"${FIELD_LABELS[key]}"`);
}

/** The rate fields, typed in percent (a year, but for the bias), and the range each takes; an option's bias field by its last part. */
const PERCENT_FIELDS = {
  discountRate: { least: DISCOUNT_RATE.least * 100, below: DISCOUNT_RATE.below * 100, example: '3.5', unit: 'percent a year' },
  indexation: { least: INDEXATION.least * 100, most: INDEXATION.most * 100, example: '2.5', unit: 'percent a year' },
  gdpDeflator: { least: DEFLATOR.least * 100, most: DEFLATOR.most * 100, example: '2', unit: 'percent a year' },
  optimismBias: { least: OPTIMISM_BIAS.least * 100, most: OPTIMISM_BIAS.most * 100, example: '41', unit: 'percent' },
} as const;
export type PercentField = keyof typeof PERCENT_FIELDS;
/** The rate field a field is, `options.0.optimismBias` as `optimismBias`; undefined when it is none. */
export function percentFieldOf(name: string): PercentField | undefined {
  const last = name.slice(name.lastIndexOf('.') + 1);
  return last in PERCENT_FIELDS ? (last as PercentField) : undefined;
}
export const isPercentField = (name: string): name is PercentField => name in PERCENT_FIELDS;

/** The text of a field by its name, `options.0.optimismBias` too; empty when there is no such field. */
export function fieldText(form: FormValues, name: FieldName): string {
  const value = name.split('.').reduce<unknown>((at, step) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[step] : undefined), form);
  return typeof value === 'string' ? value : '';
}

/** The number of percent a rate field holds ("3.5" or "3.5%"), or undefined when it holds none. */
function percentOf(text: string): number | undefined {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** What is wrong with a rate field, in the field's own unit (percent a year); undefined when nothing. */
export function percentProblem(name: PercentField, text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const field = PERCENT_FIELDS[name];
  const range = 'below' in field ? `from ${field.least} up to (not including) ${field.below}` : `from ${field.least} to ${field.most}`;
  const value = percentOf(text);
  const within = value !== undefined && value >= field.least && ('below' in field ? value < field.below : value <= field.most);
  return within ? undefined : `Give a number of ${field.unit} ${range}, such as ${field.example} for ${field.example}%.`;
}

/**
 * A rate field that reads like a fraction typed into a percent field (0.035 for 3.5%): below 0.5%
 * a year but not 0. A question, not a block: such a rate may be meant.
 */
export function percentQuestion(name: PercentField, text: string): string | undefined {
  const value = percentOf(text);
  if (value === undefined || value === 0 || Math.abs(value) >= 0.5 || percentProblem(name, text)) return undefined;
  const meant = new Exact(value).times(100).toString();
  return `${value}% a year is very low: did you mean ${meant}%? This field is in percent.`;
}

/** The form field a problem's place names (leaver 1's date is `leavers.1.leavesOn`); a cell of the table is the form's. */
export function fieldOf(place: Place): FieldName {
  if (!('assumption' in place)) return 'form';
  const [name, first, index, field] = place.assumption;
  if (name === 'partners') {
    if (first === 'inBaseYear') return 'inBaseYear';
    if (first === 'leavers' && typeof index === 'number' && (field === 'name' || field === 'leavesOn')) return `leavers.${index}.${field}`;
    return 'leavers';
  }
  if (name === 'overrides') return 'overrides';
  if (name === 'options') return optionField(place.assumption.slice(1));
  return (PLAIN_FIELDS as readonly string[]).includes(name) ? (name as FieldName) : 'form';
}

/** The form field of a place within the options: `options.0.name`, `options.0.exitCosts.1.amount`, or the option or the list. */
function optionField([index, field, line, part]: readonly PathStep[]): FieldName {
  if (typeof index !== 'number') return 'options';
  if ((field === 'exitCosts' || field === 'replacementCosts') && typeof line === 'number' && typeof part === 'string' && part in EMPTY_COST[field]) {
    return `options.${index}.${field}.${line}.${part}`;
  }
  if (field === 'name' || field === 'noticeServedOn' || field === 'noticeMonths' || field === 'optimismBias') return `options.${index}.${field}`;
  return `options.${index}`;
}
