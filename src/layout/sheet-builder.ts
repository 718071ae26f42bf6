// Building one sheet's plan: blocks of contents, the styles over them, drop-down lists and
// the defined names that point into it.
import { a1 } from '../core/cell';
import { NAMES, NameEntry, NameKey, SheetRole } from './names';
import { Block, CellBlock, ChartPlan, Content, DefinedName, Footer, Paint, Rows, SheetPlan, Validation, rowsOf } from './plan';
import { StyleName } from './styles';

export const text = (value: string): Content => ({ text: value });
export const num = (value: number): Content => ({ number: value });
export const formula = (value: string): Content => ({ formula: value });

/**
 * The modelling rules every formula of the plan follows (FAST; the ICAEW code), which
 * test/layout/formula-rules.test.ts checks over every sheet:
 * - short: at most `longest` characters; a longer calculation is split into labelled workings.
 *   The report's sentences, words joined to figures, are the one exception.
 * - no constant buried in it: a formula holds no number but 0 and 1, and a small whole number
 *   only where a function takes a count or a place of the layout (ROUND's and RIGHT's digits,
 *   LARGE's rank, INDEX's position). Every other value, a date, an amount or a figure as at the
 *   run, stands in a labelled cell that the formula refers to.
 */
export const FORMULA_RULES = {
  longest: 120,
  /** The arguments, by function and place (0 first), that may hold a small whole number. */
  structural: [['ROUND', 1], ['RIGHT', 1], ['LARGE', 1], ['INDEX', 1]] as readonly (readonly [string, number])[],
} as const;
/** A text as a literal inside a formula: `"shared-pool"`. */
export const literal = (value: string): string => `"${value.replace(/"/g, '""')}"`;

export interface Cell {
  readonly row: number;
  readonly column: number;
}

export class SheetBuilder {
  private readonly blocks: Block[] = [];
  private readonly paints: Paint[] = [];
  private readonly validations: Validation[] = [];
  private readonly charts: ChartPlan[] = [];
  private readonly fixed: { top: number; left: number; bottom: number; right: number }[] = [];
  private readonly heights: { row: number; points: number }[] = [];
  private titleRows: { first: number; last: number } | undefined;
  private printed: CellBlock | undefined;
  private readonly breaks: number[] = [];

  /**
   * @param name the sheet's name in the workbook
   * @param role the sheet's part in the model: the names it defines must be registered for it
   * @param names the workbook's names, which `define` adds to
   */
  constructor(readonly name: string, private readonly role: SheetRole, private readonly names: DefinedName[]) {}

  /** Writes a rectangle of contents in one style. */
  put(top: number, left: number, rows: Rows, style: StyleName, formats?: readonly (string | undefined)[]): void {
    if (rows.length > 0) this.blocks.push({ top, left, rows, style, formats });
  }

  paint(top: number, left: number, bottom: number, right: number, style: StyleName): void {
    this.paints.push({ top, left, bottom, right, style });
  }

  allow(top: number, left: number, bottom: number, right: number, allowed: readonly string[]): void {
    this.validations.push({ top, left, bottom, right, allowed });
  }

  chart(plan: ChartPlan): void {
    this.charts.push(plan);
  }

  /** Marks cells whose contents are the core's figures as at the run: verification leaves them be. */
  fixedAtRun(top: number, left: number, bottom: number, right: number): void {
    this.fixed.push({ top, left, bottom, right });
  }

  /** Gives a row a height of its own, in points. */
  height(row: number, points: number): void {
    this.heights.push({ row, points });
  }

  /** Prints rows `first` to `last` again at the top of every page: the headings over the columns below them. */
  printTitles(first: number, last: number = first): void {
    this.titleRows = { first, last };
  }

  /** Prints only `area`, where the sheet holds more than is for printing (a working below); else its contents. */
  printArea(area: CellBlock): void {
    this.printed = area;
  }

  /** Starts a new printed page at `row`, so that the block starting there is not split across two. */
  pageBreakAbove(row: number): void {
    this.breaks.push(row);
  }

  /** Names a cell, or the rectangle from it to `to`, with the registered name for `key` (names.ts). */
  define(key: NameKey, at: Cell, to: Cell = at): void {
    const entry: NameEntry = NAMES[key];
    if (entry.sheet !== this.role) throw new Error(`${entry.name} belongs on the ${entry.sheet} sheet, not the ${this.role} sheet`);
    const shaped = { cell: at.row === to.row && at.column === to.column, column: at.column === to.column, row: at.row === to.row, block: true }[entry.shape];
    if (!shaped) throw new Error(`${entry.name} is registered as a ${entry.shape}, not ${a1(at.row, at.column)}:${a1(to.row, to.column)}`);
    this.names.push({ name: entry.name, sheet: this.name, top: at.row, left: at.column, bottom: to.row, right: to.column });
  }

  /** The rectangle of everything on the sheet: its blocks, paints, drop-downs and charts (A1 on an empty sheet). */
  private contents(): CellBlock {
    let area: CellBlock | undefined;
    const take = (r: CellBlock) => {
      area = area === undefined ? { ...r } : {
        top: Math.min(area.top, r.top), left: Math.min(area.left, r.left), bottom: Math.max(area.bottom, r.bottom), right: Math.max(area.right, r.right),
      };
    };
    for (const b of this.blocks) {
      let width = 1;
      for (const row of rowsOf(b.rows)) width = Math.max(width, row.length);
      take({ top: b.top, left: b.left, bottom: b.top + b.rows.length - 1, right: b.left + width - 1 });
    }
    [...this.paints, ...this.validations, ...this.charts.map((c) => c.anchor)].forEach(take);
    return area ?? { top: 1, left: 1, bottom: 1, right: 1 };
  }

  /**
   * The sheet's plan. It prints on A4 landscape, one page wide, its contents and nothing else,
   * with the title rows and page breaks asked for and `footer` on every page.
   */
  build(options: { columnWidths: readonly number[]; freeze?: SheetPlan['freeze']; tabColor?: string; footer: Footer }): SheetPlan {
    const area = this.printed ?? this.contents();
    const breaksAbove = [...new Set(this.breaks)].sort((a, b) => a - b);
    for (const row of breaksAbove) {
      if (row <= area.top || row > area.bottom) throw new Error(`a page break above row ${row} is not within rows ${area.top} to ${area.bottom} of ${this.name}`);
    }
    if (this.titleRows && (this.titleRows.first > this.titleRows.last || this.titleRows.first < area.top || this.titleRows.last > area.bottom)) {
      throw new Error(`title rows ${this.titleRows.first} to ${this.titleRows.last} are not within rows ${area.top} to ${area.bottom} of ${this.name}`);
    }
    return {
      name: this.name,
      columnWidths: options.columnWidths,
      blocks: this.blocks,
      paints: this.paints,
      validations: this.validations,
      freeze: options.freeze,
      tabColor: options.tabColor,
      print: {
        paper: 'A4', orientation: 'landscape', pagesWide: 1, area,
        ...(this.titleRows ? { titleRows: this.titleRows } : {}),
        breaksAbove, footer: options.footer,
      },
      ...(this.charts.length > 0 ? { charts: this.charts } : {}),
      ...(this.fixed.length > 0 ? { fixedAtRun: this.fixed } : {}),
      ...(this.heights.length > 0 ? { rowHeights: this.heights } : {}),
    };
  }
}
