// Worksheet and WorksheetCollection (workbook.worksheets), with a sheet's freeze panes and page
// layout: add, find, rename, move, delete and activate sheets, and reach their ranges and tables.

import { MAX_COLUMNS, MAX_ROWS, Rect } from '../address';
import { ClientObjectBase, CollectionObject, EntityObject, ExecScope, ObjectInit, Readers } from '../client-object';
import { invalidArgument, invalidOperation } from '../errors';
import type { SheetModel, SheetVisibility, WorkbookModel } from '../model';
import { colour, numberIn, oneOf } from '../validate';
import { Range, resolveAddress } from './range';
import { ChartCollection } from './charts';
import { PageBreakCollection, PageLayout } from './page-layout';
import { TableCollection } from './tables';

const WHOLE_SHEET: Rect = { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };

interface WorksheetScalars {
  name: string;
  position: number;
  tabColor: string;
  visibility: SheetVisibility;
}

const worksheetReaders: Readers<SheetModel, WorksheetScalars> = {
  name: (s) => s.name,
  position: (s, scope) => scope.model.sheets.indexOf(s),
  tabColor: (s) => s.tabColor,
  visibility: (s) => s.visibility,
};

const VISIBILITIES: readonly SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

export class Worksheet extends EntityObject<SheetModel, WorksheetScalars> {
  private readonly nav: { protection?: WorksheetProtection; freezePanes?: WorksheetFreezePanes; pageLayout?: PageLayout; horizontalPageBreaks?: PageBreakCollection; tables?: TableCollection; charts?: ChartCollection } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, worksheetReaders);
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  get name(): string {
    return this.get('name');
  }
  /** Renames the sheet; names and formulas that refer to it follow, as in Excel. */
  set name(v: unknown) {
    this.queueSet('name', v, (s, value, scope) => {
      scope.model.assertStructureUnprotected(this.location('name'));
      scope.model.renameSheet(s, value, this.location('name'));
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: unknown) {
    this.queueSet('position', v, (s, value, scope) => {
      scope.model.assertStructureUnprotected(this.location('position'));
      scope.model.moveSheet(s, value, this.location('position'));
    });
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(v: unknown) {
    this.queueSet('tabColor', v, (s, value) => {
      s.tabColor = value === '' ? '' : colour(value, this.location('tabColor'));
    });
  }

  /** Excel.SheetVisibility (ExcelApi 1.1): `Visible`, `Hidden` (Format > Hide), `VeryHidden` (only code shows it again). */
  get visibility(): SheetVisibility {
    return this.get('visibility');
  }
  /** Hides or shows the sheet; the workbook's last visible sheet is not hidden (Excel keeps one in view). */
  set visibility(v: unknown) {
    this.queueSet('visibility', v, (s, value, scope) => {
      const visibility = oneOf(value, VISIBILITIES, this.location('visibility'));
      scope.model.assertStructureUnprotected(this.location('visibility'));
      if (visibility !== 'Visible' && scope.model.sheets.every((other) => other === s || other.visibility !== 'Visible')) {
        throw invalidOperation('a workbook must keep at least one visible sheet', this.location('visibility'));
      }
      s.visibility = visibility;
    });
  }

  /** Whether the sheet is protected (ExcelApi 1.2). */
  get protection(): WorksheetProtection {
    this.nav.protection ??= this.spawn('property', 'protection', [], 'WorksheetProtection', false, (init) => new WorksheetProtection(init, (scope) => this.live(scope)));
    return this.nav.protection;
  }

  get freezePanes(): WorksheetFreezePanes {
    this.nav.freezePanes ??= this.spawn('property', 'freezePanes', [], 'WorksheetFreezePanes', false, (init) => new WorksheetFreezePanes(init, (scope) => this.live(scope)));
    return this.nav.freezePanes;
  }

  get pageLayout(): PageLayout {
    this.nav.pageLayout ??= this.spawn('property', 'pageLayout', [], 'PageLayout', false, (init) => new PageLayout(init, (scope) => this.live(scope)));
    return this.nav.pageLayout;
  }

  /** The sheet's manual horizontal page breaks (ExcelApi 1.9). */
  get horizontalPageBreaks(): PageBreakCollection {
    this.nav.horizontalPageBreaks ??= this.spawn('property', 'horizontalPageBreaks', [], 'PageBreakCollection', false, (init) => new PageBreakCollection(init, (scope) => this.live(scope)));
    return this.nav.horizontalPageBreaks;
  }

  /** The sheet's Excel tables. */
  get tables(): TableCollection {
    this.nav.tables ??= this.spawn('property', 'tables', [], 'TableCollection', false, (init) => new TableCollection(init, (scope) => this.live(scope)));
    return this.nav.tables;
  }

  /** The sheet's charts. */
  get charts(): ChartCollection {
    this.nav.charts ??= this.spawn('property', 'charts', [], 'ChartCollection', false, (init) => new ChartCollection(init, (scope) => this.live(scope)));
    return this.nav.charts;
  }

  protected override navigation(name: string): ClientObjectBase | undefined {
    if (name === 'charts') return this.charts;
    if (name === 'protection') return this.protection;
    if (name === 'pageLayout') return this.pageLayout;
    if (name === 'tables') return this.tables;
    return undefined;
  }

  /** "A1:D5", "B3", "A:C", a workbook name on this sheet; no address: the whole sheet. */
  getRange(address?: string): Range {
    const location = this.location('getRange');
    return this.spawn('method', 'getRange', address === undefined ? [] : [address], 'Range', false, (init) => new Range(init, (scope) => {
      const sheet = this.live(scope);
      return { sheet, rect: address === undefined ? WHOLE_SHEET : resolveAddress(scope.model, sheet, address, location) };
    }));
  }

  /** The used range (values, or with valuesOnly false also formatting); a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.spawn('method', 'getUsedRangeOrNullObject', valuesOnly === undefined ? [] : [valuesOnly], 'Range', true, (init) => new Range(init, (scope) => {
      const sheet = this.live(scope);
      const rect = sheet.usedRect(valuesOnly === true);
      return rect ? { sheet, rect } : null;
    }));
  }

  /**
   * The used range (values, or with valuesOnly false also formatting); on a blank sheet the top-left
   * cell, A1, "it will *not* throw an error" (Excel.Worksheet.getUsedRange).
   */
  getUsedRange(valuesOnly?: boolean): Range {
    return this.spawn('method', 'getUsedRange', valuesOnly === undefined ? [] : [valuesOnly], 'Range', false, (init) => new Range(init, (scope) => {
      const sheet = this.live(scope);
      return { sheet, rect: sheet.usedRect(valuesOnly === true) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    }));
  }

  delete(): void {
    this.queueMethod('delete', [], (s, scope) => {
      scope.model.assertStructureUnprotected(this.location('delete'));
      scope.model.deleteSheet(s, this.location('delete'));
    });
  }

  activate(): void {
    this.queueMethod('activate', [], (s, scope) => {
      scope.model.activeSheet = s;
    });
  }
}

/** Excel.WorksheetProtection: `protected` is modelled; protecting and unprotecting from the add-in are not. */
export class WorksheetProtection extends EntityObject<SheetModel, { protected: boolean }> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, { protected: (s) => s.protected });
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  get protected(): boolean {
    return this.get('protected');
  }
}

export class WorksheetFreezePanes extends EntityObject<SheetModel, Record<string, never>> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, {});
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  /** Freeze the top rows (1 by default); columns are unfrozen. */
  freezeRows(count?: number): void {
    this.queueMethod('freezeRows', count === undefined ? [] : [count], (s) => {
      s.freeze = { rows: numberIn(count ?? 1, 0, MAX_ROWS - 1, this.location('freezeRows'), true), columns: 0 };
    });
  }

  /** Freeze the rows above and the columns left of the range's bottom-right corner, inclusive. */
  freezeAt(frozenRange: Range | string): void {
    const location = this.location('freezeAt');
    this.queueMethod('freezeAt', [frozenRange], (s, scope) => {
      let rect: Rect;
      if (frozenRange instanceof Range) {
        const target = frozenRange.live(scope);
        if (target.sheet !== s) throw invalidArgument('the range is on another sheet', location);
        rect = target.rect;
      } else {
        rect = resolveAddress(scope.model, s, frozenRange, location);
      }
      s.freeze = { rows: rect.row + rect.rowCount, columns: rect.column + rect.columnCount };
    });
  }
}

export class WorksheetCollection extends CollectionObject<WorkbookModel, SheetModel, Worksheet> {
  protected listItems(model: WorkbookModel): SheetModel[] {
    return [...model.sheets];
  }
  protected makeItem(sheet: SheetModel, index: number): Worksheet {
    return this.spawn('item', String(index), [], 'Worksheet', false, (init) => new Worksheet(init, () => sheet));
  }
  protected itemScalarNames(): readonly string[] {
    return Object.keys(worksheetReaders);
  }

  /** By name (any case); ItemNotFound at the sync when there is none. */
  getItem(key: string): Worksheet {
    return this.spawn('method', 'getItem', [key], 'Worksheet', false, (init) => new Worksheet(init, (scope) => findSheet(scope.model, key)));
  }

  getItemOrNullObject(key: string): Worksheet {
    return this.spawn('method', 'getItemOrNullObject', [key], 'Worksheet', true, (init) => new Worksheet(init, (scope) => findSheet(scope.model, key)));
  }

  /** Adds a sheet after all others (not activated); a taken or invalid name fails at the sync. */
  add(name?: string): Worksheet {
    const created: { sheet?: SheetModel } = {};
    this.queueMethod('add', name === undefined ? [] : [name], (model) => {
      model.assertStructureUnprotected(this.location('add'));
      created.sheet = model.addSheet(name, this.location('add'));
    });
    return this.spawn('method', 'add', name === undefined ? [] : [name], 'Worksheet', false, (init) => new Worksheet(init, () => created.sheet ?? null));
  }

  getActiveWorksheet(): Worksheet {
    return this.spawn('method', 'getActiveWorksheet', [], 'Worksheet', false, (init) => new Worksheet(init, (scope) => scope.model.activeSheet));
  }
}

function findSheet(model: WorkbookModel, key: unknown): SheetModel | null {
  if (typeof key !== 'string') throw invalidArgument(`${JSON.stringify(key)} is not a sheet name`, 'WorksheetCollection.getItem');
  return model.findSheet(key) ?? null;
}
