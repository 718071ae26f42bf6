// The assumptions form. Built only when its values change other than by typing (restored, a
// leaver added or removed), so that typing never loses the field; its messages change in place.
import { SHARING_MODELS } from '../../core/membership';
import { el } from './dom';
import { FieldName, FormValues, isPercentField } from './form';
import { Action } from './model';
import { FieldMessages } from './view-model';

type Dispatch = (action: Action) => void;
type PlainField = Exclude<keyof FormValues, 'leavers'>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHARING_WORDS: Record<string, string> = { 'fixed-contribution': 'each pays the same (fixed contribution)', 'shared-pool': 'the pool is re-shared (shared pool)' };

const errorFor = (name: string, id?: string) => el('p', { class: 'field-error', 'data-error-for': name, id, hidden: true, role: 'alert' });

function field(name: PlainField, label: string, control: HTMLElement, unit?: string): HTMLElement {
  return el('div', { class: 'field' },
    el('label', { for: name }, label),
    el('div', { class: 'control' }, control, unit ? el('span', { class: 'unit', id: `${name}-unit` }, unit) : null),
    errorFor(name, `${name}-error`),
    isPercentField(name) ? el('p', { class: 'field-question', 'data-question-for': name, id: `${name}-question`, hidden: true, role: 'status' }) : null,
  );
}

/** The form's controls, each dispatching what the officer does to it. */
export function formView(f: FormValues, dispatch: Dispatch): HTMLElement[] {
  const describedBy = (name: string) => [`${name}-error`, ...(isPercentField(name) ? [`${name}-unit`, `${name}-question`] : [])].join(' ');
  const input = (name: PlainField, type: string, extra: Record<string, string> = {}) => {
    const node = el('input', { id: name, name, type, value: f[name], 'aria-describedby': describedBy(name), ...extra });
    node.addEventListener('input', () => dispatch({ type: 'field edited', field: name, value: node.value }));
    return node;
  };
  const select = (name: 'fyStartMonth' | 'sharing', options: [string, string][]) => {
    const node = el('select', { id: name, name, 'aria-describedby': `${name}-error` }, ...options.map(([value, text]) => el('option', { value, selected: f[name] === value }, text)));
    node.addEventListener('change', () => dispatch({ type: 'field edited', field: name, value: node.value }));
    return node;
  };
  const add = el('button', { type: 'button', class: 'secondary', id: 'add-leaver' }, 'Add a partner who leaves');
  add.addEventListener('click', () => dispatch({ type: 'leaver added' }));
  return [
    field('noticeServedOn', 'Notice served on', input('noticeServedOn', 'date')),
    field('noticeMonths', 'Notice period', input('noticeMonths', 'number', { min: '0', step: '1', inputmode: 'numeric' }), 'months'),
    field('horizonYears', 'Horizon', input('horizonYears', 'number', { min: '1', max: '100', step: '1' }), 'years'),
    field('fyStartMonth', 'Financial year starts in', select('fyStartMonth', MONTHS.map((m, i) => [String(i + 1), m]))),
    field('discountRate', 'Discount rate', input('discountRate', 'text', { inputmode: 'decimal' }), '% a year (Green Book: 3.5)'),
    field('indexation', 'Indexation', input('indexation', 'text', { inputmode: 'decimal' }), '% a year'),
    field('sharing', 'When partners leave', select('sharing', SHARING_MODELS.map((m) => [m, SHARING_WORDS[m] ?? m]))),
    field('inBaseYear', 'Members paying in the base year', input('inBaseYear', 'number', { min: '1', step: '1', placeholder: 'optional' }), 'the council among them'),
    field('baseYear', 'Base year', input('baseYear', 'text', { placeholder: 'from the item labels' }), 'e.g. 2011/12'),
    el('fieldset', { class: 'leavers' }, el('legend', {}, 'Other partners leaving'), el('ul', {}, ...f.leavers.map((leaver, i) => leaverView(leaver, i, dispatch))), add, errorFor('leavers')),
    errorFor('overrides'),
  ];
}

function leaverView(leaver: FormValues['leavers'][number], i: number, dispatch: Dispatch): HTMLElement {
  const name = el('input', { id: `leavers.${i}.name`, type: 'text', value: leaver.name, 'aria-label': `Partner ${i + 1} leaving: name` });
  const date = el('input', { id: `leavers.${i}.leavesOn`, type: 'date', value: leaver.leavesOn, 'aria-label': `Partner ${i + 1} leaving: date` });
  const remove = el('button', { type: 'button', class: 'link', id: `leavers.${i}.remove`, 'aria-label': `Remove partner ${i + 1}` }, 'Remove');
  name.addEventListener('input', () => dispatch({ type: 'leaver edited', index: i, field: 'name', value: name.value }));
  date.addEventListener('input', () => dispatch({ type: 'leaver edited', index: i, field: 'leavesOn', value: date.value }));
  remove.addEventListener('click', () => dispatch({ type: 'leaver removed', index: i }));
  return el('li', {}, name, date, remove, errorFor(`leavers.${i}.name`), errorFor(`leavers.${i}.leavesOn`));
}

/** Each field's problem and question, in place: the controls themselves are left alone. */
export function showFieldMessages(form: Element, { errors, questions }: FieldMessages): void {
  for (const node of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
    const message = errors[node.dataset.errorFor as FieldName] ?? '';
    node.textContent = message;
    node.hidden = message === '';
    document.getElementById(node.dataset.errorFor ?? '')?.setAttribute('aria-invalid', message === '' ? 'false' : 'true');
  }
  for (const node of form.querySelectorAll<HTMLElement>('[data-question-for]')) {
    const question = questions[node.dataset.questionFor as FieldName] ?? '';
    node.textContent = question;
    node.hidden = question === '';
  }
}
