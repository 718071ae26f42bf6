// The whole job on one sheet's cells: read the cost rows, classify them, resolve the assumptions,
// and project the savings and membership scenarios, with checks and warnings.
import { ASSUMPTION_TABLE } from './assumption-table';
import { AssumptionSource, AssumptionName, Assumptions, resolveAssumptions } from './assumptions';
import { yearsNamedInLabels } from './base-year';
import { CalendarDate, compareDates, isoDate } from './calendar-date';
import { Check, checksOf } from './checks';
import { chooseTable } from './choose-table';
import { Grid, columnCells, sheetReference } from './cell';
import { ClassReason, CostClass, classify, labelKey } from './classification';
import { CostRow, CostTableInfo, readCostTable } from './cost-table';
import { DEFAULT_FY_START_MONTH, FinancialYear, fyLabel, fyStart } from './financial-year';
import { committedByYear } from './committed-costs';
import { horizon } from './horizon';
import { indexFactor } from './indexation';
import { LARGEST_AMOUNT_POUNDS, LARGEST_AMOUNT_TEXT, LARGEST_TOTAL_POUNDS, LARGEST_TOTAL_TEXT, quote } from './limits';
import { contributionByMembers, exactContribution, membersAtStart, pool } from './membership';
import { Exact, Money, ZERO, add, formatMoney, roundToPence } from './money';
import { noticeExpiry } from './notice';
import { ProblemList, Warning, WarningLog, atAssumption, atCell, placeWords, refuse } from './problems';
import { formatRate } from './rate';
import { AppraisalModel, basisOf } from './key-inputs';
import { OptionsAppraisal, appraiseOptions, highestIndex, yearZero } from './options';
import { realPriceFactors } from './real-prices';
import { Savings, savingsScenario } from './savings';
import { SensitivityRow, defaultRanges, sensitivity } from './sensitivity';
import { SwitchingValue, switchingValues } from './switching-values';
import { TieOut, tieOut } from './tie-out';

export interface ClassifiedRow extends CostRow {
  readonly class: CostClass;
  readonly reason: ClassReason;
}

export interface MembershipYear {
  readonly fy: FinancialYear;
  /** Members at the start of the FY, the council among them (undefined when inBaseYear is not given). */
  readonly members: number | undefined;
  readonly contributionPerMember: Money;
  /** The council's avoidable cost in the FY if it stays. */
  readonly stayCost: Money;
}

export interface Membership {
  readonly sharing: Assumptions['sharing'];
  /** The core budget in the base year (undefined when inBaseYear is not given). */
  readonly pool: Money | undefined;
  readonly years: readonly MembershipYear[];
  /** Contribution per member at base-year prices for 1 to inBaseYear members. */
  readonly perMember: readonly { members: number; contribution: Money }[];
}

export interface Analysis {
  /** Where the table is; its rows, classified, are `rows`. */
  readonly table: CostTableInfo;
  readonly rows: readonly ClassifiedRow[];
  readonly computedTotal: Money;
  readonly tieOut: TieOut;
  readonly annual: { readonly total: Money; readonly avoidable: Money; readonly committed: Money };
  readonly assumptions: Assumptions;
  readonly assumptionSources: Readonly<Record<AssumptionName, AssumptionSource>>;
  /** The saving of the first withdraw option, on its own timeline (year 0: the FY its notice is served in). */
  readonly savings: Savings;
  readonly membership: Membership;
  /** Every withdraw option against staying, how sensitive the choice is, and what would switch it. */
  readonly appraisal: Appraisal;
  readonly checks: readonly Check[];
  readonly warnings: readonly Warning[];
}

export interface Appraisal {
  readonly model: AppraisalModel;
  readonly options: OptionsAppraisal;
  /** The option sensitivity and switching values are about: the preferred one, else the one nearest to being preferred. */
  readonly focus: number;
  readonly switchingValues: readonly SwitchingValue[];
  /** The focus option's NPV at each end of each key input's range, the widest swing first. */
  readonly sensitivity: readonly SensitivityRow[];
}

export interface AnalysisInput {
  /** The sheet's cells (the whole used range to find the table, or an explicit range). */
  readonly grid: Grid;
  /** The assumptions as given (parsed JSON), or undefined for all defaults. */
  readonly assumptions?: unknown;
  /** The day of the run, the default notice date. */
  readonly today: CalendarDate;
  /** The amount column to read, when the table has several: its letter or its header's text. */
  readonly column?: string;
}

export function analyse(input: AnalysisInput): Analysis {
  const warnings = new WarningLog();
  const chosen = chooseTable(input.grid, warnings);
  const { rows: costRows, ...table } = readCostTable(chosen.grid, warnings, { column: input.column, baseYear: givenBaseYear(input.assumptions) }, chosen.layout);
  const yearsInLabels = yearsNamedInLabels(costRows, columnCells(table.sheet, table.itemColumn)).years;
  const resolved = resolveAssumptions(input.assumptions, { today: input.today, yearsInLabels, headerYear: table.columns.headerYear });
  const a = resolved.values;

  const rows = withContractEnds(classifyRows(costRows, a.overrides, columnCells(table.sheet, table.itemColumn)), a.contractEnds);
  const { total: computedTotal, avoidable, committed } = annualAmounts(rows, `${sheetReference(table.sheet)}!${table.range}`);
  const tie = tieOut(computedTotal, table.statedTotal?.amount);

  // Each year's amounts, exact, checked against the limits before any becomes money.
  const years = horizon(a.noticeServedOn, a.horizonYears, a.fyStartMonth);
  const factors = years.map((fy) => indexFactor(a.indexation, fy, a.baseYear));
  const members = years.map((fy) => membersAtStart(fy, a.partners));
  const stayExact = years.map((_, t) => exactContribution(a.sharing, avoidable, a.partners, members[t], factors[t]));
  const committedExact = committedByYear(rows, committed, years, factors);
  checkProjection(a, years, { avoidable, stay: stayExact, committed: committedExact });

  const membershipYears = years.map((fy, t): MembershipYear => {
    const contribution = roundToPence(stayExact[t]);
    return { fy, members: members[t], contributionPerMember: contribution, stayCost: contribution };
  });
  const noticeExpiresOn = noticeExpiry(a.noticeServedOn, a.noticeMonths);
  const savings = savingsScenario({
    years,
    stayCost: membershipYears.map((year) => year.stayCost),
    committedCost: committedExact.map(roundToPence),
    noticeExpiresOn,
    discountRate: a.discountRate,
    realPriceFactors: realPriceFactors(a.prices, a.gdpDeflator, years),
  });
  const membership: Membership = {
    sharing: a.sharing,
    pool: a.partners.inBaseYear === undefined ? undefined : pool(avoidable, a.partners.inBaseYear),
    years: membershipYears,
    perMember: contributionByMembers(a.sharing, avoidable, a.partners),
  };

  const appraisal = appraise(a, avoidable);

  const lastFy = years[years.length - 1];
  if (savings.years.every((year) => year.paidDays === year.daysInFy)) {
    warnings.add('notice-beyond-horizon', `notice expires ${isoDate(noticeExpiresOn)}, after the horizon ends (${fyLabel(lastFy)}): no saving falls within it`);
  }
  if (avoidable === 0) warnings.add('nothing-avoidable', 'no cost row is avoidable, so leaving saves nothing; check the classes or set overrides');
  if (avoidable < 0) warnings.add('negative-avoidable', `the avoidable cost is negative (${formatMoney(avoidable)}): credits exceed the costs leaving would save`);
  if (a.prices === 'real' && a.gdpDeflator !== undefined) {
    warnings.add('deflator-unused', 'a GDP deflator is given but prices are "real", so it is not used; set prices to "nominal" if the costs are in cash terms');
  }
  warnEndsBeforeBaseYear(rows, table, a, warnings);
  if (resolved.sources.baseYear === 'default' && !a.indexation.isZero()) {
    warnings.add('base-year-assumed', `no base year was given or named in the item labels or the amount column's header; indexation counts from ${fyLabel(a.baseYear)}, the year notice is served in`);
  }

  return {
    table, rows, computedTotal, tieOut: tie,
    annual: { total: computedTotal, avoidable, committed },
    assumptions: a, assumptionSources: resolved.sources,
    savings, membership, appraisal,
    checks: checksOf({ table, tieOut: tie, total: computedTotal, avoidable, committed }),
    warnings: warnings.list(),
  };
}

/**
 * The options appraisal, on the timeline all options share: year 0 is the FY in which the earliest
 * option serves notice.
 */
function appraise(a: Assumptions, avoidable: Money): Appraisal {
  const years = horizon(fyStart(yearZero(a.options, a.fyStartMonth)), a.horizonYears, a.fyStartMonth);
  const shares = years.map((fy) => {
    if (a.sharing === 'fixed-contribution') return new Exact(1);
    const members = membersAtStart(fy, a.partners);
    return new Exact(a.partners.inBaseYear ?? 1).div(members ?? 1);
  });
  const model: AppraisalModel = {
    years, baseYear: a.baseYear, avoidable: new Exact(avoidable), shares, indexation: a.indexation, discountRate: a.discountRate,
    prices: a.prices, ...(a.gdpDeflator ? { gdpDeflator: a.gdpDeflator } : {}),
  };
  const options = appraiseOptions(basisOf(model), a.options);
  const focus = options.preferred ?? highestIndex(options.options.map((o) => o.npv));
  return {
    model,
    options,
    focus,
    switchingValues: switchingValues(model, a.options, options.preferred, focus),
    sensitivity: sensitivity(model, a.options, focus, defaultRanges(model, a.options[focus])),
  };
}

/** The start year of the base year the assumptions give, if they give a valid one: the reader reads the column it heads. */
function givenBaseYear(assumptions: unknown): number | undefined {
  const given = typeof assumptions === 'object' && assumptions !== null ? (assumptions as Record<string, unknown>).baseYear : undefined;
  return given === undefined || given === null ? undefined : ASSUMPTION_TABLE.baseYear.read?.(given, DEFAULT_FY_START_MONTH)?.startYear;
}

/**
 * Classifies the rows. An override must match a row's label (by labelKey), and all the rows it
 * matches must carry the same label: "CRM" and "crm" are one key but may be two contracts.
 */
function classifyRows(rows: readonly CostRow[], overrides: Assumptions['overrides'], labelCell: (sheetRow: number) => string): ClassifiedRow[] {
  const classes = new Map([...overrides].map(([key, override]) => [key, override.class]));
  /** The first row each override matches, and the overrides found to match differing labels. */
  const matched = new Map<string, CostRow>();
  const ambiguous = new Set<string>();
  const problems = new ProblemList();
  const classified = rows.map((row): ClassifiedRow => {
    const { class: cls, reason } = classify(row.item, classes);
    const key = classes.size > 0 ? labelKey(row.item) : '';
    if (classes.has(key)) {
      const first = matched.get(key);
      if (!first) matched.set(key, row);
      else if (first.item !== row.item && !ambiguous.has(key)) {
        ambiguous.add(key);
        problems.add(atAssumption('overrides', { label: overrides.get(key)?.label ?? key }), `matches the cost rows ${quote(first.item)} in ${labelCell(first.sheetRow)} and ${quote(row.item)} in ${labelCell(row.sheetRow)}, whose labels differ; overrides ignore case and spacing, so rename one of the rows`);
      }
    }
    // Written out field by field: a spread copy costs V8 about four times the memory per row.
    const classified: ClassifiedRow = { sheetRow: row.sheetRow, item: row.item, amount: row.amount, amountWasText: row.amountWasText, class: cls, reason };
    return row.section === undefined && row.note === undefined && row.endsOn === undefined ? classified
      : { ...classified, section: row.section, note: row.note, endsOn: row.endsOn };
  });
  for (const [key, override] of overrides) {
    if (!matched.has(key)) problems.add(atAssumption('overrides', { label: override.label }), 'matches no cost row\'s item label; correct the label or remove the override');
  }
  problems.throwIfAny();
  return classified;
}

/** Names each contract end before the base year starts: the table says it costs something that year, the end that it costs nothing. */
function warnEndsBeforeBaseYear(rows: readonly ClassifiedRow[], table: CostTableInfo, a: Assumptions, warnings: WarningLog): void {
  const starts = fyStart(a.baseYear);
  const endCell = columnCells(table.sheet, table.endColumn ?? table.noteColumn ?? table.itemColumn);
  for (const row of rows) {
    if (row.endsOn === undefined || compareDates(row.endsOn, starts) >= 0) continue;
    const given = a.contractEnds.get(labelKey(row.item));
    const at = given ? placeWords(atAssumption('contractEnds', { label: given.label })) : endCell(row.sheetRow);
    warnings.addOwn('contract-end-before-base-year',
      `contract ends ${isoDate(row.endsOn)}, before the base year ${fyLabel(a.baseYear)} starts (${isoDate(starts)}), so a committed cost with it is taken to cost nothing in any year; check the date and the base year`, at,
      `contract ends before the base year ${fyLabel(a.baseYear)} starts (${isoDate(starts)}), so a committed cost with one is taken to cost nothing in any year; check the dates and the base year`);
  }
}

/** The rows with the contract ends the assumptions give, which take the place of those read from the sheet. */
function withContractEnds(rows: ClassifiedRow[], ends: Assumptions['contractEnds']): ClassifiedRow[] {
  if (ends.size === 0) return rows;
  const matched = new Set<string>();
  const out = rows.map((row) => {
    const given = ends.get(labelKey(row.item));
    if (!given) return row;
    matched.add(labelKey(row.item));
    return { ...row, endsOn: given.endsOn };
  });
  const problems = new ProblemList();
  for (const [key, given] of ends) {
    if (!matched.has(key)) problems.add(atAssumption('contractEnds', { label: given.label }), 'matches no cost row\'s item label; correct the label or remove it');
  }
  problems.throwIfAny();
  return out;
}

const LARGEST_PENCE = LARGEST_AMOUNT_POUNDS * 100;

/** The year's total, avoidable and committed amounts, each refused beyond the largest amount in a year. */
function annualAmounts(rows: readonly ClassifiedRow[], table: string): { total: Money; avoidable: Money; committed: Money } {
  const gross = rows.reduce((sum, row) => sum + Math.abs(row.amount), 0);
  if (gross > Number.MAX_SAFE_INTEGER) {
    refuse(atCell(table), 'the amounts add up to more than can be counted to the penny');
  }
  let avoidable = ZERO;
  let committed = ZERO;
  for (const row of rows) {
    if (row.class === 'avoidable') avoidable = add(avoidable, row.amount);
    else committed = add(committed, row.amount);
  }
  const total = add(avoidable, committed);
  const over = ([['cost rows', total], ['avoidable rows', avoidable], ['committed rows', committed]] as const)
    .find(([, amount]) => Math.abs(amount) > LARGEST_PENCE);
  if (over) {
    refuse(atCell(table),
      `the ${over[0]} come to ${formatMoney(over[1])} a year, more than ${LARGEST_AMOUNT_TEXT}, the most an amount in a year may be; check the amounts and their unit (a header such as £000 or £m scales them)`);
  }
  return { total, avoidable, committed };
}

/**
 * Refuses a projection whose amounts pass the limits: the pool, any year's cost after indexation
 * and sharing (LARGEST_AMOUNT_POUNDS), and any total over the horizon (LARGEST_TOTAL_POUNDS).
 * Amounts are exact here, so nothing has overflowed yet.
 */
function checkProjection(
  a: Assumptions,
  years: readonly FinancialYear[],
  amounts: { avoidable: Money; stay: readonly Exact[]; committed: readonly Exact[] },
): void {
  const inBaseYear = a.partners.inBaseYear;
  if (inBaseYear !== undefined && Math.abs(amounts.avoidable) * inBaseYear > LARGEST_PENCE) {
    refuse(atAssumption('partners', 'inBaseYear'), `the pool, the avoidable cost of ${formatMoney(amounts.avoidable)} a year times ${inBaseYear} members, would be more than ${LARGEST_AMOUNT_TEXT}, the most an amount in a year may be; check the members and the avoidable rows`);
  }
  const most = new Exact(LARGEST_PENCE);
  const mostTotal = new Exact(LARGEST_TOTAL_POUNDS).times(100);
  const rate = formatRate(a.indexation);
  const yearly: [string, readonly Exact[]][] = [
    [a.sharing === 'shared-pool' ? 'contribution per member' : 'avoidable cost', amounts.stay],
    ['committed costs', amounts.committed],
  ];
  for (const [what, exact] of yearly) {
    const t = exact.findIndex((amount) => amount.abs().gt(most));
    const fy = years[t];
    if (fy && fy.startYear > a.baseYear.startYear) {
      refuse(atAssumption('indexation'), `indexation of ${rate} a year from the base year ${fyLabel(a.baseYear)} would take the ${what} past ${LARGEST_AMOUNT_TEXT} in ${fyLabel(fy)}, the most an amount in a year may be; give a lower indexation${t > 0 ? ' or a shorter horizonYears' : ''}, or check baseYear, the year the costs describe`);
    } else if (fy) {
      refuse(atAssumption('indexation'), `indexation of ${rate} a year, counted back from the base year ${fyLabel(a.baseYear)}, would take the ${what} past ${LARGEST_AMOUNT_TEXT} in ${fyLabel(fy)}, ${a.baseYear.startYear - fy.startYear} years before it, the most an amount in a year may be; check baseYear, the year the costs describe, or give an indexation nearer 0%`);
    }
    if (exact.reduce((sum, amount) => sum.plus(amount.abs()), new Exact(0)).gt(mostTotal)) {
      refuse(atAssumption('horizonYears'), `over the ${years.length} years of the horizon the ${what} would come to more than ${LARGEST_TOTAL_TEXT}, the most a total may be; give a shorter horizonYears${a.indexation.isZero() ? '' : ' or a lower indexation'}`);
    }
  }
}
