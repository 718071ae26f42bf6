// The --json summary: the CLI's contract with other tools and auditors (schemaVersion 1).
// Money in pounds rounded to pence, dates as YYYY-MM-DD. Documented in README.
import { Analysis } from '../../core/analysis';
import { amountCells } from '../../core/cost-table';
import { isoDate } from '../../core/calendar-date';
import { reasonWords } from '../../core/classification';
import { GREEN_BOOK_RATE } from '../../core/discounting';
import { fyLabel } from '../../core/financial-year';
import { Money, toPounds } from '../../core/money';
import { SheetChoice } from './source-sheet';

const pounds = (amount: Money) => toPounds(amount);
const orNull = <T, R>(value: T | undefined, f: (v: T) => R): R | null => (value === undefined ? null : f(value));

export function summaryJson(analysis: Analysis, file: string, generator: { name: string; version: string }, choice: SheetChoice) {
  const { table, assumptions: a, savings, membership } = analysis;
  const cellOf = amountCells(table);
  return {
    schemaVersion: 1,
    generator,
    source: {
      file,
      sheet: table.sheet,
      range: table.range,
      rowCount: analysis.rows.length,
      statedTotal: orNull(table.statedTotal?.amount, pounds),
      statedTotalCell: table.statedTotal?.cell ?? null,
      computedTotal: pounds(analysis.computedTotal),
      tieOut: analysis.tieOut.status,
      tieOutDifference: analysis.tieOut.status === 'mismatch' ? pounds(analysis.tieOut.difference) : null,
      sheetChoice: {
        by: choice.by,
        reason: choice.reason ?? null,
        passedOver: choice.passedOver.map(({ sheet, reason }) => ({ sheet, reason })),
      },
    },
    rows: analysis.rows.map((row) => ({
      cell: cellOf(row.sheetRow),
      item: row.item,
      amount: pounds(row.amount),
      class: row.class,
      reason: reasonWords(row.reason),
      amountWasText: row.amountWasText,
    })),
    annual: {
      total: pounds(analysis.annual.total),
      avoidable: pounds(analysis.annual.avoidable),
      committed: pounds(analysis.annual.committed),
    },
    assumptions: {
      baseYear: fyLabel(a.baseYear),
      noticeServedOn: isoDate(a.noticeServedOn),
      noticeMonths: a.noticeMonths,
      fyStartMonth: a.fyStartMonth,
      horizonYears: a.horizonYears,
      indexation: a.indexation.toNumber(),
      discountRate: a.discountRate.toNumber(),
      discountRateBasis:
        analysis.assumptionSources.discountRate === 'default'
          ? { source: GREEN_BOOK_RATE.source, vintage: GREEN_BOOK_RATE.vintage }
          : { source: 'given by the user', vintage: null },
      partners: {
        inBaseYear: a.partners.inBaseYear ?? null,
        leavers: a.partners.leavers.map((leaver) => ({ name: leaver.name, leavesOn: isoDate(leaver.leavesOn) })),
      },
      sharing: a.sharing,
      overrides: Object.fromEntries([...a.overrides.values()].map((o) => [o.label, o.class])),
      sources: analysis.assumptionSources,
    },
    savings: {
      noticeExpiresOn: isoDate(savings.noticeExpiresOn),
      years: savings.years.map((year) => ({
        fy: fyLabel(year.fy),
        stay: pounds(year.stay),
        withdraw: pounds(year.withdraw),
        saving: pounds(year.saving),
        cumulativeSaving: pounds(year.cumulativeSaving),
        discountFactor: year.discountFactor.toNumber(),
        presentValue: pounds(year.presentValue),
        committed: pounds(year.committed),
        paidDays: year.paidDays,
        daysInFy: year.daysInFy,
      })),
      totalSaving: pounds(savings.totalSaving),
      npv: pounds(savings.npv),
    },
    membership: {
      sharing: membership.sharing,
      pool: orNull(membership.pool, pounds),
      years: membership.years.map((year) => ({
        fy: fyLabel(year.fy),
        members: year.members ?? null,
        contributionPerMember: pounds(year.contributionPerMember),
        stayCost: pounds(year.stayCost),
      })),
      perMember: membership.perMember.map((entry) => ({ members: entry.members, contribution: pounds(entry.contribution) })),
    },
    checks: analysis.checks,
    warnings: analysis.warnings,
  };
}

export type SummaryJson = ReturnType<typeof summaryJson>;
