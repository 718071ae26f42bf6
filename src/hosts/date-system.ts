// The workbook's date system, for both hosts: the core and the plan count dates as serials of the
// 1900 date system; a workbook in the 1904 system (Excel for the Mac's old default) counts each
// date 1,462 days less, so a host reading or writing one converts its date serials here.
import { DAYS_TO_1904, isDateFormat } from '../core/cell';
import { Content } from '../layout/plan';

/** A date serial as a workbook holds it, in the 1900 system's count. */
export function serialIn1900(held: number, date1904: boolean): number {
  return date1904 ? held + DAYS_TO_1904 : held;
}

/**
 * A planned cell's content as the workbook is to hold it: a number in a date format is a date,
 * which the plan counts in the 1900 date system and a workbook in the 1904 system counts 1,462 days less.
 */
export function heldContent(content: Content, format: string | undefined, date1904: boolean): Content {
  if (!date1904 || content === null || !('number' in content) || format === undefined || !isDateFormat(format)) return content;
  return { number: content.number - DAYS_TO_1904 };
}
