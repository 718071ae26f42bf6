import { CellValue } from '../../src/core/cell';
import { CostTable, amountCells, holdsCostTable, readCostTable } from '../../src/core/cost-table';
import { InputError, Warning, WarningLog } from '../../src/core/problems';
import { GridOptions, SEED_ITEMS, grid, inputError, inputProblems, located, seedGrid } from './grid';

function read(values: readonly (readonly CellValue[])[], options: GridOptions = {}): { table: CostTable; warnings: Warning[] } {
  const log = new WarningLog();
  const table = readCostTable(grid(values, options), log);
  return { table, warnings: log.list() };
}

const cellOf = (table: CostTable, index: number) => amountCells(table)(table.rows[index].sheetRow);
const summary = (table: CostTable) => table.rows.map((row, i) => [cellOf(table, i), row.item, row.amount]);

describe('readCostTable: the seed Section 3', () => {
  it('reads the six rows under a title, a "£" header and a blank row, with the stated total', () => {
    const log = new WarningLog();
    const table = readCostTable(seedGrid(), log);
    expect(table.rows.map((row, i) => [cellOf(table, i), row.sheetRow, row.item, row.amount, row.amountWasText])).toEqual(
      SEED_ITEMS.map(({ item, pence }, i) => [`Costs!B${4 + i}`, 4 + i, item, pence, false]),
    );
    expect(table.statedTotal).toEqual({ cell: 'Costs!B10', sheetRow: 10, amount: 12453522 });
    expect(table.headerRow).toBe(2);
    expect(table.range).toBe('A2:B10');
    expect(table.itemColumn).toBe(1);
    expect(table.amountColumn).toBe(2);
    expect(table.sheet).toBe('Costs');
    expect(log.list()).toEqual([]);
  });

  it('reads the same amounts from the report\'s text, warning that they are text', () => {
    const log = new WarningLog();
    const table = readCostTable(seedGrid({ asText: true }), log);
    expect(table.rows.map((row) => [row.item, row.amount, row.amountWasText])).toEqual(SEED_ITEMS.map(({ item, pence }) => [item, pence, true]));
    expect(table.statedTotal).toEqual({ cell: 'Costs!B10', sheetRow: 10, amount: 12453522 });
    const warnings = log.list();
    expect(warnings.map((w) => w.code)).toEqual(['text-amount']);
    expect(warnings[0].count).toBe(6);
    expect(warnings[0].cells).toEqual(['Costs!B4', 'Costs!B5', 'Costs!B6', 'Costs!B7', 'Costs!B8', 'Costs!B9']);
    expect(warnings[0].message).toMatch(/text/);
  });
});

describe('readCostTable: finding the table', () => {
  it('skips several title rows and works without a header', () => {
    const { table } = read([
      ['Cannock Chase Council'],
      ['Staffordshire Connects payments'],
      [],
      ['Core Team', 100],
      ['CRM', 50.5],
    ]);
    expect(summary(table)).toEqual([['Costs!B4', 'Core Team', 10000], ['Costs!B5', 'CRM', 5050]]);
    expect(table.headerRow).toBeUndefined();
    expect(table.statedTotal).toBeUndefined();
    expect(table.range).toBe('A4:B5');
  });

  it('recognises a header by its item label', () => {
    const { table } = read([
      ['Description', 'Paid'],
      ['Core Team', 100],
    ]);
    expect(table.headerRow).toBe(1);
    expect(summary(table)).toEqual([['Costs!B2', 'Core Team', 10000]]);
  });

  it('skips blank rows inside the table', () => {
    const { table } = read([
      ['Item', 'Amount'],
      ['Core Team', 100],
      [],
      [null, '  '],
      ['CRM', 50],
      [null, null],
      ['Total', 150],
    ]);
    expect(summary(table)).toEqual([['Costs!B2', 'Core Team', 10000], ['Costs!B5', 'CRM', 5000]]);
    expect(table.statedTotal).toEqual({ cell: 'Costs!B7', sheetRow: 7, amount: 15000 });
    expect(table.range).toBe('A1:B7');
  });

  it.each(['Total', 'TOTAL', 'total', 'Total cost', 'TOTAL (inc VAT)', 'Total:', '  total  '])('takes a row labelled %j as the total', (label) => {
    const { table } = read([
      ['Core Team', 100],
      ['CRM', 50],
      [label, 150.01],
    ]);
    expect(table.rows).toHaveLength(2);
    expect(table.statedTotal).toEqual({ cell: 'Costs!B3', sheetRow: 3, amount: 15001 });
  });

  it('takes a "Subtotal" label for a subtotal, not the total, and "Totally" for an item', () => {
    const { table } = read([
      ['Core Team', 100],
      ['Subtotal adjustment', 1],
      ['Totally new service', 2],
    ]);
    expect(table.rows.map((row) => row.item)).toEqual(['Core Team', 'Totally new service']);
    expect(table.subtotals).toEqual([{ cell: 'Costs!B2', sheetRow: 2, label: 'Subtotal adjustment', amount: 100, rows: [1], sum: 10000, by: 'label' }]);
    expect(table.statedTotal).toBeUndefined();
  });

  it('ignores rows below the total, warning about those holding amounts', () => {
    const { table, warnings } = read([
      ['Item', '£'],
      ['Core Team', 100],
      ['CRM', 50],
      ['Total', 150],
      [],
      ['Note: figures exclude VAT', null],
      ['VAT', 30],
      ['Grand total', '180'],
    ]);
    expect(table.rows.map((row) => row.item)).toEqual(['Core Team', 'CRM']);
    expect(table.statedTotal).toEqual({ cell: 'Costs!B4', sheetRow: 4, amount: 15000 });
    expect(table.range).toBe('A1:B4');
    const below = warnings.find((w) => w.code === 'below-total');
    expect(below?.count).toBe(2);
    expect(below?.cells).toEqual(['Costs!B7', 'Costs!B8']);
  });

  it('gives no below-total warning for notes without amounts under the total', () => {
    const { table, warnings } = read([
      ['Core Team', 100],
      ['Total', 100],
      ['Source: cabinet report, Section 3', null],
    ]);
    expect(table.rows).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('ignores and warns about amounts below a total row that has no amount', () => {
    const { table, warnings } = read([
      ['Core Team', 100],
      ['CRM', 50],
      ['Total', null],
      ['VAT', 30],
    ]);
    expect(table.rows.map((row) => row.item)).toEqual(['Core Team', 'CRM']);
    expect(table.statedTotal).toBeUndefined();
    expect(warnings.map((w) => w.code).sort()).toEqual(['below-total', 'total-without-amount']);
    expect(warnings.find((w) => w.code === 'below-total')?.cells).toEqual(['Costs!B4']);
    expect(warnings.find((w) => w.code === 'total-without-amount')?.cells).toEqual(['Costs!B3']);
  });

  it('takes a labelled row without an amount for the heading of the rows under it', () => {
    const { table, warnings } = read([
      ['Core Team', 100],
      ['Printing (not yet invoiced)', null],
      ['CRM', 50],
    ]);
    expect(table.rows.map((row) => [row.item, row.section])).toEqual([['Core Team', undefined], ['CRM', 'Printing (not yet invoiced)']]);
    expect(table.headings).toEqual([{ cell: 'Costs!A2', sheetRow: 2, label: 'Printing (not yet invoiced)' }]);
    expect(warnings).toEqual([]);
  });

  it('skips a labelled row without an amount that heads no rows, with a warning', () => {
    const { table, warnings } = read([
      ['Core Team', 100],
      ['CRM', 50],
      ['Printing (not yet invoiced)', null],
      ['Total', 150],
    ]);
    expect(table.rows.map((row) => row.item)).toEqual(['Core Team', 'CRM']);
    expect(table.headings).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'row-without-amount', count: 1, cells: ['Costs!B3'] })]);
  });

  it('finds the amount and item columns away from column A', () => {
    const { table } = read([
      [null, null, null, null],
      [1, 'Core Team', 'ignored note', 100],
      [2, 'CRM', null, 50],
      [3, 'Epayments', null, 25],
      [null, 'Total', null, 175],
    ]);
    expect(table.itemColumn).toBe(2);
    expect(table.amountColumn).toBe(4);
    expect(summary(table)).toEqual([['Costs!D2', 'Core Team', 10000], ['Costs!D3', 'CRM', 5000], ['Costs!D4', 'Epayments', 2500]]);
    expect(table.statedTotal).toEqual({ cell: 'Costs!D5', sheetRow: 5, amount: 17500 });
  });

  it('takes numbers and dates in the item column as labels', () => {
    const { table } = read([
      ['Code', '£'],
      [4100, 100],
      [4200, 50],
      [{ date: '2012-03-31' }, 25],
      ['Total', 175],
    ]);
    expect(table.itemColumn).toBe(1);
    expect(table.amountColumn).toBe(2);
    expect(table.rows.map((row) => [row.item, row.amount])).toEqual([['4100', 10000], ['4200', 5000], ['2012-03-31', 2500]]);
    expect(table.statedTotal?.amount).toBe(17500);
  });

  it('reports a sub-penny amount with a warning and rounds it', () => {
    const { table, warnings } = read([
      ['Core Team', 100.005],
      ['CRM', '£1.125'],
    ]);
    expect(table.rows.map((row) => row.amount)).toEqual([10001, 113]);
    expect(warnings.find((w) => w.code === 'sub-penny')?.cells).toEqual(['Costs!B1', 'Costs!B2']);
  });
});

describe('readCostTable: explicit ranges and sheet names', () => {
  it('reads a range whose top-left is C5, with addresses that reflect the offsets', () => {
    const { table } = read(
      [
        ['Item', '£'],
        ['Core Team', 17800],
        ['CRM', '46,648.63'],
        ['Total', 64448.63],
      ],
      { top: 5, left: 3 },
    );
    expect(table.rows.map((row, i) => [cellOf(table, i), row.sheetRow, row.item, row.amount])).toEqual([
      ['Costs!D6', 6, 'Core Team', 1780000],
      ['Costs!D7', 7, 'CRM', 4664863],
    ]);
    expect(table.statedTotal).toEqual({ cell: 'Costs!D8', sheetRow: 8, amount: 6444863 });
    expect(table.headerRow).toBe(5);
    expect(table.itemColumn).toBe(3);
    expect(table.amountColumn).toBe(4);
    expect(table.range).toBe('C5:D8');
  });

  it('names bad cells with the offsets too', () => {
    const problems = inputProblems(() => read([['Core Team', 100], ['CRM', 'tbc'], [null, 5]], { top: 10, left: 27 }));
    expect(problems).toEqual([
      { where: 'Costs!AB11', message: 'amount "tbc" is not a number' },
      { where: 'Costs!AB12', message: 'amount without an item label in AA12' },
    ]);
  });

  it('quotes sheet names that need it', () => {
    const { table } = read([['Item', '£'], ['Core Team', 100]], { sheet: 'My costs' });
    expect(cellOf(table, 0)).toBe("'My costs'!B2");
    const problems = inputProblems(() => read([['Core Team', 100], ['CRM', 'tbc']], { sheet: 'My costs' }));
    expect(problems).toEqual([{ where: "'My costs'!B2", message: 'amount "tbc" is not a number' }]);
    expect(cellOf(read([['Core Team', 100]], { sheet: "O'Brien's" }).table, 0)).toBe("'O''Brien''s'!B1");
    expect(cellOf(read([['Core Team', 100]], { sheet: '2012' }).table, 0)).toBe("'2012'!B1");
    expect(cellOf(read([['Core Team', 100]], { sheet: 'AB12' }).table, 0)).toBe("'AB12'!B1");
    expect(cellOf(read([['Core Team', 100]], { sheet: 'Sheet1' }).table, 0)).toBe('Sheet1!B1');
  });
});

describe('readCostTable: bad input names the cell', () => {
  it('refuses cells merged across the table\'s rows over its amounts, and leaves merges elsewhere alone', () => {
    const values: CellValue[][] = [['Payments for 2011-12', null], [null, null], ['Item', 'Amount'], ['CRM', 100], ['Email', null], ['Core Team', 50]];
    const merged = (...ranges: { top: number; left: number; bottom: number; right: number }[]) => ({ ...grid(values), mergedAcrossRows: ranges });
    expect(inputProblems(() => readCostTable(merged({ top: 4, left: 2, bottom: 5, right: 2 }), new WarningLog()))).toEqual([
      { where: 'Costs!B4:B5', message: 'cells merged across rows 4 to 5 over the amounts: a merged block holds one value, so the rows under its first have none; unmerge it (Home, Merge & Center) and give each row its own amount' },
    ]);
    // The title merged over its two rows, and a merge beside the table: the table reads as it is.
    const apart = readCostTable(merged({ top: 1, left: 1, bottom: 2, right: 2 }, { top: 4, left: 4, bottom: 6, right: 4 }), new WarningLog());
    expect(apart.rows.map((row) => row.item)).toEqual(['CRM', 'Core Team']);
  });

  it('refuses a non-numeric amount in exactly these words', () => {
    const values: CellValue[][] = [
      ['Item', 'Amount'],
      ['CRM', 100],
      ['Core Team', 'tbc'],
      ['Epayments', 50],
    ];
    let thrown: unknown;
    try {
      read(values);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).problems).toEqual([{ place: { cell: 'Costs!B3' }, message: 'amount "tbc" is not a number' }]);
    expect((thrown as InputError).message).toBe('Costs!B3: amount "tbc" is not a number');
  });

  it('refuses a bad amount in the first row under the header', () => {
    expect(inputProblems(() => read([['Item', '£'], ['Core Team', 'tbc'], ['CRM', 100]]))).toEqual([
      { where: 'Costs!B2', message: 'amount "tbc" is not a number' },
    ]);
  });

  it('refuses error values', () => {
    expect(inputProblems(() => read([['Core Team', 100], ['CRM', { error: '#VALUE!' }]]))).toEqual([
      { where: 'Costs!B2', message: 'amount is the error value #VALUE!' },
    ]);
  });

  it('refuses an amount without an item label', () => {
    expect(inputProblems(() => read([['Core Team', 100], [null, 25], ['CRM', 50]]))).toEqual([
      { where: 'Costs!B2', message: 'amount without an item label in A2' },
    ]);
  });

  it('refuses a label that is an error value', () => {
    expect(inputProblems(() => read([['Core Team', 100], [{ error: '#REF!' }, 25]]))).toEqual([
      { where: 'Costs!A2', message: 'item label is the error value #REF!' },
    ]);
  });

  it('refuses a label that is an uncalculated formula', () => {
    const problems = inputProblems(() => read([['Core Team', 100], [{ formula: 'A1&"x"' }, 25]]));
    expect(problems).toHaveLength(1);
    expect(problems[0].where).toBe('Costs!A2');
    expect(problems[0].message).toMatch(/item label is a formula \(=A1&"x"\) that was never calculated/);
  });

  it('refuses a stated total that is not a number', () => {
    expect(inputProblems(() => read([['Core Team', 100], ['Total', 'see note']]))).toEqual([
      { where: 'Costs!B2', message: 'stated total: amount "see note" is not a number' },
    ]);
  });

  it('refuses a sheet with no amounts', () => {
    expect(inputProblems(() => read([['Some notes', 'about costs'], ['more', 'text']]))).toEqual([
      { where: 'Costs!A1:B2', message: 'no cost rows found: no column holds amounts' },
    ]);
  });

  it('refuses amounts with no column to their left', () => {
    expect(inputProblems(() => read([[100], [200]]))).toEqual([
      { where: 'Costs!A1:A2', message: 'no item labels: the amounts have no column to their left' },
    ]);
  });

  it('refuses a table with nothing but a total', () => {
    expect(inputProblems(() => read([['Payments'], ['Total', 100]]))).toEqual([
      { where: 'Costs!A1:B2', message: 'no cost rows found: no row has both an item label and an amount' },
    ]);
  });

  it('refuses an empty range, naming it', () => {
    expect(inputProblems(() => read([[null, null], ['', '  ']]))).toEqual([
      { where: 'Costs!A1:B2', message: 'the range is empty: no cost rows to read' },
    ]);
    expect(inputProblems(() => read([[null, null, null], [null, null, null]], { top: 3, left: 2 }))).toEqual([
      { where: 'Costs!B3:D4', message: 'the range is empty: no cost rows to read' },
    ]);
    expect(inputProblems(() => read([], { top: 7, left: 5 }))).toEqual([
      { where: 'Costs!E7', message: 'the range is empty: no cost rows to read' },
    ]);
  });

  it('reports several bad cells together', () => {
    const problems = inputProblems(() =>
      read([
        ['Item', 'Amount'],
        ['Core Team', 17800],
        ['CRM', 'tbc'],
        ['Epayments', { error: '#VALUE!' }],
        [null, 250],
        [{ error: '#REF!' }, 10],
        ['Customer Insight', { date: '2012-04-01' }],
        ['Shared Email Directory', true],
        ['New Epayments', { formula: 'SUM(B1:B2)' }],
        ['Total', 'n/a'],
      ]),
    );
    expect(problems.map((p) => p.where)).toEqual(['Costs!B3', 'Costs!B4', 'Costs!B5', 'Costs!A6', 'Costs!B7', 'Costs!B8', 'Costs!B9', 'Costs!B10']);
    expect(problems.map((p) => p.message)).toEqual([
      'amount "tbc" is not a number',
      'amount is the error value #VALUE!',
      'amount without an item label in A5',
      'item label is the error value #REF!',
      'amount is a date (2012-04-01), not a number',
      'amount is TRUE, not a number',
      expect.stringMatching(/^amount is a formula \(=SUM\(B1:B2\)\) that was never calculated/),
      'stated total: amount "n/a" is not a number',
    ]);
  });

  it('caps a flood of bad cells at 50, counting the rest', () => {
    const values: CellValue[][] = [['Core Team', 1]];
    for (let i = 0; i < 60; i++) values.push([`Item ${i}`, 'tbc']);
    const error = inputError(() => read(values));
    const problems = error.problems.map(located);
    expect(problems).toHaveLength(50);
    expect(problems[0]).toEqual({ where: 'Costs!B2', message: 'amount "tbc" is not a number' });
    expect(problems[49].where).toBe('Costs!B51');
    expect(error.more).toBe(10);
    expect(error.message.split('\n')[50]).toBe('and 10 more problems of the same kinds');
  });
});

describe('holdsCostTable', () => {
  it('sees the seed table', () => {
    expect(holdsCostTable(seedGrid())).toBe(true);
    expect(holdsCostTable(seedGrid({ asText: true }))).toBe(true);
  });

  it('sees a label beside an amount anywhere', () => {
    expect(holdsCostTable(grid([[null, null, null], [null, 'Core Team', '£1,000']]))).toBe(true);
  });

  it('sees nothing in text only, amounts only, or labels only to the right of amounts', () => {
    expect(holdsCostTable(grid([['Notes', 'about'], ['the', 'budget']]))).toBe(false);
    expect(holdsCostTable(grid([[100, 200], [300, 400]]))).toBe(false);
    expect(holdsCostTable(grid([[100, 'Core Team']]))).toBe(false);
    expect(holdsCostTable(grid([['12', 100]]))).toBe(false);
    expect(holdsCostTable(grid([]))).toBe(false);
  });
});

describe('readCostTable: nothing is lost at the top of the table or past exact range', () => {
  it('reports a bad amount on the first row even when its label reads like a header word', () => {
    expect(inputProblems(() => read([['Item', '£'], ['Contract hire', 'tbc'], ['CRM', 100]]))).toEqual([
      { where: 'Costs!B2', message: 'amount "tbc" is not a number' },
    ]);
    expect(inputProblems(() => read([['Service desk', { error: '#VALUE!' }], ['CRM', 100]]))).toEqual([
      { where: 'Costs!B1', message: 'amount is the error value #VALUE!' },
    ]);
  });

  it('takes a header over the amounts by what it says of them', () => {
    for (const header of ['Amount', 'Cost (£)', 'Invoiced', 'Charge', 'Contribution 2011-12', 'GBP']) {
      const { table } = read([['Supplier', header], ['CRM', 100]]);
      expect([table.headerRow, table.rows.length]).toEqual([1, 1]);
    }
  });

  it('refuses an amount too large for a cost table, naming the cell, as a number or as text', () => {
    expect(inputProblems(() => read([['CRM', 1e20], ['Licence', '99,999,999,999,999,999'], ['Core team', 5]]))).toEqual([
      { where: 'Costs!B1', message: 'amount 100000000000000000000 is more than £1,000,000,000,000, too large for a cost table' },
      { where: 'Costs!B2', message: 'amount "99,999,999,999,999,999" is more than £1,000,000,000,000, too large for a cost table' },
    ]);
  });

  it('refuses amounts that add up past what pence can count exactly', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Contract ${i}`, 999_999_999_999]);
    expect(inputProblems(() => read(rows)).map((p) => p.message)).toEqual(['the amounts add up to more than can be counted to the penny']);
  });
});
