// Excel tables of a worksheet (worksheet.tables): Table and TableCollection. A table is a rectangle
// of one sheet with a name; its range, header row and total row included, is reached with getRange().

import { ClientResult, CollectionObject, EntityObject, ExecScope, ObjectInit, Readers } from '../client-object';
import type { SheetModel, TableModel } from '../model';
import { text } from '../validate';
import { Range } from './range';

interface TableScalars {
  name: string;
  id: string;
  showHeaders: boolean;
  showTotals: boolean;
}

const tableReaders: Readers<TableModel, TableScalars> = {
  name: (t) => t.name,
  id: (t) => t.id,
  showHeaders: (t) => t.showHeaders,
  showTotals: (t) => t.showTotals,
};

export class Table extends EntityObject<TableModel, TableScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => TableModel | null) {
    super(init, locator, tableReaders);
  }

  protected override alive(t: TableModel): boolean {
    return !t.deleted && !t.sheet.deleted;
  }

  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get showHeaders(): boolean {
    return this.get('showHeaders');
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }

  /** The whole table: its header row and total row (when shown) and its body. */
  getRange(): Range {
    return this.spawn('method', 'getRange', [], 'Range', false, (init) => new Range(init, (scope) => {
      const t = this.live(scope);
      return { sheet: t.sheet, rect: t.rect };
    }));
  }
}

/** A worksheet's tables, in the order they were added. */
export class TableCollection extends CollectionObject<SheetModel, TableModel, Table> {
  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }
  protected listItems(sheet: SheetModel, scope: ExecScope): TableModel[] {
    return scope.model.tablesOf(sheet);
  }
  protected makeItem(table: TableModel, index: number): Table {
    return this.spawn('item', String(index), [], 'Table', false, (init) => new Table(init, () => table));
  }
  protected itemScalarNames(): readonly string[] {
    return Object.keys(tableReaders);
  }

  /** By name (any case) or id; ItemNotFound at the sync when the sheet has none such. */
  getItem(key: string): Table {
    return this.spawn('method', 'getItem', [key], 'Table', false, (init) => new Table(init, (scope) => this.find(scope, key, 'getItem')));
  }

  getItemOrNullObject(key: string): Table {
    return this.spawn('method', 'getItemOrNullObject', [key], 'Table', true, (init) => new Table(init, (scope) => this.find(scope, key, 'getItemOrNullObject')));
  }

  /** How many tables the sheet has, as a ClientResult. */
  getCount(): ClientResult<number> {
    return this.queueQuery('getCount', [], (sheet, scope) => scope.model.tablesOf(sheet).length);
  }

  private find(scope: ExecScope, key: unknown, method: string): TableModel | null {
    const found = scope.model.findTable(text(key, this.location(method)));
    return found && found.sheet === this.live(scope) ? found : null;
  }
}
