// Workbook.functions (Excel.Functions, ExcelApi 1.2): Excel's worksheet functions called from the
// add-in, each a FunctionResult whose `value` (or `error`, such as "#NUM!") is read after a load
// and a sync. Only DATE is modelled, with numbers for its arguments; it counts in the workbook's
// date system: DATE(1904, 1, 1) is 1462 in the 1900 system and 0 in the 1904 one.

import { EntityObject, ObjectInit } from '../client-object';
import { FakeStrictError } from '../errors';
import type { WorkbookModel } from '../model';

/** What a function gave: its value, or the error it returned. */
interface Outcome {
  readonly value: unknown;
  readonly error: string;
}

export class FunctionResult extends EntityObject<Outcome, { value: unknown; error: string }> {
  constructor(init: ObjectInit, compute: (model: WorkbookModel) => Outcome) {
    super(init, (scope) => compute(scope.model), { value: (o) => o.value, error: (o) => o.error });
  }

  get value(): unknown {
    return this.get('value');
  }

  get error(): string {
    return this.get('error');
  }
}

/** 1 January 1904 in the 1900 date system: the 1904 system counts every date this many days less. */
const DAYS_TO_1904 = 1462;

/** Excel's DATE for whole numbers: the serial in the workbook's date system; #NUM! before its first day or after 9999. */
function excelDate(model: WorkbookModel, year: number, month: number, day: number): Outcome {
  // Excel takes a year below 1900 as 1900 + year; months and days roll over, as Date.UTC does.
  const fullYear = year < 1900 ? 1900 + year : year;
  const serial1900 = Math.round((Date.UTC(fullYear, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  // The 1900 system's days before 1 March 1900 (its leap-year quirk) are not modelled.
  if (!model.use1904DateSystem && serial1900 < 61) throw new FakeStrictError('DATE before 1 March 1900 is not modelled (Excel counts 1900 as a leap year)');
  const serial = model.use1904DateSystem ? serial1900 - DAYS_TO_1904 : serial1900;
  const last = Math.round((Date.UTC(9999, 11, 31) - Date.UTC(1899, 11, 30)) / 86_400_000);
  if (serial < 0 || serial1900 > last) return { value: '#NUM!', error: '#NUM!' };
  return { value: serial, error: '' };
}

export class Functions extends EntityObject<WorkbookModel, Record<string, never>> {
  constructor(init: ObjectInit) {
    super(init, (scope) => scope.model, {});
  }

  /** DATE(year, month, day), in the workbook's date system. */
  date(year: number, month: number, day: number): FunctionResult {
    for (const n of [year, month, day]) {
      if (typeof n !== 'number' || !Number.isInteger(n)) throw new FakeStrictError('Functions.date is modelled for whole numbers only');
    }
    return this.spawn('method', 'date', [year, month, day], 'FunctionResult', false, (init) => new FunctionResult(init, (model) => excelDate(model, year, month, day)));
  }
}
