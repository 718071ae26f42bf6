// `vfm COMMAND [options]`: finds the command in the table (commands.ts), parses its options with
// util.parseArgs, and runs it; `vfm --help` and `vfm help [COMMAND]` (or `vfm COMMAND --help`) show
// the help. Exit 0 on success (a failed check is reported, not fatal), 2 on bad input or
// assumptions, bad usage, or a file that cannot be read or written (the error names the cell,
// assumption or file, nothing is written), 1 on an internal fault. Standard output that cannot be
// written is bin/vfm.js's to say (standardOutputError), exit 2.
import { parseArgs } from 'util';
import { PRODUCT } from '../../app/product';
import { InputError, problemLines } from '../../core/problems';
import { FileError, fileError } from '../../hosts/files';
import { COMMON_OPTIONS, Command, Io, systemIo } from './command';
import { COMMANDS } from './commands';
import { helpText } from './help';
import { UsageError } from './source-sheet';
import { terminalText } from './terminal';

export { systemIo };
export type { Io };

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    // vfm's own options come before the command's name; the command parses the rest.
    const at = argv.findIndex((arg) => !arg.startsWith('-'));
    const [leading, name, rest] = at < 0 ? [argv, undefined, []] : [argv.slice(0, at), argv[at], argv.slice(at + 1)];
    const { values } = parseArgs({ args: [...leading], options: COMMON_OPTIONS, strict: true });
    if (values.help) return help(name, io);
    if (values.version) return version(io);
    if (name === undefined) throw new UsageError('no command given', commandList());
    if (name === 'help') {
      const asked = parseArgs({ args: [...rest], options: COMMON_OPTIONS, allowPositionals: true, strict: true }).positionals;
      if (asked.length > 1) throw new UsageError(`unexpected argument "${asked[1]}"`);
      return help(asked[0], io);
    }
    const command = commandNamed(name);
    const args = parseArgs({ args: [...rest], options: { ...command.options, ...COMMON_OPTIONS }, allowPositionals: true, strict: true });
    if (args.values.help) return help(command.name, io);
    if (args.values.version) return version(io);
    return (await command.run(args, io)) ?? 0;
  } catch (error) {
    // Every line goes through terminalText: text from the workbook or the user is shown escaped.
    const refuse = (lines: string[]) => {
      io.err(terminalText(lines));
      return 2;
    };
    if (error instanceof InputError) {
      return refuse(['vfm: the input cannot be used as it stands:', ...problemLines(error.problems, error.more).map((line) => `  ${line}`), 'Nothing was written.']);
    }
    if (error instanceof FileError) return refuse([`vfm: ${error.message}`, 'Nothing was written.']);
    if (error instanceof UsageError || isArgError(error)) {
      const details = error instanceof UsageError ? error.details : [];
      return refuse([`vfm: ${(error as Error).message}`, ...details, 'Nothing was written. Run "vfm --help" for usage.']);
    }
    const fault = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(terminalText(`vfm: internal error, please report it: ${fault}`.split('\n')));
    return 1;
  }
}

function commandNamed(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"`, commandList());
  return command;
}

function commandList(): string[] {
  return [`The commands are: ${COMMANDS.map((c) => c.name).join(', ')}.`];
}

/** The help of vfm (for no command, or `help` itself), or of the command named. */
function help(name: string | undefined, io: Io): number {
  io.out(helpText(name === undefined || name === 'help' ? undefined : commandNamed(name).name));
  return 0;
}

function version(io: Io): number {
  io.out(`${PRODUCT.version}\n`);
  return 0;
}

function isArgError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code.startsWith('ERR_PARSE_ARGS');
}

/**
 * What vfm says when its standard output cannot be written (a full disk, a program reading it that
 * has stopped): one line in plain words. bin/vfm.js says it, once, and exits 2.
 */
export function standardOutputError(error: unknown): string {
  const failure = fileError('standard output', 'written', error);
  return `vfm: ${failure instanceof FileError ? failure.message : 'standard output: cannot be written'}\n`;
}

export function main(): void {
  run(process.argv.slice(2), systemIo).then((code) => {
    process.exitCode = code;
  });
}
