// Tie-out: the table's stated total against the sum of its rows, to the penny.
import { Money, subtract } from './money';

export type TieOut =
  | { readonly status: 'ok' }
  | { readonly status: 'absent' }
  /** `difference` = sum of the rows - stated total. */
  | { readonly status: 'mismatch'; readonly difference: Money };

export function tieOut(computedTotal: Money, statedTotal: Money | undefined): TieOut {
  if (statedTotal === undefined) return { status: 'absent' };
  const difference = subtract(computedTotal, statedTotal);
  return difference === 0 ? { status: 'ok' } : { status: 'mismatch', difference };
}
