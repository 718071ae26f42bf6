// Standard output that cannot be written, as a process sees it: a full device (`> /dev/full`) or a
// program reading it that has stopped (`| head`, closed at once). vfm says so in one plain line on
// stderr and exits 2, never the system's own text nor a stack.
import { spawn } from 'child_process';
import { closeSync, existsSync, openSync } from 'fs';
import path from 'path';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');

/** Runs bin/vfm.js with its standard output on `stdout`: a file descriptor, or a pipe closed before vfm writes. */
function vfmProcess(args: string[], stdout: number | 'closed'): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/vfm.js'), ...args], { cwd: ROOT, stdio: ['ignore', stdout === 'closed' ? 'pipe' : stdout, 'pipe'] });
    if (stdout === 'closed') child.stdout?.destroy();
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => { err += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

const FULL = '/dev/full';

describe('standard output that cannot be written', () => {
  if (!existsSync(FULL)) throw new Error(`${FULL} is needed: a device that is always full`);

  it.each([
    ['analyse', ['analyse', EXAMPLE]],
    ['its help', ['--help']],
  ])('%s to a full device: one plain line, exit 2', async (_, args) => {
    const full = openSync(FULL, 'w');
    try {
      expect(await vfmProcess(args, full)).toEqual({ code: 2, err: 'vfm: standard output: cannot be written (the disk is full)\n' });
    } finally {
      closeSync(full);
    }
  });

  it('analyse to a program that has stopped reading: one plain line, exit 2', async () => {
    expect(await vfmProcess(['analyse', EXAMPLE], 'closed')).toEqual({ code: 2, err: 'vfm: standard output: cannot be written (the program reading it has stopped)\n' });
  });
});
