// The help texts are plain text files, so that bin/vfm.js prints the same text without loading
// tsx or the workbook libraries: usage.txt for vfm itself, commands/NAME.txt for each command.
import { readFileSync } from 'fs';
import path from 'path';

/** The help of vfm, or of the command named. */
export function helpText(command?: string): string {
  return readFileSync(path.join(__dirname, command === undefined ? 'usage.txt' : path.join('commands', `${command}.txt`)), 'utf8');
}
