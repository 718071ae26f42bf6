// Several tables on one sheet: the one most like cost rows is read, the others named; a tie is the user's to settle.
import { analyse } from '../../src/core/analysis';
import { tablesOn } from '../../src/core/choose-table';
import { CellValue } from '../../src/core/cell';
import { grid, inputProblems } from './grid';

const TODAY = { year: 2012, month: 10, day: 19 };
const BUDGET: CellValue[][] = [
  ['Directorate budget 2012/13', null],
  ['Heading', '£'],
  ['Staff', 120000],
  ['Premises', 30000],
  ['Total', 150000],
  [null, null],
];
const PARTNERSHIP: CellValue[][] = [
  ['Payments to Staffordshire Connects', null],
  ['Item', '£'],
  ['Core Team', 17800],
  ['CRM', 46648.63],
  ['Total', 64448.63],
];

describe('several tables on one sheet', () => {
  it('splits at each later header row, taking the titles above it along', () => {
    const tables = tablesOn(grid([...BUDGET, ...PARTNERSHIP]));
    expect(tables.map((t) => [t.top, t.values.length])).toEqual([[1, 6], [7, 5]]);
    expect(tablesOn(grid(PARTNERSHIP))).toHaveLength(1);
  });

  it('reads the table most like cost rows and names the one passed over', () => {
    const a = analyse({ grid: grid([...BUDGET, ...PARTNERSHIP]), today: TODAY });
    expect(a.table.range).toBe('A8:B11');
    expect(a.rows.map((row) => [row.item, row.amount])).toEqual([['Core Team', 1780000], ['CRM', 4664863]]);
    expect(a.warnings.find((w) => w.code === 'other-tables')?.cells).toEqual(['Costs!A1:B6 (2 labelled amounts, none with cost words, a total that ties)']);
  });

  it('asks which to read when two tables weigh the same', () => {
    const twin = PARTNERSHIP.map((row) => (row[0] === 'Payments to Staffordshire Connects' ? ['Payments last year', null] : row));
    expect(inputProblems(() => analyse({ grid: grid([...PARTNERSHIP, [null, null], ...twin]), today: TODAY }))).toEqual([{
      where: 'Costs!A1:B11',
      message: expect.stringMatching(/^2 tables on the sheet are equally like cost rows: Costs!A1:B6 \(.*\); Costs!A7:B11 \(.*\); name the one to read with --range, or select it$/),
    }]);
  });
});
