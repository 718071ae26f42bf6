// The Application (context.application): suspending calculation until the next sync.

import { EntityObject, ObjectInit } from '../client-object';
import type { WorkbookModel } from '../model';

export const SUSPEND_CALCULATION = 'suspendApiCalculationUntilNextSync';

export class Application extends EntityObject<WorkbookModel, Record<string, never>> {
  constructor(init: ObjectInit) {
    super(init, (scope) => scope.model, {});
  }

  /** Recorded on the next sync's counter record (`calculationSuspended`). */
  suspendApiCalculationUntilNextSync(): void {
    this.queueMethod(SUSPEND_CALCULATION, [], () => undefined);
  }
}
