// The built task pane in a real browser (Debian's Chromium, driven by playwright-core), served on
// localhost, with Microsoft's office.js answered by the fake Excel. It clicks through the whole flow
// on the seed example, checks that the cells written are the cells the CLI writes, that the pane
// asked for nothing else on the network, and keeps screenshots to look at.
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'fs';
import path from 'path';
import { excelSerial } from '../../src/core/cell';
import { Io, run } from '../../src/faces/cli/main';
import { committeeReport } from '../../src/core/report';
import { documentHtml, documentText, reportDocument } from '../../src/layout/report-document';
import { SEED_VALUES, analysisOf } from '../support/analyses';
import { loadWithExcelJs, writeWorkbook as writeFixture } from '../support/workbooks';
import { Page } from 'playwright-core';
import type { WorkbookSnapshot } from '../fake-office/index';
import { OFFICE_JS, idle, shot, shotOf, snapshot, usePane, whileExcelWorks } from './harness';

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

/** The CLI, given the seed table and these assumptions, writes the cells the pane wrote into the fake Excel. */
async function expectTheCliWrites(written: WorkbookSnapshot, assumptions: unknown): Promise<void> {
  const dir = mkdtempSync(path.join(pane.work(), 'cli-'));
  const input = await writeFixture(path.join(dir, 'costs.xlsx'), [{ name: 'Costs', rows: SEED_VALUES }]);
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(assumptions));
  const io: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => ({ year: 2026, month: 11, day: 25 }), now: () => '' } };
  expect(await run(['analyse', input, '--assumptions', path.join(dir, 'a.json'), '--out', path.join(dir, 'out.xlsx')], io)).toBe(0);
  const file = await loadWithExcelJs(path.join(dir, 'out.xlsx'));
  for (const name of ['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows']) {
    const inExcel: Record<string, unknown> = {};
    for (const [address, cell] of Object.entries(written.sheets.find((s) => s.name === name)?.cells ?? {})) {
      if (cell.formula !== undefined) inExcel[address] = cell.formula;
      else if (cell.value !== '') inExcel[address] = cell.value;
    }
    expect(inExcel).toEqual(fileCells(file.getWorksheet(name) as ExcelJS.Worksheet));
  }
}

it('reads the seed table, generates the scenarios, and writes the cells the CLI writes, asking the network for nothing else', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await shot(page, '1-opened');

  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await page.waitForSelector('table.rows tbody tr');
  expect(await page.locator('table.rows tbody tr').count()).toBe(6);
  await expect(page.locator('#rows p.ok').textContent()).resolves.toContain('Ties out to the stated total £124,535.22');
  await page.getByLabel('Notice served on', { exact: true }).fill('2012-10-19');
  await shot(page, '2-rows-read');

  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await page.waitForSelector('#results dl.headline');
  const headline = await page.locator('#results dl.headline').innerText();
  expect(headline).toContain('£17,800.00');
  expect(headline).toContain('19 October 2014');
  expect(headline).toContain('£43,597.81');
  expect(headline).toContain('£39,032.29');
  expect(headline).toContain('All pass');
  expect(await page.locator('#results p.answer').innerText()).toBe('Withdraw is preferred (NPV £39,032.29). No change of one input within its range changes that.');
  expect(await page.locator('#results svg rect').count()).toBeGreaterThanOrEqual(10);
  await shot(page, '3-generated');

  await page.getByRole('button', { name: 'Go to the scenario sheet' }).click();
  await idle(page);
  const written = await snapshot(page);
  expect(written.activeSheet).toBe('VfM Scenarios');

  expect(written.sheets.map((s) => s.name)).toEqual(['Costs', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
  await expectTheCliWrites(written, { noticeServedOn: '2012-10-19' });

  const elsewhere = pane.requests.filter((url) => url !== OFFICE_JS && !url.startsWith(`${pane.origin()}/`));
  expect(elsewhere).toEqual([]);
  expect(pane.requests).toContain(OFFICE_JS);
  await page.close();
});

it('copies the committee report for Word: the clipboard holds the HTML tables and the plain text, the core\'s words', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  const copy = page.getByRole('button', { name: 'Copy for the committee report' });
  expect(await copy.isHidden()).toBe(true); // nothing written yet
  await page.getByLabel('Notice served on', { exact: true }).fill('2012-10-19');
  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await page.waitForSelector('#results dl.headline');
  await copy.click();
  await idle(page);
  expect(await page.locator('#status').innerText()).toBe('Copied the Financial Implications text and its tables: paste it into the committee report.');
  const pasted = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text() };
  });
  const doc = reportDocument(committeeReport(analysisOf(SEED_VALUES, { noticeServedOn: '2012-10-19' })));
  expect(pasted.text).toBe(documentText(doc));
  expect(pasted.html).toContain(documentHtml(doc));
  expect(pasted.html).toMatch(/<td[^>]*>Staffordshire Connects 2011\/12 Core Team<\/td><td[^>]*>17,800\.00<\/td>/);
  await shot(page, '18-report-copied');
  await shotOf(page.locator('section[aria-labelledby="generate-heading"] .status-line'), '18-report-copied-status');
  await shotOf(page.locator('section[aria-labelledby="generate-heading"] .actions'), '18-report-copied-buttons');
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

it('refuses cells merged across rows over the amounts, in the command line\'s words, writing nothing', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES, merged: ['B5:B6'] }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await idle(page);
  expect(await page.locator('#problems li').allInnerTexts()).toEqual([
    'Costs!B5:B6: cells merged across rows 5 to 6 over the amounts: a merged block holds one value, so the rows under its first have none; unmerge it (Home, Merge & Center) and give each row its own amount',
  ]);
  expect((await snapshot(page)).sheets.map((s) => s.name)).toEqual(['Costs']);
  await page.close();
});

it('repairs at once a Generate that Excel stops as it writes, and says what the workbook holds', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await generate(page);
  const before = await snapshot(page);
  // The new run's sheets written, the earlier scenario sheet retired, then Excel stops.
  await page.evaluate(() => window.__fakeExcel?.failAtStatement('getItem("VfM Options").delete()'));
  await page.getByLabel('Class of CRM').selectOption('avoidable');
  await generate(page);
  expect(await page.locator('#status').innerText()).toBe(
    'Excel reported a problem: There was an internal error while processing the request. Nothing was written, and Excel had already removed some or all of the previous run\'s sheets when it stopped: press Generate to write the scenarios again.');
  const left = await snapshot(page);
  expect(left.sheets.map((sheet) => sheet.name)).toEqual(before.sheets.map((sheet) => sheet.name).filter((name) => name !== 'VfM Scenarios'));
  expect(left.names.filter((n) => n.name.startsWith('VfM_Writing'))).toEqual([]);
  await shot(page, '20-write-failed-repaired');
  await generate(page);
  expect((await snapshot(page)).sheets.map((sheet) => sheet.name)).toEqual(before.sheets.map((sheet) => sheet.name));
  await page.close();
});

it('validates the assumptions inline, under the field, and labels every control', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await page.getByLabel('Discount rate').fill('150');
  await expect(page.locator('[data-error-for="discountRate"]').innerText()).resolves.toBe('Give a number of percent a year from 0 up to (not including) 100, such as 3.5 for 3.5%.');
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
  await page.getByLabel('Notice served on', { exact: true }).fill('2013-01-31');
  await page.getByLabel('Discount rate').fill('5');
  await page.getByLabel('When partners leave').selectOption('shared-pool');
  await page.getByLabel('Members paying in the base year').fill('10');
  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await page.waitForSelector('#results dl.headline');
  const written = await snapshot(page);
  await page.close();

  const again = await openPane(written);
  await again.waitForSelector('#status:has-text("Restored the inputs of the last run")');
  expect(await again.getByLabel('Notice served on', { exact: true }).inputValue()).toBe('2013-01-31');
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
  // The date field is text, one stop for Tab: a dark ring shows around it when it has the focus
  // (dark pixels counted in a screenshot of its right-hand end).
  await page.locator('#noticeServedOn').scrollIntoViewIfNeeded();
  const box = await page.locator('#noticeServedOn').boundingBox();
  const corner = box && { x: box.x + box.width - 36, y: box.y - 4, width: 40, height: box.height + 8 };
  const darkPixels = async () => page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80) dark++;
    return dark;
  }, (await page.screenshot({ clip: corner ?? undefined })).toString('base64'));
  await page.locator('#noticeMonths').focus();
  const unfocused = await darkPixels();
  await page.locator('#noticeServedOn').focus();
  expect(await darkPixels()).toBeGreaterThan(unfocused + 60);
  await shotOf(page.locator('#noticeServedOn'), '11-date-field-focus');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('noticeMonths');

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

/** The seed read from the selection, with notice served on the seed's date. */
async function seedRead(rows: (string | number | null)[][] = SEED_VALUES, sheet = 'Costs') {
  const page = await openPane({ sheets: [{ name: sheet, rows }], selection: { sheet, address: `A1:B${rows.length}` } });
  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await idle(page);
  await page.getByLabel('Notice served on', { exact: true }).fill('2012-10-19');
  return page;
}

const generate = async (page: Page) => {
  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await idle(page);
};

it('speaks percent in the rate fields, and asks about a rate that looks like a fraction without blocking it', async () => {
  const page = await seedRead();
  await page.getByLabel('Discount rate').fill('abc');
  const error = await page.locator('[data-error-for="discountRate"]').innerText();
  expect(error).toBe('Give a number of percent a year from 0 up to (not including) 100, such as 3.5 for 3.5%.');
  expect(error).not.toContain('0.035');
  await page.getByLabel('Discount rate').fill('0.035');
  expect(await page.locator('[data-question-for="discountRate"]').innerText()).toBe('0.035% a year is very low: did you mean 3.5%? This field is in percent.');
  expect(await page.getByLabel('Discount rate').getAttribute('aria-invalid')).toBe('false');
  await page.getByLabel('Indexation').fill('0.025');
  expect(await page.locator('[data-question-for="indexation"]').innerText()).toContain('did you mean 2.5%?');
  await page.getByLabel('Indexation').fill('-60');
  expect(await page.locator('[data-error-for="indexation"]').innerText()).toBe('Give a number of percent a year from -50 to 100, such as 2.5 for 2.5%.');
  await page.getByLabel('Indexation').fill('0');
  await shot(page, '7-percent-question');
  await generate(page); // a question, not a block
  expect(await page.locator('#results dl.headline').count()).toBe(1);
  await page.close();
});

it('shows a bad assumption under its own field, in the words of the labels, and keeps the cost rows', async () => {
  const page = await seedRead();
  await page.getByLabel('Notice served on', { exact: true }).fill('9999-01-01');
  expect(await page.locator('[data-error-for="noticeMonths"]').innerText()).toContain('give a shorter notice or an earlier "Notice served on"');
  expect(await page.locator('[data-error-for="horizonYears"]').isVisible()).toBe(true);
  expect(await page.locator('#problems').isHidden()).toBe(true);
  expect(await page.locator('table.rows tbody tr').count()).toBe(6);
  await generate(page);
  expect(await page.locator('#status').innerText()).toBe('Correct the assumptions marked above. Nothing was written.');
  expect((await snapshot(page)).sheets.map((sheet) => sheet.name)).toEqual(['Costs']);
  expect(await page.locator('table.rows tbody tr').count()).toBe(6);
  await shot(page, '8-assumption-under-field');
  await page.close();
});

it('marks results and sheets out of date after a change, and says the workbook still holds the previous run when nothing is written', async () => {
  const page = await seedRead();
  await generate(page);
  expect(await page.locator('#results').innerText()).toMatch(/Written at \d\d:\d\d; the scenario sheets match the form\./);
  await page.getByLabel('Class of CRM').selectOption('avoidable');
  const results = await page.locator('#results').innerText();
  expect(results).toMatch(/^Scenarios out of date\n+Out of date: the form has changed since the scenarios were written at \d\d:\d\d\. The scenario sheets still hold those; press Generate to bring them up to date\.$/);
  expect(await page.getByRole('button', { name: 'Go to the scenario sheet' }).getAttribute('aria-describedby')).toBe('stale-note');
  await shot(page, '9-stale');

  await page.getByLabel('Horizon').fill('0');
  await generate(page);
  expect(await page.locator('#status').innerText()).toMatch(/^Correct the assumptions marked above\. Nothing was written\. The workbook still holds the scenarios of the previous run, from \d\d:\d\d\.$/);
  const held = await snapshot(page);
  await page.getByLabel('Horizon').fill('5');
  await generate(page);
  expect(await page.locator('#results').innerText()).toContain('Scenarios written');
  expect(await page.locator('#results.stale').count()).toBe(0);
  await page.close();

  // Opened again on the workbook as the earlier run left it: the pane knows the run from the audit sheet.
  const again = await openPane(held);
  await again.getByLabel('Horizon').fill('0');
  await generate(again);
  expect(await again.locator('#status').innerText()).toMatch(/^Correct the assumptions marked above\. Nothing was written\. The workbook still holds the scenarios of the previous run, from \d\d:\d\d\.$/);
  await again.close();
});

it('draws the chart with a £ axis, gridlines, a zero line and each value written, in type of 12 px or more', async () => {
  const page = await seedRead();
  await generate(page);
  const chart = page.locator('#chart-stay svg');
  const texts = await chart.locator('text').allTextContents();
  expect(texts).toContain('£ a year');
  expect(texts.filter((t) => /^£[\d,]+$/.test(t)).length).toBeGreaterThanOrEqual(13); // axis amounts and 10 values
  expect(await chart.locator('text.chart-value').allTextContents()).toEqual(['£17,800', '£17,800', '£17,800', '£17,800', '£17,800', '£9,802', '£17,800', '£0', '£17,800', '£0']);
  expect(await chart.locator('line.chart-zero').count()).toBe(1);
  expect(await chart.locator('line.chart-grid').count()).toBeGreaterThanOrEqual(2);
  const sizes = await chart.locator('text').evaluateAll((nodes) => nodes.map((n) => parseFloat(getComputedStyle(n).fontSize) * ((n as SVGTextElement).ownerSVGElement as SVGSVGElement).getBoundingClientRect().width / 288));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  expect(await chart.getAttribute('aria-label')).toContain('2015/16: Stay £17,800.00, Withdraw £0.00');
  await shotOf(page.locator('#chart-stay'), '10-chart');
  await page.close();
});

it('quotes sheet names as Excel does, and keys a row\'s class as the core does: labels differing only in case are one key, said plainly', async () => {
  const rows = [['Item', '£'], ['Core team contribution', 17800], ['CRM', 46648.63], ['crm ', 100], ['Total', 64548.63]];
  const page = await seedRead(rows, 'Shared Service Costs');
  expect(await page.locator('#rows p.summary').innerText()).toContain("from 'Shared Service Costs'!A1:B5.");
  await page.getByLabel('Class of CRM', { exact: true }).selectOption('avoidable');
  expect(await page.locator('[data-error-for="overrides"]').innerText()).toContain('matches the cost rows "CRM" in \'Shared Service Costs\'!A3 and "crm" in \'Shared Service Costs\'!A4');
  await generate(page);
  expect((await snapshot(page)).sheets.map((sheet) => sheet.name)).toEqual(['Shared Service Costs']);
  await page.close();
});

it('keeps the officer\'s place: typing keeps the field and its caret, and a class or a leaver changed keeps the focus', async () => {
  const page = await seedRead();
  const rate = page.getByLabel('Discount rate');
  await rate.fill('');
  await rate.pressSequentially('0.35');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('0');
  expect(await rate.inputValue()).toBe('0.035');
  expect(await page.evaluate(() => [document.activeElement?.id, (document.activeElement as HTMLInputElement).selectionStart])).toEqual(['discountRate', 3]);
  expect(await page.locator('[data-question-for="discountRate"]').innerText()).toContain('did you mean 3.5%?');

  const crm = page.getByLabel('Class of CRM');
  await crm.focus();
  await crm.selectOption('avoidable');
  expect(await page.locator('#rows p.summary').innerText()).toContain('Avoidable £64,448.63 a year');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Class of CRM');

  await page.getByRole('button', { name: 'Add a partner who leaves' }).click();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add a partner who leaves');
  await page.getByLabel('Partner 1 leaving: name').pressSequentially('Tamworth');
  expect(await page.getByLabel('Partner 1 leaving: name').inputValue()).toBe('Tamworth');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Partner 1 leaving: name');
  await page.close();
});

it('reads a council\'s £000 table with several amount columns: says what it made of it, and lets the officer choose the column', async () => {
  const rows = [
    ['Partnership costs (£000)', null, null, null],
    ['Item', 'Net', 'VAT', 'Gross'],
    ['Core services', null, null, null],
    ['Core Team', 17.8, 3.56, 21.36],
    ['Membership subscription', 2.5, 0.5, 3],
    ['Subtotal', 20.3, 4.06, 24.36],
    ['CRM', 46.64863, 9.32973, 55.97836],
  ];
  const page = await openPane({ sheets: [{ name: 'Costs', rows }], selection: { sheet: 'Costs', address: 'A1:D7' } });
  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await idle(page);
  const reading = await page.locator('#rows p.reading').allInnerTexts();
  expect(reading).toEqual([
    'Amounts are in £000 (stated in Costs!A1), so each is multiplied by 1,000.',
    'Amounts read from column B "Net", net of VAT, as councils report costs; passed over C "VAT", D "Gross".',
    'Subtotals left out of the sum and checked against their rows: Subtotal £20,300.00.',
    'Sections: Core services.',
  ]);
  await expect(page.locator('#rows p.summary').innerText()).resolves.toBe('3 cost rows from Costs!A2:B7. Avoidable £20,300.00 a year; committed £46,648.63.');
  await shot(page, '12-council-table');
  await page.getByLabel('Amount column').selectOption('D');
  await idle(page);
  await expect(page.locator('#rows p.summary').innerText()).resolves.toBe('3 cost rows from Costs!A2:D7. Avoidable £24,360.00 a year; committed £55,978.36.');
  expect(await page.getByLabel('Amount column').inputValue()).toBe('D');
  await page.close();
});

it('asks which year to read when a table has a column a year and nothing decides, then reads the one chosen', async () => {
  const rows = [['Item', '2010/11', '2011/12'], ['Core Team', 17000, 17800], ['CRM', 45000.5, 46648.63]];
  const page = await openPane({ sheets: [{ name: 'Costs', rows }], selection: { sheet: 'Costs', address: 'A1:C3' } });
  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await idle(page);
  await expect(page.locator('#problems li').first().innerText()).resolves.toMatch(/^Costs!A1:C3: 2 columns hold amounts \(B "2010\/11", C "2011\/12"\)/);
  expect(await page.getByLabel('Amount column').inputValue()).toBe('');
  await shot(page, '13-choose-column');
  await page.getByLabel('Amount column').selectOption('C');
  await idle(page);
  await expect(page.locator('#rows p.summary').innerText()).resolves.toBe('2 cost rows from Costs!A1:C3. Avoidable £17,800.00 a year; committed £46,648.63.');
  expect(await page.locator('#problems').isHidden()).toBe(true);
  await page.close();
});

it('builds the seed\'s decision in the form, answers it in a sentence with the options side by side and two charts, and writes what the CLI writes', async () => {
  const page = await seedRead();
  const way = (n: number, field: string) => page.getByLabel(`Way of withdrawing ${n}: ${field}`, { exact: true });
  const line = (n: number, what: string, k: number, field: string) => page.getByLabel(`Way of withdrawing ${n}, ${what} ${k}: ${field}`, { exact: true });
  await way(1, 'name').fill('Withdraw now');
  await page.getByRole('button', { name: 'Add an exit cost to way of withdrawing 1' }).click();
  await line(1, 'exit cost', 1, 'what for').fill('Disaggregation');
  await line(1, 'exit cost', 1, 'amount').fill('£5,000');
  await line(1, 'exit cost', 1, 'paid in').fill('2014/15');
  await page.getByRole('button', { name: 'Add a replacement cost to way of withdrawing 1' }).click();
  await line(1, 'replacement cost', 1, 'what for').fill('CRM and e-payments support');
  await line(1, 'replacement cost', 1, 'a year').fill('6000');
  await page.getByRole('button', { name: 'Add a way of withdrawing' }).click();
  await way(2, 'name').fill('Withdraw a year later');
  await way(2, 'notice served on').fill('2013-10-19');
  await page.getByRole('button', { name: 'Duplicate way of withdrawing 2' }).click();
  expect(await way(3, 'name').inputValue()).toBe('Withdraw a year later (copy)');
  await page.getByRole('button', { name: 'Remove way of withdrawing 3' }).click();
  expect(await page.locator('.option').count()).toBe(2);
  expect(await page.locator('#assumptions [data-error-for]:not([hidden])').count()).toBe(0);
  await generate(page);

  // Each NPV is linear in the avoidable cost A: 39,032.29/17,800 A less the costs of leaving's 17,824.50 now, 22,749.39/17,800 A a year
  // later; they meet at A = 17,824.50 / (39,032.29 - 22,749.39) x 17,800 = 19,485.23 from these rounded NPVs, 19,485.24 unrounded.
  expect(await page.locator('#results p.answer').innerText())
    .toBe('Withdraw a year later is preferred (NPV £22,749.39). Withdraw now becomes preferred if the avoidable cost rises to £19,485.24 a year.');
  const rows = await page.locator('table.options-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
  expect(rows).toEqual([
    ['Stay (business as usual)', '£0.00', ''],
    ['Withdraw now', '£21,207.79', '2014/15'],
    ['Withdraw a year later preferred', '£22,749.39', '2015/16'],
  ]);
  const options = page.locator('#chart-options svg');
  expect(await options.locator('text.chart-legend').allTextContents()).toEqual(['Withdraw now', 'Withdraw a year later']);
  expect(await options.locator('text.chart-value').allTextContents()).toEqual(['£0', '£0', '£0', '£0', '£302', '£0', '£11,800', '£8,025', '£11,800', '£17,800']);
  const tornado = page.locator('#chart-tornado svg');
  expect(await tornado.getAttribute('aria-label')).toMatch(/^Tornado chart of the NPV of Withdraw a year later \(£22,749\.39 as it stands\)/);
  expect(await tornado.locator('rect[fill]').count()).toBeGreaterThanOrEqual(2 + 2 * 3);
  await shotOf(page.locator('#results'), '14-options');
  await shotOf(page.locator('#assumptions .options'), '15-options-form');
  await shotOf(page.locator('#chart-tornado'), '16-tornado');
  await page.getByRole('button', { name: 'Go to the scenario sheet' }).click();
  await idle(page);
  const written = await snapshot(page);

  // The CLI, given the same options as an assumptions file, writes the same cells.
  await expectTheCliWrites(written, {
    noticeServedOn: '2012-10-19',
    options: [
      { name: 'Withdraw now', exitCosts: [{ label: 'Disaggregation', amount: '£5,000', fy: '2014/15' }], replacementCosts: [{ label: 'CRM and e-payments support', annual: 6000 }] },
      { name: 'Withdraw a year later', noticeServedOn: '2013-10-19' },
    ],
  });
  await page.close();

  // Opened again, the pane starts from the options the sheet holds.
  const again = await openPane(written);
  await again.waitForSelector('#status:has-text("Restored the inputs of the last run")');
  const onAgain = (n: number, field: string) => again.getByLabel(`Way of withdrawing ${n}: ${field}`, { exact: true }).inputValue();
  expect([await onAgain(1, 'name'), await onAgain(2, 'name'), await onAgain(2, 'notice served on')]).toEqual(['Withdraw now', 'Withdraw a year later', '2013-10-19']);
  expect(await again.getByLabel('Way of withdrawing 1, replacement cost 1: a year', { exact: true }).inputValue()).toBe('6000');
  expect(await again.getByLabel('Way of withdrawing 1, exit cost 1: paid in', { exact: true }).inputValue()).toBe('2014/15');
  await again.close();
});

it('checks the workbook for an auditor: a formula typed over is listed with its cell, and "Go to cell" selects it', async () => {
  const page = await seedRead();
  await generate(page);
  const target = await page.evaluate(() => {
    const reference = window.__fakeExcel!.workbook.names().VfM_TotalSaving;
    const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(reference)!;
    window.__fakeExcel!.workbook.sheet(match[1]).put(`${match[2]}${match[3]}`, [[50000]]);
    return { sheet: match[1], address: `${match[2]}${match[3]}` };
  });
  await page.getByRole('button', { name: 'Check this workbook' }).click();
  await idle(page);
  const place = `'${target.sheet}'!${target.address}`;
  const listed = page.locator('ol.findings li', { hasText: place });
  await expect(listed.innerText()).resolves.toContain('a formula replaced by a typed value');
  await shotOf(page.locator('#check-results'), '17-check');
  await listed.getByRole('button', { name: `Go to cell ${place}` }).click();
  await idle(page);
  const shown = await snapshot(page);
  expect(shown.activeSheet).toBe(target.sheet);
  expect(shown.sheets.find((s) => s.name === target.sheet)?.selection).toBe(target.address);
  await page.close();
});

/** The seed's results as docs/conventions.md, "The seed, worked through", works them out, as Excel's engine calculates them: saving 43,597.81, NPV 39,032.29. */
const EXCEL_CALCULATES = { VfM_TotalSaving: 43597.81, VfM_NPV: 39032.29, VfM_OptionNPVs: 39032.29, VfM_PreferredNPV: 39032.29 };

it('has Excel recalculate what Generate wrote, and says whether its results agree with the product\'s to the penny, or which differ', async () => {
  const open = async (namedResults: Record<string, number>) => {
    const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } }, { namedResults });
    await page.getByLabel('Notice served on', { exact: true }).fill('2012-10-19');
    await generate(page);
    return page;
  };
  const agreeing = await open(EXCEL_CALCULATES);
  const counts = await agreeing.evaluate(() => window.__fakeExcel!.counterSummary());
  // On opening, the last run looked for; then Generate's read, its write, and Excel's calculation last.
  expect(counts.syncs.map((sync) => sync.calculations ?? [])).toEqual([[], [], [], ['Full']]);
  await expect(agreeing.locator('#results .calculation.ok').innerText()).resolves.toMatch(/^Excel's calculation agrees to the penny/);
  await agreeing.close();

  const differing = await open({ ...EXCEL_CALCULATES, VfM_NPV: 39032.3 });
  await expect(differing.locator('#results .calculation.warning').innerText()).resolves
    .toContain('the net present value of the saving is £39,032.30 in Excel and £39,032.29 in VfM Scenarios');
  await shotOf(differing.locator('#results'), '18-calculation-differs');
  await differing.close();
});

it('says why a check could not be made beside the Check button, not under Generate', async () => {
  const page = await openPane({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });
  await page.getByRole('button', { name: 'Check this workbook' }).click();
  await idle(page);
  await expect(page.locator('#check-results [role="alert"]').innerText()).resolves.toMatch(/^This workbook cannot be checked: it holds no sheets VfM Scenarios wrote/);
  expect(await page.locator('#status').innerText()).toBe('');
  await page.close();
});
