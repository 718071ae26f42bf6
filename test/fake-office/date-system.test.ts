// The workbook's date system, as an add-in can learn it: Excel's DATE (Workbook.functions,
// ExcelApi 1.2) counts in it, read after a load and a sync like every other value.
import { createFakeExcel } from './index';

describe('the workbook\'s date system', () => {
  it('gives DATE in the 1900 system unless the workbook is set to 1904, read only after a load and a sync; the cells stay as they are', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs', [['Renewal', 39739]]);
    const read = () => fake.Excel.run(async (context) => {
      const epoch = context.workbook.functions.date(1904, 1, 1).load('value');
      const notice = context.workbook.functions.date(2012, 10, 19).load('value,error');
      expect(() => epoch.value).toThrow(/is not available/);
      await context.sync();
      return [epoch.value, notice.value, notice.error];
    });
    // 1 January 1904 and 19 October 2012: 1462 and 41201 in the 1900 system, 0 and 39739 in the 1904 one.
    expect(await read()).toEqual([1462, 41201, '']);
    fake.workbook.use1904DateSystem();
    expect(await read()).toEqual([0, 39739, '']);
    expect(fake.workbook.sheet('Costs').values('B1')).toEqual([[39739]]);
  });

  it('gives #NUM! for a day before the 1904 system\'s first', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('Costs');
    fake.workbook.use1904DateSystem();
    const result = await fake.Excel.run(async (context) => {
      const before = context.workbook.functions.date(1903, 12, 31).load('value,error');
      await context.sync();
      return before.error;
    });
    expect(result).toBe('#NUM!');
  });
});
