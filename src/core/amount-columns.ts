// Several amount columns (docs/conventions.md, "Several amount columns"): years, budget and actual, net / VAT
// / gross. An explicit choice wins; else the column whose header names the base year; else the net
// column (councils recover VAT on non-business costs, s33 VAT Act 1994, and report costs exclusive
// of VAT); else no guess: the user is told which columns there are and how to choose.
import { fyNamedIn } from './financial-year';
import { InputError, atCell } from './problems';

export interface AmountColumn {
  /** The sheet column, 1-based. */
  readonly column: number;
  /** Its letter, e.g. `C`. */
  readonly letter: string;
  /** Its header's text, when it has one. */
  readonly header?: string;
  /** The header's cell, e.g. `Costs!C1`. */
  readonly headerCell?: string;
}

export type ChosenBy = 'the only one' | 'given' | 'base year' | 'net of VAT';

export interface ColumnChoice {
  readonly chosen: AmountColumn;
  readonly by: ChosenBy;
  /** The other amount columns, passed over. */
  readonly others: readonly AmountColumn[];
  /** The financial year (its start year) the chosen column's header names, if any. */
  readonly headerYear?: number;
}

/**
 * More than one column holds amounts and nothing says which to read, or the column asked for is not
 * one of them: the user chooses. An InputError (nothing is written) that lists the columns.
 */
export class ColumnsToChoose extends InputError {
  constructor(readonly columns: readonly AmountColumn[], table: string, readonly asked?: string) {
    super([{
      place: atCell(table),
      message: asked === undefined
        ? `${columns.length} columns hold amounts (${columns.map(describeColumn).join(', ')}), and none is headed with the base year or as net of VAT; choose the one to read`
        : `no amount column is ${JSON.stringify(asked)}: the amount columns are ${columns.map(describeColumn).join(', ')}`,
    }]);
  }
}

export function describeColumn(column: AmountColumn): string {
  return column.header ? `${column.letter} "${column.header}"` : column.letter;
}

/** Words that say an amount is net of VAT: `net`, `exc VAT`, `excl. VAT`, `ex VAT`. */
export const NET_OF_VAT = /\bnet\b|\bexc(?:l(?:uding)?)?\.?\s*vat\b|\bex\.?\s*vat\b|\bexclusive of vat\b/i;

/** The start year of the financial year or calendar year a header names ("2011/12", "2012"). */
export function headerYear(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const fy = fyNamedIn(header);
  if (fy !== undefined) return fy;
  const year = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(header);
  return year ? Number(year[1]) : undefined;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The column to read, of the table at `table` (for the message). `asked` is the user's choice: a letter (`C`) or a header's text (`2011/12`).
 * `baseYear` is the start year of the base year, when the user gave one.
 */
export function chooseAmountColumn(columns: readonly AmountColumn[], table: string, asked?: string, baseYear?: number): ColumnChoice {
  const pick = (chosen: AmountColumn, by: ChosenBy): ColumnChoice => {
    const year = headerYear(chosen.header);
    return { chosen, by, others: columns.filter((c) => c !== chosen), ...(year === undefined ? {} : { headerYear: year }) };
  };
  if (asked !== undefined) {
    const found = columns.find((c) => same(c.letter, asked)) ?? columns.find((c) => c.header !== undefined && same(c.header, asked));
    if (!found) throw new ColumnsToChoose(columns, table, asked);
    return pick(found, columns.length === 1 ? 'the only one' : 'given');
  }
  if (columns.length === 1) return pick(columns[0], 'the only one');
  const ofBaseYear = baseYear === undefined ? [] : columns.filter((c) => headerYear(c.header) === baseYear);
  if (ofBaseYear.length === 1) return pick(ofBaseYear[0], 'base year');
  const net = columns.filter((c) => c.header !== undefined && NET_OF_VAT.test(c.header));
  if (net.length === 1) return pick(net[0], 'net of VAT');
  throw new ColumnsToChoose(columns, table);
}
