// What an output may never do to the user's files: write through a link or folder put at its
// temporary name.
import crypto from 'crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'fs';
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
