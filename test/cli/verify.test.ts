// vfm verify: a workbook the product wrote is sound; each tampering, made by editing the package's
// XML so that nothing else changes, is found and named; the exit codes.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { AUDIT_CLOCK, vfmOn } from './vfm';
import { a1, sheetReference } from '../../src/core/cell';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { readBack, temporaryDirectory } from '../support/workbooks';
import { cellElement, tamper } from '../support/tamper';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const OPTIONS = path.join(ROOT, 'examples/staffordshire-connects.options.json');
const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

let dir: string;
let written: string;
beforeAll(async () => {
  dir = temporaryDirectory();
  written = path.join(dir, 'written.xlsx');
  expect((await vfm(['analyse', EXAMPLE, '--assumptions', OPTIONS, '--out', written])).code).toBe(0);
});

/** The address of a name's first cell, and its sheet. */
async function cellOf(name: string, down = 0): Promise<{ sheet: string; address: string }> {
  const named = namedRange(await readBack(written), name);
  if (!named) throw new Error(`no name ${name}`);
  return { sheet: named.sheet, address: a1(named.range.top + down, named.range.left) };
}

/** The findings of verifying `written` with one part changed by `edit`. */
async function findingsAfter(part: string, edit: (xml: string) => string): Promise<{ code: number; findings: { kind: string; place: string; message: string; expected?: string; found?: string }[] }> {
  const file = path.join(dir, `tampered-${Math.random().toString(36).slice(2)}.xlsx`);
  await tamper(written, file, part, edit);
  const json = `${file}.json`;
  const { code } = await vfm(['verify', file, '--json', json]);
  return { code, findings: code === 2 ? [] : JSON.parse(readFileSync(json, 'utf8')).findings };
}
const inCell = (address: string, xml: string) => `<c r="${address}"${xml}`;

describe('vfm verify', () => {
  it('finds a workbook just written sound, says it was never calculated, and writes the JSON', async () => {
    const json = path.join(dir, 'sound.json');
    const { code, out } = await vfm(['verify', written, '--json', json]);
    expect(code).toBe(0);
    expect(out).toContain('Sound: every cell of the model');
    expect(out).toContain('has not been calculated since it was written');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ sound: true, calculated: false, findings: [] });
  });

  it('finds a workbook sound whose classes the user set, the reasons saying so', async () => {
    const assumptions = path.join(dir, 'set-classes.json');
    writeFileSync(assumptions, JSON.stringify({ overrides: { CRM: 'committed', 'Staffordshire Connects 2011/12 Core Team': 'committed' } }));
    const set = path.join(dir, 'set-classes.xlsx');
    expect((await vfm(['analyse', EXAMPLE, '--assumptions', assumptions, '--out', set])).code).toBe(0);
    const { code, out } = await vfm(['verify', set]);
    expect(out).toContain('Sound: every cell of the model');
    expect(code).toBe(0);
  });

  it('names a formula replaced by a typed number', async () => {
    const { sheet, address } = await cellOf('VfM_NPV');
    const { code, findings } = await findingsAfter(`sheet:${sheet}`, (xml) => xml.replace(cellElement(address), inCell(address, '><v>50000</v></c>')));
    expect(code).toBe(3);
    expect(findings).toEqual([expect.objectContaining({ kind: 'cell', place: `${sheetReference(sheet)}!${address}`, message: 'a formula replaced by a typed value', found: '50000' })]);
  });

  it('names a formula edited, with the formula expected and the one found', async () => {
    const { sheet, address } = await cellOf('VfM_TotalSaving');
    const { findings } = await findingsAfter(`sheet:${sheet}`, (xml) => xml.replace(cellElement(address), (cell) => cell.replace(/<f>([^<]*)<\/f>/, '<f>$1*1.1</f>')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ place: `${sheetReference(sheet)}!${address}`, message: 'a formula edited' });
    expect(findings[0].found).toBe(`${findings[0].expected}*1.1`);
  });

  it('names a sentence of the committee report typed over, and the report\'s working edited', async () => {
    const { sheet, address } = await cellOf('VfM_BaseFYLabel');
    const { findings } = await findingsAfter(`sheet:${sheet}`, (xml) => {
      const typed = xml.replace(/<c r="A\d+"[^>]*><f>"By withdrawing[^<]*<\/f><\/c>/, (cell) => cell.replace(/<f>[^<]*<\/f>/, '').replace('>', ' t="inlineStr"><is><t>By withdrawing the council saves £1m a year.</t></is>'));
      expect(typed).not.toBe(xml);
      return typed.replace(cellElement(address), (cell) => cell.replace(/<f>[^<]*<\/f>/, '<f>"2010/11"</f>'));
    });
    expect(findings.map((f) => [f.place.replace(/\d+$/, 'N'), f.message, f.found])).toEqual([
      [`${sheetReference(sheet)}!AN`, 'a formula replaced by a typed value', '"By withdrawing the council saves £1m a year."'],
      [`${sheetReference(sheet)}!BN`, 'a formula edited', '="2010/11"'],
    ]);
  });

  it('names a formula cleared', async () => {
    const { sheet, address } = await cellOf('VfM_PreferredNPV');
    const { findings } = await findingsAfter(`sheet:${sheet}`, (xml) => xml.replace(cellElement(address), ''));
    expect(findings).toEqual([expect.objectContaining({ place: `${sheetReference(sheet)}!${address}`, message: 'a formula cleared', found: 'empty' })]);
  });

  it('names a label changed and a number typed where the model has nothing', async () => {
    const { sheet } = await cellOf('VfM_NPV');
    const { findings } = await findingsAfter(`sheet:${sheet}`, (xml) => xml
      .replace(/(<c r="A1"[^>]*><is><t[^>]*>)([^<]*)/, '$1Edited title')
      .replace(/(<row r="2"[^>]*>)/, `$1<c r="Z2"><v>7</v></c>`));
    expect(findings.map((f) => [f.place, f.message])).toEqual([
      [`${sheetReference(sheet)}!A1`, 'a label changed'],
      [`${sheetReference(sheet)}!Z2`, 'a cell the product leaves empty holds something'],
    ]);
  });

  it('names a defined name repointed, and one deleted', async () => {
    const { findings } = await findingsAfter('xl/workbook.xml', (xml) => xml
      .replace(/(<definedName name="VfM_NPV"[^>]*>)[^<]*/, "$1'VfM Scenarios'!$$C$$2")
      .replace(/<definedName name="VfM_TotalSaving"[^>]*>[^<]*<\/definedName>/, ''));
    expect(findings.filter((f) => f.kind === 'name').map((f) => [f.place, f.message])).toEqual(expect.arrayContaining([
      ['VfM_TotalSaving', 'a defined name missing, or pointing at no cells'],
      ['VfM_NPV', 'a defined name pointing elsewhere'],
    ]));
  });

  it('names the source changed since the run, cell by cell, with the value stamped at the run and the value now', async () => {
    const source = (await readBack(written)).sheets[0].name;
    const { findings } = await findingsAfter(`sheet:${source}`, (xml) => xml.replace(/(<c r="B5"[^>]*>(?:<f>[^<]*<\/f>)?<v>)([^<]*)/, '$199999'));
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'source', message: 'the source values no longer match the fingerprint stamped at the run' }),
      { kind: 'source', place: 'Costs!B5', message: 'a source cell changed since the run', expected: '17800', found: '99999' },
    ]);
  });

  it('names a stamped fingerprint edited, with no source cell changed', async () => {
    const { sheet, address } = await cellOf('VfM_Fingerprint');
    const { findings } = await findingsAfter(`sheet:${sheet}`, (xml) => xml.replace(cellElement(address), inCell(address, ' t="inlineStr"><is><t>0000</t></is></c>')));
    expect(findings).toEqual([expect.objectContaining({ kind: 'source', message: 'the source values no longer match the fingerprint stamped at the run', expected: '0000' })]);
  });

  it('names a cost row no longer linked to its source cell, and the source unit changed', async () => {
    const amount = await cellOf('VfM_Amounts', 1);
    const unit = await cellOf('VfM_SourceUnit');
    const { findings } = await findingsAfter(`sheet:${amount.sheet}`, (xml) => xml
      .replace(cellElement(amount.address), (cell) => cell.replace(/Costs!B\d+/, 'Costs!B4'))
      .replace(cellElement(unit.address), (cell) => cell.replace(/<v>[^<]*<\/v>/, '<v>1000</v>')));
    expect(findings.map((f) => [f.place, f.message])).toEqual(expect.arrayContaining([
      [`${sheetReference(amount.sheet)}!${amount.address}`, 'a formula edited'],
      [`${sheetReference(unit.sheet)}!${unit.address}`, 'a value changed'],
    ]));
  });

  it('names the cells of a row deleted inside the model', async () => {
    const { sheet, address } = await cellOf('VfM_NPV');
    const row = Number(address.replace(/^[A-Z]+/, ''));
    const { findings } = await findingsAfter(`sheet:${sheet}`, (xml) => xml.replace(new RegExp(`<row r="${row}"[^>]*>[\\s\\S]*?</row>`), ''));
    expect(findings.length).toBeGreaterThanOrEqual(2);
    expect(findings.every((f) => f.place.startsWith(`${sheetReference(sheet)}!`) && f.place.endsWith(String(row)) && /cleared|label changed/.test(f.message))).toBe(true);
  });

  it('names two options given one name on the options sheet', async () => {
    const second = await cellOf('VfM_OptionNames', 1);
    const { findings } = await findingsAfter(`sheet:${second.sheet}`, (xml) => xml.replace(cellElement(second.address), inCell(second.address, ' t="inlineStr"><is><t>Withdraw now</t></is></c>')));
    expect(findings).toEqual([expect.objectContaining({ kind: 'input', place: 'options[1].name', message: '"Withdraw now" is the name of option 1, "Withdraw now", too (names that differ only in case, spaces, invisible characters or the way an accent is encoded are one name); give each option its own name' })]);
  });

  it('names an input out of its range, and a class that is neither avoidable nor committed', async () => {
    const rate = await cellOf('VfM_DiscountRate');
    const { findings } = await findingsAfter(`sheet:${rate.sheet}`, (xml) => xml.replace(cellElement(rate.address), (cell) => cell.replace(/<v>[^<]*<\/v>/, '<v>5</v>')));
    expect(findings).toEqual([expect.objectContaining({ kind: 'input', place: 'discountRate' })]);
    const cls = await cellOf('VfM_Classes');
    const classes = await findingsAfter(`sheet:${cls.sheet}`, (xml) => xml.replace(cellElement(cls.address), inCell(cls.address, ' t="inlineStr"><is><t>maybe</t></is></c>')));
    expect(classes.findings).toEqual([expect.objectContaining({ kind: 'input', place: expect.stringContaining('overrides') })]);
  });

  it('names a sheet of the model deleted, and refuses a workbook with no product sheets (exit 2)', async () => {
    const gone = await findingsAfter('xl/workbook.xml', (xml) => xml.replace(/<sheet [^>]*name="VfM Options"[^>]*\/>/, ''));
    expect(gone.findings).toEqual(expect.arrayContaining([expect.objectContaining({ place: 'VfM Options', message: 'a sheet of the model is missing' })]));
    const file = path.join(dir, 'unmarked.xlsx');
    await tamper(written, file, 'xl/workbook.xml', (xml) => xml.replace(/<definedName name="VfM_Sheet_[A-Za-z]+"[^>]*>[^<]*<\/definedName>/g, ''));
    const { code, err } = await vfm(['verify', file]);
    expect(code).toBe(2);
    expect(err).toContain('cannot be verified: it holds no sheets VfM Scenarios wrote');
    const notOurs = await vfm(['verify', EXAMPLE]);
    expect(notOurs.code).toBe(2);
  });

  it('reads formulas as Excel saves them, shared along a row, as the formulas they stand for: still sound, and an edit in the group found', async () => {
    const { sheet } = await cellOf('VfM_NPV');
    /** The row labelled `label`, its formulas from D to H made one shared formula, as Excel saves it (the group's first cell's text optionally edited). */
    const share = (label: string, edit = (f: string) => f) => (xml: string) => xml.replace(new RegExp(`<row r="(\\d+)"[^>]*>(?:(?!</row>)[\\s\\S])*?<t[^>]*>${label}</t>[\\s\\S]*?</row>`), (row, r: string) => row
      .replace(new RegExp(`(<c r="D${r}"[^>]*>)<f>([^<]*)</f>`), (_m, open: string, f: string) => `${open}<f t="shared" ref="D${r}:H${r}" si="7">${edit(f)}</f>`)
      .replace(new RegExp(`(<c r="[E-H]${r}"[^>]*>)<f>[^<]*</f>`, 'g'), '$1<f t="shared" si="7"/>'));
    expect((await findingsAfter(`sheet:${sheet}`, share('Days in the year'))).findings).toEqual([]);
    const edited = await findingsAfter(`sheet:${sheet}`, share('Days in the year', (f) => `${f}+1`));
    expect(edited.findings.map((f) => f.message)).toEqual(Array.from({ length: 5 }, () => 'a formula edited'));
  });

  it('refuses what is not a workbook, with exit 2', async () => {
    const text = path.join(dir, 'notes.xlsx');
    writeFileSync(text, 'not a workbook');
    const { code, err } = await vfm(['verify', text]);
    expect(code).toBe(2);
    expect(err).toContain('cannot be verified');
  });
});
