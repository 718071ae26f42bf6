// Whether the pane is busy, what it says on the status line, and the table's problems above the rows.
import { byId, el, replaceChildren } from './dom';
import { PaneView } from './view-model';

export function statusView(view: PaneView): void {
  byId('pane').setAttribute('aria-busy', String(view.busy));
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.primary, button.secondary')) button.disabled = view.busy;
  for (const id of ['read', 'generate', 'check']) byId<HTMLButtonElement>(id).disabled = view.runDisabled;
  const status = byId('status');
  if (status.textContent !== view.status.text) status.textContent = view.status.text; // a live region: said once
  byId('progress').hidden = !view.status.progress;
}

export function problemsView(box: HTMLElement, problems: PaneView['problems']): void {
  box.hidden = problems === undefined;
  if (!problems) return replaceChildren(box);
  replaceChildren(box, el('p', {}, 'The cost table cannot be used as it stands:'),
    el('ul', {}, ...problems.lines.map((line) => el('li', {}, line))),
    el('p', { class: 'held' }, problems.held));
}
