// Which cells the command reads: --range's cells (A1:C12) or the Excel table or defined name it
// names, which gives the sheet too; on the sheet named with --sheet, or else on the visible sheet
// whose table looks most like cost rows (core/choose-sheet), saying which and why.
import { PRODUCT } from '../../app/product';
import { CellRange, Grid, parseRange, rangeA1, sheetReference } from '../../core/cell';
import { SheetWeighed, chooseSheet } from '../../core/choose-sheet';
import { NamedRange, SourceWorkbook, namedRange } from '../../hosts/xlsx/read-workbook';

/** How the sheet was chosen, for the terminal report and the JSON summary. */
export interface SheetChoice {
  readonly by: '--sheet' | '--range' | 'weighing';
  /** Why the sheet was chosen: the weighing, or the table or defined name --range named. */
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

/** What --range gives: cells, to look for on the sheet, or a table or defined name, which fixes the sheet. */
export type RangeChoice = { readonly cells: CellRange } | { readonly named: NamedRange };

/** `Costs!A3:B10`, `'My costs'!A3:B10`: where a table or name lies. */
const placeOf = (named: NamedRange) => `${sheetReference(named.sheet)}!${rangeA1(named.range)}`;

/**
 * What --range names: `A1:C12` as it is, else the workbook's Excel table or defined name of that
 * name (any case). A name that is neither, or that lies on a sheet the product wrote, is refused,
 * listing the tables and names there are.
 */
export function rangeChoice(workbook: SourceWorkbook, text: string, ours: ReadonlySet<string>): RangeChoice {
  const cells = parseRange(text);
  if (cells) return { cells };
  const named = namedRange(workbook, text);
  if (named && ours.has(named.sheet)) {
    throw new UsageError(`--range "${text}" is the ${named.kind} ${placeOf(named)}, on a sheet ${PRODUCT.name} wrote; name the council's cost table`);
  }
  if (named) return { named };
  const theirs = workbook.namedRanges.filter((n) => !ours.has(n.sheet));
  const listed = (kind: NamedRange['kind'], heading: string) => {
    const of = theirs.filter((n) => n.kind === kind).map((n) => `"${n.name}" (${placeOf(n)})`);
    return of.length > 0 ? [`  ${heading}: ${of.join(', ')}`] : [];
  };
  const lines = [...listed('table', 'Excel tables'), ...listed('defined name', 'defined names')];
  throw new UsageError(
    `--range "${text}" is not a range such as A1:C12, nor an Excel table or a defined name of the workbook`,
    lines.length > 0 ? ['The workbook has:', ...lines] : ['The workbook has no Excel tables and no defined names of one block of cells.'],
  );
}

export async function sourceGrid(
  workbook: SourceWorkbook,
  ours: ReadonlySet<string>,
  sheetName: string | undefined,
  rangeGiven: RangeChoice | undefined,
): Promise<{ grid: Grid; choice: SheetChoice }> {
  const sheets = () => workbook.sheets.map((s) => `"${s.name}"`).join(', ');
  const named = rangeGiven && 'named' in rangeGiven ? rangeGiven.named : undefined;
  const range = rangeGiven && 'cells' in rangeGiven ? rangeGiven.cells : named?.range;
  if (sheetName !== undefined) {
    const sheet = workbook.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!sheet) throw new UsageError(`--sheet "${sheetName}": no such sheet; the sheets are ${sheets()}`);
    if (ours.has(sheet.name)) throw new UsageError(`--sheet "${sheetName}" is a sheet ${PRODUCT.name} wrote; name the sheet that holds the council's costs`);
    if (named && named.sheet !== sheet.name) {
      throw new UsageError(`--range "${named.name}" is the ${named.kind} ${placeOf(named)}, not on --sheet "${sheetName}"; leave out --sheet, or name the sheet "${named.sheet}"`);
    }
    return { grid: await workbook.grid(sheet.name, range), choice: { by: '--sheet', passedOver: [] } };
  }
  if (named) {
    return { grid: await workbook.grid(named.sheet, named.range), choice: { by: '--range', reason: `the ${named.kind} "${named.name}"`, passedOver: [] } };
  }
  const grids = new Map<string, Grid>();
  const candidates = [];
  for (const sheet of workbook.sheets) {
    if (ours.has(sheet.name)) candidates.push({ sheet: sheet.name, passOver: `written by ${PRODUCT.name}` });
    else if (sheet.hidden) candidates.push({ sheet: sheet.name, passOver: 'hidden' });
    else {
      const grid = await workbook.grid(sheet.name, range);
      grids.set(sheet.name, grid);
      candidates.push({ sheet: sheet.name, grid });
    }
  }
  const choice = chooseSheet(candidates);
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
