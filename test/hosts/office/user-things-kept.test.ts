// Generate in the open workbook replaces the product's own sheets and names of an earlier run and
// nothing of the user's: not a name on a sheet whose name ends like one of ours, not the user's own
// names spelt like the product's (refused, with words, before anything is written).
import { runScenarios } from '../../../src/app/run';
import { InputError } from '../../../src/core/problems';
import { readWorkbook } from '../../../src/hosts/office/read-workbook';
import { writeWorkbook } from '../../../src/hosts/office/write-workbook';
import { WorkbookPlan } from '../../../src/layout/plan';
import { FakeExcel, createFakeExcel } from '../../fake-office';
import { FIXED_CLOCK } from '../../support/clock';
import { SEED_ASSUMPTIONS, SEED_VALUES } from '../../support/analyses';

/** What the add-in does on Generate: read, analyse, plan, write; in one Excel.run. */
async function generate(fake: FakeExcel): Promise<WorkbookPlan> {
  fake.workbook.select('Costs', 'A1:B10');
  return fake.Excel.run(async (context) => {
    const state = await readWorkbook(context, 'selection');
    if (!state.grid) throw new Error('nothing read');
    const { plan } = runScenarios({ workbook: { ...state, grid: state.grid }, assumptions: SEED_ASSUMPTIONS, clock: FIXED_CLOCK });
    await writeWorkbook(context, plan, state.definedNames);
    return plan;
  });
}

function seed(): FakeExcel {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Costs', SEED_VALUES);
  return fake;
}

describe('Generate keeps what is the user\'s', () => {
  it('keeps the names on a sheet whose name ends in the renamed audit sheet\'s (InternalAudit, Audit), and removes only the name that referred to the audit sheet', async () => {
    const fake = seed();
    await generate(fake);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('VfM Audit').name = 'Audit';
      await context.sync();
    });
    fake.workbook.addSheet('InternalAudit', [['Internal audit fee', 1234.5], [null, { formula: '=B1*2', value: 2469 }]]);
    fake.workbook.defineName('MyAuditTotal', '=InternalAudit!$B$1');
    fake.workbook.defineName('MyAuditFees', '=SUM(InternalAudit!$B$1:$B$2)');
    fake.workbook.defineName('MyRunDate', '=Audit!$B$4');
    const sheetBefore = fake.workbook.sheet('InternalAudit').snapshot();
    const plan = await generate(fake);

    expect(plan.remove).toEqual(['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'Audit']);
    const names = fake.workbook.names();
    expect(Object.keys(names).filter((n) => n.startsWith('My')).sort()).toEqual(['MyAuditFees', 'MyAuditTotal']);
    expect(names.MyAuditTotal).toBe('=InternalAudit!$B$1');
    expect(names.MyAuditFees).toBe('=SUM(InternalAudit!$B$1:$B$2)');
    expect(fake.workbook.sheet('InternalAudit').snapshot()).toEqual(sheetBefore);
    expect(fake.workbook.sheetNames).toEqual(['Costs', 'InternalAudit', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
  });

  it('refuses, before writing anything, to replace the user\'s own names spelt like the product\'s, and names each', async () => {
    const fake = seed();
    fake.workbook.addSheet('My Inputs', [[null, null], [null, 0.05, { formula: '=VfM_DiscountRate*2', value: 0.1 }], [null, 250000]]);
    fake.workbook.defineName('VfM_DiscountRate', "='My Inputs'!$B$2");
    fake.workbook.defineName('VfM_NPV', "='My Inputs'!$B$3");
    fake.workbook.defineName('VfM_MyOwnTotal', "='My Inputs'!$B$3");
    fake.workbook.select('Costs', 'A1:B10');
    const before = fake.workbook.snapshot();
    const refused = await generate(fake).then(() => undefined, (error: unknown) => error);

    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).problems).toEqual([
      { place: { cell: 'VfM_DiscountRate' }, message: "the workbook has a name VfM_DiscountRate of its own, referring to 'My Inputs'!$B$2, which is not on a sheet VfM Scenarios wrote; VfM Scenarios defines this name for its model and does not replace yours; rename yours (Formulas, Name Manager) and run again" },
      { place: { cell: 'VfM_NPV' }, message: "the workbook has a name VfM_NPV of its own, referring to 'My Inputs'!$B$3, which is not on a sheet VfM Scenarios wrote; VfM Scenarios defines this name for its model and does not replace yours; rename yours (Formulas, Name Manager) and run again" },
    ]);
    expect(fake.workbook.snapshot()).toEqual(before);
    expect(fake.workbook.sheet('My Inputs').cells().C2).toMatchObject({ formula: '=VfM_DiscountRate*2', value: 0.1 });
  });
});
