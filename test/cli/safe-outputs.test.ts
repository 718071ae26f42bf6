// What an output may never do to the user's files: write through a link or folder put at its
// temporary name, widen the permissions of the file it replaces, or replace a file the command reads.
import crypto from 'crypto';
import { existsSync, linkSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'fs';
import path from 'path';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { Io, run } from '../../src/faces/cli/main';
import { vfm } from './vfm';

jest.setTimeout(60_000);

const USERS_FILE = 'the user had this file before the run\n';

/** The random bytes of a temporary file's name, made foreseeable, and the name they give. */
const FORESEEN = Buffer.from('00112233445566778899aabb', 'hex');
const PLANTED = `.vfm-${FORESEEN.toString('hex')}.tmp`;
const foreseeTemporaryName = () => jest.spyOn(crypto, 'randomBytes').mockImplementation(() => FORESEEN);
afterEach(() => jest.restoreAllMocks());

/** vfm verify, in-process: its --json holds findings, not a run's summary. */
async function verify(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let [out, err] = ['', ''];
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };
  const code = await run(['verify', ...args], io);
  return { code, out, err };
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** Runs `action` with the process's umask set to `mask`, then puts the old one back. */
async function withUmask<T>(mask: number, action: () => Promise<T>): Promise<T> {
  const old = process.umask(mask);
  try {
    return await action();
  } finally {
    process.umask(old);
  }
}

describe('the temporary file an output is written into first', () => {
  it('is never written through a link put at its name: the file the link points to is kept, and the run is refused in plain words', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const kept = path.join(dir, 'kept.txt');
    writeFileSync(kept, USERS_FILE);
    foreseeTemporaryName();
    symlinkSync(kept, path.join(dir, PLANTED));
    const { code, out, err } = await vfm(['analyse', input, '--json', path.join(dir, 's.json')]);
    expect(err).toBe(`vfm: ${dir}/s.json: cannot be written (something is already at ${dir}/${PLANTED}, the temporary name it is written under first; try again)\nNothing was written.\n`);
    expect(out).toBe('');
    expect(code).toBe(2);
    expect(readFileSync(kept, 'utf8')).toBe(USERS_FILE);
    expect(readlinkSync(path.join(dir, PLANTED))).toBe(kept);
    expect(readdirSync(dir).sort()).toEqual([PLANTED, 'in.xlsx', 'kept.txt'].sort());
  });

  it('never makes the file a dangling link at its name points to', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const elsewhere = path.join(dir, 'not-there.txt');
    foreseeTemporaryName();
    symlinkSync(elsewhere, path.join(dir, PLANTED));
    const { code, err } = await vfm(['analyse', input, '--json', path.join(dir, 's.json')]);
    expect(err).toContain(`something is already at ${dir}/${PLANTED}`);
    expect(code).toBe(2);
    expect(existsSync(elsewhere)).toBe(false);
    expect(lstatSync(path.join(dir, PLANTED)).isSymbolicLink()).toBe(true);
  });

  it('is named afresh on each run: two runs with decoys at every name the first run used leave the decoys alone', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const names: string[] = [];
    const randomBytes = crypto.randomBytes;
    jest.spyOn(crypto, 'randomBytes').mockImplementation(((size: number) => {
      const bytes = randomBytes(size);
      names.push(`.vfm-${bytes.toString('hex')}.tmp`);
      return bytes;
    }) as typeof crypto.randomBytes);
    expect((await vfm(['analyse', input, '--json', path.join(dir, 's.json'), '--out', path.join(dir, 'o.xlsx')])).code).toBe(0);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const kept = path.join(dir, 'kept.txt');
    writeFileSync(kept, USERS_FILE);
    for (const name of names) symlinkSync(kept, path.join(dir, name));
    expect((await vfm(['analyse', input, '--json', path.join(dir, 's.json'), '--out', path.join(dir, 'o.xlsx')])).code).toBe(0);
    expect(readFileSync(kept, 'utf8')).toBe(USERS_FILE);
    expect(JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8')).savings.npv).toBe(39_032.29);
    expect(lstatSync(path.join(dir, 's.json')).isSymbolicLink()).toBe(false);
  });
});

describe('the permissions of an output', () => {
  it('keeps the mode of each file it replaces (0600 and 0640 stay so)', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const [json, out] = [path.join(dir, 's.json'), path.join(dir, 'o.xlsx')];
    writeFileSync(json, USERS_FILE);
    chmodSync(json, 0o600);
    writeFileSync(out, USERS_FILE);
    chmodSync(out, 0o640);
    const { code } = await withUmask(0o022, () => vfm(['analyse', input, '--json', json, '--out', out]));
    expect(code).toBe(0);
    expect(readFileSync(json, 'utf8')).not.toBe(USERS_FILE);
    expect(modeOf(json)).toBe(0o600);
    expect(modeOf(out)).toBe(0o640);
  });

  it('keeps a mode wider than the umask gives (0666 under umask 022)', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const json = path.join(dir, 's.json');
    writeFileSync(json, USERS_FILE);
    chmodSync(json, 0o666);
    expect((await withUmask(0o022, () => vfm(['analyse', input, '--json', json]))).code).toBe(0);
    expect(modeOf(json)).toBe(0o666);
  });

  it('gives a new file the mode the umask leaves (0640 under umask 027)', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    const json = path.join(dir, 's.json');
    expect((await withUmask(0o027, () => vfm(['analyse', input, '--json', json]))).code).toBe(0);
    expect(modeOf(json)).toBe(0o640);
  });
});

describe('vfm verify --json never replaces the workbook it verifies', () => {
  let written: Buffer;
  beforeAll(async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [SEED_SHEET]);
    expect((await vfm(['analyse', input, '--out', path.join(dir, 'scenarios.xlsx')])).code).toBe(0);
    written = readFileSync(path.join(dir, 'scenarios.xlsx'));
  });

  /** A folder holding the workbook the product wrote, a symbolic link to it and a hard link to it. */
  function folder(): { dir: string; workbook: string } {
    const dir = temporaryDirectory();
    const workbook = path.join(dir, 'scenarios.xlsx');
    writeFileSync(workbook, written);
    symlinkSync(workbook, path.join(dir, 'link.json'));
    linkSync(workbook, path.join(dir, 'hard.json'));
    return { dir, workbook };
  }

  it.each([
    ['by its own name', 'scenarios.xlsx'],
    ['through a symbolic link', 'link.json'],
    ['through a hard link', 'hard.json'],
    ['through a path with a dot in it', './scenarios.xlsx'],
  ])('refuses --json naming it %s, and leaves it byte for byte as it was', async (_, name) => {
    const { dir, workbook } = folder();
    const json = path.join(dir, name);
    const { code, out, err } = await verify([workbook, '--json', json]);
    expect(err).toBe(`vfm: --json ${json} would overwrite the workbook being verified; choose another file\nNothing was written. Run "vfm --help" for usage.\n`);
    expect(out).toBe('');
    expect(code).toBe(2);
    expect(readFileSync(workbook).equals(written)).toBe(true);
    expect(lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['hard.json', 'link.json', 'scenarios.xlsx']);
  });

  it('still writes its findings to another file', async () => {
    const { dir, workbook } = folder();
    const json = path.join(dir, 'findings.json');
    const { code } = await verify([workbook, '--json', json]);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).sound).toBe(true);
    expect(readFileSync(workbook).equals(written)).toBe(true);
  });
});
