// The corpus is what it claims: every feature it lists for a workbook is in the file, each file is
// of its kind, the producers are several, and the cost table reads as the seed's in every one.
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import path from 'path';
import { SEED_VALUES } from '../support/analyses';
import { CSV_CREDIT, CorpusWorkbook, FEATURES, Feature, buildCorpus, money, removeCorpus } from './corpus';

jest.setTimeout(180_000); // the build runs python twice and starts soffice once: a few seconds here

let corpus: readonly CorpusWorkbook[];

beforeAll(async () => {
  corpus = await buildCorpus();
});

afterAll(removeCorpus);

const zipKinds = new Set(['xlsx', 'xlsm']);
const zipped = (): readonly CorpusWorkbook[] => corpus.filter((b) => zipKinds.has(b.kind));

async function text(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part}`);
  return file.async('string');
}

async function sheetXmls(zip: JSZip): Promise<string[]> {
  const parts = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
  return Promise.all(parts.map((p) => text(zip, p)));
}

const hasPart = (zip: JSZip, pattern: RegExp): boolean => Object.keys(zip.files).some((p) => pattern.test(p));

interface Name { readonly attributes: string; readonly formula: string }

function definedNames(workbookXml: string): Name[] {
  return [...workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)]
    .map((m) => ({ attributes: m[1], formula: m[2] }));
}

/** Whether the feature is really in the package, by its parts and markup. */
async function hasFeature(zip: JSZip, feature: Feature): Promise<boolean> {
  const workbook = await text(zip, 'xl/workbook.xml');
  switch (feature) {
    case 'chart': return hasPart(zip, /^xl\/charts\/chart\d*\.xml$/);
    case 'pivot table': return hasPart(zip, /^xl\/pivotTables\/pivotTable\d*\.xml$/) && hasPart(zip, /^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/);
    case 'Excel table': return hasPart(zip, /^xl\/tables\/table\d*\.xml$/);
    case 'comments': return hasPart(zip, /^xl\/comments(\/comment\d+|\d+)\.xml$/);
    case 'conditional format': return (await sheetXmls(zip)).some((x) => x.includes('<conditionalFormatting'));
    case 'image': return hasPart(zip, /^xl\/media\/.+/);
    case 'hidden sheet': return /<sheet\b[^>]*\bstate="hidden"/.test(workbook);
    case 'defined names': return definedNames(workbook).length > 0;
    case 'external link': return hasPart(zip, /^xl\/externalLinks\/externalLink\d*\.xml$/);
    case 'macros': {
      const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
      const types = await text(zip, '[Content_Types].xml');
      return zip.file('xl/vbaProject.bin') !== null
        && rels.includes('http://schemas.microsoft.com/office/2006/relationships/vbaProject')
        && types.includes('application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        && /<Default [^>]*Extension="bin"[^>]*ContentType="application\/vnd\.ms-office\.vbaProject"/.test(types);
    }
    case 'data validation': return (await sheetXmls(zip)).some((x) => x.includes('<dataValidation'));
    case 'protected sheet': return (await sheetXmls(zip)).some((x) => x.includes('<sheetProtection'));
    case 'constant name': return definedNames(workbook).some((n) => !n.formula.includes('!') && /^(-?[\d.]+|".*"|TRUE|FALSE|\{.*\})$/.test(n.formula));
    case 'sheet-scoped name': return definedNames(workbook).some((n) => /\blocalSheetId="\d+"/.test(n.attributes));
  }
}

test('the corpus lists about a dozen workbooks, each a file of its own name and kind', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(12);
  const names = corpus.map((b) => b.name);
  expect(new Set(names).size).toBe(names.length);
  for (const book of corpus) {
    expect(path.isAbsolute(book.file)).toBe(true);
    expect(path.basename(book.file)).toBe(`${book.name}.${book.kind}`);
    expect(book.sheets).toContain(book.costSheet);
  }
  expect(new Set(corpus.map((b) => path.dirname(b.file))).size).toBe(1);
});

test('it is built once a process', async () => {
  expect(await buildCorpus()).toBe(corpus);
});

test('at least four programs made it, and every feature is in at least one workbook', () => {
  expect(new Set(corpus.map((b) => b.producer)).size).toBeGreaterThanOrEqual(4);
  for (const producer of ['exceljs', 'openpyxl', 'LibreOffice', 'SheetJS', 'hand-made'] as const) {
    expect(corpus.some((b) => b.producer === producer)).toBe(true);
  }
  expect(FEATURES.filter((feature) => !corpus.some((b) => b.features.includes(feature)))).toEqual([]);
  for (const kind of ['xlsx', 'xlsm', 'xls', 'ods', 'csv'] as const) {
    expect(corpus.some((b) => b.kind === kind)).toBe(true);
  }
});

test('every feature a workbook lists is in its package', async () => {
  const missing: string[] = [];
  for (const book of zipped()) {
    const zip = await JSZip.loadAsync(readFileSync(book.file));
    for (const feature of book.features) {
      if (!(await hasFeature(zip, feature))) missing.push(`${book.name}: ${feature}`);
    }
  }
  expect(missing).toEqual([]);
});

test('the plain workbook has none of the features, so the checks can tell', async () => {
  const plain = corpus.find((b) => b.name === 'exceljs-plain');
  expect(plain?.features).toEqual([]);
  const zip = await JSZip.loadAsync(readFileSync(plain!.file));
  const found: Feature[] = [];
  for (const feature of FEATURES) if (await hasFeature(zip, feature)) found.push(feature);
  expect(found).toEqual([]);
});

test('the pivot table and its cache are in the LibreOffice pivot workbook', async () => {
  const pivot = corpus.find((b) => b.features.includes('pivot table'));
  const zip = await JSZip.loadAsync(readFileSync(pivot!.file));
  expect(Object.keys(zip.files).filter((p) => /^xl\/pivot(Tables|Cache)\/[^/]+\.xml$/.test(p)).sort())
    .toEqual(['xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/pivotTables/pivotTable1.xml']);
});

test('the external link names another workbook of the corpus', async () => {
  const linked = corpus.find((b) => b.features.includes('external link'));
  const zip = await JSZip.loadAsync(readFileSync(linked!.file));
  const rels = await text(zip, 'xl/externalLinks/_rels/externalLink1.xml.rels');
  const target = /Target="([^"]+)"/.exec(rels)?.[1];
  expect(target).toBeDefined();
  expect(corpus.map((b) => path.basename(b.file))).toContain(path.basename(decodeURIComponent(target!)));
});

test('each .xls is a compound file and each .ods an OpenDocument spreadsheet', async () => {
  for (const book of corpus.filter((b) => b.kind === 'xls')) {
    expect(readFileSync(book.file).subarray(0, 8)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  }
  for (const book of corpus.filter((b) => b.kind === 'ods')) {
    const zip = await JSZip.loadAsync(readFileSync(book.file));
    expect(await text(zip, 'mimetype')).toBe('application/vnd.oasis.opendocument.spreadsheet');
  }
});

test('each workbook holds the seed table on its cost sheet from A1 down, in its order of sheets', () => {
  const seed = SEED_VALUES.map((row) => row.map((v) => v ?? null));
  const notFirst: string[] = [];
  for (const book of corpus.filter((b) => b.kind !== 'csv')) {
    const workbook = readQuietly(book.file);
    expect({ book: book.name, sheets: workbook.SheetNames }).toEqual({ book: book.name, sheets: book.sheets });
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(workbook.Sheets[book.costSheet], {
      header: 1, range: 'A1:B10', defval: null, raw: true, blankrows: true,
    });
    expect({ book: book.name, rows }).toEqual({ book: book.name, rows: seed });
    expect({ book: book.name, items: rows.slice(3, 9) }).toEqual({ book: book.name, items: SEED_VALUES.slice(3, 9) });
    if (workbook.SheetNames[0] !== book.costSheet) notFirst.push(book.name);
  }
  expect(notFirst.length).toBeGreaterThanOrEqual(3);
});

test('each csv is UTF-8 text whose items are the seed\'s and whose total is their sum', () => {
  const csvs = corpus.filter((b) => b.kind === 'csv');
  expect(csvs.map((b) => b.name).sort()).toEqual(['costs', 'costs-semicolon']);
  const seedItems = SEED_VALUES.slice(3, 9).map(([label, amount]) => [label, money(Number(amount))]);
  for (const book of csvs) {
    const bytes = readFileSync(book.file);
    const decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(book.costSheet).toBe(path.basename(book.file, '.csv'));
    const semicolon = book.name === 'costs-semicolon';
    expect(decoded.startsWith('\uFEFF')).toBe(!semicolon);
    const lines = decoded.replace(/^\uFEFF/, '').split(semicolon ? '\n' : '\r\n').filter((l) => l !== '');
    const rows = lines.map((line) => semicolon ? line.split(';') : splitCsv(line));
    expect(rows[0][0]).toBe(SEED_VALUES[0][0]);
    expect(rows[2]).toEqual(['', '£']);
    const items = rows.slice(3, -1);
    const expected = semicolon ? [...seedItems, [CSV_CREDIT.label, '(1,234.56)']] : seedItems;
    expect(items).toEqual(expected);
    const pence = (t: string): number => {
      const credit = /^\((.*)\)$/.exec(t);
      const n = Math.round(Number((credit ? credit[1] : t).replace(/[£,]/g, '')) * 100);
      return credit ? -n : n;
    };
    const [totalLabel, total] = rows[rows.length - 1];
    expect(totalLabel).toBe('Total (Exc VAT)');
    expect(pence(total)).toBe(items.reduce((sum, [, amount]) => sum + pence(amount), 0));
  }
});

/** SheetJS reads the file; its console warnings about .ods number formats it only
 * approximates (the conditional formats' styles) are not ours to print. */
function readQuietly(file: string): XLSX.WorkBook {
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return XLSX.read(readFileSync(file), { type: 'buffer' });
  } finally {
    quiet.mockRestore();
  }
}

/** One line of comma-separated fields, some in double quotes. */
function splitCsv(line: string): string[] {
  const fields: string[] = [];
  const re = /(?:"((?:[^"]|"")*)"|([^,]*))(,|$)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
    if (m[3] === '') break;
  }
  return fields;
}
