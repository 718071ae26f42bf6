// Which sheet's cells the command reads: the one named with --sheet, or else the visible sheet
// whose table looks most like cost rows (core/choose-sheet), saying which and why.
import { PRODUCT } from '../../app/product';
import { CellRange, Grid, rangeA1 } from '../../core/cell';
import { SheetWeighed, chooseSheet } from '../../core/choose-sheet';
import { Workbook, sheetGrid, sheetNames } from '../../hosts/xlsx/read-workbook';

/** How the sheet was chosen, for the terminal report and the JSON summary. */
export interface SheetChoice {
  readonly by: '--sheet' | 'weighing';
  /** Why the sheet was chosen (when weighed). */
  readonly reason?: string;
  /** The other sheets, in the workbook's order, each with the reason it was passed over. */
  readonly passedOver: readonly SheetWeighed[];
}

/** Bad use of the command, said in `message` and the lines of `details`. */
export class UsageError extends Error {
  constructor(message: string, readonly details: readonly string[] = []) {
    super(message);
    this.name = 'UsageError';
  }
}

export function sourceGrid(
  workbook: Workbook,
  ours: ReadonlySet<string>,
  sheetName: string | undefined,
  range: CellRange | undefined,
): { grid: Grid; choice: SheetChoice } {
  const sheets = () => sheetNames(workbook).map((n) => `"${n}"`).join(', ');
  if (sheetName !== undefined) {
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) throw new UsageError(`--sheet "${sheetName}": no such sheet; the sheets are ${sheets()}`);
    if (ours.has(sheet.name)) throw new UsageError(`--sheet "${sheetName}" is a sheet ${PRODUCT.name} wrote; name the sheet that holds the council's costs`);
    return { grid: sheetGrid(sheet, range), choice: { by: '--sheet', passedOver: [] } };
  }
  const grids = new Map<string, Grid>();
  const choice = chooseSheet(workbook.worksheets.map((sheet) => {
    if (ours.has(sheet.name)) return { sheet: sheet.name, passOver: `written by ${PRODUCT.name}` };
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') return { sheet: sheet.name, passOver: 'hidden' };
    const grid = sheetGrid(sheet, range);
    grids.set(sheet.name, grid);
    return { sheet: sheet.name, grid };
  }));
  if (choice.kind === 'none') {
    const where = range ? ` in ${rangeA1(range)}` : '';
    throw new UsageError(`no visible sheet holds a cost table${where} (item labels beside amounts); the sheets are ${sheets()}. Name one with --sheet NAME`);
  }
  if (choice.kind === 'tie') {
    throw new UsageError(
      `${choice.tied.length} sheets are equally likely to hold the cost rows; choose one with --sheet NAME:`,
      choice.tied.map(({ sheet, reason }) => `  --sheet "${sheet}": ${reason}`),
    );
  }
  return {
    grid: grids.get(choice.chosen.sheet) as Grid,
    choice: { by: 'weighing', reason: choice.chosen.reason, passedOver: choice.passedOver },
  };
}
