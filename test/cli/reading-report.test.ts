// The reader's choices as the terminal report and the JSON summary state them, from an analysis:
// each row's section, note and contract end, the columns of codes, notes and contract ends, hidden
// rows, and text from the sheet shown escaped.
import { Analysis, ClassifiedRow, analyse } from '../../src/core/analysis';
import { CostRow, readCostTable } from '../../src/core/cost-table';
import { WarningLog } from '../../src/core/problems';
import { summaryJson } from '../../src/faces/cli/summary-json';
import { terminalSummary } from '../../src/faces/cli/terminal';
import { SEED_DAY } from '../support/clock';
import { checkSummary } from '../support/summary';

const VALUES = [
  ['Partnership costs', null, null, null, null],
  ['Item', 'Cost centre', '£', 'Notes', 'Contract ends'],
  ['Core team', 4001, 17800, 'Annual contribution', null],
  ['CRM', 4002, 46648.63, 'Hosted by the county, ends 31/03/2015', null],
  ['CRM support', 4003, 2400, null, '30/09/2013'],
  ['Subtotal systems', null, 66848.63, null, null],
  ['Shared services', null, null, null, null],
  ['Shared email directory', 4010, 845, null, null],
  ['Total', null, 67693.63, null, null],
];

const gridOf = (values: unknown[][], hiddenRows: number[] = []) => ({ sheet: 'Costs', top: 1, left: 1, values: values as never, hiddenRows });

function analysisOf(values: unknown[][], hiddenRows: number[] = []): Analysis {
  return analyse({ grid: gridOf(values, hiddenRows), assumptions: { noticeServedOn: '2012-10-19' }, today: SEED_DAY });
}

/** Each row's section, note and contract end, as the reader gives them (CostRow), typed from VALUES. */
const DETAILS: Record<number, Pick<CostRow, 'section' | 'note' | 'endsOn'>> = {
  3: { note: 'Annual contribution' },
  4: { note: 'Hosted by the county, ends 31/03/2015', endsOn: { year: 2015, month: 3, day: 31 } },
  5: { endsOn: { year: 2013, month: 9, day: 30 } },
  8: { section: 'Shared services' },
};

function withDetails(analysis: Analysis): Analysis {
  return { ...analysis, rows: analysis.rows.map((row): ClassifiedRow => ({ ...row, ...DETAILS[row.sheetRow] })) };
}

const summaryOf = (analysis: Analysis) => checkSummary(JSON.parse(JSON.stringify(summaryJson(analysis, 'costs.xlsx', { name: 'vfm-scenarios', version: '0.1.0' }, { by: '--sheet', passedOver: [] }, '0'.repeat(64)))));

describe('a table with codes, notes, contract ends, a section and a hidden row', () => {
  const analysis = analysisOf(VALUES, [5]);

  it('is read as the test expects', () => {
    expect(analysis.rows.map((row) => [row.sheetRow, row.item, row.amount])).toEqual([[3, 'Core team', 1780000], [4, 'CRM', 4664863], [5, 'CRM support', 240000], [8, 'Shared email directory', 84500]]);
    expect(analysis.table).toMatchObject({ codeColumns: [2], noteColumn: 4, endColumn: 5, hiddenRows: [5] });
    const read = readCostTable(gridOf(VALUES), new WarningLog());
    expect(Object.fromEntries(read.rows.map(({ sheetRow, section, note, endsOn }) => [sheetRow, { section, note, endsOn }]))).toEqual({ 3: {}, 4: {}, 5: {}, 8: {}, ...DETAILS });
  });

  it('has its choices in the JSON summary, and each row its section, note and contract end', () => {
    const s = summaryOf(withDetails(analysis));
    expect(s.rows.map(({ cell, section, note, endsOn }) => ({ cell, section, note, endsOn }))).toEqual([
      { cell: 'Costs!C3', section: null, note: 'Annual contribution', endsOn: null },
      { cell: 'Costs!C4', section: null, note: 'Hosted by the county, ends 31/03/2015', endsOn: '2015-03-31' },
      { cell: 'Costs!C5', section: null, note: null, endsOn: '2013-09-30' },
      { cell: 'Costs!C8', section: 'Shared services', note: null, endsOn: null },
    ]);
    expect(s.source.unit).toEqual({ label: '£', factor: 1, cell: 'Costs!C2' });
    expect(s.source.subtotals).toEqual([{ cell: 'Costs!C6', label: 'Subtotal systems', amount: 66848.63, sum: 66848.63, ties: true, by: 'label' }]);
    expect(s.source.sectionHeadings).toEqual([{ cell: 'Costs!A7', label: 'Shared services' }]);
    expect(s.source.hiddenRows).toEqual([5]);
  });

  it('states them in the report: the columns beside the amounts, each section above its rows, each note and end under its row', () => {
    const out = terminalSummary(withDetails(analysis), 'costs.xlsx');
    expect(out).toContain([
      'How the table was read',
      '  amounts    column C "£", the only column of amounts',
      '  unit       £, stated in Costs!C2',
      '  sections   "Shared services" (Costs!A7)',
      '  codes      column B, not read as amounts',
      '  notes      column D, shown under each row (a date by "ends" or "expires" is its contract\'s end)',
      '  ends       column E: each row\'s contract end, shown under it; 2 read (a month and year is its last day), 2 with none (blank, "Ongoing", "rolling", "n/a")',
      '  subtotals  1 left out of the sum, each checked against the cost rows it covers:',
      '    cell      label                     £  its rows',
      '    Costs!C6  Subtotal systems  66,848.63  agrees with its 3 rows',
      '',
    ].join('\n'));
    const rows = out.slice(out.indexOf('Cost rows\n'), out.indexOf('  Total '));
    expect(rows.split('\n').map((line) => line.trimEnd())).toEqual([
      'Cost rows',
      '  cell  item                            £  class      reason',
      '  C3    Core team               17,800.00  avoidable  label mentions "core team"',
      '        note: Annual contribution',
      '  C4    CRM                     46,648.63  committed  label mentions no avoidable keyword: committed by default',
      '        note: Hosted by the county, ends 31/03/2015; contract ends 2015-03-31',
      '  C5    CRM support              2,400.00  committed  label mentions no avoidable keyword: committed by default',
      '        contract ends 2013-09-30',
      '  Section: Shared services',
      '  C8    Shared email directory     845.00  committed  label mentions no avoidable keyword: committed by default',
      '',
    ]);
    expect(out).toContain('hidden or filtered-out rows were read like the others: Costs!C5');
  });
});

it('a table without a unit, codes, notes or subtotals is described in two lines', () => {
  const out = terminalSummary(analysisOf([['Core team', 17800], ['CRM', 46648.63]]), 'costs.xlsx');
  expect(out.slice(out.indexOf('How'), out.indexOf('Cost rows'))).toBe('How the table was read\n  amounts    column B, the only column of amounts\n  unit       pounds (the table states no unit)\n\n');
  const s = summaryOf(analysisOf([['Core team', 17800], ['CRM', 46648.63]]));
  expect(s.source).toMatchObject({ unit: { label: '£', factor: 1, cell: null }, amountColumn: { letter: 'B', header: null, headerCell: null, chosenBy: 'the only one', passedOver: [] }, subtotals: [], sectionHeadings: [], hiddenRows: [] });
  expect(s.rows[0]).toMatchObject({ section: null, note: null, endsOn: null });
});

it('a subtotal found by its amount says so; a long list of sections is cut short', () => {
  const values: unknown[][] = [['Item', '£'], ['Core team', 1000.5]];
  for (let n = 1; n <= 22; n++) values.push([`Section ${n}`, null], [`Licence ${n}a`, 100.5], [`Licence ${n}b`, 200.25], [`Section ${n} costs`, 300.75]);
  const analysis = analysisOf(values);
  expect(analysis.table.subtotals).toHaveLength(22);
  const out = terminalSummary(analysis, 'costs.xlsx');
  expect(out).toContain('  sections   "Section 1" (Costs!A3), "Section 2" (Costs!A7),');
  expect(out).toContain('"Section 20" (Costs!A79), … and 2 more (all of them are in --json)\n');
  expect(out).toContain('    Costs!B6   Section 1 costs   300.75  agrees with its 2 rows (a subtotal by its amount)\n');
  expect(out).toContain('    … and 2 more (all of them are in --json and the checks)\n');
  expect(summaryOf(analysis).source.subtotals[21]).toEqual({ cell: 'Costs!B90', label: 'Section 22 costs', amount: 300.75, sum: 300.75, ties: true, by: 'sum' });
});

it('shows text from the sheet in the report escaped: headers, headings, subtotal labels and notes', () => {
  const analysis = analysisOf([
    ['Item', 'Net \x1b[2J', 'VAT'],
    ['Core team', 17800.5, 3560.1],
    ['Core\x1b]0;x\x07', null, null],
    ['CRM', 46648.63, 9329.73],
    ['Email', 845.5, 169.1],
    ['Sub-total\ncore', 47494.13, 9498.83],
  ]);
  const out = terminalSummary({ ...analysis, rows: analysis.rows.map((row) => ({ ...row, note: 'see\x1b[31m red' })) }, 'costs.xlsx');
  expect(/[\p{Cc}]/u.test(out.replace(/\n/g, ''))).toBe(false);
  expect(out).toContain('column B "Net \\x1b[2J", net of VAT');
  expect(out).toContain('"Core\\x1b]0;x\\x07" (Costs!A3)');
  expect(out).toContain('Sub-total\\ncore');
  expect(out).toContain('note: see\\x1b[31m red');
});
