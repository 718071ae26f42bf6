// The package as shipped: `npm pack`, then the tarball installed with `npm install -g` into a
// temporary prefix, and the installed `vfm` run on the example it carries, from a folder of its own.
// It needs npm's cache or the registry for the runtime dependencies (npm ci fills the cache).
import { execFile } from 'child_process';
import { existsSync, readFileSync, readdirSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { promisify } from 'util';
import { Installed, npmEnv, packAndInstall } from '../../scripts/packed';
import { readSummary } from '../support/summary';
import { temporaryDirectory } from '../support/workbooks';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

let installed: Installed;
beforeAll(() => {
  installed = packAndInstall(temporaryDirectory());
}, 300_000);

/** Runs the installed command as a user's shell would, in a folder of its own. */
async function vfm(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(installed.command, args, { cwd, env: npmEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

test('the tarball holds the command compiled, its help, the summary schema and the example, and nothing else', () => {
  const cli = path.join(ROOT, 'src/faces/cli');
  const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => /\.(xlsx|json)$/.test(f)).map((f) => `examples/${f}`);
  const helps = readdirSync(path.join(cli, 'commands')).filter((f) => f.endsWith('.txt')).map((f) => `lib/commands/${f}`);
  expect(installed.files).toEqual([
    'README.md', 'bin/vfm.js', ...examples, ...helps, 'lib/usage.txt', 'lib/vfm.js', 'package.json', 'schema/summary.schema.json',
  ].sort());
  // No sources, tests, add-in or tooling: the pane is deployed on its own (README, Deploying the add-in).
  expect(installed.files.filter((f) => /\.ts$|^(src|test|bench|scripts|dist|assets)\//.test(f))).toEqual([]);
  expect(installed.size).toBeLessThan(200 * 1024);
});

test('installs with npm install -g: vfm --version and --help answer from the installed files', async () => {
  const cwd = temporaryDirectory();
  expect(await vfm(['--version'], cwd)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  const usage = await vfm(['--help'], cwd);
  expect(usage.stdout).toBe(readFileSync(path.join(ROOT, 'src/faces/cli/usage.txt'), 'utf8'));
  const analyseHelp = await vfm(['help', 'analyse'], cwd);
  expect(analyseHelp.stdout).toBe(readFileSync(path.join(ROOT, 'src/faces/cli/commands/analyse.txt'), 'utf8'));
}, 30_000);

test('the installed vfm analyses the example it carries: the workbook, the JSON summary and the Word report', async () => {
  const cwd = temporaryDirectory();
  const example = path.join(installed.packageDir, 'examples/staffordshire-connects.xlsx');
  const assumptions = path.join(installed.packageDir, 'examples/staffordshire-connects.assumptions.json');
  const run = await vfm(['analyse', example, '--assumptions', assumptions, '--out', 'out.xlsx', '--json', 'summary.json', '--report', 'report.docx'], cwd);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout).toContain('NPV 39,032.29');
  const summary = readSummary(path.join(cwd, 'summary.json'));
  expect(summary.savings.npv).toBe(39032.29);
  expect(summary.generator).toEqual({ name: pkg.name, version: pkg.version });
  const workbook = await JSZip.loadAsync(readFileSync(path.join(cwd, 'out.xlsx')));
  expect(await workbook.file('xl/workbook.xml')?.async('string')).toContain('name="VfM Scenarios"');
  const report = await JSZip.loadAsync(readFileSync(path.join(cwd, 'report.docx')));
  expect(await report.file('word/document.xml')?.async('string')).toContain('Financial Implications');
  // And an auditor's check of what it wrote: sound, its results not yet calculated.
  const verify = await vfm(['verify', 'out.xlsx'], cwd);
  expect(verify).toMatchObject({ code: 0, stderr: '' });
}, 60_000);

test('installs the runtime dependencies only: no TypeScript, tsx, build or test tools', () => {
  const modules = path.join(installed.packageDir, 'node_modules');
  for (const dependency of Object.keys(pkg.dependencies)) expect(existsSync(path.join(modules, dependency, 'package.json'))).toBe(true);
  // (@types/node is docx's own dependency.)
  const present = Object.keys(pkg.devDependencies).filter((name) => !name.startsWith('@types/') && existsSync(path.join(modules, name)));
  expect(present).toEqual([]);
});
