// The files vfm writes: whole or not at all, never over a file it reads, never removing a file the
// user had.
import { existsSync, linkSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import { readSummary } from '../support/summary';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { vfm } from './vfm';

const USERS_FILE = 'the user had this file before the run\n';

describe('vfm analyse keeps the files the user had', () => {
  it('leaves an existing --out file alone when the --json file cannot be written', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const out = path.join(dir, 'o.xlsx');
    writeFileSync(out, USERS_FILE);
    const { code, err } = await vfm(['analyse', input, '--out', out, '--json', path.join(dir, 'missing', 's.json')]);
    expect(code).toBe(2);
    expect(err).toContain('Nothing was written');
    expect(readFileSync(out, 'utf8')).toBe(USERS_FILE);
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'o.xlsx']);
  });

  it('refuses --out naming the input through a symbolic link', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const before = readFileSync(input);
    symlinkSync(input, path.join(dir, 'link.xlsx'));
    const { code, err } = await vfm(['analyse', path.join(dir, 'link.xlsx'), '--out', input]);
    expect(code).toBe(2);
    expect(err).toContain('would overwrite the input workbook');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses --json naming the input through a hard link, and --json naming the assumptions file', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const before = readFileSync(input);
    linkSync(input, path.join(dir, 'other-name.xlsx'));
    const linked = await vfm(['analyse', input, '--json', path.join(dir, 'other-name.xlsx')]);
    expect(linked.code).toBe(2);
    expect(linked.err).toContain('would overwrite the input workbook');
    expect(readFileSync(input).equals(before)).toBe(true);

    const assumptions = path.join(dir, 'a.json');
    writeFileSync(assumptions, '{}');
    const over = await vfm(['analyse', input, '--assumptions', assumptions, '--json', path.join(dir, '.', 'a.json')]);
    expect(over.code).toBe(2);
    expect(over.err).toContain('would overwrite the assumptions file');
    expect(readFileSync(assumptions, 'utf8')).toBe('{}');
  });

  it('refuses --json and --out naming the same file through a link', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    writeFileSync(path.join(dir, 'o.xlsx'), USERS_FILE);
    symlinkSync(path.join(dir, 'o.xlsx'), path.join(dir, 'o-link.json'));
    const { code, err } = await vfm(['analyse', input, '--out', path.join(dir, 'o.xlsx'), '--json', path.join(dir, 'o-link.json')]);
    expect(code).toBe(2);
    expect(err).toContain('--json and --out name the same file');
    expect(readFileSync(path.join(dir, 'o.xlsx'), 'utf8')).toBe(USERS_FILE);
  });

  it('refuses --report naming the same file as --json, and --report over the input', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const same = await vfm(['analyse', input, '--json', path.join(dir, 'r.docx'), '--report', path.join(dir, 'r.docx')]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('--report and --json name the same file');
    expect(existsSync(path.join(dir, 'r.docx'))).toBe(false);
    symlinkSync(input, path.join(dir, 'in-link.docx'));
    const over = await vfm(['analyse', input, '--report', path.join(dir, 'in-link.docx')]);
    expect(over.err).toContain('--report');
    expect(over.err).toContain('would overwrite the input workbook');
  });

  it('writes both files, replacing earlier ones, and leaves no temporary file behind', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    writeFileSync(path.join(dir, 'o.xlsx'), USERS_FILE);
    writeFileSync(path.join(dir, 's.json'), USERS_FILE);
    const { code } = await vfm(['analyse', input, '--out', path.join(dir, 'o.xlsx'), '--json', path.join(dir, 's.json')]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'o.xlsx', 's.json']);
    expect(readSummary(path.join(dir, 's.json')).schemaVersion).toBe(3);
    expect(readFileSync(path.join(dir, 'o.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes a file whose name is as long as the file system allows (255 bytes)', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const longName = `${'o'.repeat(250)}.xlsx`;
    const jsonName = `${'s'.repeat(250)}.json`;
    const { code, err } = await vfm(['analyse', input, '--out', path.join(dir, longName), '--json', path.join(dir, jsonName)]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', longName, jsonName].sort());
  });
});
