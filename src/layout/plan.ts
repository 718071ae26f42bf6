// A plan of what to write into a workbook: plain data, made by pure layout code, applied by a host
// (an .xlsx file through exceljs, or Excel through Office.js). A host decides nothing that is here.
import type { Align } from '../core/report';

/** What one cell holds. Text is always stored as text, never read as a formula. */
export type Content =
  | { readonly text: string }
  | { readonly number: number }
  /** An Excel formula without its leading "=". */
  | { readonly formula: string }
  | null;

export interface Style {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points. */
  readonly size?: number;
  /** Font colour, `#RRGGBB`. */
  readonly color?: string;
  /** Fill colour, `#RRGGBB`. */
  readonly fill?: string;
  readonly borderBottom?: 'thin' | 'medium' | 'double';
  readonly borderTop?: 'thin' | 'medium' | 'double';
  readonly horizontal?: 'left' | 'right' | 'center';
  readonly wrap?: boolean;
}

/**
 * A block's rows, top to bottom: an array, or rows made one at a time when a host asks for them
 * (`columnOf`), so that a column of a million cost rows is never held whole in the plan.
 */
export interface Rows {
  readonly length: number;
  /** The row at `index`, from 0 to length - 1 (as an array's `at`, which counts a negative index from the end). */
  at(index: number): readonly Content[] | undefined;
}

/** A column of cells, one an item, each made when it is asked for. */
export function columnOf<T>(items: readonly T[], cell: (item: T) => Content): Rows {
  return { length: items.length, at: (index) => (index >= 0 && index < items.length ? [cell(items[index])] : undefined) };
}

/** Rows `start` to `end` (excluded) of `rows`, in order. */
export function* rowsOf(rows: Rows, start = 0, end = rows.length): Iterable<readonly Content[]> {
  for (let index = start; index < end; index++) yield rows.at(index) ?? [];
}

/** A rectangle of cells written together, in one style, with a number format per column. */
export interface Block {
  /** Sheet row and column of the top-left cell, 1-based. */
  readonly top: number;
  readonly left: number;
  readonly rows: Rows;
  /** A key of the plan's styles. */
  readonly style: string;
  /** One per column of the block; undefined leaves the format General. */
  readonly formats?: readonly (string | undefined)[];
}

/** A style over a rectangle, applied after the blocks, keeping each cell's number format; later paints win. */
export interface Paint {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly style: string;
}

/** A drop-down list of allowed values over a rectangle of cells. */
export interface Validation {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly allowed: readonly string[];
}

/** A rectangle of cells of the sheet a chart is on, 1-based. */
export interface CellBlock {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A native chart over the sheet's cells, drawing from the sheet's cells by reference. */
export interface ChartPlan {
  /** Clustered bars: `column` upright (a timeline), `bar` across (a tornado, the first category on top). */
  readonly kind: 'column' | 'bar';
  readonly title: string;
  /** The cells it covers. */
  readonly anchor: CellBlock;
  /** The category labels: a row or a column of cells. */
  readonly categories: CellBlock;
  /** Each series' name (as at the run, and the cell that holds it, if any) and its values. */
  readonly series: readonly { readonly name: { readonly text: string; readonly cell?: CellBlock }; readonly values: CellBlock }[];
  /** The value axis's number format. */
  readonly valueFormat?: string;
}

/**
 * A part of a footer: text as it is (never read as a code), or what the printer fills in: the
 * page's number, the number of pages, the sheet's name, the workbook's file name.
 */
export type FooterPart = { readonly text: string } | { readonly field: 'page' | 'pages' | 'sheet' | 'file' };

/** A footer's three sections, each a run of parts. */
export interface Footer {
  readonly left: readonly FooterPart[];
  readonly center: readonly FooterPart[];
  readonly right: readonly FooterPart[];
}

/** How a sheet prints: on A4 landscape, scaled to one page wide and as many pages down as it takes. */
export interface PrintSetup {
  readonly paper: 'A4';
  readonly orientation: 'landscape';
  /** Scaled to fit this many pages across; the pages down are not limited. */
  readonly pagesWide: 1;
  /** The cells printed. */
  readonly area: CellBlock;
  /** Rows printed again at the top of every page, first to last. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** Rows that start a new page (a break above each), in order. */
  readonly breaksAbove: readonly number[];
  readonly footer: Footer;
}

export interface SheetPlan {
  readonly name: string;
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly blocks: readonly Block[];
  readonly paints: readonly Paint[];
  readonly validations: readonly Validation[];
  /** Rows and columns kept in view when scrolling. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly tabColor?: string;
  /** Rows given a height of their own, in points (a sentence wrapped over several lines); others keep the default. */
  readonly rowHeights?: readonly { readonly row: number; readonly points: number }[];
  /** How the sheet prints; a sheet without prints as the program's defaults have it. */
  readonly print?: PrintSetup;
  readonly charts?: readonly ChartPlan[];
  /** Cells whose contents are fixed at the run (the core's figures as at it), which the inputs now in the sheet do not give. */
  readonly fixedAtRun?: readonly { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number }[];
}

/** A workbook-level name for one cell or a rectangle. */
export interface DefinedName {
  readonly name: string;
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A defined name a run removes: at the workbook's scope, or the scope of one sheet (`scope`, the sheet's name). */
export interface NameRemoved {
  readonly name: string;
  readonly scope?: string;
}

export interface WorkbookPlan {
  /** The product's sheets already in the workbook (found by their marker names), to replace; each sheet's own names go with it. */
  readonly remove: readonly string[];
  /** The other names to remove, those that refer to the sheets replaced: no other name of the workbook's is removed or replaced. */
  readonly removeNames?: readonly NameRemoved[];
  /** Added after every other sheet, in this order. */
  readonly sheets: readonly SheetPlan[];
  readonly styles: Readonly<Record<string, Style>>;
  /** Defined at the workbook's scope, once `removeNames` are gone; the workbook has no other name of the same name. */
  readonly names: readonly DefinedName[];
}

/** A sheet as a host read it back: its values as last calculated, and each formula (without "=") by its A1 address. */
export interface WrittenSheet {
  readonly grid: import('../core/cell').Grid;
  readonly formulas: ReadonlyMap<string, string>;
  /** The number format of each cell whose format is not General, by its A1 address; none when the host did not read formats. */
  readonly formats?: ReadonlyMap<string, string>;
}

/** A sheet hidden from a reader: by the Hide command (`hidden`), or so that only code can show it again (`very hidden`). */
export type SheetHidden = 'hidden' | 'very hidden';

/** A defined name of one rectangle, as the workbook holds it. */
export interface HeldName {
  readonly name: string;
  readonly sheet: string;
  readonly range: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number };
  /** The sheet the name is local to, when it is defined for one sheet alone. */
  readonly scope?: string;
}

/** A defined name as the workbook holds it, whatever it refers to. */
export interface NameDefinition {
  readonly name: string;
  /** The sheet the name is local to (`localSheetId`); none for a name of the whole workbook. */
  readonly scope?: string;
  /** What it refers to, as written, without "=": `'VfM Scenarios'!$C$5`, `0.035`, a formula. */
  readonly refersTo: string;
}

/** A series' name as a chart part holds it: a formula (`'VfM Options'!$A$96`, or LibreOffice's `"NPV at low"`), or the text itself. */
export type HeldChartText = { readonly formula: string } | { readonly text: string };

/** One series of a chart as a chart part holds it: each formula as written, without "=". */
export interface HeldChartSeries {
  readonly name?: HeldChartText;
  readonly categories?: string;
  readonly values?: string;
}

/** A chart over a sheet, as its chart part holds it: its title's text, if any, and its series in order. */
export interface HeldChart {
  readonly title?: string;
  readonly series: readonly HeldChartSeries[];
}

/** A document of words, as the committee report pastes or saves it: headings, paragraphs and tables. */
export interface DocumentPlan {
  readonly title: string;
  readonly blocks: readonly (
    | { readonly heading: string }
    | { readonly paragraph: string }
    | { readonly table: DocumentTable }
  )[];
}

export interface DocumentTable {
  readonly columns: readonly { readonly heading: string; readonly align: Align }[];
  readonly rows: readonly (readonly string[])[];
  /** The total row, in bold, if any. */
  readonly total?: readonly string[];
}
