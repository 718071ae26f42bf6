// A date field of the form: text, not the browser's date input, whose reading follows the
// browser's language; the pane reads what is typed in Office's language (form.ts, with the core's
// date-text.ts), says how to type it below, and shows the date read, in words, beside it.
import { el } from './dom';

/** A date field's input, with how to type a date below it and the date read, in words, beside it (filled by showFieldMessages). `id` names the field (form.ts). */
export function dateInput(id: string, value: string, hint: string, edited: (value: string) => void, attributes: Record<string, string> = {}): { input: HTMLInputElement; words: HTMLElement; hint: HTMLElement } {
  const input = el('input', { id, type: 'text', value, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint ${id}-date ${id}-error`, ...attributes });
  input.addEventListener('input', () => edited(input.value));
  return {
    input,
    words: el('span', { class: 'date-words', id: `${id}-date`, 'data-date-for': id, 'aria-live': 'polite' }),
    hint: el('p', { class: 'hint date-hint', id: `${id}-hint` }, hint),
  };
}
