// Reading a previous run back from the product's sheets: the input cells, found by their names,
// become the assumptions again, so that re-opening a workbook restores the last run.
import { isoDate } from '../core/calendar-date';
import { dateOfSerial } from '../core/cell';
import { classify } from '../core/classification';

/** The named ranges whose values a read-back needs. */
export const INPUT_NAMES = [
  'VfM_BaseYear', 'VfM_NoticeServedOn', 'VfM_NoticeMonths', 'VfM_FyStartMonth', 'VfM_HorizonYears', 'VfM_Indexation',
  'VfM_DiscountRate', 'VfM_Sharing', 'VfM_MembersInBaseYear', 'VfM_LeaverNames', 'VfM_LeaversOn', 'VfM_Items', 'VfM_Classes',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** The audit's cell holding when the run happened (UK time, as stamped): what the workbook holds, and since when. */
export const RAN_AT_NAME = 'VfM_RanAt';

/** Each name's values as a spreadsheet reports them (rows of columns); a missing name is undefined. */
export type InputValues = Partial<Record<InputName, readonly (readonly unknown[])[]>>;

const first = (values: InputValues, name: InputName): unknown => values[name]?.[0]?.[0];
const column = (values: InputValues, name: InputName): unknown[] => (values[name] ?? []).map((row) => row[0]);
const given = (value: unknown) => value !== undefined && value !== null && value !== '';
/** A date cell as the assumptions take it; a number outside Excel's dates stays a number, for the check to refuse. */
const dateText = (value: unknown) => {
  const date = typeof value === 'number' ? dateOfSerial(value) : undefined;
  return date ? isoDate(date) : value;
};

/**
 * The assumptions a previous run's sheets hold, in the form the CLI's assumptions file takes (so
 * they are validated again like any other). Classes that differ from what the labels give by
 * default become overrides.
 */
export function assumptionsFromInputs(values: InputValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const scalar = (key: string, name: InputName, convert: (v: unknown) => unknown = (v) => v) => {
    const value = first(values, name);
    if (given(value)) out[key] = convert(value);
  };
  scalar('baseYear', 'VfM_BaseYear');
  scalar('noticeServedOn', 'VfM_NoticeServedOn', dateText);
  scalar('noticeMonths', 'VfM_NoticeMonths');
  scalar('fyStartMonth', 'VfM_FyStartMonth');
  scalar('horizonYears', 'VfM_HorizonYears');
  scalar('indexation', 'VfM_Indexation');
  scalar('discountRate', 'VfM_DiscountRate');
  scalar('sharing', 'VfM_Sharing');

  const names = column(values, 'VfM_LeaverNames');
  const dates = column(values, 'VfM_LeaversOn');
  const leavers = names
    .map((name, i) => ({ name, leavesOn: dates[i] }))
    .filter((leaver) => given(leaver.name) || given(leaver.leavesOn))
    .map((leaver) => ({ name: leaver.name, leavesOn: dateText(leaver.leavesOn) }));
  const inBaseYear = first(values, 'VfM_MembersInBaseYear');
  if (given(inBaseYear) || leavers.length > 0) out.partners = { ...(given(inBaseYear) ? { inBaseYear } : {}), leavers };

  const items = column(values, 'VfM_Items');
  const classes = column(values, 'VfM_Classes');
  const overrides: Record<string, unknown> = {};
  items.forEach((item, i) => {
    if (typeof item !== 'string' || !given(classes[i])) return;
    if (classify(item, new Map()).class !== classes[i]) overrides[item] = classes[i];
  });
  if (Object.keys(overrides).length > 0) out.overrides = overrides;
  return out;
}
