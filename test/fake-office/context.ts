// The request context: queues actions, and on `sync()` sends them as one request — counted,
// measured, checked against Excel on the web's 5 MB limit, then applied to the model in order.

import {
  Action, ClientObjectBase, ContextHost, ExecScope, PathDef, strict,
} from './client-object';
import type { FakeCounters } from './counters';
import {
  FakeOfficeError, FakeStrictError, invalidObjectPath, notImplemented, requestPayloadTooLarge, responsePayloadTooLarge,
} from './errors';
import type { Faults } from './faults';
import type { WorkbookModel } from './model';
import type { ResolvedOptions } from './options';
import { Application, CALCULATE, SUSPEND_CALCULATION } from './proxies/application';
import { Workbook } from './proxies/workbook';

export interface Environment {
  readonly model: WorkbookModel;
  readonly options: ResolvedOptions;
  readonly counters: FakeCounters;
  readonly gate: SyncGate;
  readonly faults: Faults;
}

/**
 * Holds round trips back for a test: while held, a sync that carries work waits, unsent, until
 * `release()`, so that a test can look at the add-in mid-request (its busy state) without racing it.
 */
export class SyncGate {
  private opened: Promise<void> | undefined;
  private open: (() => void) | undefined;
  private waitingSyncs = 0;

  /** From now on, syncs wait until `release()`. */
  hold(): void {
    if (this.opened) return;
    this.opened = new Promise<void>((resolve) => (this.open = resolve));
  }

  /** Lets every waiting sync go on, in the order they came; later syncs are not held. */
  release(): void {
    this.open?.();
    this.opened = undefined;
    this.open = undefined;
  }

  /** How many syncs are waiting at the gate now. */
  get waiting(): number {
    return this.waitingSyncs;
  }

  /** @internal Resolves at once when the gate is open. */
  async pass(): Promise<void> {
    if (!this.opened) return;
    this.waitingSyncs += 1;
    try {
      await this.opened;
    } finally {
      this.waitingSyncs -= 1;
    }
  }
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

class Scope implements ExecScope {
  private readonly publishers: (() => void)[] = [];
  private readonly responses: { o: number; v: unknown }[] = [];

  constructor(readonly model: WorkbookModel, readonly options: ResolvedOptions, readonly calculationSuspended: boolean) {}

  onSuccess(publish: () => void): void {
    this.publishers.push(publish);
  }

  respond(objectId: number, data: unknown): void {
    this.responses.push({ o: objectId, v: data });
  }

  guardResponse(estimatedBytes: number): void {
    if (estimatedBytes > this.options.payloadLimitBytes) throw responsePayloadTooLarge(estimatedBytes, this.options.payloadLimitBytes);
  }

  responseBytes(): number {
    return utf8Bytes(JSON.stringify({ Results: this.responses }));
  }

  publishAll(): void {
    for (const p of this.publishers) p();
  }
}

export class FakeRequestContext implements ContextHost {
  private readonly state: { closed: boolean; queue: Action[]; nextId: number; workbook?: Workbook; application?: Application } = {
    closed: false, queue: [], nextId: 1,
  };
  private readonly paths = new Map<number, { readonly path: PathDef; readonly label: string }>();

  constructor(private readonly env: Environment, private readonly runIndex: number) {}

  get isClosed(): boolean {
    return this.state.closed;
  }

  get workbook(): Workbook {
    this.state.workbook ??= strict(new Workbook({ context: this, path: { kind: 'root', name: 'workbook' }, typeName: 'Workbook', nullable: false }), 'Workbook');
    return this.state.workbook;
  }

  get application(): Application {
    this.state.application ??= strict(new Application({ context: this, path: { kind: 'root', name: 'application' }, typeName: 'Application', nullable: false }), 'Application');
    return this.state.application;
  }

  /** The older form of `object.load(option)`. */
  load(object: ClientObjectBase, option?: unknown): void {
    if (!(object instanceof ClientObjectBase)) throw notImplemented('context.load() of something that is not a fake proxy');
    object.load(option);
  }

  allocate(path: PathDef, typeName: string): { id: number; label: string } {
    const id = this.state.nextId;
    this.state.nextId += 1;
    const parent = path.parent === undefined ? undefined : this.paths.get(path.parent)?.label;
    const args = (path.args ?? []).map((a) => JSON.stringify(a)).join(', ');
    let label: string;
    if (path.kind === 'root') label = path.name;
    else if (path.kind === 'property') label = `${parent ?? '?'}.${path.name}`;
    else if (path.kind === 'item') label = `${parent ?? '?'}.items[${path.name}]`;
    else label = `${parent ?? '?'}.${path.name}(${args})`;
    if (path.kind === 'root' && typeName !== 'Workbook' && typeName !== 'Application') label = typeName;
    this.paths.set(id, { path, label });
    return { id, label };
  }

  enqueue(action: Action): void {
    if (this.state.closed) throw invalidObjectPath(action.statement);
    this.state.queue.push(action);
  }

  /** Send what is queued, as one request; loaded values are readable when the promise resolves. */
  sync<T>(passThroughValue?: T): Promise<T | undefined> {
    return this.send(false).then(() => passThroughValue);
  }

  /** @internal Excel.run's own sync when the batch returns. */
  async send(finalSyncOfRun: boolean): Promise<void> {
    if (this.state.closed) throw new FakeStrictError('context.sync() after its Excel.run batch has finished');
    const actions = this.state.queue;
    this.state.queue = [];
    await Promise.resolve(); // like a real round trip, results never arrive synchronously
    if (actions.length === 0) return; // nothing to send: no round trip
    await this.env.gate.pass(); // a test holding round trips back (hold/release)
    const { model, options, counters, faults } = this.env;
    if (faults.closed()) return new Promise<never>(() => undefined); // the add-in was closed: never sent, never answered
    const requestBytes = utf8Bytes(JSON.stringify(this.payload(actions)));
    const calculationSuspended = actions.some((a) => a.name === SUSPEND_CALCULATION);
    const calculations = actions.filter((a) => a.name === CALCULATE).map((a) => String((a.wireValue as unknown[])[0]));
    const record = counters.record({
      run: this.runIndex,
      finalSyncOfRun,
      requestBytes,
      responseBytes: 0,
      actions: actions.length,
      loads: actions.filter((a) => a.kind === 'load' || a.kind === 'query').length,
      calculationSuspended,
      ...(calculations.length > 0 ? { calculations } : {}),
      statements: actions.map((a) => a.statement),
    });
    try {
      if (requestBytes > options.payloadLimitBytes) throw requestPayloadTooLarge(requestBytes, options.payloadLimitBytes);
      const refused = faults.refusal();
      if (refused) throw refused;
      const scope = new Scope(model, options, calculationSuspended);
      for (const action of actions) {
        try {
          const failure = faults.failureAt(action.statement);
          if (failure) throw failure;
          action.run(scope);
        } catch (error) {
          if (error instanceof FakeOfficeError) error.debugInfo.statement = action.statement;
          throw error;
        }
      }
      record.responseBytes = scope.responseBytes();
      if (record.responseBytes > options.payloadLimitBytes) throw responsePayloadTooLarge(record.responseBytes, options.payloadLimitBytes);
      scope.publishAll();
    } catch (error) {
      record.error = error instanceof FakeOfficeError ? error.code : error instanceof Error ? error.name : 'unknown';
      throw error;
    }
  }

  /** What Office.js would send: the actions, and the paths of every object they use. */
  private payload(actions: readonly Action[]): unknown {
    const objectPaths: Record<string, unknown> = {};
    const visit = (id: number | undefined): void => {
      if (id === undefined || objectPaths[id] !== undefined) return;
      const entry = this.paths.get(id);
      if (!entry) return;
      const { path } = entry;
      objectPaths[id] = { t: path.kind, n: path.name, ...(path.parent === undefined ? {} : { p: path.parent }), ...(path.args && path.args.length > 0 ? { a: path.args } : {}) };
      visit(path.parent);
      for (const a of path.args ?? []) visitRefs(a);
    };
    const visitRefs = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visitRefs);
      else if (value !== null && typeof value === 'object') {
        const ref = (value as { _ObjectPathId?: unknown })._ObjectPathId;
        if (typeof ref === 'number') visit(ref);
        else Object.values(value).forEach(visitRefs);
      }
    };
    for (const a of actions) {
      visit(a.objectId);
      visitRefs(a.wireValue);
    }
    return {
      Actions: actions.map((a) => ({ a: a.kind, o: a.objectId, n: a.name, ...(a.wireValue === undefined ? {} : { v: a.wireValue }) })),
      ObjectPaths: objectPaths,
    };
  }

  /** @internal */
  close(): void {
    this.state.closed = true;
  }
}

const RUN_MUST_RETURN_PROMISE = 'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".';

/** Excel.run(batch): a fresh context; when the batch's promise resolves, a final sync of what is still queued. */
export async function runBatch(env: Environment, batch: unknown, ...rest: unknown[]): Promise<unknown> {
  if (typeof batch !== 'function' || rest.length > 0) throw notImplemented('Excel.run(object | objects | options | context, batch): only Excel.run(batch) is modelled');
  const runIndex = env.counters.startRun();
  const context = strict(new FakeRequestContext(env, runIndex), 'RequestContext');
  try {
    const result: unknown = batch(context);
    if (result === null || typeof result !== 'object' || typeof (result as { then?: unknown }).then !== 'function') {
      throw new FakeOfficeError('RunMustReturnPromise', RUN_MUST_RETURN_PROMISE);
    }
    const value = await result;
    await context.send(true);
    return value;
  } finally {
    context.close();
  }
}

