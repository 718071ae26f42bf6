// Optimism bias (docs/conventions.md, "Optimism bias"; HM Treasury Green Book and its
// supplementary guidance): an uplift on an option's estimated costs of leaving. The contribution
// the council pays today is known, so it takes none.
import { Exact } from './money';

export const DEFAULT_OPTIMISM_BIAS = 0;

/** The Green Book's generic upper bound for outsourcing, offered as a reference. */
export const OUTSOURCING_UPPER_BOUND = {
  rate: 0.41,
  source: 'HM Treasury Green Book supplementary guidance on optimism bias: upper bound for outsourcing projects (operating costs)',
} as const;

/** What the costs of leaving are multiplied by: 1 + the bias. */
export function upliftFactor(bias: Exact): Exact {
  return new Exact(1).plus(bias);
}
