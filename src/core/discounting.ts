// Discounting (domain.md, Conventions: Discounting; HM Treasury Green Book): year 0 is undiscounted,
// the factor for year t is 1 / (1 + r)^t.
import { Exact } from './money';

export const GREEN_BOOK_RATE = {
  rate: 0.035,
  source: 'HM Treasury Green Book: social time preference rate for years 0 to 30',
  vintage: 'HM Treasury Green Book, 2022 edition',
} as const;

export function discountFactor(rate: Exact, year: number): Exact {
  return new Exact(1).div(new Exact(1).plus(rate).pow(year));
}
