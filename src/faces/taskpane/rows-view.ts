// The cost rows as read: the summary, the tie-out, the warnings, and each row with its class to confirm.
import { CostClass } from '../../core/classification';
import { el, replaceChildren } from './dom';
import { ColumnPicker, RowView, RowsView } from './view-model';

const CLASSES: readonly CostClass[] = ['avoidable', 'committed'];

export function rowsView(box: Element, rows: RowsView, setClass: (item: string, cls: CostClass) => void, chooseColumn: (letter: string) => void): void {
  if (rows.kind === 'not read') {
    return replaceChildren(box, el('p', { class: 'hint' }, 'No cost rows read yet. Choose where they are and press Read to check them first, or Generate.'));
  }
  const picker = rows.columns ? columnPicker(rows.columns, chooseColumn) : null;
  if (rows.kind === 'unusable') return replaceChildren(box, picker);
  replaceChildren(box,
    picker,
    el('p', { class: 'summary' }, rows.summary),
    ...rows.reading.map((line) => el('p', { class: 'reading' }, line)),
    el('p', { class: rows.tie.mismatch ? 'warning' : 'ok' }, rows.tie.text),
    el('p', { class: 'hint' }, 'A row is committed unless its label names an avoidable cost (core team, core budget, membership, subscription, partnership contribution). Change a class if the label misleads.'),
    ...rows.warnings.map((w) => el('p', { class: 'warning' }, w)),
    el('table', { class: 'rows' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Item'), el('th', { scope: 'col', class: 'amount' }, '£ a year'), el('th', { scope: 'col' }, 'Class'))),
      el('tbody', {}, ...rows.rows.map((row) => rowView(row, setClass)))),
    rows.more ? el('p', { class: 'hint' }, rows.more) : null,
  );
}

/** The amount columns, when the table has several: the officer chooses the one to read. */
function columnPicker(picker: ColumnPicker, choose: (letter: string) => void): HTMLElement {
  const select = el('select', { id: 'amount-column' },
    picker.chosen ? null : el('option', { value: '', selected: true, disabled: true }, 'Choose the column to read'),
    ...picker.options.map(({ value, text }) => el('option', { value, selected: picker.chosen === value }, text)));
  select.addEventListener('change', () => choose(select.value));
  return el('div', { class: 'field' }, el('label', { for: 'amount-column' }, 'Amount column'), el('div', { class: 'control' }, select));
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
