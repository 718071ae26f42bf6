// vfm verify compares what a reader of the workbook sees: names with their scope (a name of the
// model defined again for one product sheet, or twice, is found), and formulas as the references,
// names and functions they are made of (a name spelt with `_xlfn.` inside it, or a sheet name with
// its space removed, is another name or another sheet). Each tampering edits the parts of a
// workbook the product wrote, adding a hidden sheet where the tampering needs one.
import path from 'path';
import { AUDIT_CLOCK, verifyFindings, vfmOn } from './vfm';
import { FINDINGS_EXIT } from '../../src/faces/cli/commands/verify';
import { HIDDEN, WORKBOOK, defineNear, sheetIndex, sheetXml, tamperedCopy } from '../support/tamper-parts';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const OPTIONS = path.join(ROOT, 'examples/staffordshire-connects.options.json');

const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

let dir: string;
beforeAll(() => {
  dir = temporaryDirectory();
});



describe('vfm verify reads defined names with their scope', () => {
  let written: string;
  let report: number;
  beforeAll(async () => {
    written = path.join(dir, 'written.xlsx');
    expect((await vfm(['analyse', EXAMPLE, '--assumptions', OPTIONS, '--out', written])).code).toBe(0);
    report = await sheetIndex(written, 'VfM Report');
  });

  it('finds a name of the model defined again for the report sheet alone, pointing at a hidden sheet, naming the name and the sheet', async () => {
    const file = await tamperedCopy(written, {
      hidden: HIDDEN,
      edits: { [WORKBOOK]: defineNear('VfM_AvoidableAnnual', `<definedName name="VfM_AvoidableAnnual" localSheetId="${report}">Hidden!$A$1</definedName>`) },
    });
    const { code, out, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(out).not.toContain('Sound');
    expect(findings).toEqual([{
      kind: 'name', place: "'VfM Report'!VfM_AvoidableAnnual",
      message: 'a name of the model defined again for this sheet alone: the formulas on the sheet read it, not the model\'s',
      expected: "no name of the sheet's own; the model's is 'VfM Cost Rows'!$B$4", found: 'Hidden!$A$1',
    }, { kind: 'sheet', place: 'Hidden', message: 'a hidden sheet that the model reads: a reader does not see the figures it gives', expected: 'a sheet a reader sees', found: "hidden, read by 'VfM Report'!VfM_AvoidableAnnual" }]);
  });

  it('finds it written before the model\'s own name too, and then finds the model\'s own name where the product put it', async () => {
    const file = await tamperedCopy(written, {
      hidden: HIDDEN,
      edits: { [WORKBOOK]: defineNear('VfM_AvoidableAnnual', `<definedName name="VfM_AvoidableAnnual" localSheetId="${report}">Hidden!$A$1</definedName>`, 'before') },
    });
    const { code, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(findings.map((f) => [f.place, f.found])).toEqual([["'VfM Report'!VfM_AvoidableAnnual", 'Hidden!$A$1'], ['Hidden', "hidden, read by 'VfM Report'!VfM_AvoidableAnnual"]]);
  });

  it('counts a chart sheet among the sheets, as localSheetId does', async () => {
    const file = await tamperedCopy(written, {
      hidden: HIDDEN,
      chartSheetFirst: true,
      edits: { [WORKBOOK]: defineNear('VfM_AvoidableAnnual', `<definedName name="VfM_AvoidableAnnual" localSheetId="${report + 1}">Hidden!$A$1</definedName>`) },
    });
    const { code, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(findings.map((f) => [f.place, f.found])).toEqual([["'VfM Report'!VfM_AvoidableAnnual", 'Hidden!$A$1'], ['Hidden', "hidden, read by 'VfM Report'!VfM_AvoidableAnnual"]]);
  });

  it('finds a name of the model defined for the scenario sheet alone as a constant', async () => {
    const scenarios = await sheetIndex(written, 'VfM Scenarios');
    const file = await tamperedCopy(written, { edits: { [WORKBOOK]: defineNear('VfM_DiscountRate', `<definedName name="VfM_DiscountRate" localSheetId="${scenarios}">0.015</definedName>`) } });
    const { code, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(findings).toEqual([expect.objectContaining({ kind: 'name', place: "'VfM Scenarios'!VfM_DiscountRate", found: '0.015' })]);
  });

  it('finds a name of the model defined twice for the whole workbook, naming both definitions', async () => {
    const file = await tamperedCopy(written, {
      hidden: HIDDEN,
      edits: { [WORKBOOK]: defineNear('VfM_AvoidableAnnual', '<definedName name="VfM_AvoidableAnnual">Hidden!$A$1</definedName>') },
    });
    const { code, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(findings).toEqual([{
      kind: 'name', place: 'VfM_AvoidableAnnual', message: 'a name of the model defined more than once: a reader takes one of them',
      expected: "one definition, 'VfM Cost Rows'!$B$4", found: "'VfM Cost Rows'!$B$4 and Hidden!$A$1",
    }, { kind: 'sheet', place: 'Hidden', message: 'a hidden sheet that the model reads: a reader does not see the figures it gives', expected: 'a sheet a reader sees', found: 'hidden, read by VfM_AvoidableAnnual' }]);
  });

  it('leaves a sheet-scoped copy of a name of the model on a sheet of the user\'s own (as copying a sheet makes) sound', async () => {
    const hidden = (await sheetIndex(written, 'VfM Audit')) + 1;
    const file = await tamperedCopy(written, {
      hidden: { name: 'Snapshot', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      edits: { [WORKBOOK]: defineNear('VfM_AvoidableAnnual', `<definedName name="VfM_AvoidableAnnual" localSheetId="${hidden}">Snapshot!$A$1</definedName>`) },
    });
    const { code, out } = await verifyFindings(file);
    expect(out).toContain('Sound');
    expect(code).toBe(0);
  });
});

describe('vfm verify compares formulas as the references, names and functions they are made of', () => {
  let written: string;
  beforeAll(async () => {
    written = path.join(dir, 'written-names.xlsx');
    expect((await vfm(['analyse', EXAMPLE, '--assumptions', OPTIONS, '--out', written])).code).toBe(0);
  });

  it('finds a formula whose name is changed to one with "_xlfn." inside it, a new name pointing at a hidden sheet', async () => {
    const file = await tamperedCopy(written, {
      hidden: HIDDEN,
      edits: {
        [WORKBOOK]: defineNear('VfM_AvoidableAnnual', '<definedName name="VfM_Avoidable_xlfn.Annual">Hidden!$A$1</definedName>'),
        'sheet:VfM Scenarios': (xml) => xml.replace(/(<c r="(C\d+)"[^>]*>)<f>VfM_AvoidableAnnual<\/f>/, '$1<f>VfM_Avoidable_xlfn.Annual</f>'),
      },
    });
    const cell = /<c r="(C\d+)"[^>]*><f>VfM_Avoidable_xlfn\.Annual<\/f>/.exec(await sheetXml(file, 'VfM Scenarios'))?.[1];
    expect(cell).toBeDefined();
    const { code, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    expect(findings).toEqual([
      { kind: 'cell', place: `'VfM Scenarios'!${cell}`, message: 'a formula edited', expected: '=VfM_AvoidableAnnual', found: '=VfM_Avoidable_xlfn.Annual' },
      { kind: 'sheet', place: 'Hidden', message: 'a hidden sheet that the model reads: a reader does not see the figures it gives', expected: 'a sheet a reader sees', found: 'hidden, read by VfM_Avoidable_xlfn.Annual' },
    ]);
  });
});

describe('vfm verify compares sheet names in references as Excel does', () => {
  let written: string;
  beforeAll(async () => {
    const input = await writeWorkbook(path.join(dir, 'cost-table.xlsx'), [{ ...SEED_SHEET, name: 'Cost Table' }]);
    written = path.join(dir, 'written-cost-table.xlsx');
    expect((await vfm(['analyse', input, '--out', written])).code).toBe(0);
  });

  it('finds the workbook as written sound', async () => {
    const { code, out } = await verifyFindings(written);
    expect(out).toContain('Sound');
    expect(code).toBe(0);
  });

  it('finds each cost row re-pointed from the source sheet "Cost Table" to a hidden copy named "CostTable"', async () => {
    const copy = /<sheetData>([\s\S]*)<\/sheetData>/.exec(await sheetXml(written, 'Cost Table'))?.[1] ?? '';
    const file = await tamperedCopy(written, {
      hidden: { name: 'CostTable', rows: copy.replace('<v>46648.63</v>', '<v>146648.63</v>') },
      edits: { 'sheet:VfM Cost Rows': (xml) => xml.replace(/'Cost Table'!B(\d+)/g, "'CostTable'!B$1") },
    });
    const { code, findings } = await verifyFindings(file);
    expect(code).toBe(FINDINGS_EXIT);
    // The six cost rows (B9 to B14) and the total the source states (B6), each formula shown both
    // ways: CRM, in row 5 of the source, is the second cost row.
    expect(findings.map((f) => [f.place, f.message])).toEqual([
      ...['B6', 'B9', 'B10', 'B11', 'B12', 'B13', 'B14'].map((cell) => [`'VfM Cost Rows'!${cell}`, 'a formula edited']),
      ['CostTable', 'a hidden sheet that the model reads: a reader does not see the figures it gives'],
    ]);
    expect(findings[2]).toMatchObject({ expected: "=ROUND('Cost Table'!B5*VfM_SourceUnit,2)", found: "=ROUND('CostTable'!B5*VfM_SourceUnit,2)" });
  });
});
