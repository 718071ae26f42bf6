// vfm verify on a workbook LibreOffice calculated and saved (its own spelling of every part: quotes
// as `&apos;`, formulas with attributes, names with attributes), its source on a sheet named with
// a space: sound as saved; and each of three tamperings of its parts is found, naming the name and
// sheet, or the cell: a name of the model defined again for the report sheet alone, pointing at a
// hidden sheet; a formula's name changed to one with `_xlfn.` inside it; the cost rows re-pointed
// at a hidden copy of the source whose name lacks the space.
import path from 'path';
import { AUDIT_CLOCK, verifyFindings, vfmOn } from '../cli/vfm';
import { FINDINGS_EXIT } from '../../src/faces/cli/commands/verify';
import { calc } from '../support/libreoffice';
import { HIDDEN, Tampering, WORKBOOK, defineNear, sheetIndex, sheetXml, tamperParts } from '../support/tamper-parts';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(180_000);

const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

it('finds a workbook LibreOffice saved sound, and each tampering of its names and references', async () => {
  const dir = temporaryDirectory();
  const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [{ ...SEED_SHEET, name: 'Cost Table' }]);
  const [written, saved] = [path.join(dir, 'written.xlsx'), path.join(dir, 'saved.xlsx')];
  expect((await vfm(['analyse', input, '--out', written])).code).toBe(0);
  await calc(written, [{ save: saved }]);

  const sound = await verifyFindings(saved);
  expect(sound.out).toContain('Sound');
  expect(sound.code).toBe(0);

  const tampered = async (name: string, tampering: Tampering) => {
    const file = path.join(dir, `${name}.xlsx`);
    await tamperParts(saved, file, tampering);
    return verifyFindings(file);
  };

  const report = await sheetIndex(saved, 'VfM Report');
  const shadowed = await tampered('shadowed', {
    hidden: HIDDEN,
    edits: { [WORKBOOK]: defineNear('VfM_AvoidableAnnual', `<definedName localSheetId="${report}" name="VfM_AvoidableAnnual">Hidden!$A$1</definedName>`) },
  });
  expect(shadowed.code).toBe(FINDINGS_EXIT);
  expect(shadowed.findings).toEqual([
    expect.objectContaining({ kind: 'name', place: "'VfM Report'!VfM_AvoidableAnnual", found: 'Hidden!$A$1' }),
    { kind: 'sheet', place: 'Hidden', message: 'a hidden sheet that the model reads: a reader does not see the figures it gives', expected: 'a sheet a reader sees', found: "hidden, read by 'VfM Report'!VfM_AvoidableAnnual" },
  ]);

  const cell = /<c r="(C\d+)"[^>]*><f[^>]*>VfM_AvoidableAnnual<\/f>/.exec(await sheetXml(saved, 'VfM Scenarios'))?.[1];
  const renamed = await tampered('renamed', {
    hidden: HIDDEN,
    edits: {
      [WORKBOOK]: defineNear('VfM_AvoidableAnnual', '<definedName name="VfM_Avoidable_xlfn.Annual">Hidden!$A$1</definedName>'),
      'sheet:VfM Scenarios': (xml) => xml.replace(/(<c r="C\d+"[^>]*><f[^>]*>)VfM_AvoidableAnnual<\/f>/, '$1VfM_Avoidable_xlfn.Annual</f>'),
    },
  });
  expect(renamed.code).toBe(FINDINGS_EXIT);
  expect(renamed.findings).toEqual([
    { kind: 'cell', place: `'VfM Scenarios'!${cell}`, message: 'a formula edited', expected: '=VfM_AvoidableAnnual', found: '=VfM_Avoidable_xlfn.Annual' },
    { kind: 'sheet', place: 'Hidden', message: 'a hidden sheet that the model reads: a reader does not see the figures it gives', expected: 'a sheet a reader sees', found: 'hidden, read by VfM_Avoidable_xlfn.Annual' },
  ]);

  const copy = /<sheetData>([\s\S]*)<\/sheetData>/.exec(await sheetXml(saved, 'Cost Table'))?.[1] ?? '';
  const repointed = await tampered('repointed', {
    hidden: { name: 'CostTable', rows: copy.replace('<v>46648.63</v>', '<v>146648.63</v>') },
    edits: { 'sheet:VfM Cost Rows': (xml) => xml.replace(/(&apos;|')Cost Table(&apos;|')!B/g, '$1CostTable$2!B') },
  });
  expect(repointed.code).toBe(FINDINGS_EXIT);
  expect(repointed.findings.filter((f) => f.kind === 'cell').map((f) => [f.place, f.message])).toEqual(['B6', 'B9', 'B10', 'B11', 'B12', 'B13', 'B14'].map((c) => [`'VfM Cost Rows'!${c}`, 'a formula edited']));
  // The hidden copy the cost rows now read is named, with the first cell that reads it.
  expect(repointed.findings.filter((f) => f.kind === 'sheet')).toEqual([{
    kind: 'sheet', place: 'CostTable', message: 'a hidden sheet that the model reads: a reader does not see the figures it gives',
    expected: 'a sheet a reader sees', found: "hidden, read by 'VfM Cost Rows'!B6 and 6 more",
  }]);
});
