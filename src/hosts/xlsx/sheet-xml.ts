// A sheet of the plan as a worksheet part (SpreadsheetML), written as text in the schema's order.
// Text goes in as inline strings, so the workbook's shared strings are never touched; formulas
// go in without results, for Excel to calculate on opening.
import { CellValue, Grid, MAX_COLUMNS, a1, columnName, excelSerial } from '../../core/cell';
import { Content, PrintSetup, SheetPlan } from '../../layout/plan';
import { parseIsoDate } from '../../core/calendar-date';
import { footerCodes } from '../footer-codes';
import { heldContent } from '../date-system';
import { NAMESPACE, XML_DECLARATION } from './ooxml';
import { xmlAttribute, xmlText } from './xml';

interface PlannedCell {
  content: Content;
  style: string;
  format: string | undefined;
}

/** The sheet's cells, row by row, as the plan leaves them: blocks first, then the paints over them. */
export type SheetCells = Map<number, Map<number, PlannedCell>>;

export function plannedCells(sheet: SheetPlan): SheetCells {
  const rows: SheetCells = new Map();
  const at = (r: number, c: number) => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    return { row, cell: row.get(c) };
  };
  for (const block of sheet.blocks) {
    block.rows.forEach((contents, r) => contents.forEach((content, c) => {
      at(block.top + r, block.left + c).row.set(block.left + c, { content, style: block.style, format: block.formats?.[c] });
    }));
  }
  for (const paint of sheet.paints) {
    for (let r = paint.top; r <= paint.bottom; r++) {
      for (let c = paint.left; c <= paint.right; c++) {
        const { row, cell } = at(r, c);
        row.set(c, { content: cell?.content ?? null, style: paint.style, format: cell?.format });
      }
    }
  }
  return rows;
}

/** Every (style, number format) the cells use. */
export function* stylesUsed(cells: SheetCells): Iterable<readonly [string, string | undefined]> {
  for (const row of cells.values()) for (const cell of row.values()) yield [cell.style, cell.format];
}

function cellXml(ref: string, style: number, content: Content): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  if (content === null) return `<c r="${ref}"${s}/>`;
  if ('number' in content) return `<c r="${ref}"${s}><v>${content.number}</v></c>`;
  if ('formula' in content) return `<c r="${ref}"${s}><f>${xmlText(content.formula)}</f></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(content.text)}</t></is></c>`;
}

function frozenPane(freeze: { rows: number; columns: number }): string {
  if (freeze.rows === 0 && freeze.columns === 0) return '';
  const pane = freeze.rows > 0 && freeze.columns > 0 ? 'bottomRight' : freeze.rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ''}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ''}`;
  return `<pane${split} topLeftCell="${a1(freeze.rows + 1, freeze.columns + 1)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}

/** How the workbook a sheet goes into holds what is not in the plan. */
export interface SheetOptions {
  /** The relationship id of the drawing that holds the sheet's charts, if any. */
  readonly drawing?: string;
  /** The workbook counts dates in the 1904 date system. */
  readonly date1904?: boolean;
}

/**
 * The worksheet part of a planned sheet; `cellFormat` gives the styles part's number of each
 * (style, format).
 */
export function sheetXml(sheet: SheetPlan, cells: SheetCells, cellFormat: (style: string, format: string | undefined) => number, { drawing, date1904 = false }: SheetOptions = {}): string {
  const parts: string[] = [`${XML_DECLARATION}<worksheet xmlns="${NAMESPACE.spreadsheet}"${drawing ? ` xmlns:r="${NAMESPACE.relationships}"` : ''}>`];
  const properties = `${sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.slice(1).toUpperCase()}"/>` : ''}${sheet.print ? '<pageSetUpPr fitToPage="1"/>' : ''}`;
  if (properties) parts.push(`<sheetPr>${properties}</sheetPr>`);
  const rowNumbers = [...cells.keys()].sort((a, b) => a - b);
  let lastColumn = 1;
  for (const row of cells.values()) for (const c of row.keys()) lastColumn = Math.max(lastColumn, c);
  if (rowNumbers.length > 0) parts.push(`<dimension ref="A1:${columnName(lastColumn)}${rowNumbers[rowNumbers.length - 1]}"/>`);
  parts.push(`<sheetViews><sheetView workbookViewId="0">${sheet.freeze ? frozenPane(sheet.freeze) : ''}</sheetView></sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columnWidths.length > 0) {
    parts.push(`<cols>${sheet.columnWidths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`);
  }
  parts.push('<sheetData>');
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.points]));
  for (const r of rowNumbers) {
    const row = cells.get(r) as Map<number, PlannedCell>;
    const columns = [...row.keys()].sort((a, b) => a - b);
    const height = heights.get(r);
    parts.push(`<row r="${r}"${height === undefined ? '' : ` ht="${height}" customHeight="1"`}>${columns.map((c) => {
      const cell = row.get(c) as PlannedCell;
      return cellXml(a1(r, c), cellFormat(cell.style, cell.format), heldContent(cell.content, cell.format, date1904));
    }).join('')}</row>`);
  }
  parts.push('</sheetData>');
  if (sheet.validations.length > 0) {
    parts.push(`<dataValidations count="${sheet.validations.length}">${sheet.validations.map((v) => {
      const allowed = v.allowed.join(',');
      return `<dataValidation type="list" allowBlank="0" showErrorMessage="1" errorTitle="Not allowed" error="${xmlAttribute(`Choose ${v.allowed.join(' or ')}`)}" sqref="${a1(v.top, v.left)}:${a1(v.bottom, v.right)}"><formula1>${xmlText(`"${allowed}"`)}</formula1></dataValidation>`;
    }).join('')}</dataValidations>`);
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.print) parts.push(...printXml(sheet.print));
  if (drawing) parts.push(`<drawing r:id="${drawing}"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

/** The paper sizes of the plan by their number in SpreadsheetML (ECMA-376 Part 1, 18.3.1.63). */
const PAPER_SIZE = { A4: 9 } as const;

/**
 * A print set-up's page set-up, footer and page breaks, each in its place after pageMargins
 * (CT_Worksheet: pageMargins, pageSetup, headerFooter, rowBreaks, ..., drawing). Its area and
 * title rows are the workbook's defined names (write-workbook.ts). A break above row R is the
 * zero-based row R - 1, across every column.
 */
function printXml(print: PrintSetup): string[] {
  const { breaksAbove } = print;
  return [
    `<pageSetup paperSize="${PAPER_SIZE[print.paper]}" orientation="${print.orientation}" fitToWidth="${print.pagesWide}" fitToHeight="0"/>`,
    `<headerFooter><oddFooter>${xmlText(footerCodes(print.footer))}</oddFooter></headerFooter>`,
    ...(breaksAbove.length > 0
      ? [`<rowBreaks count="${breaksAbove.length}" manualBreakCount="${breaksAbove.length}">${breaksAbove.map((row) => `<brk id="${row - 1}" max="${MAX_COLUMNS - 1}" man="1"/>`).join('')}</rowBreaks>`]
      : []),
  ];
}

/** A cell read from another file, as a plan's content: numbers and text as they are, dates as serials in a date format. */
function sourceContent(value: CellValue): { content: Content; format?: string } {
  if (value === null) return { content: null };
  if (typeof value === 'number') return { content: { number: value } };
  if (typeof value === 'string') return { content: { text: value } };
  if (typeof value === 'boolean') return { content: { formula: value ? 'TRUE' : 'FALSE' } };
  if ('date' in value) {
    const date = parseIsoDate(value.date);
    return date ? { content: { number: excelSerial(date) }, format: 'dd/mm/yyyy' } : { content: { text: value.date } };
  }
  if ('error' in value) return { content: { text: value.error } };
  return { content: { text: value.formula === '' ? '' : `=${value.formula}` } };
}

/** A sheet of plain values: the source sheet of a file vfm cannot edit in place, copied into a new workbook. */
export function valuesSheet(grid: Grid, style: string): SheetPlan {
  const rows = grid.values.map((row) => row.map(sourceContent));
  // Each column as wide as its longest text or number (within reason), from column A; a title
  // alone on its row runs over the cells beside it instead.
  const widths: number[] = [];
  rows.filter((row) => row.filter((cell) => cell.content !== null).length > 1).forEach((row) => row.forEach((cell, c) => {
    const content = cell.content;
    const length = content === null ? 0 : 'text' in content ? content.text.length : 'number' in content ? String(content.number).length + 2 : 5;
    const column = grid.left - 1 + c;
    widths[column] = Math.max(widths[column] ?? 8.43, Math.min(50, length + 1));
  }));
  return {
    name: grid.sheet,
    columnWidths: Array.from(widths, (width) => width ?? 8.43),
    blocks: rows.flatMap((row, r) => row.flatMap((cell, c) => (cell.content === null ? [] : [{
      top: grid.top + r, left: grid.left + c, rows: [[cell.content]], style, formats: [cell.format],
    }]))),
    paints: [],
    validations: [],
  };
}
