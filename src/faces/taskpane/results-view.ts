// The scenarios written: the headline figures and the charts, or a note that they are out of date.
import { groupedBars } from './chart';
import { tornadoChart } from './tornado-chart';
import { el, replaceChildren } from './dom';
import { Words } from './format';
import { ResultsView } from './view-model';

/**
 * Staying in Excel's green, withdrawing in blue; the options in colours told apart from each other.
 * Each is 3:1 or more against the pane's white (WCAG 1.4.11), and each series has its pattern too (chart.ts).
 */
const COLOURS = { stayWithdraw: ['#107C41', '#0F6CBD'], options: ['#0F6CBD', '#C43E1C', '#8764B8', '#986F0B', '#038387', '#5C2E91'] };

/** `go` goes to the scenario sheet, while the workbook holds one; `copy` copies the report, while the results match the form. */
export function resultsView(box: Element, [go, copy]: readonly [HTMLElement, HTMLElement], results: ResultsView, words: Words): void {
  go.hidden = results.kind === 'none';
  copy.hidden = results.kind !== 'written';
  box.classList.toggle('stale', results.kind === 'stale' && results.stale);
  if (results.kind === 'none') return replaceChildren(box);
  if (results.kind === 'stale') {
    go.setAttribute('aria-describedby', 'stale-note');
    return replaceChildren(box, el('h2', {}, 'Scenarios out of date'), el('p', { class: 'warning stale-note', id: 'stale-note' }, results.note));
  }
  go.removeAttribute('aria-describedby');
  replaceChildren(box,
    el('h2', {}, 'Scenarios written'),
    el('p', { class: 'answer' }, results.answer),
    el('p', { class: 'hint' }, results.note),
    el('dl', { class: 'headline' }, ...results.headline.flatMap(({ term, value, ok }) => [
      el('dt', {}, term),
      el('dd', ok === undefined ? {} : { class: ok ? 'ok' : 'warning' }, value),
    ])),
    results.calculation ? el('p', { class: `calculation ${results.calculation.ok ? 'ok' : 'warning'}`, id: 'calculation' }, results.calculation.text) : null,
    groupedBars(results.charts.stayWithdraw, COLOURS.stayWithdraw, words),
    el('h3', {}, 'Options'),
    el('table', { class: 'options-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Way'), el('th', { scope: 'col', class: 'amount' }, 'NPV against staying'), el('th', { scope: 'col' }, 'Pays back in'))),
      el('tbody', {}, ...results.options.map((o) => el('tr', o.preferred ? { class: 'preferred' } : {},
        el('th', { scope: 'row' }, o.name, o.preferred ? el('span', { class: 'tag' }, ' preferred') : null),
        el('td', { class: 'amount' }, o.npv),
        el('td', {}, o.payback),
      ))),
    ),
    groupedBars(results.charts.options, COLOURS.options, words),
    results.charts.tornado ? tornadoChart(results.charts.tornado, words) : null,
  );
}
