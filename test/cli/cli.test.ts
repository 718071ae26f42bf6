import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { Io, run } from '../../src/faces/cli/main';
import { readSummary } from '../support/summary';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { vfm } from './vfm';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const SEED_ASSUMPTIONS = path.join(ROOT, 'examples/staffordshire-connects.assumptions.json');
const POOL_ASSUMPTIONS = path.join(ROOT, 'examples/staffordshire-connects.shared-pool.json');

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('vfm analyse on the seed example', () => {
  it('reproduces the worked table of docs/conventions.md, "The seed, worked through" (fixed-contribution) and leaves the input untouched', async () => {
    const dir = temporaryDirectory();
    const json = path.join(dir, 'summary.json');
    const before = sha(EXAMPLE);
    const { code, out, err } = await vfm(['analyse', EXAMPLE, '--assumptions', SEED_ASSUMPTIONS, '--json', json]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(sha(EXAMPLE)).toBe(before);
    const s = readSummary(json);
    expect(s.schemaVersion).toBe(3);
    expect(s.source).toMatchObject({ sheet: 'Costs', rowCount: 6, statedTotal: 124535.22, computedTotal: 124535.22, tieOut: 'ok' });
    expect(s.annual).toEqual({ total: 124535.22, avoidable: 17800, committed: 106735.22 });
    expect(s.rows.map((r: { class: string }) => r.class)).toEqual(['avoidable', 'committed', 'committed', 'committed', 'committed', 'committed']);
    expect(s.savings.noticeExpiresOn).toBe('2014-10-19');
    expect(s.savings.years.map((y: { fy: string; stay: number; withdraw: number; saving: number }) => [y.fy, y.stay, y.withdraw, y.saving])).toEqual([
      ['2012/13', 17800, 17800, 0],
      ['2013/14', 17800, 17800, 0],
      ['2014/15', 17800, 9802.19, 7997.81],
      ['2015/16', 17800, 0, 17800],
      ['2016/17', 17800, 0, 17800],
    ]);
    expect(s.savings.years[2]).toMatchObject({ paidDays: 201, daysInFy: 365, committed: 106735.22 });
    expect(s.savings.totalSaving).toBe(43597.81);
    expect(s.savings.npv).toBe(39032.29);
    expect(s.assumptions).toMatchObject({ baseYear: '2011/12', noticeServedOn: '2012-10-19', noticeMonths: 24, fyStartMonth: 4, horizonYears: 5, indexation: 0, discountRate: 0.035, sharing: 'fixed-contribution' });
    expect(s.assumptions.sources.baseYear).toBe('item labels');
    expect(s.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    expect(out).toContain('NPV 39,032.29');
    expect(out).toContain('Total saving 43,597.81');
  });

  it('reproduces the shared-pool figures: pool 178,000, 29,666.67 a member with 6, 35,600.00 with 5', async () => {
    const dir = temporaryDirectory();
    const json = path.join(dir, 'pool.json');
    const { code } = await vfm(['analyse', EXAMPLE, '--assumptions', POOL_ASSUMPTIONS, '--json', json]);
    expect(code).toBe(0);
    const m = readSummary(json).membership;
    expect(m.sharing).toBe('shared-pool');
    expect(m.pool).toBe(178000);
    const per = Object.fromEntries(m.perMember.map((p: { members: number; contribution: number }) => [p.members, p.contribution]));
    expect(per[6]).toBe(29666.67);
    expect(per[5]).toBe(35600);
    expect(per[10]).toBe(17800);
    expect(m.years.map((y: { members: number | null }) => y.members)).toEqual([10, 8, 6, 6, 6]);
    expect(m.years.map((y: { stayCost: number }) => y.stayCost)).toEqual([17800, 22250, 29666.67, 29666.67, 29666.67]);
  });

  it('runs as a command from the project folder (bin/vfm.js, running the compiled lib/vfm.js)', async () => {
    const dir = temporaryDirectory();
    const json = path.join(dir, 'summary.json');
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/vfm.js'), 'analyse', EXAMPLE, '--assumptions', SEED_ASSUMPTIONS, '--json', json], { cwd: ROOT });
    expect(stdout).toContain('NPV 39,032.29');
    expect(readSummary(json).savings.npv).toBe(39032.29);
  });
});

describe('vfm --version and --help', () => {
  // A preload that reports every module the command asks for by name.
  const trace = (dir: string) => {
    const file = path.join(dir, 'trace.js');
    writeFileSync(file, "const M = require('module'); const load = M._load; M._load = function (id, ...rest) { process.stderr.write(`load ${id}\\n`); return load.call(this, id, ...rest); };");
    return file;
  };

  it('answer without loading the command itself, tsx or the workbook libraries', async () => {
    const dir = temporaryDirectory();
    const { version } = readJson(path.join(ROOT, 'package.json'));
    for (const flag of ['--version', '-v', '--help']) {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', trace(dir), path.join(ROOT, 'bin/vfm.js'), flag], { cwd: ROOT });
      expect(stdout).toContain(flag === '--help' ? 'Usage: vfm analyse INPUT [options]' : version);
      expect(stderr).not.toMatch(/load (tsx|exceljs|jszip|@zip\.js|docx|.*lib\/vfm\.js)/);
    }
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/vfm.js'), '--help'], { cwd: ROOT });
    const help = await vfm(['--help']);
    expect(help.out).toBe(stdout);
  });
});

describe('vfm analyse finding the table', () => {
  const BUDGET = { name: 'Budget 2013-14', rows: [['Budget 2013-14', null], ['Q1', 1200], ['Q2', 1300], ['Q3', 1250], ['Q4', 1250], ['Total', 5000]] };

  it('chooses the sheet that looks like cost rows over an unrelated table on the first sheet, and says so', async () => {
    const dir = temporaryDirectory();
    const file = await writeWorkbook(path.join(dir, 'book.xlsx'), [BUDGET, SEED_SHEET]);
    const { code, out } = await vfm(['analyse', file, '--json', path.join(dir, 's.json')]);
    expect(code).toBe(0);
    expect(out).toContain('Sheet "Costs" chosen as the most like cost rows (6 labelled amounts, 4 with cost words, a total that ties); passed over "Budget 2013-14" (4 labelled amounts, none with cost words, a total that ties).');
    const s = readSummary(path.join(dir, 's.json'));
    expect(s.source).toMatchObject({ sheet: 'Costs', computedTotal: 124535.22 });
    expect(s.source.sheetChoice).toEqual({ by: 'weighing', reason: '6 labelled amounts, 4 with cost words, a total that ties', passedOver: [{ sheet: 'Budget 2013-14', reason: '4 labelled amounts, none with cost words, a total that ties' }] });
  });

  it('stops with exit 2 and the list when two sheets are equally likely, and passes over hidden sheets', async () => {
    const dir = temporaryDirectory();
    const tie = await writeWorkbook(path.join(dir, 'tie.xlsx'), [SEED_SHEET, { ...SEED_SHEET, name: 'Costs copy' }]);
    const tied = await vfm(['analyse', tie, '--json', path.join(dir, 's.json')]);
    expect(tied.code).toBe(2);
    expect(tied.err).toContain('2 sheets are equally likely to hold the cost rows; choose one with --sheet NAME:\n  --sheet "Costs": 6 labelled amounts');
    expect(tied.err).toContain('  --sheet "Costs copy": 6 labelled amounts');
    expect(readdirSync(dir)).toEqual(['tie.xlsx']);

    const hidden = await writeWorkbook(path.join(dir, 'hidden.xlsx'), [{ ...SEED_SHEET, name: 'Old costs', state: 'hidden' }, BUDGET]);
    const budget = await vfm(['analyse', hidden, '--json', path.join(dir, 'h.json')]);
    expect(budget.code).toBe(0);
    expect(readSummary(path.join(dir, 'h.json')).source.sheetChoice.passedOver).toEqual([{ sheet: 'Old costs', reason: 'hidden' }]);
    expect((await vfm(['analyse', hidden, '--sheet', 'Old costs'])).code).toBe(0);
  });

  it('passes over a sheet without a table, and --sheet/--range pick another', async () => {
    const dir = temporaryDirectory();
    const file = await writeWorkbook(path.join(dir, 'book.xlsx'), [
      { name: 'Cover', rows: [['Partnership review'], ['Prepared by finance']] },
      SEED_SHEET,
      { name: 'Other', rows: [[], [null, 'Licence', 100], [null, 'Core team', 50], [null, 'Notes below'], [], [], [null, 'Other thing', 999]] },
    ]);
    const first = await vfm(['analyse', file, '--json', path.join(dir, 'a.json')]);
    expect(first.code).toBe(0);
    expect(readSummary(path.join(dir, 'a.json')).source).toMatchObject({ sheet: 'Costs', range: 'A3:B10' });

    const ranged = await vfm(['analyse', file, '--sheet', 'Other', '--range', 'B2:C3', '--json', path.join(dir, 'b.json')]);
    expect(ranged.code).toBe(0);
    const b = readSummary(path.join(dir, 'b.json'));
    expect(b.source).toMatchObject({ sheet: 'Other', range: 'B2:C3', rowCount: 2, tieOut: 'absent' });
    expect(b.rows.map((r: { cell: string; amount: number }) => [r.cell, r.amount])).toEqual([['Other!C2', 100], ['Other!C3', 50]]);
  });

  /** A report with a cover sheet, the seed's rows as an Excel table under a title, and a defined name on a second sheet. */
  async function namedWorkbook(file: string): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover').getCell('A1').value = 'Partnership review';
    const report = workbook.addWorksheet('Report');
    report.getCell('A1').value = 'Staffordshire Connects Partnership: payments 2011/12';
    const rows = SEED_SHEET.rows.filter((row) => typeof row[0] === 'string' && typeof row[1] === 'number');
    report.addTable({ name: 'PartnershipCosts', ref: 'A3', columns: [{ name: 'Item' }, { name: 'Amount' }], rows: rows.map((row) => [...row]) });
    const other = workbook.addWorksheet('Other');
    [['Licence', 100], ['Core team', 50]].forEach(([item, amount], i) => {
      other.getCell(`B${i + 2}`).value = item;
      other.getCell(`C${i + 2}`).value = amount;
    });
    workbook.definedNames.add('Other!$B$2:$C$3', 'SmallBlock');
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it('reads the Excel table or defined name --range names, on its own sheet, and says so', async () => {
    const dir = temporaryDirectory();
    const file = await namedWorkbook(path.join(dir, 'named.xlsx'));
    const table = await vfm(['analyse', file, '--range', 'PartnershipCosts', '--json', path.join(dir, 't.json')]);
    expect(table.code).toBe(0);
    expect(table.out).toContain('VfM Scenarios: ' + file + ', sheet Report, A3:B10 (6 cost rows)\nRead the table "PartnershipCosts" given by --range, on sheet "Report".');
    const t = readSummary(path.join(dir, 't.json'));
    expect(t.source).toMatchObject({ sheet: 'Report', range: 'A3:B10', tieOut: 'ok', sheetChoice: { by: '--range', reason: 'the table "PartnershipCosts"', passedOver: [] } });

    const name = await vfm(['analyse', file, '--range', 'smallblock', '--sheet', 'Other', '--json', path.join(dir, 'n.json')]);
    expect(name.code).toBe(0);
    const n = readSummary(path.join(dir, 'n.json'));
    expect(n.source).toMatchObject({ sheet: 'Other', range: 'B2:C3', rowCount: 2, sheetChoice: { by: '--sheet', reason: null } });
  });

  it('refuses a name that is neither a table nor a defined name, listing those there are, and one on another --sheet', async () => {
    const dir = temporaryDirectory();
    const file = await namedWorkbook(path.join(dir, 'named.xlsx'));
    const unknown = await vfm(['analyse', file, '--range', 'Costs2012', '--json', path.join(dir, 's.json')]);
    expect(unknown).toEqual({
      code: 2,
      out: '',
      err: 'vfm: --range "Costs2012" is not a range such as A1:C12, nor an Excel table or a defined name of the workbook\n'
        + 'The workbook has:\n  Excel tables: "PartnershipCosts" (Report!A3:B10)\n  defined names: "SmallBlock" (Other!B2:C3)\n'
        + 'Nothing was written. Run "vfm --help" for usage.\n',
    });
    const elsewhere = await vfm(['analyse', file, '--range', 'PartnershipCosts', '--sheet', 'Other']);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.err).toContain('vfm: --range "PartnershipCosts" is the table Report!A3:B10, not on --sheet "Other"; leave out --sheet, or name the sheet "Report"');
    const none = await vfm(['analyse', EXAMPLE, '--range', 'PartnershipCosts']);
    expect(none.err).toContain('The workbook has no Excel tables and no defined names of one block of cells.');
    expect(readdirSync(dir)).toEqual(['named.xlsx']);
  });

  it('refuses a name on a sheet it wrote itself', async () => {
    const dir = temporaryDirectory();
    const out = path.join(dir, 'out.xlsx');
    expect((await vfm(['analyse', EXAMPLE, '--out', out])).code).toBe(0);
    const ours = await vfm(['analyse', out, '--range', 'VfM_Amounts']);
    expect(ours.code).toBe(2);
    expect(ours.err).toContain("vfm: --range \"VfM_Amounts\" is the defined name 'VfM Cost Rows'!");
    expect(ours.err).toContain(", on a sheet VfM Scenarios wrote; name the council's cost table");
    const listed = await vfm(['analyse', out, '--range', 'Nothing']);
    expect(listed.err).toContain('The workbook has no Excel tables and no defined names of one block of cells.'); // its own names are not offered
  });

  it('reports a tie-out mismatch but still succeeds', async () => {
    const dir = temporaryDirectory();
    const rows = SEED_SHEET.rows.map((row) => (row[0] === 'Total (Exc VAT)' ? ['Total (Exc VAT)', 124535.2] : row));
    const file = await writeWorkbook(path.join(dir, 'book.xlsx'), [{ name: 'Costs', rows }]);
    const { code, out } = await vfm(['analyse', file, '--json', path.join(dir, 's.json')]);
    expect(code).toBe(0);
    const s = readSummary(path.join(dir, 's.json'));
    expect(s.source.tieOut).toBe('mismatch');
    expect(s.source.tieOutDifference).toBe(0.02);
    expect(s.checks.find((c: { name: string }) => c.name === 'tieOut')?.ok).toBe(false);
    expect(out).toContain('MISMATCH by 0.02');
  });
});

describe('vfm analyse on bad input: exit 2, the error names the place, nothing written', () => {
  async function expectRefusal(args: string[], message: string | RegExp, dir: string) {
    const { code, err, out } = await vfm(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain('Nothing was written');
    expect(out).toBe('');
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual([]);
  }

  it('names the cell of a bad amount', async () => {
    const dir = temporaryDirectory();
    const file = await writeWorkbook(path.join(dir, 'book.xlsx'), [{ name: 'Costs', rows: [['Item', '£'], ['Core team', 17800], ['CRM', 'tbc']] }]);
    await expectRefusal(['analyse', file, '--json', path.join(dir, 's.json')], 'Costs!B3: amount "tbc" is not a number', dir);
  });

  it('names a bad assumption', async () => {
    const dir = temporaryDirectory();
    const assumptions = path.join(dir, 'a.txt');
    writeFileSync(assumptions, JSON.stringify({ discountRate: 1.5, noticeServedOn: '2012-02-30' }));
    const { code, err } = await vfm(['analyse', EXAMPLE, '--assumptions', assumptions, '--json', path.join(dir, 's.json')]);
    expect(code).toBe(2);
    expect(err).toContain('discountRate: 1.5 is not');
    expect(err).toContain('noticeServedOn: "2012-02-30" is not a date');
    expect(existsSync(path.join(dir, 's.json'))).toBe(false);
  });

  it('refuses unreadable assumptions, a missing input, a missing sheet, a bad range and an unknown option', async () => {
    const dir = temporaryDirectory();
    const broken = path.join(dir, 'broken.txt');
    writeFileSync(broken, '{ "noticeMonths": 24, }');
    await expectRefusal(['analyse', EXAMPLE, '--assumptions', broken], /broken\.txt: not valid JSON/, dir);
    await expectRefusal(['analyse', path.join(dir, 'missing.xlsx')], /missing\.xlsx: no such file/, dir);
    await expectRefusal(['analyse', EXAMPLE, '--sheet', 'Budget'], /--sheet "Budget": no such sheet; the sheets are "Costs"/, dir);
    await expectRefusal(['analyse', EXAMPLE, '--range', 'B5:'], /--range "B5:" is not a range/, dir);
    await expectRefusal(['analyse', EXAMPLE, '--colour'], /Unknown option '--colour'/, dir);
    await expectRefusal(['analyze', EXAMPLE], /unknown command "analyze"/, dir);
  });

  it('refuses a text file whose name says .xlsx', async () => {
    const dir = temporaryDirectory();
    const fake = path.join(dir, 'costs.xlsx');
    writeFileSync(fake, 'Item,Amount\nCRM,10\n');
    await expectRefusal(['analyse', fake], 'costs.xlsx: cannot be read: it is a text file, though its name says .xlsx; if it holds comma- or semicolon-separated values, name it .csv and try again', dir);
  });

  it('says what a file it cannot read is and what to do, never the workbook library\'s own words', async () => {
    const dir = temporaryDirectory();
    const file = (name: string, bytes: Buffer | string) => {
      writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expectRefusal(['analyse', file('old.xls', ole)], 'old.xls: cannot be read: it is an Excel 97-2003 workbook (.xls), but it is damaged or in a form vfm cannot read; open it in Excel or LibreOffice, save it as .xlsx and try again', dir);
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
    await expectRefusal(['analyse', file('secret.xlsx', encrypted)], 'secret.xlsx: cannot be read: it is protected with a password; open it in Excel, remove the password', dir);
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<office:document-content/>');
    await expectRefusal(['analyse', file('costs.ods', await ods.generateAsync({ type: 'nodebuffer' }))], 'costs.ods: cannot be read: it is an OpenDocument spreadsheet (.ods), but it is damaged or in a form vfm cannot read; open it in LibreOffice or Excel, save it as .xlsx and try again', dir);
    // A package whose workbook part is cut short.
    const broken = new JSZip();
    broken.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
    broken.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    broken.file('xl/workbook.xml', '<workbook><sheets><sheet name="A" r:id="rId9"');
    await expectRefusal(['analyse', file('broken.xlsx', await broken.generateAsync({ type: 'nodebuffer' }))], 'broken.xlsx: cannot be read: the part xl/workbook.xml is not well-formed XML; open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and try again', dir);
    const word = new JSZip();
    word.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    await expectRefusal(['analyse', file('report.xlsx', await word.generateAsync({ type: 'nodebuffer' }))], 'report.xlsx: cannot be read: it is an Office document, but not a workbook', dir);
    await expectRefusal(['analyse', file('cut.xlsx', (await broken.generateAsync({ type: 'nodebuffer' })).subarray(0, 60))], 'cut.xlsx: cannot be read: it is not a whole zip package (the file may be cut short or damaged)', dir);
    await expectRefusal(['analyse', file('blob.xlsx', Buffer.from([0, 1, 2, 3, 0, 0]))], 'blob.xlsx: cannot be read: it is not a spreadsheet file vfm knows; save the workbook from Excel as .xlsx and try again', dir);
  });

  it('refuses to write the JSON over the input workbook', async () => {
    const dir = temporaryDirectory();
    const file = await writeWorkbook(path.join(dir, 'book.xlsx'), [SEED_SHEET]);
    const before = sha(file);
    const { code, err } = await vfm(['analyse', file, '--json', file]);
    expect(code).toBe(2);
    expect(err).toContain('would overwrite the input workbook');
    expect(sha(file)).toBe(before);
  });

  it('writes no JSON where it cannot write a whole file', async () => {
    const dir = temporaryDirectory();
    const { code, err } = await vfm(['analyse', EXAMPLE, '--json', path.join(dir, 'no-such-folder', 's.json')]);
    expect(code).toBe(2);
    expect(err).toContain('s.json: cannot be written (no such folder)');
    expect(readdirSync(dir)).toEqual([]);
  });
});

it('exits 1 on an internal fault, saying so', async () => {
  const io: Io = { out: () => undefined, err: (t) => void (captured += t), clock: { today: () => { throw new TypeError('clock broke'); }, now: () => '' } };
  let captured = '';
  const code = await run(['analyse', EXAMPLE], io);
  expect(code).toBe(1);
  expect(captured).toContain('internal error');
  expect(captured).toContain('clock broke');
});

it('says which assumptions were not given and what was assumed for them', async () => {
  const defaults = await vfm(['analyse', EXAMPLE], { year: 2020, month: 6, day: 30 });
  expect(defaults.code).toBe(0);
  expect(defaults.out).toContain("Not given, so assumed: notice served 2020-06-30 (today), 24 months' notice, a horizon of 5 years, the Green Book discount rate 3.5%, indexation 0%, sharing fixed-contribution.");
  const given = await vfm(['analyse', EXAMPLE, '--assumptions', POOL_ASSUMPTIONS]);
  expect(given.out).toContain('Not given, so assumed: indexation 0%.');
});
