// Reads an .xlsx or .xlsm package: its sheets, names and Excel tables from the small workbook
// parts, and one sheet's cells only when asked, so the cost of reading follows the sheet read,
// not the workbook. Every producer's spelling is taken: cells with or without addresses,
// shared or inline strings, prefixed elements, the 1904 date system.
import { SaxesParser } from 'saxes';
import { CellAt, CellRange, CellValue, DAYS_TO_1904, Grid, MAX_COLUMNS, MAX_ROWS, a1, isDateFormat, isPercentFormat, mergedAcross, columnName, columnNumber, parseRange } from '../../core/cell';
import { shorten } from '../../core/limits';
import { Package, PackageError, Relationship, relationshipsOf } from './package';
import { XmlElement, childOf, childrenOf, decodeEntities, parseXml, textOf, unescapeExcelText } from './xml';
import { HeldChart, HeldChartSeries } from '../../layout/plan';
import { NamedRange, SheetEntry, SourceWorkbook, dateCell, emptyMergedCells, namesWithSheets, rangeNames } from './source-workbook';

/** Where each part of the workbook is, read once from the workbook part and its relationships. */
export interface WorkbookParts {
  readonly workbook: string;
  readonly sheets: readonly (SheetEntry & { readonly part: string; readonly relationshipId: string })[];
  readonly styles?: string;
  readonly sharedStrings?: string;
  readonly date1904: boolean;
  /**
   * Every defined name as written, with its text, and the sheet it is local to when it is defined
   * for one sheet alone (`localSheetId`, counting every sheet, chart sheets too, in the workbook's order).
   */
  readonly definedNames: readonly { readonly name: string; readonly text: string; readonly scope?: string }[];
}

/** A sheet's `r:id`, whatever the prefix of the relationships' namespace. */
function relationshipIdOf(element: XmlElement): string {
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (attribute && attribute.localName === 'id' && attribute.prefix) return attribute.value;
  }
  return '';
}

const byKind = (rels: readonly Relationship[], kind: string) => rels.find((rel) => rel.kind === kind)?.part;

export async function workbookParts(pkg: Package): Promise<WorkbookParts> {
  const workbook = byKind(await relationshipsOf(pkg, ''), 'officeDocument');
  if (!workbook || !pkg.has(workbook)) throw new PackageError('it has no workbook part');
  const rels = await relationshipsOf(pkg, workbook);
  const root = parseXml(await pkg.text(workbook), workbook);
  const sheetsElement = childOf(root, 'sheets');
  const sheetElements = sheetsElement ? childrenOf(sheetsElement, 'sheet') : [];
  const sheets = sheetElements.flatMap((sheet) => {
    const relationshipId = relationshipIdOf(sheet);
    const rel = rels.find((r) => r.id === relationshipId);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || rel.kind !== 'worksheet') return [];
    const state = sheet.getAttribute('state');
    return [{ name: sheet.getAttribute('name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', ...(state === 'veryHidden' ? { veryHidden: true } : {}), part: rel.part, relationshipId }];
  });
  const properties = childOf(root, 'workbookPr');
  const date1904 = ['1', 'true'].includes(properties?.getAttribute('date1904') ?? '');
  const namesElement = childOf(root, 'definedNames');
  const definedNames = (namesElement ? childrenOf(namesElement, 'definedName') : []).map((element) => {
    const local = element.getAttribute('localSheetId');
    const scope = local === null ? undefined : sheetElements[Number(local)]?.getAttribute('name') ?? `the sheet numbered ${local}`;
    return { name: element.getAttribute('name') ?? '', text: textOf(element), ...(scope === undefined ? {} : { scope }) };
  });
  return { workbook, sheets, styles: byKind(rels, 'styles'), sharedStrings: byKind(rels, 'sharedStrings'), date1904, definedNames };
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the East Asian ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Built-in number formats that show a percentage (ECMA-376 18.8.30): `0%` and `0.00%`. */
const PERCENT_FORMAT_IDS = new Set([9, 10]);

/** What a cell style's number format shows a number as: a date, a percentage, or the number. */
type StyleKind = 'date' | 'percent' | 'number';

/** A cell style's (`s`) number format: its number, and its code when the file gives one (a built-in format's it does not). */
interface StyleFormat {
  readonly id: number;
  readonly code?: string;
}

/** Each cell style's number format, from the styles part. */
async function cellStyleFormats(pkg: Package, part: string | undefined): Promise<StyleFormat[]> {
  if (!part || !pkg.has(part)) return [];
  const root = parseXml(await pkg.text(part), part);
  const custom = new Map<number, string>();
  const numFmts = childOf(root, 'numFmts');
  for (const format of numFmts ? childrenOf(numFmts, 'numFmt') : []) custom.set(Number(format.getAttribute('numFmtId')), format.getAttribute('formatCode') ?? '');
  const xfs = childOf(root, 'cellXfs');
  return (xfs ? childrenOf(xfs, 'xf') : []).map((xf) => {
    const id = Number(xf.getAttribute('numFmtId') ?? 0);
    const code = custom.get(id);
    return code === undefined ? { id } : { id, code };
  });
}

/** Whether a style's number format shows a date, a percentage or the number. */
function styleKind({ id, code }: StyleFormat): StyleKind {
  if (code !== undefined) return isDateFormat(code) ? 'date' : isPercentFormat(code) ? 'percent' : 'number';
  return DATE_FORMAT_IDS.has(id) ? 'date' : PERCENT_FORMAT_IDS.has(id) ? 'percent' : 'number';
}

/** Built-in number formats by their number (ECMA-376 18.8.30), as Excel shows them in an English-language system. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/**
 * A style's number format's code: the file's own, or a built-in one's (one whose code depends on
 * the system's language, such as a currency's, is named by its number).
 */
const styleCode = ({ id, code }: StyleFormat): string => code ?? BUILT_IN_FORMATS[id] ?? `[built-in format ${id}]`;

/**
 * The shared strings a sheet uses, found in the shared-strings part without parsing the rest of
 * it: the part is walked only as far as the last string wanted. A string's phonetic runs are not
 * its text.
 */
function sharedStrings(xml: string, wanted: ReadonlySet<number>): Map<number, string> {
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  let last = 0;
  for (const index of wanted) last = Math.max(last, index);
  const prefix = /<(\w+:)?sst\b/.exec(xml)?.[1] ?? '';
  const open = `<${prefix}si>`;
  const close = `</${prefix}si>`;
  const openEmpty = `<${prefix}si/>`;
  let at = 0;
  for (let index = 0; index <= last; index++) {
    const start = xml.indexOf(`<${prefix}si`, at);
    if (start < 0) break;
    if (xml.startsWith(openEmpty, start)) {
      if (wanted.has(index)) found.set(index, '');
      at = start + openEmpty.length;
      continue;
    }
    const end = xml.indexOf(close, start);
    if (end < 0) break;
    if (wanted.has(index)) found.set(index, stringItemText(xml.slice(start + open.length, end), prefix));
    at = end + close.length;
  }
  return found;
}

function stringItemText(item: string, prefix: string): string {
  const withoutPhonetic = item.replace(new RegExp(`<${prefix}rPh\\b[\\s\\S]*?</${prefix}rPh>`, 'g'), '');
  let text = '';
  const runs = new RegExp(`<${prefix}t(?:\\s[^>]*)?>([\\s\\S]*?)</${prefix}t>`, 'g');
  for (let match = runs.exec(withoutPhonetic); match; match = runs.exec(withoutPhonetic)) text += match[1];
  return unescapeExcelText(decodeEntities(text));
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

interface RawCell {
  row: number;
  column: number;
  type: string;
  style: number;
  value: string;
  /** A `<v>` was written, even an empty one. */
  hasValue: boolean;
  formula?: string;
  /** A formula shared with the cells of its group (as Excel saves a run of like formulas): its group, and whether it is the one that holds the text. */
  shared?: { readonly index: string; readonly master: boolean };
  inline: string;
}

/**
 * Gives each cell of a shared formula's group its own formula: the text the group's first cell
 * holds, its relative references moved by the cell's offset from that one (as Excel reads them).
 */
function expandSharedFormulas(cells: RawCell[]): void {
  const masters = new Map<string, RawCell>();
  for (const c of cells) if (c.shared?.master && c.formula) masters.set(c.shared.index, c);
  for (const c of cells) {
    const master = c.shared && !c.shared.master ? masters.get(c.shared.index) : undefined;
    if (master?.formula) c.formula = shiftReferences(master.formula, c.row - master.row, c.column - master.column);
  }
}

/**
 * A formula with its relative A1 references moved down `rows` and right `columns`; `$`-anchored
 * parts, text in quotes, quoted sheet names and names stay as they are.
 */
export function shiftReferences(formula: string, rows: number, columns: number): string {
  return formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/).map((part, i) => (i % 2 === 1 ? part
    : part.replace(/(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g, (_whole, before: string, fixedColumn: string, letters: string, fixedRow: string, digits: string) => {
      const column = fixedColumn ? letters : columnName(columnNumber(letters) + columns);
      const row = fixedRow ? digits : String(Number(digits) + rows);
      return `${before}${fixedColumn}${column}${fixedRow}${row}`;
    }))).join('');
}

/** The workbook-wide parts a sheet's cells need, each read once, when first needed. */
interface SharedParts {
  readonly sharedStringsXml: () => Promise<string | undefined>;
  readonly styleKinds: () => Promise<readonly StyleKind[]>;
  readonly styleFormats: () => Promise<readonly string[]>;
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
}

/**
 * The sheet's cells as a grid: its used range from A1, or the given range. A merged block's value
 * stands in its top-left cell only, as in Excel. Hidden rows, filtered-out rows and the rows of a
 * collapsed outline are all stored as hidden rows, and are named in `hiddenRows`.
 */
async function packageSheetGrid(pkg: Package, parts: WorkbookParts, shared: SharedParts, sheet: WorkbookParts['sheets'][number], range?: CellRange, formulas?: Map<string, string>, formats?: Map<string, string>): Promise<Grid> {
  const xml = await pkg.text(sheet.part);
  const cells: RawCell[] = [];
  const hidden = new Set<number>();
  const merges: CellRange[] = [];
  const parser = new SaxesParser();
  let row = 0;
  let column = 0;
  let cell: RawCell | undefined;
  let reading: 'v' | 'f' | 't' | undefined;
  let phonetic = 0;
  parser.on('opentag', (node) => {
    const name = localName(node.name);
    const attributes = node.attributes as Record<string, string>;
    if (name === 'row') {
      row = attributes.r ? Number(attributes.r) : row + 1;
      if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new PackageError(`the sheet "${sheet.name}" (${sheet.part}) has a row ${attributes.r ? `numbered ${shorten(attributes.r)}` : `after row ${MAX_ROWS.toLocaleString('en-GB')}`}, outside Excel's rows 1 to ${MAX_ROWS.toLocaleString('en-GB')}`);
      column = 0;
      if (attributes.hidden === '1' || attributes.hidden === 'true') hidden.add(row);
    } else if (name === 'c') {
      const at = attributes.r ? parseRange(attributes.r) : undefined;
      column = at ? at.left : column + 1;
      if ((attributes.r && !at) || column > MAX_COLUMNS) throw new PackageError(`the sheet "${sheet.name}" (${sheet.part}) has a cell ${attributes.r ? shorten(attributes.r) : `after column ${columnName(MAX_COLUMNS)}`}, outside Excel's grid (columns A to ${columnName(MAX_COLUMNS)}, rows 1 to ${MAX_ROWS.toLocaleString('en-GB')})`);
      cell = { row: at?.top ?? row, column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: '', hasValue: false, inline: '' };
    } else if (cell && (name === 'v' || name === 'f')) {
      reading = name;
      if (name === 'f') {
        cell.formula = '';
        if (attributes.t === 'shared' && attributes.si !== undefined) cell.shared = { index: attributes.si, master: attributes.ref !== undefined };
      } else cell.hasValue = true;
    } else if (cell && name === 't' && phonetic === 0) {
      reading = 't';
    } else if (name === 'rPh') {
      phonetic += 1;
    } else if (name === 'mergeCell' && attributes.ref) {
      const merged = parseRange(attributes.ref);
      if (merged) merges.push(merged);
    }
  });
  parser.on('text', (text) => {
    if (!cell || !reading) return;
    if (reading === 'v') cell.value += text;
    else if (reading === 'f') cell.formula += text;
    else cell.inline += text;
  });
  parser.on('closetag', (node) => {
    const name = localName(node.name);
    if (name === 'c' && cell) {
      cells.push(cell);
      cell = undefined;
    } else if (name === 'rPh') {
      phonetic -= 1;
    }
    if (name === 'v' || name === 'f' || name === 't') reading = undefined;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(`the sheet "${sheet.name}" (${sheet.part}) is not well-formed XML`);
  }
  expandSharedFormulas(cells);

  const wantedStrings = new Set<number>();
  for (const c of cells) if (c.type === 's' && c.value !== '') wantedStrings.add(Number(c.value));
  const stringsXml = wantedStrings.size > 0 ? await shared.sharedStringsXml() : undefined;
  const strings = stringsXml ? sharedStrings(stringsXml, wantedStrings) : new Map<number, string>();
  const kinds = await shared.styleKinds();
  const codes = formats ? await shared.styleFormats() : [];

  const top = range?.top ?? 1;
  const left = range?.left ?? 1;
  let lastRow = 0;
  let lastColumn = 0;
  for (const c of cells) {
    lastRow = Math.max(lastRow, c.row);
    lastColumn = Math.max(lastColumn, c.column);
  }
  for (const r of hidden) lastRow = Math.max(lastRow, r);
  const bottom = range?.bottom ?? lastRow;
  const right = range?.right ?? lastColumn;
  const values: CellValue[][] = Array.from({ length: Math.max(0, bottom - top + 1) }, () => []);
  const percentCells: CellAt[] = [];
  for (const c of cells) {
    if (c.row < top || c.row > bottom || c.column < left || c.column > right) continue;
    if (formulas && c.formula !== undefined) formulas.set(a1(c.row, c.column), c.formula);
    const code = codes[c.style] ?? 'General';
    if (formats && code !== 'General') formats.set(a1(c.row, c.column), code);
    const value = rawValue(c, strings, kinds, parts.date1904);
    if (value === null) continue;
    values[c.row - top][c.column - left] = value;
    if (typeof value === 'number' && kinds[c.style] === 'percent') percentCells.push({ row: c.row, column: c.column });
  }
  for (const r of values) for (let i = 0; i < r.length; i++) if (r[i] === undefined) r[i] = null;
  emptyMergedCells(values, top, left, merges);
  const hiddenRows = [...hidden].filter((r) => r >= top && r <= bottom).sort((a, b) => a - b);
  const mergedAcrossRows = mergedAcross(merges, { top, left, bottom, right });
  return {
    sheet: sheet.name, top, left, values,
    ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
    ...(mergedAcrossRows.length > 0 ? { mergedAcrossRows } : {}),
    ...(percentCells.length > 0 ? { percentCells } : {}),
  };
}

/** A number as a sheet stores it: decimal digits, a point, an exponent. */
const DECIMAL_NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** A cell's value as the core sees it: what Excel shows, with errors, dates and uncalculated formulas kept apart. */
function rawValue(cell: RawCell, strings: ReadonlyMap<number, string>, kinds: readonly StyleKind[], date1904: boolean): CellValue {
  const value = cell.value;
  if (cell.formula !== undefined && !cell.hasValue && cell.type !== 'inlineStr') return { formula: cell.formula };
  switch (cell.type) {
    case 's': return value === '' ? null : strings.get(Number(value)) ?? null;
    case 'inlineStr': return unescapeExcelText(cell.inline);
    case 'str': return unescapeExcelText(value);
    case 'b': return value === '1' || value === 'true';
    case 'e': return { error: value };
    case 'd': return /^\d{4}-\d{2}-\d{2}/.test(value) ? { date: value.slice(0, 10) } : value;
    default: {
      if (value === '') return null;
      // A number is stored in decimal digits (xsd:double); anything else (`0x1F`, which JavaScript
      // would read as 31 and LibreOffice shows as 0) is the text it is, for the core to refuse.
      if (!DECIMAL_NUMBER.test(value)) return value;
      const number = Number(value);
      return kinds[cell.style] === 'date' ? dateCell(date1904 ? number + DAYS_TO_1904 : number) : number;
    }
  }
}

/** The package's Excel tables, by the sheet each is on. */
async function packageTables(pkg: Package, parts: WorkbookParts): Promise<NamedRange[]> {
  const tables: NamedRange[] = [];
  for (const sheet of parts.sheets) {
    for (const rel of await relationshipsOf(pkg, sheet.part)) {
      if (rel.kind !== 'table' || !pkg.has(rel.part)) continue;
      const table = parseXml(await pkg.text(rel.part), rel.part);
      const range = parseRange(table.getAttribute('ref') ?? '');
      const name = table.getAttribute('displayName') ?? table.getAttribute('name') ?? '';
      if (range && name) tables.push({ name, kind: 'table', sheet: sheet.name, range });
    }
  }
  return tables;
}

/** The element's descendants of that local name, in document order. */
const descendantsOf = (element: XmlElement, localName: string): XmlElement[] =>
  Array.from(element.getElementsByTagName('*')).filter((e) => e.localName === localName);

/** The formula of a chart's reference element (`c:tx`, `c:cat`, `c:val`…), as written without "=". */
const chartFormula = (element: XmlElement | undefined): string | undefined => {
  const f = element && descendantsOf(element, 'f')[0];
  return f ? textOf(f).trim().replace(/^=/, '') : undefined;
};

/** A chart part's title and series, each series' name, categories and values as the part writes them. */
function chartOf(xml: string, part: string): HeldChart {
  const root = parseXml(xml, part);
  const chart = childOf(root, 'chart');
  const title = chart && childOf(chart, 'title');
  const plotArea = chart && childOf(chart, 'plotArea');
  // The series each kind of chart in the plot area draws; those a filter hides are kept apart, in an extension.
  const drawn: XmlElement[] = [];
  for (let kind = plotArea?.firstChild; kind; kind = kind.nextSibling) if (kind.nodeType === 1) drawn.push(...childrenOf(kind as XmlElement, 'ser'));
  const series = drawn.map((ser): HeldChartSeries => {
    const tx = childOf(ser, 'tx');
    const formula = chartFormula(tx);
    const name = formula !== undefined ? { formula } : tx && childOf(tx, 'v') ? { text: textOf(childOf(tx, 'v') as XmlElement) } : undefined;
    const categories = chartFormula(childOf(ser, 'cat') ?? childOf(ser, 'xVal'));
    const values = chartFormula(childOf(ser, 'val') ?? childOf(ser, 'yVal'));
    return { ...(name ? { name } : {}), ...(categories === undefined ? {} : { categories }), ...(values === undefined ? {} : { values }) };
  });
  const titleText = title ? descendantsOf(title, 't').map(textOf).join('') : '';
  return { ...(titleText ? { title: titleText } : {}), series };
}

/** The charts over a sheet, in the order its drawings place them: sheet, its drawing, each chart part the drawing's frames name. */
async function packageCharts(pkg: Package, sheetPart: string): Promise<HeldChart[]> {
  const charts: HeldChart[] = [];
  for (const drawing of (await relationshipsOf(pkg, sheetPart)).filter((rel) => rel.kind === 'drawing' && pkg.has(rel.part))) {
    const rels = await relationshipsOf(pkg, drawing.part);
    const root = parseXml(await pkg.text(drawing.part), drawing.part);
    for (const frame of descendantsOf(root, 'chart')) {
      const rel = rels.find((r) => r.id === relationshipIdOf(frame) && r.kind === 'chart');
      if (rel && pkg.has(rel.part)) charts.push(chartOf(await pkg.text(rel.part), rel.part));
    }
  }
  return charts;
}

export async function readPackageWorkbook(pkg: Package, macros: boolean): Promise<SourceWorkbook> {
  const parts = await workbookParts(pkg);
  const tables = await packageTables(pkg, parts);
  const formats = once(() => cellStyleFormats(pkg, parts.styles));
  const shared: SharedParts = {
    sharedStringsXml: once(async () => (parts.sharedStrings && pkg.has(parts.sharedStrings) ? pkg.text(parts.sharedStrings) : undefined)),
    styleKinds: once(async () => (await formats()).map(styleKind)),
    styleFormats: once(async () => (await formats()).map(styleCode)),
  };
  const sheetNamed = (name: string) => {
    const sheet = parts.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`the workbook has no sheet "${name}"`);
    return sheet;
  };
  return {
    kind: macros ? 'xlsm' : 'xlsx',
    sheets: parts.sheets.map(({ name, hidden, veryHidden }) => ({ name, hidden, ...(veryHidden ? { veryHidden } : {}) })),
    definedNames: namesWithSheets(parts.definedNames),
    nameDefinitions: parts.definedNames.map(({ name, text, scope }) => ({ name, refersTo: text.trim().replace(/^=/, ''), ...(scope === undefined ? {} : { scope }) })),
    namedRanges: [...tables, ...rangeNames(parts.definedNames, parts.sheets)],
    grid: async (name, range) => packageSheetGrid(pkg, parts, shared, sheetNamed(name), range),
    cells: async (name) => {
      const formulas = new Map<string, string>();
      const formats = new Map<string, string>();
      const grid = await packageSheetGrid(pkg, parts, shared, sheetNamed(name), undefined, formulas, formats);
      return { grid, formulas, formats };
    },
    charts: async (name) => packageCharts(pkg, sheetNamed(name).part),
    package: pkg,
  };
}
