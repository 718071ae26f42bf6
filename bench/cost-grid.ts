// A synthetic cost table of any size, shaped like a real one: title, header, mostly contracts
// with some membership rows, one amount in ten held as text, and a total row that ties out.
import { CellValue, Grid } from '../src/core/cell';

export function costGrid(rows: number): Grid {
  const values: CellValue[][] = [['Partnership payments (synthetic)', null], [null, '£']];
  let totalPence = 0n;
  for (let i = 0; i < rows; i++) {
    const pence = 1000 + ((i * 7919) % 9_000_000);
    totalPence += BigInt(pence);
    const pounds = pence / 100;
    const label = i % 50 === 0 ? `Membership subscription ${i}` : `Contract ${i}`;
    values.push([label, i % 10 === 0 ? `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: 2 })}` : pounds]);
  }
  values.push(['Total', Number(totalPence) / 100]);
  return { sheet: 'Costs', top: 1, left: 1, values };
}
