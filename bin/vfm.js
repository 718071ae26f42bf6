#!/usr/bin/env node
// The vfm command. It runs the compiled JavaScript in lib/ (scripts/build-cli.js builds it from
// src/: `npm ci` and `npm pack` do so through `prepare`, the tests before they start). The version
// and the help texts (plain text files beside the compiled code: usage.txt for vfm,
// commands/NAME.txt for a command) are answered here, before the command and the workbook
// libraries load, so that they answer at once; the same requests answered in-process
// (src/faces/cli/main.ts) print the same files.
const fs = require('fs');
const path = require('path');

const LIB = path.join(__dirname, '../lib');
const HELP = ['--help', '-h'];

/** The help file asked for: `--help`, `help`, `COMMAND --help`, `help COMMAND` or `--help COMMAND`. */
function helpFile(args) {
  if (args.length === 1 && (HELP.includes(args[0]) || args[0] === 'help')) return path.join(LIB, 'usage.txt');
  if (args.length !== 2) return undefined;
  const [first, second] = args;
  const name = HELP.includes(first) || first === 'help' ? second : HELP.includes(second) ? first : undefined;
  // Anything but a command's name (an unknown one included) is left to the command itself.
  const file = name !== undefined && /^[a-z]+$/.test(name) ? path.join(LIB, 'commands', `${name}.txt`) : undefined;
  return file !== undefined && fs.existsSync(file) ? file : undefined;
}

// Standard output that cannot be written (a full disk, a program reading it that has stopped) is
// said once, in plain words on stderr, and vfm exits 2: never an unhandled error and its stack.
let outputFailed = false;
process.stdout.on('error', (error) => {
  if (outputFailed) return;
  outputFailed = true;
  let words;
  try {
    words = require('../lib/vfm.js').standardOutputError(error);
  } catch {
    words = `vfm: standard output: cannot be written (the system refused with code ${error.code})\n`;
  }
  process.stderr.write(words);
});
// Where stderr cannot be written either, there is nothing left to say anything on.
process.stderr.on('error', () => undefined);
process.on('exit', () => {
  if (outputFailed) process.exitCode = 2;
});

const args = process.argv.slice(2);
const version = args.length === 1 && (args[0] === '--version' || args[0] === '-v');
const help = version ? undefined : helpFile(args);
if (version) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (help !== undefined) {
  process.stdout.write(fs.readFileSync(help, 'utf8'));
} else if (!fs.existsSync(path.join(LIB, 'vfm.js'))) {
  process.stderr.write('vfm: the command is not built (lib/vfm.js is missing): run "npm run build:cli" in the project folder.\n');
  process.exitCode = 1;
} else {
  require('../lib/vfm.js').main();
}
