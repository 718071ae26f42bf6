// Which amount column the command reads, when the table has several (docs/conventions.md,
// "Several amount columns"): the one named with --column, else as the reader chooses (the base year's, the net of
// VAT); and when nothing decides, the columns to choose from, each with the option that reads it.
import { ColumnsToChoose, headerYear } from '../../core/amount-columns';
import { placeWords } from '../../core/problems';
import { UsageError } from './source-sheet';

/**
 * The reader found several amount columns and nothing to choose between them (or `--column` named
 * none of them): each column with the option that reads it, its header and the header's cell.
 */
export function columnsToChoose(error: ColumnsToChoose): UsageError {
  const table = error.problems.length > 0 ? placeWords(error.problems[0].place) : 'the table';
  const message = error.asked === undefined
    ? `${error.columns.length} columns hold amounts in ${table}, and none is headed with the base year or as net of VAT; choose the one to read:`
    : `--column "${error.asked}": no column of ${table} that holds amounts has that letter or header; choose one of them:`;
  const width = Math.max(...error.columns.map((column) => column.letter.length));
  const lines = error.columns.map(({ letter, header, headerCell }) => {
    const cell = headerCell === undefined ? '' : `${headerCell.slice(headerCell.lastIndexOf('!') + 1)} `;
    return `  --column ${header === undefined ? letter : `${letter.padEnd(width)}  (${cell}"${header}")`}`;
  });
  const headed = error.columns.find((column) => column.header !== undefined);
  const years = error.columns.some((column) => headerYear(column.header) !== undefined);
  const how = [
    ...(headed ? [`--column also takes a header's text (--column "${headed.header}")`] : []),
    ...(years ? ['a base year given in --assumptions reads the column headed with it'] : []),
  ];
  return new UsageError(message, how.length > 0 ? [...lines, `${how.join('; ')}.`] : lines);
}
