// Writes one input at the edge of the limits (README, "Limits") into a folder, for limits-child.ts:
// - `csv N`: a CSV of N cost rows (1,000,000 rows is about 25 MB);
// - `merged N`: an .xlsx of N cost rows, each with a note merged across three columns;
// - `labels N`: a CSV of N cost rows, each label 32,767 characters, what an Excel cell holds (14,000 rows is 458 MB);
// Prints the file's name.
import ExcelJS from 'exceljs';
import { createWriteStream } from 'fs';
import path from 'path';

const [kind, rowsArg, dir] = process.argv.slice(2);
const rows = Number(rowsArg);
const pounds = (i: number) => (1000 + ((i * 7919) % 9_000_000)) / 100;
const label = (i: number) => `${i % 50 === 0 ? 'Membership subscription' : 'Contract'} ${i}`;

async function text(file: string, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(file);
  const put = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await put('Item,Amount\n');
  for (let i = 0; i < rows; i++) await put(line(i));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

(async () => {
  if (kind === 'csv') {
    const file = path.join(dir, `costs-${rows}.csv`);
    await text(file, (i) => `${label(i)},${pounds(i)}\n`);
    console.log(file);
  } else if (kind === 'labels') {
    const file = path.join(dir, `labels-${rows}.csv`);
    await text(file, (i) => `${label(i).padEnd(32_767, '.')},${pounds(i)}\n`);
    console.log(file);
  } else if (kind === 'merged') {
    const file = path.join(dir, `merged-${rows}.xlsx`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const sheet = workbook.addWorksheet('Costs');
    sheet.addRow(['Item', 'Amount', 'Note']).commit();
    for (let i = 0; i < rows; i++) {
      const row = sheet.addRow([label(i), pounds(i), `note ${i}`]);
      sheet.mergeCells(i + 2, 3, i + 2, 5);
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
    console.log(file);
  } else throw new Error(`no input kind ${kind}`);
})();
