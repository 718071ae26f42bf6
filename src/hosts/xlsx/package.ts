// An Office Open XML package (an .xlsx or .xlsm file): a zip of parts joined by relationships.
// Parts are inflated only when asked for, so a large sheet nobody reads costs nothing; saving
// copies every part it was not asked to change as the compressed bytes it was, byte for byte.
import * as zip from '@zip.js/zip.js';
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from 'zlib';
import { PACKAGE_INFLATED_BYTES, PART_INFLATED_BYTES, bytesInWords, shorten } from '../../core/limits';
import { PackageError } from './package-error';
import { XmlElement, childrenOf, parseXml } from './xml';

export { PackageError };

zip.configure({ useWebWorkers: false });

type Entry = zip.FileEntry;

export interface Package {
  /** Part names in the order of the zip, without a leading "/" ("xl/workbook.xml"). */
  readonly parts: readonly string[];
  has(part: string): boolean;
  bytes(part: string): Promise<Uint8Array>;
  text(part: string): Promise<string>;
  /** The entry as stored, to copy without inflating; undefined for a part made in memory. */
  stored(part: string): Entry | undefined;
}

const DEFLATED = 8;

/** What to do about a package that would inflate past the limits. */
const TOO_LARGE_ADVICE = 'if it is a real workbook, save a copy holding only the sheet of cost rows and try again; if you did not expect a file this large, check where it came from';

const tooLarge = (part: string) => new PackageError(
  `the part ${shorten(part)} inflates to more than ${bytesInWords(PART_INFLATED_BYTES)}, the most vfm reads of one part of a package (the file may be damaged, or made to overwhelm the programs that open it)`,
  TOO_LARGE_ADVICE,
);

/**
 * A part's bytes, inflated. A part that says or proves to be larger than PART_INFLATED_BYTES, or
 * that would take the parts read from the package past PACKAGE_INFLATED_BYTES, is refused before
 * it inflates further: `budget` counts what the package has inflated so far.
 */
async function inflate(entry: Entry, budget: { inflated: number }): Promise<Uint8Array> {
  if (entry.uncompressedSize > PART_INFLATED_BYTES) throw tooLarge(entry.filename);
  const raw = await entry.getData(new zip.Uint8ArrayWriter(), { passThrough: true });
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== DEFLATED) throw new PackageError(`the part ${entry.filename} is compressed in a way vfm cannot read (method ${entry.compressionMethod})`);
  const left = PACKAGE_INFLATED_BYTES - budget.inflated;
  const most = Math.min(PART_INFLATED_BYTES, left);
  const refuse = () => (most === PART_INFLATED_BYTES ? tooLarge(entry.filename) : new PackageError(
    `its parts inflate to more than ${bytesInWords(PACKAGE_INFLATED_BYTES)} together, the most vfm reads of one package (the file may be damaged, or made to overwhelm the programs that open it)`,
    TOO_LARGE_ADVICE,
  ));
  let bytes: Uint8Array;
  try {
    bytes = entry.compressionMethod === 0 ? raw : inflateRawSync(raw, { maxOutputLength: most });
  } catch (error) {
    throw (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? refuse() : error;
  }
  if (bytes.length > most) throw refuse();
  budget.inflated += bytes.length;
  return bytes;
}

/** A package from the bytes of its file; a zip that cannot be opened is a PackageError. */
export async function openPackage(bytes: Uint8Array): Promise<Package> {
  let entries: Entry[];
  try {
    const reader = new zip.ZipReader(new zip.Uint8ArrayReader(bytes));
    entries = (await reader.getEntries()).filter((entry): entry is Entry => !entry.directory);
  } catch {
    throw new PackageError('it is not a whole zip package (the file may be cut short or damaged)');
  }
  refuseTwice(entries.map((entry) => entry.filename));
  const byName = new Map(entries.map((entry) => [entry.filename, entry]));
  const budget = { inflated: 0 };
  return packageOf(entries.map((entry) => entry.filename), (part) => byName.get(part), async (part) => {
    const entry = byName.get(part);
    if (!entry) throw new PackageError(`it has no part ${part}`);
    try {
      return await inflate(entry, budget);
    } catch (error) {
      throw error instanceof PackageError ? error : new PackageError(`the part ${part} is damaged`);
    }
  });
}

/**
 * Refuses a zip that holds a part twice (part names are the same whatever their capitals, as the
 * Open Packaging Conventions compare them): programs differ on which of the two they read.
 */
function refuseTwice(names: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const first = seen.get(name.toLowerCase());
    if (first === undefined) {
      seen.set(name.toLowerCase(), name);
      continue;
    }
    const spelt = first === name ? '' : ` (once as ${shorten(name)}: part names are the same whatever their capitals)`;
    throw new PackageError(
      `it holds the part ${shorten(first)} twice${spelt}, so which of the two is the workbook's cannot be told (the file may be damaged, or made to mislead the programs that open it)`,
      'if you did not expect this, check where the file came from; else open it in Excel or LibreOffice, check that its sheets hold what you expect, save it as an Excel Workbook (.xlsx) and try again',
    );
  }
}

/** A package made in memory, from parts' texts or bytes. */
export function packageInMemory(parts: ReadonlyMap<string, string | Uint8Array>): Package {
  return packageOf([...parts.keys()], () => undefined, async (part) => {
    const content = parts.get(part);
    if (content === undefined) throw new PackageError(`it has no part ${part}`);
    return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  });
}

function packageOf(names: string[], stored: (part: string) => Entry | undefined, bytes: (part: string) => Promise<Uint8Array>): Package {
  const set = new Set(names);
  const decoder = new TextDecoder('utf-8');
  return {
    parts: names,
    has: (part) => set.has(part),
    bytes,
    text: async (part) => decoder.decode(await bytes(part)),
    stored,
  };
}

/** A part's content: text, bytes, or text made in pieces as it is saved (a large sheet, never held whole). */
export type PartContent = string | Uint8Array | { readonly chunks: () => Iterable<string> };

/** What saving changes: parts replaced or added (in this order, after the others), parts removed. */
export interface PackageChanges {
  readonly put: ReadonlyMap<string, PartContent>;
  readonly remove: ReadonlySet<string>;
}

/**
 * The package's file with the changes made. Parts neither put nor removed keep their place and
 * their stored bytes; a part put in place of one keeps its place; new parts follow.
 */
export async function savePackage(source: Package, changes: PackageChanges): Promise<Uint8Array> {
  const writer = new zip.ZipWriter(new zip.Uint8ArrayWriter(), { keepOrder: true });
  const add = async (part: string, content: PartContent) => {
    const { deflated, size, signature } = typeof content === 'string' || content instanceof Uint8Array ? deflateWhole(content) : await deflatePieces(content.chunks());
    await writer.add(part, new zip.Uint8ArrayReader(deflated), {
      passThrough: true, uncompressedSize: size, signature, compressionMethod: DEFLATED, lastModDate: new Date(1980, 0, 1),
    });
  };
  for (const part of source.parts) {
    if (changes.remove.has(part)) continue;
    const replacement = changes.put.get(part);
    if (replacement !== undefined) {
      await add(part, replacement);
      continue;
    }
    const entry = source.stored(part);
    if (!entry) {
      await add(part, await source.bytes(part));
      continue;
    }
    const raw = await entry.getData(new zip.Uint8ArrayWriter(), { passThrough: true });
    await writer.add(part, new zip.Uint8ArrayReader(raw), {
      passThrough: true, uncompressedSize: entry.uncompressedSize, signature: entry.signature, compressionMethod: entry.compressionMethod, lastModDate: entry.lastModDate,
    });
  }
  for (const [part, content] of changes.put) if (!source.has(part)) await add(part, content);
  return writer.close();
}

interface Deflated {
  readonly deflated: Uint8Array;
  readonly size: number;
  readonly signature: number;
}

function deflateWhole(content: string | Uint8Array): Deflated {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { deflated: deflateRawSync(data), size: data.length, signature: crc32(data) };
}

/**
 * Text made in pieces, deflated as it comes, a megabyte of it at a time: only the compressed bytes
 * are kept. Text of less than a megabyte is deflated at once, as a whole text is.
 */
async function deflatePieces(pieces: Iterable<string>): Promise<Deflated> {
  let deflate: ReturnType<typeof createDeflateRaw> | undefined;
  let ended: Promise<void> | undefined;
  const out: Buffer[] = [];
  let size = 0;
  let signature = 0;
  let batch: string[] = [];
  let batchLength = 0;
  const send = async () => {
    if (!deflate) {
      const stream = createDeflateRaw();
      stream.on('data', (bytes: Buffer) => out.push(bytes));
      ended = new Promise<void>((resolve, reject) => {
        stream.on('end', resolve);
        stream.on('error', reject);
      });
      deflate = stream;
    }
    const data = Buffer.from(batch.join(''), 'utf8');
    batch = [];
    batchLength = 0;
    size += data.length;
    signature = crc32(data, signature);
    const stream = deflate;
    if (!stream.write(data)) await new Promise((resolve) => stream.once('drain', resolve));
  };
  for (const piece of pieces) {
    batch.push(piece);
    batchLength += piece.length;
    if (batchLength >= 1 << 20) await send();
  }
  if (!deflate) return deflateWhole(batch.join(''));
  await send();
  deflate.end();
  await ended;
  return { deflated: Buffer.concat(out), size, signature };
}

// Relationships and part names, as the Open Packaging Conventions define them.

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The type's last word ("worksheet"), the same in the transitional and the strict schemas. */
  readonly kind: string;
  /** The part it points to, resolved to a part name; external targets are left out. */
  readonly part: string;
}

/** Where the relationships of `part` are stored: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target as a part name: relative to the folder of the part it is from, or from the root with "/". */
export function resolveTarget(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const piece of target.replace(/^\//, '').split('/')) {
    if (piece === '..') base.pop();
    else if (piece !== '.' && piece !== '') base.push(piece);
  }
  return base.join('/');
}

/** The relationships of `part` (the package's own for ""), internal ones only; none when it has no .rels part. */
export async function relationshipsOf(pkg: Package, part: string): Promise<Relationship[]> {
  const rels = part === '' ? '_rels/.rels' : relationshipsPart(part);
  if (!pkg.has(rels)) return [];
  const root = parseXml(await pkg.text(rels), rels);
  return childrenOf(root, 'Relationship').flatMap((rel: XmlElement) => {
    if (rel.getAttribute('TargetMode') === 'External') return [];
    const id = rel.getAttribute('Id') ?? '';
    const type = rel.getAttribute('Type') ?? '';
    const target = rel.getAttribute('Target') ?? '';
    return [{ id, type, kind: type.slice(type.lastIndexOf('/') + 1), part: resolveTarget(part, target) }];
  });
}
