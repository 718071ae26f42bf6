// The limits of what the product takes, in one place. The assumptions and the cost table are
// checked against them before anything is computed, and each refusal names the assumption or cell
// and the limit, so that every input the checks accept runs to the end.
import { CalendarDate } from './calendar-date';

/**
 * Dates: every date the product reads or writes (notice served and its expiry, a partner's leaving,
 * the base year and every year of the horizon, the day after the last) lies within Excel's dates,
 * counted from 1900-03-01 so that Excel's 1900 leap-year quirk never applies.
 */
export const EARLIEST_DATE: CalendarDate = { year: 1900, month: 3, day: 1 };
export const LATEST_DATE: CalendarDate = { year: 9999, month: 12, day: 31 };
export const DATE_RANGE = 'from 1900-03-01 to 9999-12-31, the dates Excel counts correctly';

/** Financial years projected. */
export const HORIZON_YEARS = { least: 1, most: 100 } as const;
/** Months of notice. */
export const NOTICE_MONTHS = { least: 0, most: 1200 } as const;
/** Yearly indexation: -50% to 100%. */
export const INDEXATION = { least: -0.5, most: 1 } as const;
/** The GDP deflator a year: -50% to 100%, as indexation. */
export const DEFLATOR = INDEXATION;
/** The discount rate: from 0% up to, not including, 100%. */
export const DISCOUNT_RATE = { least: 0, below: 1 } as const;
/** Optimism bias on the costs of leaving: 0% to 200%. */
export const OPTIMISM_BIAS = { least: 0, most: 2 } as const;
/** Members paying in the base year, the council among them. */
export const MEMBERS = { least: 1, most: 1000 } as const;

/**
 * Money: any amount in one year (a cost row, the table's annual total, the pool of shared-pool, a
 * year's cost after indexation and sharing) is at most £1,000,000,000,000, and any total over the
 * horizon at most £10,000,000,000,000. Both are far within what whole pence count exactly
 * (2^53 pence, about £90,000,000,000,000) and what Excel shows to the penny (15 digits).
 */
export const LARGEST_AMOUNT_POUNDS = 1_000_000_000_000;
export const LARGEST_AMOUNT_TEXT = '£1,000,000,000,000';
export const LARGEST_TOTAL_POUNDS = 10_000_000_000_000;
export const LARGEST_TOTAL_TEXT = '£10,000,000,000,000';

/**
 * Files: the largest file read, and what a zip package (.xlsx, .xlsm, .ods) may inflate to: one
 * part (a sheet's XML) at most PART_INFLATED_BYTES, which also keeps its text within what a string
 * holds, and the parts read from one file together at most PACKAGE_INFLATED_BYTES. A package is
 * refused as soon as it passes either, before it inflates further (a "zip bomb" of a few kilobytes
 * can inflate to gigabytes).
 */
export const LARGEST_FILE_BYTES = 500_000_000;
export const PART_INFLATED_BYTES = 500_000_000;
export const PACKAGE_INFLATED_BYTES = 2_000_000_000;
/** Bytes in words: 500 MB, 2 GB (decimal units, as disks count them). */
export function bytesInWords(bytes: number): string {
  return bytes >= 1e9 ? `${bytes / 1e9} GB` : `${bytes / 1e6} MB`;
}

/** The most characters an Excel cell holds (its rows and columns are MAX_ROWS and MAX_COLUMNS, cell.ts). */
export const CELL_CHARACTERS = 32_767;

/** A message quotes at most this many characters of a value it refuses. */
export const QUOTED_CHARACTERS = 40;

/**
 * The first `most` characters of a text, as Excel counts them (UTF-16 code units: an emoji is two),
 * one fewer when the last would be the first half of a pair, so that no character is cut in two.
 */
export function firstCharacters(text: string, most: number): string {
  if (text.length <= most) return text;
  const last = text.charCodeAt(most - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? most - 1 : most);
}

/** A text cut to QUOTED_CHARACTERS, with an ellipsis where it was cut. */
export function shorten(text: string): string {
  return text.length > QUOTED_CHARACTERS ? `${firstCharacters(text, QUOTED_CHARACTERS)}…` : text;
}

/**
 * A value as a message quotes it, in JSON and at most about QUOTED_CHARACTERS long: text cut short,
 * a list or an object by its first entries, with those nested inside only as […] or {…}: a value
 * may be nested without end, and it is never walked through.
 */
export function quote(value: unknown, nested = false): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value));
  if (typeof value !== 'object' || value === null) return String(value);
  const list = Array.isArray(value);
  const [open, close] = list ? ['[', ']'] : ['{', '}'];
  if (nested) return `${open}…${close}`;
  let text = '';
  for (const key in value) {
    const entry = (value as Record<string, unknown>)[key];
    text += `${text ? ',' : ''}${list ? '' : `${JSON.stringify(shorten(key))}:`}${quote(entry, true)}`;
    if (text.length > QUOTED_CHARACTERS) return `${open}${firstCharacters(text, QUOTED_CHARACTERS)}…${close}`;
  }
  return `${open}${text}${close}`;
}
