// The --json summary: the CLI's contract with other tools and auditors (schemaVersion 3). The
// interfaces below declare it field by field; schema/summary.schema.json says the same as a JSON
// Schema (a test keeps the two to the same fields), and README describes it.
//
// Money is a number of pounds to the penny, as the core's whole pence / 100 (17800, 9802.19,
// -0.13); dates are `YYYY-MM-DD`; a financial year is its label, "2012/13" (or "2012" when it
// starts in January); cells are A1 references with the sheet, `Costs!B5`.
import { Analysis } from '../../core/analysis';
import { ChosenBy } from '../../core/amount-columns';
import { AssumptionName, AssumptionSource } from '../../core/assumptions';
import { amountCells, subtotalTies } from '../../core/cost-table';
import { isoDate } from '../../core/calendar-date';
import { CostClass, reasonWords } from '../../core/classification';
import { GREEN_BOOK_RATE } from '../../core/discounting';
import { fyContaining, fyLabel } from '../../core/financial-year';
import { KeyInputName, keyInputNumber } from '../../core/key-inputs';
import { Sharing } from '../../core/membership';
import { Money, toPounds } from '../../core/money';
import { GdpDeflator, Prices } from '../../core/real-prices';
import { SheetChoice } from './source-sheet';

/** Pounds to the penny: whole pence / 100. */
export type Pounds = number;
/** A date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A financial year's label, "2012/13" ("2012" for a year starting in January). */
export type FyLabel = string;

export interface SummaryJson {
  /** 2 for this shape (1 had no options); a change that could break a reader of it gets a new version. */
  readonly schemaVersion: 3;
  /** The program that wrote it. */
  readonly generator: SummaryGenerator;
  /** Where the cost rows were read from, and how they tie out. */
  readonly source: SummarySource;
  /** The cost rows, in the sheet's order. */
  readonly rows: readonly SummaryRow[];
  /** The cost in the base year. */
  readonly annual: SummaryAnnual;
  /** Every assumption the run used, defaults included, and where each came from. */
  readonly assumptions: SummaryAssumptions;
  /** The saving if the council withdraws as the first option says, by financial year, without its costs of leaving. */
  readonly savings: SummarySavings;
  /** The council's contribution as members leave. */
  readonly membership: SummaryMembership;
  /** Each way of withdrawing against staying (business as usual), on one timeline: year 0 is the FY the earliest serves notice in. */
  readonly options: readonly SummaryOption[];
  /** The option with the highest NPV above zero; null when staying is preferred. */
  readonly preferredOption: string | null;
  /** The NPV of the preferred option (else of the one with the highest NPV) at the low and high value of each key input, the widest swing first. */
  readonly sensitivity: readonly SummarySensitivity[];
  /** For each key input, the value at which the choice switches, all else held; null with a reason when there is none. */
  readonly switchingValues: readonly SummarySwitchingValue[];
  /** The checks the run made: `tieOut` (fails on a mismatch), `avoidablePlusCommittedEqualsTotal`, and `subtotal <cell>` for each subtotal. */
  readonly checks: readonly SummaryCheck[];
  /** Things worth a look, one entry per kind. */
  readonly warnings: readonly SummaryWarning[];
}

export interface SummaryGenerator {
  /** The package's name, `vfm-scenarios`. */
  readonly name: string;
  /** The package's version, `0.1.0`. */
  readonly version: string;
}

export interface SummarySource {
  /** The input workbook as named on the command line. */
  readonly file: string;
  /** The sheet the cost rows are on. */
  readonly sheet: string;
  /** The table's block, from its first row (the header, if any) to its last (the total, if any), `A4:B11`. */
  readonly range: string;
  /**
   * The SHA-256 fingerprint of the source values, in hex: the one the audit sheet of a workbook
   * written by the run stamps (`VfM_Fingerprint`), which `vfm verify --against` compares.
   */
  readonly fingerprint: string;
  /** How many cost rows were read. */
  readonly rowCount: number;
  /** The amount of the total row; null without one. */
  readonly statedTotal: Pounds | null;
  /** The total row's amount cell, `Costs!B11`; null without one. */
  readonly statedTotalCell: string | null;
  /** The sum of the rows. */
  readonly computedTotal: Pounds;
  /** The rows' sum against the stated total, to the penny; `absent` without a total row. */
  readonly tieOut: 'ok' | 'mismatch' | 'absent';
  /** The rows' sum minus the stated total on a mismatch; otherwise null. */
  readonly tieOutDifference: Pounds | null;
  /** How the sheet was chosen. */
  readonly sheetChoice: SummarySheetChoice;
  /** The unit the amounts are written in; every amount here is in pounds. */
  readonly unit: SummaryUnit;
  /** The column the amounts were read from, how it was chosen, and the other columns of amounts. */
  readonly amountColumn: SummaryAmountColumn;
  /** The subtotal rows, in the sheet's order: left out of the sum, each checked against its rows. */
  readonly subtotals: readonly SummarySubtotal[];
  /** The section headings (labels without an amount that name the rows under them), in the sheet's order. */
  readonly sectionHeadings: readonly SummarySectionHeading[];
  /** The sheet rows of the table that are hidden or filtered out, read like the others. */
  readonly hiddenRows: readonly number[];
}

export interface SummaryUnit {
  /** As the table writes it: `£`, `£000`, `£'000`, `£k`, `£m`, ...; `£` when it states none. */
  readonly label: string;
  /** Pounds in one of the table's units: 1, 1000 or 1000000. */
  readonly factor: 1 | 1000 | 1_000_000;
  /** The cell that states it, `Costs!B3`; null when the table states none (pounds). */
  readonly cell: string | null;
}

export interface SummaryAmountColumn {
  /** Its letter, `B`. */
  readonly letter: string;
  /** Its header's text, `2011/12`; null without one. */
  readonly header: string | null;
  /** The header's cell, `Costs!B3`; null without one. */
  readonly headerCell: string | null;
  /**
   * Why it was read: `the only one` holding amounts, `given` with --column, the one headed with the
   * `base year`, or the one `net of VAT` (docs/conventions.md, "Several amount columns").
   */
  readonly chosenBy: ChosenBy;
  /** The other columns holding amounts, in the sheet's order. */
  readonly passedOver: readonly SummaryColumnPassedOver[];
}

export interface SummaryColumnPassedOver {
  readonly letter: string;
  /** Its header's text; null without one. */
  readonly header: string | null;
}

export interface SummarySubtotal {
  /** Its amount's cell, `Costs!B7`. */
  readonly cell: string;
  /** Its label. */
  readonly label: string;
  /** Its amount, as stated. */
  readonly amount: Pounds;
  /** What the cost rows it covers (those since the previous heading or subtotal) come to. */
  readonly sum: Pounds;
  /** Whether `amount` and `sum` agree to the penny (its check, `subtotal <cell>`). */
  readonly ties: boolean;
  /** Taken for a subtotal by its `label` (`Subtotal ...`, `Total for ...`), or by its amount being the `sum` of the rows above. */
  readonly by: 'label' | 'sum';
}

export interface SummarySectionHeading {
  /** The heading's cell, `Costs!A4`. */
  readonly cell: string;
  readonly label: string;
}

export interface SummarySheetChoice {
  /** Named with `--sheet`, given by the Excel table or defined name `--range` named, or chosen by weighing the visible sheets. */
  readonly by: '--sheet' | '--range' | 'weighing';
  /** Why the sheet was chosen: when weighed, the weighing; by `--range`, the table or name (`the table "PartnershipCosts"`); null with `--sheet`. */
  readonly reason: string | null;
  /** The other sheets, in the workbook's order, each with why it was passed over (empty when named). */
  readonly passedOver: readonly SummarySheetPassedOver[];
}

export interface SummarySheetPassedOver {
  readonly sheet: string;
  readonly reason: string;
}

export interface SummaryRow {
  /** The amount's cell, `Costs!B5`. */
  readonly cell: string;
  /** The item label. */
  readonly item: string;
  /** The amount, rounded to the penny as read. */
  readonly amount: Pounds;
  /** Saved by leaving (`avoidable`) or paid either way (`committed`). */
  readonly class: CostClass;
  /** Why it has its class, in words: the keyword found, the default, or "set by user". */
  readonly reason: string;
  /** The amount was text in the sheet (Excel's SUM skips it). */
  readonly amountWasText: boolean;
  /** The section heading the row is under; null when none. */
  readonly section: string | null;
  /** The text of the notes column beside it; null when none. */
  readonly note: string | null;
  /** When its contract ends, from a contract-end column or a date in its note; null when not stated. */
  readonly endsOn: IsoDate | null;
}

export interface SummaryAnnual {
  /** All the rows. */
  readonly total: Pounds;
  /** The avoidable rows: the council's contribution in the base year. */
  readonly avoidable: Pounds;
  /** The committed rows. */
  readonly committed: Pounds;
}

export interface SummaryAssumptions {
  /** The financial year the cost table describes. */
  readonly baseYear: FyLabel;
  /** The day notice is served. */
  readonly noticeServedOn: IsoDate;
  /** The length of notice in months. */
  readonly noticeMonths: number;
  /** The month the financial year starts, 1-12. */
  readonly fyStartMonth: number;
  /** How many financial years are projected, from the one notice is served in. */
  readonly horizonYears: number;
  /** The yearly indexation of costs from the base year, as a fraction (0.02 is 2%). */
  readonly indexation: number;
  /** The yearly discount rate, as a fraction (0.035 is 3.5%). */
  readonly discountRate: number;
  /** Where the discount rate comes from. */
  readonly discountRateBasis: SummaryDiscountRateBasis;
  /** `real`: the costs are at base-year prices; `nominal`: in cash, made real by the GDP deflator. */
  readonly prices: Prices;
  /** The GDP deflator as given; null when not given. */
  readonly gdpDeflator: SummaryGdpDeflator | null;
  /** The partnership's members. */
  readonly partners: SummaryPartners;
  /** How the core budget is shared among the members. */
  readonly sharing: Sharing;
  /** A class per item label, as the user gave them. */
  readonly overrides: Readonly<Record<string, CostClass>>;
  /** The uplift on the costs of leaving of each option that gives none, as a fraction (0.41 is 41%). */
  readonly optimismBias: number;
  /** Where each assumption's value came from. */
  readonly sources: Readonly<Record<AssumptionName, AssumptionSource>>;
}

export interface SummaryOption {
  readonly name: string;
  readonly noticeServedOn: IsoDate;
  readonly noticeMonths: number;
  readonly noticeExpiresOn: IsoDate;
  /** The uplift on its costs of leaving, as a fraction. */
  readonly optimismBias: number;
  readonly exitCosts: readonly SummaryExitCost[];
  readonly replacementCosts: readonly SummaryReplacementCost[];
  /** Each financial year of the timeline. */
  readonly years: readonly SummaryOptionYear[];
  readonly totalNetSaving: Pounds;
  /** The net present value of the net savings: summed unrounded, rounded once. */
  readonly npv: Pounds;
  /** The first year from which the cumulative net saving stays above zero; null when it never does within the horizon. */
  readonly paybackFy: FyLabel | null;
}

export interface SummaryExitCost {
  readonly label: string;
  /** As given, before optimism bias. */
  readonly amount: Pounds;
  /** The year it is paid in (by default the year notice expires in). */
  readonly fy: FyLabel;
}

export interface SummaryReplacementCost {
  readonly label: string;
  /** A year's cost at base-year prices, as given, before optimism bias. */
  readonly annual: Pounds;
  /** Months it runs from the day notice expires; null: to the end of the horizon. */
  readonly months: number | null;
  /** The share of it the council pays, as a fraction; null: all of it. */
  readonly share: number | null;
}

export interface SummaryOptionYear {
  readonly fy: FyLabel;
  /** The council's avoidable cost in the year if it stays. */
  readonly stay: Pounds;
  /** Its avoidable cost if it withdraws this way: the part of the year before notice expires. */
  readonly withdraw: Pounds;
  /** Exit costs paid in the year, with optimism bias. */
  readonly exitCosts: Pounds;
  /** Replacement costs of the year, with optimism bias. */
  readonly replacementCosts: Pounds;
  /** `stay` - (`withdraw` + `exitCosts` + `replacementCosts`). */
  readonly netSaving: Pounds;
  readonly cumulativeNetSaving: Pounds;
  readonly discountFactor: number;
  /** 1 / product of (1 + GDP deflator) from year 1 to this year; 1 with real prices; unrounded. */
  readonly realPriceFactor: number;
  /** `netSaving` x `realPriceFactor` x `discountFactor`, rounded for show. */
  readonly presentValue: Pounds;
}

/**
 * A key input: `avoidableCost`, `exitCosts` and `replacementCosts` in pounds (a year, for the first
 * and last), `optimismBias`, `discountRate`, `indexation` (real prices) and `gdpDeflator` (nominal
 * prices: year 1's rate, every year's moving alike) as fractions, `noticeMonths` in months.
 */
export type SummaryKeyInput = KeyInputName;

export interface SummarySensitivity {
  readonly input: SummaryKeyInput;
  readonly low: number;
  readonly high: number;
  readonly npvLow: Pounds;
  readonly npvHigh: Pounds;
}

export interface SummarySwitchingValue {
  readonly input: SummaryKeyInput;
  /** The value at which the choice switches; null when there is none. */
  readonly value: number | null;
  /** `value` minus its value in the run; null when there is no value. */
  readonly changeFromBase: number | null;
  /** Why there is no value ("none in range", or what the option lacks); null when there is one. */
  readonly reason: string | null;
}

export interface SummaryDiscountRateBasis {
  /** The Green Book rate's source, or "given by the user". */
  readonly source: string;
  /** The Green Book's edition; null when the user gave the rate. */
  readonly vintage: string | null;
}

export interface SummaryGdpDeflator {
  /** The rate of each financial year listed, as a fraction, by its label. */
  readonly byFy: Readonly<Record<FyLabel, number>>;
  /** The rate of every other year, as a fraction; null when every year deflated is listed. */
  readonly otherYears: number | null;
}

export interface SummaryPartners {
  /** Members paying in the base year, the council among them; null when not given. */
  readonly inBaseYear: number | null;
  /** Other members that leave, and when. */
  readonly leavers: readonly SummaryLeaver[];
}

export interface SummaryLeaver {
  readonly name: string;
  readonly leavesOn: IsoDate;
}

export interface SummarySavings {
  /** The day notice expires: the council pays until then. */
  readonly noticeExpiresOn: IsoDate;
  /** Each financial year of the horizon. */
  readonly years: readonly SummarySavingsYear[];
  /** The sum of the years' savings. */
  readonly totalSaving: Pounds;
  /** The net present value of the savings: the present values summed unrounded, rounded once. */
  readonly npv: Pounds;
}

export interface SummarySavingsYear {
  readonly fy: FyLabel;
  /** The council's avoidable cost in the year if it stays. */
  readonly stay: Pounds;
  /** Its avoidable cost if it withdraws: the part of the year before notice expires. */
  readonly withdraw: Pounds;
  /** `stay` minus `withdraw`. */
  readonly saving: Pounds;
  /** The savings to the end of this year. */
  readonly cumulativeSaving: Pounds;
  /** On the Green Book's STPR schedule: 1 / (1 + discount rate)^t to year 30, t counted from 0 in the first year, then compounding at the rate stepped down; unrounded. */
  readonly discountFactor: number;
  /** 1 / product of (1 + GDP deflator) from year 1 to this year; 1 with real prices; unrounded. */
  readonly realPriceFactor: number;
  /** `saving` x `realPriceFactor` x `discountFactor`, rounded for show. */
  readonly presentValue: Pounds;
  /** The committed cost in the year, paid either way. */
  readonly committed: Pounds;
  /** Days of the year the council still pays for if it withdraws. */
  readonly paidDays: number;
  /** Days in the financial year (365 or 366). */
  readonly daysInFy: number;
}

export interface SummaryMembership {
  readonly sharing: Sharing;
  /** The core budget in the base year (the council's contribution x members then); null when those members are not given. */
  readonly pool: Pounds | null;
  /** Each financial year of the horizon. */
  readonly years: readonly SummaryMembershipYear[];
  /** The contribution at base-year prices for 1 to the base year's members (empty when they are not given). */
  readonly perMember: readonly SummaryPerMember[];
}

export interface SummaryMembershipYear {
  readonly fy: FyLabel;
  /** Members at the start of the year, the council among them; null when unknown. */
  readonly members: number | null;
  /** What each member pays in the year. */
  readonly contributionPerMember: Pounds;
  /** What the council pays in the year if it stays. */
  readonly stayCost: Pounds;
}

export interface SummaryPerMember {
  readonly members: number;
  readonly contribution: Pounds;
}

export interface SummaryCheck {
  readonly name: string;
  readonly ok: boolean;
  /** What was compared, in words. */
  readonly detail: string;
}

export interface SummaryWarning {
  /** The kind, such as `text-amount` or `notice-beyond-horizon`. */
  readonly code: string;
  readonly message: string;
  /** How many places it applies to. */
  readonly count: number;
  /** The first 20 of those places (cells or assumptions). */
  readonly cells: readonly string[];
}

const pounds = (amount: Money) => toPounds(amount);

const deflatorJson = (deflator: GdpDeflator): SummaryGdpDeflator => ({
  byFy: Object.fromEntries(deflator.byFy.map((entry) => [fyLabel(entry.fy), entry.rate.toNumber()])),
  otherYears: deflator.otherYears?.toNumber() ?? null,
});

const orNull = <T, R>(value: T | undefined, f: (v: T) => R): R | null => (value === undefined ? null : f(value));

/** The summary, its rows each made only when it is written: what `--json` writes, a row at a time. */
export interface SummaryInPieces extends Omit<SummaryJson, 'rows'> {
  readonly rows: { readonly length: number; at(index: number): SummaryRow | undefined };
}

export function summaryJson(analysis: Analysis, file: string, generator: SummaryGenerator, choice: SheetChoice, fingerprint: string): SummaryJson {
  const summary = summaryInPieces(analysis, file, generator, choice, fingerprint);
  return { ...summary, rows: Array.from({ length: summary.rows.length }, (_, i) => summary.rows.at(i) as SummaryRow) };
}

export function summaryInPieces(analysis: Analysis, file: string, generator: SummaryGenerator, choice: SheetChoice, fingerprint: string): SummaryInPieces {
  const { table, assumptions: a, savings, membership, appraisal } = analysis;
  const cellOf = amountCells(table);
  const rowOf = (row: Analysis['rows'][number]): SummaryRow => ({
    cell: cellOf(row.sheetRow),
    item: row.item,
    amount: pounds(row.amount),
    class: row.class,
    reason: reasonWords(row.reason),
    amountWasText: row.amountWasText,
    section: row.section ?? null,
    note: row.note ?? null,
    endsOn: orNull(row.endsOn, isoDate),
  });
  return {
    schemaVersion: 3,
    generator,
    source: {
      file,
      sheet: table.sheet,
      range: table.range,
      fingerprint,
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
      unit: { label: table.unit.label, factor: table.unit.factor, cell: table.unit.cell ?? null },
      amountColumn: {
        letter: table.columns.chosen.letter,
        header: table.columns.chosen.header ?? null,
        headerCell: table.columns.chosen.headerCell ?? null,
        chosenBy: table.columns.by,
        passedOver: table.columns.others.map((column) => ({ letter: column.letter, header: column.header ?? null })),
      },
      subtotals: table.subtotals.map((subtotal) => ({
        cell: subtotal.cell,
        label: subtotal.label,
        amount: pounds(subtotal.amount),
        sum: pounds(subtotal.sum),
        ties: subtotalTies(subtotal),
        by: subtotal.by,
      })),
      sectionHeadings: table.headings.map(({ cell, label }) => ({ cell, label })),
      hiddenRows: table.hiddenRows,
    },
    rows: { length: analysis.rows.length, at: (index) => (index >= 0 && index < analysis.rows.length ? rowOf(analysis.rows[index]) : undefined) },
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
      prices: a.prices,
      gdpDeflator: orNull(a.gdpDeflator, deflatorJson),
      partners: {
        inBaseYear: a.partners.inBaseYear ?? null,
        leavers: a.partners.leavers.map((leaver) => ({ name: leaver.name, leavesOn: isoDate(leaver.leavesOn) })),
      },
      sharing: a.sharing,
      overrides: Object.fromEntries([...a.overrides.values()].map((o) => [o.label, o.class])),
      optimismBias: a.optimismBias.toNumber(),
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
        realPriceFactor: year.realPriceFactor.toNumber(),
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
    options: appraisal.options.options.map((appraised) => {
      const { option } = appraised;
      const expiryFy = fyContaining(appraised.noticeExpiresOn, a.fyStartMonth);
      return {
        name: option.name,
        noticeServedOn: isoDate(option.noticeServedOn),
        noticeMonths: option.noticeMonths,
        noticeExpiresOn: isoDate(appraised.noticeExpiresOn),
        optimismBias: option.optimismBias.toNumber(),
        exitCosts: option.exitCosts.map((cost) => ({ label: cost.label, amount: pounds(cost.amount), fy: fyLabel(cost.fy ?? expiryFy) })),
        replacementCosts: option.replacementCosts.map((cost) => ({ label: cost.label, annual: pounds(cost.annual), months: cost.months ?? null, share: orNull(cost.share, (share) => share.toNumber()) })),
        years: appraised.years.map((year) => ({
          fy: fyLabel(year.fy),
          stay: pounds(year.stay),
          withdraw: pounds(year.withdraw),
          exitCosts: pounds(year.exitCosts),
          replacementCosts: pounds(year.replacementCosts),
          netSaving: pounds(year.netSaving),
          cumulativeNetSaving: pounds(year.cumulativeNetSaving),
          discountFactor: year.discountFactor.toNumber(),
          realPriceFactor: year.realPriceFactor.toNumber(),
          presentValue: pounds(year.presentValue),
        })),
        totalNetSaving: pounds(appraised.totalNetSaving),
        npv: pounds(appraised.npv),
        paybackFy: orNull(appraised.paybackFy, fyLabel),
      };
    }),
    preferredOption: orNull(appraisal.options.preferred, (i) => appraisal.options.options[i].option.name),
    sensitivity: appraisal.sensitivity.map((row) => ({
      input: row.input, low: keyInputNumber(row.input, row.low), high: keyInputNumber(row.input, row.high), npvLow: pounds(row.npvLow), npvHigh: pounds(row.npvHigh),
    })),
    switchingValues: appraisal.switchingValues.map((v) => ({
      input: v.input,
      value: orNull(v.value, (value) => keyInputNumber(v.input, value)),
      changeFromBase: v.value && v.base ? keyInputNumber(v.input, v.value.minus(v.base)) : null,
      reason: v.value ? null : v.none ?? 'none in range',
    })),
    checks: analysis.checks.map(({ name, ok, detail }) => ({ name, ok, detail })),
    warnings: analysis.warnings.map(({ code, message, count, cells }) => ({ code, message, count, cells })),
  };
}

/**
 * The summary as the text `JSON.stringify(summary, null, 2)` gives, with a newline after it, in
 * pieces: the rows one at a time, so that the text of a million rows is never held whole.
 */
export function* summaryJsonText(summary: SummaryJson | SummaryInPieces): Iterable<string> {
  const marker = '\u0000rows';
  const text = JSON.stringify({ ...summary, rows: summary.rows.length === 0 ? [] : marker }, null, 2);
  // The top level's keys alone stand at two spaces after a line break (a string's line breaks are escaped).
  const placeholder = `\n  "rows": ${JSON.stringify(marker)}`;
  const at = text.indexOf(placeholder);
  if (at < 0) {
    yield `${text}\n`;
    return;
  }
  yield `${text.slice(0, at)}\n  "rows": [\n`;
  const last = summary.rows.length - 1;
  for (let i = 0; i <= last; i++) yield `    ${JSON.stringify(summary.rows.at(i), null, 2).replace(/\n/g, '\n    ')}${i < last ? ',' : ''}\n`;
  yield `  ]${text.slice(at + placeholder.length)}\n`;
}
