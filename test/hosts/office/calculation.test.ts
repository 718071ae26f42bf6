// Generate has Excel calculate what it wrote (the writes suspend calculation, which leaves the
// recalculation to the add-in) and compares the results Excel calculated with the core's, to the
// penny. The fake Excel calculates with the values a test gives as Excel's engine's.
import { Action, initialState } from '../../../src/faces/taskpane/model';
import { EFFECTS } from '../../../src/faces/taskpane/effects';
import { createFakeExcel, FakeExcel } from '../../fake-office';
import { SEED_VALUES } from '../../support/analyses';
import { fakeWorld } from '../../support/world';

/** The seed's results as docs/conventions.md, "The seed, worked through", works them out: saving 43,597.81, NPV 39,032.29 (withdrawing is the one option). */
const DOMAIN = { VfM_TotalSaving: 43597.81, VfM_NPV: 39032.29, VfM_OptionNPVs: 39032.29, VfM_PreferredNPV: 39032.29 };

/** A fake Excel with the seed on Costs, whose engine calculates the named results to `results`. */
function fakeCalculating(results: Record<string, number>): FakeExcel {
  const at = () => new Map(Object.entries(fake.workbook.names()).flatMap(([name, formula]) => {
    const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(formula);
    return match && name in results ? [[`${match[1]}!${match[2]}${match[3]}`, results[name]] as const] : [];
  }));
  const fake: FakeExcel = createFakeExcel({ evaluate: (_formula, cell) => at().get(`${cell.sheet}!${cell.address}`) });
  fake.workbook.addSheet('Costs', SEED_VALUES);
  fake.workbook.select('Costs', 'A1:B10');
  return fake;
}

async function generate(fake: FakeExcel): Promise<Action> {
  const state = initialState({ today: { year: 2012, month: 10, day: 19 } });
  return EFFECTS.generate(fakeWorld(fake), () => ({ ...state, form: { ...state.form, noticeServedOn: '2012-10-19' } }));
}

describe('Excel asked to calculate what Generate wrote', () => {
  it('asks for a full calculation after the last write, and reads the results back in that request: three round trips', async () => {
    const fake = fakeCalculating(DOMAIN);
    await generate(fake);
    const syncs = fake.counters.syncs;
    expect(syncs.length).toBe(3);
    expect(syncs.map((sync) => [sync.calculationSuspended, sync.calculations])).toEqual([[false, undefined], [true, undefined], [false, ['Full']]]);
    expect(syncs[2].loads).toBeGreaterThan(0);
    // Every formula the product wrote holds Excel's value: none is left uncalculated.
    const stale = fake.workbook.sheetNames.flatMap((sheet) => Object.values(fake.workbook.sheet(sheet).cells()).filter((cell) => cell.stale));
    expect(stale).toEqual([]);
  });

  it('says Excel agrees when its results are the core\'s to the penny', async () => {
    const action = await generate(fakeCalculating(DOMAIN));
    expect(action).toMatchObject({ type: 'generate succeeded', calculation: { kind: 'agrees' } });
  });

  it('names each result Excel calculated otherwise, with its figure and the core\'s', async () => {
    const action = await generate(fakeCalculating({ ...DOMAIN, VfM_NPV: 39032.3, VfM_OptionNPVs: 21207.79 }));
    expect(action).toMatchObject({
      type: 'generate succeeded',
      calculation: {
        kind: 'differs',
        differences: [{ name: 'VfM_NPV', expected: 3_903_229, found: 39032.3 }, { name: 'VfM_OptionNPVs', index: 0, expected: 3_903_229, found: 21207.79 }],
      },
    });
  });

  it('says the scenarios are written but not confirmed calculated when the calculation\'s request fails', async () => {
    const fake = fakeCalculating(DOMAIN);
    fake.failWhen((statement) => statement.includes('.calculate('));
    const action = await generate(fake);
    expect(action).toMatchObject({ type: 'generate succeeded', calculation: { kind: 'not calculated' } });
    expect(fake.workbook.sheetNames).toContain('VfM Scenarios');
  });
});
