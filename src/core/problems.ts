// How the core reports bad input (an error naming the cell or assumption) and things worth a look
// (warnings, grouped by kind so that a million rows make one line, not a million).

export interface Problem {
  /** A cell such as `Costs!B3`, or an assumption such as `discountRate`. */
  readonly where: string;
  readonly message: string;
}

export function describeProblem(problem: Problem): string {
  return `${problem.where}: ${problem.message}`;
}

/** Bad input: the job stops and nothing is written. */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(describeProblem).join('\n'));
    this.name = 'InputError';
  }
}

/** Collects problems and throws them together, capped so that a broken million-row sheet stays readable. */
export class ProblemList {
  static readonly MOST = 50;
  private readonly items: Problem[] = [];
  private extra = 0;

  add(where: string, message: string): void {
    if (this.items.length < ProblemList.MOST) this.items.push({ where, message });
    else this.extra += 1;
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(): void {
    if (this.isEmpty) return;
    const more = this.extra > 0 ? [{ where: 'and', message: `${this.extra} more problems of the same kinds` }] : [];
    throw new InputError([...this.items, ...more]);
  }
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
  private readonly byCode = new Map<string, { message: string; count: number; cells: string[] }>();

  add(code: string, message: string, cell?: string): void {
    const entry = this.byCode.get(code) ?? { message, count: 0, cells: [] };
    this.byCode.set(code, entry);
    entry.count += 1;
    if (cell !== undefined && entry.cells.length < WarningLog.CELLS_KEPT) entry.cells.push(cell);
  }

  list(): Warning[] {
    return [...this.byCode].map(([code, { message, count, cells }]) => ({ code, message, count, cells }));
  }
}

export function describeWarning(warning: Warning): string {
  if (warning.cells.length === 0) return warning.message;
  const more = warning.count > warning.cells.length ? ` and ${warning.count - warning.cells.length} more` : '';
  return `${warning.message}: ${warning.cells.join(', ')}${more}`;
}
