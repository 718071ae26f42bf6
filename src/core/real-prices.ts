// Real and nominal prices (docs/conventions.md, "Real and nominal prices"; HM Treasury Green Book):
// the appraisal is in real prices, those of year 0. Costs as given are real by default. When they
// are given in cash (nominal) terms, a GDP deflator, a rate a year or a rate per FY, converts
// them: real = nominal / product of (1 + deflator) from year 1 to t, t counted from year 0 as in
// discounting. With real prices the factor is 1 every year.
import { FinancialYear } from './financial-year';
import { Exact } from './money';

export const PRICE_BASES = ['real', 'nominal'] as const;
export type Prices = (typeof PRICE_BASES)[number];
export const DEFAULT_PRICES: Prices = 'real';

/** Where the deflator given by FY puts the rate of the FYs it does not list. */
export const OTHER_YEARS = 'otherYears';

/**
 * The GDP deflator: a rate for each FY listed, and a rate for every other FY. Given as one rate,
 * no FY is listed; given by FY without a rate for the others, every FY deflated must be listed.
 */
export interface GdpDeflator {
  readonly byFy: readonly { readonly fy: FinancialYear; readonly rate: Exact }[];
  readonly otherYears?: Exact;
}

/** The deflator of a FY: its own rate, else the rate of the other years; undefined when it has neither. */
export function deflatorIn(deflator: GdpDeflator, fy: FinancialYear): Exact | undefined {
  return deflator.byFy.find((entry) => entry.fy.startYear === fy.startYear)?.rate ?? deflator.otherYears;
}

/**
 * The real-price factor of each year of a timeline: 1 in year 0, and 1 / product of (1 + the
 * deflator of year k) for k from 1 to t. All 1 with real prices (or no deflator). The product is
 * taken exactly and divided into 1 once.
 */
export function realPriceFactors(prices: Prices, deflator: GdpDeflator | undefined, years: readonly FinancialYear[]): Exact[] {
  let growth = new Exact(1);
  return years.map((fy, t) => {
    if (prices === 'real' || deflator === undefined) return new Exact(1);
    if (t > 0) growth = growth.times(new Exact(1).plus(deflatorIn(deflator, fy) ?? 0));
    return new Exact(1).div(growth);
  });
}
