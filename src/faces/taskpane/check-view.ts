// What checking the workbook found: sound, or each finding with a button that goes to its cell; or
// why the check could not be made, here beside the Check button.
import { el, replaceChildren } from './dom';
import { CheckView } from './view-model';

export function checkView(box: Element, check: CheckView, goTo: (cell: string) => void): void {
  if (check.kind === 'none') return replaceChildren(box);
  if (check.kind === 'failed') return replaceChildren(box, el('p', { class: 'warning', role: 'alert' }, check.text));
  replaceChildren(box,
    el('p', { class: check.sound ? 'ok' : 'warning', role: 'status' }, check.summary),
    check.findings.length === 0 ? null : el('ol', { class: 'findings' }, ...check.findings.map((f, i) => {
      const go = f.cell ? el('button', { type: 'button', class: 'link', id: `finding-${i}`, 'aria-label': `Go to cell ${f.cell}` }, 'Go to cell') : null;
      go?.addEventListener('click', () => goTo(f.cell as string));
      return el('li', {}, el('span', { class: 'place' }, f.place), ' ', f.text, ' ', go);
    })),
    check.sinceRun.summary === undefined ? null : el('p', { class: check.sinceRun.lines.length === 0 ? 'ok' : 'warning' }, check.sinceRun.summary),
    check.sinceRun.lines.length === 0 ? null : el('ul', { class: 'findings' }, ...check.sinceRun.lines.map((line) => el('li', {}, line))),
  );
}
