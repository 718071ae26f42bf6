// Excel's own failure modes, against the strict fake: each leaves the workbook as it was and gives
// the pane a failure it can put in words; a Generate cut short (the pane closed, the last request
// failing part-way) is repaired on the next opening or Generate.
import { EFFECTS, World } from '../../../src/faces/taskpane/effects';
import { Action, failureOf, initialState } from '../../../src/faces/taskpane/model';
import { EXCEL_API_VERSION, ExcelBusy, RETRY_WAITS, hasExcelApi, retrying } from '../../../src/hosts/office/excel-access';
import addin from '../../../scripts/addin.json';
import { FakeExcel, WorkbookSnapshot, createFakeExcel } from '../../fake-office';
import { SEED_VALUES } from '../../support/analyses';
import { fakeWorld } from '../../support/world';

const world = fakeWorld;
const FORM = (() => {
  const state = initialState({ today: { year: 2012, month: 10, day: 19 } });
  return { ...state, form: { ...state.form, noticeServedOn: '2012-10-19' } };
})();

function seed(rows: readonly (readonly (string | number | null)[])[] = SEED_VALUES): FakeExcel {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Costs', rows);
  fake.workbook.select('Costs', `A1:B${rows.length}`);
  return fake;
}

/** Generate as the pane asks it, on whatever is selected. */
const generate = (fake: FakeExcel, excel?: World['excel']) => EFFECTS.generate(world(fake, excel), () => FORM);
/** Opening the pane: the last run looked for (and a cut-short Generate repaired). */
const open = (fake: FakeExcel) => EFFECTS.restore(world(fake), () => FORM);

/** The seed with the scenarios of one run written, and its state then. */
async function seedWithRun(rows?: readonly (readonly (string | number | null)[])[]): Promise<{ fake: FakeExcel; before: WorkbookSnapshot }> {
  const fake = seed(rows);
  await generate(fake);
  fake.resetCounters();
  return { fake, before: fake.workbook.snapshot() };
}

const failureFrom = (promise: Promise<unknown>) => promise.then(() => { throw new Error('it did not fail'); }, failureOf);

const PRODUCT = ['Costs', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit'];

describe('an older Excel', () => {
  it('is asked for the version the manifest requires, before anything is tried', () => {
    expect(addin.requirementSets).toContainEqual(expect.objectContaining({ name: 'ExcelApi', minVersion: EXCEL_API_VERSION }));
    expect(hasExcelApi(createFakeExcel({ excelApiVersion: '1.8' }).Office.context.requirements)).toBe(false);
    expect(hasExcelApi(createFakeExcel({ excelApiVersion: '1.9' }).Office.context.requirements)).toBe(true);
  });
});

describe('refused before anything is written', () => {
  it('says the user is editing a cell, and writes nothing', async () => {
    const { fake, before } = await seedWithRun();
    fake.editCell();
    expect(await failureFrom(generate(fake))).toEqual({ kind: 'editing' });
    expect(await failureFrom(open(fake))).toEqual({ kind: 'editing' });
    expect(fake.workbook.snapshot()).toEqual(before);
    fake.editCell(false);
    await generate(fake);
    expect(fake.workbook.sheetNames).toEqual(PRODUCT);
  });

  it('finds a read-only workbook and a protected structure in the first round trip, and writes nothing', async () => {
    for (const [lock, why] of [[(f: FakeExcel) => f.workbook.setReadOnly(), 'read only'], [(f: FakeExcel) => f.workbook.protectStructure(), 'structure']] as const) {
      const { fake, before } = await seedWithRun();
      lock(fake);
      expect(await failureFrom(generate(fake))).toEqual({ kind: 'locked', why });
      expect(fake.counters.roundTrips).toBe(1);
      expect(fake.workbook.snapshot()).toEqual(before);
    }
  });

  it('says Excel refused a change it was not warned of (AccessDenied), and says an older Excel lacks an API (ApiNotFound)', async () => {
    const fake = seed();
    fake.workbook.addSheet('Locked').protect();
    const denied = fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Locked').getRange('A1').values = [['x']];
      await context.sync();
    });
    expect(await failureFrom(denied)).toEqual({ kind: 'denied' });
    fake.refuseNext('ApiNotFound');
    expect(await failureFrom(generate(fake))).toEqual({ kind: 'old excel' });
  });
});

describe('a busy or throttled Excel', () => {
  it('tries again after a growing wait, and Generate goes through, in the usual two round trips once Excel answers', async () => {
    const fake = seed();
    const waited: number[] = [];
    fake.refuseNext('ActivityLimitReached');
    fake.refuseNext('RequestAborted');
    await generate(fake, retrying(fake.Excel, async (ms) => void waited.push(ms)));
    expect(waited).toEqual([500, 1000]);
    expect(fake.counters.syncs.map((sync) => sync.error ?? 'ok')).toEqual(['ActivityLimitReached', 'RequestAborted', 'ok', 'ok']);
    expect(fake.workbook.sheetNames).toEqual(PRODUCT);
  });

  it('stops after four tries, in three waits, and says so, writing nothing', async () => {
    const { fake, before } = await seedWithRun();
    const waited: number[] = [];
    fake.refuseNext('ActivityLimitReached', 10);
    const failed = generate(fake, retrying(fake.Excel, async (ms) => void waited.push(ms)));
    await expect(failed).rejects.toBeInstanceOf(ExcelBusy);
    expect(await failureFrom(failed)).toEqual({ kind: 'busy', attempts: 4 });
    expect(waited).toEqual(RETRY_WAITS);
    expect(fake.counters.roundTrips).toBe(4);
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it('does not try again what Excel refused for what it asked', async () => {
    const fake = seed();
    const waited: number[] = [];
    fake.editCell();
    await expect(generate(fake, retrying(fake.Excel, async (ms) => void waited.push(ms)))).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect([waited, fake.counters.roundTrips]).toEqual([[], 1]);
  });
});

/** Excel reached for one run only: the pane is closed after it, so what it leaves waits for the next opening or Generate. */
function onlyOnce(fake: FakeExcel): World['excel'] {
  let runs = 0;
  return { run: (batch) => (runs++ === 0 ? fake.Excel.run(batch) : Promise.reject(new Error('the pane was closed'))) };
}

/** Runs `task` until the pane is closed (`closed` resolves); it must not finish first. */
async function untilClosed(closed: Promise<void>, task: Promise<unknown>): Promise<void> {
  await Promise.race([closed, task.then(() => { throw new Error('it finished before the pane was closed'); })]);
}

describe('a Generate cut short', () => {
  jest.setTimeout(600_000);
  it('leaves its half-written sheets, marked, when the pane is closed mid-Generate; the next opening removes them and the earlier run is as it was', async () => {
    const rows = [['Item', '£'], ...Array.from({ length: 40_000 }, (_, i) => [`Contract ${i}`, 1000 + (i % 997)])];
    const { fake, before } = await seedWithRun(rows);
    await untilClosed(fake.closeAfter(2), generate(fake)); // the source read, and the first request that writes
    expect(fake.counters.roundTrips).toBe(2);
    expect(fake.workbook.sheetNames.some((name) => name.startsWith('~'))).toBe(true);
    expect(Object.keys(fake.workbook.names()).some((name) => name.startsWith('VfM_Writing_'))).toBe(true);

    // The pane opened again, on the same workbook.
    const reopened = createFakeExcel();
    reopened.workbook.load(fake.workbook.snapshot());
    const action = await open(reopened);
    expect(action).toMatchObject({ type: 'last run read', repaired: 'rolled back' });
    expect(reopened.counters.roundTrips).toBe(3); // the names read, the repair, the names read again
    expect(reopened.workbook.snapshot()).toEqual(before);
  });

  /**
   * The statements of the request that writes a Generate on the seed (its second round trip), the
   * first's count, and where the part that puts the new run in place starts (the earlier scenario
   * sheet retired).
   */
  async function writeRequest(): Promise<{ before: WorkbookSnapshot; statements: readonly string[]; offset: number; final: number }> {
    const { fake, before } = await seedWithRun();
    await generate(fake);
    const statements = fake.counters.syncs[1].statements;
    const final = statements.findIndex((statement) => /\.delete\(\)$/.test(statement) && statement.includes('getItem("VfM Scenarios")'));
    expect(final).toBeGreaterThan(0);
    return { before, statements, offset: fake.counters.syncs[0].actions, final };
  }

  /** The workbook `before`, with the seed selected, whose Generate will fail at statement `point` of the request that writes. */
  function failingAt(before: WorkbookSnapshot, offset: number, point: number): FakeExcel {
    const fake = createFakeExcel();
    fake.workbook.load(before);
    fake.workbook.select('Costs', 'A1:B10');
    let seen = 0;
    fake.failWhen(() => seen++ === offset + point);
    return fake;
  }

  it('is repaired on opening, when the pane was closed after it, and the next Generate writes a whole run, wherever in the last request it failed', async () => {
    const { before, statements, offset, final } = await writeRequest();
    // Failing points: through the sheets' writing, and through the part that puts the new run in place:
    // the earlier sheets retired, names deleted, sheets renamed, names added, the marks dropped. On the
    // seed all of it is one request, the last, which the writer does not clean up after.
    const tail = statements.length - final;
    const inPlace = [0, 1, 2, 3, 4, 5, 6, 7, Math.floor(tail / 4), Math.floor(tail / 2), Math.floor((3 * tail) / 4), tail - 8, tail - 7, tail - 6, tail - 3, tail - 2, tail - 1];
    const points = [1, Math.floor(final / 2), final - 1, ...inPlace.map((i) => final + i)];
    const outcomes = new Set<string>();
    for (const point of points) {
      {
        const fake = failingAt(before, offset, point);
        await expect(generate(fake, onlyOnce(fake))).rejects.toMatchObject({ code: 'GeneralException' });
        const reopened = createFakeExcel();
        reopened.workbook.load(fake.workbook.snapshot());
        reopened.workbook.select('Costs', 'A1:B10');
        const action = await open(reopened) as Extract<Action, { type: 'last run read' }>;
        outcomes.add(action.repaired ?? 'none');
        const where = `failing at ${statements[point]}`;
        expect({ where, sheets: reopened.workbook.sheetNames.filter((name) => name.startsWith('~')) }).toEqual({ where, sheets: [] });
        expect({ where, names: Object.keys(reopened.workbook.names()).filter((name) => name.startsWith('VfM_Writing')) }).toEqual({ where, names: [] });
        if (action.repaired === 'finished') expect({ where, sheets: reopened.workbook.sheetNames }).toEqual({ where, sheets: PRODUCT });
        await generate(reopened);
        expect({ where, sheets: reopened.workbook.sheetNames }).toEqual({ where, sheets: PRODUCT });
        expect({ where, markers: Object.entries(reopened.workbook.names()).filter(([name]) => name.startsWith('VfM_Sheet_')).sort() }).toEqual({
          where, markers: [['VfM_Sheet_Audit', "='VfM Audit'!$A$1"], ['VfM_Sheet_CostRows', "='VfM Cost Rows'!$A$1"], ['VfM_Sheet_Options', "='VfM Options'!$A$1"], ['VfM_Sheet_Report', "='VfM Report'!$A$1"], ['VfM_Sheet_Scenarios', "='VfM Scenarios'!$A$1"]],
        });
        expect({ where, names: Object.keys(reopened.workbook.names()).sort() }).toEqual({ where, names: before.names.map((n) => n.name).sort() });
      }
    }
    expect([...outcomes].sort()).toEqual(['finished', 'none', 'rolled back']);
  });

  it('is repaired by the next Generate too, in its usual three round trips', async () => {
    const { fake } = await seedWithRun();
    let seen = 0;
    const { statements, offset } = await writeRequest();
    const rename = statements.findIndex((statement) => statement.endsWith('.name = "VfM Report"'));
    expect(rename).toBeGreaterThan(0);
    fake.workbook.select('Costs', 'A1:B10');
    fake.failWhen(() => seen++ === offset + rename);
    await expect(generate(fake, onlyOnce(fake))).rejects.toMatchObject({ code: 'GeneralException' });
    const left = fake.workbook.snapshot();
    expect(left.sheets.map((sheet) => sheet.name).some((name) => name.startsWith('~'))).toBe(true);

    const next = createFakeExcel();
    next.workbook.load(left);
    next.workbook.select('Costs', 'A1:B10');
    await generate(next);
    expect(next.counters.roundTrips).toBe(3); // the source read, the repair and the write, Excel's calculation
    expect(next.workbook.sheetNames).toEqual(PRODUCT);
    expect(Object.keys(next.workbook.names()).filter((name) => name.startsWith('VfM_Writing'))).toEqual([]);
  });

  it('is repaired at once while the pane is open, in one or two more round trips, and the pane told what is left, wherever in the last request it failed', async () => {
    const { before, statements, offset, final } = await writeRequest();
    const points = [1, final - 1, final, final + 1, final + 6, final + 12, ...[8, 4, 3, 2, 1].map((back) => statements.length - back)];
    const outcomes = new Set<string>();
    for (const point of points) {
      const fake = failingAt(before, offset, point);
      const action = await generate(fake);
      const where = `failing at ${statements[point]}`;
      const outcome = action.type === 'failed' ? action.previousRun ?? 'unknown' : action.type;
      outcomes.add(outcome);
      // The source, the failed request, the names read and (when something was left) the repair.
      expect({ where, requests: fake.counters.syncs.length <= 4 && fake.counters.syncs[1].error === 'GeneralException' }).toEqual({ where, requests: true });
      expect({ where, left: [...fake.workbook.sheetNames, ...Object.keys(fake.workbook.names())].filter((name) => name.startsWith('~') || name.startsWith('VfM_Writing')) }).toEqual({ where, left: [] });
      if (outcome === 'kept') expect({ where, kept: fake.workbook.snapshot() }).toEqual({ where, kept: before });
      if (outcome === 'generate succeeded') expect({ where, sheets: fake.workbook.sheetNames }).toEqual({ where, sheets: PRODUCT });
      if (outcome === 'removed') expect({ where, earlier: PRODUCT.slice(1).every((sheet) => fake.workbook.sheetNames.includes(sheet)) }).toEqual({ where, earlier: false });
    }
    expect([...outcomes].sort()).toEqual(['generate succeeded', 'kept', 'removed']);
  });
});
