// A file that cannot be read or written is the user's to fix: plain words naming the file, exit 2,
// nothing written, never the system's own text.
import { lstatSync, promises, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { vfm } from './vfm';

const USERS_FILE = 'the user had this file before the run\n';

/** A system error as Node gives it: a code and a message in the system's words. */
function systemError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} failed, ${syscall} '${file}'`), { code, syscall, path: file, errno: -1 });
}

afterEach(() => jest.restoreAllMocks());

async function expectRefusal(args: string[], message: string) {
  const { code, out, err } = await vfm(args);
  expect(err).toContain(message);
  expect(err).toContain('Nothing was written');
  expect(err).not.toMatch(/\b(EACCES|EISDIR|ENOTDIR|ENOSPC|EROFS|ENOENT)\b|\bat \S+ \(|failed,/); // no code, stack or system text
  expect(out).toBe('');
  expect(code).toBe(2);
}

describe('vfm analyse on files it cannot read', () => {
  it('says an input it may not read is "permission denied"', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const readFile = promises.readFile;
    jest.spyOn(promises, 'readFile').mockImplementation((file, ...rest) =>
      file === input ? Promise.reject(systemError('EACCES', 'open', input)) : readFile(file, ...rest));
    await expectRefusal(['analyse', input, '--json', path.join(dir, 's.json')], `${input}: cannot be read (permission denied)`);
    expect(readdirSync(dir)).toEqual(['in.xlsx']);
  });

  it('says assumptions it may not read are "permission denied"', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const assumptions = path.join(dir, 'a.json');
    writeFileSync(assumptions, '{}');
    const readFile = promises.readFile;
    jest.spyOn(promises, 'readFile').mockImplementation((file, ...rest) =>
      file === assumptions ? Promise.reject(systemError('EACCES', 'open', assumptions)) : readFile(file, ...rest));
    await expectRefusal(['analyse', input, '--assumptions', assumptions], `${assumptions}: cannot be read (permission denied)`);
  });

  it('says an input or assumptions that are folders are folders', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    mkdirSync(path.join(dir, 'folder.xlsx'));
    await expectRefusal(['analyse', path.join(dir, 'folder.xlsx')], 'folder.xlsx: cannot be read (it is a folder, not a file)');
    await expectRefusal(['analyse', input, '--assumptions', dir], `${dir}: cannot be read (it is a folder, not a file)`);
  });

  it('says a path through a file is not a folder', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    await expectRefusal(['analyse', path.join(input, 'in.xlsx')], 'in.xlsx/in.xlsx: cannot be read (a part of the path is a file, not a folder)');
  });
});

describe('vfm analyse on files it cannot write', () => {
  it('says --out naming a folder is a folder, before writing anything', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    mkdirSync(path.join(dir, 'out'));
    await expectRefusal(['analyse', input, '--out', path.join(dir, 'out'), '--json', path.join(dir, 's.json')], 'out: cannot be written (it is a folder, not a file)');
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'out']);
  });

  it('says --json under a file is not a folder', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    await expectRefusal(['analyse', input, '--json', path.join(input, 's.json')], 's.json: cannot be written (a part of the path is a file, not a folder)');
  });

  it('says the disk is full, and keeps the file the user had and no temporary file', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const out = path.join(dir, 'o.xlsx');
    writeFileSync(out, USERS_FILE);
    jest.spyOn(promises, 'writeFile').mockImplementation((file) => Promise.reject(systemError('ENOSPC', 'write', String(file))));
    await expectRefusal(['analyse', input, '--out', out, '--json', path.join(dir, 's.json')], 'o.xlsx: cannot be written (the disk is full)');
    expect(readFileSync(out, 'utf8')).toBe(USERS_FILE);
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'o.xlsx']);
  });

  it('says the disk is read-only when a file cannot be put in place, and keeps the files the user had', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const json = path.join(dir, 's.json');
    writeFileSync(json, USERS_FILE);
    const rename = promises.rename;
    jest.spyOn(promises, 'rename').mockImplementation((from, to) =>
      to === json ? Promise.reject(systemError('EROFS', 'rename', String(to))) : rename(from, to));
    await expectRefusal(['analyse', input, '--out', path.join(dir, 'o.xlsx'), '--json', json], 's.json: cannot be written (the disk is read-only)');
    expect(readFileSync(json, 'utf8')).toBe(USERS_FILE);
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 's.json']);
  });

  // The names a temporary file took before: the process's id and a count, which anyone could foresee.
  const FORESEEABLE = Array.from({ length: 200 }, (_, i) => `.vfm-${process.pid}-${i + 1}.tmp`);

  it('writes through a temporary name nobody can foresee: folders put at the names it could have taken are left alone', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    for (const name of FORESEEABLE) mkdirSync(path.join(dir, name));
    const { code, err } = await vfm(['analyse', input, '--out', path.join(dir, 'o.xlsx'), '--json', path.join(dir, 's.json')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...FORESEEABLE, 'in.xlsx', 'o.xlsx', 's.json'].sort());
    expect(JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8')).savings.npv).toBe(39_032.29);
  });

  it('never writes through a link put at a name it could have taken: the file it points to is kept, and the outputs are files of their own', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const kept = path.join(dir, 'kept.txt');
    writeFileSync(kept, USERS_FILE);
    for (const name of FORESEEABLE) symlinkSync(kept, path.join(dir, name));
    const json = path.join(dir, 's.json');
    expect((await vfm(['analyse', input, '--json', json])).code).toBe(0);
    expect(readFileSync(kept, 'utf8')).toBe(USERS_FILE);
    expect(lstatSync(json).isSymbolicLink()).toBe(false);
    expect(FORESEEABLE.every((name) => lstatSync(path.join(dir, name)).isSymbolicLink())).toBe(true);
  });

  it('names an unfamiliar system error by its code only, in plain words', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    jest.spyOn(promises, 'writeFile').mockImplementation((file) => Promise.reject(systemError('EWEIRD', 'write', String(file))));
    const { code, err } = await vfm(['analyse', input, '--json', path.join(dir, 's.json')]);
    expect(code).toBe(2);
    expect(err).toContain('s.json: cannot be written (the system refused with code EWEIRD)');
    expect(err).not.toContain('failed');
  });
});
