// The command table: each command with its own options and help, and vfm's help listing them; the
// help bin/vfm.js prints at once is the help the command prints in-process.
import { execFile } from 'child_process';
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { COMMANDS } from '../../src/faces/cli/commands';
import { temporaryDirectory } from '../support/workbooks';
import { vfm } from './vfm';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'src/faces/cli');
const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const usage = () => readFileSync(path.join(CLI, 'usage.txt'), 'utf8');
const commandHelp = (name: string) => readFileSync(path.join(CLI, 'commands', `${name}.txt`), 'utf8');

/** Runs bin/vfm.js as a process with a preload that reports every module asked for by name. */
async function vfmProcess(args: string[]): Promise<{ stdout: string; loaded: string[] }> {
  const trace = path.join(temporaryDirectory(), 'trace.js');
  writeFileSync(trace, "const M = require('module'); const load = M._load; M._load = function (id, ...rest) { process.stderr.write(`load ${id}\\n`); return load.call(this, id, ...rest); };");
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', trace, path.join(ROOT, 'bin/vfm.js'), ...args], { cwd: ROOT });
  return { stdout, loaded: [...stderr.matchAll(/^load (.*)$/gm)].map((m) => m[1]) };
}

describe('the help', () => {
  const asks: [string[], () => string][] = [
    [['--help'], usage],
    [['-h'], usage],
    [['help'], usage],
    [['analyse', '--help'], () => commandHelp('analyse')],
    [['analyse', '-h'], () => commandHelp('analyse')],
    [['help', 'analyse'], () => commandHelp('analyse')],
    [['--help', 'analyse'], () => commandHelp('analyse')],
  ];

  it.each(asks)('vfm %j prints the same text from bin/vfm.js, at once, as in-process', async (args, text) => {
    const inProcess = await vfm(args);
    expect(inProcess).toEqual({ code: 0, out: text(), err: '' });
    const { stdout, loaded } = await vfmProcess(args);
    expect(stdout).toBe(inProcess.out);
    expect(loaded.filter((id) => /^(tsx|exceljs|jszip|@zip\.js|docx)\b|\.ts$|lib\/vfm\.js$/.test(id))).toEqual([]);
  });

  it("lists exactly the table's commands, each with a help of its own that begins with its usage", () => {
    const listed = usage().split('\nCommands:\n')[1].split('\n\n')[0].split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(/\s/)[0]);
    const names = COMMANDS.map((command) => command.name);
    expect(listed).toEqual(names);
    expect(readdirSync(path.join(CLI, 'commands')).filter((f) => f.endsWith('.txt')).sort()).toEqual(names.map((n) => `${n}.txt`).sort());
    for (const name of names) {
      const first = commandHelp(name).split('\n')[0];
      expect(first).toMatch(new RegExp(`^Usage: vfm ${name}\\b`));
      expect(usage()).toContain(`vfm ${first.slice('Usage: vfm '.length)}\n`);
      expect(commandHelp(name)).toContain('\nExamples');
    }
  });

  it("runs every example of analyse's help", async () => {
    const examples = [...commandHelp('analyse').matchAll(/^ {4}vfm (analyse .*)$/gm)].map((m) => m[1].split(' '));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const dir = temporaryDirectory();
    for (const example of examples) {
      // Files of the project are read where they are; the files written go to a folder of the test's.
      const args = example.map((arg, i) => (arg.startsWith('examples/') ? path.join(ROOT, arg) : ['--json', '--out'].includes(example[i - 1]) ? path.join(dir, arg) : arg));
      const { code, err, out } = await vfm(args);
      expect({ example: example.join(' '), code, err }).toEqual({ example: example.join(' '), code: 0, err: '' });
      expect(out).toContain('NPV');
    }
    expect(readdirSync(dir).sort()).toEqual(['out.xlsx', 'summary.json']);
  });

  it('refuses help on an unknown command, naming the commands', async () => {
    for (const args of [['help', 'analyze'], ['analyze', '--help'], ['--help', 'analyze']]) {
      const { code, out, err } = await vfm(args);
      expect({ code, out }).toEqual({ code: 2, out: '' });
      expect(err).toBe('vfm: unknown command "analyze"\nThe commands are: analyse, verify.\nNothing was written. Run "vfm --help" for usage.\n');
    }
    expect((await vfm(['help', 'help'])).out).toBe(usage());
  });
});

describe('the commands', () => {
  it('says when no command is given, and when the help is asked about two', async () => {
    expect(await vfm([])).toEqual({ code: 2, out: '', err: 'vfm: no command given\nThe commands are: analyse, verify.\nNothing was written. Run "vfm --help" for usage.\n' });
    expect((await vfm(['help', 'analyse', 'verify'])).err).toContain('vfm: unexpected argument "verify"');
  });

  it('gives the version before or after the command, and in-process as bin/vfm.js does', async () => {
    for (const args of [['--version'], ['-v'], ['analyse', '--version'], ['analyse', 'x.xlsx', '-v']]) {
      expect(await vfm(args)).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
    }
    expect((await vfmProcess(['--version'])).stdout).toBe(`${VERSION}\n`);
  });

  it("parses each command's options on their own: vfm's options come before the command, the command's after it", async () => {
    const before = await vfm(['--sheet', 'Costs', 'analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx')]);
    expect(before.code).toBe(2);
    expect(before.err).toContain("Unknown option '--sheet'");
    const missing = await vfm(['analyse', '--sheet']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Option '--sheet <value>' argument missing");
    const positional = await vfm(['analyse', 'a.xlsx', 'b.xlsx']);
    expect(positional.err).toContain('vfm: unexpected argument "b.xlsx"');
    const none = await vfm(['analyse']);
    expect(none.err).toContain('vfm: analyse needs the INPUT.xlsx workbook to read');
  });
});
