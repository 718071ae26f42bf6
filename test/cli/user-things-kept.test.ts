// A run that writes into a workbook (--out) replaces the product's own sheets and names of an
// earlier run and nothing of the user's: not a sheet whose name ends like one of ours, not a
// user's copy of a product sheet with the sheet-scoped names the copy carries, not the user's own
// names, even those spelt like ours. Each workbook is built here by editing the parts of a run's
// output, as Excel would have saved them.
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync, writeFileSync, readdirSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { vfm } from './vfm';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

interface NameHeld { readonly name: string; readonly scope?: string; readonly text: string }

/** The sheets (in order, with each one's part) and the defined names (with the sheet each is scoped to) of a workbook file. */
async function partsOf(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const doc = new DOMParser().parseFromString(await zip.file('xl/workbook.xml')!.async('string'), 'text/xml');
  const rels = new DOMParser().parseFromString(await zip.file('xl/_rels/workbook.xml.rels')!.async('string'), 'text/xml');
  const targets = new Map(Array.from(rels.getElementsByTagName('Relationship')).map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
  const sheets = Array.from(doc.getElementsByTagNameNS(MAIN, 'sheet')).map((s) => {
    const id = Array.from(s.attributes as unknown as Attr[]).find((a) => a.localName === 'id' && a.prefix)?.value;
    return { name: s.getAttribute('name') ?? '', part: `xl/${targets.get(id ?? '')}` };
  });
  const names: NameHeld[] = Array.from(doc.getElementsByTagNameNS(MAIN, 'definedName')).map((n) => {
    const local = n.getAttribute('localSheetId');
    return { name: n.getAttribute('name') ?? '', ...(local === null || local === '' ? {} : { scope: sheets[Number(local)].name }), text: n.textContent ?? '' };
  });
  const part = async (sheet: string) => zip.file(sheets.find((s) => s.name === sheet)!.part)!.async('nodebuffer');
  return { zip, sheets, names, part };
}

/** A user's sheet added as Excel saves one: its part, relationship, content type and entry, last in the workbook. */
async function withUserSheet(file: string, out: string, sheet: string, sheetXml: string | Buffer, edit: (workbookXml: string, index: number) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = 'xl/worksheets/userSheet1.xml';
  zip.file(part, sheetXml);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rIdUser1" Type="${WORKSHEET}" Target="worksheets/userSheet1.xml"/></Relationships>`));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/${part}" ContentType="${SHEET_TYPE}"/></Types>`));
  let workbook = await zip.file('xl/workbook.xml')!.async('string');
  const index = (workbook.match(/<sheet /g) ?? []).length;
  workbook = workbook.replace('</sheets>', `<sheet name="${sheet}" sheetId="90" r:id="rIdUser1"/></sheets>`);
  zip.file('xl/workbook.xml', edit(workbook, index));
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A workbook part with `text` in B2 and a formula after it, as the user typed them. */
const USER_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>Internal audit fee</t></is></c><c r="B2"><v>1234.5</v></c></row><row r="3"><c r="B3"><f>B2*2</f><v>2469</v></c></row></sheetData></worksheet>`;

const addNames = (xml: string, names: string) => xml.replace('</definedNames>', `${names}</definedNames>`);

/** The seed's cost table, run once: the workbook of an earlier run. */
async function earlierRun(dir: string): Promise<string> {
  await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
  const once = path.join(dir, 'once.xlsx');
  const { code } = await vfm(['analyse', path.join(dir, 'in.xlsx'), '--out', once]);
  expect(code).toBe(0);
  return once;
}

const wrote = (file: string, replaced: string) => `Wrote ${file}: the scenarios as live formulas on new sheets after the council's own, ${replaced}; everything else in the file is kept as it was.`;
const EARLIER = (audit: string) => `in place of the earlier run's sheets "VfM Scenarios", "VfM Options", "VfM Report", "VfM Cost Rows" and "${audit}"`;
const ours = (names: readonly NameHeld[]) => names.filter((n) => n.name.startsWith('VfM_') && n.scope === undefined).map((n) => n.name).sort();

describe('a run that writes keeps what is the user\'s', () => {
  it('keeps a name on a sheet whose name ends in the renamed audit sheet\'s (InternalAudit, Audit), and says which name that referred to its sheets it removed', async () => {
    const dir = temporaryDirectory();
    const once = await earlierRun(dir);
    const renamed = path.join(dir, 'renamed.xlsx');
    // The audit sheet renamed in Excel: the names that refer to it follow.
    await withUserSheet(once, renamed, 'InternalAudit', USER_SHEET, (xml) => addNames(
      xml.replace('name="VfM Audit"', 'name="Audit"').replace(/'VfM Audit'!/g, 'Audit!'),
      '<definedName name="MyAuditTotal">InternalAudit!$B$2</definedName><definedName name="MyAuditFees">SUM(InternalAudit!$B$2:$B$3)</definedName><definedName name="MyRunDate">Audit!$B$4</definedName>',
    ));
    const before = await partsOf(renamed);
    const out = path.join(dir, 'again.xlsx');
    const { code, out: said } = await vfm(['analyse', renamed, '--out', out]);
    expect(code).toBe(0);
    const after = await partsOf(out);
    expect(after.names.filter((n) => n.name.startsWith('My'))).toEqual([
      { name: 'MyAuditTotal', text: 'InternalAudit!$B$2' },
      { name: 'MyAuditFees', text: 'SUM(InternalAudit!$B$2:$B$3)' },
    ]);
    expect(after.sheets.map((s) => s.name)).toEqual(['Costs', 'InternalAudit', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    expect(await after.part('InternalAudit')).toEqual(await before.part('InternalAudit'));
    expect(said).toContain(wrote(out, `${EARLIER('Audit')}; the name MyRunDate, which referred to them, is removed`));
  });

  it('keeps a user\'s copy of the scenario sheet (Excel\'s Move or Copy) and the sheet-scoped copies of the names it carries', async () => {
    const dir = temporaryDirectory();
    const once = await earlierRun(dir);
    const first = await partsOf(once);
    // Excel's copy: the sheet's part as it was, and a copy scoped to the new sheet of every workbook name that refers to the sheet copied.
    const copied = first.names.filter((n) => n.scope === undefined && n.text.startsWith("'VfM Scenarios'!"));
    expect(copied.map((n) => n.name)).toContain('VfM_Sheet_Scenarios');
    const snapshot = path.join(dir, 'snapshot.xlsx');
    await withUserSheet(once, snapshot, 'Snapshot Oct 2012', await first.part('VfM Scenarios'), (xml, index) => addNames(xml, copied.map((n) => `<definedName name="${n.name}" localSheetId="${index}">${n.text.replace("'VfM Scenarios'!", "'Snapshot Oct 2012'!")}</definedName>`).join('')));
    const before = await partsOf(snapshot);
    const out = path.join(dir, 'again.xlsx');
    const { code, out: said } = await vfm(['analyse', snapshot, '--out', out]);
    expect(code).toBe(0);

    const after = await partsOf(out);
    expect(after.sheets.map((s) => s.name)).toEqual(['Costs', 'Snapshot Oct 2012', 'VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit']);
    expect(await after.part('Snapshot Oct 2012')).toEqual(await before.part('Snapshot Oct 2012'));
    const onCopy = (names: readonly NameHeld[]) => names.filter((n) => n.scope === 'Snapshot Oct 2012');
    expect(onCopy(after.names)).toEqual(onCopy(before.names));
    expect(onCopy(after.names)).toHaveLength(copied.length);
    // The product's own names, defined once each again, at the workbook's scope.
    expect(ours(after.names)).toEqual(ours(first.names));
    expect(said).toContain(wrote(out, EARLIER('VfM Audit')));
  });

  it('keeps the log of runs whole when the user keeps a copy of the audit sheet, whose own copy of the log\'s name comes first', async () => {
    const dir = temporaryDirectory();
    const once = await earlierRun(dir);
    const first = await partsOf(once);
    const copied = first.names.filter((n) => n.scope === undefined && n.text.startsWith("'VfM Audit'!"));
    expect(copied.map((n) => n.name)).toContain('VfM_RunLog');
    const copy = path.join(dir, 'copy.xlsx');
    // The copy's own names are listed before the workbook's, as a program may save them.
    await withUserSheet(once, copy, 'Audit kept', await first.part('VfM Audit'), (xml, index) => xml.replace('<definedNames>', `<definedNames>${copied.map((n) => `<definedName name="${n.name}" localSheetId="${index}">${n.text.replace("'VfM Audit'!", "'Audit kept'!")}</definedName>`).join('')}`));
    const out = path.join(dir, 'again.xlsx');
    expect((await vfm(['analyse', copy, '--out', out])).code).toBe(0);
    const log = (await partsOf(out)).names.find((n) => n.name === 'VfM_RunLog' && n.scope === undefined);
    // Two runs: the earlier run's row and this one's.
    expect(log?.text).toMatch(/^'VfM Audit'!\$A\$\d+:\$[A-Z]+\$\d+$/);
    const [top, bottom] = (log?.text.match(/\$(\d+)/g) ?? []).map((r) => Number(r.slice(1)));
    expect(bottom - top + 1).toBe(2);
  });

  it('refuses to write over the user\'s own names spelt like the product\'s, naming each and where it points, and leaves the names it does not define alone', async () => {
    const dir = temporaryDirectory();
    await writeWorkbook(path.join(dir, 'plain.xlsx'), [SEED_SHEET]);
    const input = path.join(dir, 'in.xlsx');
    const inputs = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2"><v>0.05</v></c><c r="C2"><f>VfM_DiscountRate*2</f><v>0.1</v></c></row><row r="3"><c r="B3"><v>250000</v></c></row></sheetData></worksheet>`;
    await withUserSheet(path.join(dir, 'plain.xlsx'), input, 'My Inputs', inputs, (xml) => xml.replace('</sheets>', '</sheets><definedNames><definedName name="VfM_DiscountRate">\'My Inputs\'!$B$2</definedName><definedName name="vfm_npv">\'My Inputs\'!$B$3</definedName><definedName name="VfM_MyOwnTotal">\'My Inputs\'!$B$3</definedName></definedNames>'));
    const before = readdirSync(dir).sort();
    const { code, out, err } = await vfm(['analyse', input, '--out', path.join(dir, 'out.xlsx')]);
    expect(err).toBe([
      'vfm: the input cannot be used as it stands:',
      "  VfM_DiscountRate: the workbook has a name VfM_DiscountRate of its own, referring to 'My Inputs'!$B$2, which is not on a sheet VfM Scenarios wrote; VfM Scenarios defines this name for its model and does not replace yours; rename yours (Formulas, Name Manager) and run again",
      "  vfm_npv: the workbook has a name vfm_npv of its own, referring to 'My Inputs'!$B$3, which is not on a sheet VfM Scenarios wrote; VfM Scenarios defines this name (as VfM_NPV) for its model and does not replace yours; rename yours (Formulas, Name Manager) and run again",
      'Nothing was written.',
      '',
    ].join('\n'));
    expect(out).toBe('');
    expect(code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(before);

    // Renamed, the run writes, and the name it does not define is the user's, as it was.
    const renamed = path.join(dir, 'renamed.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(input));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', xml.replace('name="VfM_DiscountRate"', 'name="MyDiscountRate"').replace('name="vfm_npv"', 'name="MyNPV"'));
    zip.file('xl/worksheets/userSheet1.xml', inputs.replace('VfM_DiscountRate*2', 'MyDiscountRate*2'));
    writeFileSync(renamed, await zip.generateAsync({ type: 'nodebuffer' }));
    const written = path.join(dir, 'out.xlsx');
    expect((await vfm(['analyse', renamed, '--out', written])).code).toBe(0);
    const after = await partsOf(written);
    expect(after.names.filter((n) => !n.name.startsWith('VfM_') || n.name === 'VfM_MyOwnTotal')).toEqual([
      { name: 'MyDiscountRate', text: "'My Inputs'!$B$2" },
      { name: 'MyNPV', text: "'My Inputs'!$B$3" },
      { name: 'VfM_MyOwnTotal', text: "'My Inputs'!$B$3" },
      ...after.names.filter((n) => n.name.startsWith('_xlnm.')),
    ]);
    expect(await after.part('My Inputs')).toEqual(await (await partsOf(renamed)).part('My Inputs'));
  });

  it('analyses a workbook holding the user\'s names spelt like the product\'s when it writes nothing into it', async () => {
    const dir = temporaryDirectory();
    await writeWorkbook(path.join(dir, 'plain.xlsx'), [SEED_SHEET]);
    const input = path.join(dir, 'in.xlsx');
    await withUserSheet(path.join(dir, 'plain.xlsx'), input, 'My Inputs', USER_SHEET, (xml) => xml.replace('</sheets>', '</sheets><definedNames><definedName name="VfM_NPV">\'My Inputs\'!$B$2</definedName></definedNames>'));
    const { code, err } = await vfm(['analyse', input, '--json', path.join(dir, 's.json')]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
