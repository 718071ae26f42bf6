// The fake workbook's state, as Excel would hold it: sheets in order with sparse cells, names,
// the active sheet and selection. Proxies change it only while a `context.sync()` runs; tests
// read it through `FakeWorkbook` (workbook.ts).

import type { ChartModel } from './proxies/charts';
import { MAX_COLUMNS, Rect, isValidDefinedName, quoteSheetName, sheetNameProblem } from './address';
import { accessDenied, invalidArgument, invalidOperation, itemAlreadyExists, itemNotFound } from './errors';
import { cellAddress } from './address';
import { isErrorLiteral } from './input';
import type { Evaluate } from './options';

export type Scalar = number | string | boolean;
export type ValueType = 'Double' | 'String' | 'Boolean' | 'Error' | 'Empty';

/** A formula's last computed value; null when never computed (the fake reads 0, or what the `evaluate` option says). */
export type FormulaResult = number | string | boolean | { readonly error: string } | null;

export type Content =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string; readonly quotePrefix: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly value: string }
  /** `stale`: written while calculation was suspended and not calculated since: it reads `result` (0 when null) until `calculate('Full')`. */
  | { readonly kind: 'formula'; readonly formula: string; readonly result: FormulaResult; readonly stale?: true };

export interface FontStyle {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export interface BorderStyle {
  style?: string;
  weight?: string;
}

export type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
export const EDGES: readonly Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

export interface ListValidationRule {
  readonly list: { readonly inCellDropDown: boolean; readonly source: string };
}

export interface ErrorAlert {
  readonly showAlert: boolean;
  readonly style: 'Stop' | 'Warning' | 'Information';
  readonly title: string;
  readonly message: string;
}

export interface CellValidation {
  rule?: ListValidationRule;
  errorAlert?: ErrorAlert;
}

export interface Cell {
  content?: Content;
  numberFormat?: string;
  font?: FontStyle;
  fillColor?: string;
  borders?: Partial<Record<Edge, BorderStyle>>;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  validation?: CellValidation;
}

export const DEFAULTS = {
  numberFormat: 'General',
  fontName: 'Aptos Narrow',
  fontSize: 11,
  fontColor: '#000000',
  fillColor: '#FFFFFF',
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  columnWidth: 48, // points: Excel's standard 8.43 characters, 64 pixels
  rowHeight: 15, // points: the standard height of a row in the default font
} as const;

export interface PageZoom {
  readonly scale?: number;
  readonly horizontalFitToPages?: number;
  readonly verticalFitToPages?: number;
}

/** A footer's three sections, in Excel's header and footer codes (`&P`, `&N`, `&A`, `&&`...). */
export interface PageFooter {
  left: string;
  center: string;
  right: string;
}

const key = (row: number, column: number): number => row * MAX_COLUMNS + column;

function isEmptyCell(cell: Cell): boolean {
  return Object.values(cell).every((v) => v === undefined);
}

/** Excel.SheetVisibility. */
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export class SheetModel {
  name: string;
  deleted = false;
  /** Protected (Review > Protect Sheet): its cells refuse changes. */
  protected = false;
  readonly cells = new Map<number, Cell>();
  readonly columnWidths = new Map<number, number>();
  /** Zero-based row → points, for the rows whose height was set. */
  readonly rowHeights = new Map<number, number>();
  /** Zero-based rows hidden (by hand, by a filter or a collapsed outline: Excel reports them alike). */
  readonly hiddenRows = new Set<number>();
  /** Merged blocks (Home > Merge & Center), none overlapping: each shows its top-left cell's value. */
  readonly mergedAreas: Rect[] = [];
  freeze = { rows: 0, columns: 0 };
  tabColor = '';
  visibility: SheetVisibility = 'Visible';
  orientation: 'Portrait' | 'Landscape' = 'Portrait';
  zoom: PageZoom = { scale: 100 };
  paperSize = 'Letter';
  /** The print area: one rectangle, or none (the used range prints). */
  printArea: Rect | null = null;
  /** The rows printed at the top of every page: whole rows, or none. */
  printTitleRows: Rect | null = null;
  /** Zero-based rows with a manual page break above them. */
  readonly rowBreaks = new Set<number>();
  footer: PageFooter = { left: '', center: '', right: '' };
  selection: Rect = { row: 0, column: 0, rowCount: 1, columnCount: 1 };
  /** The charts added to the sheet, in order. */
  readonly charts: ChartModel[] = [];

  constructor(name: string) {
    this.name = name;
  }

  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(key(row, column));
  }

  /** Change one cell; a cell left with nothing in it is dropped, so the map stays sparse. */
  edit(row: number, column: number, change: (cell: Cell) => void): void {
    const k = key(row, column);
    const cell = this.cells.get(k) ?? {};
    change(cell);
    if (isEmptyCell(cell)) this.cells.delete(k);
    else this.cells.set(k, cell);
  }

  /** Empty one cell of everything it holds. */
  clear(row: number, column: number): void {
    this.cells.delete(key(row, column));
  }

  /** Every stored cell, in row then column order. */
  entries(): { row: number; column: number; cell: Cell }[] {
    return [...this.cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, cell]) => ({ row: Math.floor(k / MAX_COLUMNS), column: k % MAX_COLUMNS, cell }));
  }

  /** Of the rows `row` to `row + count - 1`, how many are hidden. */
  hiddenRowCount(row: number, count: number): number {
    let hidden = 0;
    for (const r of this.hiddenRows) if (r >= row && r < row + count) hidden += 1;
    return hidden;
  }

  /** Excel's used range: cells with a value (or, unless valuesOnly, any formatting); null when none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.content === undefined) continue;
      const row = Math.floor(k / MAX_COLUMNS);
      const column = k % MAX_COLUMNS;
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    return bottom < 0 ? null : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }
}

/** An Excel table: a rectangle of one sheet, its header row (when shown) and total row (when shown) included. */
export interface TableModel {
  name: string;
  readonly id: string;
  readonly sheet: SheetModel;
  readonly rect: Rect;
  readonly showHeaders: boolean;
  readonly showTotals: boolean;
  deleted: boolean;
}

export interface TableOptions {
  readonly showHeaders?: boolean;
  readonly showTotals?: boolean;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

export interface NameModel {
  name: string;
  formula: string;
  visible: boolean;
  deleted: boolean;
}

/** Replace `Sheet!`/`'My sheet'!` prefixes naming `sheetName` (outside string literals) with `replacement`. */
export function rewriteSheetReferences(formula: string, sheetName: string, replacement: string): string {
  const target = sheetName.toLowerCase();
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal
      return part.replace(/'((?:[^']|'')+)'!|(?<![A-Za-z0-9_.\u00C0-\uFFFF])([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!/g, (whole: string, quoted: string | undefined, bare: string | undefined) => {
        const name = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? '');
        return name.toLowerCase() === target ? replacement : whole;
      });
    })
    .join('');
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly names = new Map<string, NameModel>();
  /** Every table of the workbook, in the order they were added. */
  readonly tables: TableModel[] = [];
  private nextTableId = 1;
  activeSheet: SheetModel | null = null;
  /** Open read-only (Excel on the web's Viewing mode, a file opened read-only): every change is refused. */
  readOnly = false;
  /** The workbook's structure is protected (Review > Protect Workbook): sheets cannot be added, deleted, renamed or moved. */
  structureProtected = false;
  /** The workbook counts dates in the 1904 date system (Excel for the Mac's old default): its serial 0 is 1 January 1904, 1,462 days after the 1900 system's. */
  use1904DateSystem = false;

  /** Refuses a change of the workbook's structure while it is protected. */
  assertStructureUnprotected(location?: string): void {
    if (this.structureProtected) throw accessDenied(location ?? 'WorksheetCollection');
  }

  /**
   * Excel's calculation (Application.calculate): `Full` and `FullRebuild` calculate every formula,
   * with what `evaluate` gives (a formula it does not know keeps its value); `Recalculate` changes
   * nothing here, as the fake's formulas are current except those written while calculation was
   * suspended, which Excel has not marked for calculation.
   */
  calculate(type: 'Recalculate' | 'Full' | 'FullRebuild', evaluate?: Evaluate): void {
    if (type === 'Recalculate') return;
    for (const sheet of this.sheets) {
      for (const { row, column, cell } of sheet.entries()) {
        const c = cell.content;
        if (c?.kind !== 'formula') continue;
        const v = evaluate?.(c.formula, { sheet: sheet.name, address: cellAddress(row, column) });
        const result: FormulaResult = v === undefined ? c.result : typeof v === 'string' && isErrorLiteral(v) ? { error: v.toUpperCase() } : v;
        cell.content = { kind: 'formula', formula: c.formula, result };
      }
    }
  }

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  requireSheet(name: string, location?: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw itemNotFound(`no worksheet named '${name}'`, location);
    return sheet;
  }

  private defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n += 1) {
      const name = `Sheet${n}`;
      if (!this.findSheet(name)) return name;
    }
  }

  addSheet(name: string | undefined, location?: string): SheetModel {
    const chosen = name ?? this.defaultSheetName();
    if (typeof chosen !== 'string') throw invalidArgument('a sheet name must be a string', location);
    const problem = sheetNameProblem(chosen);
    if (problem) throw invalidArgument(problem, location);
    if (this.findSheet(chosen)) throw itemAlreadyExists(`a worksheet named '${chosen}' already exists`, location);
    const sheet = new SheetModel(chosen);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetModel, newName: unknown, location?: string): void {
    if (typeof newName !== 'string') throw invalidArgument('a sheet name must be a string', location);
    if (newName === sheet.name) return;
    const problem = sheetNameProblem(newName);
    if (problem) throw invalidArgument(problem, location);
    const other = this.findSheet(newName);
    if (other && other !== sheet) throw itemAlreadyExists(`a worksheet named '${newName}' already exists`, location);
    const old = sheet.name;
    sheet.name = newName;
    this.rewriteReferences(old, `${quoteSheetName(newName)}!`);
  }

  deleteSheet(sheet: SheetModel, location?: string): void {
    if (this.sheets.length === 1) throw invalidOperation('a workbook must contain at least one visible worksheet', location);
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    for (const table of this.tablesOf(sheet)) this.deleteTable(table);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.min(index, this.sheets.length - 1)];
    this.rewriteReferences(sheet.name, '#REF!');
  }

  moveSheet(sheet: SheetModel, position: unknown, location?: string): void {
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw invalidArgument(`position must be an integer from 0 to ${this.sheets.length - 1}`, location);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  /** After a rename or delete, as Excel does: names and cell formulas follow the sheet. */
  private rewriteReferences(oldName: string, replacement: string): void {
    for (const n of this.names.values()) n.formula = rewriteSheetReferences(n.formula, oldName, replacement);
    for (const s of this.sheets) {
      for (const [k, cell] of s.cells) {
        const c = cell.content;
        if (c?.kind !== 'formula') continue;
        const formula = rewriteSheetReferences(c.formula, oldName, replacement);
        if (formula !== c.formula) s.cells.set(k, { ...cell, content: { ...c, formula } });
      }
    }
  }

  /** A table by name (any case) or by id. */
  findTable(key: string): TableModel | undefined {
    const lower = key.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower || t.id === key);
  }

  /** The sheet's tables, in the order they were added. */
  tablesOf(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  /** A table named as Excel names them (a defined name's rules; tables and names share one set of names), overlapping no other. */
  addTable(sheet: SheetModel, name: string, rect: Rect, options: TableOptions = {}, location?: string): TableModel {
    if (!isValidDefinedName(name)) throw invalidArgument(`'${name}' is not a valid table name`, location);
    if (this.findTable(name) || this.findName(name)) throw itemAlreadyExists(`a table or name '${name}' already exists`, location);
    if (this.tablesOf(sheet).some((t) => overlaps(t.rect, rect))) throw invalidArgument(`the table would overlap another table on '${sheet.name}'`, location);
    const table: TableModel = {
      name, id: String(this.nextTableId), sheet, rect, showHeaders: options.showHeaders ?? true, showTotals: options.showTotals ?? false, deleted: false,
    };
    this.nextTableId += 1;
    this.tables.push(table);
    return table;
  }

  deleteTable(table: TableModel): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    table.deleted = true;
  }

  findName(name: string): NameModel | undefined {
    return this.names.get(name.toLowerCase());
  }

  addName(name: unknown, formula: string, location?: string): NameModel {
    if (typeof name !== 'string' || !isValidDefinedName(name)) throw invalidArgument(`'${String(name)}' is not a valid name`, location);
    if (this.findName(name) || this.findTable(name)) throw itemAlreadyExists(`a name '${name}' already exists`, location);
    const model: NameModel = { name, formula, visible: true, deleted: false };
    this.names.set(name.toLowerCase(), model);
    return model;
  }

  deleteName(model: NameModel): void {
    this.names.delete(model.name.toLowerCase());
    model.deleted = true;
  }
}

