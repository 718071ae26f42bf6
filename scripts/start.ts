// `npm start [-- --web]`: build the task pane in development mode, rebuild on changes, serve dist/
// on the development origin of scripts/addin.json (https://localhost:3000), and put the add-in into
// Excel:
// - Windows and macOS (desktop Excel): trusted localhost certificates from office-addin-dev-certs,
//   then office-addin-debugging sideloads manifest.xml into Excel; Ctrl-C unregisters it.
// - Linux, or --web anywhere: a certificate of our own (Linux: openssl), and the steps to upload
//   manifest.xml into Excel on the web.
// Ctrl-C stops the watcher and the server. Tests never run this; it runs until stopped.
import fs from 'fs';
import http from 'http';
import https from 'https';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import { createRequire } from 'module';
import { spawn, spawnSync, type SpawnSyncReturns } from 'child_process';
import webpack from 'webpack';
import addin from './addin.json';

const projectRoot = path.resolve(__dirname, '..');
const distDir = path.join(projectRoot, 'dist');
const manifestPath = path.join(projectRoot, 'manifest.xml');
const origin = new URL(addin.devOrigin);
const port = Number(origin.port || 443);

// Microsoft's tools, run through npx only where they are used (Windows and macOS), pinned. They are
// not devDependencies: office-addin-debugging brings ~590 packages, one of which (keytar) downloads
// a prebuilt native binary at install, which every `npm ci` (CI's included) would then pay for.
const OFFICE_ADDIN_DEBUGGING = 'office-addin-debugging@7.0.0';
const OFFICE_ADDIN_DEV_CERTS = 'office-addin-dev-certs@3.0.0';

// ---------------------------------------------------------------------------------------------
// Serving dist/

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

const TASKPANE_PAGE = path.join(projectRoot, 'src/faces/taskpane/taskpane.html');

/** The Content-Security-Policy the task pane's page states in its `<meta http-equiv>`. */
export function pageContentSecurityPolicy(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!meta) throw new Error('the task pane page states no Content-Security-Policy');
  return meta[1];
}

/**
 * The headers every response carries: those README ("Deploying the add-in") asks of the council's
 * web server, the page's own Content-Security-Policy as a header and `nosniff`. Not HSTS: a browser
 * that keeps it for localhost (Safari does) would then send every http://localhost address, of any
 * port and any program, to https.
 */
export function securityHeaders(html = fs.readFileSync(TASKPANE_PAGE, 'utf8')): http.OutgoingHttpHeaders {
  return { 'Content-Security-Policy': pageContentSecurityPolicy(html), 'X-Content-Type-Options': 'nosniff' };
}

/** A request handler serving the files of `root` (GET and HEAD only, nothing outside `root`). */
export function staticHandler(root: string, log: (line: string) => void = () => undefined, security: http.OutgoingHttpHeaders = securityHeaders()): http.RequestListener {
  const base = path.resolve(root);
  return (req, res) => {
    const send = (status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...security, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (pathname === '/') return send(302, 'see /taskpane.html\n', { Location: '/taskpane.html' });
    const file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep) || pathname.includes('\0')) return send(404, 'not found\n');
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        log(`404 ${pathname}`);
        return send(404, 'not found\n');
      }
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
        ...security,
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    });
  };
}

/** Listens on the loopback addresses only (IPv4 and, where there is one, IPv6). */
async function listen(tls: { key: Buffer; cert: Buffer }): Promise<https.Server[]> {
  const handler = staticHandler(distDir, (line) => console.log(`  ${line}`));
  const servers: https.Server[] = [];
  for (const host of ['127.0.0.1', '::1']) {
    const server = https.createServer(tls, handler);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      servers.push(server);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new Error(`port ${port} on ${host} is in use: is another \`npm start\` (or another dev server) running?`);
      if (host === '127.0.0.1' || !['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(code ?? '')) throw err;
    }
  }
  return servers;
}

// ---------------------------------------------------------------------------------------------
// Certificates

interface Tls { key: Buffer; cert: Buffer; caFile?: string }

/** Windows and macOS: office-addin-dev-certs makes a CA, trusts it in the OS and issues localhost. */
function officeDevCerts(): Tls {
  console.log(`Making sure the localhost certificate is installed and trusted (${OFFICE_ADDIN_DEV_CERTS}; it may ask for your password or a confirmation)...`);
  const result = npx([OFFICE_ADDIN_DEV_CERTS, 'install'], { sync: true });
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const keyFile = path.join(dir, 'localhost.key');
  const certFile = path.join(dir, 'localhost.crt');
  if (result.status !== 0 || !fs.existsSync(keyFile) || !fs.existsSync(certFile)) {
    throw new Error(`${OFFICE_ADDIN_DEV_CERTS} did not install a certificate in ${dir}; run \`npx ${OFFICE_ADDIN_DEV_CERTS} install\` to see why`);
  }
  return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile), caFile: path.join(dir, 'ca.crt') };
}

/**
 * Linux: a development CA and a localhost certificate made with openssl, kept in
 * node_modules/.cache (reused while valid, so the browser's trust carries over between runs). The
 * CA is limited to localhost by name constraints and its key is deleted once the certificate is
 * signed: trusting it in a browser trusts nothing else.
 */
function opensslCerts(): Tls {
  const dir = path.join(projectRoot, 'node_modules', '.cache', 'vfm-scenarios-dev-cert');
  const files = { caCert: path.join(dir, 'ca.crt'), key: path.join(dir, 'localhost.key'), cert: path.join(dir, 'localhost.crt') };
  if (fs.existsSync(files.key) && fs.existsSync(files.cert) && fs.existsSync(files.caCert)) {
    const validTo = new Date(new crypto.X509Certificate(fs.readFileSync(files.cert)).validTo);
    if (validTo.getTime() - Date.now() > 24 * 3600 * 1000) {
      return { key: fs.readFileSync(files.key), cert: fs.readFileSync(files.cert), caFile: files.caCert };
    }
  }
  if (spawnSync('openssl', ['version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('openssl is needed to make a localhost certificate: install it (Debian/Ubuntu: sudo apt-get install openssl) and run `npm start` again');
  }
  console.log(`Making a localhost certificate in ${path.relative(projectRoot, dir)} (openssl)...`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caKey = path.join(dir, 'ca.key');
  const csr = path.join(dir, 'localhost.csr');
  const ext = path.join(dir, 'localhost.ext');
  fs.writeFileSync(ext, [
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth',
    'subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1',
  ].join('\n') + '\n');
  const run = (args: string[]): void => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr || r.error?.message}`);
  };
  try {
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825', '-keyout', caKey, '-out', files.caCert,
      '-subj', '/CN=VfM Scenarios development CA (localhost only)',
      '-addext', 'basicConstraints = critical, CA:TRUE, pathlen:0',
      '-addext', 'keyUsage = critical, keyCertSign, cRLSign',
      '-addext', 'nameConstraints = critical, permitted;DNS:localhost, permitted;IP:127.0.0.0/255.0.0.0, permitted;IP:0:0:0:0:0:0:0:1/FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF']);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-keyout', files.key, '-out', csr, '-subj', '/CN=localhost']);
    run(['x509', '-req', '-in', csr, '-CA', files.caCert, '-CAkey', caKey, '-set_serial', `0x${crypto.randomBytes(16).toString('hex')}`,
      '-days', '365', '-sha256', '-extfile', ext, '-out', files.cert]);
  } finally {
    for (const f of [caKey, csr, ext]) fs.rmSync(f, { force: true });
  }
  fs.chmodSync(files.key, 0o600);
  return { key: fs.readFileSync(files.key), cert: fs.readFileSync(files.cert), caFile: files.caCert };
}

// ---------------------------------------------------------------------------------------------
// Building

type ConfigFactory = (env: unknown, argv: { mode: 'development' | 'production' }) => webpack.Configuration;

/**
 * Builds into dist/ in development mode and keeps rebuilding on changes; resolves after the first
 * build, even a failed one (its errors are printed, and saving a fix rebuilds).
 */
function buildAndWatch(): Promise<webpack.Watching> {
  const makeConfig = createRequire(__filename)('../webpack.config.js') as ConfigFactory;
  const config = { ...makeConfig({}, { mode: 'development' }), mode: 'development' as const };
  return new Promise((resolve, reject) => {
    let first = true;
    const watching = webpack(config).watch({ aggregateTimeout: 300 }, (err, stats) => {
      if (err || !stats) {
        console.error(`webpack: ${err?.message ?? 'no result'}`);
        if (first) reject(err ?? new Error('webpack gave no result'));
        first = false;
        return;
      }
      if (stats.hasErrors()) {
        console.error(stats.toString({ all: false, errors: true, colors: process.stdout.isTTY }));
        console.error('The build failed: fix the errors above and save; dist/ rebuilds by itself.');
      } else {
        const { time } = stats.toJson({ all: false, timings: true });
        console.log(`${first ? 'Built' : 'Rebuilt'} dist/ (development) in ${time} ms${stats.hasWarnings() ? ', with warnings' : ''}.`);
      }
      if (first) {
        first = false;
        if (watching) resolve(watching);
        else reject(new Error('webpack did not start watching'));
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Microsoft's tools

function npx(args: string[], opts: { sync: true }): SpawnSyncReturns<Buffer>;
function npx(args: string[], opts: { sync: false }): Promise<number>;
function npx(args: string[], opts: { sync: boolean }): SpawnSyncReturns<Buffer> | Promise<number> {
  const windows = process.platform === 'win32';
  const command = windows ? 'npx.cmd' : 'npx';
  const options = { cwd: projectRoot, stdio: 'inherit' as const, shell: windows };
  const full = ['--yes', ...args];
  if (opts.sync) return spawnSync(command, full, options);
  return new Promise((resolve) => {
    const childProcess = spawn(command, full, options);
    childProcess.on('error', () => resolve(1));
    childProcess.on('exit', (code) => resolve(code ?? 1));
  });
}

// ---------------------------------------------------------------------------------------------
// The instructions

function webInstructions(tls: Tls): string {
  const page = `${addin.devOrigin}/taskpane.html`;
  const trust = process.platform === 'linux'
    ? [
      `   Quick: open ${page} in that browser and accept the warning (Advanced > Proceed to localhost).`,
      '   Lasting: import the development CA into the browser as a trusted authority:',
      `     ${tls.caFile}`,
      '     Chrome/Edge: Settings > Privacy and security > Security > Manage certificates > Authorities >',
      '       Import, and tick "Trust this certificate for identifying websites";',
      '       or: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "VfM Scenarios dev CA" -i <that file>',
      '     Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import.',
      '   The CA is limited to localhost and its key is deleted: it can vouch for nothing else.',
    ]
    : [
      `   office-addin-dev-certs put its CA in your system's trust store, so Edge, Chrome and Safari trust`,
      `   ${addin.devOrigin}; Firefox may still ask: open ${page} and accept.`,
    ];
  return [
    '',
    `The add-in is served on ${addin.devOrigin} (press Ctrl-C to stop). To open it in Excel on the web:`,
    '',
    '1. Let the browser trust the localhost certificate.',
    ...trust,
    `   Check: ${page} shows the VfM Scenarios pane without a warning.`,
    '2. Open a workbook in Excel on the web (office.com, or a file on OneDrive or SharePoint).',
    '3. Home > Add-ins > More Add-ins (in some versions: Insert > Add-ins > Office Add-ins).',
    '4. In the Office Add-ins dialog: My Add-ins > Upload My Add-in (or Manage My Add-ins > Upload My Add-in),',
    `   Browse to ${manifestPath}, then Upload.`,
    '5. The Home tab now has a "Value for money" group: choose VfM Scenarios to open the pane.',
    '   If the browser asks whether Excel may reach devices on your local network, allow it: the pane',
    '   comes from this machine.',
    '',
    'The uploaded add-in stays until the browser cache is cleared. Edits under src/ rebuild dist/',
    'automatically: close and reopen the pane (or reload the page) to see them.',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): { web: boolean } {
  let web = false;
  for (const arg of argv) {
    if (arg === '--web') web = true;
    else if (arg === '--desktop') web = false;
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: npm start [-- --web]   (--web: Excel on the web instead of desktop Excel; the only choice on Linux)');
      process.exit(0);
    } else throw new Error(`unexpected argument ${arg} (usage: npm start [-- --web])`);
  }
  if (argv.includes('--desktop') && process.platform !== 'win32' && process.platform !== 'darwin') {
    throw new Error('desktop Excel runs only on Windows and macOS: on this machine use Excel on the web (npm start)');
  }
  return { web: web || (process.platform !== 'win32' && process.platform !== 'darwin') };
}

async function main(): Promise<void> {
  const { web } = parseArgs(process.argv.slice(2));
  const tls = process.platform === 'win32' || process.platform === 'darwin' ? officeDevCerts() : opensslCerts();
  const servers = await listen(tls); // first, so a busy port fails before any build
  const watching = await buildAndWatch();
  console.log(`Serving ${path.relative(process.cwd(), distDir) || '.'} on ${addin.devOrigin}`);

  let sideloaded = false;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.log('Stopping now.');
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    if (sideloaded) {
      console.log(`Unregistering the add-in from Excel (${OFFICE_ADDIN_DEBUGGING} stop)...`);
      npx([OFFICE_ADDIN_DEBUGGING, 'stop', 'manifest.xml', 'desktop'], { sync: true });
    }
    for (const server of servers) {
      server.close();
      server.closeAllConnections();
    }
    watching.close(() => {
      console.log('Stopped.');
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref(); // should the watcher not close by itself
  };
  process.on('SIGINT', () => stop('Ctrl-C'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  if (web) {
    console.log(webInstructions(tls));
    return;
  }
  console.log(`Sideloading manifest.xml into desktop Excel (${OFFICE_ADDIN_DEBUGGING} start)...`);
  sideloaded = true;
  const code = await npx([OFFICE_ADDIN_DEBUGGING, 'start', 'manifest.xml', 'desktop', '--app', 'excel'], { sync: false });
  if (code !== 0) {
    console.error(`${OFFICE_ADDIN_DEBUGGING} exited with ${code}. The pane is still served on ${addin.devOrigin}; to load it by hand, see README ("Sideloading by hand") or run \`npm start -- --web\`.`);
  } else {
    console.log(`Excel should open with VfM Scenarios on the Home tab (group "Value for money"). Ctrl-C here stops the server and unregisters the add-in.`);
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`npm start: ${err.message}`);
    process.exit(1);
  });
}
