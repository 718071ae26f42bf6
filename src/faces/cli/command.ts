// What a command of the vfm table is: its name, its options for util.parseArgs, and the job. Its
// help is the plain text file commands/NAME.txt beside its module, which bin/vfm.js prints without
// loading any of this.
import { parseArgs } from 'util';
import { Clock } from '../../core/clock';
import { systemClock } from '../../hosts/system-clock';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The day of the run (the default notice date) and its moment (for the audit trail), UK time. */
  readonly clock: Clock;
}

export const systemIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  clock: systemClock,
};

/** The options every command takes besides its own: its help, and the version. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'] & object;

/** The arguments after the command's name as util.parseArgs returns them, strict, with positionals. */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

export interface Command<O extends Options = Options> {
  /** The word after `vfm`; its help is `commands/NAME.txt`. */
  readonly name: string;
  /** Its own options (COMMON_OPTIONS are added to them). */
  readonly options: O;
  /** Does the job on the arguments after the name; its exit code, 0 when none. Bad use throws UsageError (exit 2). */
  run(args: Parsed<O>, io: Io): Promise<number | void>;
}
