// Membership models (docs/conventions.md, "Membership models").
// - fixed-contribution: each member pays its own base contribution (indexed) whatever the number
//   of members.
// - shared-pool: pool = base contribution x members paying in the base year; each FY's contribution
//   per member = pool (indexed) / members at the start of that FY. A leaver counts as a member of
//   every FY that starts before its leaving date.
// The council's base contribution is its total avoidable cost in the base year. A contribution is
// money the partnership invoices, so it is rounded to pence.
import { CalendarDate, compareDates } from './calendar-date';
import { FinancialYear, fyStart } from './financial-year';
import { Exact, Money, pence, roundToPence, times } from './money';

export type Sharing = 'fixed-contribution' | 'shared-pool';
export const SHARING_MODELS: readonly Sharing[] = ['fixed-contribution', 'shared-pool'];
export const DEFAULT_SHARING: Sharing = 'fixed-contribution';

export interface Leaver {
  readonly name: string;
  readonly leavesOn: CalendarDate;
}

export interface Partners {
  /** Members paying in the base year, the council among them; unknown when not given. */
  readonly inBaseYear?: number;
  /** Other members that leave (the council's own leaving is the withdraw scenario). */
  readonly leavers: readonly Leaver[];
}

/** Members at the start of the FY, the council among them, or undefined when inBaseYear is unknown. */
export function membersAtStart(fy: FinancialYear, partners: Partners): number | undefined {
  if (partners.inBaseYear === undefined) return undefined;
  const start = fyStart(fy);
  const gone = partners.leavers.filter((leaver) => compareDates(leaver.leavesOn, start) <= 0).length;
  return partners.inBaseYear - gone;
}

/** The core budget in the base year: base contribution x members paying then. */
export function pool(baseContribution: Money, inBaseYear: number): Money {
  return pence(baseContribution * inBaseYear);
}

/**
 * The contribution per member in a FY, exact (in pence, not yet rounded), given the indexation
 * factor for that FY and the members at its start (needed by shared-pool only).
 */
export function exactContribution(
  sharing: Sharing,
  baseContribution: Money,
  partners: Partners,
  members: number | undefined,
  indexFactor: Exact,
): Exact {
  if (sharing === 'fixed-contribution') return times(baseContribution, indexFactor);
  if (partners.inBaseYear === undefined || members === undefined || members < 1) {
    throw new RangeError('shared-pool needs the members in the base year and at least one member');
  }
  return times(baseContribution, indexFactor.times(partners.inBaseYear).div(members));
}

/** The contribution per member in a FY, rounded to pence: what the partnership invoices. */
export function contributionPerMember(...args: Parameters<typeof exactContribution>): Money {
  return roundToPence(exactContribution(...args));
}

/** Contribution per member at base-year prices for every number of members from 1 to inBaseYear. */
export function contributionByMembers(
  sharing: Sharing,
  baseContribution: Money,
  partners: Partners,
): { members: number; contribution: Money }[] {
  const count = partners.inBaseYear ?? 0;
  return Array.from({ length: count }, (_, i) => ({
    members: i + 1,
    contribution: contributionPerMember(sharing, baseContribution, partners, i + 1, new Exact(1)),
  }));
}
