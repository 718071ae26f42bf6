// The add-in's manifest, its production build and the offline validator (npm run validate).
// One production build into a temporary folder (the real webpack CLI, as `npm run build` runs it,
// with VFM_ADDIN_URL set), then the real manifest must pass and broken copies must fail, each with
// the message and line a developer needs.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawnSync } from 'child_process';
import addin from '../../scripts/addin.json';
import { OFFICE_APP_ORDER, formatReport, parseXml, pngSize, validateManifest, XmlSyntaxError, type ManifestReport } from '../../scripts/validate-manifest';

const root = path.resolve(__dirname, '../..');
const sourceManifestPath = path.join(root, 'manifest.xml');
const productionUrl = 'https://addins.council.test/vfm';
let work: string;
let dist: string;
let built: string; // dist/manifest.xml of the production build
let sourceBefore: string;

function webpackCli(args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [path.join(root, 'node_modules/webpack-cli/bin/cli.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'vfm-manifest-'));
  dist = path.join(work, 'dist');
  sourceBefore = fs.readFileSync(sourceManifestPath, 'utf8');
  const result = webpackCli(['--mode', 'production', '--output-path', dist], { VFM_ADDIN_URL: `${productionUrl}/` });
  if (result.status !== 0) throw new Error(`webpack failed:\n${result.stdout}\n${result.stderr}`);
  built = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
}, 120_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** Finds the line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not in the manifest: ${needle}`);
  return text.slice(0, index).split('\n').length;
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not in the manifest: ${from}`);
  return text.replace(from, to);
}

function failures(report: ManifestReport): { check: string; line?: number; message: string }[] {
  return report.checks.flatMap((c) => c.findings.map((f) => ({ check: c.name, ...f })));
}

function validate(xml: string, distDir = dist): ManifestReport {
  return validateManifest(xml, { distDir, manifestPath: 'manifest.xml' });
}

describe('the production build', () => {
  test('copies the manifest, the icons and the help page beside the hashed task pane bundle', () => {
    const files = fs.readdirSync(dist);
    expect(files).toEqual(expect.arrayContaining(['manifest.xml', 'help.html', 'taskpane.html', 'assets']));
    expect(files.some((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(fs.readdirSync(path.join(dist, 'assets')).sort()).toEqual(['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    expect(fs.readFileSync(path.join(dist, 'help.html'), 'utf8')).toBe(fs.readFileSync(path.join(root, 'assets/help.html'), 'utf8'));
    expect(fs.readFileSync(path.join(dist, 'help.html'), 'utf8')).not.toMatch(/<script/i);
  });

  test('writes the production URL (VFM_ADDIN_URL, trailing slash dropped) into the copy of the manifest only', () => {
    expect(built).not.toContain('localhost');
    expect(built).toContain(`<SourceLocation DefaultValue="${productionUrl}/taskpane.html"/>`);
    expect(built).toContain(`<bt:Image id="VfM.Icon.80" DefaultValue="${productionUrl}/assets/icon-80.png"/>`);
    expect(built).toBe(sourceBefore.split(addin.devOrigin).join(productionUrl));
    expect(fs.readFileSync(sourceManifestPath, 'utf8')).toBe(sourceBefore);
    expect(sourceBefore).toContain(`<SourceLocation DefaultValue="${addin.devOrigin}/taskpane.html"/>`);
  });

  test('refuses a production URL that is not https', () => {
    const result = webpackCli(['--mode', 'production', '--output-path', path.join(work, 'refused')], { VFM_ADDIN_URL: 'http://addins.council.test' });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('VFM_ADDIN_URL: http://addins.council.test must be https://');
  }, 60_000);
});

describe('the real manifest', () => {
  test('the built manifest passes every check', () => {
    const report = validate(built);
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(formatReport(report)).toContain('The manifest passes every check.');
  });

  test('the source manifest (development URLs) passes against the same build', () => {
    expect(failures(validate(sourceBefore))).toEqual([]);
  });

  test('is an Excel task pane with a Home-tab button that shows the task pane', () => {
    const doc = parseXml(sourceBefore);
    const text = (name: string): string => doc.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';
    expect(text('Id')).toBe('6f0c5b8e-4c1d-4f7a-9d3e-2b7a1e5c9f40');
    expect(text('DefaultLocale')).toBe('en-GB');
    expect(text('Permissions')).toBe('ReadWriteDocument');
    expect(doc.getElementsByTagName('DisplayName')[0].getAttribute('DefaultValue')).toBe('VfM Scenarios');
    expect(sourceBefore).toContain('<OfficeTab id="TabHome">');
    expect(sourceBefore).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>[^<]+<\/TaskpaneId>/);
    expect(sourceBefore).toContain(`<Set Name="ExcelApi" MinVersion="${addin.requirementSets[0].minVersion}"/>`);
    expect(addin.requirementSets).toEqual([expect.objectContaining({ name: 'ExcelApi', minVersion: '1.9' })]);
  });
});

describe('broken copies fail with the right message', () => {
  test('bad XML: the line of the syntax error', () => {
    const broken = replaceOnce(built, '<ProviderName>VfM Scenarios</ProviderName>', '<ProviderName>VfM Scenarios</Provider>');
    const report = validate(broken);
    expect(report.ok).toBe(false);
    expect(failures(report)).toEqual([{ check: 'well-formed XML', line: lineOf(built, '<ProviderName>'), message: expect.stringContaining('"ProviderName" != "Provider"') }]);
    expect(report.checks.find((c) => c.name === 'the other checks')?.notRun).toBe('the XML is not well-formed');
    expect(formatReport(report)).toContain(`manifest.xml:${lineOf(built, '<ProviderName>')}: Opening and ending tag mismatch`);
  });

  test('bad XML: an unquoted attribute, a bare ampersand, an undefined entity', () => {
    const cases: [string, string, string][] = [
      ['<Version>0.1.0.0</Version>', '<Version x=1>0.1.0.0</Version>', '<Version>'],
      ['DefaultValue="Value for money"', 'DefaultValue="Value & money"', 'Value for money'],
      ['<ProviderName>VfM Scenarios</ProviderName>', '<ProviderName>VfM &nbsp; Scenarios</ProviderName>', '<ProviderName>'],
    ];
    for (const [from, to, at] of cases) {
      const [failure] = failures(validate(replaceOnce(built, from, to)));
      expect(failure).toEqual({ check: 'well-formed XML', line: lineOf(built, at), message: expect.any(String) });
    }
    expect(() => parseXml('<a/>\n<b/>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<a/>\ntext after the root')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<a>\u0001</a>')).toThrow('line 1: character U+0001 is not allowed in XML');
    expect(() => parseXml('<a><!-- R & D --><![CDATA[ x < y & z ]]></a>')).not.toThrow();
  });

  test('an http:// URL', () => {
    const http = productionUrl.replace('https:', 'http:');
    const broken = replaceOnce(built, `<IconUrl DefaultValue="${productionUrl}/`, `<IconUrl DefaultValue="${http}/`);
    expect(failures(validate(broken))).toEqual([{
      check: 'every URL is HTTPS',
      line: lineOf(built, '<IconUrl'),
      message: `<IconUrl> DefaultValue "${http}/assets/icon-32.png" is not HTTPS: Office loads add-ins only over https://`,
    }]);
    const resource = replaceOnce(built, `<bt:Url id="VfM.Help.Url" DefaultValue="${productionUrl}`, `<bt:Url id="VfM.Help.Url" DefaultValue="${http}`);
    expect(failures(validate(resource))).toEqual([expect.objectContaining({ check: 'every URL is HTTPS', line: lineOf(built, '<bt:Url id="VfM.Help.Url"') })]);
    const relative = replaceOnce(built, `<SupportUrl DefaultValue="${productionUrl}/help.html"`, '<SupportUrl DefaultValue="help.html"');
    expect(failures(validate(relative))).toContainEqual(expect.objectContaining({ message: '<SupportUrl> DefaultValue "help.html" is not an absolute https:// URL' }));
  });

  test('elements out of order', () => {
    const hosts = built.match(/ {2}<Hosts>\n {4}<Host Name="Workbook"\/>\n {2}<\/Hosts>\n/)![0];
    const broken = replaceOnce(built.replace(hosts, ''), '  <DefaultSettings>', `${hosts}  <DefaultSettings>`);
    expect(failures(validate(broken))).toEqual([{
      check: "elements in the schema's order",
      line: lineOf(broken, '<Hosts>'),
      message: expect.stringMatching(/^<Hosts> is out of order: it must come before <Requirements> \(line \d+\); the order is Id, AlternateId, Version/),
    }]);
    const swapped = replaceOnce(built, '<Title resid="VfM.OpenPane.Label"/>\n                    <Description resid="VfM.OpenPane.Supertip"/>',
      '<Description resid="VfM.OpenPane.Supertip"/>\n                    <Title resid="VfM.OpenPane.Label"/>');
    expect(failures(validate(swapped))).toEqual([expect.objectContaining({ message: expect.stringMatching(/^<Title> is out of order: it must come before <Description>/) })]);
    const unknown = replaceOnce(built, '  <Permissions>', '  <Colour>green</Colour>\n  <Permissions>');
    expect(failures(validate(unknown))).toEqual([expect.objectContaining({ message: expect.stringContaining('<Colour> is not a valid child of <OfficeApp>') })]);
    expect(OFFICE_APP_ORDER.slice(0, 3)).toEqual(['Id', 'AlternateId', 'Version']);
  });

  test('a missing icon file', () => {
    const copy = path.join(work, 'without-icon-80');
    fs.cpSync(dist, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'assets/icon-80.png'));
    expect(failures(validate(built, copy))).toEqual([{
      check: `every icon and page is in the build (${copy})`,
      line: lineOf(built, '<bt:Image id="VfM.Icon.80"'),
      message: `<bt:Image> DefaultValue ${productionUrl}/assets/icon-80.png: ${path.join(copy, 'assets/icon-80.png')} does not exist in the build`,
    }]);
  });

  test('a page or icon outside the build, or of the wrong size', () => {
    const outside = replaceOnce(built, `<SupportUrl DefaultValue="${productionUrl}/help.html"`, '<SupportUrl DefaultValue="https://elsewhere.test/help.html"');
    expect(failures(validate(outside))).toEqual([expect.objectContaining({ message: expect.stringContaining(`is not under the add-in's base URL ${productionUrl}/`) })]);
    const missingPage = replaceOnce(built, `<bt:Url id="VfM.Help.Url" DefaultValue="${productionUrl}/help.html"`, `<bt:Url id="VfM.Help.Url" DefaultValue="${productionUrl}/learn-more.html"`);
    expect(failures(validate(missingPage))).toEqual([expect.objectContaining({ message: expect.stringContaining('learn-more.html does not exist in the build') })]);
    const wrongSize = replaceOnce(built, `<IconUrl DefaultValue="${productionUrl}/assets/icon-32.png"`, `<IconUrl DefaultValue="${productionUrl}/assets/icon-64.png"`);
    expect(failures(validate(wrongSize))).toEqual([{ check: 'icons at the sizes Office asks for', line: lineOf(built, '<IconUrl'), message: '<IconUrl> DefaultValue assets/icon-64.png is 64x64; Office asks for 32x32 here' }]);
    const noSize80 = built.split('<bt:Image size="80" resid="VfM.Icon.80"/>').join('');
    expect(failures(validate(noSize80))).toEqual([
      expect.objectContaining({ message: '<Icon> has no image of size 80 (Office asks for 16, 32 and 80)' }),
      expect.objectContaining({ message: '<Icon> has no image of size 80 (Office asks for 16, 32 and 80)' }),
    ]);
  });

  test('a resid not defined, or naming the wrong kind of resource', () => {
    const broken = replaceOnce(built, '<Label resid="VfM.Group.Label"/>', '<Label resid="VfM.Group.Title"/>');
    expect(failures(validate(broken))).toEqual([{
      check: 'every resid is defined',
      line: lineOf(built, '<Label resid="VfM.Group.Label"/>'),
      message: 'resid "VfM.Group.Title" on <Label> is not defined in <Resources> (expected in <bt:ShortStrings>)',
    }]);
    const wrongKind = replaceOnce(built, '<Label resid="VfM.Group.Label"/>', '<Label resid="VfM.Help.Url"/>');
    expect(failures(validate(wrongKind))).toEqual([expect.objectContaining({ message: expect.stringMatching(/^resid "VfM.Help.Url" on <Label> names a <bt:Urls> resource \(line \d+\); it must be in <bt:ShortStrings>$/) })]);
    const twice = replaceOnce(built, '<bt:String id="VfM.Group.Label"', '<bt:String id="VfM.OpenPane.Label"');
    expect(failures(validate(twice))).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('resource id "VfM.OpenPane.Label" is defined twice') })]));
  });

  test('a wrong permission, or none', () => {
    const broken = replaceOnce(built, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadAllDocument</Permissions>');
    expect(failures(validate(broken))).toEqual([{
      check: 'Permissions is ReadWriteDocument',
      line: lineOf(built, '<Permissions>'),
      message: '<Permissions> is "ReadAllDocument"; it must be ReadWriteDocument (least privilege for reading the cost table and writing sheets)',
    }]);
    const none = replaceOnce(built, '<Permissions>ReadWriteDocument</Permissions>', '');
    expect(failures(validate(none)).map((f) => f.message)).toEqual(['<Permissions> is missing', '<Permissions> is missing: it must be ReadWriteDocument']);
  });

  test('a requirement set that differs from scripts/addin.json, and other hosts', () => {
    const broken = replaceOnce(built, '<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(failures(validate(broken))).toEqual([{
      check: 'hosts and requirement sets as scripts/addin.json (Workbook; ExcelApi 1.9)',
      line: lineOf(built, '<Set Name="ExcelApi"'),
      message: `ExcelApi MinVersion is 1.8; scripts/addin.json says 1.9 (${addin.requirementSets[0].why})`,
    }]);
    const word = replaceOnce(built, '<Host Name="Workbook"/>', '<Host Name="Workbook"/>\n    <Host Name="Document"/>');
    expect(failures(validate(word))).toEqual([expect.objectContaining({ message: '<Hosts> lists Workbook, Document; scripts/addin.json says Workbook' })]);
  });

  test('values outside the schema: an Id that is not a GUID, a description too long', () => {
    const badId = replaceOnce(built, '<Id>6f0c5b8e-4c1d-4f7a-9d3e-2b7a1e5c9f40</Id>', '<Id>vfm-scenarios</Id>');
    expect(failures(validate(badId))).toEqual([expect.objectContaining({ message: '<Id> "vfm-scenarios" is not a GUID' })]);
    const long = replaceOnce(built, '<Description DefaultValue="Value-for-money', `<Description DefaultValue="${'x'.repeat(100)}Value-for-money`);
    expect(failures(validate(long))).toEqual([expect.objectContaining({ message: expect.stringMatching(/^<Description> is \d+ characters long; the schema allows 250$/) })]);
  });

  test('not a task pane manifest', () => {
    const mail = replaceOnce(built, 'xsi:type="TaskPaneApp"', 'xsi:type="MailApp"');
    const report = validate(mail);
    expect(failures(report)).toEqual([expect.objectContaining({ message: '<OfficeApp> xsi:type must be "TaskPaneApp" (it is "MailApp")' })]);
    expect(report.ok).toBe(false);
  });
});

describe('npm run validate, as a process', () => {
  const run = (args: string[]): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/validate-manifest.ts'), ...args], { cwd: root, encoding: 'utf8' });

  test('exit 0 and a report for a good manifest, 1 for a broken one, 2 when there is none', () => {
    const good = run([path.join(dist, 'manifest.xml'), '--dist', dist]);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('  ok    every URL is HTTPS');
    expect(good.stdout).toContain('The manifest passes every check.');

    const brokenFile = path.join(work, 'broken.xml');
    fs.writeFileSync(brokenFile, replaceOnce(built, '<Permissions>ReadWriteDocument', '<Permissions>ReadDocument'));
    const bad = run([brokenFile, '--dist', dist]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('  FAIL  Permissions is ReadWriteDocument');
    expect(bad.stdout).toContain(`${brokenFile}:${lineOf(built, '<Permissions>')}: <Permissions> is "ReadDocument"`);
    expect(bad.stdout).toContain('1 check failed (1 problem).');

    const none = run([path.join(work, 'nothing.xml'), '--dist', dist]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('nothing.xml not found');
  }, 60_000);
});

test('the icons are copied byte for byte, at the sizes their names say', () => {
  for (const size of [16, 32, 64, 80, 128]) {
    const file = `assets/icon-${size}.png`;
    expect(fs.readFileSync(path.join(dist, file)).equals(fs.readFileSync(path.join(root, file)))).toBe(true);
    expect(pngSize(path.join(root, file))).toEqual({ width: size, height: size });
  }
});
