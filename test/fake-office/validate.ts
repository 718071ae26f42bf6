// Checks on written property values, made while a sync runs (as Excel does on its side).

import { invalidArgument } from './errors';

const NAMED_COLOURS: Readonly<Record<string, string>> = {
  black: '#000000', white: '#FFFFFF', red: '#FF0000', lime: '#00FF00', green: '#008000', blue: '#0000FF',
  yellow: '#FFFF00', orange: '#FFA500', purple: '#800080', gray: '#808080', grey: '#808080', silver: '#C0C0C0',
  navy: '#000080', teal: '#008080', maroon: '#800000', olive: '#808000', aqua: '#00FFFF', fuchsia: '#FF00FF',
  darkblue: '#00008B', lightgray: '#D3D3D3', lightgrey: '#D3D3D3',
};

/** "#rrggbb" (any case) or a common HTML colour name → "#RRGGBB", as Excel reads colours back. */
export function colour(value: unknown, location: string): string {
  if (typeof value === 'string') {
    if (/^#[0-9A-Fa-f]{6}$/.test(value)) return value.toUpperCase();
    const named = NAMED_COLOURS[value.toLowerCase()];
    if (named) return named;
  }
  throw invalidArgument(`${JSON.stringify(value)} is not a colour ("#RRGGBB" or an HTML colour name the fake knows)`, location);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], location: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw invalidArgument(`${JSON.stringify(value)} is not one of ${allowed.join(', ')}`, location);
  return found;
}

export function bool(value: unknown, location: string): boolean {
  if (typeof value !== 'boolean') throw invalidArgument(`${JSON.stringify(value)} is not a boolean`, location);
  return value;
}

export function numberIn(value: unknown, min: number, max: number, location: string, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw invalidArgument(`${JSON.stringify(value)} is not ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, location);
  }
  return value;
}

export function text(value: unknown, location: string, options: { nonEmpty?: boolean; max?: number } = {}): string {
  if (typeof value !== 'string') throw invalidArgument(`${JSON.stringify(value)} is not a string`, location);
  if (options.nonEmpty && value.length === 0) throw invalidArgument('an empty string is not allowed here', location);
  if (options.max !== undefined && value.length > options.max) throw invalidArgument(`longer than ${options.max} characters`, location);
  return value;
}

/** A plain object (not an array, not null) of the given keys only. */
export function record(value: unknown, allowedKeys: readonly string[], location: string): Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(`${JSON.stringify(value)} is not an object`, location);
  const rec = value as Readonly<Record<string, unknown>>;
  for (const k of Object.keys(rec)) {
    if (!allowedKeys.includes(k)) throw invalidArgument(`unexpected property '${k}' (expected ${allowedKeys.join(', ')})`, location);
  }
  return rec;
}
