// A zip whose headers lie about a part's size is refused once the part has inflated to the limit,
// not after: the limits are made small here (1 MB a part, 1.5 MB a package) so that the test
// inflates little; the catalogue (test/cli/bad-inputs.test.ts) has a zip that states its size.
import JSZip from 'jszip';
import { openPackage } from '../../src/hosts/xlsx/package';

jest.mock('../../src/core/limits', () => ({ ...jest.requireActual('../../src/core/limits'), PART_INFLATED_BYTES: 1_000_000, PACKAGE_INFLATED_BYTES: 1_500_000 }));

/** A zip of `parts`, each of `size` zeros, whose headers say each is 10 bytes. */
async function lyingZip(parts: string[], size: number): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const part of parts) zip.file(part, Buffer.alloc(size), { compression: 'DEFLATE' });
  const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
  // Each uncompressed size, in the local header (offset 22) and the central directory (offset 24).
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const signature = bytes.readUInt32LE(i);
    if (signature === 0x04034b50) bytes.writeUInt32LE(10, i + 22);
    if (signature === 0x02014b50) bytes.writeUInt32LE(10, i + 24);
  }
  return bytes;
}

describe('inflating within the limits', () => {
  it('refuses a part that inflates past the limit of a part, whatever its header says', async () => {
    const pkg = await openPackage(await lyingZip(['xl/worksheets/sheet1.xml'], 2_000_000));
    await expect(pkg.bytes('xl/worksheets/sheet1.xml')).rejects.toThrow('the part xl/worksheets/sheet1.xml inflates to more than 1 MB, the most vfm reads of one part of a package (the file may be damaged, or made to overwhelm the programs that open it)');
  });

  it('refuses the part that takes the parts read past the limit of a package', async () => {
    const pkg = await openPackage(await lyingZip(['a.xml', 'b.xml'], 900_000));
    expect((await pkg.bytes('a.xml')).length).toBe(900_000);
    await expect(pkg.bytes('b.xml')).rejects.toThrow('its parts inflate to more than 1.5 MB together, the most vfm reads of one package (the file may be damaged, or made to overwhelm the programs that open it)');
  });
});
