// What a test can make Excel do to a request besides running it: refuse it while the user edits a
// cell, refuse it for a while (throttled, aborted), fail it at one action part-way through, or never
// answer it at all because the add-in was closed. README.md, "Excel's failures", says where each
// comes from.

import { documentedError, FakeOfficeError } from './errors';

/** One failure at the first action whose statement matches. */
interface FailWhen {
  readonly matches: (statement: string) => boolean;
  readonly code: string;
}

export class Faults {
  /** The user is editing a cell: every request that carries work is refused whole. */
  editingCell = false;
  /** Codes to refuse the next requests with, one each, in order. */
  private readonly refusals: string[] = [];
  private failWhen: FailWhen | undefined;
  /** Round trips still answered before the add-in is closed; undefined: never closed. */
  private answered: number | undefined;
  private onClosed: (() => void) | undefined;

  refuseNext(code: string, count: number): void {
    documentedError(code); // a code the fake knows the words of
    for (let i = 0; i < count; i += 1) this.refusals.push(code);
  }

  failAt(matches: (statement: string) => boolean, code: string): void {
    documentedError(code);
    this.failWhen = { matches, code };
  }

  /** Resolves when the first request is left unsent. */
  closeAfter(roundTrips: number): Promise<void> {
    this.answered = roundTrips;
    return new Promise((resolve) => (this.onClosed = resolve));
  }

  /** @internal The add-in has been closed: this request and every later one is never sent. */
  closed(): boolean {
    if (this.answered === undefined) return false;
    if (this.answered === 0) {
      this.onClosed?.();
      return true;
    }
    this.answered -= 1;
    return false;
  }

  /** @internal Why the request is refused before any of it runs, if it is. */
  refusal(): FakeOfficeError | undefined {
    if (this.editingCell) return documentedError('InvalidOperationInCellEditMode');
    const code = this.refusals.shift();
    return code === undefined ? undefined : documentedError(code);
  }

  /** @internal The failure of this action, once, if a test asked for one. */
  failureAt(statement: string): FakeOfficeError | undefined {
    const when = this.failWhen;
    if (!when?.matches(statement)) return undefined;
    this.failWhen = undefined;
    return documentedError(when.code, statement);
  }
}
