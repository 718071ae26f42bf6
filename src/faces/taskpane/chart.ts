// The pane's small chart: the cost of staying against the cost of withdrawing, by financial year,
// drawn as SVG (no chart library).

import { Money, formatMoney } from '../../core/money';

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

const COLOURS = { stay: '#107C41', withdraw: '#9BC9A6' };

/** Grouped bars, one pair a year, scaled to the largest cost; readable at the pane's 320 px. */
export function stayWithdrawChart(years: readonly ChartYear[]): SVGSVGElement {
  const describe = (amount: Money) => formatMoney(amount);
  const width = 288;
  const height = 168;
  const top = 22;
  const bottom = 22;
  const plot = height - top - bottom;
  const largest = Math.max(1, ...years.map((y) => Math.max(y.stay, y.withdraw)));
  const slot = width / Math.max(years.length, 1);
  const bar = Math.min(18, slot / 2.6);
  const summary = years.map((y) => `${y.label}: stay ${describe(y.stay)}, withdraw ${describe(y.withdraw)}`).join('; ');
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': `Cost of staying and of withdrawing by financial year. ${summary}` });
  chart.append(svg('rect', { x: 0, y: 4, width: 10, height: 10, fill: COLOURS.stay }), svg('text', { x: 14, y: 13, class: 'chart-legend' }, 'Stay'));
  chart.append(svg('rect', { x: 60, y: 4, width: 10, height: 10, fill: COLOURS.withdraw }), svg('text', { x: 74, y: 13, class: 'chart-legend' }, 'Withdraw'));
  chart.append(svg('line', { x1: 0, x2: width, y1: top + plot, y2: top + plot, stroke: '#8A8886', 'stroke-width': 1 }));
  years.forEach((year, i) => {
    const centre = slot * i + slot / 2;
    for (const [which, value, offset] of [['stay', year.stay, -bar], ['withdraw', year.withdraw, 0]] as const) {
      const h = (Math.max(value, 0) / largest) * plot;
      const rect = svg('rect', { x: centre + offset, y: top + plot - h, width: bar - 1, height: h, fill: COLOURS[which] });
      rect.append(svg('title', {}, `${year.label} ${which}: ${describe(value)}`));
      chart.append(rect);
    }
    chart.append(svg('text', { x: centre, y: height - 6, 'text-anchor': 'middle', class: 'chart-axis' }, year.label));
  });
  return chart;
}
