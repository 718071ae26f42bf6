// The "VfM Scenarios" sheet, laid out as FAST asks: key results and the master check on top, then
// the inputs (yellow, with units and sources), the workings on one financial-year timeline, the
// scenarios by FY, the contribution per member, and the checks. Every result is a formula over the
// inputs and the cost rows, so Excel recalculates it when an input changes.
import { Analysis } from '../core/analysis';
import { ASSUMPTION_TABLE } from '../core/assumption-table';
import { AssumptionName, AssumptionSource } from '../core/assumptions';
import { columnName, excelSerial } from '../core/cell';
import { fyLabel } from '../core/financial-year';
import { CHECKS } from '../core/checks';
import { quote } from '../core/limits';
import { Subtotal } from '../core/cost-table';
import { SHARING_MODELS } from '../core/membership';
import { STPR_SCHEDULE } from '../core/discounting';
import { PRICE_BASES } from '../core/real-prices';
import { Content, DefinedName } from './plan';
import { amountsOfRows } from './cost-rows-sheet';
import { NAME, NAMES, NameKey } from './names';
import { SheetBuilder, formula, literal, num, text } from './sheet-builder';
import { Timeline, TimelineCell } from './timeline';
import { FORMATS } from './styles';

// Columns: label, unit, value (or the total of a timeline row), then one column per FY.
const LABEL = 1;
const UNIT = 2;
const VALUE = 3;
const FIRST_FY = 4;
const NOTE = 4; // an input's source, beside it in the first FY column

const SOURCE_TEXT: Record<AssumptionSource, string> = {
  given: 'given',
  default: 'default',
  'item labels': 'named in the item labels',
  'column header': 'named in the amount column\'s header',
  today: 'default: the day of the run',
};

/**
 * A member's contribution in a year, to the penny: the avoidable cost, indexed, and under the
 * shared pool re-shared among the members then paying (membership.ts).
 * @param factor the year's indexation factor
 * @param members the members paying that year
 */
export const contribution = (factor: string, members: string) =>
  `ROUND(${NAME.avoidableAnnual}*${factor === '1' ? '' : `${factor}*`}IF(${NAME.sharing}=${literal('shared-pool')},${NAME.membersInBaseYear}/${members},1),2)`;

/**
 * The workings of the committed costs (committed-costs.ts): a contract with an end date is paid
 * for the part of each year before it ends, as notice is. Its days paid in a year are the days it
 * runs from the year's start less those it runs from the next year's start (each none once it has
 * ended), so a year's committed cost at base-year prices is the rows with no end, and the
 * difference of two sums over the rows with one (£ a year times days) over the year's days.
 * @param starts the row of each year's first day, and `next` of the next year's
 * @returns the rows of the three sums
 */
function committedWorkings(timeline: Timeline, starts: number, next: number) {
  const committed = `${NAME.amounts},(${NAME.classes}=${literal('committed')})`;
  const ends = NAME.contractEnds;
  const running = timeline.add('Committed costs with no contract end', '£', () => `SUMPRODUCT(${committed}*(${ends}=""))`, FORMATS.money);
  /** £ a year times the days each contract runs after `day`: a contract with an end date, not ended by then. */
  const runsOn = (day: string) => `SUMPRODUCT(${committed}*(${ends}>${day}),${ends}-${day})`;
  const fromStart = timeline.add('With an end date: £ a year × days after the year starts', '£ × days', (c) => runsOn(`${c}${starts}`), FORMATS.money);
  const fromNext = timeline.add('The same after the next year starts', '£ × days', (c) => runsOn(`${c}${next}`), FORMATS.money);
  return { running, fromStart, fromNext };
}

/** The names of the input cells, each carrying an assumption. */
type InputKey = { [K in NameKey]: (typeof NAMES)[K] extends { carries: AssumptionName } ? K : never }[NameKey];

export function scenariosSheet(name: string, analysis: Analysis, sourceRange: string, costRowsSheet: string, names: DefinedName[]): SheetBuilder {
  const sheet = new SheetBuilder(name, 'scenarios', names);
  const a = analysis.assumptions;
  const sources = analysis.assumptionSources;
  const years = analysis.savings.years.length;
  const lastFy = FIRST_FY + years - 1;
  const fyColumns = Array.from({ length: years }, (_, t) => FIRST_FY + t);
  const col = columnName;
  let row = 1;

  sheet.put(row++, LABEL, [[text('Value for money: stay in the partnership or withdraw')]], 'title');
  sheet.put(row++, LABEL, [[text(`Costs from ${sourceRange}. Inputs are yellow; everything else is calculated from them, so changing an input recalculates every result.`)]], 'subtitle');
  const masterRow = row++;
  row++;

  // Key results: filled in once the rows they point at are known.
  sheet.put(row++, LABEL, [[text('Key results')]], 'heading');
  const keyRows = { total: row++, avoidable: row++, committed: row++, expires: row++, saving: row++, npv: row++ };
  row++;

  // Inputs
  sheet.put(row++, LABEL, [[text('Inputs'), text('Unit'), text('Value'), text('Source')]], 'heading');
  /** An input cell, named for the assumption it carries, with its source beside it. */
  const input = (label: string, unit: string, value: Content, key: InputKey, format?: string, source?: string) => {
    const r = row++;
    sheet.put(r, LABEL, [[text(label), text(unit)]], 'label');
    sheet.paint(r, UNIT, r, UNIT, 'unit');
    sheet.put(r, VALUE, [[value]], 'input', [format]);
    sheet.put(r, NOTE, [[text(source ?? SOURCE_TEXT[sources[NAMES[key].carries]])]], 'note');
    sheet.define(key, { row: r, column: VALUE });
    return r;
  };
  input('Base year: the financial year the costs describe', 'starts in', num(a.baseYear.startYear), 'baseYear', FORMATS.whole,
    `${fyLabel(a.baseYear)}; ${SOURCE_TEXT[sources.baseYear]}`);
  input('Notice served on', 'date', num(excelSerial(a.noticeServedOn)), 'noticeServedOn', FORMATS.date);
  input('Notice period', 'months', num(a.noticeMonths), 'noticeMonths', FORMATS.whole);
  input('Financial year starts in month', 'month', num(a.fyStartMonth), 'fyStartMonth', FORMATS.whole);
  input('Horizon', 'years', num(a.horizonYears), 'horizonYears', FORMATS.whole,
    `${SOURCE_TEXT[sources.horizonYears]}; the timeline has ${years} columns, so a longer horizon needs a new run`);
  input('Indexation of every cost after the base year', '% a year', num(a.indexation.toNumber()), 'indexation', FORMATS.percent);
  input('Discount rate', '% a year', num(a.discountRate.toNumber()), 'discountRate', FORMATS.percent,
    sources.discountRate === 'default' ? ASSUMPTION_TABLE.discountRate.authority : 'given');
  const pricesRow = input('Price basis of the costs', 'basis', text(a.prices), 'prices', undefined,
    `${SOURCE_TEXT[sources.prices]}: real (base-year prices) or nominal (cash, made real by the GDP deflator)`);
  sheet.allow(pricesRow, VALUE, pricesRow, VALUE, PRICE_BASES);
  const deflator = a.gdpDeflator;
  input('GDP deflator of every year not listed below', '% a year', deflator?.otherYears === undefined ? null : num(deflator.otherYears.toNumber()), 'gdpDeflator', FORMATS.percent,
    deflator === undefined ? 'not given: needed by nominal prices' : SOURCE_TEXT[sources.gdpDeflator]);
  const sharingRow = input('Sharing model', 'model', text(a.sharing), 'sharing', undefined,
    `${SOURCE_TEXT[sources.sharing]}: ${SHARING_MODELS.join(' or ')}`);
  sheet.allow(sharingRow, VALUE, sharingRow, VALUE, SHARING_MODELS);
  input('Members paying in the base year, the council among them', 'members', a.partners.inBaseYear === undefined ? null : num(a.partners.inBaseYear),
    'membersInBaseYear', FORMATS.whole, a.partners.inBaseYear === undefined ? 'not given: needed by shared-pool' : SOURCE_TEXT[sources.partners]);

  // Other partners leaving: names and dates are inputs; blank rows leave room to add more.
  row++;
  sheet.put(row++, LABEL, [[text('Other partners leaving'), null, text('Leaves on')]], 'header');
  const leaverRows = Math.max(a.partners.leavers.length + 3, 5);
  const firstLeaver = row;
  const leavers = Array.from({ length: leaverRows }, (_, i) => {
    const leaver = a.partners.leavers[i];
    return leaver ? [text(leaver.name), null, num(excelSerial(leaver.leavesOn))] : [null, null, null];
  });
  sheet.put(firstLeaver, LABEL, leavers, 'input', [undefined, undefined, FORMATS.date]);
  sheet.paint(firstLeaver, UNIT, firstLeaver + leaverRows - 1, UNIT, 'label');
  sheet.define('leaverNames', { row: firstLeaver, column: LABEL }, { row: firstLeaver + leaverRows - 1, column: LABEL });
  sheet.define('leaversOn', { row: firstLeaver, column: VALUE }, { row: firstLeaver + leaverRows - 1, column: VALUE });
  row += leaverRows;
  sheet.put(row++, LABEL, [[text('A partner counts as a member of every financial year that starts before the day it leaves.')]], 'note');
  row++;

  // The GDP deflator of financial years with a rate of their own; blank rows leave room to add more.
  sheet.put(row++, LABEL, [[text('GDP deflator by financial year (nominal prices)'), text('starts in'), text('% a year')]], 'header');
  const listed = deflator?.byFy ?? [];
  const deflatorRows = listed.length + 3;
  const firstDeflator = row;
  sheet.put(firstDeflator, UNIT, Array.from({ length: deflatorRows }, (_, i) => {
    const entry = listed[i];
    return entry ? [num(entry.fy.startYear), num(entry.rate.toNumber())] : [null, null];
  }), 'input', [FORMATS.whole, FORMATS.percent]);
  sheet.put(firstDeflator, LABEL, Array.from({ length: deflatorRows }, (_, i) => [listed[i] ? text(fyLabel(listed[i].fy)) : null]), 'label');
  sheet.define('deflatorYears', { row: firstDeflator, column: UNIT }, { row: firstDeflator + deflatorRows - 1, column: UNIT });
  sheet.define('deflatorRates', { row: firstDeflator, column: VALUE }, { row: firstDeflator + deflatorRows - 1, column: VALUE });
  row += deflatorRows;
  sheet.put(row++, LABEL, [[text('A year not listed takes the rate above. With real prices the deflator is not used.')]], 'note');
  row++;

  // The Green Book's STPR schedule: constants the discount factors read, labelled with their source.
  sheet.put(row, LABEL, [[text('Green Book STPR schedule (constants)'), text('from year'), text('below the rate')]], 'header');
  sheet.put(row++, NOTE, [[text(STPR_SCHEDULE.source)]], 'note');
  const firstBand = row;
  const bands = STPR_SCHEDULE.bands;
  sheet.put(firstBand, LABEL, bands.map((band, i) => [text(`Years ${band.from}${bands[i + 1] ? ` to ${bands[i + 1].from - 1}` : ' on'}`)]), 'label');
  sheet.put(firstBand, UNIT, bands.map((band) => [num(band.from), num(Number(band.stepDown))]), 'input', [FORMATS.whole, FORMATS.percent]);
  sheet.define('stprFrom', { row: firstBand, column: UNIT }, { row: firstBand + bands.length - 1, column: UNIT });
  sheet.define('stprStepDown', { row: firstBand, column: VALUE }, { row: firstBand + bands.length - 1, column: VALUE });
  row += bands.length;
  sheet.put(row++, LABEL, [[text('Each band\'s rate is the discount rate less its step-down, never below 0%.')]], 'note');
  row++;

  // Workings on one timeline
  const timeline = new Timeline(sheet, { label: LABEL, unit: UNIT, firstFy: FIRST_FY, row }, years);
  type Cell = TimelineCell;
  const previous = (t: number) => timeline.column(t - 1);
  const { label: labelRow, t: tRow, startYear: startYearRow, starts: startRow, ends: endRow, days: daysRow } = timeline.begin('Workings', 'the year notice is served', NAME.noticeServedOn);
  const flagRow = timeline.add('Within the horizon (1 = yes)', 'flag', (c) => `IF(${c}${tRow}<${NAME.horizonYears},1,0)`, FORMATS.whole);
  const indexRow = timeline.index(startYearRow);
  const membersRow = timeline.members(startRow);
  const contributionRow = timeline.add('Contribution per member', '£', (c) => contribution(`${c}${indexRow}`, `${c}${membersRow}`), FORMATS.money);
  const paidRow = timeline.add('Days paid for if the council withdraws', 'days', (c) =>
    `MIN(MAX(${NAME.noticeExpires}-${c}${startRow},0),${c}${daysRow})`, FORMATS.whole);
  const discountRow = timeline.discount(tRow);
  const realRow = timeline.realPrices(startYearRow);
  const committed = committedWorkings(timeline, startRow, endRow);
  row = timeline.row;
  row++;
  // Printed, the workings start a page, and every page below has the years over its columns.
  sheet.pageBreakAbove(labelRow);
  sheet.printTitles(labelRow);
  const defineRow = (key: NameKey, r: number) => sheet.define(key, { row: r, column: FIRST_FY }, { row: r, column: lastFy });
  defineRow('financialYears', labelRow);
  defineRow('membersAtStart', membersRow);
  defineRow('contributionPerMember', contributionRow);
  defineRow('discountFactors', discountRow);
  defineRow('realPriceFactors', realRow);

  // The scenarios by FY, with totals
  sheet.put(row, LABEL, [[text('Scenarios by financial year'), null, text('Total')]], 'heading');
  sheet.put(row++, FIRST_FY, [fyColumns.map((c) => formula(`${col(c)}${labelRow}`))], 'heading');
  /** `total(span)`: the formula of the Total column given the row's span of FY cells. */
  const output = (label: string, cell: Cell, total?: (span: string) => string) => {
    const r = row++;
    const span = `${col(FIRST_FY)}${r}:${col(lastFy)}${r}`;
    sheet.put(r, LABEL, [[text(label), text('£'), total ? formula(total(span)) : null]], 'label', [undefined, undefined, FORMATS.money]);
    sheet.paint(r, UNIT, r, UNIT, 'unit');
    if (total) sheet.paint(r, VALUE, r, VALUE, 'output');
    sheet.put(r, FIRST_FY, [fyColumns.map((c, t) => formula(cell(col(c), t, r)))], 'calc', fyColumns.map(() => FORMATS.money));
    return r;
  };
  // Rounded where the core rounds (ARCHITECTURE.md, Rounding): a cost in a year when it becomes
  // money. Sums and differences of amounts in pence are exact in the core; here they are rounded to
  // the penny only to drop binary noise (17800 - 9802.19 = 7997.8099999999995), which changes no
  // penny. Present values are not rounded: the NPV sums them unrounded and is rounded once.
  const sum = (span: string) => `ROUND(SUM(${span}),2)`;
  const stayRow = output('Cost if the council stays (avoidable cost)', (c) => `${c}${contributionRow}*${c}${flagRow}`, sum);
  const withdrawRow = output('Cost if the council withdraws', (c) => `ROUND(${c}${stayRow}*${c}${paidRow}/${c}${daysRow},2)`, sum);
  const savingRow = output('Saving', (c) => `ROUND(${c}${stayRow}-${c}${withdrawRow},2)`, sum);
  output('Cumulative saving', (c, t, r) => (t === 0 ? `${c}${savingRow}` : `ROUND(${previous(t)}${r}+${c}${savingRow},2)`));
  const pvRow = output('Present value of the saving (real prices)', (c) => `${c}${savingRow}*${c}${realRow}*${c}${discountRow}`, sum);
  const committedRow = output('Committed costs (continue either way, until their contracts end)', (c) =>
    `ROUND((${c}${committed.running}+(${c}${committed.fromStart}-${c}${committed.fromNext})/${c}${daysRow})*${c}${indexRow},2)*${c}${flagRow}`, sum);
  row++;
  defineRow('costIfStaying', stayRow);
  defineRow('costIfWithdrawing', withdrawRow);
  defineRow('saving', savingRow);
  defineRow('presentValue', pvRow);
  defineRow('committedCosts', committedRow);

  // Contribution per member for every number of members, at base-year prices
  const inBaseYear = a.partners.inBaseYear;
  sheet.put(row++, LABEL, [[text('Contribution per member by number of members (base-year prices)')]], 'heading');
  if (inBaseYear === undefined) {
    sheet.put(row++, LABEL, [[text('Give the members paying in the base year to see this table.')]], 'note');
  } else {
    sheet.put(row++, LABEL, [[null, text('Members'), text('Contribution')]], 'header');
    const table = Array.from({ length: inBaseYear }, (_, i) => [
      num(i + 1),
      formula(contribution('1', `${col(UNIT)}${row + i}`)),
    ]);
    sheet.put(row, UNIT, table, 'calc', [FORMATS.whole, FORMATS.money]);
    row += inBaseYear;
  }
  row++;

  // Checks: the list's, then one for each subtotal the source holds, against the cost rows it covers.
  const indexOf = new Map(analysis.rows.map((costRow, i) => [costRow.sheetRow, i]));
  const subtotalFormula = (subtotal: Subtotal) => {
    const covered = subtotal.rows.map((r) => indexOf.get(r) as number);
    const sum = covered.length === 0 ? '0' : `SUM(${amountsOfRows(costRowsSheet, Math.min(...covered), Math.max(...covered))})`;
    return `ROUND(${sum}-ROUND(${subtotal.cell}*${NAME.sourceUnit},2),2)=0`;
  };
  sheet.put(row++, LABEL, [[text('Checks'), null, text('Passes')]], 'heading');
  const checks = [
    ...CHECKS.map((check) => [check.words, check.formula(NAME, literal)]),
    ...analysis.table.subtotals.map((subtotal) => [`Subtotal ${quote(subtotal.label)} (${subtotal.cell}) agrees with its rows`, subtotalFormula(subtotal)]),
  ];
  const firstCheck = row;
  sheet.put(row, LABEL, checks.map(([words]) => [text(words)]), 'label');
  sheet.put(row, VALUE, checks.map(([, check]) => [formula(check)]), 'check');
  row += checks.length;
  sheet.put(row, LABEL, [[text('All checks pass (master check)')]], 'total');
  sheet.put(row, VALUE, [[formula(`AND(${col(VALUE)}${firstCheck}:${col(VALUE)}${row - 1})`)]], 'check');
  sheet.define('masterCheck', { row, column: VALUE });

  // Key results, pointing at the totals above
  const key = (r: number, label: string, unit: string, value: string, format: string, named?: NameKey) => {
    sheet.put(r, LABEL, [[text(label), text(unit), formula(value)]], 'label', [undefined, undefined, format]);
    sheet.paint(r, UNIT, r, UNIT, 'unit');
    sheet.paint(r, VALUE, r, VALUE, 'output');
    if (named) sheet.define(named, { row: r, column: VALUE });
  };
  const total = (r: number) => `${col(VALUE)}${r}`;
  key(keyRows.total, 'Paid through the partnership', '£ a year', NAME.totalAnnual, FORMATS.money);
  key(keyRows.avoidable, 'Avoidable: saved by leaving', '£ a year', NAME.avoidableAnnual, FORMATS.money);
  key(keyRows.committed, 'Committed: continues either way', '£ a year', NAME.committedAnnual, FORMATS.money);
  key(keyRows.expires, 'Notice expires', 'date', `EDATE(${NAME.noticeServedOn},${NAME.noticeMonths})`, FORMATS.date, 'noticeExpires');
  key(keyRows.saving, `Saving over the ${years}-year horizon`, '£', total(savingRow), FORMATS.money, 'totalSaving');
  key(keyRows.npv, 'Net present value of the saving', '£', total(pvRow), FORMATS.money, 'npv');
  sheet.put(masterRow, LABEL, [[text('All checks pass (see Checks below)'), null, formula(NAME.masterCheck)]], 'strong');
  sheet.paint(masterRow, VALUE, masterRow, VALUE, 'check');
  return sheet;
}

export const SCENARIOS_LAYOUT = { widths: (years: number) => [50, 10, 16, ...Array.from({ length: years }, () => 14)] } as const;
