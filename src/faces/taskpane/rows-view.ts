// The cost rows as read: the summary, the tie-out, the warnings, and each row with its class to confirm.
import { CostClass } from '../../core/classification';
import { el, replaceChildren } from './dom';
import { RowView, RowsView } from './view-model';

const CLASSES: readonly CostClass[] = ['avoidable', 'committed'];

export function rowsView(box: Element, rows: RowsView, setClass: (item: string, cls: CostClass) => void): void {
  if (rows.kind === 'not read') {
    return replaceChildren(box, el('p', { class: 'hint' }, 'No cost rows read yet. Choose where they are and press Read to check them first, or Generate.'));
  }
  if (rows.kind === 'unusable') return replaceChildren(box);
  replaceChildren(box,
    el('p', { class: 'summary' }, rows.summary),
    el('p', { class: rows.tie.mismatch ? 'warning' : 'ok' }, rows.tie.text),
    el('p', { class: 'hint' }, 'A row is committed unless its label names an avoidable cost (core team, core budget, membership, subscription, partnership contribution). Change a class if the label misleads.'),
    ...rows.warnings.map((w) => el('p', { class: 'warning' }, w)),
    el('table', { class: 'rows' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Item'), el('th', { scope: 'col', class: 'amount' }, '£ a year'), el('th', { scope: 'col' }, 'Class'))),
      el('tbody', {}, ...rows.rows.map((row) => rowView(row, setClass)))),
    rows.more ? el('p', { class: 'hint' }, rows.more) : null,
  );
}

function rowView(row: RowView, setClass: (item: string, cls: CostClass) => void): HTMLElement {
  const select = el('select', { id: row.id, 'aria-label': `Class of ${row.item}` }, ...CLASSES.map((c) => el('option', { value: c, selected: row.class === c }, c)));
  select.addEventListener('change', () => setClass(row.item, select.value as CostClass));
  return el('tr', {},
    el('td', { class: 'item' }, el('span', {}, row.item), el('span', { class: 'cell' }, row.cell)),
    el('td', { class: 'amount' }, row.amount),
    el('td', {}, select, row.reason ? el('span', { class: 'reason' }, row.reason) : null),
  );
}
