#!/usr/bin/env node
// The vfm command. It runs the TypeScript source directly (tsx compiles it on the fly), so the
// command works straight after `npm ci`, with no build step. The version and the help texts (plain
// text files beside the code: usage.txt for vfm, commands/NAME.txt for a command) are answered
// here, before tsx and the workbook libraries load, so that they answer at once; the same
// requests answered in-process (src/faces/cli/main.ts) print the same files.
const fs = require('fs');
const path = require('path');

const CLI = path.join(__dirname, '../src/faces/cli');
const HELP = ['--help', '-h'];

/** The help file asked for: `--help`, `help`, `COMMAND --help`, `help COMMAND` or `--help COMMAND`. */
function helpFile(args) {
  if (args.length === 1 && (HELP.includes(args[0]) || args[0] === 'help')) return path.join(CLI, 'usage.txt');
  if (args.length !== 2) return undefined;
  const [first, second] = args;
  const name = HELP.includes(first) || first === 'help' ? second : HELP.includes(second) ? first : undefined;
  // Anything but a command's name (an unknown one included) is left to the command itself.
  const file = name !== undefined && /^[a-z]+$/.test(name) ? path.join(CLI, 'commands', `${name}.txt`) : undefined;
  return file !== undefined && fs.existsSync(file) ? file : undefined;
}

const args = process.argv.slice(2);
const version = args.length === 1 && (args[0] === '--version' || args[0] === '-v');
const help = version ? undefined : helpFile(args);
if (version) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (help !== undefined) {
  process.stdout.write(fs.readFileSync(help, 'utf8'));
} else {
  require('tsx/cjs');
  require('../src/faces/cli/main.ts').main();
}
