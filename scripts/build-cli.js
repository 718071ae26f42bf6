// Compiles the vfm command into lib/, the JavaScript bin/vfm.js runs: lib/vfm.js, one CommonJS file
// holding src/ (the CLI, the app, the hosts, the layout and the core; the packages it imports stay
// outside, loaded from node_modules as the package's dependencies), and beside it the help texts the
// code reads at run time from its own folder (usage.txt, commands/NAME.txt).
//
// `npm run build:cli`; `prepare` runs it too, so `npm ci` (a fresh clone) and `npm pack` build it.
// The tests build it once before they start (jest's globalSetup), so a test that runs bin/vfm.js as
// a process runs the sources as they are. Plain JavaScript, so that it needs nothing but esbuild.
// Silent when it succeeds (`npm pack --json` prints its answer on the same stdout).
const { Buffer } = require('buffer');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cliDir = path.join(root, 'src/faces/cli');

/** The help texts, as paths under src/faces/cli and under lib/ alike. */
function helpFiles() {
  const commands = fs.readdirSync(path.join(cliDir, 'commands')).filter((f) => f.endsWith('.txt')).sort();
  return ['usage.txt', ...commands.map((f) => path.join('commands', f))];
}

/**
 * Builds into `outDir` (lib/ unless told). Each file is written beside its place and renamed onto
 * it, so a vfm process started meanwhile (another test) reads the old file or the new, never half.
 */
async function buildCli(outDir = path.join(root, 'lib')) {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(cliDir, 'main.ts')],
    outfile: path.join(outDir, 'vfm.js'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    banner: { js: '// Built from src/ by scripts/build-cli.js: edit the sources, not this file.' },
  });
  const files = new Map(result.outputFiles.map((f) => [f.path, Buffer.from(f.contents)]));
  for (const name of helpFiles()) files.set(path.join(outDir, name), fs.readFileSync(path.join(cliDir, name)));
  for (const [file, contents] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, contents);
    fs.renameSync(temporary, file);
  }
  // What an earlier build left that this one did not write (a command since removed).
  for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && !files.has(file) && !file.endsWith('.tmp')) fs.rmSync(file);
  }
  return [...files.keys()];
}

module.exports = { buildCli, helpFiles };

if (require.main === module) {
  buildCli().catch((error) => {
    console.error(`build-cli: ${error.message}`);
    process.exit(1);
  });
}
