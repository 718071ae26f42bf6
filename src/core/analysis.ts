// The whole job on one sheet's cells: read the cost rows, classify them, resolve the assumptions,
// and project the savings and membership scenarios, with checks and warnings.
import { AssumptionSource, AssumptionName, Assumptions, resolveAssumptions } from './assumptions';
import { yearsNamedInLabels } from './base-year';
import { CalendarDate, isoDate } from './calendar-date';
import { Grid, columnCells } from './cell';
import { CostClass, classify, labelKey } from './classification';
import { CostRow, CostTableInfo, readCostTable } from './cost-table';
import { FinancialYear, fyLabel } from './financial-year';
import { horizon } from './horizon';
import { indexFactor } from './indexation';
import { contributionByMembers, contributionPerMember, membersAtStart, pool } from './membership';
import { Money, ZERO, add, formatMoney, scale, subtract } from './money';
import { noticeExpiry } from './notice';
import { InputError, Warning, WarningLog } from './problems';
import { Savings, savingsScenario } from './savings';
import { TieOut, tieOut } from './tie-out';

export interface ClassifiedRow extends CostRow {
  readonly class: CostClass;
  readonly reason: string;
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

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
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
  readonly savings: Savings;
  readonly membership: Membership;
  readonly checks: readonly Check[];
  readonly warnings: readonly Warning[];
}

export interface AnalysisInput {
  /** The sheet's cells (the whole used range to find the table, or an explicit range). */
  readonly grid: Grid;
  /** The assumptions as given (parsed JSON), or undefined for all defaults. */
  readonly assumptions?: unknown;
  /** The day of the run, the default notice date. */
  readonly today: CalendarDate;
}

export function analyse(input: AnalysisInput): Analysis {
  const warnings = new WarningLog();
  const { rows: costRows, ...table } = readCostTable(input.grid, warnings);
  const yearsInLabels = yearsNamedInLabels(costRows, columnCells(table.sheet, table.itemColumn)).years;
  const resolved = resolveAssumptions(input.assumptions, { today: input.today, yearsInLabels });
  const a = resolved.values;

  const rows = classifyRows(costRows, a.overrides);
  let avoidable = ZERO;
  let committed = ZERO;
  let computedTotal = ZERO;
  for (const row of rows) {
    computedTotal = add(computedTotal, row.amount);
    if (row.class === 'avoidable') avoidable = add(avoidable, row.amount);
    else committed = add(committed, row.amount);
  }
  const tie = tieOut(computedTotal, table.statedTotal?.amount);

  const years = horizon(a.noticeServedOn, a.horizonYears, a.fyStartMonth);
  const factors = years.map((fy) => indexFactor(a.indexation, fy, a.baseYear));
  const membershipYears = years.map((fy, t): MembershipYear => {
    const members = membersAtStart(fy, a.partners);
    const contribution = contributionPerMember(a.sharing, avoidable, a.partners, members, factors[t]);
    return { fy, members, contributionPerMember: contribution, stayCost: contribution };
  });
  const noticeExpiresOn = noticeExpiry(a.noticeServedOn, a.noticeMonths);
  const savings = savingsScenario({
    years,
    stayCost: membershipYears.map((year) => year.stayCost),
    committedCost: factors.map((factor) => scale(committed, factor)),
    noticeExpiresOn,
    discountRate: a.discountRate,
  });
  const membership: Membership = {
    sharing: a.sharing,
    pool: a.partners.inBaseYear === undefined ? undefined : pool(avoidable, a.partners.inBaseYear),
    years: membershipYears,
    perMember: contributionByMembers(a.sharing, avoidable, a.partners),
  };

  const lastFy = years[years.length - 1];
  if (savings.years.every((year) => year.paidDays === year.daysInFy)) {
    warnings.add('notice-beyond-horizon', `notice expires ${isoDate(noticeExpiresOn)}, after the horizon ends (${fyLabel(lastFy)}): no saving falls within it`);
  }
  if (avoidable === 0) warnings.add('nothing-avoidable', 'no cost row is avoidable, so leaving saves nothing; check the classes or set overrides');
  if (avoidable < 0) warnings.add('negative-avoidable', `the avoidable cost is negative (${formatMoney(avoidable)}): credits exceed the costs leaving would save`);
  if (resolved.sources.baseYear === 'default' && !a.indexation.isZero()) {
    warnings.add('base-year-assumed', `no base year was given or named in the item labels; indexation counts from ${fyLabel(a.baseYear)}, the year notice is served in`);
  }

  return {
    table, rows, computedTotal, tieOut: tie,
    annual: { total: computedTotal, avoidable, committed },
    assumptions: a, assumptionSources: resolved.sources,
    savings, membership,
    checks: checksOf(table, tie, computedTotal, avoidable, committed),
    warnings: warnings.list(),
  };
}

function classifyRows(rows: readonly CostRow[], overrides: Assumptions['overrides']): ClassifiedRow[] {
  const classes = new Map([...overrides].map(([key, override]) => [key, override.class]));
  const used = new Set<string>();
  const classified = rows.map((row): ClassifiedRow => {
    const { class: cls, reason } = classify(row.item, classes);
    if (classes.size > 0) {
      const key = labelKey(row.item);
      if (classes.has(key)) used.add(key);
    }
    // Written out field by field: a spread copy costs V8 about four times the memory per row.
    return { sheetRow: row.sheetRow, item: row.item, amount: row.amount, amountWasText: row.amountWasText, class: cls, reason };
  });
  const unused = [...overrides].filter(([key]) => !used.has(key));
  if (unused.length > 0) {
    throw new InputError(unused.map(([, override]) => ({
      where: `overrides[${JSON.stringify(override.label)}]`,
      message: 'matches no cost row\'s item label; correct the label or remove the override',
    })));
  }
  return classified;
}

function checksOf(table: CostTableInfo, tie: TieOut, total: Money, avoidable: Money, committed: Money): Check[] {
  const tieDetail = {
    ok: `rows sum to the stated total ${formatMoney(total)} in ${table.statedTotal?.cell}`,
    absent: 'no total row to tie out to',
    mismatch: `rows sum to ${formatMoney(total)}; the stated total in ${table.statedTotal?.cell} is ${formatMoney(table.statedTotal?.amount ?? total)} (difference ${tie.status === 'mismatch' ? formatMoney(tie.difference) : ''})`,
  }[tie.status];
  const split = add(avoidable, committed);
  return [
    { name: 'tieOut', ok: tie.status !== 'mismatch', detail: tieDetail },
    {
      name: 'avoidablePlusCommittedEqualsTotal',
      ok: split === total,
      detail: `${formatMoney(avoidable)} + ${formatMoney(committed)} = ${formatMoney(split)}; total ${formatMoney(total)}${split === total ? '' : ` (off by ${formatMoney(subtract(split, total))})`}`,
    },
  ];
}
