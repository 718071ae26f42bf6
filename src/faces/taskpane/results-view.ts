// The scenarios written: the headline figures and the chart, or a note that they are out of date.
import { stayWithdrawChart } from './chart';
import { el, replaceChildren } from './dom';
import { Words } from './format';
import { ResultsView } from './view-model';

export function resultsView(box: Element, go: HTMLElement, results: ResultsView, words: Words): void {
  go.hidden = results.kind === 'none';
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
    stayWithdrawChart(results.years, words),
  );
}
