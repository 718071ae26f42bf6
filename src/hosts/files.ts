// Files the command reads and writes. Every output is written whole into a temporary file in its
// own folder, made afresh under a name nobody can foresee; only when all of them are complete are they renamed into place, so a failure leaves
// the files the user had as they were, and a file replaced keeps its permissions. A system error becomes a FileError in plain words.
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { LARGEST_FILE_BYTES, bytesInWords } from '../core/limits';

/** Why a file could not be read or written, in plain words (never the system's own text). */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many files open',
  ENFILE: 'too many files open',
  EBUSY: 'the file is in use',
  ETXTBSY: 'the file is in use',
  EIO: 'the disk could not be read or written',
  EXDEV: 'it is on another disk',
  EPIPE: 'the program reading it has stopped',
};

export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly action: 'read' | 'written',
    readonly reason: string,
  ) {
    super(reason === REASONS.ENOENT ? `${file}: ${reason}` : `${file}: cannot be ${action} (${reason})`);
    this.name = 'FileError';
  }
}

const codeOf = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code?.toString();

/** A system error on `file` as a FileError; anything else (a fault of the program) passes through. */
export function fileError(file: string, action: 'read' | 'written', error: unknown): unknown {
  if (error instanceof FileError) return error;
  const code = codeOf(error);
  if (code === undefined || !/^E[A-Z]+$/.test(code)) return error;
  if (code === 'ENOENT' && action === 'written') return new FileError(file, action, 'no such folder');
  return new FileError(file, action, REASONS[code] ?? `the system refused with code ${code}`);
}

const TOO_LARGE = `it is larger than ${bytesInWords(LARGEST_FILE_BYTES)}, the largest file vfm reads`;

/** A file the user gave, refused before it is opened when it is a folder, a device or larger than vfm reads. */
async function readableFile(file: string): Promise<void> {
  const stat = await fs.stat(file);
  if (stat.isDirectory()) throw new FileError(file, 'read', REASONS.EISDIR);
  if (!stat.isFile()) throw new FileError(file, 'read', 'it is not an ordinary file');
  if (stat.size > LARGEST_FILE_BYTES) throw new FileError(file, 'read', TOO_LARGE);
}

/** The bytes of a file the user gave; a folder or a device is refused before it is read. */
export async function readWhole(file: string): Promise<Buffer> {
  try {
    await readableFile(file);
    return await fs.readFile(file);
  } catch (error) {
    throw fileError(file, 'read', error);
  }
}

/** The first `length` bytes of a file the user gave (fewer when it is shorter), refused as readWhole refuses. */
export async function readHead(file: string, length = 4096): Promise<Buffer> {
  try {
    await readableFile(file);
    const handle = await fs.open(file, 'r');
    try {
      const head = Buffer.alloc(length);
      const { bytesRead } = await handle.read(head, 0, length, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileError(file, 'read', error);
  }
}

/**
 * The bytes of a file the user gave, in order, a few megabytes at a time, refused as readWhole
 * refuses; never held whole. Each piece is a view of one buffer that the next piece reuses: use it
 * before asking for the next.
 */
export async function* readInChunks(file: string, chunkBytes = 4 << 20): AsyncIterable<Uint8Array> {
  let handle;
  try {
    await readableFile(file);
    handle = await fs.open(file, 'r');
  } catch (error) {
    throw fileError(file, 'read', error);
  }
  try {
    const buffer = Buffer.alloc(chunkBytes);
    let total = 0;
    for (;;) {
      let bytesRead;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, chunkBytes, null));
      } catch (error) {
        throw fileError(file, 'read', error);
      }
      if (bytesRead === 0) return;
      total += bytesRead;
      // A file that grows while it is read is held to the same limit.
      if (total > LARGEST_FILE_BYTES) throw new FileError(file, 'read', TOO_LARGE);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Where a file is, to tell whether two names are one file: its real path (links resolved) and,
 * when it exists, its device and inode (hard links). A file not there yet is its folder's real
 * path and its name; a missing folder is a FileError.
 */
export interface FilePlace {
  readonly realPath: string;
  readonly inode?: string;
}

export async function placeOf(file: string, action: 'read' | 'written'): Promise<FilePlace> {
  // A name ending in a separator names a folder, whether or not one is there.
  if (action === 'written' && (file.endsWith('/') || file.endsWith(path.sep))) throw new FileError(file, action, 'the name ends in a folder separator, so it names a folder, not a file');
  try {
    const stat = await fs.stat(file);
    if (action === 'written' && stat.isDirectory()) throw new FileError(file, action, REASONS.EISDIR);
    // A device, a pipe or a socket would be replaced by the file written, not written into.
    if (action === 'written' && !stat.isFile()) throw new FileError(file, action, 'it is not an ordinary file');
    return { realPath: await fs.realpath(file), inode: `${stat.dev}:${stat.ino}` };
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw fileError(file, action, error);
  }
  try {
    return { realPath: path.join(await fs.realpath(path.dirname(file)), path.basename(file)) };
  } catch (error) {
    throw codeOf(error) === 'ENOENT' ? new FileError(file, action, 'no such folder') : fileError(file, action, error);
  }
}

export const samePlace = (a: FilePlace, b: FilePlace): boolean =>
  a.realPath === b.realPath || (a.inode !== undefined && a.inode === b.inode);

export interface FileToWrite {
  readonly file: string;
  /** The whole contents (text is written as UTF-8), or text made in pieces as it is written (a large summary, never held whole). */
  readonly contents: string | Uint8Array | Iterable<string>;
}

/** Text made in pieces, a megabyte of it at a time. */
function* inMegabytes(pieces: Iterable<string>): Iterable<string> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= 1 << 20) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  yield batch.join('');
}

/**
 * A temporary name beside `file` that nobody can foresee, so that nothing can be put there
 * beforehand; short, whatever the length of the target's, so that a target of the longest legal
 * name still fits.
 */
const temporaryBeside = (file: string) => path.join(path.dirname(file), `.vfm-${randomBytes(12).toString('hex')}.tmp`);

/**
 * Writes every file whole, or none: each into a temporary file in its folder, made afresh (never
 * through a file, link or folder already there) with the permissions of the file it replaces (a
 * new file those the umask leaves), then, once all are complete, each renamed over its target. On
 * a failure the temporary files this call made are removed, as are files it had already put where
 * no file was; a file the user had is never removed, nor anything it did not make.
 */
export async function writeFilesWhole(files: readonly FileToWrite[]): Promise<void> {
  const pending = new Map<string, string>();
  const created: string[] = [];
  let current = files[0]?.file ?? '';
  for (const { file } of files) await placeOf(file, 'written');
  try {
    for (const { file, contents } of files) {
      current = file;
      const temporary = temporaryBeside(file);
      // A file it replaces keeps its permissions: the new one is made with none wider, then given them exactly.
      const replaced = await fs.stat(file).then((stat) => stat.mode & 0o777, () => undefined);
      let made;
      try {
        // 'wx' makes the file afresh, or nothing when the name is taken (never through a link there).
        made = await fs.open(temporary, 'wx', replaced ?? 0o666);
      } catch (error) {
        if (codeOf(error) === 'EEXIST') throw new FileError(file, 'written', `something is already at ${temporary}, the temporary name it is written under first; try again`);
        throw error;
      }
      pending.set(file, temporary);
      try {
        await fs.writeFile(made, typeof contents === 'string' || contents instanceof Uint8Array ? contents : inMegabytes(contents));
        if (replaced !== undefined) await made.chmod(replaced);
      } finally {
        await made.close();
      }
    }
    for (const { file } of files) {
      current = file;
      const existed = await fs.lstat(file).then(() => true, () => false);
      await fs.rename(pending.get(file) as string, file);
      pending.delete(file);
      if (!existed) created.push(file);
    }
  } catch (error) {
    await Promise.allSettled([...pending.values(), ...created].map((leftover) => fs.rm(leftover, { force: true })));
    throw fileError(current, 'written', error);
  }
}
