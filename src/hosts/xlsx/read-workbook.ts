// Opens a workbook file of any kind vfm reads into a SourceWorkbook: an .xlsx or .xlsm package
// (read part by part, see read-package.ts), or an .xls, .ods or .csv file (through SheetJS). It
// decides nothing about what the cells mean.
import path from 'path';
import { openPackage, Package } from './package';
import { PackageError } from './package-error';
import { readPackageWorkbook } from './read-package';
import { KIND_WORDS, SourceWorkbook } from './source-workbook';
import { childrenOf, parseXml } from './xml';
import type { Chunks } from './read-sheetjs';

export { PackageError };
export type { NamedRange, SourceWorkbook, WorkbookKind } from './source-workbook';
export { KIND_WORDS, namedRange } from './source-workbook';

/** What a file is, by its first bytes: an Office Open XML package, an .ods (also a zip), an Excel 97-2003 .xls, text such as .csv, or something else. */
export type FileKind = 'xlsx' | 'ods' | 'xls' | 'text' | 'other';

export function fileKind(bytes: Uint8Array): FileKind {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // An OpenDocument package names its type in a first, uncompressed entry called "mimetype".
    return head.subarray(30, 38).toString('latin1') === 'mimetype' && head.subarray(38, 120).toString('latin1').includes('opendocument') ? 'ods' : 'xlsx';
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
  return head.length > 0 && isText(head) ? 'text' : 'other';
}

/**
 * Whether a file's first bytes are text. Text holds no NUL byte, except the stray one a program
 * exporting a table can leave in a field (read as a character of its cell); a file whose NULs
 * are many (every other byte, in UTF-16) or come with other control bytes that text does not hold,
 * as a binary file's do, is not text.
 */
function isText(head: Buffer): boolean {
  let nuls = 0;
  for (const byte of head) if (byte === 0) nuls++;
  if (nuls === 0) return true;
  if (nuls * 4 >= head.length) return false;
  // Tab, newline, form feed, return and escape are the control bytes text holds.
  return !head.some((byte) => byte > 0 && byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte));
}

/** The content type of the package's workbook part, by which Excel knows a workbook with macros, a template or a binary one. */
async function workbookContentType(pkg: Package): Promise<string> {
  if (!pkg.has('[Content_Types].xml')) throw new PackageError('it is a zip file, but not an Office document (it has no [Content_Types].xml)');
  const types = parseXml(await pkg.text('[Content_Types].xml'), '[Content_Types].xml');
  const main = childrenOf(types, 'Override').find((o) => /\.main(\+xml)?$/.test(o.getAttribute('ContentType') ?? ''));
  if (!main) throw new PackageError('it is an Office document, but not a workbook');
  return main.getAttribute('ContentType') ?? '';
}

/** The names a text file of separated values goes by. */
const TEXT_EXTENSIONS = ['.csv', '.txt', '.tsv'];

/** SheetJS, which reads .xls, .ods and text files, loaded only for them: it takes a third of a second to load. */
const sheetJs = () => import('./read-sheetjs');

/**
 * The workbook in a file's bytes. A file that cannot be read is a PackageError saying what could
 * not be read, never a library's own words.
 */
export async function openWorkbook(bytes: Uint8Array, file: string): Promise<SourceWorkbook> {
  if (bytes.length === 0) throw new PackageError('it is empty (0 bytes)');
  const kind = fileKind(bytes);
  // Excel keeps a workbook saved with a password in a compound file, as an encrypted package.
  if (kind === 'xls' && Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw new PackageError('it is protected with a password', 'open it in Excel, remove the password (File, Info, Protect Workbook, Encrypt with Password), save it and try again');
  if (kind === 'xls') return withSheets((await sheetJs()).readSheetJsWorkbook(bytes, kind, file));
  if (kind === 'text') {
    refuseTextNamedOtherwise(file);
    return withSheets((await sheetJs()).readSheetJsWorkbook(bytes, 'csv', file));
  }
  if (kind === 'other') throw new PackageError('it is not a spreadsheet file vfm knows');
  const pkg = await openPackage(bytes);
  if (kind === 'ods' || isOpenDocument(pkg) && await openDocumentSpreadsheet(pkg)) return withSheets(await readOpenDocument(pkg, bytes, file));
  const type = await workbookContentType(pkg);
  if (type.includes('sheet.binary')) throw new PackageError('it is an Excel binary workbook (.xlsb), which vfm does not read');
  if (!type.includes('spreadsheetml') && !type.includes('ms-excel')) throw new PackageError('it is an Office document, but not a workbook');
  return withSheets(await readPackageWorkbook(pkg, type.includes('macroEnabled')));
}

/**
 * A text file (fileKind 'text' by its first bytes), read as openWorkbook reads its bytes, but as
 * they come, a few megabytes at a time: never held whole.
 */
export async function openTextWorkbook(chunks: Chunks, file: string): Promise<SourceWorkbook> {
  refuseTextNamedOtherwise(file);
  return withSheets(await (await sheetJs()).readTextWorkbook(chunks, file));
}

function refuseTextNamedOtherwise(file: string): void {
  if (!TEXT_EXTENSIONS.includes(path.extname(file).toLowerCase())) throw new PackageError(`it is a text file, though its name says ${path.extname(file) || 'nothing of its kind'}`);
}

/** A zip that names itself OpenDocument: a "mimetype" entry, wherever the program that wrote it put it. */
const isOpenDocument = (pkg: Package) => pkg.has('mimetype') && !pkg.has('[Content_Types].xml');
const openDocumentSpreadsheet = async (pkg: Package) => (await pkg.text('mimetype')).trim() === 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * An OpenDocument spreadsheet, through SheetJS, which inflates the zip itself: every part is
 * inflated here first, within the limits a package is read to, so that a file that would inflate
 * past them is refused before SheetJS is given it.
 */
async function readOpenDocument(pkg: Package, bytes: Uint8Array, file: string): Promise<SourceWorkbook> {
  if (!await openDocumentSpreadsheet(pkg)) throw new PackageError('it is an OpenDocument file, but not a spreadsheet');
  for (const part of pkg.parts) await pkg.bytes(part);
  return (await sheetJs()).readSheetJsWorkbook(bytes, 'ods', file);
}

/** A workbook with no sheet to read is refused here, so that no message lists sheets that are not there. */
function withSheets(workbook: SourceWorkbook): SourceWorkbook {
  if (workbook.sheets.length === 0) throw new PackageError(`it is ${KIND_WORDS[workbook.kind]} with no sheets`);
  return workbook;
}
