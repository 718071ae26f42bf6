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

/** A legend of coloured keys, as many to a line as fit; returns the height it takes. */
export function legend(chart: SVGSVGElement, keys: readonly { name: string; colour: string }[]): number {
  let [x, y] = [0, 3];
  for (const key of keys) {
    const width = 22 + key.name.length * 7;
    if (x > 0 && x + width > WIDTH) [x, y] = [0, y + 18];
    chart.append(svg('rect', { x, y, width: 12, height: 12, fill: key.colour }), svg('text', { x: x + 16, y: y + 11, class: 'chart-legend' }, key.name));
    x += width + 12;
  }
  return y + 19;
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

/** Bars in groups, one a series in its colour, each with its value at its end. */
export function groupedBars(bars: GroupedBars, colours: readonly string[], words: Words): HTMLElement {
  const colour = (k: number) => colours[k % colours.length];
  const groups = bars.groups.slice(0, YEARS_DRAWN);
  const [labelWidth, valueRoom, bar] = [56, 68, 14];
  const rowHeight = bars.series.length * bar + 10;
  const chart = svg('svg', { width: '100%', role: 'img' });
  const top = legend(chart, bars.series.map((s, k) => ({ name: s.name, colour: colour(k) })));
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
      const rect = svg('rect', { x: from, y, width: Math.max(to - from, 0), height: bar - 1, fill: colour(k) });
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
