// The base of every proxy object: the load/sync protocol of Office.js. A proxy queues actions on
// its request context; its properties become readable only after a load *and* a sync; every
// proxy is wrapped so that touching a member the fake does not model throws at once.

import { FakeStrictError, accessDenied, invalidRequestContext, itemNotFound, notImplemented, propertyNotLoaded, invalidObjectPath, valueNotLoaded } from './errors';
import type { WorkbookModel } from './model';
import type { ResolvedOptions } from './options';

export const STATE = Symbol('fake-office-state');

/** How an object was reached, as Office.js sends it ("ObjectPaths"). */
export interface PathDef {
  readonly parent?: number;
  readonly kind: 'root' | 'property' | 'method' | 'item';
  readonly name: string;
  readonly args?: readonly unknown[];
}

/** What an action sees while a sync executes it. */
export interface ExecScope {
  readonly model: WorkbookModel;
  readonly options: ResolvedOptions;
  /** `application.suspendApiCalculationUntilNextSync()` was queued in this request: formulas written in it are not calculated. */
  readonly calculationSuspended: boolean;
  /** Run after the whole request succeeded: loaded values become visible to the caller. */
  onSuccess(publish: () => void): void;
  /** Data returned to the caller, counted in the response size. */
  respond(objectId: number, data: unknown): void;
  /** Throws ResponsePayloadSizeLimitExceeded when a response would be at least this big. */
  guardResponse(estimatedBytes: number): void;
}

export interface Action {
  readonly objectId: number;
  /** 'query': a method whose result comes back (a ClientResult), a read like a load. */
  readonly kind: 'set' | 'method' | 'load' | 'instantiate' | 'query';
  readonly name: string;
  readonly wireValue?: unknown;
  readonly statement: string;
  run(scope: ExecScope): void;
}

/** What a proxy needs from its request context. */
export interface ContextHost {
  readonly isClosed: boolean;
  allocate(path: PathDef, typeName: string): { id: number; label: string };
  enqueue(action: Action): void;
}

export interface ObjectInit {
  readonly context: ContextHost;
  readonly path: PathDef;
  readonly typeName: string;
  readonly nullable: boolean;
}

interface ObjectState {
  readonly context: ContextHost;
  readonly id: number;
  readonly label: string;
  readonly typeName: string;
  readonly nullable: boolean;
  isNull: boolean | undefined;
  readonly loaded: Map<string, unknown>;
}

/** A parsed load selection: scalar properties here, and navigation properties below. */
export interface LoadTree {
  all: boolean;
  readonly props: Set<string>;
  readonly nav: Map<string, LoadTree>;
}

export function emptyTree(all = false): LoadTree {
  return { all, props: new Set(), nav: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path.split('/').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) return;
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    let next = node.nav.get(part);
    if (!next) {
      next = emptyTree();
      node.nav.set(part, next);
    }
    node = next;
  }
  const last = parts[parts.length - 1];
  if (last === '$all') node.all = true;
  else node.props.add(last);
}

function splitList(value: unknown, what: string): string[] {
  if (typeof value === 'string') return value.split(',');
  if (Array.isArray(value)) return value.flatMap((v) => splitList(v, what));
  throw new FakeStrictError(`load(): ${what} must be a string or an array of strings, not ${typeof value}`);
}

function addInterfaceOptions(tree: LoadTree, options: Readonly<Record<string, unknown>>): void {
  for (const [name, v] of Object.entries(options)) {
    if (name === '$all') {
      if (v === true) tree.all = true;
    } else if (name === '$top' || name === '$skip') {
      throw notImplemented(`load({ ${name} })`);
    } else if (v === true) {
      tree.props.add(name);
    } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const sub = emptyTree();
      addInterfaceOptions(sub, v as Readonly<Record<string, unknown>>);
      tree.nav.set(name, sub);
    } else if (v !== false && v !== undefined) {
      throw new FakeStrictError(`load(): '${name}: ${JSON.stringify(v)}' is not a load option`);
    }
  }
}

/** `load("values, worksheet/name")`, `load(["values"])`, `load({ select, expand })`, `load({ values: true })`, `load()`. */
export function parseLoadOption(option: unknown): LoadTree {
  if (option === undefined || option === null) return emptyTree(true);
  const tree = emptyTree();
  if (typeof option === 'string' || Array.isArray(option)) {
    for (const p of splitList(option, 'the property list')) addPath(tree, p);
    if (tree.props.size === 0 && tree.nav.size === 0) tree.all = true;
    return tree;
  }
  if (typeof option !== 'object') throw new FakeStrictError(`load() takes a string, an array or an object, not ${typeof option}`);
  const record = option as Readonly<Record<string, unknown>>;
  if ('select' in record || 'expand' in record) {
    if ('top' in record || 'skip' in record) throw notImplemented('load({ top, skip })');
    if (record.select !== undefined) for (const p of splitList(record.select, 'select')) addPath(tree, p);
    if (record.expand !== undefined) {
      for (const p of splitList(record.expand, 'expand')) {
        const name = p.trim();
        if (name && !tree.nav.has(name)) tree.nav.set(name, emptyTree(true));
      }
    }
    if (record.select === undefined) tree.all = true;
    return tree;
  }
  addInterfaceOptions(tree, record);
  return tree;
}

/** JSON-able copy for the request payload: proxies become references to their object path. */
export function toWire(value: unknown): unknown {
  if (value instanceof ClientObjectBase) return { _ObjectPathId: value[STATE].id };
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const w = toWire(v);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
}

/** A deep copy of a written value, taken when it is queued (proxies are kept as they are). */
export function capture(value: unknown): unknown {
  if (value instanceof ClientObjectBase) return value;
  if (Array.isArray(value)) return value.map(capture);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capture(v)]));
  }
  return value;
}

/** `[3×4]` for 2-D arrays, short JSON otherwise: for statements in counters and errors. */
export function summarise(value: unknown): string {
  if (Array.isArray(value) && value.every((r) => Array.isArray(r))) {
    const rows: unknown[][] = value;
    return `[${rows.length}×${rows[0]?.length ?? 0}]`;
  }
  if (value instanceof ClientObjectBase) return value[STATE].label;
  const text = JSON.stringify(toWire(value)) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function hasSetter(target: object, prop: string): boolean {
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, prop);
    if (d) return d.set !== undefined;
  }
  return false;
}

/** Names probed by promises, jest and Node's inspection; reading them must not throw. */
const HARMLESS = new Set(['then', 'asymmetricMatch', 'nodeType', 'tagName', 'inspect', '$$typeof', 'toJSON']);

/**
 * Wrap an object so that reading or writing anything it does not define throws "not implemented".
 * (defineProperty is left alone: Jest's globals clean-up redefines properties of installed globals.)
 */
export function strict<T extends object>(target: T, typeName: string): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'symbol' || prop in t || HARMLESS.has(prop) || prop.startsWith('@@')) return Reflect.get(t, prop, receiver);
      throw notImplemented(`${typeName}.${prop}`);
    },
    set(t, prop, value, receiver) {
      if (typeof prop === 'symbol') return Reflect.set(t, prop, value, receiver);
      if (!hasSetter(t, prop)) {
        if (prop in t) throw new TypeError(`Cannot set property ${prop} of ${typeName}, which is read-only`);
        throw notImplemented(`setting ${typeName}.${prop}`);
      }
      return Reflect.set(t, prop, value, receiver);
    },
  });
}

/** Jest (30) copies objects for its failure messages by calling every getter, unless told which properties to copy. */
const JEST_SERIALIZABLE: unique symbol = Symbol.for('@jest/serializableProperties');

export abstract class ClientObjectBase {
  declare readonly [STATE]: ObjectState;
  /** What was loaded, as toJSON() gives it: what Jest prints of a proxy in a failed expectation. */
  declare readonly __loaded: Record<string, unknown>;

  constructor(init: ObjectInit) {
    const { id, label } = init.context.allocate(init.path, init.typeName);
    const state: ObjectState = {
      context: init.context, id, label, typeName: init.typeName, nullable: init.nullable, isNull: init.nullable ? undefined : false, loaded: new Map(),
    };
    Object.defineProperty(this, STATE, { value: state, enumerable: false });
    Object.defineProperty(this, '__loaded', { get: () => this.loadedJSON(), enumerable: true });
  }

  get [JEST_SERIALIZABLE](): string[] {
    return ['__loaded'];
  }

  /** The request context the object belongs to. */
  get context(): ContextHost {
    return this[STATE].context;
  }

  /** Readable after a sync (only *OrNullObject methods make null objects). */
  get isNullObject(): boolean {
    const s = this[STATE];
    if (s.isNull === undefined) throw propertyNotLoaded('isNullObject', s.typeName);
    return s.isNull;
  }

  /** Queue a load of properties; they are readable once `context.sync()` has resolved. */
  load(option?: unknown): this {
    this.assertUsable('load');
    this.queueLoadTree(parseLoadOption(option));
    return this;
  }

  /** The loaded properties (as Office.js's toJSON). */
  toJSON(): Record<string, unknown> {
    const state: ObjectState | undefined = this[STATE];
    return state === undefined ? { ...this.__loaded } : this.loadedJSON(); // (no state: a copy Jest made)
  }

  protected loadedJSON(): Record<string, unknown> {
    return Object.fromEntries(this[STATE].loaded);
  }

  /** Scalar properties a load can fetch. */
  abstract scalarNames(): readonly string[];
  /** Read scalar properties now (during a sync); null for a null object. */
  abstract readScalars(props: readonly string[], scope: ExecScope): Record<string, unknown> | null;
  /** Whether the object exists (during a sync). */
  abstract probe(scope: ExecScope): boolean;

  /** A navigation property by name, for loads like 'worksheet/name'. */
  protected navigation(_name: string): ClientObjectBase | undefined {
    return undefined;
  }

  queueLoadTree(tree: LoadTree): void {
    const s = this[STATE];
    const names = this.scalarNames();
    const props = new Set<string>(tree.all ? names : []);
    for (const p of tree.props) {
      if (names.includes(p)) props.add(p);
      else this.navigationOrThrow(p).queueLoadTree(emptyTree(true));
    }
    for (const [name, sub] of tree.nav) this.navigationOrThrow(name).queueLoadTree(sub);
    if (props.size === 0) return;
    const list = [...props];
    this.enqueue({
      objectId: s.id,
      kind: 'load',
      name: 'load',
      wireValue: list,
      statement: `${s.label}.load(${list.join(',')})`,
      run: (scope) => {
        const values = this.readScalars(list, scope);
        if (values === null) return;
        scope.respond(s.id, values);
        scope.onSuccess(() => this.publish(values));
      },
    });
  }

  private navigationOrThrow(name: string): ClientObjectBase {
    const nav = this.navigation(name);
    if (!nav) throw notImplemented(`${this[STATE].typeName}.load('${name}') (the fake models no such property of ${this[STATE].typeName}, or Excel has none)`);
    return nav;
  }

  /** Make loaded values visible. */
  publish(values: Readonly<Record<string, unknown>>): void {
    for (const [k, v] of Object.entries(values)) this[STATE].loaded.set(k, v);
  }

  /** For *OrNullObject: the sync tells whether the object exists. */
  queueInstantiate(): void {
    const s = this[STATE];
    this.enqueue({
      objectId: s.id,
      kind: 'instantiate',
      name: 'instantiate',
      statement: `${s.label} (is it a null object?)`,
      run: (scope) => {
        const exists = this.probe(scope);
        scope.respond(s.id, { isNullObject: !exists });
        scope.onSuccess(() => {
          s.isNull = !exists;
        });
      },
    });
  }

  protected loadedValue(name: string): unknown {
    const s = this[STATE];
    if (s.isNull === true) throw new FakeStrictError(`${s.label} is a null object (isNullObject is true); the fake refuses to read '${name}' from it`);
    if (!s.loaded.has(name)) throw propertyNotLoaded(name, s.typeName);
    return s.loaded.get(name);
  }

  protected assertUsable(what: string): void {
    const s = this[STATE];
    if (s.context.isClosed) throw invalidObjectPath(`${s.label}.${what} (its Excel.run batch has finished)`);
  }

  /** An argument that is a proxy must belong to the same request context. */
  protected sameContext(other: ClientObjectBase, what: string): void {
    if (other[STATE].context !== this[STATE].context) throw invalidRequestContext(`${this[STATE].typeName}.${what}`);
  }

  protected enqueue(action: Action): void {
    this[STATE].context.enqueue(action);
  }

  protected location(name: string): string {
    return `${this[STATE].typeName}.${name}`;
  }

  /** Create a proxy reached from this one (not yet resolved: Excel resolves it during the sync). */
  protected spawn<C extends ClientObjectBase>(
    kind: 'property' | 'method' | 'item', name: string, args: readonly unknown[], typeName: string, nullable: boolean,
    make: (init: ObjectInit) => C,
  ): C {
    if (kind !== 'property') this.assertUsable(name);
    const s = this[STATE];
    const init: ObjectInit = { context: s.context, path: { parent: s.id, kind, name, args: args.map(toWire) }, typeName, nullable };
    const child = strict(make(init), typeName);
    if (nullable) child.queueInstantiate();
    return child;
  }
}

/** Methods that change nothing in the workbook: allowed in a read-only workbook and on a protected sheet. */
const NOT_EDITS: ReadonlySet<string> = new Set(['activate', 'select', 'suspendApiCalculationUntilNextSync']);

/** The sheet whose cells an entity is (a range, or a border of one), if it is cells. */
function sheetOfCells(entity: unknown): { readonly protected: boolean } | undefined {
  const e = entity as { sheet?: { protected?: unknown }; rect?: unknown; range?: unknown } | null;
  if (e?.sheet && e.rect && typeof e.sheet.protected === 'boolean') return e.sheet as { protected: boolean };
  return e?.range ? sheetOfCells(e.range) : undefined;
}

/** An edit refused with AccessDenied: every edit of a read-only workbook, and of a protected sheet's cells. */
function refuseEdit(name: string, entity: unknown, scope: ExecScope, location: string): void {
  if (NOT_EDITS.has(name)) return;
  if (scope.model.readOnly || sheetOfCells(entity)?.protected) throw accessDenied(location);
}

export type Readers<E, S> = { readonly [K in keyof S]: (entity: E, scope: ExecScope) => S[K] };

/** A proxy bound, at its first use in a sync, to something in the model (a sheet, a range...). */
export abstract class EntityObject<E, S extends object> extends ClientObjectBase {
  private readonly binding: { bound: boolean; entity: E | null } = { bound: false, entity: null };

  constructor(
    init: ObjectInit,
    private readonly locator: (scope: ExecScope) => E | null,
    private readonly readers: Readers<E, S>,
  ) {
    super(init);
  }

  /** False once the thing is gone from the workbook (a deleted sheet or name). */
  protected alive(_entity: E): boolean {
    return true;
  }

  /** The model object, located once and then kept, as Excel keeps an object it has found. */
  resolve(scope: ExecScope): E | null {
    const s = this[STATE];
    if (!this.binding.bound) {
      const entity = this.locator(scope);
      if (entity === null && !s.nullable) throw itemNotFound(`${s.label} does not exist`, s.typeName);
      this.binding.entity = entity;
      this.binding.bound = true;
    }
    const entity = this.binding.entity;
    if (entity !== null && !this.alive(entity)) throw itemNotFound(`${s.label} no longer exists`, s.typeName);
    return entity;
  }

  /** The model object for an action: a null object refuses actions. */
  live(scope: ExecScope): E {
    const entity = this.resolve(scope);
    if (entity === null) throw new FakeStrictError(`${this[STATE].label} is a null object; check isNullObject before acting on it`);
    return entity;
  }

  probe(scope: ExecScope): boolean {
    return this.resolve(scope) !== null;
  }

  scalarNames(): readonly string[] {
    return Object.keys(this.readers);
  }

  readScalars(props: readonly string[], scope: ExecScope): Record<string, unknown> | null {
    const entity = this.resolve(scope);
    if (entity === null) return null;
    const readers: Readonly<Record<string, (entity: E, scope: ExecScope) => unknown>> = this.readers;
    return Object.fromEntries(props.map((p) => [p, readers[p](entity, scope)]));
  }

  /** A loaded scalar; the one cast between the untyped load cache and the typed getters. */
  protected get<K extends keyof S & string>(name: K): S[K] {
    return this.loadedValue(name) as S[K];
  }

  /** Queue a property write; it reaches the workbook at the next sync. */
  protected queueSet(name: keyof S & string, value: unknown, apply: (entity: E, value: unknown, scope: ExecScope) => void): void {
    this.queueWrite(name, value, apply);
  }

  /** Queue a write of a property that is not loadable itself (e.g. dataValidation.rule). */
  protected queueWrite(name: string, value: unknown, apply: (entity: E, value: unknown, scope: ExecScope) => void): void {
    this.assertUsable(name);
    const s = this[STATE];
    const captured = capture(value);
    if (captured instanceof ClientObjectBase) this.sameContext(captured, name);
    s.loaded.delete(name); // strict: a written property must be loaded again before it is read
    this.enqueue({
      objectId: s.id,
      kind: 'set',
      name,
      wireValue: toWire(captured),
      statement: `${s.label}.${name} = ${summarise(captured)}`,
      run: (scope) => {
        const entity = this.live(scope);
        refuseEdit(name, entity, scope, this.location(name));
        apply(entity, captured, scope);
      },
    });
  }

  /**
   * Queue a method whose result comes back, as a ClientResult: its `value` reads only once the sync
   * that carried the call has resolved (*Application-specific API model*, "ClientResult").
   */
  protected queueQuery<T>(name: string, args: readonly unknown[], compute: (entity: E, scope: ExecScope) => T): ClientResult<T> {
    this.assertUsable(name);
    const s = this[STATE];
    const result = new ClientResult<T>(`${s.label}.${name}`);
    this.enqueue({
      objectId: s.id,
      kind: 'query',
      name,
      wireValue: args.map(toWire),
      statement: `${s.label}.${name}(${args.map(summarise).join(', ')})`,
      run: (scope) => {
        const value = compute(this.live(scope), scope);
        scope.respond(s.id, { [name]: value });
        scope.onSuccess(() => result.publish(value));
      },
    });
    return strict(result, 'ClientResult');
  }

  /** Queue a method call that returns nothing. */
  protected queueMethod(name: string, args: readonly unknown[], apply: (entity: E, scope: ExecScope) => void): void {
    this.assertUsable(name);
    const s = this[STATE];
    const captured = args.map(capture);
    for (const a of captured) if (a instanceof ClientObjectBase) this.sameContext(a, name);
    this.enqueue({
      objectId: s.id,
      kind: 'method',
      name,
      wireValue: captured.map(toWire),
      statement: `${s.label}.${name}(${captured.map(summarise).join(', ')})`,
      run: (scope) => {
        const entity = this.live(scope);
        refuseEdit(name, entity, scope, this.location(name));
        apply(entity, scope);
      },
    });
  }
}

/** A collection: `items` after a load of 'items' or 'items/name' (or just 'name'). */
export abstract class CollectionObject<E, I, P extends ClientObjectBase> extends EntityObject<E, Record<string, never>> {
  private readonly loadedItems: { items?: P[] } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => E | null) {
    super(init, locator, {});
  }

  protected abstract listItems(entity: E, scope: ExecScope): I[];
  protected abstract makeItem(item: I, index: number): P;
  protected abstract itemScalarNames(): readonly string[];

  get items(): P[] {
    if (this[STATE].isNull === true) this.loadedValue('items');
    if (!this.loadedItems.items) throw propertyNotLoaded('items', this[STATE].typeName);
    return this.loadedItems.items;
  }

  protected override loadedJSON(): Record<string, unknown> {
    return this.loadedItems.items ? { items: this.loadedItems.items.map((i) => i.toJSON()) } : {};
  }

  override queueLoadTree(tree: LoadTree): void {
    const names = this.itemScalarNames();
    const itemTree = tree.nav.get('items') ?? emptyTree();
    const props = new Set<string>();
    if (tree.all || itemTree.all || tree.props.has('items') || (tree.props.size === 0 && itemTree.props.size === 0)) names.forEach((n) => props.add(n));
    for (const p of [...tree.props, ...itemTree.props]) {
      if (p === 'items') continue;
      if (!names.includes(p)) throw notImplemented(`${this[STATE].typeName}.load('items/${p}') (the fake models no such property of the items, or Excel has none)`);
      props.add(p);
    }
    for (const [name] of [...tree.nav].filter(([n]) => n !== 'items').concat([...itemTree.nav])) {
      throw notImplemented(`${this[STATE].typeName}.load('items/${name}/...')`);
    }
    const s = this[STATE];
    const list = [...props];
    this.enqueue({
      objectId: s.id,
      kind: 'load',
      name: 'load',
      wireValue: list.map((p) => `items/${p}`),
      statement: `${s.label}.load(${list.map((p) => `items/${p}`).join(',')})`,
      run: (scope) => {
        const entity = this.resolve(scope);
        if (entity === null) return;
        const proxies = this.listItems(entity, scope).map((item, i) => this.makeItem(item, i));
        const values = proxies.map((p) => p.readScalars(list, scope) ?? {});
        scope.respond(s.id, values);
        scope.onSuccess(() => {
          proxies.forEach((p, i) => p.publish(values[i]));
          this.loadedItems.items = proxies;
        });
      },
    });
  }
}

/** OfficeExtension.ClientResult: a method's result, readable as `value` after the sync. */
export class ClientResult<T> {
  private readonly state: { loaded: boolean; value?: T } = { loaded: false };

  constructor(private readonly label: string) {}

  get value(): T {
    if (!this.state.loaded) throw valueNotLoaded(this.label);
    return this.state.value as T;
  }

  /** @internal the sync's result arrived. */
  publish(value: T): void {
    this.state.value = value;
    this.state.loaded = true;
  }

  toJSON(): unknown {
    return this.state.loaded ? { value: this.state.value } : {};
  }
}
