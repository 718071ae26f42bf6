// File names given to options: an empty one (`--json ""`, as a script with an unset variable
// gives) names no file, and is refused rather than taken as "no output".
import { UsageError } from './source-sheet';

/** The options that name a file, with an example of each. */
const FILE_OPTIONS: Readonly<Record<string, string>> = {
  assumptions: 'assumptions.json',
  json: 'summary.json',
  out: 'scenarios.xlsx',
  report: 'report.docx',
};

/** Refuses an option naming a file whose name is empty or only spaces. */
export function refuseEmptyNames(values: Readonly<Record<string, unknown>>): void {
  for (const [option, example] of Object.entries(FILE_OPTIONS)) {
    const name = values[option];
    if (typeof name === 'string' && name.trim() === '') {
      throw new UsageError(`--${option} "${name}": the file name is empty; name the file, such as --${option} ${example}`);
    }
  }
}
