// Charts of a worksheet (worksheet.charts), as much of them as the add-in writes: ChartCollection.add
// (ExcelApi 1.1) from a source range by rows or columns; a chart's title text, legend position and
// setPosition (1.1); its value axis's numberFormat (1.8) and category axis's reversePlotOrder
// (1.7); its series, getItemAt (1.1), add (1.7), and a series' name, setValues and setXAxisValues
// (1.7). Everything is written, not read back: the scalars load as Excel reports them.

import { Rect } from '../address';
import { ClientObjectBase, EntityObject, ExecScope, ObjectInit, Readers } from '../client-object';
import { invalidArgument } from '../errors';
import type { SheetModel } from '../model';
import { oneOf, text } from '../validate';
import { Range, RangeEntity } from './range';

/** The chart types the fake draws (of Excel.ChartType's many). */
export const CHART_TYPES = ['ColumnClustered', 'BarClustered'] as const;
const SERIES_BY = ['Auto', 'Columns', 'Rows'] as const;
const LEGEND_POSITIONS = ['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'] as const;

export interface ChartSeriesModel {
  name: string;
  values?: Rect;
  xValues?: Rect;
}

export interface ChartModel {
  readonly sheet: SheetModel;
  readonly type: (typeof CHART_TYPES)[number];
  title: string;
  legendPosition: string;
  /** The cells the chart covers, as setPosition was given them. */
  position?: { start: string; end: string };
  valueAxisFormat: string;
  categoryAxisReversed: boolean;
  readonly series: ChartSeriesModel[];
}

/** The range argument's cells, which must be on the chart's sheet. */
function rangeOf(value: unknown, chart: { sheet: SheetModel }, scope: ExecScope, location: string): Rect {
  if (!(value instanceof Range)) throw invalidArgument('expects a Range', location);
  const entity: RangeEntity = value.live(scope);
  if (entity.sheet !== chart.sheet) throw invalidArgument('the range is on another sheet than the chart', location);
  return entity.rect;
}

/** A range split into series: a row each, or a column each. */
function seriesOf(rect: Rect, byRows: boolean): ChartSeriesModel[] {
  const count = byRows ? rect.rowCount : rect.columnCount;
  return Array.from({ length: count }, (_, i) => ({
    name: `Series${i + 1}`,
    values: byRows ? { ...rect, row: rect.row + i, rowCount: 1 } : { ...rect, column: rect.column + i, columnCount: 1 },
  }));
}

export class ChartCollection extends EntityObject<SheetModel, Record<string, never>> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, {});
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  add(type: unknown, sourceData: unknown, seriesBy: unknown = 'Auto'): Chart {
    const created: { chart?: ChartModel } = {};
    this.queueMethod('add', [type, sourceData, seriesBy], (sheet, scope) => {
      const location = this.location('add');
      const chartType = oneOf(type, CHART_TYPES, location);
      const by = oneOf(seriesBy, SERIES_BY, location);
      const rect = rangeOf(sourceData, { sheet }, scope, location);
      // Auto: series by columns when the range has at least as many rows as columns, as Excel does.
      const byRows = by === 'Rows' || (by === 'Auto' && rect.columnCount > rect.rowCount);
      const chart: ChartModel = { sheet, type: chartType, title: '', legendPosition: 'Right', valueAxisFormat: 'General', categoryAxisReversed: false, series: seriesOf(rect, byRows) };
      sheet.charts.push(chart);
      created.chart = chart;
    });
    return this.spawn('method', 'add', [type, sourceData, seriesBy], 'Chart', false, (init) => new Chart(init, () => created.chart ?? null));
  }
}

const chartReaders: Readers<ChartModel, { name: string }> = { name: (c) => c.title };

export class Chart extends EntityObject<ChartModel, { name: string }> {
  private readonly nav: { title?: ChartPart; legend?: ChartPart; axes?: ChartAxes; series?: ChartSeriesCollection } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => ChartModel | null) {
    super(init, locator, chartReaders);
  }

  protected override alive(c: ChartModel): boolean {
    return !c.sheet.deleted;
  }

  get title(): ChartPart {
    this.nav.title ??= this.spawn('property', 'title', [], 'ChartTitle', false, (init) => new ChartPart(init, (scope) => this.live(scope), {
      text: (c, v, location) => (c.title = text(v, location)),
    }));
    return this.nav.title;
  }

  get legend(): ChartPart {
    this.nav.legend ??= this.spawn('property', 'legend', [], 'ChartLegend', false, (init) => new ChartPart(init, (scope) => this.live(scope), {
      position: (c, v, location) => (c.legendPosition = oneOf(v, LEGEND_POSITIONS, location)),
    }));
    return this.nav.legend;
  }

  get axes(): ChartAxes {
    this.nav.axes ??= this.spawn('property', 'axes', [], 'ChartAxes', false, (init) => new ChartAxes(init, (scope) => this.live(scope)));
    return this.nav.axes;
  }

  get series(): ChartSeriesCollection {
    this.nav.series ??= this.spawn('property', 'series', [], 'ChartSeriesCollection', false, (init) => new ChartSeriesCollection(init, (scope) => this.live(scope)));
    return this.nav.series;
  }

  /** The cells the chart covers, by address (a Range is taken too). */
  setPosition(startCell: unknown, endCell?: unknown): void {
    this.queueMethod('setPosition', endCell === undefined ? [startCell] : [startCell, endCell], (c) => {
      const location = this.location('setPosition');
      const address = (v: unknown) => (v instanceof Range ? 'a range' : text(v, location, { nonEmpty: true }));
      c.position = { start: address(startCell), end: endCell === undefined ? address(startCell) : address(endCell) };
    });
  }

  protected override navigation(name: string): ClientObjectBase | undefined {
    return ({ title: this.title, legend: this.legend, axes: this.axes, series: this.series } as Record<string, ClientObjectBase>)[name];
  }
}

type Setter = (chart: ChartModel, value: unknown, location: string) => void;

/** A part of a chart with properties the add-in sets: its title, its legend, an axis. */
export class ChartPart extends EntityObject<ChartModel, Record<string, never>> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => ChartModel | null, setters: Readonly<Record<string, Setter>>) {
    super(init, locator, {});
    for (const name of Object.keys(setters)) {
      Object.defineProperty(this, name, {
        set: (value: unknown) => this.queueWrite(name, value, (chart, v) => setters[name](chart, v, this.location(name))),
        enumerable: true,
      });
    }
  }
}

export class ChartAxes extends EntityObject<ChartModel, Record<string, never>> {
  private readonly nav: { valueAxis?: ChartPart; categoryAxis?: ChartPart } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => ChartModel | null) {
    super(init, locator, {});
  }

  get valueAxis(): ChartPart {
    this.nav.valueAxis ??= this.spawn('property', 'valueAxis', [], 'ChartAxis', false, (init) => new ChartPart(init, (scope) => this.live(scope), {
      numberFormat: (c, v, location) => (c.valueAxisFormat = text(v, location)),
    }));
    return this.nav.valueAxis;
  }

  get categoryAxis(): ChartPart {
    this.nav.categoryAxis ??= this.spawn('property', 'categoryAxis', [], 'ChartAxis', false, (init) => new ChartPart(init, (scope) => this.live(scope), {
      reversePlotOrder: (c, v, location) => {
        if (typeof v !== 'boolean') throw invalidArgument('reversePlotOrder is true or false', location);
        c.categoryAxisReversed = v;
      },
    }));
    return this.nav.categoryAxis;
  }
}

export class ChartSeriesCollection extends EntityObject<ChartModel, Record<string, never>> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => ChartModel | null) {
    super(init, locator, {});
  }

  getItemAt(index: number): ChartSeries {
    return this.spawn('method', 'getItemAt', [index], 'ChartSeries', false, (init) => new ChartSeries(init, (scope) => {
      const chart = this.live(scope);
      const series = chart.series[index];
      return series ? { chart, series } : null;
    }));
  }

  /** A new series at the end, with its name (ExcelApi 1.7). */
  add(name?: string): ChartSeries {
    const created: { series?: ChartSeriesModel } = {};
    this.queueMethod('add', name === undefined ? [] : [name], (chart) => {
      created.series = { name: name === undefined ? `Series${chart.series.length + 1}` : text(name, this.location('add')) };
      chart.series.push(created.series);
    });
    return this.spawn('method', 'add', name === undefined ? [] : [name], 'ChartSeries', false, (init) => new ChartSeries(init, (scope) => (created.series ? { chart: this.live(scope), series: created.series } : null)));
  }
}

interface SeriesEntity {
  readonly chart: ChartModel;
  readonly series: ChartSeriesModel;
}

export class ChartSeries extends EntityObject<SeriesEntity, { name: string }> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => SeriesEntity | null) {
    super(init, locator, { name: (e) => e.series.name });
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: unknown) {
    this.queueSet('name', v, (e, value) => (e.series.name = text(value, this.location('name'))));
  }

  setValues(sourceData: unknown): void {
    this.queueMethod('setValues', [sourceData], (e, scope) => (e.series.values = rangeOf(sourceData, e.chart, scope, this.location('setValues'))));
  }

  setXAxisValues(sourceData: unknown): void {
    this.queueMethod('setXAxisValues', [sourceData], (e, scope) => (e.series.xValues = rangeOf(sourceData, e.chart, scope, this.location('setXAxisValues'))));
  }
}
