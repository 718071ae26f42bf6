// A strict fake of the Office.js Excel API, for jest (Node) and, bundled by browser.ts, for a page
// in headless Chromium. README.md in this folder says what it models and how strictly.
//
//   const fake = createFakeExcel();
//   fake.workbook.addSheet('Costs', [['Item', 'Amount'], ['Rent', 17800]]);
//   const uninstall = fake.install();            // global Excel, Office, OfficeExtension
//   await codeUnderTest();                       // uses Excel.run(...)
//   fake.counters.roundTrips; fake.workbook.sheet('Costs').cells();
//   uninstall();

import { strict } from './client-object';
import { runBatch, Environment, SyncGate } from './context';
import { FakeCounters } from './counters';
import { ErrorCodes, FakeOfficeError } from './errors';
import { Faults } from './faults';
import { WorkbookModel } from './model';
import { createOffice, FakeOfficeNamespace } from './office';
import { FakeExcelOptions, ResolvedOptions, resolveOptions } from './options';
import { FakeWorkbook } from './workbook';

export { FakeCounters } from './counters';
export type { SyncRecord, CounterSummary } from './counters';
export { FakeOfficeError, FakeNotImplementedError, FakeStrictError } from './errors';
export { FakeWorkbook, FakeSheet, SNAPSHOT_FORMAT } from './workbook';
export type { CellSpec, CellDump, SheetSnapshot, WorkbookSnapshot, WorkbookSpec, SheetSpec, TableSpec, NameSnapshot, DataValidationDump } from './workbook';
export type { FakeExcelOptions, ResolvedOptions, Evaluate } from './options';
export { FIVE_MEGABYTES } from './options';
export { quoteSheetName, formatAddress, parseA1, columnLetters } from './address';

/** The fake's own Excel namespace (the part it models). */
export interface FakeExcelNamespace {
  run(batch: unknown, ...rest: unknown[]): Promise<unknown>;
  readonly ErrorCodes: Readonly<Record<string, string>>;
}

export interface FakeExcel {
  /** Typed as Office.js's `Excel` for the code under test; only what the fake models works. */
  readonly Excel: typeof Excel;
  readonly Office: typeof Office;
  readonly OfficeExtension: typeof OfficeExtension;
  /** The state, for tests: pre-populate it, then inspect it. */
  readonly workbook: FakeWorkbook;
  /** Round trips and payload sizes. */
  readonly counters: FakeCounters;
  readonly options: ResolvedOptions;
  resetCounters(): void;
  /** Holds round trips back: from now on a sync that carries work waits, unsent, until `release()`. */
  hold(): void;
  /** Sends the held syncs, in order; later syncs go at once. */
  release(): void;
  /** How many syncs are held now. */
  readonly heldSyncs: number;
  /**
   * The user is editing a cell (Excel's Edit mode), or has finished: while editing, every request
   * that carries work fails whole with InvalidOperationInCellEditMode.
   */
  editCell(editing?: boolean): void;
  /** The next `count` requests fail whole with `code` (ActivityLimitReached, RequestAborted...): Excel busy or throttled. */
  refuseNext(code: string, count?: number): void;
  /**
   * The first action from now whose statement (as in `counters.syncs[i].statements`) matches fails
   * with `code`: the actions before it in its request stay applied, none after it runs.
   */
  failWhen(matches: (statement: string) => boolean, code?: string): void;
  /**
   * The add-in is closed after `roundTrips` more round trips: later syncs are never sent and never
   * settle. Resolves once a sync has been left unsent: the workbook then holds all it will.
   */
  closeAfter(roundTrips: number): Promise<void>;
  /** Set global Excel, Office and OfficeExtension (on globalThis by default); returns the undo. */
  install(target?: object): () => void;
}

const enumOf = <T extends Record<string, string>>(name: string, values: T): T => strict({ ...values }, `Excel.${name}`);

function excelNamespace(env: Environment): FakeExcelNamespace {
  return strict({
    run: (batch: unknown, ...rest: unknown[]) => runBatch(env, batch, ...rest),
    ErrorCodes: enumOf('ErrorCodes', {
      accessDenied: 'AccessDenied', generalException: 'GeneralException', invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation', invalidReference: 'InvalidReference', itemAlreadyExists: 'ItemAlreadyExists',
      apiNotFound: 'ApiNotFound', invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode', requestAborted: 'RequestAborted',
      itemNotFound: 'ItemNotFound', notImplemented: 'NotImplemented', formulaLengthExceedsLimit: 'FormulaLengthExceedsLimit',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    }),
  }, 'Excel');
}

function officeExtensionNamespace(): { readonly Error: typeof FakeOfficeError; readonly ErrorCodes: typeof ErrorCodes } {
  return strict({ Error: FakeOfficeError, ErrorCodes }, 'OfficeExtension');
}

/** A fresh fake Excel with an empty workbook (add sheets with `workbook.addSheet`). */
export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const resolved = resolveOptions(options);
  const model = new WorkbookModel();
  const counters = new FakeCounters();
  const gate = new SyncGate();
  const faults = new Faults();
  const env: Environment = { model, options: resolved, counters, gate, faults };
  const excel = excelNamespace(env);
  const office: FakeOfficeNamespace = createOffice(resolved);
  const officeExtension = officeExtensionNamespace();
  // The type boundary: the fake implements a subset of these namespaces, and its strict proxies
  // throw FakeNotImplementedError for the rest, so code under test can be typed as for real Office.js.
  const typed = {
    Excel: excel as unknown as typeof Excel,
    Office: office as unknown as typeof Office,
    OfficeExtension: officeExtension as unknown as typeof OfficeExtension,
  };
  return {
    ...typed,
    workbook: new FakeWorkbook(model, resolved),
    counters,
    options: resolved,
    resetCounters: () => counters.reset(),
    hold: () => gate.hold(),
    release: () => gate.release(),
    get heldSyncs() {
      return gate.waiting;
    },
    editCell: (editing = true) => {
      faults.editingCell = editing;
    },
    refuseNext: (code, count = 1) => faults.refuseNext(code, count),
    failWhen: (matches, code = 'GeneralException') => faults.failAt(matches, code),
    closeAfter: (roundTrips) => faults.closeAfter(roundTrips),
    install(target: object = globalThis): () => void {
      const names = ['Excel', 'Office', 'OfficeExtension'] as const;
      const previous = names.map((n) => Object.getOwnPropertyDescriptor(target, n));
      for (const n of names) Object.defineProperty(target, n, { value: typed[n], configurable: true, writable: true, enumerable: false });
      return () => names.forEach((n, i) => {
        const before = previous[i];
        if (before) Object.defineProperty(target, n, before);
        else Reflect.deleteProperty(target, n);
      });
    },
  };
}
