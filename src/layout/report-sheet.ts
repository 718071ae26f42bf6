// The "VfM Report" sheet: the committee paragraph (core/report.ts) as live formulas. Each sentence
// is one cell that joins its words to the named results, each figure written with TEXT in the
// format report-document.ts uses for the same figure in words; each table cell is a link to the
// named cell it shows, in that number format. A choice of words is one IF on its input.
import { Analysis } from '../core/analysis';
import { At, Figure, Part, Quantity, committeeReport, isFigure } from '../core/report';
import { FIGURE_FORMATS, partsWords } from './report-document';
import { NAME, NAMES, NameKey } from './names';
import { Content, DefinedName } from './plan';
import { SheetBuilder, formula, literal, text } from './sheet-builder';

/** Every quantity the report shows is a defined name of the model, by the same key (a Quantity not a NameKey fails to compile). */
const named = (of: Quantity): NameKey => of;

/** Excel refuses a text constant longer than this inside a formula. */
const LONGEST_LITERAL = 255;

/** The cell, or the cell of a row or column, that holds a figure's quantity. */
function reference(of: Quantity, at: At | undefined): string {
  const name = NAME[named(of)];
  if (at === undefined) return name;
  if (at === 'count') return `COUNTA(${name})`;
  if (at === 'last') return `INDEX(${name},${NAMES[named(of)].shape === 'row' ? 'COLUMNS' : 'ROWS'}(${name}))`;
  return `INDEX(${name},${at})`;
}

/** A base year's financial year as its label: "2011/12", or "2011" when years start in January. */
const FY_LABEL = `IF(${NAME.fyStartMonth}=1,${NAME.baseYear}&"",${NAME.baseYear}&"/"&RIGHT(${NAME.baseYear}+1,2))`;

/** A figure inside a sentence: its quantity, written as text in its format. */
function figureText(figure: Figure): string {
  if (figure.show === 'fy') return NAME.baseFyLabel;
  const ref = reference(figure.of, figure.at);
  return figure.show === 'text' ? ref : `TEXT(${ref},${literal(FIGURE_FORMATS[figure.show].code)})`;
}

/** Text as formula constants, cut to lengths Excel takes. */
function literals(words: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += LONGEST_LITERAL) pieces.push(literal(words.slice(i, i + LONGEST_LITERAL)));
  return pieces;
}

/** Parts as one formula expression joining them with &. */
function joined(parts: readonly Part[]): string {
  const terms: string[] = [];
  let words = '';
  const flush = () => { if (words) terms.push(...literals(words)); words = ''; };
  for (const part of parts) {
    if (typeof part === 'string') { words += part; continue; }
    flush();
    terms.push(isFigure(part) ? figureText(part) : `IF(${reference(part.if.of, part.if.at)}=${literal(part.is)},${joined(part.then)},${joined(part.otherwise)})`);
  }
  flush();
  return terms.length === 0 ? '""' : terms.join('&');
}

/** The style of a table's cells by how its column stands: `link`, `linkRight`, `linkCentre`. */
const ALIGNED = { left: '', right: 'Right', centre: 'Centre' } as const;

/** A table cell: a link to its figure's cell in the figure's format, a label, or words joined. */
function tableCell(parts: readonly Part[]): { content: Content; format?: string } {
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { content: null };
  const [only] = parts;
  if (parts.length === 1 && typeof only === 'string') return { content: text(only) };
  if (parts.length === 1 && isFigure(only)) {
    if (only.show === 'fy') return { content: formula(NAME.baseFyLabel) };
    return { content: formula(reference(only.of, only.at)), ...(only.show === 'text' ? {} : { format: FIGURE_FORMATS[only.show].code }) };
  }
  return { content: formula(joined(parts)) };
}

/** The report's columns: sentences in the first, wrapped; a table's columns from it. */
export const REPORT_LAYOUT = { widths: [90, 18, 22] } as const;
/** A sentence's lines in the first column, counted short to leave room for longer figures, and a line's height in points. */
const CHARACTERS_A_LINE = 85;
const LINE_POINTS = 15;

export function reportSheet(name: string, analysis: Analysis, names: DefinedName[]): SheetBuilder {
  const sheet = new SheetBuilder(name, 'report', names);
  const report = committeeReport(analysis);
  let row = 1;
  sheet.put(row++, 1, [[text(`${report.title}: a draft for the committee report`)]], 'title');
  sheet.put(row++, 1, [[text('Every figure below is a formula over the model, so the text follows any change to its inputs. Figures in sentences are to the nearest pound.')]], 'subtitle');
  let broken = false;
  for (const block of report.blocks) {
    row++;
    if ('heading' in block) {
      // The payments, notice and saving on the first printed page; the sections under headings from the second.
      if (!broken) sheet.pageBreakAbove(row);
      broken = true;
      sheet.put(row, 1, [[text(block.heading)]], 'heading');
    } else if ('paragraph' in block) {
      sheet.put(row, 1, [[formula(joined(block.paragraph))]], 'prose');
      const lines = Math.ceil(partsWords(block.paragraph).length / CHARACTERS_A_LINE);
      if (lines > 1) sheet.height(row, lines * LINE_POINTS);
    } else {
      const { columns, rows, total } = block.table;
      const put = (cells: readonly (readonly Part[])[], style: 'header' | 'link' | 'total') => {
        cells.forEach((parts, c) => {
          const { content, format } = tableCell(parts);
          sheet.put(row, 1 + c, [[content]], `${style}${ALIGNED[columns[c].align]}` as const, [format]);
        });
        row++;
      };
      put(columns.map((c) => [c.heading]), 'header');
      rows.forEach((cells) => put(cells, 'link'));
      if (total) put(total, 'total');
      row--;
    }
    row++;
  }
  // Its working, below and not printed: named, so that a sentence names the base year without an IF of its own.
  sheet.printArea({ top: 1, left: 1, bottom: row - 1, right: REPORT_LAYOUT.widths.length });
  row++;
  sheet.put(row++, 1, [[text('Working, not for the report')]], 'heading');
  sheet.put(row, 1, [[text('The base year as a financial year'), formula(FY_LABEL)]], 'label');
  sheet.define('baseFyLabel', { row, column: 2 });
  return sheet;
}
