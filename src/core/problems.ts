// How the core reports bad input (an error naming the cell or assumption) and things worth a look
// (warnings, grouped by kind so that a million rows make one line, not a million).
import { quote } from './limits';

/** A step into the assumptions: a field's name, a list's index, or an override's label. */
export type PathStep = string | number | { readonly label: string };

/** Where a problem lies: cells of the source (`Costs!B3`, `Costs!A1:B10`), or an assumption by its path. */
export type Place =
  | { readonly cell: string }
  | { readonly assumption: readonly [string, ...PathStep[]] };

export const atCell = (cell: string): Place => ({ cell });
export const atAssumption = (name: string, ...path: PathStep[]): Place => ({ assumption: [name, ...path] });

export interface Problem {
  readonly place: Place;
  readonly message: string;
}

/** A place as the assumptions file spells it: `partners.leavers[1].leavesOn`, `overrides["CRM"]`, or the cell. */
export function placeWords(place: Place): string {
  if ('cell' in place) return place.cell;
  const [name, ...steps] = place.assumption;
  return name + steps.map((step) => (typeof step === 'number' ? `[${step}]` : typeof step === 'string' ? `.${step}` : `[${quote(step.label)}]`)).join('');
}

export function describeProblem(problem: Problem): string {
  return `${placeWords(problem.place)}: ${problem.message}`;
}

/** Bad input: the job stops and nothing is written. */
export class InputError extends Error {
  /**
   * @param problems the problems found, up to ProblemList.MOST
   * @param more how many more were found, of the same kinds, and not kept
   */
  constructor(readonly problems: readonly Problem[], readonly more = 0) {
    super(problemLines(problems, more).join('\n'));
    this.name = 'InputError';
  }
}

/** Each problem as `place: message`, and a last line for those not kept. */
export function problemLines(problems: readonly Problem[], more = 0): string[] {
  return [...problems.map(describeProblem), ...(more > 0 ? [`and ${more} more problems of the same kinds`] : [])];
}

/** Collects problems and throws them together, capped so that a broken million-row sheet stays readable. */
export class ProblemList {
  static readonly MOST = 50;
  private readonly items: Problem[] = [];
  private extra = 0;

  add(place: Place, message: string): void {
    if (this.items.length < ProblemList.MOST) this.items.push({ place, message });
    else this.extra += 1;
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(): void {
    if (!this.isEmpty) throw new InputError(this.items, this.extra);
  }
}

/** Stops the job with one problem. */
export function refuse(place: Place, message: string): never {
  throw new InputError([{ place, message }]);
}

export interface Warning {
  readonly code: string;
  readonly message: string;
  /** How many places it applies to. */
  readonly count: number;
  /** The first few of those places (cells or assumptions). */
  readonly cells: readonly string[];
}

export class WarningLog {
  static readonly CELLS_KEPT = 20;
  static readonly OWN_KEPT = 20;
  private readonly ownCount = new Map<string, number>();
  private readonly byCode = new Map<string, { message: string; count: number; cells: string[] }>();

  add(code: string, message: string, cell?: string): void {
    const entry = this.byCode.get(code) ?? { message, count: 0, cells: [] };
    this.byCode.set(code, entry);
    entry.count += 1;
    if (cell !== undefined && entry.cells.length < WarningLog.CELLS_KEPT) entry.cells.push(cell);
  }

  /**
   * A warning in words of its own for its cell (the value found there, and what is wrong with it):
   * each such warning is listed apart, those in the same words together; past the first
   * OWN_KEPT of a kind, the rest go together under `rest`.
   */
  addOwn(code: string, message: string, cell: string, rest: string): void {
    const own = `${code}\u0000${message}`;
    const kinds = (this.ownCount.get(code) ?? 0);
    if (this.byCode.has(own) || kinds < WarningLog.OWN_KEPT) {
      if (!this.byCode.has(own)) this.ownCount.set(code, kinds + 1);
      this.add(own, message, cell);
    } else {
      this.add(`${code}\u0000`, rest, cell);
    }
  }

  /** Every warning of another log, as if each had been added here in its order. */
  addAll(other: WarningLog): void {
    for (const [code, { message, count, cells }] of other.byCode) {
      const [kind, own] = code.split('\u0000');
      if (own && !this.byCode.has(code)) this.ownCount.set(kind, (this.ownCount.get(kind) ?? 0) + 1);
      const entry = this.byCode.get(code) ?? { message, count: 0, cells: [] };
      this.byCode.set(code, entry);
      entry.count += count;
      for (const cell of cells) if (entry.cells.length < WarningLog.CELLS_KEPT) entry.cells.push(cell);
    }
  }

  list(): Warning[] {
    return [...this.byCode].map(([key, { message, count, cells }]) => ({ code: key.split('\u0000')[0], message, count, cells }));
  }
}

export function describeWarning(warning: Warning): string {
  if (warning.cells.length === 0) return warning.message;
  const more = warning.count > warning.cells.length ? ` and ${warning.count - warning.cells.length} more` : '';
  return `${warning.message}: ${warning.cells.join(', ')}${more}`;
}
