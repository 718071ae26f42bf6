// The pane's Check, for an auditor, against the run the log of runs recorded: the discount rate
// typed over after Generate leaves the model sound, and the pane says, apart, that the inputs
// differ from the run's, naming the rate at the run and now.
import { SEED_VALUES } from '../support/analyses';
import { idle, shotOf, usePane } from './harness';

jest.setTimeout(120_000);

const pane = usePane();

it('lists the discount rate typed over since Generate below the check\'s verdict, with its value at the run and now', async () => {
  const page = await pane.open({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: `A1:B${SEED_VALUES.length}` } });
  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await idle(page);
  await page.getByLabel('Notice served on', { exact: true }).fill('2012-10-19');
  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await idle(page);

  await page.getByRole('button', { name: 'Check this workbook' }).click();
  await idle(page);
  await expect(page.locator('#check-results p.ok').allInnerTexts()).resolves.toContain('The inputs, the source\'s fingerprint and the preferred option\'s NPV are the run\'s, as the log of runs on the audit sheet recorded them.');

  await page.evaluate(() => {
    const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(window.__fakeExcel!.workbook.names().VfM_DiscountRate)!;
    window.__fakeExcel!.workbook.sheet(match[1]).put(`${match[2]}${match[3]}`, [[0.015]]);
  });
  await page.getByRole('button', { name: 'Check this workbook' }).click();
  await idle(page);
  await expect(page.locator('#check-results p.warning').last().innerText()).resolves.toBe('The inputs or results differ from the run\'s, as the log of runs on the audit sheet recorded them:');
  await expect(page.locator('#check-results ul.findings li').first().innerText()).resolves.toBe('Discount rate: 3.5% a year at the run, 1.5% a year now');
  await shotOf(page.locator('#check-results'), '17-check-since-run');
  await page.close();
});
