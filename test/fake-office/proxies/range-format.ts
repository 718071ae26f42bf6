// A range's format (range.format) and what hangs from it: alignment, wrap, column width and row height; the
// font; the fill; the borders of its four edges. Each reads one value the range's cells share, or
// null when they differ.

import type { Rect } from '../address';
import { forEachCell, uniform } from '../cells';
import { ClientObjectBase, EntityObject, ExecScope, ObjectInit, Readers } from '../client-object';
import { notImplemented } from '../errors';
import { BorderStyle, DEFAULTS, EDGES, Edge, SheetModel } from '../model';
import { bool, colour, numberIn, oneOf, text } from '../validate';
import type { RangeEntity } from './range';

interface FormatScalars {
  horizontalAlignment: string | null;
  verticalAlignment: string | null;
  wrapText: boolean | null;
  columnWidth: number | null;
  rowHeight: number | null;
}

const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;

function columnWidthOf(sheet: SheetModel, column: number): number {
  return sheet.columnWidths.get(column) ?? DEFAULTS.columnWidth;
}
function rowHeightOf(sheet: SheetModel, row: number): number {
  return sheet.rowHeights.get(row) ?? DEFAULTS.rowHeight;
}
/** Excel's tallest row, in points. */
const TALLEST_ROW = 409;

const formatReaders: Readers<RangeEntity, FormatScalars> = {
  horizontalAlignment: (e) => uniform(e.rect, 'horizontalAlignment', (r, c) => e.sheet.cell(r, c)?.horizontalAlignment ?? DEFAULTS.horizontalAlignment),
  verticalAlignment: (e) => uniform(e.rect, 'verticalAlignment', (r, c) => e.sheet.cell(r, c)?.verticalAlignment ?? DEFAULTS.verticalAlignment),
  wrapText: (e) => uniform(e.rect, 'wrapText', (r, c) => e.sheet.cell(r, c)?.wrapText ?? false),
  columnWidth: (e) => {
    const first = columnWidthOf(e.sheet, e.rect.column);
    for (let c = e.rect.column; c < e.rect.column + e.rect.columnCount; c += 1) if (columnWidthOf(e.sheet, c) !== first) return null;
    return first;
  },
  rowHeight: (e) => {
    const first = rowHeightOf(e.sheet, e.rect.row);
    for (let r = e.rect.row; r < e.rect.row + e.rect.rowCount; r += 1) if (rowHeightOf(e.sheet, r) !== first) return null;
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

  /** Points; set on a range, it applies to every row the range spans (null when they differ). */
  get rowHeight(): number | null {
    return this.get('rowHeight');
  }
  set rowHeight(v: unknown) {
    this.queueSet('rowHeight', v, (e, value) => {
      const height = numberIn(value, 0, TALLEST_ROW, this.location('rowHeight'));
      for (let r = e.rect.row; r < e.rect.row + e.rect.rowCount; r += 1) e.sheet.rowHeights.set(r, height);
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
