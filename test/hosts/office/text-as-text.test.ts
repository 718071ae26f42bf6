// Every text the Office host writes, from the workbook or from the user, stays text in Excel: the
// strict fake reads typed input as Excel does (numbers, errors, times, dates), so a text written
// without protection comes back as something else.
import { runScenarios } from '../../../src/app/run';
import { FIXED_CLOCK } from '../../support/clock';
import { readWorkbook } from '../../../src/hosts/office/read-workbook';
import { writeWorkbook } from '../../../src/hosts/office/write-workbook';
import { WorkbookPlan } from '../../../src/layout/plan';
import { createFakeExcel } from '../../fake-office';

/** Texts Excel would store as a number, an error, a boolean, a time, a date or a formula. */
const HOSTILE = [
  '1E3', '1.5e-2', '#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!',
  '9:30', '9:30:15', '12:00 PM', '9 am', 'Apr 2024', '3 Jan', '3 January 2024', 'Jan-24', 'Jan 3, 2024',
  '1/4/2024 9:30', '3/4', '1 1/2', '17800', '£1,200', '(12)', '12%', 'TRUE', ' false ', '2012-10-19',
  '=SUM(A1)', '+1', '-1', '@cmd', "'quoted", '\tTab', '\rReturn', ' #N/A', ' =1',
  // and labels that are plainly text
  'CRM', 'Core Team 2011/12', 'Membership subscription', 'Coûts partagés', '',
];

function planOf(texts: readonly string[]): WorkbookPlan {
  return {
    remove: [],
    styles: { label: {} },
    names: [],
    sheets: [{ name: 'Labels', columnWidths: [], blocks: [{ top: 1, left: 1, style: 'label', rows: texts.map((text) => [{ text }]) }], paints: [], validations: [] }],
  };
}

describe('the Office host writes text so that Excel keeps it as text', () => {
  it('every text comes back as the same text, of type String', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs');
    await fake.Excel.run((context) => writeWorkbook(context, planOf(HOSTILE), []));
    const cells = fake.workbook.sheet('Labels').cells();
    const written = HOSTILE.map((text, i) => (text === '' ? undefined : cells[`A${i + 1}`]));
    expect(written.map((cell) => cell && [cell.type, cell.value, cell.formula])).toEqual(HOSTILE.map((text) => (text === '' ? undefined : ['String', text, undefined])));
  });

  it('labels of the source table reach the cost rows sheet as text', async () => {
    const labels = ['1E3', '#N/A', '9:30', 'Apr 2024', '3 Jan', '12:00 PM'];
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', [['Item', '£'], ...labels.map((label, i) => [label, 100 + i])]);
    fake.workbook.select('Costs', `A1:B${labels.length + 1}`);
    await fake.Excel.run(async (context) => {
      const state = await readWorkbook(context, 'selection');
      if (!state.grid) throw new Error('nothing read');
      const { plan } = runScenarios({ workbook: { ...state, grid: state.grid }, assumptions: { noticeServedOn: '2012-10-19' }, clock: FIXED_CLOCK });
      await writeWorkbook(context, plan, state.definedNames);
    });
    const cells = Object.values(fake.workbook.sheet('VfM Cost Rows').cells());
    for (const label of labels) expect(cells.filter((c) => c.value === label).map((c) => c.type)).toContain('String');
    expect(cells.filter((c) => c.type === 'Error')).toEqual([]);
  });
});
