// What the fake counts: round trips (syncs that carried work) and the size of each request, as
// the JSON of its queued actions and the object paths they use.

export interface SyncRecord {
  /** 1-based, over the life of the fake (or since the last reset). */
  readonly index: number;
  /** Which Excel.run (1-based) the sync belongs to. */
  readonly run: number;
  /** True for the sync that Excel.run makes itself when the batch returns. */
  readonly finalSyncOfRun: boolean;
  /** UTF-8 bytes of the request's JSON: every action with its written values, and the object paths. */
  readonly requestBytes: number;
  /** UTF-8 bytes of the JSON of what came back (loaded properties, null-object checks). */
  responseBytes: number;
  /** Actions in the request, loads included. */
  readonly actions: number;
  /** Actions that only read: loads, and methods whose result comes back (a ClientResult, e.g. getRowProperties). */
  readonly loads: number;
  /** `application.suspendApiCalculationUntilNextSync()` was queued for this sync. */
  readonly calculationSuspended: boolean;
  /** The type of each `application.calculate(type)` queued for this sync (`Full`, `FullRebuild`, `Recalculate`); absent when none. */
  readonly calculations?: readonly string[];
  /** A short description of each action, e.g. `Range(Costs!A1:C3).values = [3×3]`. */
  readonly statements: readonly string[];
  /** The error code (or error name) if the sync failed. */
  error?: string;
}

export interface CounterSummary {
  readonly runs: number;
  readonly roundTrips: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly largestRequestBytes: number;
  readonly syncs: readonly SyncRecord[];
}

export class FakeCounters {
  private records: SyncRecord[] = [];
  private runCount = 0;

  /** Number of Excel.run batches started. */
  get runs(): number {
    return this.runCount;
  }

  /** Syncs that carried work (an empty `context.sync()` sends nothing and is not counted). */
  get roundTrips(): number {
    return this.records.length;
  }

  get syncs(): readonly SyncRecord[] {
    return this.records;
  }

  /** Total request bytes over every round trip. */
  get requestBytes(): number {
    return this.records.reduce((sum, r) => sum + r.requestBytes, 0);
  }

  get responseBytes(): number {
    return this.records.reduce((sum, r) => sum + r.responseBytes, 0);
  }

  get largestRequestBytes(): number {
    return this.records.reduce((max, r) => Math.max(max, r.requestBytes), 0);
  }

  /** The round trip with the largest request, or undefined when there was none. */
  get largestRequest(): SyncRecord | undefined {
    return this.records.reduce<SyncRecord | undefined>((max, r) => (max === undefined || r.requestBytes > max.requestBytes ? r : max), undefined);
  }

  reset(): void {
    this.records = [];
    this.runCount = 0;
  }

  summary(): CounterSummary {
    return {
      runs: this.runs,
      roundTrips: this.roundTrips,
      requestBytes: this.requestBytes,
      responseBytes: this.responseBytes,
      largestRequestBytes: this.largestRequestBytes,
      syncs: this.records.map((r) => ({ ...r })),
    };
  }

  /** @internal used by the request context. */
  startRun(): number {
    this.runCount += 1;
    return this.runCount;
  }

  /** @internal used by the request context. */
  record(entry: Omit<SyncRecord, 'index'>): SyncRecord {
    const record: SyncRecord = { index: this.records.length + 1, ...entry };
    this.records.push(record);
    return record;
  }
}
