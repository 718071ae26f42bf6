// The Workbook (context.workbook): its worksheets, its names and the selected range.

import { ClientObjectBase, EntityObject, ObjectInit } from '../client-object';
import type { WorkbookModel } from '../model';
import { Functions } from './functions';
import { NamedItemCollection } from './names';
import { Range } from './range';
import { WorksheetCollection } from './worksheet';

export class Workbook extends EntityObject<WorkbookModel, { readOnly: boolean }> {
  private readonly nav: { worksheets?: WorksheetCollection; names?: NamedItemCollection; protection?: WorkbookProtection; functions?: Functions } = {};

  constructor(init: ObjectInit) {
    super(init, (scope) => scope.model, { readOnly: (model) => model.readOnly });
  }

  /** Excel's worksheet functions (ExcelApi 1.2): DATE is modelled. Workbook.use1904DateSystem is a preview API and is not. */
  get functions(): Functions {
    this.nav.functions ??= this.spawn('property', 'functions', [], 'Functions', false, (init) => new Functions(init));
    return this.nav.functions;
  }

  /** True when the workbook is open read-only (ExcelApi 1.8). */
  get readOnly(): boolean {
    return this.get('readOnly');
  }

  /** Whether the workbook's structure is protected (ExcelApi 1.7). */
  get protection(): WorkbookProtection {
    this.nav.protection ??= this.spawn('property', 'protection', [], 'WorkbookProtection', false, (init) => new WorkbookProtection(init));
    return this.nav.protection;
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
    if (name === 'protection') return this.protection;
    if (name === 'functions') return this.functions;
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

/** Excel.WorkbookProtection: `protected` is modelled; protecting and unprotecting from the add-in are not. */
export class WorkbookProtection extends EntityObject<WorkbookModel, { protected: boolean }> {
  constructor(init: ObjectInit) {
    super(init, (scope) => scope.model, { protected: (model) => model.structureProtected });
  }

  get protected(): boolean {
    return this.get('protected');
  }
}
