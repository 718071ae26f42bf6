// npm run help: writes the assumptions section of `vfm analyse --help` from the assumption table.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { ASSUMPTIONS_HEADING, assumptionsHelp } from '../src/faces/cli/assumptions-help';

const file = path.join(__dirname, '../src/faces/cli/commands/analyse.txt');
const help = readFileSync(file, 'utf8');
const start = help.indexOf(ASSUMPTIONS_HEADING);
const before = start < 0 ? help.indexOf('\nExamples') + 1 : start;
const after = start < 0 ? before : help.indexOf('\n\n', start) + 1;
writeFileSync(file, `${help.slice(0, before)}${assumptionsHelp()}${start < 0 ? '\n' : ''}${help.slice(after)}`);
console.log(`wrote the assumptions into ${path.relative(process.cwd(), file)}`);
