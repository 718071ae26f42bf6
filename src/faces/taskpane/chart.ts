// The pane's charts, drawn as SVG (no chart library): bars run across, a group a row, so that each
// value can be written at its bar's end in type large enough to read at 320 px; a bar of £0 still
// shows "£0", so zero never looks like missing. A £ axis with gridlines and a zero line runs along
// the bottom. The grouped bars (staying against withdrawing, or the options' net saving, by FY)
// and the tornado (tornado-chart.ts) share the scale, the axis and the figure.
import { Money } from '../../core/money';
import { Words } from './format';

const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Years drawn; a longer horizon is in the sheet. */
export const YEARS_DRAWN = 10;
/** The drawing's width in its own units; it scales to the pane. */
export const WIDTH = 288;

/** Steps of 1, 2 or 5 times a power of ten (whole pounds at least), about `count` of them, from `low` past `high`. */
export function axisTicks(low: number, high: number, count = 3): number[] {
  const span = Math.max(high - low, 1);
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = Math.floor(low / step) * step; t <= high + step / 2; t += step) ticks.push(Math.round(t * 100) / 100);
  if (ticks.length < 2 || ticks[ticks.length - 1] < high) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

/** The £ scale across the plot, from the amounts drawn (and zero), with its gridlines, zero line and axis words. */
export function scale(chart: SVGSVGElement, pounds: readonly number[], plot: { left: number; width: number; top: number; bottom: number }, words: Words, unit: string): (pounds: number) => number {
  const ticks = axisTicks(Math.min(0, ...pounds), Math.max(0, ...pounds));
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  const x = (value: number) => plot.left + ((value - low) / (high - low || 1)) * plot.width;
  for (const tick of ticks) {
    chart.append(svg('line', { x1: x(tick), x2: x(tick), y1: plot.top, y2: plot.bottom, class: tick === 0 ? 'chart-zero' : 'chart-grid' }));
    chart.append(svg('text', { x: x(tick), y: plot.bottom + 14, 'text-anchor': 'middle', class: 'chart-axis' }, words.axisMoney(tick)));
  }
  chart.append(svg('text', { x: plot.left + plot.width / 2, y: plot.bottom + 30, 'text-anchor': 'middle', class: 'chart-axis' }, unit));
  return x;
}

/** A series as the legend shows it: its name, and its colour. */
export interface Key {
  readonly name: string;
  readonly colour: string;
}

/** The marks that tell the series apart without their colours: none, then stripes of each slant, then crossed, in a tile of 6. */
const MARKS = ['', 'M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2', 'M0,3 h6', 'M3,0 v6', 'M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2 M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2', 'M0,1.5 h6 M0,4.5 h6 M1.5,0 v6 M4.5,0 v6'];

/**
 * Each key's fill: its colour with its marks, as a pattern in the chart's own defs (`id` keeps the
 * patterns of the pane's charts apart). A bar is told by its pattern as well as by its colour, so
 * nothing rests on colour alone, and in forced colours (taskpane.css) the patterns remain.
 */
export function keyFills(chart: SVGSVGElement, id: string, keys: readonly Key[]): string[] {
  const defs = svg('defs', {});
  chart.append(defs);
  return keys.map((key, k) => {
    const pattern = svg('pattern', { id: `${id}-key-${k}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse' });
    pattern.append(svg('rect', { width: 6, height: 6, fill: key.colour, class: 'key-fill' }));
    const marks = MARKS[k % MARKS.length];
    if (marks) pattern.append(svg('path', { d: marks, stroke: '#ffffff', 'stroke-width': 1.5, class: 'key-mark' }));
    defs.append(pattern);
    return `url(#${id}-key-${k})`;
  });
}

/** A bar (or a legend's key) in its series' fill, edged in its colour. */
export function keyed(attributes: Record<string, string | number>, fill: string, key: Key): SVGRectElement {
  return svg('rect', { ...attributes, fill, stroke: key.colour, 'stroke-width': 1, class: 'key-edge' });
}

/** A legend of keys, their colours and patterns, as many to a line as fit; returns the height it takes and each key's fill. */
export function legend(chart: SVGSVGElement, id: string, keys: readonly Key[]): { height: number; fills: string[] } {
  const fills = keyFills(chart, id, keys);
  let [x, y] = [0, 3];
  keys.forEach((key, k) => {
    const width = 22 + key.name.length * 7;
    if (x > 0 && x + width > WIDTH) [x, y] = [0, y + 18];
    chart.append(keyed({ x: x + 0.5, y: y + 0.5, width: 11, height: 11 }, fills[k], key), svg('text', { x: x + 16, y: y + 11, class: 'chart-legend' }, key.name));
    x += width + 12;
  });
  return { height: y + 19, fills };
}

export function figure(id: string, caption: string, chart: SVGSVGElement): HTMLElement {
  const node = document.createElement('figure');
  node.className = 'chart';
  node.id = id;
  const text = document.createElement('figcaption');
  text.textContent = caption;
  node.append(text, chart);
  return node;
}

export interface BarSeries {
  readonly name: string;
  /** A value a group. */
  readonly values: readonly Money[];
}

export interface GroupedBars {
  readonly id: string;
  /** Each group's label: a financial year. */
  readonly groups: readonly string[];
  readonly series: readonly BarSeries[];
  /** What the chart shows, opening its text for screen readers. */
  readonly description: string;
  readonly caption: string;
}

/** Bars in groups, one a series in its colour and pattern, each with its value at its end. */
export function groupedBars(bars: GroupedBars, colours: readonly string[], words: Words): HTMLElement {
  const colour = (k: number) => colours[k % colours.length];
  const groups = bars.groups.slice(0, YEARS_DRAWN);
  const [labelWidth, valueRoom, bar] = [56, 68, 14];
  const rowHeight = bars.series.length * bar + 10;
  const chart = svg('svg', { width: '100%', role: 'img' });
  const keys = bars.series.map((s, k) => ({ name: s.name, colour: colour(k) }));
  const { height: top, fills } = legend(chart, bars.id, keys);
  const plot = { left: labelWidth, width: WIDTH - labelWidth - valueRoom, top, bottom: top + groups.length * rowHeight };
  const pounds = bars.series.flatMap((s) => s.values.slice(0, groups.length).map((v) => v / 100));
  const x = scale(chart, pounds, plot, words, '£ a year');
  groups.forEach((group, i) => {
    const rowTop = plot.top + i * rowHeight + 5;
    chart.append(svg('text', { x: 0, y: rowTop + (bars.series.length * bar) / 2 + 5, class: 'chart-axis' }, group));
    bars.series.forEach((series, k) => {
      const value = series.values[i] / 100;
      const [from, to] = [x(Math.min(0, value)), x(Math.max(0, value))];
      const y = rowTop + k * bar;
      const rect = keyed({ x: from, y, width: Math.max(to - from, 0), height: bar - 1 }, fills[k], keys[k]);
      rect.append(svg('title', {}, `${group} ${series.name}: ${words.money(series.values[i])}`));
      chart.append(rect, svg('text', { x: to + 3, y: y + bar - 2, class: 'chart-value' }, words.axisMoney(Math.round(value))));
    });
  });
  chart.setAttribute('viewBox', `0 0 ${WIDTH} ${plot.bottom + 34}`);
  const summary = groups.map((group, i) => `${group}: ${bars.series.map((s) => `${s.name} ${words.money(s.values[i])}`).join(', ')}`).join('; ');
  chart.setAttribute('aria-label', `${bars.description} ${summary}.`);
  const caption = bars.groups.length > groups.length ? `${bars.caption}, the first ${groups.length} of ${bars.groups.length} years (every year is on the sheet).` : `${bars.caption}.`;
  return figure(bars.id, caption, chart);
}
