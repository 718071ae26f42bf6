// Building one sheet's plan: blocks of contents, the styles over them, drop-down lists and
// the defined names that point into it.
import { Block, Content, DefinedName, Paint, SheetPlan, Validation } from './plan';
import { StyleName } from './styles';

export const text = (value: string): Content => ({ text: value });
export const num = (value: number): Content => ({ number: value });
export const formula = (value: string): Content => ({ formula: value });
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

  constructor(readonly name: string, private readonly names: DefinedName[]) {}

  /** Writes a rectangle of contents in one style. */
  put(top: number, left: number, rows: readonly (readonly Content[])[], style: StyleName, formats?: readonly (string | undefined)[]): void {
    if (rows.length > 0) this.blocks.push({ top, left, rows, style, formats });
  }

  paint(top: number, left: number, bottom: number, right: number, style: StyleName): void {
    this.paints.push({ top, left, bottom, right, style });
  }

  allow(top: number, left: number, bottom: number, right: number, allowed: readonly string[]): void {
    this.validations.push({ top, left, bottom, right, allowed });
  }

  /** Names a cell, or the rectangle from it to `to`. */
  define(name: string, at: Cell, to: Cell = at): void {
    this.names.push({ name, sheet: this.name, top: at.row, left: at.column, bottom: to.row, right: to.column });
  }

  build(options: { columnWidths: readonly number[]; freeze?: SheetPlan['freeze']; tabColor?: string }): SheetPlan {
    return {
      name: this.name,
      columnWidths: options.columnWidths,
      blocks: this.blocks,
      paints: this.paints,
      validations: this.validations,
      freeze: options.freeze,
      tabColor: options.tabColor,
      printLandscapeFitToWidth: true,
    };
  }
}
