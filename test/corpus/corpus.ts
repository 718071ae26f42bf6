// A corpus of workbooks written by several programs (exceljs, openpyxl, LibreOffice, SheetJS, and
// one finished by hand with jszip), each holding the seed's cost table on a sheet named Costs from
// A1 down, with the parts councils' workbooks have (charts, pivot tables, tables, comments,
// names, macros...) on other sheets. Nothing binary is kept in the repository: the corpus is built
// by code, once a process, into a temporary folder.
//
//   const corpus = await buildCorpus();
//   for (const book of corpus) ... book.file, book.features, book.costSheet
//
// openpyxl and LibreOffice run under the Debian python (/usr/bin/python3, or $VFM_PYTHON), the
// one with `openpyxl` and `uno`; LibreOffice does all its work in one headless soffice session.
import { spawn } from 'child_process';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { deflateSync } from 'zlib';
import { SEED_VALUES } from '../support/analyses';

export type Feature =
  | 'chart' | 'pivot table' | 'Excel table' | 'comments' | 'conditional format' | 'image'
  | 'hidden sheet' | 'defined names' | 'external link' | 'macros' | 'data validation'
  | 'protected sheet' | 'constant name' | 'sheet-scoped name';

export const FEATURES: readonly Feature[] = [
  'chart', 'pivot table', 'Excel table', 'comments', 'conditional format', 'image',
  'hidden sheet', 'defined names', 'external link', 'macros', 'data validation',
  'protected sheet', 'constant name', 'sheet-scoped name',
];

export type Producer = 'exceljs' | 'openpyxl' | 'LibreOffice' | 'SheetJS' | 'hand-made';
export type Kind = 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'csv';

export interface CorpusWorkbook {
  /** Short id, e.g. 'openpyxl-chart'; the file's base name. */
  readonly name: string;
  /** Absolute path of the built file. */
  readonly file: string;
  readonly producer: Producer;
  readonly kind: Kind;
  readonly features: readonly Feature[];
  /** The sheet holding the cost table (for csv: the sheet name the file's base name gives). */
  readonly costSheet: string;
  /** The sheets in the file's order (for csv: the one the base name gives). */
  readonly sheets: readonly string[];
}

/** A ledger of payments, the data the charts, tables and pivot tables are made over. */
export const LEDGER_ROWS: readonly (readonly [string, string, string, number | string])[] = [
  ['Date', 'Supplier', 'Service', 'Amount'],
  ['2011-04-30', 'Staffs Connects', 'Core Team', 4450],
  ['2011-05-31', 'Staffs Connects', 'CRM', 11662.16],
  ['2011-06-30', 'Payments Ltd', 'Epayments', 2373.96],
  ['2011-07-31', 'Payments Ltd', 'New Epayments', 11065.62],
  ['2011-08-31', 'Insight plc', 'Customer Insight', 1370.81],
  ['2011-09-30', 'Staffs Connects', 'Core Team', 4450],
  ['2011-10-31', 'Mail Co', 'Shared Email Directory', 211.25],
  ['2011-11-30', 'Staffs Connects', 'CRM', 11662.16],
];

/** The credit line costs-semicolon.csv adds to the seed's items, written `(1,234.56)`. */
export const CSV_CREDIT = { label: 'Refund of 2010/11 overpayment', amount: -1234.56 } as const;

const PYTHON = process.env.VFM_PYTHON ?? '/usr/bin/python3';
const HERE = __dirname;
const PYTHON_TIMEOUT_MS = 170_000;

/** What each file is; buildCorpus writes them all and checks each was written. */
const CATALOGUE: readonly Omit<CorpusWorkbook, 'file'>[] = [
  { name: 'exceljs-plain', producer: 'exceljs', kind: 'xlsx', features: [], costSheet: 'Costs', sheets: ['Costs'] },
  {
    name: 'exceljs-annotated', producer: 'exceljs', kind: 'xlsx',
    features: ['comments', 'conditional format', 'data validation', 'image'],
    costSheet: 'Costs', sheets: ['Notes', 'Costs', 'Ledger'],
  },
  {
    name: 'exceljs-protected', producer: 'exceljs', kind: 'xlsx',
    features: ['hidden sheet', 'defined names', 'protected sheet'],
    costSheet: 'Costs', sheets: ['Ledger', 'Costs', 'Lists'],
  },
  {
    name: 'openpyxl-chart', producer: 'openpyxl', kind: 'xlsx',
    features: ['chart', 'Excel table', 'comments'],
    costSheet: 'Costs', sheets: ['Ledger', 'Costs'],
  },
  {
    name: 'openpyxl-names', producer: 'openpyxl', kind: 'xlsx',
    features: ['conditional format', 'data validation', 'hidden sheet', 'defined names', 'constant name', 'sheet-scoped name'],
    costSheet: 'Costs', sheets: ['Costs', 'Checks', 'Rates'],
  },
  {
    name: 'libreoffice-resaved', producer: 'LibreOffice', kind: 'xlsx',
    features: ['chart', 'Excel table', 'comments'],
    costSheet: 'Costs', sheets: ['Ledger', 'Costs'],
  },
  {
    name: 'libreoffice-pivot', producer: 'LibreOffice', kind: 'xlsx',
    features: ['pivot table'], costSheet: 'Costs', sheets: ['Ledger', 'Pivot', 'Costs'],
  },
  {
    name: 'libreoffice-chart', producer: 'LibreOffice', kind: 'xlsx',
    features: ['chart'], costSheet: 'Costs', sheets: ['Costs', 'Ledger'],
  },
  {
    name: 'libreoffice-external', producer: 'LibreOffice', kind: 'xlsx',
    features: ['external link'], costSheet: 'Costs', sheets: ['Costs', 'Links'],
  },
  {
    name: 'libreoffice-xls', producer: 'LibreOffice', kind: 'xls',
    features: [], costSheet: 'Costs', sheets: ['Costs', 'Checks', 'Rates'],
  },
  {
    name: 'libreoffice-ods', producer: 'LibreOffice', kind: 'ods',
    features: [], costSheet: 'Costs', sheets: ['Costs', 'Checks', 'Rates'],
  },
  {
    name: 'sheetjs', producer: 'SheetJS', kind: 'xlsx',
    features: ['hidden sheet', 'defined names'], costSheet: 'Costs', sheets: ['Summary', 'Costs', 'Lookups'],
  },
  { name: 'costs', producer: 'SheetJS', kind: 'csv', features: [], costSheet: 'costs', sheets: ['costs'] },
  {
    name: 'costs-semicolon', producer: 'SheetJS', kind: 'csv', features: [],
    costSheet: 'costs-semicolon', sheets: ['costs-semicolon'],
  },
  {
    name: 'hand-made-macros', producer: 'hand-made', kind: 'xlsm',
    features: ['macros', 'chart', 'Excel table', 'comments'],
    costSheet: 'Costs', sheets: ['Ledger', 'Costs'],
  },
];

let built: Promise<readonly CorpusWorkbook[]> | undefined;
let builtIn: string | undefined;

/** Builds the corpus once a process into a new folder under the system's temporary folder and
 * lists what it holds. The folder goes when the process exits, or at removeCorpus(). (Jest gives
 * each test file its own modules, so there it is built once a test file: call removeCorpus() in
 * afterAll, as jest's sandbox does not pass on the process's exit.) */
export function buildCorpus(): Promise<readonly CorpusWorkbook[]> {
  if (!built) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vfm-corpus-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    builtIn = dir;
    built = build(dir);
  }
  return built;
}

/** Removes the corpus's folder once its build has finished or failed; the next buildCorpus()
 * builds it again. */
export async function removeCorpus(): Promise<void> {
  const [pending, dir] = [built, builtIn];
  built = undefined;
  builtIn = undefined;
  if (pending) await pending.catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

async function build(dir: string): Promise<readonly CorpusWorkbook[]> {
  const rows = JSON.stringify({ seed: SEED_VALUES, ledger: LEDGER_ROWS });
  const at = (name: string): string => path.join(dir, name);

  const openpyxl = runPython('openpyxl_corpus.py', dir, rows);
  await Promise.all([
    exceljsPlain(at('exceljs-plain.xlsx')),
    exceljsAnnotated(at('exceljs-annotated.xlsx')),
    exceljsProtected(at('exceljs-protected.xlsx')),
    Promise.resolve().then(() => sheetjsBook(at('sheetjs.xlsx'))),
    Promise.resolve().then(() => writeCsvs(dir)),
    openpyxl,
  ]);
  // Both start from openpyxl's workbooks.
  await Promise.all([
    runPython('libreoffice_corpus.py', dir, rows),
    addMacros(at('openpyxl-chart.xlsx'), at('hand-made-macros.xlsm')),
  ]);

  return CATALOGUE.map((entry) => {
    const file = at(`${entry.name}.${entry.kind}`);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
      throw new Error(`the corpus build did not write ${file}`);
    }
    return { ...entry, file };
  });
}

// -- exceljs ------------------------------------------------------------------------------------

function seedSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Costs');
  SEED_VALUES.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
  }));
  return sheet;
}

function ledgerSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Ledger');
  LEDGER_ROWS.forEach((row, r) => row.forEach((value, c) => { sheet.getCell(r + 1, c + 1).value = value; }));
  return sheet;
}

async function exceljsPlain(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  seedSheet(workbook);
  await workbook.xlsx.writeFile(file);
}

async function exceljsAnnotated(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet('Notes');
  notes.getCell('A1').value = 'Prepared by Finance for the cabinet report';
  const logo = workbook.addImage({ base64: tinyPng().toString('base64'), extension: 'png' });
  notes.addImage(logo, 'B3:C5');
  seedSheet(workbook);
  const ledger = ledgerSheet(workbook);
  ledger.getCell('A1').note = 'Payments as posted to the ledger';
  ledger.getCell('D3').note = { texts: [{ text: 'CRM instalment, invoice 4471' }] };
  const last = LEDGER_ROWS.length;
  ledger.addConditionalFormatting({
    ref: `D2:D${last}`,
    rules: [{
      type: 'cellIs', operator: 'greaterThan', formulae: [10000], priority: 1,
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
    }],
  });
  ledger.getCell('E1').value = 'Checked';
  for (let r = 2; r <= last; r += 1) {
    ledger.getCell(r, 5).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No"'] };
  }
  await workbook.xlsx.writeFile(file);
}

async function exceljsProtected(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ledger = ledgerSheet(workbook);
  await ledger.protect('ledger', { selectLockedCells: true, selectUnlockedCells: true, spinCount: 1000 });
  seedSheet(workbook);
  const lists = workbook.addWorksheet('Lists', { state: 'hidden' });
  ['Core Team', 'CRM', 'Epayments'].forEach((service, r) => { lists.getCell(r + 1, 1).value = service; });
  workbook.definedNames.add('Costs!$B$4:$B$9', 'CostAmounts');
  workbook.definedNames.add('Lists!$A$1:$A$3', 'Services');
  await workbook.xlsx.writeFile(file);
}

/** A 2×2 red PNG, made here so that no binary file is kept. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.from([0, 0xcc, 0, 0, 0xcc, 0, 0]); // filter 0, two red pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat([row, row]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// -- SheetJS and csv ----------------------------------------------------------------------------

function sheetjsBook(file: string): void {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([
    ['Shared service exit: summary'],
    ['Source', 'Cabinet report, section 3'],
  ]), 'Summary');
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(SEED_VALUES), 'Costs');
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['Core Team'], ['CRM'], ['Epayments']]), 'Lookups');
  workbook.Workbook = {
    Sheets: [{ name: 'Summary' }, { name: 'Costs' }, { name: 'Lookups', Hidden: 1 }],
    Names: [{ Name: 'CostItems', Ref: 'Costs!$A$4:$B$9' }],
  };
  writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** `£17,800.00`, or `(1,234.56)` for a credit. */
export function money(amount: number, pound = true): string {
  const pence = Math.round(Math.abs(amount) * 100);
  const pounds = Math.floor(pence / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${pounds}.${String(pence % 100).padStart(2, '0')}`;
  return amount < 0 ? `(${text})` : `${pound ? '£' : ''}${text}`;
}

function csvField(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvText(rows: readonly (readonly string[])[], separator: string, eol: string): string {
  return rows.map((row) => row.map((v) => csvField(v, separator)).join(separator)).join(eol) + eol;
}

function seedItems(): [string, number][] {
  return SEED_VALUES.slice(3, 9).map(([label, amount]) => [String(label), Number(amount)]);
}

/** costs.csv: the seed as Excel saves "CSV UTF-8" (a BOM, commas, CRLF), amounts as £ text.
 * costs-semicolon.csv: semicolons and LF, no BOM, with a credit line, the total still the sum. */
function writeCsvs(dir: string): void {
  const [title] = SEED_VALUES[0];
  const head = [[String(title), ''], ['', ''], ['', '£']];
  const items = seedItems();
  const total = (list: [string, number][]): number => Math.round(list.reduce((s, [, a]) => s + a * 100, 0)) / 100;
  const plain = [...head, ...items.map(([l, a]) => [l, money(a)]), ['Total (Exc VAT)', money(total(items))]];
  writeFileSync(path.join(dir, 'costs.csv'), '\uFEFF' + csvText(plain, ',', '\r\n'), 'utf8');
  const withCredit: [string, number][] = [...items, [CSV_CREDIT.label, CSV_CREDIT.amount]];
  const semi = [...head, ...withCredit.map(([l, a]) => [l, money(a)]), ['Total (Exc VAT)', money(total(withCredit))]];
  writeFileSync(path.join(dir, 'costs-semicolon.csv'), csvText(semi, ';', '\n'), 'utf8');
}

// -- hand-made: a macro-enabled workbook --------------------------------------------------------

const VBA_REL = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
const VBA_TYPE = 'application/vnd.ms-office.vbaProject';
const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const MACRO_MAIN_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** A compound-file header and nothing else: enough to be a vbaProject.bin part. */
function vbaProjectBin(): Buffer {
  const bytes = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  return bytes;
}

async function addMacros(source: string, target: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  const types = await zip.file('[Content_Types].xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (types === undefined || rels === undefined) throw new Error(`${source} has no content types or workbook relationships`);
  if (!types.includes(MAIN_TYPE) || !rels.includes('</Relationships>')) {
    throw new Error(`${source}: no workbook content type or relationships to change`);
  }
  let newTypes = types.replace(MAIN_TYPE, MACRO_MAIN_TYPE);
  if (!/<Default [^>]*Extension="bin"/.test(newTypes)) {
    newTypes = newTypes.replace(/<Default /, `<Default Extension="bin" ContentType="${VBA_TYPE}"/><Default `);
  }
  zip.file('[Content_Types].xml', newTypes, { createFolders: false });
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>',
    `<Relationship Id="rIdVbaProject1" Type="${VBA_REL}" Target="vbaProject.bin"/></Relationships>`), { createFolders: false });
  zip.file('xl/vbaProject.bin', vbaProjectBin(), { createFolders: false });
  writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

// -- python -------------------------------------------------------------------------------------

function runPython(script: string, dir: string, input: string): Promise<string> {
  const file = path.join(HERE, script);
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [file, dir], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGTERM'), PYTHON_TIMEOUT_MS); // the script stops soffice on SIGTERM
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${PYTHON} ${file}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve(Buffer.concat(out).toString('utf8'));
        return;
      }
      const tail = Buffer.concat(err).toString('utf8').trim().slice(-2000);
      reject(new Error(`${script} exited with ${signal ?? code}${tail ? `: ${tail}` : ''}`));
    });
    child.stdin.on('error', () => undefined); // a child that died early; reported on 'close'
    child.stdin.end(input);
  });
}
