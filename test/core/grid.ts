// Test helpers: building grids the way a sheet hands them to the core, and catching InputError.
import { CellValue, Grid } from '../../src/core/cell';
import { InputError, Problem, placeWords } from '../../src/core/problems';

export interface GridOptions {
  readonly sheet?: string;
  readonly top?: number;
  readonly left?: number;
}

/** A grid from rows of cell values (sheet `Costs`, top-left A1 unless told otherwise). */
export function grid(values: readonly (readonly CellValue[])[], options: GridOptions = {}): Grid {
  return { sheet: options.sheet ?? 'Costs', top: options.top ?? 1, left: options.left ?? 1, values };
}

/** The six items of the seed's Section 3, with their amounts in pence (typed from the report). */
export const SEED_ITEMS: readonly { readonly item: string; readonly pence: number; readonly text: string }[] = [
  { item: 'Staffordshire Connects 2011/12 Core Team', pence: 1780000, text: '17,800.00' },
  { item: 'CRM', pence: 4664863, text: '46,648.63' },
  { item: 'Epayments', pence: 949585, text: '9,495.85' },
  { item: 'New Epayments', pence: 4426249, text: '44,262.49' },
  { item: 'Customer Insight', pence: 548325, text: '5,483.25' },
  { item: 'Shared Email Directory', pence: 84500, text: '845.00' },
];

/**
 * The seed's Section 3 as a sheet holds it, from A1: a title row, a header row with "£" in the
 * amount column, a blank row, the six items (rows 4 to 9) and the total row (row 10).
 * Amounts are numbers, or the report's text when `asText`.
 */
export function seedRows(asText = false, statedTotal: CellValue = asText ? '124,535.22' : 124535.22): CellValue[][] {
  return [
    ['The payments to Staffs Connects for 2011-12 were made up of the following:', null],
    [null, '£'],
    [null, null],
    ...SEED_ITEMS.map(({ item, pence, text }): CellValue[] => [item, asText ? text : pence / 100]),
    ['Total (Exc VAT)', statedTotal],
  ];
}

export function seedGrid(options: GridOptions & { asText?: boolean; statedTotal?: CellValue } = {}): Grid {
  return grid(seedRows(options.asText ?? false, options.statedTotal), options);
}

/** The InputError that `run` throws; fails when it throws nothing or something else. */
export function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** A problem with its place in the words of the assumptions file (`partners.leavers[0].leavesOn`) or the cell. */
export interface Located {
  readonly where: string;
  readonly message: string;
}
export const located = (problem: Problem): Located => ({ where: placeWords(problem.place), message: problem.message });

/** The problems of the InputError that `run` throws, each located; fails when it throws nothing or something else. */
export function inputProblems(run: () => unknown): Located[] {
  return inputError(run).problems.map(located);
}
