// File names given to options: an empty one (`--json ""`, as a script with an unset variable
// gives) names no file, and is refused rather than taken as "no output"; an output naming a file
// the command reads, or another output, is refused before anything is read or written.
import { FilePlace, placeOf, samePlace } from '../../hosts/files';
import { UsageError } from './source-sheet';

/** The options that name a file, with an example of each. */
const FILE_OPTIONS: Readonly<Record<string, string>> = {
  against: 'summary.json',
  assumptions: 'assumptions.json',
  json: 'summary.json',
  out: 'scenarios.xlsx',
  report: 'report.docx',
};

/** Refuses an option naming a file whose name is empty or only spaces. */
export function refuseEmptyNames(values: Readonly<Record<string, unknown>>): void {
  for (const [option, example] of Object.entries(FILE_OPTIONS)) {
    const name = values[option];
    if (typeof name === 'string' && name.trim() === '') {
      throw new UsageError(`--${option} "${name}": the file name is empty; name the file, such as --${option} ${example}`);
    }
  }
}

/**
 * Refuses outputs that would replace a file the command reads, or each other: names are compared
 * as the files they are (symbolic links resolved, hard links by inode), not as typed. `read` are
 * the files read, in words (such as "the input workbook"); `written` the outputs, by option.
 */
export async function refuseOverwriting(
  read: readonly (readonly [words: string, file: string | undefined])[],
  written: readonly (readonly [option: string, file: string | undefined])[],
): Promise<void> {
  const sources: [string, FilePlace][] = [];
  for (const [words, file] of read) if (file !== undefined) sources.push([words, await placeOf(file, 'read')]);
  const outputs: [string, FilePlace][] = [];
  for (const [option, file] of written) {
    if (file === undefined) continue;
    const place = await placeOf(file, 'written');
    const over = sources.find(([, source]) => samePlace(source, place));
    if (over) throw new UsageError(`${option} ${file} would overwrite ${over[0]}; choose another file`);
    const twice = outputs.find(([, other]) => samePlace(other, place));
    if (twice) throw new UsageError(`${option} and ${twice[0]} name the same file; choose two`);
    outputs.push([option, place]);
  }
}
