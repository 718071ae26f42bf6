// The pane's chart: the cost of staying against the cost of withdrawing, by financial year, drawn
// as SVG (no chart library). Bars run across, one pair a year, so that each value can be written
// at its bar's end in type large enough to read at 320 px: a bar of £0 still shows "£0", so zero
// never looks like missing. A £ axis with gridlines and a zero line runs along the bottom.
import { Money } from '../../core/money';
import { Words } from './format';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface ChartYear {
  readonly label: string;
  readonly stay: Money;
  readonly withdraw: Money;
}

const COLOURS = { stay: '#107C41', withdraw: '#6FB58A' };
/** Years drawn; a longer horizon is in the sheet. */
export const YEARS_DRAWN = 10;

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

export function stayWithdrawChart(all: readonly ChartYear[], words: Words): HTMLElement {
  const years = all.slice(0, YEARS_DRAWN);
  const width = 288;
  const labelWidth = 56;
  const valueRoom = 68;
  const legend = 22;
  const bar = 14;
  const rowHeight = 2 * bar + 10;
  const axisHeight = 34;
  const height = legend + years.length * rowHeight + axisHeight;
  const pounds = years.flatMap((y) => [y.stay / 100, y.withdraw / 100]);
  const ticks = axisTicks(Math.min(0, ...pounds), Math.max(0, ...pounds));
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  const plotLeft = labelWidth;
  const plotWidth = width - labelWidth - valueRoom;
  const x = (value: number) => plotLeft + ((value - low) / (high - low || 1)) * plotWidth;
  const plotTop = legend;
  const plotBottom = legend + years.length * rowHeight;

  const summary = years.map((y) => `${y.label}: stay ${words.money(y.stay)}, withdraw ${words.money(y.withdraw)}`).join('; ');
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img',
    'aria-label': `Bar chart of the cost of staying and of withdrawing by financial year, in pounds a year. ${summary}.`,
  });
  chart.append(svg('rect', { x: 0, y: 3, width: 12, height: 12, fill: COLOURS.stay }), svg('text', { x: 16, y: 14, class: 'chart-legend' }, 'Stay'));
  chart.append(svg('rect', { x: 60, y: 3, width: 12, height: 12, fill: COLOURS.withdraw }), svg('text', { x: 76, y: 14, class: 'chart-legend' }, 'Withdraw'));

  // Gridlines and the axis's amounts; the zero line is drawn darker, over the gridlines.
  for (const tick of ticks) {
    chart.append(svg('line', { x1: x(tick), x2: x(tick), y1: plotTop, y2: plotBottom, class: tick === 0 ? 'chart-zero' : 'chart-grid' }));
    chart.append(svg('text', { x: x(tick), y: plotBottom + 14, 'text-anchor': 'middle', class: 'chart-axis' }, words.axisMoney(tick)));
  }
  chart.append(svg('text', { x: plotLeft + plotWidth / 2, y: plotBottom + 30, 'text-anchor': 'middle', class: 'chart-axis' }, '£ a year'));

  years.forEach((year, i) => {
    const top = plotTop + i * rowHeight + 5;
    chart.append(svg('text', { x: 0, y: top + bar + 5, class: 'chart-axis' }, year.label));
    for (const [which, amount, offset] of [['stay', year.stay, 0], ['withdraw', year.withdraw, bar]] as const) {
      const value = amount / 100;
      const [from, to] = [x(Math.min(0, value)), x(Math.max(0, value))];
      const rect = svg('rect', { x: from, y: top + offset, width: Math.max(to - from, 0), height: bar - 1, fill: COLOURS[which] });
      rect.append(svg('title', {}, `${year.label} ${which}: ${words.money(amount)}`));
      chart.append(rect);
      chart.append(svg('text', { x: to + 3, y: top + offset + bar - 2, class: 'chart-value' }, words.axisMoney(Math.round(value))));
    }
  });

  const figure = document.createElement('figure');
  figure.className = 'chart';
  const caption = document.createElement('figcaption');
  caption.textContent = all.length > years.length
    ? `Cost of staying and of withdrawing, the first ${years.length} of ${all.length} years (every year is on the scenario sheet).`
    : 'Cost of staying and of withdrawing by financial year.';
  figure.append(caption, chart);
  return figure;
}
