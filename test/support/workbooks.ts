// Builds small .xlsx files for tests, cell by cell, with exceljs.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { SourceWorkbook, openWorkbook } from '../../src/hosts/xlsx/read-workbook';
import { SEED_VALUES } from './analyses';

export type FixtureCell = ExcelJS.CellValue;
export interface FixtureSheet {
  readonly name: string;
  /** Rows from A1 down; undefined/null leaves a cell empty. */
  readonly rows: readonly (readonly FixtureCell[])[];
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
}

export async function writeWorkbook(file: string, sheets: readonly FixtureSheet[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows, state } of sheets) {
    const sheet = workbook.addWorksheet(name, state ? { state } : {});
    rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
    }));
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

/**
 * A workbook as writeWorkbook makes it, each key of `stored` among its text cells then replaced in
 * the shared strings by the text as Excel stores it: `_x0000_` for a NUL, `_x005F_` before a
 * literal `_xHHHH_`, which exceljs does not write itself. Each key must be found.
 */
export async function writeWorkbookStoring(file: string, sheets: readonly FixtureSheet[], stored: Readonly<Record<string, string>>): Promise<string> {
  await writeWorkbook(file, sheets);
  const zip = await JSZip.loadAsync(readFileSync(file));
  let xml = await zip.file('xl/sharedStrings.xml')!.async('string');
  for (const [key, text] of Object.entries(stored)) {
    if (!xml.includes(key)) throw new Error(`no text cell holds ${key}`);
    xml = xml.replace(key, text);
  }
  zip.file('xl/sharedStrings.xml', xml);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

export function temporaryDirectory(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'vfm-test-'));
}

/** The seed's Section 3 table as typed in the cabinet report, with a title and a header row. */
export const SEED_SHEET: FixtureSheet = { name: 'Costs', rows: SEED_VALUES };

/** A workbook file as the CLI reads it. */
export async function readBack(file: string): Promise<SourceWorkbook> {
  return openWorkbook(readFileSync(file), file);
}

/** A workbook file as exceljs reads it, to look at what the product's reader does not: styles, notes, merges. */
export async function loadWithExcelJs(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}
