// The committee paragraph as words: each figure written as the report sheet's formulas write it
// (one table, FIGURE_FORMATS, holds both the sheet's format code and the words), so the clipboard,
// the Word document and the recalculated sheet read the same. Then as plain text and as HTML.
import { CalendarDate, MONTH_NAMES } from '../core/calendar-date';
import { Exact } from '../core/money';
import { Figure, Part, Report, Show, chosen, isFigure } from '../core/report';
import { DocumentPlan } from './plan';

/** Each way of showing a figure: the number format (in a cell, and inside TEXT) and the same in words. */
export const FIGURE_FORMATS: Record<Exclude<Show, 'text' | 'fy'>, { readonly code: string; readonly words: (value: Exact | CalendarDate | number) => string }> = {
  money: { code: '£#,##0;-£#,##0', words: (v) => `${sign(v)}£${grouped(exact(v).abs().div(100).toDecimalPlaces(0), 0)}` },
  amount: { code: '#,##0.00;-#,##0.00', words: (v) => `${sign(v)}${grouped(exact(v).abs().div(100).toDecimalPlaces(2), 2)}` },
  date: { code: 'd mmmm yyyy', words: (v) => { const d = v as CalendarDate; return `${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`; } },
  rate: { code: '0.0#%', words: (v) => `${exact(v).times(100).toDecimalPlaces(2).toFixed(2).replace(/(\.\d)0$/, '$1')}%` },
  count: { code: '0', words: (v) => exact(v).toDecimalPlaces(0).toFixed(0) },
};

const exact = (v: Exact | CalendarDate | number): Exact => (typeof v === 'number' ? new Exact(v) : v as Exact);
/** Money and amounts are held in pence; a minus for a value below zero once rounded is shown as the cell shows it. */
const sign = (v: Exact | CalendarDate | number) => (exact(v).isNeg() && !exact(v).isZero() ? '-' : '');
const wholeOrPence = [new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }), new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })];
/** Groups the digits of a decimal already rounded, exactly (Intl reads the decimal string, not a double). */
function grouped(value: Exact, places: 0 | 2): string {
  const format = wholeOrPence[places === 0 ? 0 : 1].format as (n: string | number) => string;
  return format(value.toFixed(places));
}

/** A figure in words, as the sheet shows it. A figure with no value to show (a switching value with none) is its words. */
export function figureWords(figure: Figure): string {
  if (typeof figure.value === 'string') return figure.value;
  if (figure.show === 'text' || figure.show === 'fy') return String(figure.value);
  return FIGURE_FORMATS[figure.show].words(figure.value);
}

export function partsWords(parts: readonly Part[]): string {
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    if (isFigure(part)) return figureWords(part);
    return partsWords(chosen(part));
  }).join('');
}

/** The report in words, block by block. */
export function reportDocument(report: Report): DocumentPlan {
  return {
    title: report.title,
    blocks: report.blocks.map((block) => {
      if ('heading' in block) return block;
      if ('paragraph' in block) return { paragraph: partsWords(block.paragraph) };
      const { columns, rows, total } = block.table;
      return { table: { columns, rows: rows.map((cells) => cells.map(partsWords)), ...(total ? { total: total.map(partsWords) } : {}) } };
    }),
  };
}

/** Plain text: paragraphs apart, a table's columns separated by tabs (as Word and Excel paste them). */
export function documentText(doc: DocumentPlan): string {
  const lines = [doc.title, ''];
  for (const block of doc.blocks) {
    if ('heading' in block) lines.push(block.heading, '');
    else if ('paragraph' in block) lines.push(block.paragraph, '');
    else {
      const { columns, rows, total } = block.table;
      for (const cells of [columns.map((c) => c.heading), ...rows, ...(total ? [total] : [])]) lines.push(cells.join('\t').trimEnd());
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML that pastes into Word: headings, paragraphs and ruled tables with money to the right. */
export function documentHtml(doc: DocumentPlan): string {
  const cell = (tag: 'th' | 'td', value: string, align: string, bold = false) =>
    `<${tag} style="border:1px solid #808080;padding:2pt 6pt;text-align:${align === 'centre' ? 'center' : align}${bold ? ';font-weight:bold' : ''}">${escapeHtml(value)}</${tag}>`;
  const parts = [`<h2>${escapeHtml(doc.title)}</h2>`];
  for (const block of doc.blocks) {
    if ('heading' in block) parts.push(`<h3>${escapeHtml(block.heading)}</h3>`);
    else if ('paragraph' in block) parts.push(`<p>${escapeHtml(block.paragraph)}</p>`);
    else {
      const { columns, rows, total } = block.table;
      const row = (cells: readonly string[], tag: 'th' | 'td', bold = false) => `<tr>${cells.map((value, i) => cell(tag, value, columns[i].align, bold)).join('')}</tr>`;
      parts.push(`<table style="border-collapse:collapse"><thead>${row(columns.map((c) => c.heading), 'th')}</thead><tbody>${rows.map((cells) => row(cells, 'td')).join('')}${total ? row(total, 'td', true) : ''}</tbody></table>`);
    }
  }
  return `<div style="font-family:Arial,sans-serif;font-size:11pt">${parts.join('')}</div>`;
}
