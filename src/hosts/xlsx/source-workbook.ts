// A workbook file as the CLI reads it, whatever program wrote it: its sheets, its names, and any
// sheet's cells as a grid when asked for them.
import { isoDate } from '../../core/calendar-date';
import { CellRange, CellValue, Grid, dateOfSerial, parseRange, sheetOfReference } from '../../core/cell';
import { HeldChart, NameDefinition } from '../../layout/plan';
import { Package } from './package';

/** What a file is: an Office Open XML workbook, with or without macros, or one vfm reads but cannot edit in place. */
export type WorkbookKind = 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'csv';

export interface SheetEntry {
  readonly name: string;
  /** Hidden or very hidden. */
  readonly hidden: boolean;
  /** Very hidden: only code shows it again (a package's `state="veryHidden"`). */
  readonly veryHidden?: boolean;
}

/** A name the workbook gives a rectangle of one sheet: an Excel table, or a defined name. */
export interface NamedRange {
  /** As the workbook spells it. */
  readonly name: string;
  readonly kind: 'table' | 'defined name';
  readonly sheet: string;
  /** A table's whole range: its header row and total row included. */
  readonly range: CellRange;
  /** The sheet a defined name is local to, when it is defined for one sheet alone. */
  readonly scope?: string;
}

export interface SourceWorkbook {
  readonly kind: WorkbookKind;
  /** Sheets that hold cells, in the workbook's order. */
  readonly sheets: readonly SheetEntry[];
  /**
   * Every defined name, with the sheet its reference is on ('' for a constant or a formula), its
   * text, and, from a package, the sheet it is local to when it is defined for one sheet alone.
   */
  readonly definedNames: readonly { readonly name: string; readonly sheet: string; readonly formula?: string; readonly scope?: string }[];
  /**
   * Every defined name as a package writes it, what verification reads: what it refers to (a
   * reference, a constant or a formula, without "="), and the sheet it is local to, if any.
   */
  readonly nameDefinitions?: readonly NameDefinition[];
  /** The Excel tables, then the defined names of one rectangle. */
  readonly namedRanges: readonly NamedRange[];
  /** A sheet's cells: its used range from A1, or the given range. */
  grid(sheet: string, range?: CellRange): Promise<Grid>;
  /**
   * A sheet's cells from A1 with the formula of each cell that holds one (by its A1 address, as
   * stored, without "="): what verification compares. Only a package (.xlsx, .xlsm) has it.
   */
  cells?(sheet: string): Promise<SheetCells>;
  /** The charts over a sheet, in its drawing's order, with each series' references as written: what verification compares. Only a package has it. */
  charts?(sheet: string): Promise<readonly HeldChart[]>;
  /** The package, for a workbook the product can write into (.xlsx and .xlsm). */
  readonly package?: Package;
}

export interface SheetCells {
  /** The values, as Excel last calculated them (a formula never calculated is `{ formula }`). */
  readonly grid: Grid;
  readonly formulas: ReadonlyMap<string, string>;
}

/**
 * A date-formatted number: the date it shows, or the number itself when it lies outside Excel's
 * dates.
 */
export function dateCell(serial: number): CellValue {
  if (!Number.isFinite(serial)) return { error: '#####' };
  const day = dateOfSerial(serial);
  return day ? { date: isoDate(day) } : serial;
}

/** The table or defined name spelt `name` (any case, as Excel reads names), or undefined when there is none. */
export function namedRange(workbook: SourceWorkbook, name: string): NamedRange | undefined {
  const wanted = name.trim().toLowerCase();
  return workbook.namedRanges.find((named) => named.name.toLowerCase() === wanted);
}

/** Each defined name with the sheet its reference is on ('' for a constant or a formula), its text and its scope. */
export function namesWithSheets(names: readonly { readonly name: string; readonly text: string; readonly scope?: string }[]): SourceWorkbook['definedNames'] {
  return names.map(({ name, text, scope }) => {
    const reference = text.trim().replace(/^=/, '');
    return { name, sheet: reference.includes('!') ? sheetOfReference(reference) : '', formula: text, ...(scope === undefined ? {} : { scope }) };
  });
}

/** What each kind of file is, in words. */
export const KIND_WORDS: Readonly<Record<WorkbookKind, string>> = {
  xlsx: 'an Excel workbook',
  xlsm: 'an Excel workbook with macros',
  xls: 'an Excel 97-2003 workbook (.xls)',
  ods: 'an OpenDocument spreadsheet (.ods)',
  csv: 'a text file',
};

/**
 * The defined names that refer to one rectangle of a sheet the workbook has. Excel's own names
 * (`_xlnm.`, such as a filter's `_FilterDatabase`) are left out, and so are names of several areas,
 * of whole rows or columns, of constants and of formulas.
 */
export function rangeNames(names: readonly { readonly name: string; readonly text: string; readonly scope?: string }[], sheets: readonly SheetEntry[]): NamedRange[] {
  return names.flatMap((entry): NamedRange[] => {
    const reference = entry.text.trim().replace(/^=/, '');
    if (entry.name.startsWith('_xlnm.') || reference.includes(',') || !reference.includes('!')) return [];
    const sheet = sheets.find((s) => s.name === sheetOfReference(reference));
    const range = parseRange(reference.slice(reference.lastIndexOf('!') + 1));
    return sheet && range ? [{ name: entry.name, kind: 'defined name', sheet: sheet.name, range, ...(entry.scope === undefined ? {} : { scope: entry.scope }) }] : [];
  });
}

/**
 * Empties the cells merged blocks cover, all but each block's top-left cell, which alone holds its
 * value (as in Excel); `values` are rows of cells from sheet row `top` and column `left`, each row
 * ending at its last cell that holds something, as a reader builds them, and so again after. Each
 * block costs only the cells it covers of the rows it meets, so that a sheet with a merged block
 * on every row is read in time that grows with the sheet, not with its square.
 */
export function emptyMergedCells(values: CellValue[][], top: number, left: number, merges: readonly CellRange[]): void {
  if (merges.length === 0) return;
  for (const m of merges) {
    const last = Math.min(m.bottom, top + values.length - 1);
    for (let r = Math.max(m.top, top); r <= last; r++) {
      const row = values[r - top];
      const end = Math.min(m.right - left, row.length - 1);
      for (let c = Math.max(m.left - left, 0); c <= end; c++) if (r !== m.top || c + left !== m.left) row[c] = null;
    }
  }
  for (const row of values) while (row.length > 0 && row[row.length - 1] === null) row.pop();
}
