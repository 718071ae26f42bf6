// The built task pane in a real browser (Debian's Chromium, driven by playwright-core), served on
// localhost, with Microsoft's office.js answered by the fake Excel. It clicks through the whole flow
// on the seed example, checks that the cells written are the cells the CLI writes, that the pane
// asked for nothing else on the network, and keeps screenshots to look at.
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'fs';
import path from 'path';
import { excelSerial } from '../../src/core/cell';
import { Io, run } from '../../src/faces/cli/main';
import { readWorkbook } from '../../src/hosts/xlsx/read-workbook';
import { SEED_VALUES } from '../support/analyses';
import { writeWorkbook as writeFixture } from '../support/workbooks';
import { OFFICE_JS, idle, shot, snapshot, usePane, whileExcelWorks } from './harness';

jest.setTimeout(240_000);

const pane = usePane();
const openPane = pane.open;

/** The cells of a sheet, address → value or "=formula", as the CLI's .xlsx holds them. */
function fileCells(sheet: ExcelJS.Worksheet): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  sheet.eachRow((row) => row.eachCell((cell) => {
    const v = cell.value as ExcelJS.CellValue;
    if (v === null || v === undefined) return;
    if (v instanceof Date) cells[cell.address] = excelSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
    else cells[cell.address] = typeof v === 'object' && 'formula' in v ? `=${v.formula}` : v;
  }));
  return cells;
}

it('reads the seed table, generates the scenarios, and writes the cells the CLI writes, asking the network for nothing else', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await shot(page, '1-opened');

  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await page.waitForSelector('table.rows tbody tr');
  expect(await page.locator('table.rows tbody tr').count()).toBe(6);
  await expect(page.locator('#rows p.ok').textContent()).resolves.toContain('Ties out to the stated total £124,535.22');
  await page.getByLabel('Notice served on').fill('2012-10-19');
  await shot(page, '2-rows-read');

  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await page.waitForSelector('#results dl.headline');
  const headline = await page.locator('#results dl.headline').innerText();
  expect(headline).toContain('£17,800.00');
  expect(headline).toContain('2014-10-19');
  expect(headline).toContain('£43,597.81');
  expect(headline).toContain('£39,032.29');
  expect(headline).toContain('All pass');
  expect(await page.locator('#results svg rect').count()).toBeGreaterThanOrEqual(10);
  await shot(page, '3-generated');

  await page.getByRole('button', { name: 'Go to the scenario sheet' }).click();
  await idle(page);
  const written = await snapshot(page);
  expect(written.activeSheet).toBe('VfM Scenarios');

  // The CLI on the same table and the same assumptions
  const dir = mkdtempSync(path.join(pane.work(), 'cli-'));
  const input = await writeFixture(path.join(dir, 'costs.xlsx'), [{ name: 'Costs', rows: SEED_VALUES }]);
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ noticeServedOn: '2012-10-19' }));
  const io: Io = { out: () => undefined, err: (t) => process.stderr.write(t), today: () => ({ year: 2026, month: 11, day: 25 }), now: () => '' };
  expect(await run(['analyse', input, '--assumptions', path.join(dir, 'a.json'), '--out', path.join(dir, 'out.xlsx')], io)).toBe(0);
  const file = await readWorkbook(path.join(dir, 'out.xlsx'));

  expect(written.sheets.map((s) => s.name)).toEqual(['Costs', 'VfM Scenarios', 'VfM Cost Rows', 'VfM Audit']);
  for (const name of ['VfM Scenarios', 'VfM Cost Rows']) {
    const inExcel: Record<string, unknown> = {};
    for (const [address, cell] of Object.entries(written.sheets.find((s) => s.name === name)?.cells ?? {})) {
      if (cell.formula !== undefined) inExcel[address] = cell.formula;
      else if (cell.value !== '') inExcel[address] = cell.value;
    }
    expect(inExcel).toEqual(fileCells(file.getWorksheet(name) as ExcelJS.Worksheet));
  }

  const elsewhere = pane.requests.filter((url) => url !== OFFICE_JS && !url.startsWith(`${pane.origin()}/`));
  expect(elsewhere).toEqual([]);
  expect(pane.requests).toContain(OFFICE_JS);
  await page.close();
});

it('names the bad cell and writes nothing when the table cannot be used', async () => {
  const rows = SEED_VALUES.map((row) => (row[0] === 'CRM' ? ['CRM', 'tbc'] : row));
  const page = await openPane({ sheets: [{ name: 'Costs', rows }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await page.waitForSelector('#problems li');
  expect(await page.locator('#problems').innerText()).toContain('Costs!B5: amount "tbc" is not a number');
  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await idle(page);
  expect(await page.locator('#problems').innerText()).toContain('Costs!B5: amount "tbc" is not a number');
  expect(await page.locator('#results').innerText()).toBe('');
  expect(await page.locator('#status').innerText()).toBe('');
  await shot(page, '4-bad-cell');
  expect((await snapshot(page)).sheets.map((s) => s.name)).toEqual(['Costs']);
  await page.close();
});

it('validates the assumptions inline, under the field, and labels every control', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await page.getByLabel('Discount rate').fill('150');
  await expect(page.locator('[data-error-for="discountRate"]').innerText()).resolves.toContain('is not a discount rate');
  expect(await page.getByLabel('Discount rate').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('Discount rate').fill('3.5');
  expect(await page.locator('[data-error-for="discountRate"]').isHidden()).toBe(true);
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, button')].filter((el) => {
      const labelled = el.getAttribute('aria-label') || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label') || (el.textContent ?? '').trim();
      return !labelled;
    }).length,
  );
  expect(unlabelled).toBe(0);
  await page.close();
});

it('generates straight from a selection, and a re-opened workbook starts from the inputs of that run', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await page.getByLabel('Notice served on').fill('2013-01-31');
  await page.getByLabel('Discount rate').fill('5');
  await page.getByLabel('When partners leave').selectOption('shared-pool');
  await page.getByLabel('Members paying in the base year').fill('10');
  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await page.waitForSelector('#results dl.headline');
  const written = await snapshot(page);
  await page.close();

  const again = await openPane(written);
  await again.waitForSelector('#status:has-text("Restored the inputs of the last run")');
  expect(await again.getByLabel('Notice served on').inputValue()).toBe('2013-01-31');
  expect(await again.getByLabel('Discount rate').inputValue()).toBe('5');
  expect(await again.getByLabel('When partners leave').inputValue()).toBe('shared-pool');
  expect(await again.getByLabel('Members paying in the base year').inputValue()).toBe('10');
  await shot(again, '5-restored');
  await again.close();
});

it('is worked by keyboard alone: every control is reached by Tab, and Enter on Generate writes the scenarios', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent?.trim() || ''));
  }
  for (const id of ['read', 'noticeServedOn', 'noticeMonths', 'horizonYears', 'fyStartMonth', 'discountRate', 'indexation', 'sharing', 'inBaseYear', 'baseYear', 'generate']) {
    expect(reached).toContain(id);
  }
  await page.focus('#generate');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#results dl.headline');
  await page.close();
});

it('stays usable on a large table: a busy state while Excel works, and the first rows drawn, not all of them', async () => {
  const rows = [['Item', '£'], ...Array.from({ length: 20_000 }, (_, i) => [i === 0 ? 'Core team contribution' : `Contract ${i}`, 100 + (i % 89)])];
  const page = await openPane({ sheets: [{ name: 'Costs', rows }], selection: { sheet: 'Costs', address: 'A1:B20001' } });
  await whileExcelWorks(page, () => page.getByRole('button', { name: 'Read the cost rows' }).click(), async () => {
    expect(await page.locator('#status').innerText()).toBe('Reading the workbook…');
    expect(await page.locator('#pane').getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('#progress').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Generate the scenarios' }).isDisabled()).toBe(true);
  });
  expect(await page.locator('table.rows tbody tr').count()).toBe(200);
  expect(await page.locator('#rows').innerText()).toContain('Showing the first 200 of 20000 rows');
  await whileExcelWorks(page, () => page.getByRole('button', { name: 'Generate the scenarios' }).click(), async () => {
    expect(await page.locator('#status').innerText()).toBe('Writing the scenarios into the workbook…');
    expect(await page.locator('#pane').getAttribute('aria-busy')).toBe('true');
  });
  expect(await page.locator('#results dl.headline').count()).toBe(1);
  const costRows = Object.keys((await snapshot(page)).sheets.find((s) => s.name === 'VfM Cost Rows')?.cells ?? {}).filter((a) => /^A\d+$/.test(a)).length;
  expect(costRows).toBeGreaterThan(20_000);
  await shot(page, '6-large-table');
  await page.close();
});
