// The package as a user gets it: `npm pack` (which runs `prepare`, building lib/) and then the
// tarball installed with `npm install -g` into a prefix of its own, as on a machine with only
// Node.js. The package tests (test/package/) and the benchmark's start-up times run vfm as installed.
// npm fetches the runtime dependencies from its cache, or from the registry when they are not there.
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..');

export interface Installed {
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** The paths `npm pack` put in it, sorted. */
  files: string[];
  /** The tarball's size and its contents' in bytes. */
  size: number;
  unpackedSize: number;
  /** The prefix it is installed into (`npm install -g --prefix`), and the package folder there. */
  prefix: string;
  packageDir: string;
  /** The command as npm links it, `PREFIX/bin/vfm`, and the script it runs. */
  command: string;
  script: string;
}

/**
 * npm's environment: this Node.js first on the PATH (the command's `#!/usr/bin/env node` finds
 * it), without what an `npm test` or `npm run` around us left that would point npm elsewhere.
 */
export function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(lifecycle|package|config_(local_prefix|global_prefix|prefix)$)/i.test(key) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  env.PATH = [path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter);
  return env;
}

function npm(args: string[], cwd: string): string {
  return execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
}

/** Packs the project into `dir` and installs the tarball globally under `dir/prefix`. */
export function packAndInstall(dir: string): Installed {
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as {
    filename: string; size: number; unpackedSize: number; files: { path: string }[];
  }[];
  const tarball = path.join(dir, packed.filename);
  const prefix = path.join(dir, 'prefix');
  npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], dir);
  const windows = process.platform === 'win32';
  const packageDir = path.join(prefix, windows ? '' : 'lib', 'node_modules', JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name);
  return {
    tarball,
    files: packed.files.map((f) => f.path).sort(),
    size: packed.size,
    unpackedSize: packed.unpackedSize,
    prefix,
    packageDir,
    command: path.join(prefix, windows ? 'vfm.cmd' : 'bin/vfm'),
    script: path.join(packageDir, 'bin/vfm.js'),
  };
}
