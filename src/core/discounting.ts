// Discounting (docs/conventions.md, "Discounting" and "STPR schedule"; HM Treasury
// Green Book): year 0 is undiscounted, and the factor compounds year by year at the rate of each
// year: DF(0) = 1, DF(t) = DF(t-1) / (1 + r_t). The discount rate given is the rate of years 0 to
// 30; later years step down as the Green Book's schedule does (3.5%, 3.0%, 2.5% at the default),
// so a different rate moves the whole schedule. Within 30 years the factor is 1 / (1 + r)^t.
import { Exact } from './money';

export const GREEN_BOOK_RATE = {
  rate: 0.035,
  source: 'HM Treasury Green Book: social time preference rate for years 0 to 30',
  vintage: 'HM Treasury Green Book, 2022 edition',
} as const;

/**
 * The STPR schedule: from which year each band applies, and how far its rate lies below the
 * discount rate given (3.5% for years 0-30, 3.0% for 31-75, 2.5% for 76-125 at the default).
 * A band's rate is never below 0%: a discount rate under a band's step-down leaves that band's
 * years undiscounted rather than growing in value.
 */
export const STPR_SCHEDULE = {
  source: 'HM Treasury Green Book: the STPR schedule, 3.5% for years 0-30, 3.0% for 31-75, 2.5% for 76-125',
  bands: [
    { from: 0, stepDown: '0' },
    { from: 31, stepDown: '0.005' },
    { from: 76, stepDown: '0.01' },
  ],
} as const;

/** The rate of year t: the discount rate less its band's step-down, and not below 0. */
export function rateInYear(rate: Exact, year: number): Exact {
  const bands = STPR_SCHEDULE.bands.filter((b) => year >= b.from);
  const band = bands[bands.length - 1] ?? STPR_SCHEDULE.bands[0];
  return Exact.max(new Exact(0), new Exact(rate).minus(band.stepDown));
}

/**
 * The factor of year t. Each band's years are compounded at once and divided into 1 once, which
 * is DF(t-1) / (1 + r_t) year by year, and within the first band exactly 1 / (1 + r)^t.
 */
export function discountFactor(rate: Exact, year: number): Exact {
  let growth = new Exact(1);
  STPR_SCHEDULE.bands.forEach((band, i) => {
    const first = Math.max(band.from, 1);
    const last = Math.min(year, (STPR_SCHEDULE.bands[i + 1]?.from ?? Infinity) - 1);
    if (last >= first) growth = growth.times(new Exact(1).plus(rateInYear(rate, band.from)).pow(last - first + 1));
  });
  return new Exact(1).div(growth);
}
