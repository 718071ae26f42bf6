// Dates typed in the built pane, in Chromium whose language is en-US while Office's is en-GB: the
// pane reads them in Office's language (docs/conventions.md, "Dates a person types"), so 19/10/2012 is
// 19 October 2012, never 10 December 2012 as the browser's own date input made it. The figures
// are the seed's worked examples (docs/conventions.md, "The seed, worked through" and "The seed with costs of leaving"): notice served 19 October 2012 expires 19 October
// 2014; withdrawing a year later (notice 19 October 2013) has an NPV of £22,749.39.
import { SEED_VALUES } from '../support/analyses';
import { idle, shotOf, usePane } from './harness';

jest.setTimeout(240_000);

const pane = usePane({ locale: 'en-US' });

it('reads 19/10/2012 typed in an en-US browser the way Office\'s en-GB writes it, shows it in words, and works the seed\'s figures from it', async () => {
  const page = await pane.open({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } }, { displayLanguage: 'en-GB' });
  // The browser is American; Office is British.
  expect(await page.evaluate(() => [navigator.language, Office.context.displayLanguage])).toEqual(['en-US', 'en-GB']);
  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await idle(page);

  const notice = page.getByLabel('Notice served on', { exact: true });
  expect(await notice.getAttribute('type')).toBe('text');
  expect(await page.locator('#noticeServedOn-hint').innerText()).toBe('Day first: 19/10/2012, 19 Oct 2012 or 2012-10-19');
  expect(await notice.getAttribute('aria-describedby')).toContain('noticeServedOn-hint');

  await notice.fill('30/02/2015');
  expect(await page.locator('[data-error-for="noticeServedOn"]').innerText()).toBe('"30/02/2015" is not a date: February has 28 days in 2015. Type the date as in 19/10/2012, 19 Oct 2012 or 2012-10-19.');
  expect(await notice.getAttribute('aria-invalid')).toBe('true');
  await notice.fill('19/13/2012');
  expect(await page.locator('[data-error-for="noticeServedOn"]').innerText()).toMatch(/^"19\/13\/2012" is not a date: there is no month 13/);

  await notice.fill('');
  await notice.pressSequentially('19/10/2012');
  expect(await page.locator('#noticeServedOn-date').innerText()).toBe('19 October 2012');
  expect(await page.locator('[data-error-for="noticeServedOn"]').isHidden()).toBe(true);
  expect(await notice.getAttribute('aria-invalid')).toBe('false');

  await page.getByLabel('Way of withdrawing 1: name', { exact: true }).fill('Withdraw now');
  await page.getByRole('button', { name: 'Add a way of withdrawing' }).click();
  await page.getByLabel('Way of withdrawing 2: name', { exact: true }).fill('Withdraw a year later');
  await page.getByLabel('Way of withdrawing 2: notice served on', { exact: true }).pressSequentially('19/10/2013');
  expect(await page.locator('[id="options.1.noticeServedOn-date"]').innerText()).toBe('19 October 2013');
  await shotOf(page.locator('#assumptions'), '17-dates-en-US-browser');

  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await idle(page);
  const headline = await page.locator('#results dl.headline').evaluate((dl) => Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])));
  expect(headline).toMatchObject({ 'Notice expires': '19 October 2014', 'Net present value, before costs of leaving': '£39,032.29', Checks: 'All pass' });
  const options = await page.locator('table.options-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
  expect(options).toEqual([
    ['Stay (business as usual)', '£0.00', ''],
    ['Withdraw now preferred', '£39,032.29', '2014/15'],
    ['Withdraw a year later', '£22,749.39', '2015/16'],
  ]);
  await page.close();
});
