// The pane against WCAG 2.2 AA, as UK public bodies must meet it: axe-core run on the built pane in
// every state an officer sees it in (opened, rows read, the ways of withdrawing filled in, busy,
// results with their charts, a bad cell, a bad assumption, a check's findings, the report copied),
// no violation allowed; and the pane in forced colours (Windows high contrast), where nothing may
// rest on colour alone, screenshot for a person to look at and its marks checked in words.
import axe from 'axe-core';
import { Page } from 'playwright-core';
import { SEED_VALUES } from '../support/analyses';
import { SCREENSHOTS, idle, shot, shotOf, usePane, whileExcelWorks } from './harness';

jest.setTimeout(240_000);

const pane = usePane();

/** The WCAG 2.0, 2.1 and 2.2 rules at levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Found {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly { target: string; summary: string }[];
}

/**
 * Runs axe-core on the page as it stands. Its source goes in through the DevTools protocol (page
 * evaluate), which the pane's Content-Security-Policy does not govern; the pane's own scripts are
 * untouched.
 */
async function axeViolations(page: Page): Promise<Found[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, WCAG_AA);
}

/** No WCAG 2.2 AA violation in this state; a failure lists each rule and the elements that break it. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const found = await axeViolations(page);
  const report = found.map((v) => `${state}: ${v.rule} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `  ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n')}`);
  expect(report).toEqual([]);
}

const open = () => pane.open({ sheets: [{ name: 'Costs', rows: SEED_VALUES }], selection: { sheet: 'Costs', address: 'A1:B10' } });

async function read(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Read the cost rows' }).click();
  await idle(page);
  await page.getByLabel('Notice served on', { exact: true }).fill('2012-10-19');
}

async function generate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Generate the scenarios' }).click();
  await idle(page);
}

/** Two ways of withdrawing, the first with an exit cost and a replacement cost. */
async function fillOptions(page: Page): Promise<void> {
  const way = (n: number, field: string) => page.getByLabel(`Way of withdrawing ${n}: ${field}`, { exact: true });
  const line = (what: string, field: string) => page.getByLabel(`Way of withdrawing 1, ${what} 1: ${field}`, { exact: true });
  await way(1, 'name').fill('Withdraw now');
  await page.getByRole('button', { name: 'Add an exit cost to way of withdrawing 1' }).click();
  await line('exit cost', 'what for').fill('Disaggregation');
  await line('exit cost', 'amount').fill('£5,000');
  await line('exit cost', 'paid in').fill('2014/15');
  await page.getByRole('button', { name: 'Add a replacement cost to way of withdrawing 1' }).click();
  await line('replacement cost', 'what for').fill('CRM and e-payments support');
  await line('replacement cost', 'a year').fill('6000');
  await page.getByRole('button', { name: 'Add a way of withdrawing' }).click();
  await way(2, 'name').fill('Withdraw a year later');
  await way(2, 'notice served on').fill('2013-10-19');
}

describe('WCAG 2.2 AA, checked by axe-core', () => {
  it('finds what it is asked to find: a control without a name is a violation', async () => {
    const page = await open();
    await page.evaluate(() => document.getElementById('read')?.replaceChildren());
    expect((await axeViolations(page)).map((v) => v.rule)).toContain('button-name');
    await page.close();
  });

  it('opened, and the cost rows read', async () => {
    const page = await open();
    await expectAccessible(page, 'opened');
    await read(page);
    expect(await page.locator('table.rows tbody tr').count()).toBe(6);
    await expectAccessible(page, 'rows read');
    await page.close();
  });

  it('the ways of withdrawing with their costs, busy while Excel works, and the results with their charts', async () => {
    const page = await open();
    await read(page);
    await fillOptions(page);
    expect(await page.locator('.option').count()).toBe(2);
    await expectAccessible(page, 'options');
    await whileExcelWorks(page, () => page.getByRole('button', { name: 'Generate the scenarios' }).click(), async () => {
      expect(await page.locator('#pane').getAttribute('aria-busy')).toBe('true');
      await expectAccessible(page, 'busy');
    });
    expect(await page.locator('#chart-tornado svg').count()).toBe(1);
    expect(await page.locator('#results svg').count()).toBe(3);
    await expectAccessible(page, 'generated');
    await page.getByLabel('Class of CRM').selectOption('avoidable');
    expect(await page.locator('#stale-note').count()).toBe(1);
    await expectAccessible(page, 'out of date');
    await page.close();
  });

  it('a bad cell named, and a bad assumption under its field', async () => {
    const rows = SEED_VALUES.map((row) => (row[0] === 'CRM' ? ['CRM', 'tbc'] : row));
    const bad = await pane.open({ sheets: [{ name: 'Costs', rows }], selection: { sheet: 'Costs', address: 'A1:B10' } });
    await bad.getByRole('button', { name: 'Read the cost rows' }).click();
    await idle(bad);
    expect(await bad.locator('#problems').innerText()).toContain('Costs!B5');
    await expectAccessible(bad, 'a bad cell');
    await bad.close();

    const page = await open();
    await read(page);
    await page.getByLabel('Notice served on', { exact: true }).fill('9999-01-01');
    await page.getByLabel('Discount rate').fill('0.035');
    await generate(page);
    expect(await page.locator('[data-error-for="noticeMonths"]').isVisible()).toBe(true);
    expect(await page.locator('[data-question-for="discountRate"]').isVisible()).toBe(true);
    await expectAccessible(page, 'a bad assumption');
    await page.close();
  });

  it('a table with several amount columns, its column to choose', async () => {
    const rows = [['Item', '2010/11', '2011/12'], ['Core Team', 17000, 17800], ['CRM', 45000.5, 46648.63]];
    const page = await pane.open({ sheets: [{ name: 'Costs', rows }], selection: { sheet: 'Costs', address: 'A1:C3' } });
    await page.getByRole('button', { name: 'Read the cost rows' }).click();
    await idle(page);
    expect(await page.getByLabel('Amount column').count()).toBe(1);
    await expectAccessible(page, 'column to choose');
    await page.close();
  });

  it('a check\'s findings, each with Go to cell, and the report copied', async () => {
    const page = await open();
    await read(page);
    await generate(page);
    await page.getByRole('button', { name: 'Copy for the committee report' }).click();
    await idle(page);
    expect(await page.locator('#status').innerText()).toContain('Copied');
    await expectAccessible(page, 'report copied');
    await page.evaluate(() => {
      const reference = window.__fakeExcel!.workbook.names().VfM_TotalSaving;
      const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(reference)!;
      window.__fakeExcel!.workbook.sheet(match[1]).put(`${match[2]}${match[3]}`, [[50000]]);
    });
    await page.getByRole('button', { name: 'Check this workbook' }).click();
    await idle(page);
    expect(await page.locator('ol.findings li button', { hasText: 'Go to cell' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'check results');
    await page.close();
  });
});

/** How many pixels differ between two screenshots of the same size, decoded by the page's canvas. */
function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([first, second]) => {
    const pixels = async (png: string) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height).data;
    };
    const [p, q] = [await pixels(first), await pixels(second)];
    if (p.length !== q.length) return Number.POSITIVE_INFINITY;
    let differ = 0;
    for (let i = 0; i < p.length; i += 4) if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 60) differ++;
    return differ;
  }, [a.toString('base64'), b.toString('base64')]);
}

describe('forced colours (Windows high contrast): nothing rests on colour alone', () => {
  it('the results: the preferred way named in words, the checks in words, each chart\'s series named and told apart by pattern', async () => {
    const page = await open();
    await read(page);
    await fillOptions(page);
    await generate(page);
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await shot(page, '19-forced-colours');
    await shotOf(page.locator('#results'), '19-forced-colours-results');

    // The preferred way: a word beside its name, not only bold type or a colour.
    expect(await page.locator('table.options-table tr.preferred th').innerText()).toBe('Withdraw a year later preferred');
    expect(await page.locator('table.options-table tr:not(.preferred) th .tag').count()).toBe(0);
    // The checks pass or fail in words.
    expect(await page.locator('#results dl.headline dd.ok').innerText()).toBe('All pass');

    for (const [chart, names] of [['chart-stay', ['Stay', 'Withdraw']], ['chart-options', ['Withdraw now', 'Withdraw a year later']], ['chart-tornado', ['at the low value', 'at the high value']]] as const) {
      const svg = page.locator(`#${chart} svg`);
      expect(await svg.getAttribute('role')).toBe('img');
      expect((await svg.getAttribute('aria-label'))?.length).toBeGreaterThan(40);
      expect(await svg.locator('text.chart-legend').allTextContents()).toEqual(names);
      // In forced colours the keys are all in the text colour: their patterns tell them apart, on screen.
      const keys = svg.locator('rect.key-edge');
      const [first, second] = [await keys.nth(0).screenshot(), await keys.nth(1).screenshot()];
      expect(await differingPixels(page, first, second)).toBeGreaterThan(10);
      // Every bar is drawn in one of its legend's fills.
      const fills = await keys.evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
      expect(new Set(fills).size).toBe(names.length);
      expect(fills.slice(names.length).every((fill) => fills.slice(0, names.length).includes(fill))).toBe(true);
      await shotOf(page.locator(`#${chart}`), `19-forced-colours-${chart}`);
    }
    // The patterns are in system colours, not the series' own.
    const [fill, mark] = await page.locator('#chart-stay pattern').nth(1).evaluate((p) => [getComputedStyle(p.querySelector('.key-fill') as Element).fill, getComputedStyle(p.querySelector('.key-mark') as Element).stroke]);
    expect(fill).not.toBe(mark);
    expect(fill).not.toBe('rgb(15, 108, 189)');
    // And in a dark high-contrast theme, the charts to look at: light marks on black, words readable over the bars.
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    for (const chart of ['chart-stay', 'chart-tornado']) await shotOf(page.locator(`#${chart}`), `19-forced-colours-dark-${chart}`);
    await page.close();
  });

  it('the focus shows, on a button and on a link-like button, in forced colours', async () => {
    const page = await open();
    await page.emulateMedia({ forcedColors: 'active' });
    for (const id of ['generate', 'add-option']) {
      const button = page.locator(`#${id}`);
      await page.focus(`#${id}`);
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).not.toBe(id);
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox(); // in the viewport, as a screenshot's clip is
      if (!box) throw new Error(`#${id} is not shown`);
      const clip = { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 };
      const unfocused = await page.screenshot({ clip });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
      expect(await button.boundingBox()).toEqual(box);
      const focused = await page.screenshot({ clip });
      // A ring of 2 px around the button: at least its perimeter's worth of pixels change.
      expect(await differingPixels(page, unfocused, focused)).toBeGreaterThan(2 * (box.width + box.height));
      await page.screenshot({ clip, path: `${SCREENSHOTS}/20-forced-colours-focus-${id}.png` });
    }
    await page.close();
  });

  it('a bad cell, a bad assumption and a check\'s findings are said in words', async () => {
    const rows = SEED_VALUES.map((row) => (row[0] === 'CRM' ? ['CRM', 'tbc'] : row));
    const bad = await pane.open({ sheets: [{ name: 'Costs', rows }], selection: { sheet: 'Costs', address: 'A1:B10' } });
    await bad.emulateMedia({ forcedColors: 'active' });
    await bad.getByRole('button', { name: 'Read the cost rows' }).click();
    await idle(bad);
    expect(await bad.locator('#problems').innerText()).toMatch(/^The cost table cannot be used as it stands:\n/);
    await bad.getByLabel('Discount rate').fill('150');
    expect(await bad.locator('[data-error-for="discountRate"]').innerText()).toMatch(/^Give a number/);
    await shotOf(bad.locator('section[aria-labelledby="source-heading"]'), '21-forced-colours-bad-cell');
    await shotOf(bad.locator('#discountRate').locator('xpath=ancestor::div[@class="field"]'), '21-forced-colours-bad-assumption');
    await bad.close();

    const page = await open();
    await read(page);
    await generate(page);
    await page.evaluate(() => {
      const reference = window.__fakeExcel!.workbook.names().VfM_TotalSaving;
      const match = /^='?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(reference)!;
      window.__fakeExcel!.workbook.sheet(match[1]).put(`${match[2]}${match[3]}`, [[50000]]);
    });
    await page.getByRole('button', { name: 'Check this workbook' }).click();
    await idle(page);
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await page.locator('#check-results p.warning').innerText()).not.toBe('');
    await shotOf(page.locator('#check-results'), '21-forced-colours-check');
    await page.close();
  });
});
