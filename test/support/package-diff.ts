// Compares two workbook packages part by part, to show what writing into a file changed: parts
// whose content differs, and parts whose stored (compressed) bytes differ, which a writer that
// inflated and deflated them again would show even when their content is the same.
import * as zip from '@zip.js/zip.js';
import { readFileSync } from 'fs';
import { inflateRawSync } from 'zlib';

/** The parts the product may change when it adds its sheets: they list the sheets, names and styles. */
export const WORKBOOK_LEVEL_PARTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

export interface PackageDiff {
  /** Parts of the first that the second holds with other content. */
  readonly changed: readonly string[];
  /** Parts of the same content stored as other bytes. */
  readonly restored: readonly string[];
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

interface Part {
  readonly stored: Buffer;
  readonly content: Buffer;
}

async function partsOf(file: string): Promise<Map<string, Part>> {
  const reader = new zip.ZipReader(new zip.Uint8ArrayReader(readFileSync(file)));
  const parts = new Map<string, Part>();
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    const stored = Buffer.from(await entry.getData(new zip.Uint8ArrayWriter(), { passThrough: true }));
    parts.set(entry.filename, { stored, content: entry.compressionMethod === 0 ? stored : inflateRawSync(stored) });
  }
  return parts;
}

export async function packageDiff(before: string, after: string): Promise<PackageDiff> {
  const [a, b] = await Promise.all([partsOf(before), partsOf(after)]);
  const both = [...a.keys()].filter((part) => b.has(part)).sort();
  const same = (part: string, key: keyof Part) => (a.get(part) as Part)[key].equals((b.get(part) as Part)[key]);
  return {
    changed: both.filter((part) => !same(part, 'content')),
    restored: both.filter((part) => same(part, 'content') && !same(part, 'stored')),
    removed: [...a.keys()].filter((part) => !b.has(part)).sort(),
    added: [...b.keys()].filter((part) => !a.has(part)).sort(),
  };
}
