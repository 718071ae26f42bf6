// The test's side of the fake workbook: pre-populate it, and read back exactly what Excel would
// hold (cells, names, sheets, layout), plainly or as a JSON snapshot (for the browser build).

import { MAX_ROWS, Rect, cellAddress, columnIndex, columnLetters, formatAddress, formatRect, parseA1 } from './address';
import { readFormula, readNumberFormat, readValue, readValueType, matrix } from './cells';
import { isErrorLiteral } from './input';
import {
  BorderStyle, Cell, CellValidation, Content, Edge, FontStyle, FormulaResult, PageFooter, PageZoom, Scalar, SheetModel, SheetVisibility, ValueType, WorkbookModel,
} from './model';
import type { ResolvedOptions } from './options';

/** One pre-populated cell. Strings are literal text (never parsed); formulas say so. */
export type CellSpec =
  | string
  | number
  | boolean
  | null
  | { readonly formula: string; readonly value?: Scalar }
  | { readonly error: string }
  | { readonly text: string; readonly quotePrefix?: boolean };

export interface CellDump {
  /** What `range.values` reads: "" when empty, a formula's computed value (0 when never computed). */
  value: Scalar;
  type: ValueType;
  /** With its "=". */
  formula?: string;
  /** A formula with no computed value (it reads as 0, or as the `evaluate` option says). */
  uncomputed?: true;
  /** Written while calculation was suspended, and not calculated since: it reads its old value (0 when new). */
  stale?: true;
  numberFormat?: string;
  /** Text written with a leading apostrophe. */
  quotePrefix?: true;
  font?: FontStyle;
  fill?: { color: string };
  borders?: Partial<Record<Edge, BorderStyle>>;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: true;
  validation?: CellValidation;
}

export interface SheetSnapshot {
  name: string;
  tabColor: string;
  /** Hidden or very hidden; absent when the sheet is visible. */
  visibility?: 'Hidden' | 'VeryHidden';
  freeze: { rows: number; columns: number };
  pageLayout: PageLayoutDump;
  /** Column letter → points, for columns whose width was set. */
  columnWidths: Record<string, number>;
  /** Row (1-based) → points, for rows whose height was set; absent when none. */
  rowHeights?: Record<number, number>;
  selection: string;
  cells: Record<string, CellDump>;
  /** The hidden rows (1-based, ascending); absent when none. */
  hiddenRows?: number[];
  /** The sheet's Excel tables, in the order they were added; absent when none. */
  tables?: TableSpec[];
  /** The merged blocks ("A3:A5"), in the order they were merged; absent when none. */
  merged?: string[];
}

/** How a sheet prints. */
export interface PageLayoutDump {
  orientation: 'Portrait' | 'Landscape';
  zoom: PageZoom;
  /** Excel.PaperType; absent in a snapshot taken before it was modelled: Letter. */
  paperSize?: string;
  /** "A1:K40", or null when none is set. */
  printArea?: string | null;
  /** "5:5", or null when none are set. */
  printTitleRows?: string | null;
  /** The rows (1-based, ascending) with a manual page break above them. */
  horizontalPageBreaks?: number[];
  /** The footer's sections, in Excel's codes. */
  footer?: PageFooter;
}

/** An Excel table: its name and its whole range ("A3:B10"), header row (shown unless said) and total row (hidden unless said) included. */
export interface TableSpec {
  readonly name: string;
  readonly address: string;
  readonly showHeaders?: boolean;
  readonly showTotals?: boolean;
}

export interface NameSnapshot {
  name: string;
  formula: string;
  visible: boolean;
}

export const SNAPSHOT_FORMAT = 'fake-excel-snapshot/1';

export interface WorkbookSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** In tab order. */
  sheets: SheetSnapshot[];
  names: NameSnapshot[];
  activeSheet: string | null;
}

export interface SheetSpec {
  readonly name: string;
  /** From A1. */
  readonly rows?: readonly (readonly CellSpec[])[];
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /** Rows hidden (1-based), by hand or by a filter: Excel reports them alike. */
  readonly hiddenRows?: readonly number[];
  /** Excel tables on the sheet. */
  readonly tables?: readonly TableSpec[];
  /** Blocks merged (Home > Merge & Center), e.g. "A3:A5". */
  readonly merged?: readonly string[];
}

/** A simpler way to describe a workbook (sheets from A1, names, selection). */
export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Name → formula, e.g. { VfM_Rate: "='VfM Scenarios'!$C$5" }. */
  readonly names?: Readonly<Record<string, string>>;
  readonly selection?: { readonly sheet: string; readonly address: string };
}

export interface DataValidationDump {
  /** "B2:B9", or several areas "B2:B9,D2:D9". */
  address: string;
  rule?: CellValidation['rule'];
  errorAlert?: CellValidation['errorAlert'];
}

function fail(message: string): never {
  throw new Error(`fake workbook: ${message}`);
}

function rectOf(address: string): Rect {
  return parseA1(address) ?? fail(`'${address}' is not an A1 address`);
}

function contentOf(spec: CellSpec, where: string): Content | undefined {
  if (spec === null || spec === '') return undefined;
  if (typeof spec === 'number') return Number.isFinite(spec) ? { kind: 'number', value: spec } : fail(`${where}: ${spec} is not a cell value`);
  if (typeof spec === 'boolean') return { kind: 'boolean', value: spec };
  if (typeof spec === 'string') return { kind: 'text', value: spec, quotePrefix: false };
  if ('formula' in spec) {
    const formula = spec.formula.startsWith('=') ? spec.formula : `=${spec.formula}`;
    const v = spec.value;
    const result: FormulaResult = v === undefined ? null : typeof v === 'string' && isErrorLiteral(v) ? { error: v.toUpperCase() } : v;
    return { kind: 'formula', formula, result };
  }
  if ('error' in spec) return isErrorLiteral(spec.error) ? { kind: 'error', value: spec.error.toUpperCase() } : fail(`${where}: '${spec.error}' is not an Excel error`);
  if ('text' in spec) return { kind: 'text', value: spec.text, quotePrefix: spec.quotePrefix === true };
  return fail(`${where}: ${JSON.stringify(spec)} is not a cell`);
}

function dumpCell(sheet: SheetModel, row: number, column: number, cell: Cell, options: ResolvedOptions): CellDump {
  const dump: CellDump = { value: readValue(sheet, row, column, options.evaluate), type: readValueType(sheet, row, column, options.evaluate) };
  const c = cell.content;
  if (c?.kind === 'formula') {
    dump.formula = c.formula;
    if (c.result === null) dump.uncomputed = true;
    if (c.stale) dump.stale = true;
  }
  if (c?.kind === 'text' && c.quotePrefix) dump.quotePrefix = true;
  if (cell.numberFormat !== undefined) dump.numberFormat = cell.numberFormat;
  if (cell.font !== undefined) dump.font = { ...cell.font };
  if (cell.fillColor !== undefined) dump.fill = { color: cell.fillColor };
  if (cell.borders !== undefined) dump.borders = structuredClone(cell.borders);
  if (cell.horizontalAlignment !== undefined) dump.horizontalAlignment = cell.horizontalAlignment;
  if (cell.verticalAlignment !== undefined) dump.verticalAlignment = cell.verticalAlignment;
  if (cell.wrapText) dump.wrapText = true;
  if (cell.validation !== undefined) dump.validation = structuredClone(cell.validation);
  return dump;
}

function cellOfDump(dump: CellDump): Cell {
  const cell: Cell = {};
  if (dump.formula !== undefined) {
    const result: FormulaResult = dump.uncomputed ? null : dump.type === 'Error' ? { error: String(dump.value) } : dump.value;
    cell.content = { kind: 'formula', formula: dump.formula, result, ...(dump.stale ? { stale: true as const } : {}) };
  } else if (dump.type === 'Double' && typeof dump.value === 'number') cell.content = { kind: 'number', value: dump.value };
  else if (dump.type === 'Boolean' && typeof dump.value === 'boolean') cell.content = { kind: 'boolean', value: dump.value };
  else if (dump.type === 'Error') cell.content = { kind: 'error', value: String(dump.value) };
  else if (dump.type === 'String') cell.content = { kind: 'text', value: String(dump.value), quotePrefix: dump.quotePrefix === true };
  if (dump.numberFormat !== undefined) cell.numberFormat = dump.numberFormat;
  if (dump.font !== undefined) cell.font = { ...dump.font };
  if (dump.fill !== undefined) cell.fillColor = dump.fill.color;
  if (dump.borders !== undefined) cell.borders = structuredClone(dump.borders);
  if (dump.horizontalAlignment !== undefined) cell.horizontalAlignment = dump.horizontalAlignment;
  if (dump.verticalAlignment !== undefined) cell.verticalAlignment = dump.verticalAlignment;
  if (dump.wrapText) cell.wrapText = true;
  if (dump.validation !== undefined) cell.validation = structuredClone(dump.validation);
  return cell;
}

/** Group cells into rectangles: runs along each row, then identical runs stacked down. */
function areas(cells: readonly { row: number; column: number }[]): string {
  const runs: Rect[] = [];
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  for (const { row, column } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === row && last.column + last.columnCount === column) runs[runs.length - 1] = { ...last, columnCount: last.columnCount + 1 };
    else runs.push({ row, column, rowCount: 1, columnCount: 1 });
  }
  const merged: Rect[] = [];
  for (const run of runs) {
    const above = merged.find((m) => m.column === run.column && m.columnCount === run.columnCount && m.row + m.rowCount === run.row);
    if (above) merged[merged.indexOf(above)] = { ...above, rowCount: above.rowCount + 1 };
    else merged.push(run);
  }
  return merged.map((r) => formatRect(r)).join(',');
}

/** One sheet of the fake workbook, for tests. */
export class FakeSheet {
  constructor(private readonly model: SheetModel, private readonly workbook: WorkbookModel, private readonly options: ResolvedOptions) {}

  get name(): string {
    return this.model.name;
  }

  get position(): number {
    return this.workbook.sheets.indexOf(this.model);
  }

  /** Write cells from `address` (top-left), as the test's starting state: no sync, nothing counted. */
  put(address: string, rows: readonly (readonly CellSpec[])[], numberFormats?: readonly (readonly (string | null)[])[]): this {
    const at = rectOf(address);
    rows.forEach((line, r) => line.forEach((spec, c) => {
      const content = contentOf(spec, `${this.name}!${cellAddress(at.row + r, at.column + c)}`);
      this.model.edit(at.row + r, at.column + c, (cell) => {
        cell.content = content;
      });
    }));
    numberFormats?.forEach((line, r) => line.forEach((format, c) => {
      if (format === null) return;
      this.model.edit(at.row + r, at.column + c, (cell) => {
        cell.numberFormat = format === 'General' || format === '' ? undefined : format;
      });
    }));
    return this;
  }

  /** Every cell holding a value or any formatting, by address ("B3"), in row order. */
  cells(): Record<string, CellDump> {
    const out: Record<string, CellDump> = {};
    for (const { row, column, cell } of this.model.entries()) out[cellAddress(row, column)] = dumpCell(this.model, row, column, cell, this.options);
    return out;
  }

  /** The charts on the sheet, with their series' ranges as addresses ("D40:H40"). */
  charts(): { type: string; title: string; position?: { start: string; end: string }; legendPosition: string; valueAxisFormat: string; categoryAxisReversed: boolean; series: { name: string; values?: string; xValues?: string }[] }[] {
    const address = (rect?: Rect) => (rect ? `${cellAddress(rect.row, rect.column)}:${cellAddress(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}` : undefined);
    return this.model.charts.map((chart) => ({
      type: chart.type, title: chart.title, position: chart.position, legendPosition: chart.legendPosition, valueAxisFormat: chart.valueAxisFormat, categoryAxisReversed: chart.categoryAxisReversed,
      series: chart.series.map((series) => ({ name: series.name, values: address(series.values), xValues: address(series.xValues) })),
    }));
  }

  cell(address: string): CellDump | undefined {
    const { row, column } = rectOf(address);
    const cell = this.model.cell(row, column);
    return cell ? dumpCell(this.model, row, column, cell, this.options) : undefined;
  }

  /** What a cell holds as written (1-based row and column): a formula (with "=") uncalculated, a constant, or undefined when empty. */
  held(row: number, column: number): { readonly formula: string } | { readonly value: Scalar | { readonly error: string } } | undefined {
    const content = this.model.cell(row - 1, column - 1)?.content;
    if (!content) return undefined;
    if (content.kind === 'formula') return { formula: content.formula };
    return { value: content.kind === 'error' ? { error: content.value } : content.value };
  }

  /** What `range.values` would read. */
  values(address: string): Scalar[][] {
    return matrix(rectOf(address), (r, c) => readValue(this.model, r, c, this.options.evaluate));
  }

  /** What `range.formulas` would read. */
  formulas(address: string): Scalar[][] {
    return matrix(rectOf(address), (r, c) => readFormula(this.model, r, c));
  }

  numberFormats(address: string): string[][] {
    return matrix(rectOf(address), (r, c) => readNumberFormat(this.model, r, c));
  }

  /** The used range's address ("A1:C12"), or null on an empty sheet. */
  usedRange(valuesOnly = false): string | null {
    const rect = this.model.usedRect(valuesOnly);
    return rect ? formatRect(rect) : null;
  }

  /** Column letter → points, for the columns whose width was set. */
  columnWidths(): Record<string, number> {
    return Object.fromEntries([...this.model.columnWidths.entries()].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w]));
  }

  /** 1-based row → points, for the rows whose height was set. */
  rowHeights(): Record<number, number> {
    return Object.fromEntries([...this.model.rowHeights.entries()].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h]));
  }

  /** Protect the sheet (Review > Protect Sheet), or unprotect it, as the user would; no sync, nothing counted. */
  protect(on = true): this {
    this.model.protected = on;
    return this;
  }

  get protected(): boolean {
    return this.model.protected;
  }

  /** Hide rows (1-based sheet rows), as the user would by hand or with a filter; no sync, nothing counted. */
  hideRows(rows: readonly number[]): this {
    for (const row of rows) {
      if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) fail(`${row} is not a sheet row`);
      this.model.hiddenRows.add(row - 1);
    }
    return this;
  }

  /**
   * Merge a block (Home > Merge & Center), as the user would: only its top-left cell keeps its
   * contents, and it may not overlap a block merged before or an Excel table.
   */
  merge(address: string): this {
    const rect = rectOf(address);
    const overlaps = (other: Rect) => rect.row < other.row + other.rowCount && other.row < rect.row + rect.rowCount
      && rect.column < other.column + other.columnCount && other.column < rect.column + rect.columnCount;
    if (rect.rowCount * rect.columnCount < 2) fail(`'${address}' is one cell: there is nothing to merge`);
    if (this.model.mergedAreas.some(overlaps)) fail(`'${address}' overlaps a block merged before`);
    if (this.workbook.tablesOf(this.model).some((t) => overlaps(t.rect))) fail(`'${address}' overlaps an Excel table, which cannot hold merged cells`);
    for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) {
        if (r !== rect.row || c !== rect.column) this.model.clear(r, c);
      }
    }
    this.model.mergedAreas.push(rect);
    return this;
  }

  /** The merged blocks, in the order they were merged. */
  get merged(): string[] {
    return this.model.mergedAreas.map((m) => formatRect(m));
  }

  /** Make an Excel table of `address` (header row included), as the user would with Insert > Table. */
  addTable(table: TableSpec): this {
    this.workbook.addTable(this.model, table.name, rectOf(table.address), table);
    return this;
  }

  /** The sheet's tables, in the order they were added. */
  get tables(): TableSpec[] {
    return this.workbook.tablesOf(this.model).map((t) => ({ name: t.name, address: formatRect(t.rect), showHeaders: t.showHeaders, showTotals: t.showTotals }));
  }

  /** The hidden rows, 1-based, ascending. */
  get hiddenRows(): number[] {
    return [...this.model.hiddenRows].sort((a, b) => a - b).map((row) => row + 1);
  }

  columnWidth(letter: string): number | undefined {
    const c = columnIndex(letter);
    if (c < 0) fail(`'${letter}' is not a column`);
    return this.model.columnWidths.get(c);
  }

  get freeze(): { rows: number; columns: number } {
    return { ...this.model.freeze };
  }

  get tabColor(): string {
    return this.model.tabColor;
  }

  get visibility(): SheetVisibility {
    return this.model.visibility;
  }

  /** Hide the sheet (Format > Hide, or `VeryHidden` as code does), as the test's starting state: no sync, nothing counted. */
  hide(visibility: 'Hidden' | 'VeryHidden' = 'Hidden'): this {
    this.model.visibility = visibility;
    return this;
  }

  get pageLayout(): Required<PageLayoutDump> {
    const m = this.model;
    return {
      orientation: m.orientation,
      zoom: { ...m.zoom },
      paperSize: m.paperSize,
      printArea: m.printArea ? formatRect(m.printArea) : null,
      printTitleRows: m.printTitleRows ? formatRect(m.printTitleRows) : null,
      horizontalPageBreaks: [...m.rowBreaks].sort((a, b) => a - b).map((row) => row + 1),
      footer: { ...m.footer },
    };
  }

  /** Validations grouped by identical rule and alert, with the cells they cover. */
  dataValidations(): DataValidationDump[] {
    const groups = new Map<string, { validation: CellValidation; cells: { row: number; column: number }[] }>();
    for (const { row, column, cell } of this.model.entries()) {
      if (!cell.validation) continue;
      const key = JSON.stringify(cell.validation);
      const group = groups.get(key) ?? { validation: cell.validation, cells: [] };
      group.cells.push({ row, column });
      groups.set(key, group);
    }
    return [...groups.values()].map(({ validation, cells }) => ({
      address: areas(cells),
      ...(validation.rule ? { rule: validation.rule } : {}),
      ...(validation.errorAlert ? { errorAlert: validation.errorAlert } : {}),
    }));
  }

  snapshot(): SheetSnapshot {
    return {
      name: this.name,
      tabColor: this.tabColor,
      ...(this.model.visibility === 'Visible' ? {} : { visibility: this.model.visibility }),
      freeze: this.freeze,
      pageLayout: this.pageLayout,
      columnWidths: this.columnWidths(),
      ...(this.model.rowHeights.size > 0 ? { rowHeights: this.rowHeights() } : {}),
      selection: formatRect(this.model.selection),
      cells: this.cells(),
      ...(this.model.hiddenRows.size > 0 ? { hiddenRows: this.hiddenRows } : {}),
      ...(this.tables.length > 0 ? { tables: this.tables } : {}),
      ...(this.model.mergedAreas.length > 0 ? { merged: this.merged } : {}),
    };
  }
}

/** The fake workbook, for tests: pre-populate, then inspect what the code under test did. */
export class FakeWorkbook {
  constructor(private readonly model: WorkbookModel, private readonly options: ResolvedOptions) {}

  /**
   * Add a sheet at the end, its rows from A1 (strings are literal text; `{ formula, value }` for
   * formulas), with number formats, hidden rows (1-based) and Excel tables if given.
   */
  addSheet(name: string, rows: readonly (readonly CellSpec[])[] = [], options: Omit<SheetSpec, 'name' | 'rows'> = {}): FakeSheet {
    const sheet = new FakeSheet(this.model.addSheet(name), this.model, this.options);
    sheet.put('A1', rows, options.numberFormats).hideRows(options.hiddenRows ?? []);
    for (const table of options.tables ?? []) sheet.addTable(table);
    for (const block of options.merged ?? []) sheet.merge(block);
    return sheet;
  }

  hasSheet(name: string): boolean {
    return this.model.findSheet(name) !== undefined;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.model.findSheet(name) ?? fail(`no sheet '${name}' (there are: ${this.sheetNames.join(', ') || 'none'})`);
    return new FakeSheet(sheet, this.model, this.options);
  }

  /** In tab order. */
  get sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** Protect the workbook's structure (Review > Protect Workbook), or unprotect it, as the user would. */
  protectStructure(on = true): void {
    this.model.structureProtected = on;
  }

  /** Open the workbook read-only (Excel on the web's Viewing mode), or for editing again. */
  setReadOnly(on = true): void {
    this.model.readOnly = on;
  }

  /**
   * Have the workbook count dates in the 1904 date system (File > Options > Advanced, "Use 1904 date
   * system"), or in the 1900 one again. As in Excel, the numbers in the cells stay as they are.
   */
  use1904DateSystem(on = true): void {
    this.model.use1904DateSystem = on;
  }

  get activeSheet(): string | null {
    return this.model.activeSheet?.name ?? null;
  }

  /** Make a sheet active with a selection, as if the user had clicked there. */
  select(sheet: string, address: string): void {
    const model = this.model.findSheet(sheet) ?? fail(`no sheet '${sheet}'`);
    model.selection = rectOf(address);
    this.model.activeSheet = model;
  }

  /** The active sheet's selection, e.g. { sheet: 'Costs', address: 'B3' }. */
  get selection(): { sheet: string; address: string } | null {
    const sheet = this.model.activeSheet;
    return sheet ? { sheet: sheet.name, address: formatRect(sheet.selection) } : null;
  }

  /** A workbook name, e.g. defineName('VfM_Rate', "='VfM Scenarios'!$C$5"). */
  defineName(name: string, formula: string): void {
    this.model.addName(name, formula.startsWith('=') ? formula : `=${formula}`);
  }

  /** Name → formula. */
  names(): Record<string, string> {
    return Object.fromEntries([...this.model.names.values()].map((n) => [n.name, n.formula]));
  }

  nameDetails(): NameSnapshot[] {
    return [...this.model.names.values()].map((n) => ({ name: n.name, formula: n.formula, visible: n.visible }));
  }

  /** Everything, as plain JSON (for Playwright's page.evaluate, or to compare whole states). */
  snapshot(): WorkbookSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      sheets: this.model.sheets.map((s) => new FakeSheet(s, this.model, this.options).snapshot()),
      names: this.nameDetails(),
      activeSheet: this.activeSheet,
    };
  }

  /** Remove every sheet and name. */
  clear(): void {
    for (const s of this.model.sheets) s.deleted = true;
    this.model.sheets.length = 0;
    this.model.names.clear();
    for (const t of [...this.model.tables]) this.model.deleteTable(t);
    this.model.activeSheet = null;
  }

  /** Replace the whole state: a snapshot, a WorkbookSpec, or { SheetName: rows, ... }. */
  load(state: WorkbookSnapshot | WorkbookSpec | Readonly<Record<string, readonly (readonly CellSpec[])[]>>): void {
    this.clear();
    if (isSnapshot(state)) {
      for (const s of state.sheets) {
        const sheet = this.model.addSheet(s.name);
        sheet.tabColor = s.tabColor;
        if (s.visibility) sheet.visibility = s.visibility;
        sheet.freeze = { ...s.freeze };
        sheet.orientation = s.pageLayout.orientation;
        sheet.zoom = { ...s.pageLayout.zoom };
        const print = s.pageLayout;
        sheet.paperSize = print.paperSize ?? 'Letter';
        sheet.printArea = print.printArea ? rectOf(print.printArea) : null;
        sheet.printTitleRows = print.printTitleRows ? rectOf(print.printTitleRows) : null;
        for (const row of print.horizontalPageBreaks ?? []) sheet.rowBreaks.add(row - 1);
        if (print.footer) sheet.footer = { ...print.footer };
        for (const [letter, width] of Object.entries(s.columnWidths)) sheet.columnWidths.set(columnIndex(letter), width);
        for (const [row, height] of Object.entries(s.rowHeights ?? {})) sheet.rowHeights.set(Number(row) - 1, height);
        sheet.selection = rectOf(s.selection);
        for (const row of s.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
        for (const t of s.tables ?? []) this.model.addTable(sheet, t.name, rectOf(t.address), t);
        for (const block of s.merged ?? []) sheet.mergedAreas.push(rectOf(block));
        for (const [address, dump] of Object.entries(s.cells)) {
          const { row, column } = rectOf(address);
          const cell = cellOfDump(dump);
          sheet.edit(row, column, (c) => Object.assign(c, cell));
        }
      }
      for (const n of state.names) {
        const model = this.model.addName(n.name, n.formula);
        model.visible = n.visible;
      }
      if (state.activeSheet !== null) this.model.activeSheet = this.model.findSheet(state.activeSheet) ?? null;
      return;
    }
    if (isSpec(state)) {
      for (const s of state.sheets) this.addSheet(s.name, s.rows ?? [], s);
      for (const [name, formula] of Object.entries(state.names ?? {})) this.defineName(name, formula);
      if (state.selection) this.select(state.selection.sheet, state.selection.address);
      return;
    }
    for (const [name, rows] of Object.entries(state)) this.addSheet(name, rows);
  }

  /** "'My costs'!A1:C3" for a sheet and an address. */
  static address(sheet: string, address: string): string {
    return formatAddress(sheet, rectOf(address));
  }
}

function isSnapshot(state: object): state is WorkbookSnapshot {
  return 'format' in state && state.format === SNAPSHOT_FORMAT;
}

function isSpec(state: object): state is WorkbookSpec {
  return 'sheets' in state && Array.isArray(state.sheets);
}
