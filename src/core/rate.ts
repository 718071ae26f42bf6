// Rates (a discount rate, indexation): exact fractions such as 0.035, written as 3.5%.
import { Exact } from './money';

/** A rate given as a fraction (0.035) or a percentage text ("3.5%"); undefined for anything else. */
export function parseRate(value: unknown): Exact | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Exact(value);
  if (typeof value === 'string') {
    const match = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
    if (match) return new Exact(match[1]).div(100);
  }
  return undefined;
}

/** `3.5%`, `-0.25%`, `0%`: exact, without binary-float noise. */
export function formatRate(rate: Exact | number): string {
  return `${new Exact(rate).times(100).toString()}%`;
}
