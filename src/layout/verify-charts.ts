// Verifying a sheet's charts (docs/conventions.md, "Verifying a scenario workbook"): each chart the plan puts
// on a product sheet, in the order the sheet's drawing holds them, must draw each series from the
// cells the plan gives: its name, its categories and its values. References are compared as the
// cells they name, not as text (`'VfM Options'!$D$96` is `'VfM Options'!D96`, a sheet name without
// case). Titles are not compared: the tornado's names the option in focus at the run, and draws
// the rows of inputs the run varied.
import { CellRange, absoluteReference, parseRange, sheetReference } from '../core/cell';
import { formulaTokens } from '../core/formula-tokens';
import { HeldChart, HeldChartSeries, HeldChartText, SheetPlan } from './plan';
import { Finding } from './verify';

export type { HeldChart, HeldChartSeries, HeldChartText } from './plan';

/** What a chart's formula reads: cells of a sheet, a text, or anything else (kept as written). */
type Read = { readonly sheet: string; readonly range: CellRange } | { readonly text: string } | { readonly other: string };

/** The cells or the text a chart formula gives; a range on one sheet only is read as cells. */
function readOf(formula: string): Read {
  const tokens = formulaTokens(formula);
  const [first, second, third, fourth] = tokens;
  if (tokens.length === 1 && first.kind === 'text') return { text: first.text };
  if (first?.kind === 'sheet' && second?.kind === 'reference') {
    const cells = tokens.length === 2 ? second.cell
      : tokens.length === 4 && third.kind === 'operator' && third.operator === ':' && fourth.kind === 'reference' ? `${second.cell}:${fourth.cell}` : undefined;
    const range = cells === undefined ? undefined : parseRange(cells);
    if (range) return { sheet: first.sheet, range };
  }
  return { other: formula };
}

const words = (read: Read | undefined): string => {
  if (read === undefined) return 'none';
  if ('range' in read) return absoluteReference(read.sheet, read.range);
  return 'text' in read ? `"${read.text}"` : read.other;
};

/**
 * Whether `b` reads what `a` does. Cells in a table the sheet keeps as at the run (`fixed`: the
 * tornado, one row for each input the run varied) are read from the same first row and columns, to
 * a last row anywhere in that table: how many rows the run drew cannot be worked out from today's inputs.
 */
const same = (a: Read | undefined, b: Read | undefined, fixed: readonly CellRange[]): boolean => {
  if (a === undefined || b === undefined) return a === b;
  if ('range' in a) {
    if (!('range' in b) || a.sheet.toLowerCase() !== b.sheet.toLowerCase() || a.range.top !== b.range.top || a.range.left !== b.range.left || a.range.right !== b.range.right) return false;
    const table = fixed.find((r) => r.top <= a.range.top && r.left <= a.range.left && r.bottom >= a.range.bottom && r.right >= a.range.right);
    return a.range.bottom === b.range.bottom || (table !== undefined && b.range.bottom <= table.bottom);
  }
  if ('text' in a) return 'text' in b && a.text === b.text;
  return 'other' in b && a.other === b.other;
};

const heldName = (name: HeldChartText | undefined): Read | undefined => (name === undefined ? undefined : 'text' in name ? { text: name.text } : readOf(name.formula));

/** A series' references in words, for a series the product does not draw. */
const seriesWords = (series: HeldChartSeries) => [
  `name ${words(heldName(series.name))}`,
  `categories ${words(series.categories === undefined ? undefined : readOf(series.categories))}`,
  `values ${words(series.values === undefined ? undefined : readOf(series.values))}`,
].join(', ');

/**
 * Each difference between the charts the plan puts on `sheet` (its name as the workbook holds it,
 * which the plan's references use) and those the sheet's drawing holds: a chart missing, a series
 * missing or added, a series' name, categories or values read from other cells, and a chart the
 * product does not draw.
 */
export function chartFindings(plan: Pick<SheetPlan, 'charts' | 'fixedAtRun'>, sheet: string, held: readonly HeldChart[]): Finding[] {
  const planned = plan.charts ?? [];
  const fixed = plan.fixedAtRun ?? [];
  const findings: Finding[] = [];
  const cells = (range: CellRange): Read => ({ sheet, range });
  const placeOf = (i: number, title: string | undefined) => `${sheetReference(sheet)} chart ${i + 1}${title ? ` (${title})` : ''}`;
  planned.forEach((chart, i) => {
    const place = placeOf(i, chart.title);
    const found = held.at(i);
    if (!found) {
      findings.push({ kind: 'chart', place, message: 'a chart of the model missing' });
      return;
    }
    chart.series.forEach((series, s) => {
      const at = `${place}, series ${s + 1}`;
      const other = found.series.at(s);
      if (!other) {
        findings.push({ kind: 'chart', place: at, message: 'a chart series missing', expected: `values ${words(cells(series.values))}` });
        return;
      }
      // A name the plan reads from a cell may be that cell's text itself: Excel's add-in interface
      // names a series only by its text, as Generate in the pane writes it.
      const name = heldName(other.name);
      const namedByText = series.name.cell !== undefined && same({ text: series.name.text }, name, fixed);
      const parts: [string, Read, Read | undefined][] = [
        ['name', series.name.cell && !namedByText ? cells(series.name.cell) : { text: series.name.text }, name],
        ['categories', cells(chart.categories), other.categories === undefined ? undefined : readOf(other.categories)],
        ['values', cells(series.values), other.values === undefined ? undefined : readOf(other.values)],
      ];
      for (const [part, expected, now] of parts) {
        if (!same(expected, now, fixed)) findings.push({ kind: 'chart', place: `${at} ${part}`, message: `a chart series' ${part} ${'text' in expected ? 'changed' : 'read from other cells'}`, expected: words(expected), found: words(now) });
      }
    });
    found.series.slice(chart.series.length).forEach((series, s) => {
      findings.push({ kind: 'chart', place: `${place}, series ${chart.series.length + s + 1}`, message: 'a chart series the product does not draw', expected: 'none', found: seriesWords(series) });
    });
  });
  held.slice(planned.length).forEach((chart, i) => {
    findings.push({ kind: 'chart', place: placeOf(planned.length + i, chart.title), message: 'a chart the product does not draw', expected: 'none', found: chart.series.map(seriesWords).join('; ') || 'no series' });
  });
  return findings;
}
