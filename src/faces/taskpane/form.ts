// The assumptions form: its fields as the user typed them, turned into the same assumptions object
// the CLI takes (so the core validates both alike), and the core's problems routed to their fields.
import { ASSUMPTION_TABLE } from '../../core/assumption-table';
import { AssumptionName, Assumptions } from '../../core/assumptions';
import { CalendarDate, isoDate } from '../../core/calendar-date';
import { CostClass } from '../../core/classification';
import { fyLabel } from '../../core/financial-year';
import { DISCOUNT_RATE, INDEXATION } from '../../core/limits';
import { Exact } from '../../core/money';
import { Place } from '../../core/problems';

export interface LeaverFields {
  name: string;
  leavesOn: string;
}

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
}

export type FieldName = Exclude<keyof FormValues, 'leavers'> | `leavers.${number}.${keyof LeaverFields}` | 'leavers' | 'overrides' | 'form';

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
  };
}

/** A number where the text is one; otherwise the text itself, so that validation names it. */
const numeric = (text: string) => (text.trim() === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text);
const rate = (text: string) => (text.trim() === '' ? undefined : `${text.trim().replace(/%$/, '')}%`);

/**
 * The assumptions the form gives. A field still at its default is left out, so that the audit trail
 * records it as a default rather than as given.
 */
export function assumptionsFromForm(form: FormValues, overrides: Readonly<Record<string, CostClass>>, defaults: FormValues): Record<string, unknown> {
  const changed = (name: Exclude<keyof FormValues, 'leavers'>) => (form[name].trim() === defaults[name].trim() ? '' : form[name]);
  const inBaseYear = numeric(form.inBaseYear);
  const leavers = form.leavers; // every row as typed, so that a problem's index names the row on screen
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
  };
}

/** The fields that each hold one assumption of the same name. */
const PLAIN_FIELDS = ['noticeServedOn', 'noticeMonths', 'horizonYears', 'fyStartMonth', 'discountRate', 'indexation', 'sharing', 'baseYear'] as const;

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

/** The rate fields, typed in percent a year, and the range each takes. */
const PERCENT_FIELDS = {
  discountRate: { least: DISCOUNT_RATE.least * 100, below: DISCOUNT_RATE.below * 100, example: '3.5' },
  indexation: { least: INDEXATION.least * 100, most: INDEXATION.most * 100, example: '2.5' },
} as const;
export type PercentField = keyof typeof PERCENT_FIELDS;
export const isPercentField = (name: string): name is PercentField => name in PERCENT_FIELDS;

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
  return within ? undefined : `Give a number of percent a year ${range}, such as ${field.example} for ${field.example}%.`;
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
  return (PLAIN_FIELDS as readonly string[]).includes(name) ? (name as FieldName) : 'form';
}
