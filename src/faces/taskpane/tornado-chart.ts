// The tornado (docs/conventions.md, "Sensitivity"): the preferred option's NPV at the low
// and the high value of each key input, the widest swing on top, each bar running from the NPV at
// its base to the NPV at that value, with the value written at its end.
import { Money } from '../../core/money';
import { WIDTH, figure, keyed, legend, scale, svg } from './chart';
import { Words } from './format';

export interface TornadoRow {
  /** The input, as the sheet labels it. */
  readonly input: string;
  readonly low: string;
  readonly high: string;
  readonly npvLow: Money;
  readonly npvHigh: Money;
}

export interface Tornado {
  /** The option whose NPV it shows. */
  readonly option: string;
  readonly base: Money;
  readonly rows: readonly TornadoRow[];
}

const COLOURS = { low: '#8764B8', high: '#0F6CBD' };

export function tornadoChart(t: Tornado, words: Words): HTMLElement {
  const [bar, rowHeight, valueRoom, barsFrom] = [12, 50, 56, 22];
  const chart = svg('svg', { width: '100%', role: 'img' });
  const keys = { low: { name: 'at the low value', colour: COLOURS.low }, high: { name: 'at the high value', colour: COLOURS.high } };
  const { height: top, fills: [lowFill, highFill] } = legend(chart, 'chart-tornado', [keys.low, keys.high]);
  const plot = { left: valueRoom, width: WIDTH - 2 * valueRoom, top, bottom: top + t.rows.length * rowHeight };
  const x = scale(chart, [t.base / 100, ...t.rows.flatMap((r) => [r.npvLow / 100, r.npvHigh / 100])], plot, words, `NPV of ${t.option}, £`);
  t.rows.forEach((row, i) => {
    const rowTop = plot.top + i * rowHeight;
    chart.append(svg('text', { x: 0, y: rowTop + 13, class: 'chart-axis chart-label' }, `${row.input}: ${row.low} to ${row.high}`));
    // The NPV as it stands, across this row's bars only, clear of the words above them.
    chart.append(svg('line', { x1: x(t.base / 100), x2: x(t.base / 100), y1: rowTop + barsFrom - 3, y2: rowTop + barsFrom + 2 * bar + 2, class: 'chart-base' }));
    for (const [which, npv, k] of [['low', row.npvLow, 0], ['high', row.npvHigh, 1]] as const) {
      const [a, b] = [x(t.base / 100), x(npv / 100)];
      const y = rowTop + barsFrom + k * bar;
      const rect = keyed({ x: Math.min(a, b), y, width: Math.max(Math.abs(b - a), 1), height: bar - 1 }, which === 'low' ? lowFill : highFill, keys[which]);
      rect.append(svg('title', {}, `${row.input} at ${which === 'low' ? row.low : row.high}: NPV ${words.money(npv)}`));
      const after = b >= a;
      chart.append(rect, svg('text', { x: after ? Math.max(a, b) + 3 : Math.min(a, b) - 3, y: y + bar - 2, 'text-anchor': after ? 'start' : 'end', class: 'chart-value' }, words.axisMoney(Math.round(npv / 100))));
    }
  });
  chart.setAttribute('viewBox', `0 0 ${WIDTH} ${plot.bottom + 34}`);
  const summary = t.rows.map((r) => `${r.input} ${r.low}: ${words.money(r.npvLow)}, ${r.high}: ${words.money(r.npvHigh)}`).join('; ');
  chart.setAttribute('aria-label', `Tornado chart of the NPV of ${t.option} (${words.money(t.base)} as it stands) at the low and the high value of each input, the widest swing first. ${summary}.`);
  return figure('chart-tornado', `How sure: the NPV of ${t.option} as each input moves, all else held; the line is the NPV as it stands.`, chart);
}
