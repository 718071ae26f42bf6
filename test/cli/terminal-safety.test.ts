// Text from the workbook or the user reaches the terminal with its control characters shown as
// escapes: a label cannot clear the screen, set the window title or break a table.
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { visible } from '../../src/core/visible';
import { terminalText } from '../../src/faces/cli/terminal';
import { temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { vfm } from './vfm';

// Any control character: C0, DEL, C1 (ESC and BEL among them).
const CONTROL = /[\p{Cc}]/u;

/** A workbook whose labels hold what Excel stores as `_x001B_` and friends, which exceljs cannot write itself. */
async function workbookWithControls(file: string): Promise<string> {
  await writeWorkbook(file, [{
    name: 'Costs',
    rows: [['Item', '£'], ['Core team ESCAPES', 17800], ['CRM NEWLINE', 46648.63], ['Total', 64448.63]],
  }]);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', xml
    .replace('ESCAPES', '_x001B_[2J_x001B_]0;pwned_x0007_')
    .replace('NEWLINE', '_x000A_line two_x000D_'));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

describe('visible', () => {
  it('shows newline, return and tab by name and other controls by code', () => {
    expect(visible('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(visible('\x1b[2J\x07\x00\x7f\x9b')).toBe('\\x1b[2J\\x07\\x00\\x7f\\x9b');
    expect(visible('abc\u202edcba\u2066\u2028')).toBe('abc\\u202edcba\\u2066\\u2028');
  });

  it('shows the Arabic letter mark, half of an emoji alone and U+FFFF by code, and leaves whole emoji and right-to-left letters', () => {
    expect(visible('\u061c\ud83d|\udcde|\uffff|\ufffe')).toBe('\\u061c\\ud83d|\\udcde|\\uffff|\\ufffe');
    expect(visible('CRM 📞 شبكة תמיכה')).toBe('CRM 📞 شبكة תמיכה');
  });

  it('leaves ordinary text, accents, £ and backslashes alone, so a second pass changes nothing', () => {
    expect(visible('Café £1,000 – C:\\data')).toBe('Café £1,000 – C:\\data');
    const once = visible('\x1b[2J\n');
    expect(visible(once)).toBe(once);
  });

  it('keeps each printed line to one line', () => {
    expect(terminalText(['one\ntwo', 'three'])).toBe('one\\ntwo\nthree\n');
    expect(terminalText([])).toBe('');
  });
});

describe('vfm analyse prints no control character from the workbook or the user', () => {
  it('shows a label holding ESC sequences and a newline escaped, the table intact', async () => {
    const dir = temporaryDirectory();
    const file = await workbookWithControls(path.join(dir, 'book.xlsx'));
    const { code, out, err } = await vfm(['analyse', file]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(CONTROL.test(out.replace(/\n/g, ''))).toBe(false);
    expect(out).toContain('Core team \\x1b[2J\\x1b]0;pwned\\x07');
    const crm = out.split('\n').find((line) => line.includes('CRM'));
    // The reader trims the label's ends, the trailing return among them.
    expect(crm).toMatch(/^ {2}B3 +CRM \\nline two +46,648\.63 +committed +label mentions no avoidable keyword/);
    const rows = out.split('\n').filter((line) => /^ {2}B\d /.test(line));
    expect(new Set(rows.map((line) => line.indexOf('committed') >= 0 ? line.indexOf('committed') : line.indexOf('avoidable'))).size).toBe(1);
  });

  it('shows file names, sheet names and assumption values in error messages escaped', async () => {
    const dir = temporaryDirectory();
    const file = await workbookWithControls(path.join(dir, 'book.xlsx'));
    const missing = await vfm(['analyse', path.join(dir, 'in\x1b[2J.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('in\\x1b[2J.xlsx: no such file');
    const sheet = await vfm(['analyse', file, '--sheet', 'Costs\x1b]0;x\x07']);
    expect(sheet.err).toContain('--sheet "Costs\\x1b]0;x\\x07": no such sheet');
    const assumptions = path.join(dir, 'a.json');
    writeFileSync(assumptions, JSON.stringify({ noticeServedOn: '\x1b[2J\n2012-10-19' }));
    const bad = await vfm(['analyse', file, '--assumptions', assumptions]);
    expect(bad.code).toBe(2);
    // The assumptions are JSON, so the message quotes the value as JSON writes it.
    expect(bad.err).toContain('noticeServedOn: "\\u001b[2J\\n2012-10-19"');
    for (const { err } of [missing, sheet, bad]) {
      expect(CONTROL.test(err.replace(/\n/g, ''))).toBe(false);
    }
  });
});
