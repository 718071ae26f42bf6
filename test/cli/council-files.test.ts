// vfm analyse on the shapes of council files that were misread: a published CSV whose header is
// `Supplier Name,Total`, a header over a column of ids (`Item,Amount,supplier_id`), headers in any
// words (`amount`, `Spending CLEAN`, `£`), a subtotal with no heading above it, and an amount
// written `£ (1,234)`. Each file is rebuilt here in the same shape; every figure is typed by hand.
import { writeFileSync } from 'fs';
import path from 'path';
import { readBack, loadWithExcelJs, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { readSummary } from '../support/summary';
import { vfm } from './vfm';

jest.setTimeout(60_000);

async function analyseCsv(csv: string, ...options: string[]) {
  const dir = temporaryDirectory();
  const input = path.join(dir, 'spend.csv');
  writeFileSync(input, csv);
  const json = path.join(dir, 's.json');
  const result = await vfm(['analyse', input, '--json', json, ...options]);
  return { ...result, dir, summary: () => readSummary(json) };
}

describe('the row above a column of amounts whose cells are words is its header', () => {
  it('reads a published CSV headed "Supplier Name,Total", the header naming the column', async () => {
    const { code, err, out, summary } = await analyseCsv('Supplier Name,Total\r\nNorthshire Shared Services Ltd,17800.00\r\nEastern Power plc,900.00\r\n');
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = summary();
    expect(s.rows.map((row) => [row.cell, row.item, row.amount])).toEqual([
      ['spend!B2', 'Northshire Shared Services Ltd', 17800],
      ['spend!B3', 'Eastern Power plc', 900],
    ]);
    expect(s.source.amountColumn).toEqual({ letter: 'B', header: 'Total', headerCell: 'spend!B1', chosenBy: 'the only one', passedOver: [] });
    expect(s.source).toMatchObject({ range: 'A1:B3', computedTotal: 18700, tieOut: 'absent' });
    expect(out).toContain('  amounts    column B "Total", the only column of amounts\n');
  });

  // A second column of numbers under a header that names neither money nor codes: the user chooses.
  const WITH_BASE = (header: string) => `Item,${header},base\nCore team,17800,3\nCRM,46648.63,12\nEpayments,9495.85,140\n`;

  it.each(['Amount', 'amount', 'Spending CLEAN', 'Total', '£'])('lists the columns under header "%s" by their headers, and --column B then reads it', async (header) => {
    const asked = await analyseCsv(WITH_BASE(header));
    expect(asked.code).toBe(2);
    expect(asked.out).toBe('');
    expect(asked.err).toBe([
      'vfm: 2 columns hold amounts in spend!A1:C4, and none is headed with the base year or as net of VAT; choose the one to read:',
      `  --column B  (B1 "${header}")`,
      '  --column C  (C1 "base")',
      `--column also takes a header's text (--column "${header}").`,
      'Nothing was written. Run "vfm --help" for usage.',
      '',
    ].join('\n'));

    for (const choice of ['B', header]) {
      const { code, err, summary } = await analyseCsv(WITH_BASE(header), '--column', choice);
      expect(err).toBe('');
      expect(code).toBe(0);
      const s = summary();
      expect(s.rows.map((row) => [row.cell, row.amount])).toEqual([['spend!B2', 17800], ['spend!B3', 46648.63], ['spend!B4', 9495.85]]);
      expect(s.source.computedTotal).toBe(73944.48);
      expect(s.source.amountColumn).toEqual({ letter: 'B', header, headerCell: 'spend!B1', chosenBy: 'given', passedOver: [{ letter: 'C', header: 'base' }] });
    }
  });

  it.each([['one width', '1001', '1002', '1003'], ['several widths', '87', '1002', '15534']])('reads "Item,Amount,supplier_id" with supplier ids of %s as codes, not amounts', async (_, ...ids) => {
    const { code, err, out, summary } = await analyseCsv(`Item,Amount,supplier_id\nCore team,17800,${ids[0]}\nCRM,46648.63,${ids[1]}\nEpayments,9495.85,${ids[2]}\n`);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(summary().source).toMatchObject({ computedTotal: 73944.48, amountColumn: { letter: 'B', header: 'Amount', headerCell: 'spend!B1', chosenBy: 'the only one' } });
    expect(out).toContain('  codes      column C, not read as amounts\n');
  });

  it('reads "Item | £ | base" with numbers under "base" in a workbook, by --column B as advised', async () => {
    const dir = temporaryDirectory();
    const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [{ name: 'Costs', rows: [['Item', '£', 'base'], ['Core team', 17800, 3], ['CRM', 46648.63, 12], ['Epayments', 9495.85, 140]] }]);
    const asked = await vfm(['analyse', input]);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain('  --column B  (B1 "£")\n  --column C  (C1 "base")\n');
    const json = path.join(dir, 's.json');
    const { code, err } = await vfm(['analyse', input, '--column', 'B', '--json', json]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(readSummary(json).source).toMatchObject({ computedTotal: 73944.48, amountColumn: { letter: 'B', header: '£', headerCell: 'Costs!B1' } });
  });

  it('still refuses a bad amount on the first row under a header it knows', async () => {
    const { code, err } = await analyseCsv('Item,Amount\nCore team,tbc\nCRM,46648.63\n');
    expect(code).toBe(2);
    expect(err).toContain('  spend!B2: amount "tbc" is not a number\n');
  });
});

describe('a subtotal with no heading above it', () => {
  const SUBTOTAL = 'Item,Amount\nSalaries,100\nOffice,50\nCentral Support Costs,150\nInterest Received,-5\nTotal,145\n';

  it('is left out of the sum when the stated total ties only without it, with a warning naming it', async () => {
    const { code, err, out, summary } = await analyseCsv(SUBTOTAL);
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = summary();
    expect(s.rows.map((row) => [row.cell, row.item, row.amount])).toEqual([['spend!B2', 'Salaries', 100], ['spend!B3', 'Office', 50], ['spend!B5', 'Interest Received', -5]]);
    expect(s.source).toMatchObject({ statedTotal: 145, computedTotal: 145, tieOut: 'ok' });
    expect(s.source.subtotals).toEqual([{ cell: 'spend!B4', label: 'Central Support Costs', amount: 150, sum: 150, ties: true, by: 'sum' }]);
    expect(s.warnings.filter((w) => w.code === 'subtotal-by-sum')).toEqual([{
      code: 'subtotal-by-sum',
      message: 'rows equal to the sum of the rows above them, with no heading above, were taken for subtotals and left out of the sum, since the stated total ties only without them',
      count: 1,
      cells: ['spend!B4'],
    }]);
    expect(out).toContain('  Total 145.00 (stated 145.00 in spend!B6): tie-out ok');
  });

  it('is an ordinary row when no stated total says otherwise: no total, or a total that ties with it', async () => {
    for (const csv of [SUBTOTAL.replace('Total,145\n', ''), SUBTOTAL.replace('Total,145', 'Total,295'), SUBTOTAL.replace('Total,145', 'Total,140')]) {
      const { code, summary } = await analyseCsv(csv);
      expect(code).toBe(0);
      const s = summary();
      expect(s.rows.map((row) => row.amount)).toEqual([100, 50, 150, -5]);
      expect(s.source.computedTotal).toBe(295);
      expect(s.source.subtotals).toEqual([]);
      expect(s.warnings.map((w) => w.code)).not.toContain('subtotal-by-sum');
    }
  });
});

describe('a CSV', () => {
  it('raises no warning for its amounts being text: every field of a CSV is', async () => {
    const { code, summary } = await analyseCsv('Item,£\nCore team,"17,800.00"\nCRM,46648.63\nEmail,£845\n');
    expect(code).toBe(0);
    const s = summary();
    expect(s.rows.map((row) => row.amount)).toEqual([17800, 46648.63, 845]);
    expect(s.warnings.map((w) => w.code)).not.toContain('text-amount');
  });

  it('gives a workbook whose source sheet holds the amounts as numbers, and whose cost rows link to them', async () => {
    const dir = temporaryDirectory();
    const input = path.join(dir, 'spend.csv');
    writeFileSync(input, 'Item,£\nCore team,"17,800.00"\nCRM,46648.63\nRefund,(845)\nTotal,"63,603.63"\n');
    const out = path.join(dir, 'out.xlsx');
    const written = await vfm(['analyse', input, '--out', out]);
    expect(written.err).toBe('');
    expect(written.code).toBe(0);
    const source = await (await readBack(out)).grid('spend');
    expect(source.values.map((row) => row[1])).toEqual(['£', 17800, 46648.63, -845, 63603.63]);
    const book = await loadWithExcelJs(out);
    const rows = book.getWorksheet('VfM Cost Rows')!;
    const amounts = [9, 10, 11].map((r) => rows.getCell(r, 2).value as { formula?: string });
    expect(amounts.map((cell) => cell.formula)).toEqual(['ROUND(spend!B2*VfM_SourceUnit,2)', 'ROUND(spend!B3*VfM_SourceUnit,2)', 'ROUND(spend!B4*VfM_SourceUnit,2)']);
    expect([9, 10, 11].map((r) => rows.getCell(r, 5).value ?? null)).toEqual([null, null, null]);
    // The fingerprint stamped is of the source as written: verify finds the workbook sound.
    const verified = await vfm(['verify', out]);
    expect(verified.err).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('Sound: every cell of the model');
  });
});

describe('an amount with a pound sign and brackets', () => {
  it('is a negative amount, in each way it is written, and the table reads whole', async () => {
    const { code, err, summary } = await analyseCsv('Item,Amount\nCore team,17800\nCRM,46648.63\nRefund,"£ (1,234)"\nCredit,"(£1,000.50)"\nRebate,-£200\nTotal,"62,014.13"\n');
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = summary();
    expect(s.rows.map((row) => [row.item, row.amount])).toEqual([['Core team', 17800], ['CRM', 46648.63], ['Refund', -1234], ['Credit', -1000.5], ['Rebate', -200]]);
    expect(s.source).toMatchObject({ range: 'A1:B7', statedTotal: 62014.13, computedTotal: 62014.13, tieOut: 'ok' });
    expect(s.rows.find((row) => row.item === 'Core team')?.class).toBe('avoidable');
  });
});
