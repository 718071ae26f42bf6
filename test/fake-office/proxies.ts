// The Excel object model as proxies: Workbook, Worksheet(s), Range, its format, names.
// Only the members listed in this file exist; anything else throws "not implemented in the fake".

import {
  MAX_COLUMNS, MAX_ROWS, Rect, formatAddress, parseA1, rectWithinGrid, splitSheetReference,
} from './address';
import {
  cellCount, forEachCell, matrix, readFormula, readNumberFormat, readValue, readValueType, uniform, writeInputs, writeNumberFormats,
} from './cells';
import {
  ClientObjectBase, CollectionObject, EntityObject, ExecScope, ObjectInit, Readers,
} from './client-object';
import { invalidArgument, invalidOperation, notImplemented } from './errors';
import {
  BorderStyle, CellValidation, DEFAULTS, EDGES, Edge, ErrorAlert, ListValidationRule, NameModel, PageZoom, Scalar, SheetModel, ValueType,
  WorkbookModel,
} from './model';
import { bool, colour, numberIn, oneOf, record, text } from './validate';

export interface RangeEntity {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

const WHOLE_SHEET: Rect = { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };
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
function resolveAddress(model: WorkbookModel, sheet: SheetModel, address: unknown, location: string): Rect {
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

// ---------------------------------------------------------------- Range

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
}

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
};

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
    this.queueSet('values', v, (e, value, scope) => writeInputs(e.sheet, e.rect, value, this.location('values'), scope.options.dateOrder));
  }
  get formulas(): Scalar[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown) {
    this.queueSet('formulas', v, (e, value, scope) => writeInputs(e.sheet, e.rect, value, this.location('formulas'), scope.options.dateOrder));
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

// ---------------------------------------------------------------- Range format

interface FormatScalars {
  horizontalAlignment: string | null;
  verticalAlignment: string | null;
  wrapText: boolean | null;
  columnWidth: number | null;
}

const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;

function columnWidthOf(sheet: SheetModel, column: number): number {
  return sheet.columnWidths.get(column) ?? DEFAULTS.columnWidth;
}

const formatReaders: Readers<RangeEntity, FormatScalars> = {
  horizontalAlignment: (e) => uniform(e.rect, 'horizontalAlignment', (r, c) => e.sheet.cell(r, c)?.horizontalAlignment ?? DEFAULTS.horizontalAlignment),
  verticalAlignment: (e) => uniform(e.rect, 'verticalAlignment', (r, c) => e.sheet.cell(r, c)?.verticalAlignment ?? DEFAULTS.verticalAlignment),
  wrapText: (e) => uniform(e.rect, 'wrapText', (r, c) => e.sheet.cell(r, c)?.wrapText ?? false),
  columnWidth: (e) => {
    const first = columnWidthOf(e.sheet, e.rect.column);
    for (let c = e.rect.column; c < e.rect.column + e.rect.columnCount; c += 1) if (columnWidthOf(e.sheet, c) !== first) return null;
    return first;
  },
};

export class RangeFormat extends EntityObject<RangeEntity, FormatScalars> {
  private readonly nav: { font?: RangeFont; fill?: RangeFill; borders?: RangeBorderCollection } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => RangeEntity | null) {
    super(init, locator, formatReaders);
  }

  protected override alive(e: RangeEntity): boolean {
    return !e.sheet.deleted;
  }

  get horizontalAlignment(): string | null {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: unknown) {
    this.queueSet('horizontalAlignment', v, (e, value) => {
      const a = oneOf(value, HORIZONTAL, this.location('horizontalAlignment'));
      forEachCell(e.rect, 'horizontalAlignment', (r, c) => e.sheet.edit(r, c, (cell) => {
        cell.horizontalAlignment = a === DEFAULTS.horizontalAlignment ? undefined : a;
      }));
    });
  }
  get verticalAlignment(): string | null {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: unknown) {
    this.queueSet('verticalAlignment', v, (e, value) => {
      const a = oneOf(value, VERTICAL, this.location('verticalAlignment'));
      forEachCell(e.rect, 'verticalAlignment', (r, c) => e.sheet.edit(r, c, (cell) => {
        cell.verticalAlignment = a === DEFAULTS.verticalAlignment ? undefined : a;
      }));
    });
  }
  get wrapText(): boolean | null {
    return this.get('wrapText');
  }
  set wrapText(v: unknown) {
    this.queueSet('wrapText', v, (e, value) => {
      const w = bool(value, this.location('wrapText'));
      forEachCell(e.rect, 'wrapText', (r, c) => e.sheet.edit(r, c, (cell) => {
        cell.wrapText = w ? true : undefined;
      }));
    });
  }
  /** Points; set on a range, it applies to every column the range spans. */
  get columnWidth(): number | null {
    return this.get('columnWidth');
  }
  set columnWidth(v: unknown) {
    this.queueSet('columnWidth', v, (e, value) => {
      const width = numberIn(value, 0, 1_800, this.location('columnWidth'));
      for (let c = e.rect.column; c < e.rect.column + e.rect.columnCount; c += 1) e.sheet.columnWidths.set(c, width);
    });
  }

  get font(): RangeFont {
    this.nav.font ??= this.spawn('property', 'font', [], 'RangeFont', false, (init) => new RangeFont(init, (scope) => this.live(scope)));
    return this.nav.font;
  }
  get fill(): RangeFill {
    this.nav.fill ??= this.spawn('property', 'fill', [], 'RangeFill', false, (init) => new RangeFill(init, (scope) => this.live(scope)));
    return this.nav.fill;
  }
  get borders(): RangeBorderCollection {
    this.nav.borders ??= this.spawn('property', 'borders', [], 'RangeBorderCollection', false, (init) => new RangeBorderCollection(init, (scope) => this.live(scope)));
    return this.nav.borders;
  }

  protected override navigation(name: string): ClientObjectBase | undefined {
    if (name === 'font') return this.font;
    if (name === 'fill') return this.fill;
    return undefined;
  }
}

interface FontScalars {
  name: string | null;
  size: number | null;
  bold: boolean | null;
  italic: boolean | null;
  color: string | null;
}

const fontReaders: Readers<RangeEntity, FontScalars> = {
  name: (e) => uniform(e.rect, 'font.name', (r, c) => e.sheet.cell(r, c)?.font?.name ?? DEFAULTS.fontName),
  size: (e) => uniform(e.rect, 'font.size', (r, c) => e.sheet.cell(r, c)?.font?.size ?? DEFAULTS.fontSize),
  bold: (e) => uniform(e.rect, 'font.bold', (r, c) => e.sheet.cell(r, c)?.font?.bold ?? false),
  italic: (e) => uniform(e.rect, 'font.italic', (r, c) => e.sheet.cell(r, c)?.font?.italic ?? false),
  color: (e) => uniform(e.rect, 'font.color', (r, c) => e.sheet.cell(r, c)?.font?.color ?? DEFAULTS.fontColor),
};

export class RangeFont extends EntityObject<RangeEntity, FontScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => RangeEntity | null) {
    super(init, locator, fontReaders);
  }

  protected override alive(e: RangeEntity): boolean {
    return !e.sheet.deleted;
  }

  private setFont<K extends keyof FontScalars & string>(name: K, v: unknown, check: (value: unknown, location: string) => NonNullable<FontScalars[K]>, isDefault: (x: NonNullable<FontScalars[K]>) => boolean): void {
    this.queueSet(name, v, (e, value) => {
      const checked = check(value, this.location(name));
      forEachCell(e.rect, `font.${name}`, (r, c) => e.sheet.edit(r, c, (cell) => {
        const font = { ...cell.font, [name]: isDefault(checked) ? undefined : checked };
        const kept = Object.fromEntries(Object.entries(font).filter(([, x]) => x !== undefined));
        cell.font = Object.keys(kept).length === 0 ? undefined : kept;
      }));
    });
  }

  get name(): string | null {
    return this.get('name');
  }
  set name(v: unknown) {
    this.setFont('name', v, (x, l) => text(x, l, { nonEmpty: true, max: 255 }), (x) => x === DEFAULTS.fontName);
  }
  get size(): number | null {
    return this.get('size');
  }
  set size(v: unknown) {
    this.setFont('size', v, (x, l) => numberIn(x, 1, 409, l), (x) => x === DEFAULTS.fontSize);
  }
  get bold(): boolean | null {
    return this.get('bold');
  }
  set bold(v: unknown) {
    this.setFont('bold', v, bool, (x) => !x);
  }
  get italic(): boolean | null {
    return this.get('italic');
  }
  set italic(v: unknown) {
    this.setFont('italic', v, bool, (x) => !x);
  }
  get color(): string | null {
    return this.get('color');
  }
  set color(v: unknown) {
    this.setFont('color', v, colour, (x) => x === DEFAULTS.fontColor);
  }
}

interface FillScalars {
  color: string | null;
}

export class RangeFill extends EntityObject<RangeEntity, FillScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => RangeEntity | null) {
    super(init, locator, { color: (e) => uniform(e.rect, 'fill.color', (r, c) => e.sheet.cell(r, c)?.fillColor ?? DEFAULTS.fillColor) });
  }

  protected override alive(e: RangeEntity): boolean {
    return !e.sheet.deleted;
  }

  get color(): string | null {
    return this.get('color');
  }
  set color(v: unknown) {
    this.queueSet('color', v, (e, value) => {
      const fill = colour(value, this.location('color'));
      forEachCell(e.rect, 'fill.color', (r, c) => e.sheet.edit(r, c, (cell) => {
        cell.fillColor = fill;
      }));
    });
  }

  /** No fill. */
  clear(): void {
    this.queueMethod('clear', [], (e) => {
      forEachCell(e.rect, 'fill.clear()', (r, c) => e.sheet.edit(r, c, (cell) => {
        cell.fillColor = undefined;
      }));
    });
  }
}

const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'] as const;
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;

interface BorderEntity {
  readonly range: RangeEntity;
  readonly edge: Edge;
}

/** The cells along one edge of a range. */
function edgeRect(rect: Rect, edge: Edge): Rect {
  switch (edge) {
    case 'EdgeTop':
      return { ...rect, rowCount: 1 };
    case 'EdgeBottom':
      return { ...rect, row: rect.row + rect.rowCount - 1, rowCount: 1 };
    case 'EdgeLeft':
      return { ...rect, columnCount: 1 };
    case 'EdgeRight':
      return { ...rect, column: rect.column + rect.columnCount - 1, columnCount: 1 };
  }
}

export class RangeBorderCollection extends EntityObject<RangeEntity, Record<string, never>> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => RangeEntity | null) {
    super(init, locator, {});
  }

  /** 'EdgeTop', 'EdgeBottom', 'EdgeLeft' or 'EdgeRight'. */
  getItem(index: string): RangeBorder {
    if (['InsideHorizontal', 'InsideVertical', 'DiagonalDown', 'DiagonalUp'].includes(index)) throw notImplemented(`RangeBorderCollection.getItem('${index}')`);
    const location = this.location('getItem');
    return this.spawn('method', 'getItem', [index], 'RangeBorder', false, (init) => new RangeBorder(init, (scope) => ({ range: this.live(scope), edge: oneOf(index, EDGES, location) })));
  }
}

interface BorderScalars {
  style: string | null;
  weight: string | null;
}

function borderOf(e: BorderEntity, r: number, c: number): BorderStyle | undefined {
  return e.range.sheet.cell(r, c)?.borders?.[e.edge];
}

const borderReaders: Readers<BorderEntity, BorderScalars> = {
  style: (e) => uniform(edgeRect(e.range.rect, e.edge), 'border style', (r, c) => borderOf(e, r, c)?.style ?? 'None'),
  weight: (e) => uniform(edgeRect(e.range.rect, e.edge), 'border weight', (r, c) => borderOf(e, r, c)?.weight ?? 'Thin'),
};

export class RangeBorder extends EntityObject<BorderEntity, BorderScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => BorderEntity | null) {
    super(init, locator, borderReaders);
  }

  protected override alive(e: BorderEntity): boolean {
    return !e.range.sheet.deleted;
  }

  private setBorder(name: 'style' | 'weight', v: unknown, check: (value: unknown, location: string) => string): void {
    this.queueSet(name, v, (e, value) => {
      const checked = check(value, this.location(name));
      forEachCell(edgeRect(e.range.rect, e.edge), `border ${name}`, (r, c) => e.range.sheet.edit(r, c, (cell) => {
        const borders = { ...cell.borders };
        if (name === 'style' && checked === 'None') delete borders[e.edge];
        else borders[e.edge] = { ...borders[e.edge], [name]: checked };
        cell.borders = Object.keys(borders).length === 0 ? undefined : borders;
      }));
    });
  }

  get style(): string | null {
    return this.get('style');
  }
  set style(v: unknown) {
    this.setBorder('style', v, (x, l) => oneOf(x, BORDER_STYLES, l));
  }
  get weight(): string | null {
    return this.get('weight');
  }
  set weight(v: unknown) {
    this.setBorder('weight', v, (x, l) => oneOf(x, BORDER_WEIGHTS, l));
  }
}

// ---------------------------------------------------------------- Data validation

interface ValidationScalars {
  rule: ListValidationRule | null;
  errorAlert: ErrorAlert | null;
}

const DEFAULT_ALERT: ErrorAlert = { showAlert: true, style: 'Stop', title: '', message: '' };
const MAX_LIST_SOURCE = 255;

export class DataValidation extends EntityObject<RangeEntity, ValidationScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => RangeEntity | null) {
    super(init, locator, {
      rule: (e) => uniform(e.rect, 'dataValidation.rule', (r, c) => e.sheet.cell(r, c)?.validation?.rule ?? null),
      errorAlert: (e) => uniform(e.rect, 'dataValidation.errorAlert', (r, c) => {
        const v = e.sheet.cell(r, c)?.validation;
        return v ? (v.errorAlert ?? DEFAULT_ALERT) : null;
      }),
    });
  }

  protected override alive(e: RangeEntity): boolean {
    return !e.sheet.deleted;
  }

  private edit(e: RangeEntity, change: (v: CellValidation) => void): void {
    forEachCell(e.rect, 'dataValidation', (r, c) => e.sheet.edit(r, c, (cell) => {
      const v = { ...cell.validation };
      change(v);
      cell.validation = v.rule === undefined && v.errorAlert === undefined ? undefined : v;
    }));
  }

  /** Only `{ list: { inCellDropDown, source } }` is modelled; `source` is "a,b,c", "=$A$1:$A$4" or a Range. */
  get rule(): ListValidationRule | null {
    return this.get('rule');
  }
  set rule(v: unknown) {
    const location = this.location('rule');
    this.queueSet('rule', v, (e, value, scope) => {
      const rec = record(value, ['list', 'custom', 'date', 'decimal', 'textLength', 'time', 'wholeNumber'], location);
      const kinds = Object.keys(rec);
      if (kinds.length !== 1) throw invalidArgument('a data validation rule has exactly one kind', location);
      if (kinds[0] !== 'list') throw notImplemented(`DataValidation.rule = { ${kinds[0]}: ... }`);
      const list = record(rec.list, ['inCellDropDown', 'source'], location);
      const inCellDropDown = list.inCellDropDown === undefined ? true : bool(list.inCellDropDown, location);
      let source: string;
      if (list.source instanceof Range) {
        const target = list.source.live(scope);
        source = `=${formatAddress(target.sheet.name, target.rect, true)}`;
      } else {
        source = text(list.source, location, { nonEmpty: true });
        if (!source.startsWith('=') && source.length > MAX_LIST_SOURCE) {
          throw invalidArgument(`a list of allowed values is at most ${MAX_LIST_SOURCE} characters (this one is ${source.length})`, location);
        }
      }
      const rule: ListValidationRule = { list: { inCellDropDown, source } };
      this.edit(e, (cv) => {
        cv.rule = rule;
      });
    });
  }

  get errorAlert(): ErrorAlert | null {
    return this.get('errorAlert');
  }
  set errorAlert(v: unknown) {
    const location = this.location('errorAlert');
    this.queueSet('errorAlert', v, (e, value) => {
      const rec = record(value, ['showAlert', 'style', 'title', 'message'], location);
      const alert: ErrorAlert = {
        showAlert: rec.showAlert === undefined ? DEFAULT_ALERT.showAlert : bool(rec.showAlert, location),
        style: rec.style === undefined ? DEFAULT_ALERT.style : oneOf(rec.style, ['Stop', 'Warning', 'Information'] as const, location),
        title: rec.title === undefined ? '' : text(rec.title, location, { max: 32 }),
        message: rec.message === undefined ? '' : text(rec.message, location, { max: 225 }),
      };
      this.edit(e, (cv) => {
        cv.errorAlert = alert;
      });
    });
  }
}

// ---------------------------------------------------------------- Worksheet

interface WorksheetScalars {
  name: string;
  position: number;
  tabColor: string;
}

const worksheetReaders: Readers<SheetModel, WorksheetScalars> = {
  name: (s) => s.name,
  position: (s, scope) => scope.model.sheets.indexOf(s),
  tabColor: (s) => s.tabColor,
};

export class Worksheet extends EntityObject<SheetModel, WorksheetScalars> {
  private readonly nav: { freezePanes?: WorksheetFreezePanes; pageLayout?: PageLayout } = {};

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
    this.queueSet('name', v, (s, value, scope) => scope.model.renameSheet(s, value, this.location('name')));
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: unknown) {
    this.queueSet('position', v, (s, value, scope) => scope.model.moveSheet(s, value, this.location('position')));
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(v: unknown) {
    this.queueSet('tabColor', v, (s, value) => {
      s.tabColor = value === '' ? '' : colour(value, this.location('tabColor'));
    });
  }

  get freezePanes(): WorksheetFreezePanes {
    this.nav.freezePanes ??= this.spawn('property', 'freezePanes', [], 'WorksheetFreezePanes', false, (init) => new WorksheetFreezePanes(init, (scope) => this.live(scope)));
    return this.nav.freezePanes;
  }

  get pageLayout(): PageLayout {
    this.nav.pageLayout ??= this.spawn('property', 'pageLayout', [], 'PageLayout', false, (init) => new PageLayout(init, (scope) => this.live(scope)));
    return this.nav.pageLayout;
  }

  protected override navigation(name: string): ClientObjectBase | undefined {
    return name === 'pageLayout' ? this.pageLayout : undefined;
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

  delete(): void {
    this.queueMethod('delete', [], (s, scope) => scope.model.deleteSheet(s, this.location('delete')));
  }

  activate(): void {
    this.queueMethod('activate', [], (s, scope) => {
      scope.model.activeSheet = s;
    });
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

interface PageLayoutScalars {
  orientation: 'Portrait' | 'Landscape';
  zoom: PageZoom;
}

export class PageLayout extends EntityObject<SheetModel, PageLayoutScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, { orientation: (s) => s.orientation, zoom: (s) => ({ ...s.zoom }) });
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  get orientation(): 'Portrait' | 'Landscape' {
    return this.get('orientation');
  }
  set orientation(v: unknown) {
    this.queueSet('orientation', v, (s, value) => {
      s.orientation = oneOf(value, ['Portrait', 'Landscape'] as const, this.location('orientation'));
    });
  }
  /** `{ scale }` (10–400) or `{ horizontalFitToPages, verticalFitToPages }` (0 = automatic). */
  get zoom(): PageZoom {
    return this.get('zoom');
  }
  set zoom(v: unknown) {
    this.queueSet('zoom', v, (s, value) => {
      const location = this.location('zoom');
      const rec = record(value, ['scale', 'horizontalFitToPages', 'verticalFitToPages'], location);
      const zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } = {};
      if (rec.scale !== undefined) zoom.scale = numberIn(rec.scale, 10, 400, location, true);
      if (rec.horizontalFitToPages !== undefined) zoom.horizontalFitToPages = numberIn(rec.horizontalFitToPages, 0, 32_767, location, true);
      if (rec.verticalFitToPages !== undefined) zoom.verticalFitToPages = numberIn(rec.verticalFitToPages, 0, 32_767, location, true);
      if (Object.keys(zoom).length === 0) throw invalidArgument('zoom needs scale or fit-to-pages', location);
      if (zoom.scale !== undefined && Object.keys(zoom).length > 1) throw invalidArgument('zoom is either a scale or fit-to-pages, not both', location);
      s.zoom = zoom;
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

// ---------------------------------------------------------------- Names

interface NamedItemScalars {
  name: string;
  formula: string;
  visible: boolean;
  type: string;
  value: Scalar;
}

function nameKind(model: WorkbookModel, formula: string): { type: string; value: Scalar } {
  const target = rangeOfFormula(model, formula);
  if (target) return { type: 'Range', value: formula.slice(1) };
  const body = formula.slice(1);
  if (body.includes('#REF!')) return { type: 'Error', value: '#REF!' };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: 'Boolean', value: body.toUpperCase() === 'TRUE' };
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(body)) return { type: 'Double', value: Number(body) };
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return { type: 'String', value: str[1].replace(/""/g, '"') };
  throw notImplemented(`NamedItem.type/value of a name computed by a formula (${formula})`);
}

const namedItemReaders: Readers<NameModel, NamedItemScalars> = {
  name: (n) => n.name,
  formula: (n) => n.formula,
  visible: (n) => n.visible,
  type: (n, scope) => nameKind(scope.model, n.formula).type,
  value: (n, scope) => nameKind(scope.model, n.formula).value,
};

function referenceFormula(reference: unknown, scope: ExecScope, location: string): string {
  if (reference instanceof Range) {
    const target = reference.live(scope);
    return `=${formatAddress(target.sheet.name, target.rect, true)}`;
  }
  const formula = text(reference, location, { nonEmpty: true });
  return formula.startsWith('=') ? formula : `=${formula}`;
}

export class NamedItem extends EntityObject<NameModel, NamedItemScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => NameModel | null) {
    super(init, locator, namedItemReaders);
  }

  protected override alive(n: NameModel): boolean {
    return !n.deleted;
  }

  get name(): string {
    return this.get('name');
  }
  /** e.g. "='VfM Scenarios'!$C$5". */
  get formula(): string {
    return this.get('formula');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: unknown) {
    this.queueSet('visible', v, (n, value) => {
      n.visible = bool(value, this.location('visible'));
    });
  }
  get type(): string {
    return this.get('type');
  }
  get value(): Scalar {
    return this.get('value');
  }

  delete(): void {
    this.queueMethod('delete', [], (n, scope) => scope.model.deleteName(n));
  }

  /** The range the name refers to; fails at the sync when it refers to none. */
  getRange(): Range {
    return this.spawn('method', 'getRange', [], 'Range', false, (init) => new Range(init, (scope) => {
      const target = rangeOfFormula(scope.model, this.live(scope).formula);
      if (!target) throw invalidOperation(`the name does not refer to a range`, this.location('getRange'));
      return target;
    }));
  }

  getRangeOrNullObject(): Range {
    return this.spawn('method', 'getRangeOrNullObject', [], 'Range', true, (init) => new Range(init, (scope) => {
      const n = this.resolve(scope);
      return n === null ? null : rangeOfFormula(scope.model, n.formula);
    }));
  }
}

export class NamedItemCollection extends CollectionObject<WorkbookModel, NameModel, NamedItem> {
  protected listItems(model: WorkbookModel): NameModel[] {
    return [...model.names.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }
  protected makeItem(n: NameModel, index: number): NamedItem {
    return this.spawn('item', String(index), [], 'NamedItem', false, (init) => new NamedItem(init, () => n));
  }
  protected itemScalarNames(): readonly string[] {
    return Object.keys(namedItemReaders);
  }

  /** A workbook name for a Range or a formula such as "='VfM Scenarios'!$C$5"; a name's comment is not modelled. */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    if (comment !== undefined) throw notImplemented('NamedItemCollection.add(name, reference, comment): a comment on a name');
    const created: { name?: NameModel } = {};
    const location = this.location('add');
    this.queueMethod('add', [name, reference], (model, scope) => {
      const formula = referenceFormula(reference, scope, location);
      created.name = model.addName(name, formula, location);
    });
    return this.spawn('method', 'add', [name, reference], 'NamedItem', false, (init) => new NamedItem(init, () => created.name ?? null));
  }

  getItem(name: string): NamedItem {
    return this.spawn('method', 'getItem', [name], 'NamedItem', false, (init) => new NamedItem(init, (scope) => scope.model.findName(text(name, this.location('getItem'))) ?? null));
  }

  getItemOrNullObject(name: string): NamedItem {
    return this.spawn('method', 'getItemOrNullObject', [name], 'NamedItem', true, (init) => new NamedItem(init, (scope) => scope.model.findName(text(name, this.location('getItemOrNullObject'))) ?? null));
  }
}

// ---------------------------------------------------------------- Workbook and application

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
