// A text file read as it comes, a few bytes and a few characters at a time, gives exactly the
// workbook and grid SheetJS gives reading the whole decoded text: fields with quotes, doubled
// quotes, every separator, CR, LF and CR LF, a `sep=` line, byte-order marks, characters of
// several bytes cut between reads, and bytes that are not UTF-8 (read as Windows-1252).
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { readInChunks, readWhole } from '../../src/hosts/files';
import { openTextWorkbook, openWorkbook } from '../../src/hosts/xlsx/read-workbook';
import { Chunks, readSheetJsWorkbook, readTextWorkbook } from '../../src/hosts/xlsx/read-sheetjs';
import { SourceWorkbook } from '../../src/hosts/xlsx/source-workbook';

/** `bytes` in reads of `size` bytes, each into one buffer the next read reuses, as the file reader gives them. */
function inChunks(bytes: Uint8Array, size: number): Chunks {
  return async function* () {
    const buffer = new Uint8Array(size);
    for (let at = 0; at < bytes.length; at += size) {
      const length = Math.min(size, bytes.length - at);
      buffer.set(bytes.subarray(at, at + length));
      yield buffer.subarray(0, length);
    }
  };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Pieces of a field: text of every kind a CSV holds, and bytes that are not UTF-8. */
const fieldPart = fc.oneof(
  fc.constantFrom('a', 'Core team', '12.50', '"', '""', ',', ';', '\t', '|', '\r', '\n', '\r\n', ' ', 'sep=', '=', 'é', '€', '£1,234', '📞', '\uFEFF').map(utf8),
  fc.constantFrom(utf8('x'.repeat(150)), utf8('£'.repeat(90))),
  fc.constantFrom([0x80], [0xff], [0xc3], [0xe2, 0x82], [0x93]).map((b) => Buffer.from(b)),
);

/** A field: its parts as they are, or quoted with the quotes inside doubled. */
const field = fc.tuple(fc.array(fieldPart, { maxLength: 4 }), fc.boolean()).map(([parts, quoted]) => {
  const body = Buffer.concat(parts);
  return quoted ? Buffer.concat([utf8('"'), Buffer.from(body.toString('latin1').replace(/"/g, '""'), 'latin1'), utf8('"')]) : body;
});

const lineEnd = fc.constantFrom('\n', '\r\n', '\r').map(utf8);
const separator = fc.constantFrom(',', ';', '\t', '|');

/** A whole file: an optional byte-order mark (or two), an optional `sep=` line, then records. */
const csvFile = fc.tuple(
  fc.constantFrom('', '\uFEFF', '\uFEFF\uFEFF'),
  fc.option(separator, { nil: undefined }),
  separator,
  fc.array(fc.tuple(fc.array(field, { minLength: 1, maxLength: 5 }), lineEnd), { maxLength: 60 }),
  fc.boolean(),
).map(([bom, sepLine, sep, records, endsWithLineEnd]) => {
  const parts: Buffer[] = [utf8(bom)];
  if (sepLine !== undefined) parts.push(utf8(`sep=${sepLine}\n`));
  records.forEach(([fields, end], i) => {
    fields.forEach((f, j) => parts.push(...(j > 0 ? [utf8(sep), f] : [f])));
    if (i < records.length - 1 || endsWithLineEnd) parts.push(end);
  });
  return Buffer.concat(parts);
});

/** What a reading gives: the workbook, its sheet's grid, and a range cut from it; or the refusal. */
async function outcome(read: () => Promise<SourceWorkbook>): Promise<unknown> {
  try {
    const { grid, ...workbook } = await read();
    const sheet = workbook.sheets[0].name;
    return { workbook, grid: await grid(sheet), range: await grid(sheet, { top: 2, left: 2, bottom: 40, right: 4 }) };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

const whole = (bytes: Uint8Array) => outcome(async () => readSheetJsWorkbook(bytes, 'csv', 'costs.csv'));
const inPieces = (bytes: Uint8Array, chunkBytes: number, pieceChars: number) => outcome(() => readTextWorkbook(inChunks(bytes, chunkBytes), 'costs.csv', pieceChars));

describe('a text file read in pieces', () => {
  it('gives exactly what SheetJS gives reading the whole decoded text', async () => {
    await fc.assert(fc.asyncProperty(csvFile, fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 300 }), async (bytes, chunkBytes, pieceChars) => {
      expect(await inPieces(bytes, chunkBytes, pieceChars)).toEqual(await whole(bytes));
    }), { numRuns: 300 });
  });

  it('reads many pieces of a long file, UTF-8 or not, with a piece boundary at every place a record can end', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `"Item ${i}, ""quoted"" \r\n€",${i}.50;x\r\n`).join('');
    for (const text of [`Item,Amount\r\n${rows}`, `sep=;\n${rows}`]) {
      for (const bytes of [utf8(text), Buffer.concat([utf8(text), Buffer.from([0x80])])]) {
        const expected = await whole(bytes);
        expect((expected as { grid: { values: unknown[] } }).grid.values.length).toBeGreaterThanOrEqual(400);
        for (const pieceChars of [1, 7, 64]) expect(await inPieces(bytes, 5, pieceChars)).toEqual(expected);
      }
    }
  });

  it('reads what SheetJS reads as another kind of file whole, as it does', async () => {
    for (const text of [`<table><tr><td>Item</td><td>1</td></tr></table>\n${'x,1\n'.repeat(600)}`, `ID;P\nC;Y1;X1;K"Item"\n${'x,1\n'.repeat(600)}`, `${'\n'.repeat(2000)}Item,1\n`]) {
      const bytes = utf8(text);
      expect(await inPieces(bytes, 3, 10)).toEqual(await whole(bytes));
    }
  });

  it('reads a file from the disk in chunks as it reads the file whole', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vfm-pieces-'));
    try {
      const file = path.join(dir, 'costs.csv');
      const rows = Array.from({ length: 6000 }, (_, i) => `"Café ${i}, ""north""",£${i},00;${'x'.repeat(i % 97)}\r\n`).join('');
      writeFileSync(file, `\uFEFFItem,Amount\r\n${rows}`);
      const read = (workbook: Promise<SourceWorkbook>) => outcome(() => workbook);
      const expected = await read(openWorkbook(await readWhole(file), file));
      expect((expected as { grid: { values: unknown[] } }).grid.values).toHaveLength(6001);
      expect(await read(openTextWorkbook(() => readInChunks(file, 4096), file))).toEqual(expected);
      expect(await read(openTextWorkbook(() => readInChunks(file, 333), file))).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
