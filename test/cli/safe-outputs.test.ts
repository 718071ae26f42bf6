// What an output may never do to the user's files: write through a link or folder put at its
// temporary name, or widen the permissions of the file it replaces.
import crypto from 'crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'fs';
import path from 'path';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { vfm } from './vfm';

jest.setTimeout(60_000);

const USERS_FILE = 'the user had this file before the run\n';

/** The random bytes of a temporary file's name, made foreseeable, and the name they give. */
const FORESEEN = Buffer.from('00112233445566778899aabb', 'hex');
const PLANTED = `.vfm-${FORESEEN.toString('hex')}.tmp`;
const foreseeTemporaryName = () => jest.spyOn(crypto, 'randomBytes').mockImplementation(() => FORESEEN);
afterEach(() => jest.restoreAllMocks());

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
