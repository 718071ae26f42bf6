// vfm verify compares what a reader is shown, on a workbook LibreOffice calculated and saved (and
// so wrote every number format in its own spelling): a number format that shows other text on the
// NPV cell, a sheet of the model hidden, and the report sheet hidden and renamed with a typed sheet
// in its place. Each tampering edits the parts of the saved workbook. (The cost rows re-pointed to
// a hidden copy of the source are in verify-names.test.ts.)
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { a1 } from '../../src/core/cell';
import { AUDIT_CLOCK, verifyFindings, vfmOn } from '../cli/vfm';
import { FINDINGS_EXIT } from '../../src/faces/cli/commands/verify';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { calc } from '../support/libreoffice';
import { cellElement } from '../support/tamper';
import { WORKBOOK, sheetXml, tamperedCopy } from '../support/tamper-parts';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');

const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

let dir: string;
beforeAll(() => {
  dir = temporaryDirectory();
});



/** The styles part of `file`. */
const stylesXml = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file('xl/styles.xml')!.async('string');

/** The workbook part's edit that hides the sheet `name` (LibreOffice writes each sheet's state, "visible"). */
const hide = (name: string, state: 'hidden' | 'veryHidden' = 'hidden') => (xml: string) =>
  xml.replace(new RegExp(`<sheet name="${name.replace(/[()]/g, '\\$&')}"([^>]*) state="visible"`), `<sheet name="${name}"$1 state="${state}"`);

describe('a workbook LibreOffice calculated and saved', () => {
  let saved: string;
  beforeAll(async () => {
    const written = path.join(dir, 'written.xlsx');
    saved = path.join(dir, 'saved.xlsx');
    expect((await vfm(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', path.join(ROOT, 'examples/staffordshire-connects.options.json'), '--out', written])).code).toBe(0);
    await calc(written, [{ save: saved }]);
  });

  it('is sound, though LibreOffice spells every number format its own way', async () => {
    const styles = await stylesXml(saved);
    // Measured: LibreOffice writes the money format as \£#,##0.00;[RED]"-£"#,##0.00 and the date as d\ mmm\ yyyy.
    expect(styles).toContain('formatCode="\\£#,##0.00;[RED]&quot;-£&quot;#,##0.00"');
    expect(styles).toContain('formatCode="d\\ mmm\\ yyyy"');
    const { code, out } = await verifyFindings(saved);
    expect(out).toContain('Sound');
    expect(code).toBe(0);
  });

  it('finds the number format "£99,999.99" put on the NPV cell, which shows that whatever the NPV is, naming the cell and both formats', async () => {
    const npv = namedRange(await readBack(saved), 'VfM_NPV');
    if (!npv) throw new Error('no VfM_NPV');
    const address = a1(npv.range.top, npv.range.left);
    const xml = await sheetXml(saved, npv.sheet);
    const style = Number(cellElement(address).exec(xml)?.[0].match(/ s="(\d+)"/)?.[1] ?? 0);
    // A cell format like the NPV cell's, with the format "£99,999.99", added after the others.
    const added = Number(/<cellXfs count="(\d+)"/.exec(await stylesXml(saved))?.[1]);
    const file = await tamperedCopy(saved, {
      edits: {
        'xl/styles.xml': (styles) => {
          const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)!;
          const xf = [...xfs[2].matchAll(/<xf [\s\S]*?<\/xf>|<xf [^>]*\/>/g)][style][0].replace(/numFmtId="\d+"/, 'numFmtId="300"');
          return styles
            .replace('</numFmts>', '<numFmt numFmtId="300" formatCode="&quot;£99,999.99&quot;"/></numFmts>')
            .replace(xfs[0], `<cellXfs count="${Number(xfs[1]) + 1}">${xfs[2]}${xf}</cellXfs>`);
        },
        [`sheet:${npv.sheet}`]: (sheet) => sheet.replace(cellElement(address), (c) => c.replace(/ s="\d+"/, ` s="${added}"`)),
      },
    });
    const { code, out, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(out).not.toContain('Sound');
    expect(findings).toEqual([{
      kind: 'cell', place: `'VfM Scenarios'!${address}`, message: 'a number format changed: the cell shows its value otherwise than the product wrote it',
      expected: '"£"#,##0.00;[Red]-"£"#,##0.00', found: '"£99,999.99"',
    }]);
  });

  it('finds the options sheet hidden, and the audit sheet very hidden', async () => {
    const file = await tamperedCopy(saved, { edits: { [WORKBOOK]: (xml) => hide('VfM Audit', 'veryHidden')(hide('VfM Options')(xml)) } });
    const { code, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(findings).toEqual([
      { kind: 'sheet', place: "'VfM Options'", message: 'a sheet of the model is hidden: a reader does not see it', expected: 'visible', found: 'hidden' },
      { kind: 'sheet', place: "'VfM Audit'", message: 'a sheet of the model is hidden: a reader does not see it', expected: 'visible', found: 'very hidden' },
    ]);
  });

  it('finds the report sheet hidden and renamed "VfM Report (2)", with a typed sheet named "VfM Report" in its place', async () => {
    const file = await tamperedCopy(saved, {
      shown: { name: 'VfM Report', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Financial implications: a saving of £71,800 a year</t></is></c></row>' },
      edits: {
        [WORKBOOK]: (xml) => hide('VfM Report (2)')(xml.replace('<sheet name="VfM Report"', '<sheet name="VfM Report (2)"').replace(/&apos;VfM Report&apos;!/g, '&apos;VfM Report (2)&apos;!')),
      },
    });
    const { code, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(findings).toEqual([
      { kind: 'sheet', place: "'VfM Report (2)'", message: 'a sheet of the model is hidden: a reader does not see it', expected: 'visible', found: 'hidden' },
      {
        kind: 'sheet', place: "'VfM Report'", message: 'a sheet the product did not write bears the name of a sheet of the model, whose own sheet is hidden under another name',
        expected: "the model's sheet, now 'VfM Report (2)'", found: "a sheet of another's; the model's is 'VfM Report (2)', hidden",
      },
    ]);
  });
});
