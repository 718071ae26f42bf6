// Text a finance officer's file can hold, read as it is: item labels with a NUL and other control
// characters, emoji, right-to-left text and the marks that reorder a line, a literal _xHHHH_, half
// of a surrogate pair, a label of exactly 32,767 characters. The analysis runs; each label is kept
// exactly in --json and in the written workbook (whose every part is well-formed XML, the label
// escaped as Excel escapes it); the terminal shows the characters it would act on as escapes.
// The refusals (a label past 32,767 characters, an amount holding such text) are in the catalogue,
// bad-inputs.test.ts.
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { SaxesParser } from 'saxes';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { TEXT_LABELS, TEXT_ROWS, TEXT_SHEET, writeTextWorkbook } from '../support/texts';
import { readBack, temporaryDirectory } from '../support/workbooks';
import { vfm } from './vfm';

/** What a terminal acts on rather than shows, and what is no character to show (terminal.ts); a newline ends each line. */
const NOT_SHOWN = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/u;
const printable = (out: string) => !NOT_SHOWN.test(out.replace(/\n/g, ''));

/** Every XML part of a package, by name; a part that is not well-formed XML 1.0 fails the test. */
async function xmlParts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    expect(() => new SaxesParser({ xmlns: true }).write(xml).close()).not.toThrow();
    parts.set(name, xml);
  }
  return parts;
}

/** The item labels of the written Cost Rows sheet, as the product reads them back. */
async function writtenItems(file: string): Promise<unknown[]> {
  const workbook = await readBack(file);
  const items = namedRange(workbook, 'VfM_Items');
  if (!items) throw new Error('no VfM_Items');
  return (await workbook.grid(items.sheet, items.range)).values.map((row) => row[0]);
}

const rowsOf = (summary: string) => (JSON.parse(readFileSync(summary, 'utf8')) as { rows: { item: string; class: string; reason: string }[] }).rows;

describe('labels holding control characters, emoji and right-to-left text', () => {
  it('are kept exactly in --json and the workbook, an override finds them, and the terminal shows them escaped', async () => {
    const dir = temporaryDirectory();
    const input = await writeTextWorkbook(path.join(dir, 'in.xlsx'));
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ noticeServedOn: '2012-10-19', overrides: { 'crm 📞': 'avoidable', 'شبكة الاتصالات': 'avoidable' } }));
    const [out, summary, report] = ['out.xlsx', 's.json', 'r.docx'].map((name) => path.join(dir, name));
    const { code, out: printed, err } = await vfm(['analyse', input, '--assumptions', path.join(dir, 'a.json'), '--out', out, '--json', summary, '--report', report]);
    expect(err).toBe('');
    expect(code).toBe(0);

    const rows = rowsOf(summary);
    expect(rows.map((row) => row.item)).toEqual(TEXT_LABELS);
    expect(rows.filter((row) => row.class === 'avoidable').map((row) => row.item)).toEqual([TEXT_LABELS[0], 'CRM 📞', 'شبكة الاتصالات']);
    expect(await writtenItems(out)).toEqual(TEXT_LABELS);
    // The Cost Rows sheet holds each label as Excel stores it.
    const costRows = [...(await xmlParts(out)).values()].find((xml) => xml.includes('CRM 📞') && xml.includes('<sheetData>')) ?? '';
    for (const { stored } of TEXT_ROWS) if (stored) expect(costRows).toContain(`<t xml:space="preserve">${stored}</t>`);
    const document = (await xmlParts(report)).get('word/document.xml') ?? '';
    for (const label of ['CRM 📞', 'شبكة الاتصالات', 'תמיכה טכנית']) expect(document).toContain(label);

    expect(printable(printed)).toBe(true);
    expect(printed).toContain(`sheet ${TEXT_SHEET}, A1:B15 (14 cost rows)`);
    expect(printed).toContain('column B "£\\x00", the only column of amounts');
    const line = (row: number) => printed.split('\n').find((l) => l.startsWith(`  B${row} `)) ?? '';
    expect(TEXT_ROWS.map((_, i) => line(i + 2).slice(8, 49).trimEnd())).toEqual([
      'Core team\\x00 (\\x01 \\x1f)',
      'CRM 📞',
      '📞📠💷',
      'شبكة الاتصالات',
      'תמיכה טכנית',
      'Email \\u202eeulav\\u202c',
      '\\u2066Hosting\\u2069 \\u061c\\u200f',
      '\\u2067x\\u2069 \\u2068y\\u2069',
      // Cut to the table's 40 columns: an escape or an emoji left whole or left out.
      `Licences ${'\\u202e'.repeat(5)}…`,
      'Line _x0041_ rental',
      'Half \\ud83d',
      'Not a character \\uffff',
      `${'x'.repeat(38)}…`,
      `${'x'.repeat(39)}…`,
    ]);
    expect(line(3)).toMatch(/avoidable +set by user$/);
  });
});

describe('a CSV file', () => {
  it('holding a stray NUL in a label is read, the NUL kept as a character of its cell', async () => {
    const dir = temporaryDirectory();
    const input = path.join(dir, 'costs.csv');
    writeFileSync(input, 'Item,£\r\nCore team,17800\r\nCRM\0,46648.63\r\nEmail,845\r\n');
    const { code, out, err } = await vfm(['analyse', input, '--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 's.json')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(rowsOf(path.join(dir, 's.json')).map((row) => row.item)).toEqual(['Core team', 'CRM\u0000', 'Email']);
    expect(out).toMatch(/^ {2}B3 +CRM\\x00 +46,648\.63 /m);
    expect(printable(out)).toBe(true);
    expect(await writtenItems(path.join(dir, 'out.xlsx'))).toEqual(['Core team', 'CRM\u0000', 'Email']);
    // The CSV's cells are copied into the new workbook, the NUL as Excel stores it, the amount as the number it was read as.
    const copied = await readBack(path.join(dir, 'out.xlsx'));
    expect((await copied.grid('costs')).values[2]).toEqual(['CRM\u0000', 46648.63]);
  });

  it.each([
    // what the name holds, the file's name, its sheet's name, its name in the footers
    ['right-to-left text and an emoji', 'تكاليف 📞', 'تكاليف 📞', 'تكاليف 📞.csv'],
    ['control characters, made spaces', 'costs\x1bc\x07', 'costs c', 'costs c .csv'],
    ['31 characters at most, an emoji not cut in two', `${'x'.repeat(30)}📞`, 'x'.repeat(30), `${'x'.repeat(30)}📞.csv`],
    ['a name too long for the footers whole, cut there before an emoji', `${'x'.repeat(98)}📞`, 'x'.repeat(31), `${'x'.repeat(98)}…`],
  ])('gives its sheet the name of the file: %s', async (_, name, sheet, footer) => {
    const dir = temporaryDirectory();
    const input = path.join(dir, `${name}.csv`);
    writeFileSync(input, 'Item,£\nCore team,17800\nCRM,46648.63\n');
    const out = path.join(dir, 'out.xlsx');
    const run = await vfm(['analyse', input, '--out', out]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`, sheet ${sheet}, A1:B3 (2 cost rows)`);
    expect(printable(run.out)).toBe(true);
    expect((await readBack(out)).sheets.map((s) => s.name)).toContain(sheet);
    const parts = [...(await xmlParts(out)).values()].join('');
    expect(parts).toContain(`Source ${footer}, run on`);
    // No half of an emoji anywhere in the workbook.
    expect(parts).not.toMatch(/_xD[89A-F][0-9A-F]{2}_/);
  });
});
