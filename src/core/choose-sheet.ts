// Choosing the sheet that holds the partnership's cost rows when the user names none. Each sheet's
// table is weighed on what makes it look like cost rows: labels naming the costs a partnership
// carries, a total row that ties to its rows, and then the number of labelled amounts. When two
// sheets weigh the same, the choice is the user's.
import { Grid } from './cell';
import { AVOIDABLE_KEYWORDS } from './classification';
import { labelBesideAmount, readCostTable } from './cost-table';
import { ZERO, add } from './money';
import { InputError, WarningLog } from './problems';
import { tieOut } from './tie-out';

/** Words of a cost row: the avoidable keywords, and the contracts and services a partnership buys. */
export const COST_WORDS: readonly string[] = [
  ...AVOIDABLE_KEYWORDS,
  'contract', 'licence', 'license', 'support', 'crm', 'payment', 'partnership', 'service', 'maintenance', 'hosting', 'software', 'system',
];

const TOTAL_LABEL = /^total\b/i;

export interface CostTableEvidence {
  /** Rows with a label beside an amount, total rows aside. */
  readonly rows: number;
  /** Of those, the rows whose label holds a cost word (any case). */
  readonly costRows: number;
  /** The table has a total row equal to the sum of its rows. */
  readonly totalTies: boolean;
}

export function costTableEvidence(grid: Grid): CostTableEvidence {
  let rows = 0;
  let costRows = 0;
  for (const row of grid.values) {
    const label = labelBesideAmount(row);
    if (label === undefined || TOTAL_LABEL.test(label)) continue;
    rows += 1;
    const key = label.toLowerCase();
    if (COST_WORDS.some((word) => key.includes(word))) costRows += 1;
  }
  return { rows, costRows, totalTies: rows > 0 && totalTies(grid) };
}

function totalTies(grid: Grid): boolean {
  try {
    const table = readCostTable(grid, new WarningLog());
    const sum = table.rows.reduce((total, row) => add(total, row.amount), ZERO);
    return tieOut(sum, table.statedTotal?.amount).status === 'ok';
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

/** Positive when `a` looks more like the cost rows than `b`: cost words first, then a tie-out, then size. */
export function compareEvidence(a: CostTableEvidence, b: CostTableEvidence): number {
  return a.costRows - b.costRows || Number(a.totalTies) - Number(b.totalTies) || a.rows - b.rows;
}

export function describeEvidence(evidence: CostTableEvidence): string {
  if (evidence.rows === 0) return 'no labels beside amounts';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const words = evidence.costRows === 0 ? 'none with cost words' : `${evidence.costRows} with cost words`;
  return `${plural(evidence.rows, 'labelled amount', 'labelled amounts')}, ${words}, ${evidence.totalTies ? 'a total that ties' : 'no total that ties'}`;
}

/** A sheet to weigh, or one passed over for a reason given by the caller (hidden, the product's own). */
export type SheetCandidate = { readonly sheet: string; readonly grid: Grid } | { readonly sheet: string; readonly passOver: string };

export interface SheetWeighed {
  readonly sheet: string;
  /** Why it was chosen or passed over, in words. */
  readonly reason: string;
}

export type SheetChoice =
  | { readonly kind: 'chosen'; readonly chosen: SheetWeighed; readonly passedOver: readonly SheetWeighed[] }
  /** Two or more sheets weigh the same: `tied` are they, `passedOver` the others. */
  | { readonly kind: 'tie'; readonly tied: readonly SheetWeighed[]; readonly passedOver: readonly SheetWeighed[] }
  | { readonly kind: 'none'; readonly passedOver: readonly SheetWeighed[] };

/** The sheet whose table looks most like cost rows; the others keep the workbook's order. */
export function chooseSheet(candidates: readonly SheetCandidate[]): SheetChoice {
  const weighed = candidates.map((candidate) => {
    if (!('grid' in candidate)) return { sheet: candidate.sheet, reason: candidate.passOver };
    const evidence = costTableEvidence(candidate.grid);
    return { sheet: candidate.sheet, reason: describeEvidence(evidence), evidence };
  });
  const tables = weighed.flatMap(({ sheet, evidence }) => (evidence && evidence.rows > 0 ? [{ sheet, evidence }] : []));
  if (tables.length === 0) return { kind: 'none', passedOver: weighed.map(said) };
  const best = tables.reduce((a, b) => (compareEvidence(b.evidence, a.evidence) > 0 ? b : a));
  const first = new Set(tables.filter((table) => compareEvidence(table.evidence, best.evidence) === 0).map((table) => table.sheet));
  const passedOver = weighed.filter((entry) => !first.has(entry.sheet)).map(said);
  const tied = weighed.filter((entry) => first.has(entry.sheet)).map(said);
  return tied.length > 1 ? { kind: 'tie', tied, passedOver } : { kind: 'chosen', chosen: tied[0], passedOver };
}

const said = ({ sheet, reason }: SheetWeighed): SheetWeighed => ({ sheet, reason });
