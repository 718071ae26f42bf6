// The ways of withdrawing, in the assumptions form: each with its name, its notice and bias (empty:
// the fields above), its exit costs and its replacement costs, a line each; duplicated, removed,
// and added to. Built again, like the rest of the form, only when a line or an option comes or goes.
import { ASSUMPTION_TABLE } from '../../core/assumption-table';
import { Exact } from '../../core/money';
import { OUTSOURCING_UPPER_BOUND } from '../../core/optimism-bias';
import { el } from './dom';
import { CostKind, OptionField, OptionFields, percent } from './form';
import { dateInput } from './date-field';
import { Action } from './model';

type Dispatch = (action: Action) => void;

const errorFor = (name: string) => el('p', { class: 'field-error', 'data-error-for': name, id: `${name}-error`, hidden: true, role: 'alert' });

/**
 * A labelled input whose every keystroke dispatches `edited`. Its name for a screen reader says
 * whose it is (`of`: "Way of withdrawing 2, exit cost 1"), since every option has the same fields.
 */
function input(of: string, id: string, label: string, value: string, edited: (value: string) => void, extra: Record<string, string> = {}, unit?: string): HTMLElement {
  const node = el('input', { id, value, type: 'text', 'aria-label': `${of}: ${label.toLowerCase()}`, 'aria-describedby': `${id}-error${unit ? ` ${id}-unit` : ''}`, ...extra });
  node.addEventListener('input', () => edited(node.value));
  return el('div', { class: 'field' },
    el('label', { for: id }, label),
    el('div', { class: 'control' }, node, unit ? el('span', { class: 'unit', id: `${id}-unit` }, unit) : null),
    errorFor(id),
  );
}

/** An option's notice date: typed as text and read in Office's language, empty for the date above. */
function noticeField(of: string, id: string, value: string, hint: string, edited: (value: string) => void): HTMLElement {
  const label = LABEL('noticeServedOn');
  const date = dateInput(id, value, `${hint}; empty: as above`, edited, { 'aria-label': `${of}: ${label.toLowerCase()}`, placeholder: 'as above' });
  return el('div', { class: 'field' }, el('label', { for: id }, label), el('div', { class: 'control' }, date.input, date.words), date.hint, errorFor(id));
}

function button(id: string, text: string, label: string | undefined, click: () => void, kind = 'link'): HTMLButtonElement {
  const node = el('button', { type: 'button', class: kind, id, 'aria-label': label }, text);
  node.addEventListener('click', click);
  return node;
}

interface LineField {
  /** The cost line's field (form.ts). */
  readonly key: string;
  readonly label: string;
  readonly extra?: Record<string, string>;
  readonly unit?: string;
}

/** What each kind of cost line asks, in its fields' order. */
const LINES: { readonly [K in CostKind]: { readonly heading: string; readonly one: string; readonly add: string; readonly fields: readonly LineField[] } } = {
  exitCosts: {
    heading: 'Exit costs (one-off)',
    one: 'exit cost',
    add: 'Add an exit cost',
    fields: [
      { key: 'label', label: 'What for' },
      { key: 'amount', label: 'Amount', extra: { inputmode: 'decimal' }, unit: '£' },
      { key: 'fy', label: 'Paid in', extra: { placeholder: 'the FY notice expires' }, unit: 'FY, e.g. 2014/15' },
    ],
  },
  replacementCosts: {
    heading: 'Replacement costs (a year, from expiry)',
    one: 'replacement cost',
    add: 'Add a replacement cost',
    fields: [
      { key: 'label', label: 'What for' },
      { key: 'annual', label: 'A year', extra: { inputmode: 'decimal' }, unit: '£ at base-year prices' },
      { key: 'months', label: 'For', extra: { inputmode: 'numeric', placeholder: 'to the horizon\'s end' }, unit: 'months' },
      { key: 'share', label: 'Share', extra: { inputmode: 'decimal', placeholder: '100' }, unit: '%' },
    ],
  },
};

const LABEL = (field: OptionField) => ({ name: 'Name', noticeServedOn: 'Notice served on', noticeMonths: 'Notice', optimismBias: 'Optimism bias' })[field];
const BIAS_UNIT = `% on its costs of leaving (Green Book: up to ${percent(new Exact(OUTSOURCING_UPPER_BOUND.rate))}% for outsourcing)`;

/** An option as a button's label names it: by its place, which typing its name does not change. */
const called = (i: number) => `way of withdrawing ${i + 1}`;

export function optionsFormView(options: readonly OptionFields[], dispatch: Dispatch, dateHint: string): HTMLElement {
  return el('fieldset', { class: 'options' },
    el('legend', {}, ASSUMPTION_TABLE.options.label),
    el('p', { class: 'hint' }, 'Each is weighed against staying in the partnership. Empty notice fields take those above.'),
    el('ol', {}, ...options.map((o, i) => optionView(o, i, options.length, dispatch, dateHint))),
    button('add-option', 'Add a way of withdrawing', undefined, () => dispatch({ type: 'option added' }), 'secondary'),
    errorFor('options'),
  );
}

function optionView(o: OptionFields, i: number, count: number, dispatch: Dispatch, dateHint: string): HTMLElement {
  const id = (field: string) => `options.${i}.${field}`;
  const edit = (field: OptionField) => (value: string) => dispatch({ type: 'option edited', index: i, field, value });
  const field = (name: OptionField, extra?: Record<string, string>, unit?: string) => input(`Way of withdrawing ${i + 1}`, id(name), LABEL(name), o[name], edit(name), extra, unit);
  return el('li', { class: 'option' },
    el('h3', {}, `Way of withdrawing ${i + 1}`),
    field('name'),
    noticeField(`Way of withdrawing ${i + 1}`, id('noticeServedOn'), o.noticeServedOn, dateHint, edit('noticeServedOn')),
    field('noticeMonths', { inputmode: 'numeric', placeholder: 'as above' }, 'months'),
    field('optimismBias', { inputmode: 'decimal', placeholder: '0' }, BIAS_UNIT),
    linesView(o, i, 'exitCosts', dispatch),
    linesView(o, i, 'replacementCosts', dispatch),
    el('div', { class: 'option-actions' },
      button(id('duplicate'), 'Duplicate', `Duplicate ${called(i)}`, () => dispatch({ type: 'option duplicated', index: i }), 'secondary'),
      count > 1 ? button(id('remove'), 'Remove', `Remove ${called(i)}`, () => dispatch({ type: 'option removed', index: i }), 'secondary') : null,
    ),
    errorFor(`options.${i}`),
  );
}

function linesView(o: OptionFields, option: number, kind: CostKind, dispatch: Dispatch): HTMLElement {
  const what = LINES[kind];
  const lines: readonly Record<string, string>[] = o[kind];
  return el('div', { class: 'cost-lines' },
    el('h4', {}, what.heading),
    lines.length === 0 ? el('p', { class: 'hint' }, 'None.') : el('ul', {}, ...lines.map((line, n) => {
      const id = (field: string) => `options.${option}.${kind}.${n}.${field}`;
      return el('li', {},
        ...what.fields.map((f) => input(`Way of withdrawing ${option + 1}, ${what.one} ${n + 1}`, id(f.key), f.label, line[f.key], (value) => dispatch({ type: 'cost edited', option, kind, index: n, field: f.key, value }), f.extra, f.unit)),
        button(id('remove'), 'Remove', `Remove ${what.one} ${n + 1} of ${called(option)}`,
          () => dispatch({ type: 'cost removed', option, kind, index: n })),
      );
    })),
    button(`options.${option}.${kind}.add`, what.add, `${what.add} to ${called(option)}`, () => dispatch({ type: 'cost added', option, kind })),
  );
}
