// The Workbook (context.workbook): its worksheets, its names and the selected range.

import { ClientObjectBase, EntityObject, ObjectInit } from '../client-object';
import type { WorkbookModel } from '../model';
import { NamedItemCollection } from './names';
import { Range } from './range';
import { WorksheetCollection } from './worksheet';

export class Workbook extends EntityObject<WorkbookModel, Record<string, never>> {
  private readonly nav: { worksheets?: WorksheetCollection; names?: NamedItemCollection } = {};

  constructor(init: ObjectInit) {
    super(init, (scope) => scope.model, {});
  }

  get worksheets(): WorksheetCollection {
    this.nav.worksheets ??= this.spawn('property', 'worksheets', [], 'WorksheetCollection', false, (init) => new WorksheetCollection(init, (scope) => scope.model));
    return this.nav.worksheets;
  }

  get names(): NamedItemCollection {
    this.nav.names ??= this.spawn('property', 'names', [], 'NamedItemCollection', false, (init) => new NamedItemCollection(init, (scope) => scope.model));
    return this.nav.names;
  }

  protected override navigation(name: string): ClientObjectBase | undefined {
    if (name === 'worksheets') return this.worksheets;
    if (name === 'names') return this.names;
    return undefined;
  }

  /** The selection on the active sheet. */
  getSelectedRange(): Range {
    return this.spawn('method', 'getSelectedRange', [], 'Range', false, (init) => new Range(init, (scope) => {
      const sheet = scope.model.activeSheet;
      return sheet ? { sheet, rect: sheet.selection } : null;
    }));
  }
}
