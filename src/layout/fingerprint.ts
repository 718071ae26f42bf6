// A fingerprint of the source values (SHA-256 over the table's cells as read), so that an auditor
// can tell whether the source has changed since the scenarios were written.
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { Grid, parseRange } from '../core/cell';

/** SHA-256, in hex, of the sheet name, the range and the values of the cells in `range` (A1). */
export function fingerprint(grid: Grid, range: string): string {
  const block = parseRange(range);
  if (!block) throw new RangeError(`${range} is not a range`);
  const values = [];
  for (let row = block.top; row <= block.bottom; row++) {
    const cells = [];
    for (let column = block.left; column <= block.right; column++) cells.push(grid.values[row - grid.top]?.[column - grid.left] ?? null);
    values.push(cells);
  }
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify({ sheet: grid.sheet, range, values }))));
}
