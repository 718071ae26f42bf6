// A fingerprint of the source values (SHA-256 over the table's cells as read), so that an auditor
// can tell whether the source has changed since the scenarios were written.
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { CellValue, Grid, a1, parseRange } from '../core/cell';

/**
 * SHA-256, in hex, of the sheet name, the range and the values of the cells in `range` (A1): of the
 * JSON text `{"sheet":…,"range":…,"values":[[…],…]}`, hashed a row at a time, so that the text
 * of a large table (a million rows, or labels of 32,767 characters) is never held whole.
 */
export function fingerprint(grid: Grid, range: string): string {
  const block = parseRange(range);
  if (!block) throw new RangeError(`${range} is not a range`);
  const hash = sha256.create();
  hash.update(utf8ToBytes(`{"sheet":${JSON.stringify(grid.sheet)},"range":${JSON.stringify(range)},"values":[`));
  for (let row = block.top; row <= block.bottom; row++) {
    const cells = [];
    for (let column = block.left; column <= block.right; column++) cells.push(grid.values[row - grid.top]?.[column - grid.left] ?? null);
    hash.update(utf8ToBytes(`${row > block.top ? ',' : ''}${JSON.stringify(cells)}`));
  }
  hash.update(utf8ToBytes(']}'));
  return bytesToHex(hash.digest());
}

/** Source cells stamped one by one at most: a larger table keeps its fingerprint only. */
export const STAMPED_CELLS = 20_000;

/** A cell's value as the audit sheet stamps it: `17800`, `Core team`, `TRUE`, `#N/A`, `2014-10-19`, `=B4*2`. */
export function stampText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('error' in value) return value.error;
  if ('date' in value) return value.date;
  return `=${value.formula}`;
}

/** The range's cells that hold something, each by its A1 address and stamped value; none past STAMPED_CELLS. */
export function sourceCells(grid: Grid, range: string): { address: string; value: string }[] | undefined {
  const block = parseRange(range);
  if (!block) throw new RangeError(`${range} is not a range`);
  const cells: { address: string; value: string }[] = [];
  for (let row = block.top; row <= block.bottom; row++) {
    for (let column = block.left; column <= block.right; column++) {
      const value = stampText(grid.values[row - grid.top]?.[column - grid.left]);
      if (value === '') continue;
      if (cells.length === STAMPED_CELLS) return undefined;
      cells.push({ address: a1(row, column), value });
    }
  }
  return cells;
}
