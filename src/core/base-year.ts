// Base year (docs/conventions.md, "Base year"): the FY the cost table describes, detected from the
// item labels when they name one (`Staffordshire Connects 2011/12 Core Team`), else an assumption.
import { fyNamedIn } from './financial-year';

export interface NamedYears {
  /** Start year of each FY named in a label, with the first cell naming it. */
  readonly years: ReadonlyMap<number, string>;
}

/** `labelCell` names the cell of a row's label, for the message when labels disagree. */
export function yearsNamedInLabels(
  rows: readonly { item: string; sheetRow: number }[],
  labelCell: (sheetRow: number) => string,
): NamedYears {
  const years = new Map<number, string>();
  for (const row of rows) {
    const year = fyNamedIn(row.item);
    if (year !== undefined && !years.has(year)) years.set(year, labelCell(row.sheetRow));
  }
  return { years };
}

/** The one FY (its start year) the labels name; undefined when they name none, or more than one. */
export function theYearNamed(labels: readonly string[]): number | undefined {
  const years = new Set(labels.map(fyNamedIn).filter((year) => year !== undefined));
  return years.size === 1 ? [...years][0] : undefined;
}
