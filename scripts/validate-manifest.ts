// `npm run validate [-- MANIFEST] [--dist DIR]`: an offline check of the add-in's XML manifest.
// Microsoft's validator (`npx office-addin-manifest validate manifest.xml`) needs the network; this
// one checks what breaks sideloading most often, against the build in dist/:
//   well-formed XML (with the line of the first syntax error), a TaskPaneApp in the Office Add-ins
//   1.1 namespace, elements in the XSD's order, the required elements, the values the schema
//   limits (id, version, locale, lengths), the permission, host and requirement set of
//   scripts/addin.json, HTTPS for every URL, every resid defined with the right kind of resource,
//   and every icon and page present in dist/ (icons at the sizes Office asks for).
// Exit code 0 when every check passes, 1 when one fails, 2 when the manifest can't be read.
import fs from 'fs';
import path from 'path';
import { DOMParser, ParseError } from '@xmldom/xmldom';
import type { Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import addin from './addin.json';

export const NS = {
  office: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/**
 * The children of <OfficeApp xsi:type="TaskPaneApp"> in the order of the XSD's sequence
 * (OfficeAppManifestV1_1.xsd: the OfficeApp base type, then the TaskPaneApp extension).
 */
export const OFFICE_APP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts',
  'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
] as const;

/** Other sequences of the XSDs (TaskPaneAppVersionOverridesV1_0, OfficeAppBasicTypesV1_0) worth checking. */
const NESTED_ORDER: Record<string, readonly string[]> = {
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins', 'VersionOverrides'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action', 'Items'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
  Requirements: ['Sets', 'Methods'],
};

const REQUIRED_WITH_DEFAULT_VALUE = ['DisplayName', 'Description'] as const;
const REQUIRED_TEXT = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'Permissions'] as const;

/** Top-level elements whose DefaultValue (and Override Value) is a URL Office fetches. */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'QueryUri', 'DictionaryHomePage']);

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
/** The kind of resource a resid on each element must name. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls', FunctionFile: 'Urls', LearnMoreUrl: 'Urls',
  Label: 'ShortStrings', Title: 'ShortStrings', Namespace: 'ShortStrings',
  Description: 'LongStrings',
};
const STRING_LIMIT: Record<ResourceKind, number | undefined> = { Images: undefined, Urls: 2048, ShortStrings: 125, LongStrings: 250 };

export interface Finding { line?: number; message: string }
export interface CheckResult { name: string; findings: Finding[]; notRun?: string }
export interface ManifestReport { manifest: string; distDir: string; checks: CheckResult[]; ok: boolean }
export interface ValidateOptions {
  /** The build the manifest's URLs are checked against (dist/). */
  distDir: string;
  /** Shown in the report. */
  manifestPath?: string;
}

// ---------------------------------------------------------------------------------------------
// XML

export class XmlSyntaxError extends Error {
  constructor(readonly line: number | undefined, readonly reason: string) {
    super(line === undefined ? reason : `line ${line}: ${reason}`);
  }
}

/**
 * Parses XML with @xmldom/xmldom, treating its every warning and error as fatal (on its own it
 * recovers from many), then applies the two well-formedness rules xmldom lets through: a bare `&`
 * and control characters. Throws XmlSyntaxError with the line of the first problem.
 */
export function parseXml(text: string): XmlElement {
  let first: { line?: number; reason: string } | undefined;
  const parser = new DOMParser({
    onError: (_level, message, context: { locator?: { lineNumber?: number } } | undefined) => {
      first ??= { line: context?.locator?.lineNumber, reason: message.split('\n')[0] };
      throw new Error(message);
    },
  });
  let root: XmlElement | null;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (err) {
    if (first) throw new XmlSyntaxError(first.line, first.reason);
    const locator = err instanceof ParseError ? (err.locator as { lineNumber?: number } | undefined) : undefined;
    throw new XmlSyntaxError(locator?.lineNumber || undefined, (err as Error).message.split('\n')[0]);
  }
  if (!root) throw new XmlSyntaxError(undefined, 'no root element');

  // Comments, CDATA sections and processing instructions may hold & and < freely: blank them out,
  // keeping the line breaks so lines still count right.
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) => m.replace(/[^\n]/g, ' '));
  const bareAmp = /&(?![A-Za-z_:][\w.:-]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)/.exec(blanked);
  if (bareAmp) throw new XmlSyntaxError(lineAt(text, bareAmp.index), "'&' must be written &amp; (it starts an entity reference)");
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(text);
  if (control) throw new XmlSyntaxError(lineAt(text, control.index), `character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`);
  return root;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n: XmlNode | null = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}

function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of childElements(e)) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function child(el: XmlElement | undefined, localName: string, ns: string = NS.office): XmlElement | undefined {
  return el ? childElements(el).find((c) => c.localName === localName && c.namespaceURI === ns) : undefined;
}

function text(el: XmlElement | undefined): string {
  return (el?.textContent ?? '').trim();
}

function attr(el: XmlElement, name: string): string | undefined {
  return el.hasAttribute(name) ? el.getAttribute(name) ?? undefined : undefined;
}

function xsiType(el: XmlElement): string | undefined {
  return el.hasAttributeNS(NS.xsi, 'type') ? el.getAttributeNS(NS.xsi, 'type') ?? undefined : undefined;
}

const at = (el: XmlElement, message: string): Finding => ({ line: el.lineNumber, message });
const tag = (el: XmlElement): string => `<${el.tagName}>`;

// ---------------------------------------------------------------------------------------------
// The checks, each on the parsed manifest

function checkRoot(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  if (root.localName !== 'OfficeApp') findings.push(at(root, `the root element is ${tag(root)}, not <OfficeApp>`));
  if (root.namespaceURI !== NS.office) findings.push(at(root, `<OfficeApp> must be in the namespace ${NS.office} (it is in ${root.namespaceURI ?? 'no namespace'})`));
  const type = xsiType(root);
  if (type !== 'TaskPaneApp') findings.push(at(root, `<OfficeApp> xsi:type must be "TaskPaneApp" (it is ${type === undefined ? 'missing' : `"${type}"`})`));
  return findings;
}

/** Checks one element's children against a sequence; unknown children are reported only when `strict`. */
function checkSequence(parent: XmlElement, order: readonly string[], strict: boolean): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, XmlElement>();
  let latest: { index: number; el: XmlElement } | undefined;
  for (const el of childElements(parent)) {
    const index = order.indexOf(el.localName ?? '');
    if (index < 0) {
      if (strict) findings.push(at(el, `${tag(el)} is not a valid child of <${parent.localName}> (expected one of ${order.join(', ')})`));
      continue;
    }
    const before = seen.get(el.localName!);
    if (before && strict) findings.push(at(el, `${tag(el)} appears twice in <${parent.localName}> (first at line ${before.lineNumber})`));
    seen.set(el.localName!, el);
    if (latest && index < latest.index) {
      findings.push(at(el, `${tag(el)} is out of order: it must come before ${tag(latest.el)} (line ${latest.el.lineNumber}); the order is ${order.join(', ')}`));
    } else {
      latest = { index, el };
    }
  }
  return findings;
}

function checkOrder(root: XmlElement): Finding[] {
  const findings = checkSequence(root, OFFICE_APP_ORDER, true);
  for (const el of childElements(root)) {
    const expected = el.localName === 'VersionOverrides' ? NS.overrides : NS.office;
    if (OFFICE_APP_ORDER.includes(el.localName as (typeof OFFICE_APP_ORDER)[number]) && el.namespaceURI !== expected) {
      findings.push(at(el, `${tag(el)} must be in the namespace ${expected} (it is in ${el.namespaceURI ?? 'no namespace'})`));
    }
  }
  for (const el of descendants(root)) {
    const order = NESTED_ORDER[el.localName ?? ''];
    // A VersionOverrides of a later schema (V1_1, nested in the V1_0 one) has a sequence of its own.
    const laterOverrides = el.localName === 'VersionOverrides' && xsiType(el) !== 'VersionOverridesV1_0';
    if (order && !laterOverrides) findings.push(...checkSequence(el, order, false));
  }
  return findings;
}

function checkRequired(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  for (const name of REQUIRED_TEXT) {
    const el = child(root, name);
    if (!el) findings.push(at(root, `<${name}> is missing`));
    else if (!text(el)) findings.push(at(el, `<${name}> is empty`));
  }
  for (const name of REQUIRED_WITH_DEFAULT_VALUE) {
    const el = child(root, name);
    if (!el) findings.push(at(root, `<${name}> is missing`));
    else if (!attr(el, 'DefaultValue')) findings.push(at(el, `<${name}> has no DefaultValue`));
  }
  const settings = child(root, 'DefaultSettings');
  const source = child(settings, 'SourceLocation');
  if (!settings) findings.push(at(root, '<DefaultSettings> is missing'));
  else if (!source) findings.push(at(settings, '<DefaultSettings> has no <SourceLocation> (the task pane page)'));
  else if (!attr(source, 'DefaultValue')) findings.push(at(source, '<SourceLocation> has no DefaultValue'));
  // Optional in the schema, but this add-in has them (AppSource asks for the icons and support page).
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(root, name);
    if (!el) findings.push(at(root, `<${name}> is missing`));
    else if (!attr(el, 'DefaultValue')) findings.push(at(el, `<${name}> has no DefaultValue`));
  }
  return findings;
}

function checkValues(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  const formats: [string, RegExp, string][] = [
    ['Id', /^(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$|^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/, 'a GUID'],
    ['Version', /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/, 'up to four numbers separated by dots, like 1.0.0.0'],
    ['DefaultLocale', /^[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?$|^[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?$/, 'a culture name, like en-GB'],
  ];
  for (const [name, pattern, what] of formats) {
    const el = child(root, name);
    if (el && text(el) && !pattern.test(text(el))) findings.push(at(el, `<${name}> "${text(el)}" is not ${what}`));
  }
  const limits: [string, number][] = [['ProviderName', 125], ['DisplayName', 125], ['Description', 250]];
  for (const [name, max] of limits) {
    const el = child(root, name);
    const value = el ? (name === 'ProviderName' ? text(el) : attr(el, 'DefaultValue') ?? '') : '';
    if (el && value.length > max) findings.push(at(el, `<${name}> is ${value.length} characters long; the schema allows ${max}`));
  }
  for (const { kind, el } of resources(root).byId.values()) {
    const max = STRING_LIMIT[kind];
    const value = attr(el, 'DefaultValue') ?? '';
    if (max !== undefined && value.length > max) findings.push(at(el, `${tag(el)} "${attr(el, 'id')}" is ${value.length} characters long; the schema allows ${max}`));
  }
  // Resource ids and the resids that name them are at most 32 characters (ReferenceId).
  for (const el of descendants(root)) {
    const value = attr(el, 'resid') ?? (el.namespaceURI === NS.bt ? attr(el, 'id') : undefined);
    if (value !== undefined && value.length > 32) findings.push(at(el, `${tag(el)} "${value}" is ${value.length} characters long; a resource id may have 32`));
  }
  return findings;
}

function checkAgainstAddinJson(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  const hosts = child(root, 'Hosts');
  const names = hosts ? childElements(hosts).map((h) => attr(h, 'Name') ?? '') : [];
  if (!hosts) findings.push(at(root, `<Hosts> is missing: it must list ${addin.hosts.join(', ')} (scripts/addin.json)`));
  else if (names.join() !== addin.hosts.join()) findings.push(at(hosts, `<Hosts> lists ${names.join(', ') || 'nothing'}; scripts/addin.json says ${addin.hosts.join(', ')}`));

  const requirements = child(root, 'Requirements');
  const sets = child(requirements, 'Sets');
  const declared = sets ? childElements(sets).filter((s) => s.localName === 'Set') : [];
  const defaultMin = (sets && attr(sets, 'DefaultMinVersion')) ?? '1.1';
  for (const wanted of addin.requirementSets) {
    const set = declared.find((s) => attr(s, 'Name') === wanted.name);
    const min = set ? attr(set, 'MinVersion') ?? defaultMin : undefined;
    if (!set) findings.push(at(sets ?? requirements ?? root, `<Requirements> does not ask for ${wanted.name} ${wanted.minVersion} (scripts/addin.json: ${wanted.why})`));
    else if (min !== wanted.minVersion) findings.push(at(set, `${wanted.name} MinVersion is ${min}; scripts/addin.json says ${wanted.minVersion} (${wanted.why})`));
  }
  for (const set of declared) {
    if (!addin.requirementSets.some((w) => w.name === attr(set, 'Name'))) findings.push(at(set, `requirement set ${attr(set, 'Name')} is not in scripts/addin.json`));
  }
  return findings;
}

function checkPermissions(root: XmlElement): Finding[] {
  const el = child(root, 'Permissions');
  if (!el) return [at(root, `<Permissions> is missing: it must be ${addin.permissions}`)];
  return text(el) === addin.permissions ? [] : [at(el, `<Permissions> is "${text(el)}"; it must be ${addin.permissions} (least privilege for reading the cost table and writing sheets)`)];
}

/**
 * A URL in the manifest: `fetched` when Office loads it (an icon, a page), `image` when it is an icon.
 * Found by element (the URL-valued settings and resources) and by look (any other `scheme://`).
 */
interface UrlUse { el: XmlElement; where: string; value: string; fetched: boolean; image: boolean }

function urlUses(root: XmlElement): UrlUse[] {
  const uses: UrlUse[] = [];
  for (const el of [root, ...descendants(root)]) {
    const name = el.localName ?? '';
    const parentName = (el.parentNode as XmlElement | null)?.localName ?? '';
    const isBt = el.namespaceURI === NS.bt;
    const urlValued = (!isBt && URL_ELEMENTS.has(name)) || (!isBt && name === 'Override' && URL_ELEMENTS.has(parentName))
      || (isBt && (name === 'Image' || name === 'Url') && !el.hasAttribute('resid'))
      || (isBt && name === 'Override' && (parentName === 'Image' || parentName === 'Url'));
    const image = (isBt && name === 'Image') || (isBt && name === 'Override' && parentName === 'Image') || name === 'IconUrl' || name === 'HighResolutionIconUrl'
      || (name === 'Override' && (parentName === 'IconUrl' || parentName === 'HighResolutionIconUrl'));
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      if (a.namespaceURI === NS.xmlns || a.namespaceURI === NS.xsi || a.name === 'xmlns') continue;
      const isUrlAttr = urlValued && (a.name === 'DefaultValue' || a.name === 'Value');
      const looksLikeUrl = /^\s*([a-z][a-z0-9+.-]*:)?\/\//i.test(a.value);
      if (isUrlAttr || looksLikeUrl || (name === 'ExtendedOverrides' && (a.name === 'Url' || a.name === 'ResourceUrl'))) {
        uses.push({ el, where: `${tag(el)} ${a.name}`, value: a.value.trim(), fetched: isUrlAttr, image: isUrlAttr && image });
      }
    }
    if (name === 'AppDomain' || (childElements(el).length === 0 && /^\s*([a-z][a-z0-9+.-]*:)?\/\//i.test(el.textContent ?? ''))) {
      uses.push({ el, where: tag(el), value: text(el), fetched: false, image: false });
    }
  }
  return uses;
}

function checkHttps(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  for (const use of urlUses(root)) {
    let url: URL | undefined;
    try {
      url = new URL(use.value);
    } catch {
      url = undefined;
    }
    if (!url) findings.push(at(use.el, `${use.where} "${use.value}" is not an absolute https:// URL`));
    else if (url.protocol !== 'https:') findings.push(at(use.el, `${use.where} "${use.value}" is not HTTPS: Office loads add-ins only over https://`));
  }
  return findings;
}

interface ResourceTable { byId: Map<string, { kind: ResourceKind; el: XmlElement }>; findings: Finding[] }

function resources(root: XmlElement): ResourceTable {
  const byId = new Map<string, { kind: ResourceKind; el: XmlElement }>();
  const findings: Finding[] = [];
  for (const overrides of childElements(root).filter((e) => e.localName === 'VersionOverrides')) {
    const res = child(overrides, 'Resources', NS.overrides);
    for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const) {
      const collection = child(res, kind, NS.bt);
      for (const el of collection ? childElements(collection).filter((e) => e.namespaceURI === NS.bt) : []) {
        const id = attr(el, 'id');
        if (!id) {
          findings.push(at(el, `${tag(el)} in <bt:${kind}> has no id`));
          continue;
        }
        const before = byId.get(id);
        if (before) findings.push(at(el, `resource id "${id}" is defined twice (first at line ${before.el.lineNumber})`));
        else byId.set(id, { kind, el });
      }
    }
  }
  return { byId, findings };
}

function checkResids(root: XmlElement): Finding[] {
  const { byId, findings } = resources(root);
  for (const el of descendants(root)) {
    const resid = attr(el, 'resid');
    if (resid === undefined) continue;
    const defined = byId.get(resid);
    const wanted = RESID_KIND[el.localName ?? ''];
    if (!defined) findings.push(at(el, `resid "${resid}" on ${tag(el)} is not defined in <Resources>${wanted ? ` (expected in <bt:${wanted}>)` : ''}`));
    else if (wanted && defined.kind !== wanted) findings.push(at(el, `resid "${resid}" on ${tag(el)} names a <bt:${defined.kind}> resource (line ${defined.el.lineNumber}); it must be in <bt:${wanted}>`));
  }
  return findings;
}

/** The URL the add-in's pages live under: the folder of DefaultSettings/SourceLocation. */
function baseUrl(root: XmlElement): URL | undefined {
  const value = attr(child(child(root, 'DefaultSettings'), 'SourceLocation') ?? root, 'DefaultValue');
  try {
    return value ? new URL('./', value) : undefined;
  } catch {
    return undefined;
  }
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(24);
    if (fs.readSync(fd, head, 0, 24, 0) < 24) return undefined;
    if (head.readUInt32BE(0) !== 0x89504e47 || head.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    fs.closeSync(fd);
  }
}

function checkFiles(root: XmlElement, distDir: string): { files: Finding[]; sizes: Finding[]; notRun?: string } {
  const base = baseUrl(root);
  if (!base) return { files: [], sizes: [], notRun: 'no usable <DefaultSettings><SourceLocation> URL to map the others from' };
  const files: Finding[] = [];
  const sizes: Finding[] = [];
  const dist = path.resolve(distDir);
  const { byId } = resources(root);
  for (const use of urlUses(root).filter((u) => u.fetched)) {
    let url: URL;
    try {
      url = new URL(use.value);
    } catch {
      continue; // reported by the HTTPS check
    }
    // An http:// URL is the HTTPS check's to report; here it still names a file of the build.
    if (url.host !== base.host || !['https:', 'http:'].includes(url.protocol) || !url.pathname.startsWith(base.pathname)) {
      files.push(at(use.el, `${use.where} ${use.value} is not under the add-in's base URL ${base.href} (the folder of the task pane page), so it is not in the build`));
      continue;
    }
    const relative = decodeURIComponent(url.pathname.slice(base.pathname.length));
    const file = path.resolve(dist, relative);
    if (!relative || relative.endsWith('/') || !file.startsWith(dist + path.sep)) {
      files.push(at(use.el, `${use.where} ${use.value} does not name a file`));
    } else if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      files.push(at(use.el, `${use.where} ${use.value}: ${path.join(distDir, relative)} does not exist in the build`));
    } else if (use.image) {
      const expected = expectedIconSize(use.el, byId);
      const size = file.toLowerCase().endsWith('.png') ? pngSize(file) : undefined;
      if (expected && size && (size.width !== expected || size.height !== expected)) {
        sizes.push(at(use.el, `${use.where} ${relative} is ${size.width}x${size.height}; Office asks for ${expected}x${expected} here`));
      }
    }
  }
  // Each ribbon icon list needs the sizes 16, 32 and 80 (OfficeAppBasicTypesV1_0.xsd: mandatory).
  for (const icon of descendants(root).filter((e) => e.localName === 'Icon' && e.namespaceURI === NS.overrides)) {
    const declared = childElements(icon).map((i) => Number(attr(i, 'size')));
    const missing = [16, 32, 80].filter((s) => !declared.includes(s));
    if (missing.length) sizes.push(at(icon, `<Icon> has no image of size ${missing.join(', ')} (Office asks for 16, 32 and 80)`));
  }
  return { files, sizes };
}

/** The size an icon should be: IconUrl 32, HighResolutionIconUrl 64, a ribbon image its `size`. */
function expectedIconSize(el: XmlElement, byId: ResourceTable['byId']): number | undefined {
  const owner = el.localName === 'Override' ? (el.parentNode as XmlElement) : el;
  if (owner.localName === 'IconUrl') return 32;
  if (owner.localName === 'HighResolutionIconUrl') return 64;
  if (owner.localName === 'Image' && owner.namespaceURI === NS.bt) {
    const id = attr(owner, 'id');
    if (!id || byId.get(id)?.el !== owner) return undefined;
    // The size comes from where the image is used; every use must agree.
    const root = owner.ownerDocument!.documentElement!;
    const usedAt = descendants(root).filter((e) => e.localName === 'Image' && attr(e, 'resid') === id).map((e) => Number(attr(e, 'size')));
    const distinct = [...new Set(usedAt)];
    return distinct.length === 1 ? distinct[0] : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The whole report

export function validateManifest(xml: string, options: ValidateOptions): ManifestReport {
  const report = (checks: CheckResult[]): ManifestReport => ({
    manifest: options.manifestPath ?? '(manifest)',
    distDir: options.distDir,
    checks,
    ok: checks.every((c) => c.findings.length === 0 && !c.notRun),
  });
  let root: XmlElement;
  try {
    root = parseXml(xml.replace(/^\uFEFF/, ''));
  } catch (err) {
    if (!(err instanceof XmlSyntaxError)) throw err;
    return report([
      { name: 'well-formed XML', findings: [{ line: err.line, message: err.reason }] },
      { name: 'the other checks', findings: [], notRun: 'the XML is not well-formed' },
    ]);
  }
  const rootFindings = checkRoot(root);
  const checks: CheckResult[] = [
    { name: 'well-formed XML', findings: [] },
    { name: 'a task pane add-in (OfficeApp, TaskPaneApp, Office Add-ins 1.1 schema)', findings: rootFindings },
  ];
  if (rootFindings.length) {
    checks.push({ name: 'the other checks', findings: [], notRun: 'this is not a task pane add-in manifest' });
    return report(checks);
  }
  const files = checkFiles(root, options.distDir);
  checks.push(
    { name: "elements in the schema's order", findings: checkOrder(root) },
    { name: 'required elements present', findings: checkRequired(root) },
    { name: "values in the schema's formats and lengths", findings: checkValues(root) },
    { name: `Permissions is ${addin.permissions}`, findings: checkPermissions(root) },
    { name: `hosts and requirement sets as scripts/addin.json (${addin.hosts.join(', ')}; ${addin.requirementSets.map((s) => `${s.name} ${s.minVersion}`).join(', ')})`, findings: checkAgainstAddinJson(root) },
    { name: 'every URL is HTTPS', findings: checkHttps(root) },
    { name: 'every resid is defined', findings: checkResids(root) },
    { name: `every icon and page is in the build (${options.distDir})`, findings: files.files, notRun: files.notRun },
    { name: 'icons at the sizes Office asks for', findings: files.sizes, notRun: files.notRun },
  );
  return report(checks);
}

export function formatReport(report: ManifestReport): string {
  const lines = [`Manifest ${report.manifest}, checked against ${report.distDir}`];
  for (const check of report.checks) {
    const status = check.notRun ? 'skip' : check.findings.length ? 'FAIL' : 'ok';
    lines.push(`  ${status.padEnd(4)}  ${check.name}${check.notRun ? `: not run, ${check.notRun}` : ''}`);
    for (const f of check.findings) lines.push(`          ${f.line ? `${report.manifest}:${f.line}: ` : ''}${f.message}`);
  }
  const failed = report.checks.filter((c) => c.findings.length).length;
  const notRun = report.checks.filter((c) => c.notRun).length;
  const problems = report.checks.reduce((n, c) => n + c.findings.length, 0);
  lines.push(report.ok ? 'The manifest passes every check.'
    : `${failed} check${failed === 1 ? '' : 's'} failed (${problems} problem${problems === 1 ? '' : 's'})${notRun ? `; ${notRun} could not run` : ''}.`);
  return lines.join('\n');
}

const USAGE = 'usage: npm run validate [-- MANIFEST.xml] [--dist DIR]   (defaults: dist/manifest.xml, dist/)';

/** The command: returns the exit code. */
export function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  const projectRoot = path.resolve(__dirname, '..');
  let manifest: string | undefined;
  let distDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dist') {
      distDir = argv[++i];
      if (!distDir) return usage(err, '--dist needs a folder');
    } else if (arg === '-h' || arg === '--help') {
      out(USAGE);
      return 0;
    } else if (arg.startsWith('-') || manifest) {
      return usage(err, `unexpected argument ${arg}`);
    } else {
      manifest = arg;
    }
  }
  const dist = distDir ?? (path.relative(process.cwd(), path.join(projectRoot, 'dist')) || '.');
  const file = manifest ?? path.join(dist, 'manifest.xml');
  if (!fs.existsSync(file)) {
    err(`${file} not found${manifest ? '' : ': build first with `npm run build` (or pass a manifest: npm run validate -- manifest.xml)'}`);
    return 2;
  }
  if (!fs.existsSync(dist) || !fs.statSync(dist).isDirectory()) {
    err(`${dist} is not a folder: build first with \`npm run build\`, or name the build with --dist DIR`);
    return 2;
  }
  const report = validateManifest(fs.readFileSync(file, 'utf8'), { distDir: dist, manifestPath: file });
  out(formatReport(report));
  return report.ok ? 0 : 1;
}

function usage(err: (line: string) => void, message: string): number {
  err(`${message}\n${USAGE}`);
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
