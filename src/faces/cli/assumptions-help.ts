// The assumptions section of `vfm analyse --help`, from the assumption table. The help is a plain
// text file (bin/vfm.js prints it without loading this), so `npm run help` writes this section into
// it and a test fails when the file and the table differ.
import { ASSUMPTION_NAMES, ASSUMPTION_TABLE } from '../../core/assumption-table';

export const ASSUMPTIONS_HEADING = 'Assumptions, in the --assumptions file (JSON; each one left out takes its default):';

/** The heading and a line or two for each assumption: its name, what it takes and its default, wrapped at 100 columns. */
export function assumptionsHelp(): string {
  const lines = [ASSUMPTIONS_HEADING];
  for (const name of ASSUMPTION_NAMES) {
    const row = ASSUMPTION_TABLE[name];
    const takes = row.unit === 'object' ? row.expected : row.unit;
    const words = `${takes}. Default: ${row.byDefault}${row.authority ? `, from the ${row.authority}` : ''}.`;
    lines.push(...wrap(words, 78).map((line, i) => `  ${(i === 0 ? name : '').padEnd(20)}${line}`));
  }
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
