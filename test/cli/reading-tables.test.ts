// vfm analyse on the tables councils write (docs/conventions.md, "Reading cost tables"): a unit, several
// amount columns, subtotals, section headings and notes. Every choice the reader made is stated in
// the report and the JSON summary; when it cannot choose the amount column, vfm lists the columns
// and stops. The figures are typed from the tables.
import { readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { readSummary } from '../support/summary';
import { FixtureSheet, temporaryDirectory, writeWorkbook } from '../support/workbooks';
import { vfm } from './vfm';

/** A table in thousands of pounds, with a notes column, a section heading and two subtotals (the second off by £9.15). */
const THOUSANDS: FixtureSheet = {
  name: 'Costs',
  rows: [
    ['Payments to the partnership, 2011/12 (£000)', null, null],
    [null, null, null],
    ['Item', 'Amount', 'Notes'],
    ['Core team', 17.8, 'Contract ends 31 March 2014'],
    ['CRM', 46.64863, 'Hosted by the county'],
    ['Subtotal core services', 64.44863, null],
    ['Licences and hosting', null, null],
    ['Epayments', 9.49585, null],
    ['Shared email directory', 0.845, 'Expires 30/09/2013'],
    ['Subtotal licences', 10.35, null],
    ['Total', 74.78948, null],
  ],
};

const NET_VAT_GROSS: FixtureSheet = {
  name: 'Costs',
  rows: [
    ['Item', 'Net', 'VAT', 'Gross'],
    ['Core team', 17800, 3560, 21360],
    ['CRM', 46648.63, 9329.73, 55978.36],
    ['Total', 64448.63, 12889.73, 77338.36],
  ],
};

const YEARS: FixtureSheet = {
  name: 'Costs',
  rows: [
    ['Item', '2010/11', '2011/12'],
    ['Core team', 17250.4, 17800],
    ['CRM', 45120.15, 46648.63],
    ['Total', 62370.55, 64448.63],
  ],
};

async function run(sheet: FixtureSheet, ...options: string[]) {
  const dir = temporaryDirectory();
  const file = await writeWorkbook(path.join(dir, 'costs.xlsx'), [sheet]);
  const json = path.join(dir, 'summary.json');
  const result = await vfm(['analyse', file, '--json', json, ...options]);
  return { ...result, dir, summary: () => readSummary(json) };
}

/** The lines of the report from the one starting with `first` up to the next blank line. */
const block = (out: string, first: string) => {
  const lines = out.split('\n');
  const start = lines.findIndex((line) => line.startsWith(first));
  return lines.slice(start, lines.indexOf('', start));
};

describe('a table in £000 with subtotals, a section heading and notes', () => {
  it('reads the amounts in pounds exactly, leaves the subtotals out and checks each, and says so', async () => {
    const { code, err, out, summary } = await run(THOUSANDS);
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = summary();
    expect(s.rows.map((row) => [row.cell, row.item, row.amount])).toEqual([
      ['Costs!B4', 'Core team', 17800],
      ['Costs!B5', 'CRM', 46648.63],
      ['Costs!B8', 'Epayments', 9495.85],
      ['Costs!B9', 'Shared email directory', 845],
    ]);
    expect(s.source).toMatchObject({ range: 'A3:C11', rowCount: 4, statedTotal: 74789.48, computedTotal: 74789.48, tieOut: 'ok' });
    expect(s.source.unit).toEqual({ label: '£000', factor: 1000, cell: 'Costs!A1' });
    expect(s.source.amountColumn).toEqual({ letter: 'B', header: 'Amount', headerCell: 'Costs!B3', chosenBy: 'the only one', passedOver: [] });
    expect(s.source.subtotals).toEqual([
      { cell: 'Costs!B6', label: 'Subtotal core services', amount: 64448.63, sum: 64448.63, ties: true, by: 'label' },
      { cell: 'Costs!B10', label: 'Subtotal licences', amount: 10350, sum: 10340.85, ties: false, by: 'label' },
    ]);
    expect(s.source.sectionHeadings).toEqual([{ cell: 'Costs!A7', label: 'Licences and hosting' }]);
    expect(s.source.hiddenRows).toEqual([]);
    expect(s.checks.filter((check) => check.name.startsWith('subtotal'))).toEqual([
      { name: 'subtotal Costs!B6', ok: true, detail: '"Subtotal core services" in Costs!B6 is £64,448.63; its 2 rows come to £64,448.63' },
      { name: 'subtotal Costs!B10', ok: false, detail: '"Subtotal licences" in Costs!B10 is £10,350.00; its 2 rows come to £10,340.85 (difference £9.15)' },
    ]);

    expect(block(out, 'How the table was read')).toEqual([
      'How the table was read',
      '  amounts    column B "Amount", the only column of amounts',
      '  unit       £000, stated in Costs!A1: each amount multiplied by 1,000 to pounds',
      '  sections   "Licences and hosting" (Costs!A7)',
      '  notes      column C, shown under each row (a date by "ends" or "expires" is its contract\'s end)',
      '  subtotals  2 left out of the sum, each checked against the cost rows it covers:',
      '    cell       label                           £  its rows',
      '    Costs!B6   Subtotal core services  64,448.63  agrees with its 2 rows',
      '    Costs!B10  Subtotal licences       10,350.00  DISAGREES: its 2 rows come to 10,340.85',
    ]);
    expect(out).toContain('  Total 74,789.48 (stated 74,789.48 in Costs!B11): tie-out ok');
    expect(out).toContain('  FAIL subtotal Costs!B10: "Subtotal licences" in Costs!B10 is £10,350.00; its 2 rows come to £10,340.85 (difference £9.15)');
  });
});

describe('a table of net, VAT and gross', () => {
  it('reads the net column, and says why and which columns it passed over', async () => {
    const { code, err, out, summary } = await run(NET_VAT_GROSS);
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = summary();
    expect(s.rows.map((row) => [row.cell, row.amount])).toEqual([['Costs!B2', 17800], ['Costs!B3', 46648.63]]);
    expect(s.source).toMatchObject({ range: 'A1:B4', statedTotal: 64448.63, computedTotal: 64448.63, tieOut: 'ok' });
    expect(s.source.amountColumn).toEqual({
      letter: 'B', header: 'Net', headerCell: 'Costs!B1', chosenBy: 'net of VAT',
      passedOver: [{ letter: 'C', header: 'VAT' }, { letter: 'D', header: 'Gross' }],
    });
    expect(s.source.unit).toEqual({ label: '£', factor: 1, cell: null });
    expect(out).toContain('  amounts    column B "Net", net of VAT, as councils report costs (they recover the VAT); passed over C "VAT", D "Gross" (choose another with --column)\n');
    expect(out).toContain('  unit       pounds (the table states no unit)\n');
  });

  it('reads the gross column when told to', async () => {
    const { code, summary } = await run(NET_VAT_GROSS, '--column', 'Gross');
    expect(code).toBe(0);
    const s = summary();
    expect(s.source.computedTotal).toBe(77338.36);
    expect(s.source.amountColumn).toMatchObject({ letter: 'D', chosenBy: 'given' });
  });
});

describe('a table of years, without a base year', () => {
  it('stops with exit 2, listing the columns and how to choose, and writes nothing', async () => {
    const { code, out, err, dir } = await run(YEARS);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe([
      'vfm: 2 columns hold amounts in Costs!A1:C4, and none is headed with the base year or as net of VAT; choose the one to read:',
      '  --column B  (B1 "2010/11")',
      '  --column C  (C1 "2011/12")',
      '--column also takes a header\'s text (--column "2010/11"); a base year given in --assumptions reads the column headed with it.',
      'Nothing was written. Run "vfm --help" for usage.',
      '',
    ].join('\n'));
    expect(readdirSync(dir)).toEqual(['costs.xlsx']);
  });

  it('reads the column named by its header, and takes its year for the base year', async () => {
    const { code, err, out, summary } = await run(YEARS, '--column', '2011/12');
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = summary();
    expect(s.rows.map((row) => [row.cell, row.amount])).toEqual([['Costs!C2', 17800], ['Costs!C3', 46648.63]]);
    expect(s.source).toMatchObject({ range: 'A1:C4', statedTotal: 64448.63, computedTotal: 64448.63, tieOut: 'ok' });
    expect(s.source.amountColumn).toEqual({ letter: 'C', header: '2011/12', headerCell: 'Costs!C1', chosenBy: 'given', passedOver: [{ letter: 'B', header: '2010/11' }] });
    expect(s.assumptions.baseYear).toBe('2011/12');
    expect(s.assumptions.sources.baseYear).toBe('column header');
    expect(out).toContain('  amounts    column C "2011/12", chosen with --column; passed over B "2010/11" (choose another with --column); its header\'s year, 2011/12, is the base year\n');
  });

  it('reads the same column named by its letter', async () => {
    const { code, summary } = await run(YEARS, '--column', 'c');
    expect(code).toBe(0);
    expect(summary().source.amountColumn).toMatchObject({ letter: 'C', chosenBy: 'given' });
  });

  it('reads the column headed with the base year the assumptions give', async () => {
    const dir = temporaryDirectory();
    const file = await writeWorkbook(path.join(dir, 'costs.xlsx'), [YEARS]);
    const assumptions = path.join(dir, 'a.json');
    writeFileSync(assumptions, JSON.stringify({ baseYear: '2010/11' }));
    const json = path.join(dir, 's.json');
    const { code, out } = await vfm(['analyse', file, '--assumptions', assumptions, '--json', json]);
    expect(code).toBe(0);
    const s = readSummary(json);
    expect(s.source.computedTotal).toBe(62370.55);
    expect(s.source.amountColumn).toMatchObject({ letter: 'B', chosenBy: 'base year' });
    expect(s.assumptions.sources.baseYear).toBe('given');
    expect(out).toContain('  amounts    column B "2010/11", headed with the base year; passed over C "2011/12" (choose another with --column)\n');
  });

  it('refuses a --column that names none of the columns, listing them', async () => {
    const { code, err, dir } = await run(YEARS, '--column', '2009/10');
    expect(code).toBe(2);
    expect(err).toContain('vfm: --column "2009/10": no column of Costs!A1:C4 that holds amounts has that letter or header; choose one of them:\n  --column B  (B1 "2010/11")\n  --column C  (C1 "2011/12")\n');
    expect(readdirSync(dir)).toEqual(['costs.xlsx']);
  });
});
