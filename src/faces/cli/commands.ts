// The commands of vfm. A command is an entry here, its module and its help (commands/NAME.txt);
// usage.txt, the help of vfm itself, lists them (a test keeps it to this table).
import { Command } from './command';
import { analyse } from './commands/analyse';
import { verify } from './commands/verify';

export const COMMANDS: readonly Command[] = [analyse, verify];
