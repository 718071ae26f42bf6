// Builds small .xlsx files for tests, cell by cell, with exceljs.
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import os from 'os';
import path from 'path';
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

export function temporaryDirectory(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'vfm-test-'));
}

/** The seed's Section 3 table as typed in the cabinet report, with a title and a header row. */
export const SEED_SHEET: FixtureSheet = { name: 'Costs', rows: SEED_VALUES };
