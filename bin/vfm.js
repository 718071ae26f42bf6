#!/usr/bin/env node
// The vfm command. It runs the TypeScript source directly (tsx compiles it on the fly), so the
// command works straight after `npm ci`, with no build step. `--version` and `--help` alone are
// answered here, before tsx and the workbook libraries load, so that they answer at once.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (args.length === 1 && (args[0] === '--help' || args[0] === '-h' || args[0] === 'help')) {
  process.stdout.write(require('fs').readFileSync(require('path').join(__dirname, '../src/faces/cli/usage.txt'), 'utf8'));
} else {
  require('tsx/cjs');
  require('../src/faces/cli/main.ts').main();
}
