// What the browser tests share: the pane built by webpack into a temporary folder and served on
// localhost, Debian's Chromium (driven by playwright-core, never a downloaded browser) at the
// pane's 320 px, Microsoft's office.js answered by the fake Excel, and every other request refused
// and recorded. `usePane()` registers the set-up and tear-down for the calling test file.
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { BrowserContext, ElementHandle, Locator, Page, chromium } from 'playwright-core';
import { staticHandler } from '../../scripts/start';
import { buildFakeOffice } from '../fake-office/bundle';
import type { BrowserOptions } from '../fake-office/browser';
import type { WorkbookSnapshot } from '../fake-office/index';
// window.__fakeExcel and __fakeExcelOptions are typed by test/fake-office/browser.ts's `declare global`.

export const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'pane');

export interface PaneHarness {
  /** Opens the pane on a workbook (a spec or a snapshot) and waits until it is idle. */
  open(workbook: BrowserOptions['workbook'], options?: Omit<BrowserOptions, 'workbook'>): Promise<Page>;
  /** Every URL any page asked for. */
  readonly requests: string[];
  /** A temporary folder, removed after the file's tests. */
  work(): string;
  origin(): string;
}

/** `locale`: the browser's language (Chromium's, which its own date input follows); en-GB unless told. */
export function usePane(options: { readonly locale?: string } = {}): PaneHarness {
  let work: string;
  let server: http.Server;
  let origin: string;
  let browser: BrowserContext;
  const requests: string[] = [];

  beforeAll(async () => {
    expect(existsSync(CHROMIUM)).toBe(true); // apt-get install chromium (.ci/run does)
    work = mkdtempSync(path.join(os.tmpdir(), 'vfm-pane-'));
    const dist = path.join(work, 'dist');
    const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', dist], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`the pane did not build:\n${build.stdout}\n${build.stderr}`);
    const fakeOffice = await buildFakeOffice(path.join(work, 'fake-office.js'));
    server = http.createServer(staticHandler(dist));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      locale: options.locale ?? 'en-GB',
      timezoneId: 'Europe/London',
      viewport: { width: 320, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // The pane copies the committee report: the page may write the clipboard, and the tests read it back.
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await browser.route('**/*', async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url === OFFICE_JS) await route.fulfill({ path: fakeOffice, contentType: 'application/javascript' });
      else if (url.startsWith(`${origin}/`)) await route.continue();
      else await route.abort();
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  return {
    requests,
    work: () => work,
    origin: () => origin,
    async open(workbook, options = {}) {
      const page = await browser.newPage();
      await page.addInitScript((fakeOptions) => {
        window.__fakeExcelOptions = fakeOptions;
      }, { workbook, ...options });
      await page.goto(`${origin}/taskpane.html`);
      // The pane says where it runs and, in the same task, starts looking for an earlier run
      // (busy); so once the first shows, waiting for "not busy" waits for that look to end.
      await page.waitForSelector('#environment:has-text("Excel on the web")');
      await idle(page);
      return page;
    },
  };
}

/** Waits until the pane has finished what it was doing (a click starts its busy state at once). */
export async function idle(page: Page): Promise<void> {
  await page.waitForSelector('#pane[aria-busy="false"]', { state: 'attached' });
}

/** The fake workbook's state now. */
export function snapshot(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() => {
    if (!window.__fakeExcel) throw new Error('the fake office.js did not install window.__fakeExcel');
    return window.__fakeExcel.snapshot();
  });
}

/**
 * Runs `action` (a click) with Excel's round trips held back, waits until the pane's request is
 * out, lets `look` see the page mid-request, then releases Excel and waits for the pane to finish.
 */
export async function whileExcelWorks(page: Page, action: () => Promise<void>, look: () => Promise<void>): Promise<void> {
  await page.evaluate(() => window.__fakeExcel?.hold());
  try {
    await action();
    await page.waitForFunction(() => (window.__fakeExcel?.heldSyncs() ?? 0) > 0);
    await look();
  } finally {
    await page.evaluate(() => window.__fakeExcel?.release());
  }
  await idle(page);
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** A screenshot of one part of the pane, to look at closely. */
export const shotOf = (part: Locator | ElementHandle, name: string) => part.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
