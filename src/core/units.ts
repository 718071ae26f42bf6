// Units (docs/conventions.md, "Units"): a unit written in the amount column's header,
// in a unit row above the amounts, or in the title (`£`, `£000`, `£'000`, `£000s`, `£k`, `£m`,
// `£ million`) scales every amount to pounds exactly: 17.8 in a £000 table is £17,800.00. No unit
// means pounds.

export interface Unit {
  /** As the table writes it, e.g. `£000`; `£` when the table states none. */
  readonly label: string;
  /** Pounds in one of the table's units: 1, 1000 or 1000000. */
  readonly factor: 1 | 1000 | 1_000_000;
  /** The cell that states it; undefined when the table states none (pounds). */
  readonly cell?: string;
}

export const POUNDS: Unit = { label: '£', factor: 1 };

// A pound sign, then thousands (000, '000, 000s, k, thousand) or millions (m, mn, million), or nothing.
const UNIT = /£\s*(?:(['’]?000s?|k\b|thousands?\b)|(m\b|mn\b|millions?\b))?/i;

/**
 * Whether a text is a unit and nothing more (`£000`, `(£'000)`, `£000s`, `£k`, `£ million`): it heads
 * a column or a unit row, and is never an amount, though `£000` reads like one (£0).
 */
export function isUnitAlone(text: string): boolean {
  const match = UNIT.exec(text);
  return match !== null && (text.slice(0, match.index) + text.slice(match.index + match[0].length)).replace(/[\s()[\]]/g, '') === '';
}

/** The unit a text states, or undefined when it states none. */
export function unitIn(text: string): Omit<Unit, 'cell'> | undefined {
  const match = UNIT.exec(text);
  if (!match) return undefined;
  const factor = match[1] ? 1000 : match[2] ? 1_000_000 : 1;
  return { label: match[0].trim(), factor };
}
