// The assumptions form: its fields as the user typed them, turned into the same assumptions object
// the CLI takes (so the core validates both alike), and the core's problems routed to their fields.
import { Assumptions } from '../../core/assumptions';
import { CalendarDate, isoDate } from '../../core/calendar-date';
import { CostClass } from '../../core/classification';
import { fyLabel } from '../../core/financial-year';
import { Exact } from '../../core/money';

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

const percent = (rate: Exact) => rate.times(100).toString();

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

export function emptyForm(today: CalendarDate): FormValues {
  return {
    noticeServedOn: isoDate(today), noticeMonths: '24', horizonYears: '5', fyStartMonth: '4', discountRate: '3.5', indexation: '0',
    sharing: 'fixed-contribution', inBaseYear: '', baseYear: '', leavers: [],
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

/** The form field a problem's `where` names (`partners.leavers[1].leavesOn` is leaver 1's date). */
export function fieldOf(where: string): FieldName {
  const leaver = /^partners\.leavers\[(\d+)\]\.(name|leavesOn)$/.exec(where);
  if (leaver) return `leavers.${Number(leaver[1])}.${leaver[2] as keyof LeaverFields}`;
  if (where === 'partners.inBaseYear') return 'inBaseYear';
  if (where.startsWith('partners')) return 'leavers';
  if (where.startsWith('overrides')) return 'overrides';
  const plain: readonly string[] = ['noticeServedOn', 'noticeMonths', 'horizonYears', 'fyStartMonth', 'discountRate', 'indexation', 'sharing', 'baseYear'];
  return plain.includes(where) ? (where as FieldName) : 'form';
}
