// The browser build: bundled by webpack, served in place of Microsoft's office.js to a page in
// headless Chromium (Debian's; never a downloaded one), it runs Excel.run as the add-in would.
import { existsSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { chromium, BrowserContext, Page } from 'playwright-core';
import { buildFakeOffice } from './bundle';
// window.__fakeExcel and __fakeExcelOptions are typed by browser.ts's `declare global`.

const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PAGE = 'https://addin.test/taskpane.html';

jest.setTimeout(120_000);

describe('the fake office.js in headless Chromium', () => {
  it('has Debian\'s Chromium to run in (apt-get install chromium; .ci/run installs it)', () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  let dir: string;
  let bundle: string;
  let browser: BrowserContext;
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fake-office-'));
    bundle = await buildFakeOffice(path.join(dir, 'fake-office.js'));
    browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await browser.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) await route.fulfill({ path: bundle, contentType: 'application/javascript' });
      else if (url === PAGE) await route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>add-in</title><script src="${OFFICE_JS}"></script>` });
      else {
        outside.push(url);
        await route.abort();
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await browser.newPage();
    await page.addInitScript(() => {
      window.__fakeExcelOptions = {
        excelApiVersion: '1.12',
        workbook: { sheets: [{ name: 'Costs', rows: [['Item', 'Amount'], ['Rent', 17800]] }] },
      };
    });
    await page.goto(PAGE);
  });

  afterEach(async () => {
    await page.close();
  });

  it('answers Excel.run, Office.onReady and requirement sets like office.js', async () => {
    const result = await page.evaluate(async () => {
      const info = await Office.onReady();
      const values = await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Costs').getRange('A1');
        r.load('values');
        await ctx.sync();
        return r.values;
      });
      return {
        info,
        values,
        supported: [Office.context.requirements.isSetSupported('ExcelApi', '1.12'), Office.context.requirements.isSetSupported('ExcelApi', '1.13')],
        isExcel: info.host === Office.HostType.Excel && info.platform === Office.PlatformType.OfficeOnline,
      };
    });
    expect(result).toEqual({ info: { host: 'Excel', platform: 'OfficeOnline' }, values: [['Item']], supported: [true, false], isExcel: true });
  });

  it('lets the test read the state and the counters, and load another workbook', async () => {
    const { snapshot, counters, notLoaded } = await page.evaluate(async () => {
      const handle = window.__fakeExcel; // (page.evaluate runs this function in the page: no helpers from here)
      if (!handle) throw new Error('the fake office.js did not install window.__fakeExcel');
      let message = '';
      await Excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Costs');
        sheet.getRange('A3:B3').values = [["'=HYPERLINK(\"x\")", '=B2*2']];
        const r = sheet.getRange('B2');
        try {
          void r.values;
        } catch (error) {
          message = (error as Error).message;
        }
        ctx.workbook.names.add('VfM_Rent', r);
      });
      return { snapshot: handle.snapshot(), counters: handle.counterSummary(), notLoaded: message };
    });
    expect(notLoaded).toMatch(/The property 'values' is not available/);
    expect(snapshot.sheets[0].cells.A3).toEqual({ value: '=HYPERLINK("x")', type: 'String', quotePrefix: true });
    expect(snapshot.sheets[0].cells.B3).toMatchObject({ formula: '=B2*2' });
    expect(snapshot.names).toEqual([{ name: 'VfM_Rent', formula: '=Costs!$B$2', visible: true }]);
    expect(counters.roundTrips).toBe(1);
    expect(counters.syncs[0].finalSyncOfRun).toBe(true);

    const names = await page.evaluate(async (state) => {
      const handle = window.__fakeExcel; // (page.evaluate runs this function in the page: no helpers from here)
      if (!handle) throw new Error('the fake office.js did not install window.__fakeExcel');
      handle.load(state);
      handle.resetCounters();
      return Excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets.load('items/name');
        await ctx.sync();
        return sheets.items.map((s) => s.name);
      });
    }, snapshot);
    expect(names).toEqual(['Costs']);
    expect(outside).toEqual([]);
  });
});
