// Range: an A1 rectangle of one sheet. Its values, formulas, value types and number formats; its
// position and size; the ranges reached from it (cells, resized, offset); select(). Also how an
// address or a name's formula becomes a range.

import { Rect, formatAddress, parseA1, rectWithinGrid, splitSheetReference } from '../address';
import { cellCount, matrix, readFormula, readNumberFormat, readValue, readValueType, writeInputs, writeNumberFormats } from '../cells';
import { ClientObjectBase, ClientResult, EntityObject, ExecScope, ObjectInit, Readers } from '../client-object';
import { documentedError, invalidArgument, notImplemented } from '../errors';
import { requireApi } from '../office';
import type { Scalar, SheetModel, ValueType, WorkbookModel } from '../model';
import { DataValidation } from './data-validation';
import { RangeAreas } from './range-areas';
import { RangeFormat } from './range-format';
import { Worksheet } from './worksheet';

export interface RangeEntity {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

const MAX_ADDRESS_LENGTH = 8192;

/** The range a workbook name refers to ("='My sheet'!$C$5"), or null when it is not a plain range. */
export function rangeOfFormula(model: WorkbookModel, formula: string): RangeEntity | null {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const { sheet, address } = splitSheetReference(body);
  if (sheet === undefined) return null;
  const found = model.findSheet(sheet);
  const rect = parseA1(address);
  return found && rect ? { sheet: found, rect } : null;
}

/** An address given to worksheet.getRange: A1 ("B3", "A1:D5", "A:C"), optionally naming this sheet, or a workbook name. */
export function resolveAddress(model: WorkbookModel, sheet: SheetModel, address: unknown, location: string): Rect {
  if (typeof address !== 'string' || address.length === 0 || address.length > MAX_ADDRESS_LENGTH) {
    throw invalidArgument(`${JSON.stringify(address)} is not an address`, location);
  }
  const { sheet: named, address: local } = splitSheetReference(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw invalidArgument(`'${address}' is on another sheet than '${sheet.name}'`, location);
  }
  const rect = parseA1(local);
  if (rect) return rect;
  const name = named === undefined ? model.findName(address) : undefined;
  const target = name ? rangeOfFormula(model, name.formula) : null;
  if (target && target.sheet === sheet) return target.rect;
  throw invalidArgument(`'${address}' is not a valid address on '${sheet.name}'`, location);
}

function guardCells(rect: Rect, scope: ExecScope): void {
  scope.guardResponse(cellCount(rect) * 3); // at least `"",` per cell
}

interface RangeScalars {
  address: string;
  values: Scalar[][];
  formulas: Scalar[][];
  valueTypes: ValueType[][];
  numberFormat: string[][];
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  rowHidden: boolean | null;
}

/** What `getRowProperties` returns for one row, of what the fake models. */
export interface RowPropertiesValue {
  rowHidden?: boolean;
  rowIndex?: number;
}

const ROW_PROPERTIES = ['rowHidden', 'rowIndex'] as const;

const rangeReaders: Readers<RangeEntity, RangeScalars> = {
  address: (e) => formatAddress(e.sheet.name, e.rect),
  values: (e, scope) => {
    guardCells(e.rect, scope);
    return matrix(e.rect, (r, c) => readValue(e.sheet, r, c, scope.options.evaluate));
  },
  formulas: (e, scope) => {
    guardCells(e.rect, scope);
    return matrix(e.rect, (r, c) => readFormula(e.sheet, r, c));
  },
  valueTypes: (e, scope) => {
    guardCells(e.rect, scope);
    return matrix(e.rect, (r, c) => readValueType(e.sheet, r, c, scope.options.evaluate));
  },
  numberFormat: (e, scope) => {
    guardCells(e.rect, scope);
    return matrix(e.rect, (r, c) => readNumberFormat(e.sheet, r, c));
  },
  rowIndex: (e) => e.rect.row,
  columnIndex: (e) => e.rect.column,
  rowCount: (e) => e.rect.rowCount,
  columnCount: (e) => e.rect.columnCount,
  // Excel.Range.rowHidden: true when every row is hidden, false when none is, null when some are.
  rowHidden: (e) => {
    const hidden = e.sheet.hiddenRowCount(e.rect.row, e.rect.rowCount);
    return hidden === 0 ? false : hidden === e.rect.rowCount ? true : null;
  },
};

/** The properties a load of a Range can ask for. */
export const RANGE_SCALARS: readonly string[] = Object.keys(rangeReaders);

/** Range.getMergedAreasOrNullObject fails to return more merged blocks than this (its documentation). */
export const MAX_MERGED_AREAS = 512;

function meets(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

/** The cells two rectangles share, or null when they share none. */
function intersection(a: Rect, b: Rect): Rect | null {
  if (!meets(a, b)) return null;
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  return { row, column, rowCount: Math.min(a.row + a.rowCount, b.row + b.rowCount) - row, columnCount: Math.min(a.column + a.columnCount, b.column + b.columnCount) - column };
}

/** The properties asked of `getRowProperties`: of the RowPropertiesLoadOptions, `rowHidden` and `rowIndex` are modelled. */
function rowPropertiesAsked(options: unknown, location: string): (typeof ROW_PROPERTIES)[number][] {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalidArgument('getRowProperties takes a RowPropertiesLoadOptions object', location);
  const asked: (typeof ROW_PROPERTIES)[number][] = [];
  for (const [name, value] of Object.entries(options)) {
    const known = ROW_PROPERTIES.find((p) => p === name);
    if (!known) throw notImplemented(`Range.getRowProperties({ ${name} })`);
    if (typeof value !== 'boolean') throw invalidArgument(`${name} must be true or false`, location);
    if (value) asked.push(known);
  }
  return asked;
}

function integerArg(value: unknown, location: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidArgument(`${JSON.stringify(value)} is not an integer`, location);
  return value;
}

function withinGrid(rect: Rect, location: string): Rect {
  if (!rectWithinGrid(rect)) throw invalidArgument('the resulting range would fall outside the worksheet grid', location);
  return rect;
}

export class Range extends EntityObject<RangeEntity, RangeScalars> {
  private readonly nav: { worksheet?: Worksheet; format?: RangeFormat; dataValidation?: DataValidation } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => RangeEntity | null) {
    super(init, locator, rangeReaders);
  }

  protected override alive(e: RangeEntity): boolean {
    return !e.sheet.deleted;
  }

  get address(): string {
    return this.get('address');
  }
  get values(): Scalar[][] {
    return this.get('values');
  }
  set values(v: unknown) {
    this.queueSet('values', v, (e, value, scope) => writeInputs(e.sheet, e.rect, value, this.location('values'), scope.options.dateOrder, scope.calculationSuspended));
  }
  get formulas(): Scalar[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown) {
    this.queueSet('formulas', v, (e, value, scope) => writeInputs(e.sheet, e.rect, value, this.location('formulas'), scope.options.dateOrder, scope.calculationSuspended));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown) {
    this.queueSet('numberFormat', v, (e, value) => writeNumberFormats(e.sheet, e.rect, value, this.location('numberFormat')));
  }
  get valueTypes(): ValueType[][] {
    return this.get('valueTypes');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }

  /** True when every row of the range is hidden, false when none is, null when some are (Excel.Range.rowHidden). */
  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }
  /** Hiding rows from the add-in is not modelled (Excel allows it). */
  set rowHidden(_v: unknown) {
    throw notImplemented('setting Range.rowHidden');
  }

  /**
   * One item per row of the range, in order, with the properties asked for (ExcelApi 1.9):
   * `rowHidden` (a row hidden by hand, by a filter or in a collapsed outline) and `rowIndex`
   * (zero-based, in the sheet). A ClientResult: its `value` reads after the sync.
   */
  getRowProperties(options: unknown): ClientResult<RowPropertiesValue[]> {
    const location = this.location('getRowProperties');
    const asked = rowPropertiesAsked(options, location);
    return this.queueQuery('getRowProperties', [options], (e, scope) => {
      scope.guardResponse(e.rect.rowCount * 2); // at least `{},` a row
      return Array.from({ length: e.rect.rowCount }, (_, i) => {
        const row = e.rect.row + i;
        const item: RowPropertiesValue = {};
        if (asked.includes('rowHidden')) item.rowHidden = e.sheet.hiddenRows.has(row);
        if (asked.includes('rowIndex')) item.rowIndex = row;
        return item;
      });
    });
  }

  /**
   * The merged blocks that meet the range, whole, as a RangeAreas (ExcelApi 1.13); a null object
   * when none does. The request fails (GeneralException) when more than 512 blocks meet it, and
   * fails with ApiNotFound on an Excel older than 1.13.
   */
  getMergedAreasOrNullObject(): RangeAreas {
    const location = this.location('getMergedAreasOrNullObject');
    return this.spawn('method', 'getMergedAreasOrNullObject', [], 'RangeAreas', true, (init) => new RangeAreas(init, (scope) => {
      requireApi(scope.options, '1.13', location);
      const e = this.live(scope);
      const rects = e.sheet.mergedAreas.filter((m) => meets(m, e.rect));
      if (rects.length > MAX_MERGED_AREAS) throw documentedError('GeneralException', location);
      return rects.length === 0 ? null : { sheet: e.sheet, rects };
    }));
  }

  /**
   * The rectangle this range and `anotherRange` (a Range, or an address on this range's sheet) have
   * in common (ExcelApi 1.4); a null object when they have none. Only its loaded properties are
   * read back: finding it reads no cells. A range on another sheet is refused (InvalidArgument).
   */
  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    const location = this.location('getIntersectionOrNullObject');
    if (anotherRange instanceof Range) this.sameContext(anotherRange, 'getIntersectionOrNullObject');
    return this.spawn('method', 'getIntersectionOrNullObject', [anotherRange], 'Range', true, (init) => new Range(init, (scope) => {
      requireApi(scope.options, '1.4', location);
      const e = this.live(scope);
      const other = anotherRange instanceof Range ? anotherRange.live(scope) : { sheet: e.sheet, rect: resolveAddress(scope.model, e.sheet, anotherRange, location) };
      if (other.sheet !== e.sheet) throw invalidArgument(`the ranges are on different sheets ('${e.sheet.name}' and '${other.sheet.name}')`, location);
      const rect = intersection(e.rect, other.rect);
      return rect ? { sheet: e.sheet, rect } : null;
    }));
  }

  get worksheet(): Worksheet {
    this.nav.worksheet ??= this.spawn('property', 'worksheet', [], 'Worksheet', false, (init) => new Worksheet(init, (scope) => this.live(scope).sheet));
    return this.nav.worksheet;
  }

  get format(): RangeFormat {
    this.nav.format ??= this.spawn('property', 'format', [], 'RangeFormat', false, (init) => new RangeFormat(init, (scope) => this.live(scope)));
    return this.nav.format;
  }

  get dataValidation(): DataValidation {
    this.nav.dataValidation ??= this.spawn('property', 'dataValidation', [], 'DataValidation', false, (init) => new DataValidation(init, (scope) => this.live(scope)));
    return this.nav.dataValidation;
  }

  protected override navigation(name: string): ClientObjectBase | undefined {
    if (name === 'worksheet') return this.worksheet;
    if (name === 'format') return this.format;
    if (name === 'dataValidation') return this.dataValidation;
    return undefined;
  }

  /** Select the range (its sheet becomes the active one). */
  select(): void {
    this.queueMethod('select', [], (e, scope) => {
      scope.model.activeSheet = e.sheet;
      e.sheet.selection = e.rect;
    });
  }

  /** One cell, counted from this range's top-left (it may lie outside the range). */
  getCell(row: number, column: number): Range {
    const location = this.location('getCell');
    return this.spawn('method', 'getCell', [row, column], 'Range', false, (init) => new Range(init, (scope) => {
      const e = this.live(scope);
      const rect = { row: e.rect.row + integerArg(row, location), column: e.rect.column + integerArg(column, location), rowCount: 1, columnCount: 1 };
      return { sheet: e.sheet, rect: withinGrid(rect, location) };
    }));
  }

  /** The same top-left, with rows and columns added (or removed, with negative deltas). */
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    const location = this.location('getResizedRange');
    return this.spawn('method', 'getResizedRange', [deltaRows, deltaColumns], 'Range', false, (init) => new Range(init, (scope) => {
      const e = this.live(scope);
      const rect = { ...e.rect, rowCount: e.rect.rowCount + integerArg(deltaRows, location), columnCount: e.rect.columnCount + integerArg(deltaColumns, location) };
      return { sheet: e.sheet, rect: withinGrid(rect, location) };
    }));
  }

  /** The same size, moved by rows and columns. */
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    const location = this.location('getOffsetRange');
    return this.spawn('method', 'getOffsetRange', [rowOffset, columnOffset], 'Range', false, (init) => new Range(init, (scope) => {
      const e = this.live(scope);
      const rect = { ...e.rect, row: e.rect.row + integerArg(rowOffset, location), column: e.rect.column + integerArg(columnOffset, location) };
      return { sheet: e.sheet, rect: withinGrid(rect, location) };
    }));
  }
}
