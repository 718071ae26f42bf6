// Applies a layout plan to the open workbook through Office.js: every block as one 2-D write, with
// calculation suspended, in as few requests as the 5 MB limit of Excel on the web allows (each kept
// under 4 MB); then Excel calculates the workbook in one more, and the values of the names asked
// for are read back as it calculated them. Every decision about what to write is in the plan; this
// file only knows how Office.js writes it.
import { a1, absoluteReference, columnName, rangeA1 } from '../../core/cell';
import { heldContent } from '../date-system';
import { Block, CellBlock, ChartPlan, Content, PrintSetup, Style, WorkbookPlan, rowsOf } from '../../layout/plan';
import { sectionCodes } from '../footer-codes';

/** Requests stay under this, well inside Excel on the web's 5 MB. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Bytes of cells (contents and number formats) queued before a request is sent: room is left for the rest. */
const CELL_BYTES_PER_REQUEST = 3_500_000;
/** What applying one style sends (about eight format settings, each with its object path): a generous size. */
const STYLE_BYTES = 1_500;

/** Points per character of column width (Excel's default 8.43 characters is 48 points). */
const POINTS_PER_CHARACTER = 48 / 8.43;

/**
 * Text as Excel must be given it to keep it text. Excel reads what it is given as if typed: a
 * formula (= + - @), a number (1E3, 1 1/2, 12%), a date or time by the locale's rules (Apr 2024,
 * 3 Jan, 12:00 PM), an error (#N/A), TRUE/FALSE, and it drops a leading apostrophe. So a text is
 * left bare only when it certainly stays text: no digit of any script, no leading tab or line
 * break, no = + - @ ' # first (after any spaces), and not TRUE or FALSE. Every other text gets a
 * leading apostrophe, which Excel does not store: one byte more.
 */
export function protectText(text: string): string {
  const bare =
    text === '' ||
    (!/\p{N}/u.test(text) &&
      !/^[\t\r\n]/.test(text) &&
      !/^\s*[=+\-@'#＝＋－＠＃＇−]/.test(text) &&
      !/^\s*(true|false)\s*$/i.test(text));
  return bare ? text : `'${text}`;
}

function formulaInput(content: Content): string | number {
  if (content === null) return '';
  if ('text' in content) return protectText(content.text);
  if ('number' in content) return content.number;
  return `=${content.formula}`;
}


function applyStyle(range: Excel.Range, style: Style): void {
  const font = range.format.font;
  font.name = 'Calibri';
  font.size = style.size ?? 11;
  font.bold = style.bold ?? false;
  font.italic = style.italic ?? false;
  font.color = style.color ?? '#000000';
  if (style.fill) range.format.fill.color = style.fill;
  else range.format.fill.clear();
  const weight = { thin: 'Thin', medium: 'Medium', double: 'Thick' } as const;
  for (const [edge, line] of [['EdgeTop', style.borderTop], ['EdgeBottom', style.borderBottom]] as const) {
    if (!line) continue;
    const border = range.format.borders.getItem(edge);
    border.style = line === 'double' ? 'Double' : 'Continuous';
    if (line !== 'double') border.weight = weight[line];
  }
  if (style.horizontal) range.format.horizontalAlignment = style.horizontal === 'center' ? 'Center' : style.horizontal === 'left' ? 'Left' : 'Right';
  if (style.wrap) {
    range.format.wrapText = true;
    range.format.verticalAlignment = 'Top';
  }
}

/** The number formats of a block's rows (one per column), or undefined when it sets none. */
function formatRow(block: Block, width: number): string[] | undefined {
  if (!block.formats?.some((f) => f !== undefined)) return undefined;
  return Array.from({ length: width }, (_, c) => block.formats?.[c] ?? 'General');
}

function widthOf(block: Block): number {
  let width = 0;
  for (const row of rowsOf(block.rows)) width = Math.max(width, row.length);
  return width;
}

/** What a row of a block sends: its contents and, where the block has them, its number formats. */
function rowBytes(block: Block): (row: readonly Content[]) => number {
  const formats = formatRow(block, widthOf(block));
  const formatBytes = formats ? JSON.stringify(formats).length : 0;
  return (row) => JSON.stringify(row.map(formulaInput)).length + formatBytes + 8;
}

/** A block cut into pieces of whole rows, each small enough for one request, made one at a time. */
export function* pieces(block: Block, budget = CELL_BYTES_PER_REQUEST): Iterable<Block & { readonly rows: readonly (readonly Content[])[] }> {
  const sizeOf = rowBytes(block);
  let top = block.top;
  let rows: (readonly Content[])[] = [];
  let bytes = 0;
  for (const row of rowsOf(block.rows)) {
    const size = sizeOf(row);
    if (rows.length > 0 && bytes + size > budget) {
      yield { ...block, top, rows };
      top += rows.length;
      rows = [];
      bytes = 0;
    }
    rows.push(row);
    bytes += size;
  }
  yield { ...block, top, rows };
}


/**
 * A native chart over the sheet's cells: made from the first series' values, then given the
 * categories and the other series by range (ExcelApi 1.7), a title, its place and its axes.
 */
function addChart(sheet: Excel.Worksheet, chart: ChartPlan): void {
  const range = (block: CellBlock) => sheet.getRange(rangeA1(block));
  const [first, ...others] = chart.series;
  const byRows = first.values.top === first.values.bottom;
  const made = sheet.charts.add(chart.kind === 'bar' ? 'BarClustered' : 'ColumnClustered', range(first.values), byRows ? 'Rows' : 'Columns');
  made.title.text = chart.title;
  made.setPosition(a1(chart.anchor.top, chart.anchor.left), a1(chart.anchor.bottom, chart.anchor.right));
  made.legend.position = 'Bottom';
  if (chart.valueFormat) made.axes.valueAxis.numberFormat = chart.valueFormat;
  // Bars across list the first category at the top, as the table above them does.
  if (chart.kind === 'bar') made.axes.categoryAxis.reversePlotOrder = true;
  const firstSeries = made.series.getItemAt(0);
  firstSeries.name = first.name.text;
  firstSeries.setXAxisValues(range(chart.categories));
  for (const other of others) {
    const series = made.series.add(other.name.text);
    series.setValues(range(other.values));
    series.setXAxisValues(range(chart.categories));
  }
}

/**
 * A sheet's print set-up (ExcelApi 1.9): paper, orientation and fit; its print area and title rows
 * (names of the sheet's own, which follow it when it is renamed); a manual break above each row
 * asked; and the footer, in the codes Excel reads.
 */
function setUpPrinting(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.paperSize = print.paper;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
  layout.setPrintArea(rangeA1(print.area));
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  for (const row of print.breaksAbove) sheet.horizontalPageBreaks.add(a1(row, print.area.left));
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = sectionCodes(print.footer.left);
  footer.centerFooter = sectionCodes(print.footer.center);
  footer.rightFooter = sectionCodes(print.footer.right);
}

/** The name a planned sheet is written under until the last request puts it in place. */
export const writingName = (index: number, name: string) => `~${index + 1} ${name}`.slice(0, 31);

/**
 * The names the writer keeps while a run is being written, so that a run cut short (the pane closed,
 * a request failed and its clean-up with it) is found and repaired later: `VfM_Writing_N` marks the
 * N-th new sheet from the request that adds it; `VfM_Writing_Done` says the last request had put
 * every sheet and name of the new run in place before it stopped.
 */
const WRITING = 'VfM_Writing_';
export const writingMarker = (index: number) => `${WRITING}${index + 1}`;
const WRITTEN = `${WRITING}Done`;
const isWritingName = (name: string) => name.toLowerCase().startsWith(WRITING.toLowerCase());
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

type NameRead = { readonly name: string; readonly sheet: string };

/** What a run cut short left in the workbook, and what repairs it. */
export interface InterruptedWrite {
  /** True when its last request had put the new run in place: only the writer's own names are left to delete. */
  readonly finished: boolean;
  /** The sheets it had begun, to delete (none when finished). */
  readonly sheets: readonly string[];
  /** The names to delete: the writer's own, and those on the sheets it had begun. */
  readonly names: readonly string[];
}

/** What an interrupted run left, from the defined names and sheet names as read; undefined when none was interrupted. */
export function interruptedWrite(definedNames: readonly NameRead[], sheetNames: readonly string[]): InterruptedWrite | undefined {
  const markers = definedNames.filter((n) => isWritingName(n.name));
  if (markers.length === 0) return undefined;
  if (markers.some((n) => same(n.name, WRITTEN))) return { finished: true, sheets: [], names: markers.map((n) => n.name) };
  const sheets = sheetNames.filter((sheet) => markers.some((m) => same(m.sheet, sheet)));
  const names = definedNames.filter((n) => isWritingName(n.name) || sheets.some((sheet) => same(sheet, n.sheet))).map((n) => n.name);
  return { finished: false, sheets, names };
}

/** The sheet and defined names as they will be once `interrupted` is repaired. */
export function repaired<T extends { readonly sheetNames: readonly string[]; readonly definedNames: readonly NameRead[] }>(read: T, interrupted: InterruptedWrite | undefined): T {
  if (!interrupted) return read;
  return {
    ...read,
    sheetNames: read.sheetNames.filter((sheet) => !interrupted.sheets.includes(sheet)),
    definedNames: read.definedNames.filter((n) => !interrupted.names.includes(n.name)),
  };
}

/** Queues the repair: the names, then the sheets (the writer's, never the last sheet of the workbook). */
export function queueRepair(context: Excel.RequestContext, interrupted: InterruptedWrite): void {
  for (const name of interrupted.names) context.workbook.names.getItem(name).delete();
  for (const sheet of interrupted.sheets) context.workbook.worksheets.getItem(sheet).delete();
}

/** Repairs what an interrupted run left, in one round trip. */
export async function repairWrite(context: Excel.RequestContext, interrupted: InterruptedWrite): Promise<void> {
  queueRepair(context, interrupted);
  await context.sync();
}

/** What Excel calculated once the plan was written. */
export interface Calculated {
  /** The values of the names asked for, rows of columns, as Excel calculated them; undefined for a name the workbook lacks. */
  readonly values?: Readonly<Record<string, unknown[][] | undefined>>;
  /** Why Excel was not asked to calculate, or its values not read: the plan is written all the same. */
  readonly failed?: unknown;
}

/**
 * Excel asked to calculate the whole workbook (Full: every formula, as the writes were made with
 * calculation suspended, which leaves recalculating to the add-in), and the values of `names` read
 * as it calculated them, in the same request: one round trip.
 */
export async function calculateAndRead(context: Excel.RequestContext, names: readonly string[]): Promise<Record<string, unknown[][] | undefined>> {
  context.application.calculate('Full');
  const ranges = names.map((name) => context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject().load('values'));
  await context.sync();
  return Object.fromEntries(names.map((name, i) => [name, ranges[i].isNullObject ? undefined : ranges[i].values]));
}

/**
 * Writes the plan, all or nothing, then has Excel calculate it and reads back the values of
 * `readBack` (names) as Excel calculated them. A run cut short earlier (`interrupted`, as read) is repaired
 * first, in the first request. Its dates are written as the workbook counts them (`date1904`: the
 * 1904 date system, 1,462 days less than the plan's 1900 serials). The new sheets are written under temporary names, each marked from
 * the request that adds it; only the last request retires the product's earlier sheets and the names
 * the plan removes (of `existingNames`: the workbook's defined names as read before, less those the repair deletes),
 * gives the new sheets their names, defines the plan's names, and then drops the marks. If any
 * request fails before then, the new sheets are removed again and the earlier run stays as it was;
 * if the clean-up fails too, or the pane is closed meanwhile, the marks let the next Generate, or the
 * next opening of the pane, find and repair it (`interruptedWrite`). The calculation comes in a
 * request of its own, after the last write: Office.js suspends calculation until the next sync, so
 * in the last write's request Excel would not calculate. Once the plan is in place a failure there
 * is reported in the answer, not thrown.
 */
export async function writeWorkbook(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  existingNames: readonly NameRead[],
  interrupted?: InterruptedWrite,
  readBack: readonly string[] = [],
  date1904 = false,
): Promise<Calculated> {
  if (interrupted) queueRepair(context, interrupted);
  try {
    await writeSheets(context, plan, date1904);
  } catch (error) {
    await removeUnfinished(context, plan).catch(() => undefined); // best effort; the first error is the one to report
    throw error;
  }
  const workbook = context.workbook;
  context.application.suspendApiCalculationUntilNextSync();
  // The earlier sheets go first, so that a request cut short never leaves one of them without the name that marks it.
  for (const name of plan.remove) workbook.worksheets.getItem(name).delete();
  // The names the plan removes, of those the workbook holds (Office.js reads the workbook's own names only).
  const held = new Set(existingNames.map((n) => n.name.toLowerCase()));
  for (const name of plan.removeNames ?? []) {
    if (name.scope === undefined && held.has(name.name.toLowerCase())) workbook.names.getItem(name.name).delete();
  }
  plan.sheets.forEach((planned, i) => (workbook.worksheets.getItem(writingName(i, planned.name)).name = planned.name));
  for (const name of plan.names) workbook.names.add(name.name, `=${absoluteReference(name.sheet, name)}`);
  workbook.names.add(WRITTEN, '=TRUE');
  plan.sheets.forEach((_, i) => workbook.names.getItem(writingMarker(i)).delete());
  workbook.names.getItem(WRITTEN).delete();
  await context.sync();
  try {
    return { values: await calculateAndRead(context, readBack) };
  } catch (error) {
    return { failed: error };
  }
}

async function removeUnfinished(context: Excel.RequestContext, plan: WorkbookPlan): Promise<void> {
  const names = plan.sheets.map((_, i) => context.workbook.names.getItemOrNullObject(writingMarker(i)));
  const sheets = plan.sheets.map((planned, i) => context.workbook.worksheets.getItemOrNullObject(writingName(i, planned.name)));
  await context.sync();
  for (const name of names) if (!name.isNullObject) name.delete();
  for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
  await context.sync();
}

/**
 * The new sheets, under their temporary names, in requests under the budget; the last is left
 * queued. In a workbook of the 1904 date system (`date1904`) the plan's dates are written as it counts them.
 */
async function writeSheets(context: Excel.RequestContext, plan: WorkbookPlan, date1904: boolean): Promise<void> {
  const workbook = context.workbook;
  let pending = 0;
  /** Sends what is queued once it nears the budget; calculation stays suspended for every request. */
  const budget = async (bytes: number) => {
    if (pending > 0 && pending + bytes > CELL_BYTES_PER_REQUEST) {
      await context.sync();
      pending = 0;
    }
    if (pending === 0) context.application.suspendApiCalculationUntilNextSync();
    pending += bytes;
  };
  await budget(0);

  for (const [index, planned] of plan.sheets.entries()) {
    const sheet = workbook.worksheets.add(writingName(index, planned.name));
    workbook.names.add(writingMarker(index), sheet.getRange('A1')); // in the request that adds the sheet
    for (const block of planned.blocks) {
      const width = widthOf(block);
      const formats = formatRow(block, width);
      const sizeOf = rowBytes(block);
      for (const piece of pieces(block)) {
        await budget(piece.rows.reduce((sum, row) => sum + sizeOf(row), 0));
        const rect = piece.rows.map((row) => [...row.map((content, c) => formulaInput(heldContent(content, block.formats?.[c], date1904))), ...new Array<string>(width - row.length).fill('')]);
        const range = sheet.getRange(rangeA1({ top: piece.top, left: piece.left, bottom: piece.top + piece.rows.length - 1, right: piece.left + width - 1 }));
        if (formats) range.numberFormat = rect.map(() => formats);
        range.formulas = rect;
        await budget(STYLE_BYTES);
        applyStyle(range, plan.styles[piece.style]);
      }
    }
    for (const paint of planned.paints) {
      await budget(STYLE_BYTES);
      applyStyle(sheet.getRange(rangeA1(paint)), plan.styles[paint.style]);
    }
    planned.columnWidths.forEach((width, i) => {
      sheet.getRange(`${columnName(i + 1)}:${columnName(i + 1)}`).format.columnWidth = Math.round(width * POINTS_PER_CHARACTER * 100) / 100;
    });
    for (const { row, points } of planned.rowHeights ?? []) sheet.getRange(`${row}:${row}`).format.rowHeight = points;
    for (const v of planned.validations) {
      const range = sheet.getRange(rangeA1(v));
      range.dataValidation.rule = { list: { inCellDropDown: true, source: v.allowed.join(',') } };
      range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: 'Not allowed', message: `Choose ${v.allowed.join(' or ')}` };
    }
    for (const chart of planned.charts ?? []) addChart(sheet, chart);
    if (planned.freeze) sheet.freezePanes.freezeRows(planned.freeze.rows);
    if (planned.tabColor) sheet.tabColor = planned.tabColor;
    if (planned.print) setUpPrinting(sheet, planned.print);
  }
}
