// How the pane writes dates, times and money: in Office's display language (en-GB when Office
// gives none), so a UK finance officer reads "19 October 2014" and "£81,234.01". Money is in
// pounds sterling whatever the language; only the way it is written follows the language.
import { CalendarDate } from '../../core/calendar-date';
import { Money } from '../../core/money';

export const DEFAULT_LANGUAGE = 'en-GB';

export interface Words {
  readonly language: string;
  /** A calendar date in full: "19 October 2014". */
  date(date: CalendarDate): string;
  /** Money to the penny: "£81,234.01", "-£1,000.00". */
  money(amount: Money): string;
  /** Money without the symbol, for a column headed in £. */
  amount(amount: Money): string;
  /** Money to the nearest whole pound, short, for an axis: "£40,000", "£1.2m". */
  axisMoney(pounds: number): string;
  /** The time of day of a timestamp as written at the run (`2026-12-01T10:42:00+00:00`): "10:42". */
  timeOf(timestamp: string): string | undefined;
}

/** The language Intl knows, or en-GB for one it does not. */
function supported(language: string | undefined): string {
  if (!language) return DEFAULT_LANGUAGE;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 ? language : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // not a language tag at all
  }
}

export function wordsFor(requested?: string): Words {
  const language = supported(requested);
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const pounds = new Intl.NumberFormat(language, { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(language, { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(language, { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });
  return {
    language,
    // Money is whole pence; pence / 100 is the nearest double to the amount, which Intl writes exactly to 2 places.
    date: (d) => dates.format(new Date(Date.UTC(d.year, d.month - 1, d.day))),
    money: (amount) => pounds.format(amount / 100),
    amount: (amount) => plain.format(amount / 100),
    axisMoney: (value) => (Math.abs(value) >= 1_000_000 ? compact.format(value) : whole.format(value)),
    timeOf: (timestamp) => /T(\d{2}:\d{2})/.exec(timestamp)?.[1],
  };
}
