// The assumptions form. Built only when its values change other than by typing (restored, a
// leaver added or removed), so that typing never loses the field; its messages change in place.
import { ASSUMPTION_TABLE } from '../../core/assumption-table';
import { MONTH_NAMES } from '../../core/calendar-date';
import { SHARING_MODELS } from '../../core/membership';
import { PRICE_BASES } from '../../core/real-prices';
import { Exact } from '../../core/money';
import { dateInput } from './date-field';
import { el } from './dom';
import { FIELD_LABELS, FieldName, FormValues, PlainField, isPercentField, percent } from './form';
import { Action } from './model';
import { optionsFormView } from './options-form-view';
import { FieldMessages } from './view-model';

type Dispatch = (action: Action) => void;

const PRICE_WORDS: Record<string, string> = { real: 'at base-year prices (real)', nominal: 'in cash (nominal): made real by the deflator' };
const SHARING_WORDS: Record<string, string> = { 'fixed-contribution': 'each pays the same (fixed contribution)', 'shared-pool': 'the pool is re-shared (shared pool)' };

const LEAVERS_LABEL = ASSUMPTION_TABLE.partners.fields?.leavers.label;
const GREEN_BOOK_RATE = ASSUMPTION_TABLE.discountRate.fallback ?? new Exact(0);

const errorFor = (name: string, id?: string) => el('p', { class: 'field-error', 'data-error-for': name, id, hidden: true, role: 'alert' });

/** A field, labelled as the assumption table labels its assumption. */
function field(name: PlainField, control: HTMLElement, unit?: string | HTMLElement, below?: HTMLElement): HTMLElement {
  return el('div', { class: 'field' },
    el('label', { for: name }, FIELD_LABELS[name]),
    el('div', { class: 'control' }, control, typeof unit === 'string' ? el('span', { class: 'unit', id: `${name}-unit` }, unit) : unit),
    below,
    errorFor(name, `${name}-error`),
    isPercentField(name) ? el('p', { class: 'field-question', 'data-question-for': name, id: `${name}-question`, hidden: true, role: 'status' }) : null,
  );
}

/** The form's controls, each dispatching what the officer does to it. */
export function formView(f: FormValues, dispatch: Dispatch, dateHint: string): HTMLElement[] {
  const describedBy = (name: string) => [`${name}-error`, ...(isPercentField(name) ? [`${name}-unit`, `${name}-question`] : [])].join(' ');
  const input = (name: PlainField, type: string, extra: Record<string, string> = {}) => {
    const node = el('input', { id: name, name, type, value: f[name], 'aria-describedby': describedBy(name), ...extra });
    node.addEventListener('input', () => dispatch({ type: 'field edited', field: name, value: node.value }));
    return node;
  };
  const select = (name: 'fyStartMonth' | 'sharing' | 'prices', options: [string, string][]) => {
    const node = el('select', { id: name, name, 'aria-describedby': `${name}-error` }, ...options.map(([value, text]) => el('option', { value, selected: f[name] === value }, text)));
    node.addEventListener('change', () => dispatch({ type: 'field edited', field: name, value: node.value }));
    return node;
  };
  const add = el('button', { type: 'button', class: 'secondary', id: 'add-leaver' }, 'Add a partner who leaves');
  add.addEventListener('click', () => dispatch({ type: 'leaver added' }));
  const served = dateInput('noticeServedOn', f.noticeServedOn, dateHint, (value) => dispatch({ type: 'field edited', field: 'noticeServedOn', value }), { name: 'noticeServedOn' });
  return [
    field('noticeServedOn', served.input, served.words, served.hint),
    field('noticeMonths', input('noticeMonths', 'number', { min: '0', step: '1', inputmode: 'numeric' }), 'months'),
    field('horizonYears', input('horizonYears', 'number', { min: '1', max: '100', step: '1' }), 'years'),
    field('fyStartMonth', select('fyStartMonth', MONTH_NAMES.map((m, i) => [String(i + 1), m]))),
    field('discountRate', input('discountRate', 'text', { inputmode: 'decimal' }), `% a year (Green Book: ${percent(GREEN_BOOK_RATE)})`),
    field('indexation', input('indexation', 'text', { inputmode: 'decimal' }), '% a year'),
    field('prices', select('prices', PRICE_BASES.map((p) => [p, PRICE_WORDS[p]]))),
    field('gdpDeflator', input('gdpDeflator', 'text', { inputmode: 'decimal', placeholder: 'with cash prices' }), '% a year (every year not listed below)'),
    deflatorYearsView(f, dispatch),
    field('sharing', select('sharing', SHARING_MODELS.map((m) => [m, SHARING_WORDS[m] ?? m]))),
    field('inBaseYear', input('inBaseYear', 'number', { min: '1', step: '1', placeholder: 'optional' }), 'the council among them'),
    field('baseYear', input('baseYear', 'text', { placeholder: 'from the item labels' }), 'e.g. 2011/12'),
    el('fieldset', { class: 'leavers' }, el('legend', {}, LEAVERS_LABEL), el('ul', {}, ...f.leavers.map((leaver, i) => leaverView(leaver, i, dispatch, dateHint))), add, errorFor('leavers')),
    optionsFormView(f.options, dispatch, dateHint),
    errorFor('overrides'),
  ];
}

function deflatorYearsView(f: FormValues, dispatch: Dispatch): HTMLElement {
  const add = el('button', { type: 'button', class: 'link', id: 'add-deflator-year' }, 'Give a year its own deflator');
  add.addEventListener('click', () => dispatch({ type: 'deflator year added' }));
  const row = (year: FormValues['deflatorYears'][number], i: number) => {
    const fy = el('input', { id: `deflatorYears.${i}.fy`, type: 'text', value: year.fy, placeholder: '2013/14', 'aria-label': `Deflator year ${i + 1}: financial year` });
    const rate = el('input', { id: `deflatorYears.${i}.rate`, type: 'text', inputmode: 'decimal', value: year.rate, placeholder: '%', 'aria-label': `Deflator year ${i + 1}: percent` });
    const remove = el('button', { type: 'button', class: 'link', id: `deflatorYears.${i}.remove`, 'aria-label': `Remove deflator year ${i + 1}` }, 'Remove');
    fy.addEventListener('input', () => dispatch({ type: 'deflator year edited', index: i, field: 'fy', value: fy.value }));
    rate.addEventListener('input', () => dispatch({ type: 'deflator year edited', index: i, field: 'rate', value: rate.value }));
    remove.addEventListener('click', () => dispatch({ type: 'deflator year removed', index: i }));
    return el('li', {}, fy, rate, remove);
  };
  return el('div', { class: 'leavers deflator-years' }, el('ul', {}, ...f.deflatorYears.map(row)), add);
}

function leaverView(leaver: FormValues['leavers'][number], i: number, dispatch: Dispatch, dateHint: string): HTMLElement {
  const name = el('input', { id: `leavers.${i}.name`, type: 'text', value: leaver.name, 'aria-label': `Partner ${i + 1} leaving: name` });
  const date = dateInput(`leavers.${i}.leavesOn`, leaver.leavesOn, dateHint, (value) => dispatch({ type: 'leaver edited', index: i, field: 'leavesOn', value }), { 'aria-label': `Partner ${i + 1} leaving: date` });
  const remove = el('button', { type: 'button', class: 'link', id: `leavers.${i}.remove`, 'aria-label': `Remove partner ${i + 1}` }, 'Remove');
  name.addEventListener('input', () => dispatch({ type: 'leaver edited', index: i, field: 'name', value: name.value }));
  remove.addEventListener('click', () => dispatch({ type: 'leaver removed', index: i }));
  return el('li', {}, name, date.input, date.words, remove, date.hint, errorFor(`leavers.${i}.name`), errorFor(`leavers.${i}.leavesOn`, `leavers.${i}.leavesOn-error`));
}

/** Each field's problem, question and date in words, in place: the controls themselves are left alone. */
export function showFieldMessages(form: Element, { errors, questions, dates }: FieldMessages): void {
  for (const node of form.querySelectorAll<HTMLElement>('[data-date-for]')) {
    node.textContent = dates[node.dataset.dateFor as FieldName] ?? '';
  }
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
