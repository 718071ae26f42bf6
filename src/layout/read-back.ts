// Reading a previous run back from the product's sheets: the cells of the names that carry an
// assumption (names.ts) become the assumptions again, so that re-opening a workbook restores the
// last run.
import { AssumptionName } from '../core/assumptions';
import { CalendarDate, isoDate } from '../core/calendar-date';
import { dateOfSerial } from '../core/cell';
import { classify, labelKey } from '../core/classification';
import { OTHER_YEARS } from '../core/real-prices';
import { NAME, NAMES, NameEntry } from './names';

const ENTRIES: readonly NameEntry[] = Object.values(NAMES);

/** The named ranges whose values a read-back needs: every name that carries an assumption. */
export const INPUT_NAMES: readonly string[] = ENTRIES.filter((entry) => entry.carries).map((entry) => entry.name);

/** The audit's cell holding when the run happened (UK time, as stamped): what the workbook holds, and since when. */
export const RAN_AT_NAME = NAME.ranAt;

/** Each name's values as a spreadsheet reports them (rows of columns); a missing name is undefined. */
export type InputValues = Readonly<Record<string, readonly (readonly unknown[])[] | undefined>>;

const given = (value: unknown) => value !== undefined && value !== null && value !== '';
/** A date cell as the assumptions take it; a number outside Excel's dates stays a number, for the check to refuse. */
const dateText = (value: unknown) => {
  const date = typeof value === 'number' ? dateOfSerial(value) : undefined;
  return date ? isoDate(date) : value;
};

/** A name's cells, top to bottom (dates as the assumptions take them). */
function cells(values: InputValues, entry: NameEntry): unknown[] {
  return (values[entry.name] ?? []).map((row) => (entry.dates ? dateText(row[0]) : row[0]));
}

/** The assumptions of one cell each: their name carries them alone. */
const SCALARS = ENTRIES.filter((entry) => entry.carries && ENTRIES.filter((other) => other.carries === entry.carries).length === 1);

/**
 * The assumptions a previous run's sheets hold, in the form the CLI's assumptions file takes (so
 * they are validated again like any other). Classes that differ from what the labels give by
 * default become overrides.
 */
export function assumptionsFromInputs(values: InputValues): Record<string, unknown> {
  const out: Partial<Record<AssumptionName, unknown>> = {};
  for (const entry of SCALARS) {
    const value = cells(values, entry)[0];
    if (given(value)) out[entry.carries as AssumptionName] = value;
  }

  const names = cells(values, NAMES.leaverNames);
  const dates = cells(values, NAMES.leaversOn);
  const leavers = names.map((name, i) => ({ name, leavesOn: dates[i] })).filter((leaver) => given(leaver.name) || given(leaver.leavesOn));
  const inBaseYear = cells(values, NAMES.membersInBaseYear)[0];
  if (given(inBaseYear) || leavers.length > 0) out.partners = { ...(given(inBaseYear) ? { inBaseYear } : {}), leavers };

  // The GDP deflator: one rate, or the rates listed by FY (keyed by the year each starts in) with
  // the rate of the other years.
  const otherYears = cells(values, NAMES.gdpDeflator)[0];
  const deflatorRates = cells(values, NAMES.deflatorRates);
  const listed = cells(values, NAMES.deflatorYears).map((year, i) => [year, deflatorRates[i]]).filter(([year, rate]) => given(year) || given(rate));
  if (listed.length > 0) out.gdpDeflator = { ...Object.fromEntries(listed.map(([year, rate]) => [String(year), rate])), ...(given(otherYears) ? { [OTHER_YEARS]: otherYears } : {}) };
  else if (given(otherYears)) out.gdpDeflator = otherYears;

  const items = cells(values, NAMES.items);
  const classes = cells(values, NAMES.classes);
  const overrides: Record<string, unknown> = {};
  items.forEach((item, i) => {
    if (typeof item !== 'string' || !given(classes[i])) return;
    if (classify(item, new Map()).class !== classes[i]) overrides[item] = classes[i];
  });
  if (Object.keys(overrides).length > 0) out.overrides = overrides;

  const options = optionsFromInputs(values);
  if (options.length > 0) out.options = options;
  return out;
}

/** Only the fields a cell gives: a blank cell takes the option's default. */
const fields = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([, value]) => given(value)));

/**
 * The ways of withdrawing, a row each, and their costs of leaving, a row each naming its option
 * (as the sheet matches it, ignoring case); a cost whose option or kind the sheet does not know
 * counts for nothing there, and is left out here.
 */
function optionsFromInputs(values: InputValues): Record<string, unknown>[] {
  const column = (entry: NameEntry) => cells(values, entry);
  const [served, months, bias] = [column(NAMES.optionNoticeServedOn), column(NAMES.optionNoticeMonths), column(NAMES.optionOptimismBias)];
  const options = column(NAMES.optionNames).flatMap((name, i) => (given(name)
    ? [{ name, ...fields({ noticeServedOn: served[i], noticeMonths: months[i], optimismBias: bias[i] }), exitCosts: [] as unknown[], replacementCosts: [] as unknown[] }]
    : []));
  const byName = new Map(options.map((o) => [String(o.name).toLowerCase(), o]));
  const [labels, owners, kinds, amounts] = [column(NAMES.costLabels), column(NAMES.costOptions), column(NAMES.costKinds), column(NAMES.costAmounts)];
  const [fys, runFor, shares] = [column(NAMES.costExitFys), column(NAMES.costMonths), column(NAMES.costShares)];
  labels.forEach((label, j) => {
    const option = byName.get(String(owners[j] ?? '').toLowerCase());
    if (!option || !(given(label) || given(amounts[j]))) return;
    if (kinds[j] === 'exit') option.exitCosts.push(fields({ label, amount: amounts[j], fy: fys[j] }));
    if (kinds[j] === 'replacement') option.replacementCosts.push(fields({ label, annual: amounts[j], months: runFor[j], share: shares[j] }));
  });
  return options;
}

/**
 * The contract ends the cost-rows sheet holds (its input column, `VfM_ContractEnds`, beside
 * `VfM_Items`) that differ from those a run gave its rows (`rows`, in the sheet's order), as the
 * assumptions take them: each row's item label to its date. Empty when none differ. A row whose
 * end was cleared on the sheet, or a label whose rows hold different dates, cannot be given so:
 * it is left out, and the sheet then differs from the plan.
 */
export function contractEndsOnSheet(values: InputValues, rows: readonly { readonly item: string; readonly endsOn?: CalendarDate }[]): Record<string, string> {
  const items = cells(values, NAMES.items);
  const ends = cells(values, NAMES.contractEnds);
  const byLabel = new Map<string, { label: string; date: string } | null>();
  rows.forEach((row, i) => {
    const held = ends[i];
    const ran = row.endsOn === undefined ? undefined : isoDate(row.endsOn);
    if (typeof held !== 'string' || held === ran || items[i] !== row.item) return;
    const key = labelKey(row.item);
    const seen = byLabel.get(key);
    byLabel.set(key, seen === undefined || seen?.date === held ? { label: row.item, date: held } : null);
  });
  return Object.fromEntries([...byLabel.values()].flatMap((end) => (end ? [[end.label, end.date]] : [])));
}
