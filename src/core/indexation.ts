// Indexation (docs/conventions.md, "Indexation"): every cost grows by `indexation` a year after
// the base year: cost in FY = base x (1 + indexation)^(FY - base year).
import { FinancialYear } from './financial-year';
import { Exact } from './money';

export const DEFAULT_INDEXATION = 0;

export function indexFactor(indexation: Exact, fy: FinancialYear, baseYear: FinancialYear): Exact {
  return new Exact(1).plus(indexation).pow(fy.startYear - baseYear.startYear);
}
