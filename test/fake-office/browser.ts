// The browser build's entry: loaded as a classic script in place of Microsoft's office.js, it
// installs window.Office, window.Excel and window.OfficeExtension, and window.__fakeExcel for the
// test driving the page (Playwright's page.evaluate):
//
//   await page.addInitScript(() => { window.__fakeExcelOptions = { workbook: { sheets: [...] } }; });
//   await page.route('**/office.js', (route) => route.fulfill({ path: 'test-artifacts/fake-office.js' }));
//   ...
//   const state = await page.evaluate(() => window.__fakeExcel.snapshot());
//   const counts = await page.evaluate(() => window.__fakeExcel.counterSummary());
//   await page.evaluate(() => window.__fakeExcel.hold());    // the next round trip waits...
//   ...click, then look at the busy state...
//   await page.evaluate(() => window.__fakeExcel.release()); // ...until the test lets it go

import { createFakeExcel, CounterSummary, FakeCounters, FakeExcelOptions, FakeWorkbook, WorkbookSnapshot } from './index';
import type { CellSpec, WorkbookSpec } from './workbook';
import { excelEngine } from '../support/excel-engine';

type WorkbookState = WorkbookSnapshot | WorkbookSpec | Readonly<Record<string, readonly (readonly CellSpec[])[]>>;

export interface BrowserOptions extends FakeExcelOptions {
  /** The starting workbook. */
  readonly workbook?: WorkbookState;
  /**
   * What Excel's engine calculates the cell each defined name refers to (its first cell), by the
   * name, in place of the engine's own value: a page's options cannot carry `evaluate`, a function.
   */
  readonly namedResults?: Readonly<Record<string, number | string | boolean>>;
}

export interface FakeExcelHandle {
  readonly workbook: FakeWorkbook;
  readonly counters: FakeCounters;
  /** Replace the workbook's whole state. */
  load(state: WorkbookState): void;
  snapshot(): WorkbookSnapshot;
  counterSummary(): CounterSummary;
  resetCounters(): void;
  /** Holds round trips back until `release()`, to look at the page while Excel "works". */
  hold(): void;
  release(): void;
  /** How many syncs are held now. */
  heldSyncs(): number;
  /** The user is editing a cell (every request refused), or has finished. */
  editCell(editing?: boolean): void;
  /** The next `count` requests are refused with `code` (ActivityLimitReached, RequestAborted...). */
  refuseNext(code: string, count?: number): void;
  /** The first action whose statement holds `text` fails with `code` (GeneralException unless said), once. */
  failAtStatement(text: string, code?: string): void;
}

declare global {
  // Set by the page's test before this script runs (Playwright's page.addInitScript).
  var __fakeExcelOptions: BrowserOptions | undefined;
  // Set by this script, for the test to drive and inspect the fake.
  var __fakeExcel: FakeExcelHandle | undefined;
}

const globals = globalThis;
const options = globals.__fakeExcelOptions ?? {};
const namedResults = options.namedResults;
// Excel's engine: every formula calculated (test/support/excel-engine.ts), the named results a
// page gives first, as a test sets what Excel would calculate.
const fake = createFakeExcel({
  ...options,
  evaluate: excelEngine(() => fake, (_formula, at) => {
    for (const [name, reference] of Object.entries(fake.workbook.names())) {
      const cell = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)/.exec(reference);
      if (cell && namedResults && name in namedResults && cell[1].replace(/''/g, "'") === at.sheet && `${cell[2]}${cell[3]}` === at.address) return namedResults[name];
    }
    return undefined;
  }),
});
if (options.workbook !== undefined) fake.workbook.load(options.workbook);
fake.install(globalThis);
globals.__fakeExcel = {
  workbook: fake.workbook,
  counters: fake.counters,
  load: (state) => fake.workbook.load(state),
  snapshot: () => fake.workbook.snapshot(),
  counterSummary: () => fake.counters.summary(),
  resetCounters: () => fake.resetCounters(),
  hold: () => fake.hold(),
  release: () => fake.release(),
  heldSyncs: () => fake.heldSyncs,
  editCell: (editing) => fake.editCell(editing),
  refuseNext: (code, count) => fake.refuseNext(code, count),
  failAtStatement: (text, code) => fake.failWhen((statement) => statement.includes(text), code),
};
