// The static file handler `npm start` serves dist/ with (over HTTPS there; plain HTTP on a free
// port here, since the handler is the same). `npm start` itself runs until stopped: tests never run it.
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { pageContentSecurityPolicy, staticHandler } from '../../scripts/start';

const ROOT = path.resolve(__dirname, '../..');

let dir: string;
let server: http.Server;
let port: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vfm-serve-'));
  fs.mkdirSync(path.join(dir, 'dist/assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist/taskpane.html'), '<!doctype html><title>pane</title>');
  fs.writeFileSync(path.join(dir, 'dist/manifest.xml'), '<OfficeApp/>');
  fs.writeFileSync(path.join(dir, 'dist/assets/icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside dist');
  server = http.createServer(staticHandler(path.join(dir, 'dist')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(rawPath: string, method = 'GET'): Promise<{ status: number; type?: string; body: string; location?: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body, location: res.headers.location, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves the pane, the manifest and the icons with their content types, uncached', async () => {
  expect(await get('/taskpane.html')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>pane</title>' });
  expect(await get('/manifest.xml')).toMatchObject({ status: 200, type: 'application/xml; charset=utf-8' });
  expect(await get('/assets/icon-16.png')).toMatchObject({ status: 200, type: 'image/png' });
  expect(await get('/taskpane.html?_host_Info=Excel$Win32$16.01$en-GB')).toMatchObject({ status: 200 });
  expect(await get('/')).toMatchObject({ status: 302, location: '/taskpane.html' });
});

test('answers HEAD without a body, refuses other methods', async () => {
  expect(await get('/taskpane.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  expect(await get('/taskpane.html', 'POST')).toMatchObject({ status: 405 });
});

test('serves nothing outside dist/ and nothing missing', async () => {
  expect((await get('/missing.html')).status).toBe(404);
  expect((await get('/assets')).status).toBe(404);
  expect((await get('/../secret.txt')).status).toBe(404);
  expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
  expect((await get('/assets/..%2f..%2fsecret.txt')).status).toBe(404);
  expect((await get('/%E0%A4%A')).status).toBe(400);
});

describe('the security headers', () => {
  // The policy as the task pane's page states it in its <meta http-equiv>, read here on its own.
  const page = fs.readFileSync(path.join(ROOT, 'src/faces/taskpane/taskpane.html'), 'utf8');
  const metaLine = page.split('\n').find((line) => line.includes('http-equiv="Content-Security-Policy"')) ?? '';
  const policy = metaLine.slice(metaLine.indexOf('content="') + 'content="'.length, metaLine.lastIndexOf('"'));

  test("every response carries the page's own Content-Security-Policy and nosniff, and no HSTS for localhost", async () => {
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    for (const [url, method] of [['/taskpane.html', 'GET'], ['/assets/icon-16.png', 'GET'], ['/manifest.xml', 'HEAD'], ['/missing.html', 'GET'], ['/', 'GET'], ['/taskpane.html', 'POST']]) {
      const { headers } = await get(url, method);
      expect([url, method, headers['content-security-policy'], headers['x-content-type-options']]).toEqual([url, method, policy, 'nosniff']);
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });

  test("README asks the council's web server for the same policy, nosniff and HSTS", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // The first fenced block of the section, its lines unindented.
    const lines = (readme.split('\n## Deploying the add-in\n')[1] ?? '').split('\n').map((line) => line.trim());
    const fence = lines.indexOf('```');
    const block = fence < 0 ? [] : lines.slice(fence + 1, lines.indexOf('```', fence + 1));
    expect(block.filter((line) => line !== '')).toEqual([
      `Content-Security-Policy: ${policy}`,
      'X-Content-Type-Options: nosniff',
      'Strict-Transport-Security: max-age=31536000',
    ]);
  });

  test('a page without a policy is refused, not served without one', () => {
    expect(() => pageContentSecurityPolicy('<!doctype html><title>pane</title>')).toThrow(/no Content-Security-Policy/);
  });
});
