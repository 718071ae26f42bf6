// Units (domain.md, Reading real cost tables: Units): a unit written in the amount column's header,
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

/** The unit a text states, or undefined when it states none. */
export function unitIn(text: string): Omit<Unit, 'cell'> | undefined {
  const match = UNIT.exec(text);
  if (!match) return undefined;
  const factor = match[1] ? 1000 : match[2] ? 1_000_000 : 1;
  return { label: match[0].trim(), factor };
}

/** A text that is a unit and nothing else (`£000`, `£'000`, `£k`, `£m`): a header, never an amount. */
export function isUnitOnly(text: string): boolean {
  const unit = unitIn(text);
  return unit !== undefined && unit.factor !== 1 && text.trim().length === unit.label.length;
}
