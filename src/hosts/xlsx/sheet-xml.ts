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
  column: number;
  content: Content;
  style: string;
  format: string | undefined;
}

/** A row of a sheet as written: its cells in column order. */
export interface PlannedRow {
  readonly row: number;
  readonly cells: readonly PlannedCell[];
}

/** A sheet's rows, made afresh each time they are asked for, so that a sheet of a million rows is never held whole. */
export type SheetRows = () => Iterable<PlannedRow>;

interface Span {
  readonly top: number;
  readonly bottom: number;
  /** Its place in the plan: a later block or paint wins over an earlier one. */
  readonly order: number;
}

/**
 * The rows the spans cover, in order, each with the spans over it in the plan's order: a sweep
 * down the sheet, each span taken up at its top and let go below its bottom, so that the rows are
 * made one at a time in time that grows with the cells, however many blocks the sheet has.
 */
function* sweep<T extends Span>(spans: readonly T[]): Iterable<{ row: number; over: readonly T[] }> {
  const starts = [...spans].sort((a, b) => a.top - b.top || a.order - b.order);
  let next = 0;
  let active: T[] = [];
  let row = starts.length > 0 ? starts[0].top : 0;
  while (next < starts.length || active.length > 0) {
    if (active.length === 0 && starts[next].top > row) row = starts[next].top;
    let added = false;
    while (next < starts.length && starts[next].top <= row) {
      active.push(starts[next++]);
      added = true;
    }
    if (added) active.sort((a, b) => a.order - b.order);
    yield { row, over: active };
    row += 1;
    active = active.filter((span) => span.bottom >= row);
  }
}

/** The sheet's cells, row by row, as the plan leaves them: blocks first, then the paints over them. */
export function plannedRows(sheet: SheetPlan): SheetRows {
  return function* rows() {
    type Spanned = Span & ({ block: SheetPlan['blocks'][number] } | { paint: SheetPlan['paints'][number] });
    const spans: Spanned[] = [
      ...sheet.blocks.map((block, i) => ({ top: block.top, bottom: block.top + block.rows.length - 1, order: i, block })),
      ...sheet.paints.map((paint, i) => ({ top: paint.top, bottom: paint.bottom, order: sheet.blocks.length + i, paint })),
    ];
    for (const { row, over } of sweep(spans)) {
      const cells = new Map<number, PlannedCell>();
      for (const span of over) {
        if ('block' in span) {
          const { block } = span;
          block.rows.at(row - block.top)?.forEach((content, c) => {
            const column = block.left + c;
            cells.set(column, { column, content, style: block.style, format: block.formats?.[c] });
          });
        } else {
          const { paint } = span;
          for (let column = paint.left; column <= paint.right; column++) {
            const cell = cells.get(column);
            cells.set(column, { column, content: cell?.content ?? null, style: paint.style, format: cell?.format });
          }
        }
      }
      if (cells.size > 0) yield { row, cells: [...cells.values()].sort((a, b) => a.column - b.column) };
    }
  };
}

/** What writing a sheet needs to know before its first row: the (style, number format) pairs its cells use, and its extent. */
export interface SheetExtent {
  readonly used: readonly (readonly [string, string | undefined])[];
  readonly lastRow: number;
  readonly lastColumn: number;
}

export function sheetExtent(rows: SheetRows): SheetExtent {
  const used = new Map<string, readonly [string, string | undefined]>();
  let lastRow = 0;
  let lastColumn = 1;
  for (const { row, cells } of rows()) {
    lastRow = Math.max(lastRow, row);
    for (const cell of cells) {
      lastColumn = Math.max(lastColumn, cell.column);
      const key = `${cell.style}\u0000${cell.format ?? ''}`;
      if (!used.has(key)) used.set(key, [cell.style, cell.format]);
    }
  }
  return { used: [...used.values()], lastRow, lastColumn };
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
 * The worksheet part of a planned sheet, as pieces of text in order; `cellFormat` gives the styles
 * part's number of each (style, format).
 */
export function* sheetXml(sheet: SheetPlan, rows: SheetRows, extent: SheetExtent, cellFormat: (style: string, format: string | undefined) => number, { drawing, date1904 = false }: SheetOptions = {}): Iterable<string> {
  yield `${XML_DECLARATION}<worksheet xmlns="${NAMESPACE.spreadsheet}"${drawing ? ` xmlns:r="${NAMESPACE.relationships}"` : ''}>`;
  const properties = `${sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.slice(1).toUpperCase()}"/>` : ''}${sheet.print ? '<pageSetUpPr fitToPage="1"/>' : ''}`;
  if (properties) yield `<sheetPr>${properties}</sheetPr>`;
  if (extent.lastRow > 0) yield `<dimension ref="A1:${columnName(extent.lastColumn)}${extent.lastRow}"/>`;
  yield `<sheetViews><sheetView workbookViewId="0">${sheet.freeze ? frozenPane(sheet.freeze) : ''}</sheetView></sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  if (sheet.columnWidths.length > 0) {
    yield `<cols>${sheet.columnWidths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`;
  }
  yield '<sheetData>';
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.points]));
  for (const { row: r, cells } of rows()) {
    const height = heights.get(r);
    let xml = `<row r="${r}"${height === undefined ? '' : ` ht="${height}" customHeight="1"`}>`;
    for (const cell of cells) xml += cellXml(a1(r, cell.column), cellFormat(cell.style, cell.format), heldContent(cell.content, cell.format, date1904));
    yield `${xml}</row>`;
  }
  yield '</sheetData>';
  if (sheet.validations.length > 0) {
    yield `<dataValidations count="${sheet.validations.length}">${sheet.validations.map((v) => {
      const allowed = v.allowed.join(',');
      return `<dataValidation type="list" allowBlank="0" showErrorMessage="1" errorTitle="Not allowed" error="${xmlAttribute(`Choose ${v.allowed.join(' or ')}`)}" sqref="${a1(v.top, v.left)}:${a1(v.bottom, v.right)}"><formula1>${xmlText(`"${allowed}"`)}</formula1></dataValidation>`;
    }).join('')}</dataValidations>`;
  }
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (sheet.print) yield* printXml(sheet.print);
  if (drawing) yield `<drawing r:id="${drawing}"/>`;
  yield '</worksheet>';
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

/**
 * A sheet of plain values: the source sheet of a file vfm cannot edit in place, copied into a new
 * workbook, every cell that holds something in `style`; its rows are made from the grid as they
 * are written.
 */
export function valuesSheet(grid: Grid, style: string): { sheet: SheetPlan; rows: SheetRows } {
  // Each column as wide as its longest text or number (within reason), from column A; a title
  // alone on its row runs over the cells beside it instead.
  const widths: number[] = [];
  for (const row of grid.values) {
    let filled = 0;
    for (const value of row) if (value !== null) filled += 1;
    if (filled <= 1) continue;
    row.forEach((value, c) => {
      const content = sourceContent(value).content;
      const length = content === null ? 0 : 'text' in content ? content.text.length : 'number' in content ? String(content.number).length + 2 : 5;
      const column = grid.left - 1 + c;
      widths[column] = Math.max(widths[column] ?? 8.43, Math.min(50, length + 1));
    });
  }
  const sheet: SheetPlan = { name: grid.sheet, columnWidths: Array.from(widths, (width) => width ?? 8.43), blocks: [], paints: [], validations: [] };
  return {
    sheet,
    rows: function* rows() {
      for (let r = 0; r < grid.values.length; r++) {
        const cells: PlannedCell[] = [];
        grid.values[r].forEach((value, c) => {
          const { content, format } = sourceContent(value);
          if (content !== null) cells.push({ column: grid.left + c, content, style, format });
        });
        if (cells.length > 0) yield { row: grid.top + r, cells };
      }
    },
  };
}
