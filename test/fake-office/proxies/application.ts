// The Application (context.application): suspending calculation until the next sync, and
// calculating the workbook.

import { EntityObject, ObjectInit } from '../client-object';
import type { WorkbookModel } from '../model';
import { oneOf } from '../validate';

export const SUSPEND_CALCULATION = 'suspendApiCalculationUntilNextSync';
export const CALCULATE = 'calculate';

/** Excel.CalculationType's values. */
export const CALCULATION_TYPES = ['Recalculate', 'Full', 'FullRebuild'] as const;
export type CalculationType = (typeof CALCULATION_TYPES)[number];

export class Application extends EntityObject<WorkbookModel, Record<string, never>> {
  constructor(init: ObjectInit) {
    super(init, (scope) => scope.model, {});
  }

  /**
   * Formulas written in the rest of this request are not calculated, nor marked for calculation:
   * they keep the value they had (0 for a new one) until `calculate('Full')` or `'FullRebuild'`.
   * Recorded on the sync's counter record (`calculationSuspended`).
   */
  suspendApiCalculationUntilNextSync(): void {
    this.queueMethod(SUSPEND_CALCULATION, [], () => undefined);
  }

  /**
   * Calculates the workbook (Excel.CalculationType): `Full` and `FullRebuild` every formula, with
   * the values the `evaluate` option gives (what Excel's engine would); `Recalculate` only the
   * cells Excel has marked for calculation, which those written while calculation was suspended
   * are not. Recorded on the sync's counter record (`calculations`).
   */
  calculate(calculationType: unknown): void {
    const location = this.location(CALCULATE);
    this.queueMethod(CALCULATE, [calculationType], (model, scope) => model.calculate(oneOf(calculationType, CALCULATION_TYPES, location), scope.options.evaluate));
  }
}
