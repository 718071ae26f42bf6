// Range.formulas of a text cell, as Excel gives it: the text without the apostrophe it was typed
// with, so a text `'=x` reads `=x` there, as a formula would (office-js issue 6687); values and
// valueTypes tell it from a formula.
import { createFakeExcel } from '.';

it('reads a text typed as \'=x through formulas as =x, and through values and valueTypes as the text it is', async () => {
  const fake = createFakeExcel();
  fake.workbook.addSheet('S');
  const read = await fake.Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
    range.formulas = [["'=SUM(A2)", '=1+1']];
    await context.sync();
    range.load('formulas,values,valueTypes');
    await context.sync();
    return { formulas: range.formulas, values: range.values, valueTypes: range.valueTypes };
  });
  expect(read).toEqual({ formulas: [['=SUM(A2)', '=1+1']], values: [['=SUM(A2)', 0]], valueTypes: [['String', 'Double']] });
});
