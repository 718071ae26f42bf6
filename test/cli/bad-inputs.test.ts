// The catalogue of bad input: every file, cell and assumption a user or a hostile file can give
// that vfm must refuse, each with its exact message, exit 2, no output and no file left behind.
// Each input is built here, into a temporary folder; no binary is kept in the repository.
// Others live beside the code they test and are not repeated here: file-errors.test.ts (files the
// system will not read or write), text-in-cells.test.ts (labels holding NUL, emoji and right-to-left
// text, which are read), cli.test.ts ("says what a file it cannot read is": a damaged
// .xls, .ods and workbook part, a Word document), test/core/limits.test.ts (dates and amounts at
// their limits, 20,000-deep nesting), test/core/assumptions.test.ts (each assumption's own checks).
import crypto from 'crypto';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'fs';
import path from 'path';
import { crc32, deflateRawSync } from 'zlib';
import ExcelJS from 'exceljs';
import { SEED_SHEET, FixtureSheet, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { vfm } from './vfm';

const TAIL = 'Nothing was written.\n';
const USAGE_TAIL = 'Nothing was written. Run "vfm --help" for usage.\n';

// Zip files by hand, so that a test can say what a zip's headers claim.
interface ZipEntry { readonly name: string; readonly data: Buffer; readonly stored?: boolean; readonly declaredSize?: number }
function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, stored, declaredSize } of entries) {
    const body = stored ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      let at = 4;
      if (central) { b.writeUInt16LE(20, at); at += 2; }
      b.writeUInt16LE(20, at); b.writeUInt16LE(0, at + 2); b.writeUInt16LE(stored ? 0 : 8, at + 4);
      b.writeUInt32LE(0, at + 6); b.writeUInt32LE(crc32(data) >>> 0, at + 10);
      b.writeUInt32LE(body.length, at + 14); b.writeUInt32LE(declaredSize ?? data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
      if (central) b.writeUInt32LE(offset, 42);
      return Buffer.concat([b, nameBytes]);
    };
    const local = Buffer.concat([header(false), body]);
    centrals.push(header(true));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const text = (s: string) => Buffer.from(s, 'utf8');
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** An .xlsx package of one sheet "Costs" holding `rows` (the XML inside <sheetData>, and any `after` it), with a main part of `mainType`. */
function packageOf(rows: string, mainType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', sheetDeclaredSize?: number, after = ''): Buffer {
  return zipOf(packageEntries(rows, mainType, sheetDeclaredSize, after));
}
/** The entries of packageOf's zip. */
function packageEntries(rows: string, mainType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', sheetDeclaredSize?: number, after = ''): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', data: text(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="${mainType}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SHEET_TYPE}"/></Types>`) },
    { name: '_rels/.rels', data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: text('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', data: text(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`), declaredSize: sheetDeclaredSize },
  ];
}
/** Rows 3 and 4 under SEED_ROWS: two contracts, whose cells the merged cases merge. */
const MERGED_ROWS = '<row r="3"><c r="A3" t="inlineStr"><is><t>CRM</t></is></c><c r="B3"><v>46648.63</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>Email</t></is></c><c r="B4"><v>845</v></c></row>';
const SEED_ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></c><c r="B1" t="inlineStr"><is><t>£</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Core team</t></is></c><c r="B2"><v>17800</v></c></row>';

/** An Excel 97-2003 compound file header and a directory naming `streams` (UTF-16, as CFB stores names). */
function compoundFile(streams: readonly string[]): Buffer {
  const header = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  const entries = streams.map((name) => {
    const entry = Buffer.alloc(128);
    Buffer.from(name, 'utf16le').copy(entry);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = 2;
    return entry;
  });
  return Buffer.concat([header, ...entries]);
}

/** An OpenDocument spreadsheet whose content is `tables`, the mimetype first and stored, as the format asks. */
function odsOf(tables: string): Buffer {
  const office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  return zipOf([
    { name: 'mimetype', data: text('application/vnd.oasis.opendocument.spreadsheet'), stored: true },
    { name: 'content.xml', data: text(`<?xml version="1.0"?><office:document-content ${office} office:version="1.2"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`) },
    { name: 'styles.xml', data: text(`<?xml version="1.0"?><office:document-styles ${office} office:version="1.2"/>`) },
  ]);
}

/** The random bytes of a temporary file's name, made foreseeable, and the name they give. */
const FORESEEN = Buffer.from('00112233445566778899aabb', 'hex');
const PLANTED = `.vfm-${FORESEEN.toString('hex')}.tmp`;
const foreseeTemporaryName = () => jest.spyOn(crypto, 'randomBytes').mockImplementation(() => FORESEEN);
afterEach(() => jest.restoreAllMocks());

/** The seed's first row and CRM, its amount in a cell formatted as `format`. */
const formatted = (amount: number, format: string) => async (dir: string) => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Costs');
  sheet.addRows([['Item', '£'], ['Core team', 17800], ['CRM', amount]]);
  sheet.getCell('B3').numFmt = format;
  await book.xlsx.writeFile(path.join(dir, 'in.xlsx'));
  return 'in.xlsx';
};

const SEED_WITH = (rows: FixtureSheet['rows']): FixtureSheet => ({ name: 'Costs', rows: [['Item', '£'], ['Core team', 17800], ...rows] });

/** A case: the arguments after the files are built (INPUT is the input, DIR the folder), and the exact error output. */
interface BadInput {
  readonly name: string;
  /** Writes the input into `dir` and returns its file name there. */
  readonly input: (dir: string) => Promise<string> | string;
  /** The assumptions, written as a.json; a string is written as it is. */
  readonly assumptions?: unknown;
  /** The command, when not analyse. */
  readonly command?: 'verify';
  /** Files made in `dir` before the run, beside the input. */
  readonly before?: (dir: string) => Promise<void>;
  /** Arguments in place of the usual --out and --json. */
  readonly args?: (dir: string) => string[];
  /** The whole of stderr; DIR stands for the folder. */
  readonly err: string;
}

const file = (name: string, bytes: Buffer | string) => (dir: string) => {
  writeFileSync(path.join(dir, name), bytes);
  return name;
};
const seed = (dir: string) => writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]).then(() => 'in.xlsx');
/** A workbook the product wrote, from the seed. */
const scenarios = async (dir: string) => {
  const { code } = await vfm(['analyse', path.join(dir, await seed(dir)), '--out', path.join(dir, 'scenarios.xlsx')]);
  if (code !== 0) throw new Error('the seed could not be analysed');
  return 'scenarios.xlsx';
};
/** A workbook the product wrote, from the seed, and the summary of its run, summary.json. */
const scenariosAndSummary = async (dir: string) => {
  const { code } = await vfm(['analyse', path.join(dir, await seed(dir)), '--out', path.join(dir, 'scenarios.xlsx'), '--json', path.join(dir, 'summary.json')]);
  if (code !== 0) throw new Error('the seed could not be analysed');
  return 'scenarios.xlsx';
};
const workbook = (rows: FixtureSheet['rows']) => (dir: string) => writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_WITH(rows)]).then(() => 'in.xlsx');
const refused = (what: string, advice: string) => `vfm: DIR/${what}; ${advice}\n${USAGE_TAIL}`;
const inputProblems = (...lines: string[]) => `vfm: the input cannot be used as it stands:\n${lines.map((l) => `  ${l}\n`).join('')}${TAIL}`;
const AS_XLSX = 'open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and try again, or use the Excel add-in, which reads the open workbook';
const AS_TEXT = 'if it holds comma- or semicolon-separated values, name it .csv and try again; else save it from Excel as .xlsx';
const TWICE = 'if you did not expect this, check where the file came from; else open it in Excel or LibreOffice, check that its sheets hold what you expect, save it as an Excel Workbook (.xlsx) and try again';
const TOO_LARGE = 'if it is a real workbook, save a copy holding only the sheet of cost rows and try again; if you did not expect a file this large, check where it came from';
const SEED_ASSUMPTIONS = { noticeServedOn: '2012-10-19', noticeMonths: 24, horizonYears: 5 };

const CASES: readonly BadInput[] = [
  // Files that are not workbooks vfm reads.
  { name: 'an empty file', input: file('empty.xlsx', ''), err: refused('empty.xlsx: cannot be read: it is empty (0 bytes)', 'save the workbook from Excel as .xlsx and try again') },
  { name: 'a truncated workbook', input: async (dir) => { const whole = packageOf(SEED_ROWS); return file('cut.xlsx', whole.subarray(0, whole.length - 30))(dir); }, err: refused('cut.xlsx: cannot be read: it is not a whole zip package (the file may be cut short or damaged)', AS_XLSX) },
  { name: 'a zip that is not a workbook', input: file('photos.xlsx', zipOf([{ name: 'readme.txt', data: text('hello') }])), err: refused('photos.xlsx: cannot be read: it is a zip file, but not an Office document (it has no [Content_Types].xml)', AS_XLSX) },
  { name: 'a CSV named .xlsx', input: file('costs.xlsx', 'Item,Amount\nCRM,10\n'), err: refused('costs.xlsx: cannot be read: it is a text file, though its name says .xlsx', AS_TEXT) },
  // A stray NUL does not make a CSV binary (text-in-cells.test.ts reads one); a binary file's bytes do.
  { name: 'a photo named .csv', input: file('photo.csv', Buffer.from('ffd8ffe000104a46494600010100004800480000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432', 'hex')), err: refused('photo.csv: cannot be read: it is not a spreadsheet file vfm knows', 'save the workbook from Excel as .xlsx and try again') },
  // UTF-16 text is NULs every other byte, and not read as a CSV with stray NULs.
  { name: 'a UTF-16 text file (Excel\'s "Unicode Text")', input: file('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Item\t£\r\nCore team\t17800\r\n', 'utf16le')])), err: refused('unicode.txt: cannot be read: it is not a spreadsheet file vfm knows', 'save the workbook from Excel as .xlsx and try again') },
  { name: 'an HTML page named .xlsx', input: file('export.xlsx', '<html><body><table><tr><td>CRM</td><td>10</td></tr></table></body></html>'), err: refused('export.xlsx: cannot be read: it is a text file, though its name says .xlsx', AS_TEXT) },
  { name: 'a password-protected workbook (EncryptionInfo and EncryptedPackage streams)', input: file('secret.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage'])), err: refused('secret.xlsx: cannot be read: it is protected with a password', 'open it in Excel, remove the password (File, Info, Protect Workbook, Encrypt with Password), save it and try again') },
  { name: 'an Excel binary workbook (.xlsb)', input: file('book.xlsb', packageOf(SEED_ROWS, 'application/vnd.ms-excel.sheet.binary.macroEnabled.main')), err: refused('book.xlsb: cannot be read: it is an Excel binary workbook (.xlsb), which vfm does not read', AS_XLSX) },
  { name: 'a zip bomb: a sheet whose header says it inflates to 4 GB', input: file('bomb.xlsx', packageOf(SEED_ROWS, undefined, 0xfffffff0)), err: refused('bomb.xlsx: cannot be read: the part xl/worksheets/sheet1.xml inflates to more than 500 MB, the most vfm reads of one part of a package (the file may be damaged, or made to overwhelm the programs that open it)', TOO_LARGE) },
  // A zip holding two entries of one name: programs differ on which one they read.
  { name: 'a workbook holding one part twice', input: file('twice.xlsx', zipOf([...packageEntries(SEED_ROWS), { name: 'xl/worksheets/sheet1.xml', data: text(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${SEED_ROWS.replace('17800', '1')}</sheetData></worksheet>`) }])), err: refused('twice.xlsx: cannot be read: it holds the part xl/worksheets/sheet1.xml twice, so which of the two is the workbook\'s cannot be told (the file may be damaged, or made to mislead the programs that open it)', TWICE) },
  { name: 'a workbook holding one part twice, spelt in other capitals', input: file('twice.xlsx', zipOf([...packageEntries(SEED_ROWS), { name: 'XL/Worksheets/Sheet1.xml', data: text('<worksheet/>') }])), err: refused('twice.xlsx: cannot be read: it holds the part xl/worksheets/sheet1.xml twice (once as XL/Worksheets/Sheet1.xml: part names are the same whatever their capitals), so which of the two is the workbook\'s cannot be told (the file may be damaged, or made to mislead the programs that open it)', TWICE) },
  { name: 'a workbook with no sheets', input: file('none.xlsx', zipOf([
    { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>') },
    { name: '_rels/.rels', data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: text('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>') },
  ])), err: refused('none.xlsx: cannot be read: it is an Excel workbook with no sheets', AS_XLSX) },
  { name: 'an .ods with no tables', input: file('none.ods', odsOf('')), err: refused('none.ods: cannot be read: it is an OpenDocument spreadsheet (.ods), but it is damaged or in a form vfm cannot read', 'open it in LibreOffice or Excel, save it as .xlsx and try again') },
  { name: 'an OpenDocument text document named .ods', input: file('letter.ods', zipOf([{ name: 'mimetype', data: text('application/vnd.oasis.opendocument.text'), stored: true }, { name: 'content.xml', data: text('<x/>') }])), err: refused('letter.ods: cannot be read: it is an OpenDocument file, but not a spreadsheet', 'open it in LibreOffice or Excel, save it as .xlsx and try again') },
  { name: 'a folder given as the input', input: (dir) => { mkdirSync(path.join(dir, 'folder.xlsx')); return 'folder.xlsx'; }, err: `vfm: DIR/folder.xlsx: cannot be read (it is a folder, not a file)\n${TAIL}` },

  // The grid: beyond Excel's rows, columns and cells.
  { name: 'a row after 1,048,576', input: file('rows.xlsx', packageOf(`${SEED_ROWS}<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>CRM</t></is></c></row>`)), err: refused('rows.xlsx: cannot be read: the sheet "Costs" (xl/worksheets/sheet1.xml) has a row numbered 1048577, outside Excel\'s rows 1 to 1,048,576', AS_XLSX) },
  { name: 'a row numbered in the billions', input: file('rows.xlsx', packageOf(`${SEED_ROWS}<row r="4000000000"/>`)), err: refused('rows.xlsx: cannot be read: the sheet "Costs" (xl/worksheets/sheet1.xml) has a row numbered 4000000000, outside Excel\'s rows 1 to 1,048,576', AS_XLSX) },
  { name: 'a cell after column 16,384 (XFD)', input: file('wide.xlsx', packageOf(`${SEED_ROWS}<row r="3"><c r="XFE3"><v>1</v></c></row>`)), err: refused('wide.xlsx: cannot be read: the sheet "Costs" (xl/worksheets/sheet1.xml) has a cell XFE3, outside Excel\'s grid (columns A to XFD, rows 1 to 1,048,576)', AS_XLSX) },
  { name: 'a label longer than an Excel cell holds (32,767 characters)', input: workbook([['x'.repeat(32_768), 100]]), err: inputProblems(`Costs!A3: item label "${'x'.repeat(40)}…" is 32,768 characters long, more than the 32,767 an Excel cell holds; shorten it`) },
  // Excel counts an emoji as two characters (as its LEN does), so the message does too; the quote never cuts one in two.
  { name: 'a label of emoji longer than an Excel cell holds, quoted without cutting one in two', input: workbook([[`x${'📞'.repeat(16_384)}`, 100]]), err: inputProblems(`Costs!A3: item label "x${'📞'.repeat(19)}…" is 32,769 characters long, more than the 32,767 an Excel cell holds; shorten it`) },
  { name: 'a label whose 32,767th character is the first half of an emoji', input: workbook([[`${'x'.repeat(32_766)}📞`, 100]]), err: inputProblems(`Costs!A3: item label "${'x'.repeat(40)}…" is 32,768 characters long, more than the 32,767 an Excel cell holds; shorten it`) },

  // Amounts that are not amounts.
  { name: 'cells merged across rows over the amounts', input: file('merged.xlsx', packageOf(`${SEED_ROWS}${MERGED_ROWS}`, undefined, undefined, '<mergeCells count="1"><mergeCell ref="B3:B4"/></mergeCells>')), err: inputProblems('Costs!B3:B4: cells merged across rows 3 to 4 over the amounts: a merged block holds one value, so the rows under its first have none; unmerge it (Home, Merge & Center) and give each row its own amount') },
  { name: 'cells merged across rows over the item labels', input: file('merged.xlsx', packageOf(`${SEED_ROWS}${MERGED_ROWS}`, undefined, undefined, '<mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells>')), err: inputProblems('Costs!A3:A4: cells merged across rows 3 to 4 over the labels: a merged block holds one value, so the rows under its first have none; unmerge it (Home, Merge & Center) and give each row its own label') },
  { name: 'a date where an amount belongs', input: workbook([['CRM', new Date(Date.UTC(2014, 2, 31))], ['Email', 845]]), err: inputProblems('Costs!B3: amount is a date (2014-03-31), not a number') },
  { name: 'a boolean where an amount belongs', input: workbook([['CRM', true]]), err: inputProblems('Costs!B3: amount is TRUE, not a number') },
  { name: 'an error value where an amount belongs', input: workbook([['CRM', { error: '#N/A' }]]), err: inputProblems('Costs!B3: amount is the error value #N/A') },
  { name: 'text that is no amount', input: workbook([['CRM', 'tbc']]), err: inputProblems('Costs!B3: amount "tbc" is not a number') },
  // Text around an amount is quoted as JSON writes it, and what would reorder the terminal's line shown as its escape.
  { name: 'an amount holding a NUL (stored as _x0000_)', input: file('nul.xlsx', packageOf(`${SEED_ROWS}<row r="3"><c r="A3" t="inlineStr"><is><t>CRM</t></is></c><c r="B3" t="inlineStr"><is><t>46648.63_x0000_</t></is></c></row>`)), err: inputProblems('Costs!B3: amount "46648.63\\u0000" is not a number') },
  { name: 'a CSV whose amount holds a NUL', input: file('costs.csv', 'Item,£\nCore team,17800\nCRM,46648.63\0\n'), err: inputProblems('costs!B3: amount "46648.63\\u0000" is not a number') },
  { name: 'an amount holding an emoji', input: workbook([['CRM', '100 💷']]), err: inputProblems('Costs!B3: amount "100 💷" is not a number') },
  { name: 'an amount in Arabic-Indic digits', input: workbook([['CRM', '٤٦٦٤٨٫٦٣']]), err: inputProblems('Costs!B3: amount "٤٦٦٤٨٫٦٣" is not a number') },
  { name: 'text a right-to-left override shows as 17800', input: workbook([['CRM', '\u202e00871\u202c']]), err: inputProblems('Costs!B3: amount "\\u202e00871\\u202c" is not a number') },
  { name: 'an amount after a right-to-left mark', input: workbook([['CRM', '\u200f845']]), err: inputProblems('Costs!B3: amount "\\u200f845" is not a number') },
  // A number is stored in decimal digits; LibreOffice shows 0x1F as 0, and it is no number to a spreadsheet.
  { name: 'a stored value in hexadecimal', input: file('hex.xlsx', packageOf(`${SEED_ROWS}<row r="3"><c r="A3" t="inlineStr"><is><t>CRM</t></is></c><c r="B3"><v>0x1F</v></c></row>`)), err: inputProblems('Costs!B3: amount "0x1F" is not a number') },
  { name: 'a share formatted as a percentage where an amount belongs', input: formatted(0.4665, '0.00%'), err: inputProblems('Costs!B3: amount is a percentage (46.65%), not an amount of money') },
  { name: 'a whole percentage, Excel\'s built-in format', input: formatted(1.5, '0%'), err: inputProblems('Costs!B3: amount is a percentage (150%), not an amount of money') },
  { name: 'a number over the largest amount', input: workbook([['CRM', 1_000_000_000_000.5]]), err: inputProblems('Costs!B3: amount 1000000000000.5 is more than £1,000,000,000,000, too large for a cost table') },
  { name: 'the same amount over the limit as text', input: workbook([['CRM', '1,000,000,000,000.50']]), err: inputProblems('Costs!B3: amount "1,000,000,000,000.50" is more than £1,000,000,000,000, too large for a cost table') },
  { name: 'an uncalculated formula where an amount belongs', input: file('calc.xlsx', packageOf(`${SEED_ROWS}<row r="3"><c r="A3" t="inlineStr"><is><t>CRM</t></is></c><c r="B3"><f>SUM(C1:C9)</f></c></row>`)), err: inputProblems('Costs!B3: amount is a formula (=SUM(C1:C9)) that was never calculated; open the workbook in Excel, let it recalculate and save it') },

  // The assumptions file.
  { name: 'assumptions that are not JSON', input: seed, assumptions: '{ "noticeMonths": 24, }', err: `vfm: --assumptions DIR/a.json: not valid JSON: something is wrong at line 1, column 23 (names in double quotes, no comma after the last entry, such as {"noticeMonths": 24})\n${USAGE_TAIL}` },
  { name: 'assumptions cut short', input: seed, assumptions: '{ "noticeMonths": 24', err: `vfm: --assumptions DIR/a.json: not valid JSON: something is wrong at line 1, column 21 (names in double quotes, no comma after the last entry, such as {"noticeMonths": 24})\n${USAGE_TAIL}` },
  { name: 'an empty assumptions file', input: seed, assumptions: '', err: `vfm: --assumptions DIR/a.json: the file is empty; give a JSON object such as {"noticeMonths": 24}, or {} for every default\n${USAGE_TAIL}` },
  { name: 'an assumption given twice', input: seed, assumptions: '{\n  "noticeMonths": 24,\n  "noticeMonths": 6\n}', err: `vfm: --assumptions DIR/a.json: noticeMonths is given twice (the second at line 3, column 3); JSON would keep only the last, so give it once\n${USAGE_TAIL}` },
  { name: 'a leaver\'s field given twice', input: seed, assumptions: '{"partners": {"inBaseYear": 10, "leavers": [{"name": "A", "leavesOn": "2013-03-31"}, {"name": "B", "name": "C"}]}}', err: `vfm: --assumptions DIR/a.json: partners.leavers[1].name is given twice (the second at line 1, column 100); JSON would keep only the last, so give it once\n${USAGE_TAIL}` },
  { name: 'assumptions that are a list', input: seed, assumptions: [24], err: inputProblems('assumptions: must be a JSON object of named assumptions') },
  { name: 'an unknown assumption', input: seed, assumptions: { NoticeMonths: 24 }, err: inputProblems('NoticeMonths: is not an assumption (did you mean noticeMonths?); the assumptions are baseYear, noticeServedOn, noticeMonths, fyStartMonth, horizonYears, indexation, discountRate, prices, gdpDeflator, partners, sharing, overrides, contractEnds, optimismBias, options') },
  { name: 'an assumption of the wrong type', input: seed, assumptions: { horizonYears: 'five' }, err: inputProblems('horizonYears: "five" is not a whole number of years from 1 to 100') },
  { name: 'an assumption out of range', input: seed, assumptions: { ...SEED_ASSUMPTIONS, noticeMonths: 1201 }, err: inputProblems('noticeMonths: 1201 is not a whole number of months from 0 to 1200') },
  { name: 'a 200,000-item list where a number belongs, quoted in a few characters', input: seed, assumptions: { horizonYears: Array.from({ length: 200_000 }, (_, i) => i) }, err: inputProblems('horizonYears: [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16…] is not a whole number of years from 1 to 100') },
  { name: 'a date in year 10113', input: seed, assumptions: { noticeServedOn: '10113-09-01' }, err: inputProblems('noticeServedOn: "10113-09-01" is not a date (YYYY-MM-DD)') },
  { name: 'an unknown field in a leaver', input: seed, assumptions: { ...SEED_ASSUMPTIONS, partners: { inBaseYear: 10, leavers: [{ name: 'Tamworth', leavesOn: '2013-03-31', colour: 'red' }] } }, err: inputProblems('partners.leavers[0].colour: is not a leaver field; the fields are name, leavesOn') },
  { name: 'a leaver who leaves before the base year', input: seed, assumptions: { ...SEED_ASSUMPTIONS, baseYear: '2011/12', partners: { inBaseYear: 10, leavers: [{ name: 'Tamworth', leavesOn: '2010-03-31' }] } }, err: inputProblems('partners.leavers[0].leavesOn: 2010-03-31 is not after the base year 2011/12 starts, so the partner was not paying in it') },
  { name: 'the same leaver twice', input: seed, assumptions: { ...SEED_ASSUMPTIONS, partners: { inBaseYear: 10, leavers: [{ name: 'Tamworth', leavesOn: '2013-03-31' }, { name: 'tamworth', leavesOn: '2014-03-31' }] } }, err: inputProblems('partners.leavers[1].name: is the name of leaver 1 too; a partner leaves once, so give each leaver once') },
  { name: 'two options with one name', input: seed, assumptions: { ...SEED_ASSUMPTIONS, options: [{ name: 'Withdraw now' }, { name: 'withdraw now ' }] }, err: inputProblems('options[1].name: "withdraw now" is the name of option 1, "Withdraw now", too (names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name') },
  // Names that look the same are one name: only a non-breaking space, a zero-width space or the way an accent is encoded tells them apart.
  { name: 'two option names apart only by a non-breaking space', input: seed, assumptions: { ...SEED_ASSUMPTIONS, options: [{ name: 'Withdraw now' }, { name: 'Withdraw\u00a0now' }] }, err: inputProblems('options[1].name: "Withdraw\\u00a0now" is the name of option 1, "Withdraw now", too (names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name') },
  { name: 'two option names apart only by a zero-width space', input: seed, assumptions: { ...SEED_ASSUMPTIONS, options: [{ name: 'Withdraw now' }, { name: 'Withdraw\u200b now' }] }, err: inputProblems('options[1].name: "Withdraw\\u200b now" is the name of option 1, "Withdraw now", too (names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name') },
  { name: 'two option names apart only by Unicode normalisation (NFC and NFD)', input: seed, assumptions: { ...SEED_ASSUMPTIONS, options: [{ name: 'Ymadael \u00e9' }, { name: 'Ymadael e\u0301' }] }, err: inputProblems('options[1].name: "Ymadael e\u0301" is the name of option 1, "Ymadael \u00e9", too (names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name') },
  { name: 'an exit cost in a year after the horizon', input: seed, assumptions: { ...SEED_ASSUMPTIONS, options: [{ name: 'Now' }, { name: 'Later', noticeServedOn: '2013-10-19', exitCosts: [{ label: 'Disaggregation', amount: 5000, fy: '2030/31' }] }] }, err: inputProblems('options[1].exitCosts[0].fy: 2030/31 is outside the horizon, 2012/13 to 2016/17, so the cost would count in no year; give a financial year within it, or more horizonYears') },
  { name: 'an exit cost in a year before year 0', input: seed, assumptions: { ...SEED_ASSUMPTIONS, options: [{ name: 'Now', exitCosts: [{ label: 'Disaggregation', amount: 5000, fy: '2009/10' }] }] }, err: inputProblems('options[0].exitCosts[0].fy: 2009/10 is outside the horizon, 2012/13 to 2016/17, so the cost would count in no year; give a financial year within it') },
  { name: 'an option whose notice is served after the horizon', input: seed, assumptions: { ...SEED_ASSUMPTIONS, options: [{ name: 'Now' }, { name: 'Much later', noticeServedOn: '2030-01-01' }] }, err: inputProblems('options[1].noticeServedOn: 2030-01-01 falls in 2029/30, after the horizon the options share (2012/13 to 2016/17, from the year the earliest option serves notice), so this option would save nothing in it; serve notice within the horizon, or give more horizonYears') },
  { name: 'notice that would expire after 9999-12-31', input: seed, assumptions: { noticeServedOn: '9999-06-01', horizonYears: 1 }, err: inputProblems('noticeMonths: notice of 24 months served on 9999-06-01 would expire after 9999-12-31, the last date Excel counts; give a shorter notice or an earlier noticeServedOn', 'noticeServedOn: 9999-06-01 falls in the financial year 9999/00, after 9998/99, the last financial year Excel\'s dates hold (they end on 9999-12-31); give an earlier date') },
  { name: 'an override naming no row', input: seed, assumptions: { ...SEED_ASSUMPTIONS, overrides: { 'Core tem': 'avoidable' } }, err: inputProblems('overrides["Core tem"]: matches no cost row\'s item label; correct the label or remove the override') },
  { name: 'an override that is no class', input: seed, assumptions: { ...SEED_ASSUMPTIONS, overrides: { CRM: 'saved' } }, err: inputProblems('overrides["CRM"]: "saved" is not "avoidable" or "committed"') },
  { name: 'shared-pool without the members', input: seed, assumptions: { ...SEED_ASSUMPTIONS, sharing: 'shared-pool' }, err: inputProblems('sharing: "shared-pool" needs partners.inBaseYear, the number of members paying in the base year') },

  // The workbook written into: a name of the user's spelt as one the product defines is never replaced.
  { name: 'a name of the user\'s spelt as one the product defines, on a sheet of the user\'s', input: async (dir) => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Costs').addRows(SEED_SHEET.rows as ExcelJS.CellValue[][]);
    book.addWorksheet('My Inputs').getCell('B2').value = 0.05;
    book.definedNames.add("'My Inputs'!$B$2", 'VfM_DiscountRate');
    await book.xlsx.writeFile(path.join(dir, 'in.xlsx'));
    return 'in.xlsx';
  }, err: inputProblems("VfM_DiscountRate: the workbook has a name VfM_DiscountRate of its own, referring to 'My Inputs'!$B$2, which is not on a sheet VfM Scenarios wrote; VfM Scenarios defines this name for its model and does not replace yours; rename yours (Formulas, Name Manager) and run again") },

  // File names.
  { name: 'empty names for --out and --json', input: seed, args: () => ['--out', '', '--json', ''], err: `vfm: --json "": the file name is empty; name the file, such as --json summary.json\n${USAGE_TAIL}` },
  { name: 'an empty name for --out', input: seed, args: () => ['--out', ' '], err: `vfm: --out " ": the file name is empty; name the file, such as --out scenarios.xlsx\n${USAGE_TAIL}` },
  { name: 'an output naming a device', input: seed, args: () => ['--json', '/dev/null'], err: `vfm: /dev/null: cannot be written (it is not an ordinary file)\n${TAIL}` },
  // The temporary file an output is written into first is made afresh, under a name nobody can
  // foresee (here made foreseeable), and never through what is already there.
  { name: 'something put at the temporary name an output is written under first', input: (dir) => { foreseeTemporaryName(); mkdirSync(path.join(dir, PLANTED)); return seed(dir); }, args: (dir) => ['--json', path.join(dir, 's.json')], err: `vfm: DIR/s.json: cannot be written (something is already at DIR/${PLANTED}, the temporary name it is written under first; try again)\n${TAIL}` },
  // No output names a file the command reads, compared as the files they are (links resolved).
  { name: 'verify\'s --json naming the workbook it verifies', command: 'verify', input: scenarios, args: (dir) => ['--json', path.join(dir, '.', 'scenarios.xlsx')], err: `vfm: --json DIR/scenarios.xlsx would overwrite the workbook being verified; choose another file\n${USAGE_TAIL}` },
  // What verify compares a workbook with (--against): the summary of its run, or the source's fingerprint.
  { name: 'verify\'s --against naming the workbook it verifies', command: 'verify', input: scenarios, args: (dir) => ['--against', path.join(dir, 'scenarios.xlsx')], err: `vfm: --against DIR/scenarios.xlsx names the workbook being verified; give the summary \`vfm analyse --json\` wrote at the run (or the source's fingerprint the audit sheet stamped), kept apart from the workbook\n${USAGE_TAIL}` },
  { name: 'verify\'s --json naming the summary it compares with', command: 'verify', input: scenariosAndSummary, args: (dir) => ['--against', path.join(dir, 'summary.json'), '--json', path.join(dir, 'summary.json')], err: `vfm: --json DIR/summary.json would overwrite the summary it is compared with (--against); choose another file\n${USAGE_TAIL}` },
  { name: 'verify\'s --against naming no file', command: 'verify', input: scenarios, args: () => ['--against', ''], err: `vfm: --against "": the file name is empty; name the file, such as --against summary.json\n${USAGE_TAIL}` },
  { name: 'verify\'s --against naming a file that is not JSON', command: 'verify', input: scenarios, args: (dir) => { writeFileSync(path.join(dir, 'notes.txt'), 'kept: the summary\n'); return ['--against', path.join(dir, 'notes.txt')]; }, err: `vfm: --against DIR/notes.txt: it is neither a summary \`vfm analyse --json\` writes (schemaVersion 3, or 2 before it recorded the fingerprint) nor a source's fingerprint (64 hexadecimal digits, as the audit sheet stamps it): it is not valid JSON\n${USAGE_TAIL}` },
  { name: 'verify\'s --against naming JSON that is not a summary', command: 'verify', input: scenarios, args: (dir) => { writeFileSync(path.join(dir, 'a.json'), '{"noticeMonths": 24}'); return ['--against', path.join(dir, 'a.json')]; }, err: `vfm: --against DIR/a.json: it is neither a summary \`vfm analyse --json\` writes (schemaVersion 3, or 2 before it recorded the fingerprint) nor a source's fingerprint (64 hexadecimal digits, as the audit sheet stamps it)\n${USAGE_TAIL}` },
  { name: 'verify\'s --against naming a summary missing a field it compares', command: 'verify', input: scenariosAndSummary, args: (dir) => {
    const summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as { savings: Record<string, unknown> };
    delete summary.savings.npv;
    writeFileSync(path.join(dir, 'cut.json'), JSON.stringify(summary));
    return ['--against', path.join(dir, 'cut.json')];
  }, err: `vfm: --against DIR/cut.json: it is neither a summary \`vfm analyse --json\` writes (schemaVersion 3, or 2 before it recorded the fingerprint) nor a source's fingerprint (64 hexadecimal digits, as the audit sheet stamps it): its savings.npv is missing or not what the summary writes there\n${USAGE_TAIL}` },
  { name: 'verify\'s --against naming the summary of another source', command: 'verify', input: scenarios, args: (dir) => ['--against', path.join(dir, 'budget.json')], before: async (dir) => {
    await writeWorkbook(path.join(dir, 'budget.xlsx'), [{ ...SEED_SHEET, name: 'Budget' }]);
    if ((await vfm(['analyse', path.join(dir, 'budget.xlsx'), '--json', path.join(dir, 'budget.json')])).code !== 0) throw new Error('the budget could not be analysed');
  }, err: `vfm: --against DIR/budget.json: it is the summary of a run on Budget!A3:B10 of DIR/budget.xlsx, not on the source this workbook's run read, Costs!A3:B10; give the summary of this workbook's run\n${USAGE_TAIL}` },
  { name: 'an output name ending in a folder separator', input: seed, args: (dir) => ['--json', `${path.join(dir, 'new')}/`], err: `vfm: DIR/new/: cannot be written (the name ends in a folder separator, so it names a folder, not a file)\n${TAIL}` },
];

describe('bad input: exit 2, the exact message, nothing written', () => {
  it('has at least 40 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const dir = temporaryDirectory();
    const input = path.join(dir, await c.input(dir));
    await c.before?.(dir);
    const args = [c.command ?? 'analyse', input];
    if (c.assumptions !== undefined) {
      writeFileSync(path.join(dir, 'a.json'), typeof c.assumptions === 'string' ? c.assumptions : JSON.stringify(c.assumptions));
      args.push('--assumptions', path.join(dir, 'a.json'));
    }
    args.push(...(c.args ? c.args(dir) : ['--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 's.json')]));
    const before = readdirSync(dir).sort();
    const { code, out, err } = await vfm(args);
    expect(err).toBe(c.err.replace(/DIR/g, dir));
    expect(out).toBe('');
    expect(code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
