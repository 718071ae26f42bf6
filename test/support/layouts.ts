// Cost tables shaped like the ones councils write, each with what reading it must give: its rows,
// unit, amount column, subtotals, headings and warnings, or the refusal. Every expected amount is
// typed from the table by hand, never computed by the reader. The same layouts are read from a
// grid (test/core/layouts.test.ts), through the Office host against the fake Excel and through the
// .xlsx host (test/hosts/layouts.test.ts).
import { ChosenBy, ColumnsToChoose } from '../../src/core/amount-columns';
import { CostTable, ReadOptions, readCostTable } from '../../src/core/cost-table';
import { Grid, columnName } from '../../src/core/cell';
import { InputError, Warning, WarningLog, placeWords } from '../../src/core/problems';
import { isoDate } from '../../src/core/calendar-date';
import { SEED_ITEMS } from '../core/grid';

/** A cell as a council's sheet holds it: a number, text, a date cell, an error value, or nothing. */
export type LayoutCell = null | number | string | { readonly date: string } | { readonly error: string };

export interface ExpectedRow {
  /** The sheet row. */
  readonly row: number;
  readonly item: string;
  readonly pence: number;
  readonly section?: string;
  readonly note?: string;
  /** YYYY-MM-DD */
  readonly endsOn?: string;
}

export interface ExpectedSubtotal {
  readonly cell: string;
  readonly label: string;
  readonly pence: number;
  /** The sheet rows it covers and what they come to. */
  readonly rows: readonly number[];
  readonly sum: number;
  readonly by: 'label' | 'sum';
}

export interface ExpectedRead {
  readonly rows: readonly ExpectedRow[];
  /** What the rows come to, in pence. */
  readonly total: number;
  readonly statedTotal?: { readonly cell: string; readonly pence: number };
  readonly headerRow?: number;
  /** The item labels' column letter. */
  readonly items: string;
  readonly unit: { readonly label: string; readonly factor: number; readonly cell?: string };
  readonly column: { readonly letter: string; readonly by: ChosenBy; readonly headerYear?: number };
  /** The amount columns passed over, by letter. */
  readonly passedOver?: readonly string[];
  readonly subtotals?: readonly ExpectedSubtotal[];
  readonly headings?: readonly { readonly cell: string; readonly label: string }[];
  readonly codes?: readonly string[];
  readonly notes?: string;
  readonly ends?: string;
  /** By code, each with the cells it names. */
  readonly warnings?: readonly { readonly code: string; readonly cells: readonly string[] }[];
}

export interface ExpectedRefusal {
  readonly problems: readonly { readonly where: string; readonly message: string }[];
  /** For ColumnsToChoose: the amount columns the user is to choose from, by letter. */
  readonly choose?: readonly string[];
}

export interface Layout {
  readonly name: string;
  /** The sheet's name; `Costs` unless told. */
  readonly sheet?: string;
  /** The top-left cell of `cells` on the sheet; A1 unless told. */
  readonly at?: { readonly row: number; readonly column: number };
  readonly cells: readonly (readonly LayoutCell[])[];
  /** Sheet rows hidden or filtered out. */
  readonly hiddenRows?: readonly number[];
  readonly options?: ReadOptions;
  readonly expected: ExpectedRead | ExpectedRefusal;
}

export const isRefusal = (expected: ExpectedRead | ExpectedRefusal): expected is ExpectedRefusal => 'problems' in expected;

const POUNDS = { label: '£', factor: 1 } as const;
const date = (iso: string) => ({ date: iso });
const error = (value: string) => ({ error: value });

/** The seed's six items (Section 3 of the cabinet report), as the sheet holds them. */
const SEED: readonly (readonly [string, number])[] = SEED_ITEMS.map(({ item, pence }) => [item, pence / 100]);
/** The seed's rows as read, from the sheet row of the first. */
const seedRows = (first: number): ExpectedRow[] => SEED_ITEMS.map(({ item, pence }, i) => ({ row: first + i, item, pence }));
const SEED_TOTAL = 12453522;
const SEED_TITLE = 'The payments to Staffs Connects for 2011-12 were made up of the following:';

/** Three years of payments: 2010/11, 2011/12, 2012/13. */
const YEARS: readonly (readonly LayoutCell[])[] = [
  ['Item', '2010/11', '2011/12', '2012/13'],
  ['Core Team', 16500, 17800, 17800],
  ['CRM', 45210.5, 46648.63, 47115.12],
  ['Epayments', 9200, 9495.85, 9590.81],
  ['Total', 70910.5, 73944.48, 74505.93],
];

const BUDGET_ACTUAL: readonly (readonly LayoutCell[])[] = [
  ['Budget head', 'Budget', 'Actual'],
  ['Core Team', 17800, 17800],
  ['CRM', 47000, 46648.63],
  ['Total', 64800, 64448.63],
];

export const LAYOUTS: readonly Layout[] = [
  {
    name: 'the seed: a title, "£" over the amounts, a blank row, six rows and "Total (Exc VAT)"',
    cells: [[SEED_TITLE, null], [null, '£'], [null, null], ...SEED.map(([item, pounds]) => [item, pounds]), ['Total (Exc VAT)', 124535.22]],
    expected: {
      rows: seedRows(4), total: SEED_TOTAL, statedTotal: { cell: 'Costs!B10', pence: 12453522 }, headerRow: 2, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B2' }, column: { letter: 'B', by: 'the only one' },
    },
  },
  {
    name: 'the seed as the report types it: amounts as text with commas',
    cells: [[SEED_TITLE, null], [null, '£'], [null, null],
      ['Staffordshire Connects 2011/12 Core Team', '17,800.00'], ['CRM', '46,648.63'], ['Epayments', '9,495.85'],
      ['New Epayments', '44,262.49'], ['Customer Insight', '5,483.25'], ['Shared Email Directory', '845.00'], ['Total (Exc VAT)', '124,535.22']],
    expected: {
      rows: seedRows(4), total: SEED_TOTAL, statedTotal: { cell: 'Costs!B10', pence: 12453522 }, headerRow: 2, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B2' }, column: { letter: 'B', by: 'the only one' },
      warnings: [{ code: 'text-amount', cells: ['Costs!B4', 'Costs!B5', 'Costs!B6', 'Costs!B7', 'Costs!B8', 'Costs!B9'] }],
    },
  },
  {
    name: 'text amounts with pound signs, commas and stray spaces, under an "Amount" header',
    cells: [['Item', 'Amount'], ['Core Team', '£17,800.00'], ['CRM', '£ 46,648.63'], ['Epayments', ' £9,495.85 '], ['Total', '£73,944.48']],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }, { row: 4, item: 'Epayments', pence: 949585 }],
      total: 7394448, statedTotal: { cell: 'Costs!B5', pence: 7394448 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'B', by: 'the only one' },
      warnings: [{ code: 'text-amount', cells: ['Costs!B2', 'Costs!B3', 'Costs!B4'] }],
    },
  },
  {
    name: 'the seed in £000, the unit alone over the amounts (no label beside it)',
    cells: [[SEED_TITLE, null], [null, '£000'], [null, null],
      ['Staffordshire Connects 2011/12 Core Team', 17.8], ['CRM', 46.64863], ['Epayments', 9.49585], ['New Epayments', 44.26249],
      ['Customer Insight', 5.48325], ['Shared Email Directory', 0.845], ['Total (Exc VAT)', 124.53522]],
    expected: {
      rows: seedRows(4), total: SEED_TOTAL, statedTotal: { cell: 'Costs!B10', pence: 12453522 }, headerRow: 2, items: 'A',
      unit: { label: '£000', factor: 1000, cell: 'Costs!B2' }, column: { letter: 'B', by: 'the only one' },
    },
  },
  {
    name: "£'000 in a unit row under the header",
    cells: [['Item', 'Amount'], [null, "£'000"], ['Core Team', 17.8], ['CRM', 46.6], ['Epayments', 9.5], ['Total', 73.9]],
    expected: {
      rows: [{ row: 3, item: 'Core Team', pence: 1780000 }, { row: 4, item: 'CRM', pence: 4660000 }, { row: 5, item: 'Epayments', pence: 950000 }],
      total: 7390000, statedTotal: { cell: 'Costs!B6', pence: 7390000 }, headerRow: 1, items: 'A',
      unit: { label: "£'000", factor: 1000, cell: 'Costs!B2' }, column: { letter: 'B', by: 'the only one' },
    },
  },
  {
    name: '£000s in the title',
    cells: [['Staffordshire Connects: payments 2011/12 (£000s)', null], ['Item', 'Paid'], ['Core Team', 17.8], ['CRM', 46.6], ['Total', 64.4]],
    expected: {
      rows: [{ row: 3, item: 'Core Team', pence: 1780000 }, { row: 4, item: 'CRM', pence: 4660000 }],
      total: 6440000, statedTotal: { cell: 'Costs!B5', pence: 6440000 }, headerRow: 2, items: 'A',
      unit: { label: '£000s', factor: 1000, cell: 'Costs!A1' }, column: { letter: 'B', by: 'the only one' },
    },
  },
  {
    name: '£k in the header, three decimals of a thousand',
    cells: [['Service', 'Cost £k'], ['Core Team', 17.8], ['Shared Email Directory', 0.845], ['CRM', 46.65], ['Total', 65.295]],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'Shared Email Directory', pence: 84500 }, { row: 4, item: 'CRM', pence: 4665000 }],
      total: 6529500, statedTotal: { cell: 'Costs!B5', pence: 6529500 }, headerRow: 1, items: 'A',
      unit: { label: '£k', factor: 1000, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
    },
  },
  {
    name: '£m in the header',
    cells: [['Programme', 'Budget £m'], ['Highways', 1.25], ['Waste', 0.4], ['Total', 1.65]],
    expected: {
      rows: [{ row: 2, item: 'Highways', pence: 125000000 }, { row: 3, item: 'Waste', pence: 40000000 }],
      total: 165000000, statedTotal: { cell: 'Costs!B4', pence: 165000000 }, headerRow: 1, items: 'A',
      unit: { label: '£m', factor: 1_000_000, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
    },
  },
  {
    name: '£ million in the title',
    cells: [['Capital programme 2012/13 (£ million)', null], ['Scheme', 'Cost'], ['Depot', 2.5], ['ICT', 0.125], ['Total', 2.625]],
    expected: {
      rows: [{ row: 3, item: 'Depot', pence: 250000000 }, { row: 4, item: 'ICT', pence: 12500000 }],
      total: 262500000, statedTotal: { cell: 'Costs!B5', pence: 262500000 }, headerRow: 2, items: 'A',
      unit: { label: '£ million', factor: 1_000_000, cell: 'Costs!A1' }, column: { letter: 'B', by: 'the only one' },
    },
  },
  {
    name: 'a £000 table with fractions of a penny once in pounds',
    cells: [['Item', '£000'], ['Core Team', 17.8], ['Licence', 1.234567], ['Total', 19.034567]],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'Licence', pence: 123457 }],
      total: 1903457, statedTotal: { cell: 'Costs!B4', pence: 1903457 }, headerRow: 1, items: 'A',
      unit: { label: '£000', factor: 1000, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      warnings: [{ code: 'sub-penny', cells: ['Costs!B3'] }],
    },
  },
  {
    name: 'subtotals by label ("Subtotal: contracts") under section headings',
    cells: [
      ['Item', '£'],
      ['Partnership', null],
      ['Core Team', 17800],
      ['Subtotal: partnership', 17800],
      ['Contracts', null],
      ['CRM', 46648.63],
      ['Epayments', 9495.85],
      ['New Epayments', 44262.49],
      ['Subtotal: contracts', 100406.97],
      ['Total', 118206.97],
    ],
    expected: {
      rows: [
        { row: 3, item: 'Core Team', pence: 1780000, section: 'Partnership' },
        { row: 6, item: 'CRM', pence: 4664863, section: 'Contracts' },
        { row: 7, item: 'Epayments', pence: 949585, section: 'Contracts' },
        { row: 8, item: 'New Epayments', pence: 4426249, section: 'Contracts' },
      ],
      total: 11820697, statedTotal: { cell: 'Costs!B10', pence: 11820697 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      subtotals: [
        { cell: 'Costs!B4', label: 'Subtotal: partnership', pence: 1780000, rows: [3], sum: 1780000, by: 'label' },
        { cell: 'Costs!B9', label: 'Subtotal: contracts', pence: 10040697, rows: [6, 7, 8], sum: 10040697, by: 'label' },
      ],
      headings: [{ cell: 'Costs!A2', label: 'Partnership' }, { cell: 'Costs!A5', label: 'Contracts' }],
    },
  },
  {
    name: 'subtotals by their sum, without a word saying so, under section headings',
    cells: [
      ['Description', 'Amount'],
      ['Partnership', null],
      ['Core Team contribution', 17800],
      ['Membership subscription', 1200],
      ['Partnership costs', 19000],
      ['Contracts', null],
      ['CRM', 46648.63],
      ['Epayments', 9495.85],
      ['Contracts held through the partnership', 56144.48],
      ['Total', 75144.48],
    ],
    expected: {
      rows: [
        { row: 3, item: 'Core Team contribution', pence: 1780000, section: 'Partnership' },
        { row: 4, item: 'Membership subscription', pence: 120000, section: 'Partnership' },
        { row: 7, item: 'CRM', pence: 4664863, section: 'Contracts' },
        { row: 8, item: 'Epayments', pence: 949585, section: 'Contracts' },
      ],
      total: 7514448, statedTotal: { cell: 'Costs!B10', pence: 7514448 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'B', by: 'the only one' },
      subtotals: [
        { cell: 'Costs!B5', label: 'Partnership costs', pence: 1900000, rows: [3, 4], sum: 1900000, by: 'sum' },
        { cell: 'Costs!B9', label: 'Contracts held through the partnership', pence: 5614448, rows: [7, 8], sum: 5614448, by: 'sum' },
      ],
      headings: [{ cell: 'Costs!A2', label: 'Partnership' }, { cell: 'Costs!A6', label: 'Contracts' }],
    },
  },
  {
    name: '"Total contracts" under a heading, just above the grand total',
    cells: [
      ['Item', '£'],
      ['Core Team', 17800],
      ['Contracts', null],
      ['CRM', 46648.63],
      ['Epayments', 9495.85],
      ['Total contracts', 56144.48],
      ['Total', 73944.48],
    ],
    expected: {
      rows: [
        { row: 2, item: 'Core Team', pence: 1780000 },
        { row: 4, item: 'CRM', pence: 4664863, section: 'Contracts' },
        { row: 5, item: 'Epayments', pence: 949585, section: 'Contracts' },
      ],
      total: 7394448, statedTotal: { cell: 'Costs!B7', pence: 7394448 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      subtotals: [{ cell: 'Costs!B6', label: 'Total contracts', pence: 5614448, rows: [4, 5], sum: 5614448, by: 'label' }],
      headings: [{ cell: 'Costs!A3', label: 'Contracts' }],
    },
  },
  {
    name: '"Total partnership" and "Total contracts" without headings, then the grand total',
    cells: [
      ['Item', '£'],
      ['Core Team', 17800],
      ['Total partnership', 17800],
      ['CRM', 46648.63],
      ['Epayments', 9495.85],
      ['Total contracts', 56144.48],
      ['Total', 73944.48],
    ],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 4, item: 'CRM', pence: 4664863 }, { row: 5, item: 'Epayments', pence: 949585 }],
      total: 7394448, statedTotal: { cell: 'Costs!B7', pence: 7394448 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      subtotals: [
        { cell: 'Costs!B3', label: 'Total partnership', pence: 1780000, rows: [2], sum: 1780000, by: 'label' },
        { cell: 'Costs!B6', label: 'Total contracts', pence: 5614448, rows: [4, 5], sum: 5614448, by: 'label' },
      ],
    },
  },
  {
    name: '"Sub-total", "Sub total" and "Total for ..." spellings',
    cells: [
      ['Item', '£'],
      ['Staff', null],
      ['Core Team', 17800],
      ['Sub-total', 17800],
      ['Systems', null],
      ['CRM', 46648.63],
      ['Sub total', 46648.63],
      ['Payments', null],
      ['Epayments', 9495.85],
      ['New Epayments', 44262.49],
      ['Total for payments', 53758.34],
      ['Total', 118206.97],
    ],
    expected: {
      rows: [
        { row: 3, item: 'Core Team', pence: 1780000, section: 'Staff' },
        { row: 6, item: 'CRM', pence: 4664863, section: 'Systems' },
        { row: 9, item: 'Epayments', pence: 949585, section: 'Payments' },
        { row: 10, item: 'New Epayments', pence: 4426249, section: 'Payments' },
      ],
      total: 11820697, statedTotal: { cell: 'Costs!B12', pence: 11820697 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      subtotals: [
        { cell: 'Costs!B4', label: 'Sub-total', pence: 1780000, rows: [3], sum: 1780000, by: 'label' },
        { cell: 'Costs!B7', label: 'Sub total', pence: 4664863, rows: [6], sum: 4664863, by: 'label' },
        { cell: 'Costs!B11', label: 'Total for payments', pence: 5375834, rows: [9, 10], sum: 5375834, by: 'label' },
      ],
      headings: [{ cell: 'Costs!A2', label: 'Staff' }, { cell: 'Costs!A5', label: 'Systems' }, { cell: 'Costs!A8', label: 'Payments' }],
    },
  },
  {
    name: 'section headings without subtotals',
    cells: [
      ['Item', '£'],
      ['Partnership', null],
      ['Core Team', 17800],
      ['Contracts', null],
      ['CRM', 46648.63],
      ['Epayments', 9495.85],
      ['Total', 73944.48],
    ],
    expected: {
      rows: [
        { row: 3, item: 'Core Team', pence: 1780000, section: 'Partnership' },
        { row: 5, item: 'CRM', pence: 4664863, section: 'Contracts' },
        { row: 6, item: 'Epayments', pence: 949585, section: 'Contracts' },
      ],
      total: 7394448, statedTotal: { cell: 'Costs!B7', pence: 7394448 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      headings: [{ cell: 'Costs!A2', label: 'Partnership' }, { cell: 'Costs!A4', label: 'Contracts' }],
    },
  },
  {
    name: 'three year columns and nothing to choose by: the user is asked',
    cells: YEARS,
    expected: {
      problems: [{
        where: 'Costs!A1:D5',
        message: '3 columns hold amounts (B "2010/11", C "2011/12", D "2012/13"), and none is headed with the base year or as net of VAT; choose the one to read',
      }],
      choose: ['B', 'C', 'D'],
    },
  },
  {
    name: 'three year columns with the base year 2011/12 given: its column',
    cells: YEARS,
    options: { baseYear: 2011 },
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }, { row: 4, item: 'Epayments', pence: 949585 }],
      total: 7394448, statedTotal: { cell: 'Costs!C5', pence: 7394448 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'C', by: 'base year', headerYear: 2011 }, passedOver: ['B', 'D'],
    },
  },
  {
    name: 'three year columns, the item labels naming 2011/12: the base year\'s column',
    cells: [YEARS[0], ['Staffordshire Connects 2011/12 Core Team', 16500, 17800, 17800], ...YEARS.slice(2)],
    expected: {
      rows: [
        { row: 2, item: 'Staffordshire Connects 2011/12 Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }, { row: 4, item: 'Epayments', pence: 949585 },
      ],
      total: 7394448, statedTotal: { cell: 'Costs!C5', pence: 7394448 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'C', by: 'base year', headerYear: 2011 }, passedOver: ['B', 'D'],
    },
  },
  {
    name: 'three year columns, the item labels naming two years: the user is asked',
    cells: [YEARS[0], ['Core Team 2010/11 rate', 16500, 17800, 17800], ['CRM 2011/12 licence', 45210.5, 46648.63, 47115.12], ...YEARS.slice(3)],
    expected: {
      problems: [{
        where: 'Costs!A1:D5',
        message: '3 columns hold amounts (B "2010/11", C "2011/12", D "2012/13"), and none is headed with the base year or as net of VAT; choose the one to read',
      }],
      choose: ['B', 'C', 'D'],
    },
  },
  {
    name: 'three year columns, column D chosen by its letter',
    cells: YEARS,
    options: { column: 'D' },
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4711512 }, { row: 4, item: 'Epayments', pence: 959081 }],
      total: 7450593, statedTotal: { cell: 'Costs!D5', pence: 7450593 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'D', by: 'given', headerYear: 2012 }, passedOver: ['B', 'C'],
    },
  },
  {
    name: 'three year columns, "2010/11" chosen by its header',
    cells: YEARS,
    options: { column: '2010/11', baseYear: 2011 },
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1650000 }, { row: 3, item: 'CRM', pence: 4521050 }, { row: 4, item: 'Epayments', pence: 920000 }],
      total: 7091050, statedTotal: { cell: 'Costs!B5', pence: 7091050 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'B', by: 'given', headerYear: 2010 }, passedOver: ['C', 'D'],
    },
  },
  {
    name: 'three year columns, a column asked for that is not there',
    cells: YEARS,
    options: { column: '2013/14' },
    expected: {
      problems: [{ where: 'Costs!A1:D5', message: 'no amount column is "2013/14": the amount columns are B "2010/11", C "2011/12", D "2012/13"' }],
      choose: ['B', 'C', 'D'],
    },
  },
  {
    name: 'year columns in £000 with a unit row under the years, the base year given',
    cells: [
      ['Staffordshire Connects', null, null],
      ['Item', '2010/11', '2011/12'],
      [null, '£000', '£000'],
      ['Core Team', 16.5, 17.8],
      ['CRM', 45.2, 46.6],
      ['Total', 61.7, 64.4],
    ],
    options: { baseYear: 2011 },
    expected: {
      rows: [{ row: 4, item: 'Core Team', pence: 1780000 }, { row: 5, item: 'CRM', pence: 4660000 }],
      total: 6440000, statedTotal: { cell: 'Costs!C6', pence: 6440000 }, headerRow: 2, items: 'A',
      unit: { label: '£000', factor: 1000, cell: 'Costs!C3' }, column: { letter: 'C', by: 'base year', headerYear: 2011 }, passedOver: ['B'],
    },
  },
  {
    name: 'year columns with a unit row above the years, the base year given',
    cells: [
      [null, '£000', '£000'],
      ['Item', '2010/11', '2011/12'],
      ['Core Team', 16.5, 17.8],
      ['CRM', 45.2, 46.6],
      ['Total', 61.7, 64.4],
    ],
    options: { baseYear: 2010 },
    expected: {
      rows: [{ row: 3, item: 'Core Team', pence: 1650000 }, { row: 4, item: 'CRM', pence: 4520000 }],
      total: 6170000, statedTotal: { cell: 'Costs!B5', pence: 6170000 }, headerRow: 2, items: 'A',
      unit: { label: '£000', factor: 1000, cell: 'Costs!B1' }, column: { letter: 'B', by: 'base year', headerYear: 2010 }, passedOver: ['C'],
    },
  },
  {
    name: 'one amount column headed with the year: its year, the only one',
    cells: [['Item', 'Payments 2011/12 £'], ['Core Team', 17800], ['CRM', 46648.63]],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }],
      total: 6444863, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one', headerYear: 2011 },
    },
  },
  {
    name: 'Net / VAT / Gross: the net column',
    cells: [
      ['Supplier', 'Net £', 'VAT £', 'Gross £'],
      ['CRM', 46648.63, 9329.73, 55978.36],
      ['Epayments', 9495.85, 1899.17, 11395.02],
      ['Total', 56144.48, 11228.90, 67373.38],
    ],
    expected: {
      rows: [{ row: 2, item: 'CRM', pence: 4664863 }, { row: 3, item: 'Epayments', pence: 949585 }],
      total: 5614448, statedTotal: { cell: 'Costs!B4', pence: 5614448 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'net of VAT' }, passedOver: ['C', 'D'],
    },
  },
  {
    name: '"exc VAT" and "inc VAT" columns: the one exclusive of VAT',
    cells: [
      ['Item', '£ inc VAT', '£ exc VAT'],
      ['Core Team', 17800, 17800],
      ['CRM', 55978.36, 46648.63],
      ['Total', 73778.36, 64448.63],
    ],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }],
      total: 6444863, statedTotal: { cell: 'Costs!C4', pence: 6444863 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!C1' }, column: { letter: 'C', by: 'net of VAT' }, passedOver: ['B'],
    },
  },
  {
    name: 'Budget and Actual: no guess, the user is asked',
    cells: BUDGET_ACTUAL,
    expected: {
      problems: [{
        where: 'Costs!A1:C4',
        message: '2 columns hold amounts (B "Budget", C "Actual"), and none is headed with the base year or as net of VAT; choose the one to read',
      }],
      choose: ['B', 'C'],
    },
  },
  {
    name: 'Budget in whole pounds and Actual, without a total row: still no guess',
    cells: BUDGET_ACTUAL.slice(0, 3),
    expected: {
      problems: [{
        where: 'Costs!A1:C3',
        message: '2 columns hold amounts (B "Budget", C "Actual"), and none is headed with the base year or as net of VAT; choose the one to read',
      }],
      choose: ['B', 'C'],
    },
  },
  {
    name: 'Budget and Actual, "Actual" chosen by its header',
    cells: BUDGET_ACTUAL,
    options: { column: 'actual' },
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }],
      total: 6444863, statedTotal: { cell: 'Costs!C4', pence: 6444863 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'C', by: 'given' }, passedOver: ['B'],
    },
  },
  {
    name: 'text codes (CC01...) left of the item labels',
    cells: [
      ['Code', 'Item', '£'],
      ['CC01', 'Core Team', 17800],
      ['CC02', 'CRM', 46648.63],
      ['CC03', 'Epayments', 9495.85],
      [null, 'Total', 73944.48],
    ],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }, { row: 4, item: 'Epayments', pence: 949585 }],
      total: 7394448, statedTotal: { cell: 'Costs!C5', pence: 7394448 }, headerRow: 1, items: 'B',
      unit: { label: '£', factor: 1, cell: 'Costs!C1' }, column: { letter: 'C', by: 'the only one' }, codes: ['A'],
    },
  },
  {
    name: 'numeric codes (4001...) left of the item labels, no header',
    cells: [
      ['Staffordshire Connects 2011/12', null, null],
      [4001, 'Core Team', 17800],
      [4002, 'CRM', 46648.63],
      [4003, 'Epayments', 9495.85],
      [null, 'Total', 73944.48],
    ],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }, { row: 4, item: 'Epayments', pence: 949585 }],
      total: 7394448, statedTotal: { cell: 'Costs!C5', pence: 7394448 }, items: 'B',
      unit: POUNDS, column: { letter: 'C', by: 'the only one' }, codes: ['A'],
    },
  },
  {
    name: '"Cost centre" numbers left of "Description"',
    cells: [
      ['Cost centre', 'Description', 'Amount £'],
      [4001, 'Core Team contribution', 17800],
      [4002, 'CRM licence', 46648.63],
      [4005, 'Customer Insight', 5483.25],
      [null, 'Total', 69931.88],
    ],
    expected: {
      rows: [
        { row: 2, item: 'Core Team contribution', pence: 1780000 }, { row: 3, item: 'CRM licence', pence: 4664863 }, { row: 4, item: 'Customer Insight', pence: 548325 },
      ],
      total: 6993188, statedTotal: { cell: 'Costs!C5', pence: 6993188 }, headerRow: 1, items: 'B',
      unit: { label: '£', factor: 1, cell: 'Costs!C1' }, column: { letter: 'C', by: 'the only one' }, codes: ['A'],
    },
  },
  {
    name: 'a numeric cost-centre column between the labels and the amounts, no header',
    cells: [
      [SEED_TITLE, null, null],
      ...SEED.map(([item, pounds], i): LayoutCell[] => [item, 4001 + i, pounds]),
      ['Total (Exc VAT)', null, 124535.22],
    ],
    expected: {
      rows: seedRows(2), total: SEED_TOTAL, statedTotal: { cell: 'Costs!C8', pence: 12453522 }, items: 'A',
      unit: POUNDS, column: { letter: 'C', by: 'the only one' }, codes: ['B'],
    },
  },
  {
    name: 'a cost-centre column headed "Code" between the labels and the amounts',
    cells: [
      ['Item', 'Code', '£'],
      ['Core Team', 4001, 17800],
      ['CRM', 4002, 46648.63],
      ['Customer Insight', 4005, 5483.25],
      ['Total', null, 69931.88],
    ],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }, { row: 4, item: 'Customer Insight', pence: 548325 }],
      total: 6993188, statedTotal: { cell: 'Costs!C5', pence: 6993188 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!C1' }, column: { letter: 'C', by: 'the only one' }, codes: ['B'],
    },
  },
  {
    name: 'whole-pound amounts beside an unheaded cost-centre column, with a total',
    cells: [
      ['Core Team', 4001, 17800],
      ['CRM', 4002, 46649],
      ['Customer Insight', 4005, 15483],
      ['Total', null, 79932],
    ],
    expected: {
      rows: [{ row: 1, item: 'Core Team', pence: 1780000 }, { row: 2, item: 'CRM', pence: 4664900 }, { row: 3, item: 'Customer Insight', pence: 1548300 }],
      total: 7993200, statedTotal: { cell: 'Costs!C4', pence: 7993200 }, items: 'A',
      unit: POUNDS, column: { letter: 'C', by: 'the only one' }, codes: ['B'],
    },
  },
  {
    name: 'a notes column: "Contract ends 31/03/2015" gives the row its end',
    cells: [
      ['Item', '£', 'Notes'],
      ['Core Team', 17800, 'Set each year by the Joint Committee'],
      ['CRM', 46648.63, 'Contract ends 31/03/2015'],
      ['Epayments', 9495.85, 'Contract ends 30 September 2014'],
      ['Customer Insight', 5483.25, null],
      ['Total', 79427.73, null],
    ],
    expected: {
      rows: [
        { row: 2, item: 'Core Team', pence: 1780000, note: 'Set each year by the Joint Committee' },
        { row: 3, item: 'CRM', pence: 4664863, note: 'Contract ends 31/03/2015', endsOn: '2015-03-31' },
        { row: 4, item: 'Epayments', pence: 949585, note: 'Contract ends 30 September 2014', endsOn: '2014-09-30' },
        { row: 5, item: 'Customer Insight', pence: 548325 },
      ],
      total: 7942773, statedTotal: { cell: 'Costs!B6', pence: 7942773 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' }, notes: 'C',
    },
  },
  {
    name: 'an unheaded notes column: "expires" and a date',
    cells: [
      ['Core Team', 17800, null],
      ['CRM', 46648.63, 'Licence expires 31 Mar 2016'],
      ['Total', 64448.63, null],
    ],
    expected: {
      rows: [
        { row: 1, item: 'Core Team', pence: 1780000 },
        { row: 2, item: 'CRM', pence: 4664863, note: 'Licence expires 31 Mar 2016', endsOn: '2016-03-31' },
      ],
      total: 6444863, statedTotal: { cell: 'Costs!B3', pence: 6444863 }, items: 'A',
      unit: POUNDS, column: { letter: 'B', by: 'the only one' }, notes: 'C',
    },
  },
  {
    name: 'an "End date" column of date cells',
    cells: [
      ['Contract', 'Annual cost', 'End date'],
      ['CRM', 46648.63, date('2015-03-31')],
      ['Epayments', 9495.85, date('2014-09-30')],
      ['New Epayments', 44262.49, date('2017-03-31')],
      ['Core Team', 17800, null],
      ['Total', 118206.97, null],
    ],
    expected: {
      rows: [
        { row: 2, item: 'CRM', pence: 4664863, endsOn: '2015-03-31' },
        { row: 3, item: 'Epayments', pence: 949585, endsOn: '2014-09-30' },
        { row: 4, item: 'New Epayments', pence: 4426249, endsOn: '2017-03-31' },
        { row: 5, item: 'Core Team', pence: 1780000 },
      ],
      total: 11820697, statedTotal: { cell: 'Costs!B6', pence: 11820697 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'B', by: 'the only one' }, ends: 'C',
    },
  },
  {
    name: 'a "Contract expires" column of dates written as text, and a notes column',
    cells: [
      ['Item', 'Cost', 'Contract expires', 'Comments'],
      ['CRM', 46648.63, '31/03/2015', 'Renewal under review'],
      ['Core Team', 17800, null, null],
      ['Total', 64448.63, null, null],
    ],
    expected: {
      rows: [
        { row: 2, item: 'CRM', pence: 4664863, note: 'Renewal under review', endsOn: '2015-03-31' },
        { row: 3, item: 'Core Team', pence: 1780000 },
      ],
      total: 6444863, statedTotal: { cell: 'Costs!B4', pence: 6444863 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'B', by: 'the only one' }, notes: 'D', ends: 'C',
    },
  },
  {
    name: 'the seed with two rows hidden: read, and named',
    cells: [[SEED_TITLE, null], [null, '£'], [null, null], ...SEED.map(([item, pounds]) => [item, pounds]), ['Total (Exc VAT)', 124535.22]],
    hiddenRows: [5, 8],
    expected: {
      rows: seedRows(4), total: SEED_TOTAL, statedTotal: { cell: 'Costs!B10', pence: 12453522 }, headerRow: 2, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B2' }, column: { letter: 'B', by: 'the only one' },
      warnings: [{ code: 'hidden-rows', cells: ['Costs!B5', 'Costs!B8'] }],
    },
  },
  {
    name: 'a year written as a number (2012) over the amounts is a header, not a cost',
    cells: [['Item', 2012], ['Core Team', 17800], ['CRM', 46648.63], ['Total', 64448.63]],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }],
      total: 6444863, statedTotal: { cell: 'Costs!B4', pence: 6444863 }, headerRow: 1, items: 'A',
      unit: POUNDS, column: { letter: 'B', by: 'the only one', headerYear: 2012 },
    },
  },
  {
    name: 'a numeric year over the amounts with nothing beside it, under a title',
    cells: [['Payments to the partnership', null], [null, 2012], ['Core Team', 17800], ['CRM', 46648.63]],
    expected: {
      rows: [{ row: 3, item: 'Core Team', pence: 1780000 }, { row: 4, item: 'CRM', pence: 4664863 }],
      total: 6444863, headerRow: 2, items: 'A',
      unit: POUNDS, column: { letter: 'B', by: 'the only one', headerYear: 2012 },
    },
  },
  {
    name: 'a date cell among the amounts: refused, naming the cell',
    cells: [['Item', '£'], ['Core Team', 17800], ['CRM', date('2012-03-31')], ['Epayments', 9495.85], ['Total', 73944.48]],
    expected: { problems: [{ where: 'Costs!B3', message: 'amount is a date (2012-03-31), not a number' }] },
  },
  {
    name: '#REF!, #N/A and #DIV/0! amounts: each refused, naming its cell',
    cells: [
      ['Item', '£'],
      ['Core Team', 17800],
      ['CRM', error('#REF!')],
      ['Epayments', error('#N/A')],
      ['New Epayments', error('#DIV/0!')],
      ['Total', error('#REF!')],
    ],
    expected: {
      problems: [
        { where: 'Costs!B3', message: 'amount is the error value #REF!' },
        { where: 'Costs!B4', message: 'amount is the error value #N/A' },
        { where: 'Costs!B5', message: 'amount is the error value #DIV/0!' },
        { where: 'Costs!B6', message: 'stated total: amount is the error value #REF!' },
      ],
    },
  },
  {
    name: 'credits: a bracketed amount as text and a negative number',
    cells: [['Item', '£'], ['Core Team', 17800], ['CRM', 46648.63], ['CRM credit note', '(1,250.00)'], ['Refund of overpayment', -500], ['Total', 62698.63]],
    expected: {
      rows: [
        { row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 },
        { row: 4, item: 'CRM credit note', pence: -125000 }, { row: 5, item: 'Refund of overpayment', pence: -50000 },
      ],
      total: 6269863, statedTotal: { cell: 'Costs!B6', pence: 6269863 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      warnings: [{ code: 'text-amount', cells: ['Costs!B4'] }],
    },
  },
  {
    name: 'blank rows inside, and notes below the total',
    cells: [
      ['Payments 2011/12', null],
      [null, null],
      ['Item', 'Amount (£)'],
      ['Core Team', 17800],
      [null, null],
      ['CRM', 46648.63],
      [null, null],
      ['Total', 64448.63],
      [null, null],
      ['Note: figures exclude VAT', null],
      ['Source: Finance, October 2012', null],
    ],
    expected: {
      rows: [{ row: 4, item: 'Core Team', pence: 1780000 }, { row: 6, item: 'CRM', pence: 4664863 }],
      total: 6444863, statedTotal: { cell: 'Costs!B8', pence: 6444863 }, headerRow: 3, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B3' }, column: { letter: 'B', by: 'the only one' },
    },
  },
  {
    name: 'VAT and a gross total below the total: left out, with a warning',
    cells: [['Item', '£'], ['Core Team', 17800], ['CRM', 46648.63], ['Total (Exc VAT)', 64448.63], ['VAT', 9329.73], ['Total (Inc VAT)', 73778.36]],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }],
      total: 6444863, statedTotal: { cell: 'Costs!B4', pence: 6444863 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      warnings: [{ code: 'below-total', cells: ['Costs!B5', 'Costs!B6'] }],
    },
  },
  {
    name: '"Total exc VAT" with VAT and "Total inc VAT" under it: the total exclusive of VAT ends the table',
    cells: [['Item', '£'], ['Core Team', 17800], ['CRM', 46648.63], ['Total exc VAT', 64448.63], ['VAT', 9329.73], ['Total inc VAT', 73778.36]],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }],
      total: 6444863, statedTotal: { cell: 'Costs!B4', pence: 6444863 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      warnings: [{ code: 'below-total', cells: ['Costs!B5', 'Costs!B6'] }],
    },
  },
  {
    name: 'a label without an amount at the foot of the rows: skipped, with a warning',
    cells: [['Item', '£'], ['Core Team', 17800], ['CRM', 46648.63], ['Printing (not yet invoiced)', null], ['Total', 64448.63]],
    expected: {
      rows: [{ row: 2, item: 'Core Team', pence: 1780000 }, { row: 3, item: 'CRM', pence: 4664863 }],
      total: 6444863, statedTotal: { cell: 'Costs!B5', pence: 6444863 }, headerRow: 1, items: 'A',
      unit: { label: '£', factor: 1, cell: 'Costs!B1' }, column: { letter: 'B', by: 'the only one' },
      warnings: [{ code: 'row-without-amount', cells: ['Costs!B4'] }],
    },
  },
  {
    name: 'a table from C3 on a sheet named "Partnership costs", under a title',
    sheet: 'Partnership costs',
    at: { row: 3, column: 3 },
    cells: [
      ['Staffordshire Connects 2011/12', null],
      ['Item', '£'],
      ['Core Team', 17800],
      ['CRM', '46,648.63'],
      ['Total', 64448.63],
    ],
    expected: {
      rows: [{ row: 5, item: 'Core Team', pence: 1780000 }, { row: 6, item: 'CRM', pence: 4664863 }],
      total: 6444863, statedTotal: { cell: "'Partnership costs'!D7", pence: 6444863 }, headerRow: 4, items: 'C',
      unit: { label: '£', factor: 1, cell: "'Partnership costs'!D4" }, column: { letter: 'D', by: 'the only one' },
      warnings: [{ code: 'text-amount', cells: ["'Partnership costs'!D6"] }],
    },
  },
  {
    name: 'a table from B2 with a code column, notes and three year columns in £000, the base year given',
    at: { row: 2, column: 2 },
    cells: [
      ['Code', 'Service', '2010/11 £000', '2011/12 £000', 'Notes'],
      ['CC01', 'Core Team', 16.5, 17.8, null],
      ['CC02', 'CRM', 45.2, 46.64863, 'Contract ends 31/03/2015'],
      [null, 'Total', 61.7, 64.44863, null],
    ],
    options: { baseYear: 2011 },
    expected: {
      rows: [
        { row: 3, item: 'Core Team', pence: 1780000 },
        { row: 4, item: 'CRM', pence: 4664863, note: 'Contract ends 31/03/2015', endsOn: '2015-03-31' },
      ],
      total: 6444863, statedTotal: { cell: 'Costs!E5', pence: 6444863 }, headerRow: 2, items: 'C',
      unit: { label: '£000', factor: 1000, cell: 'Costs!E2' }, column: { letter: 'E', by: 'base year', headerYear: 2011 }, passedOver: ['D'],
      codes: ['B'], notes: 'F',
    },
  },
];

/** What a read gave, in the shape of ExpectedRead, fields left out where ExpectedRead leaves them out. */
export function observed(table: CostTable, warnings: readonly Warning[]): ExpectedRead {
  const letter = (column: number) => columnName(column);
  return {
    rows: table.rows.map((row) => ({
      row: row.sheetRow, item: row.item, pence: row.amount,
      ...(row.section === undefined ? {} : { section: row.section }),
      ...(row.note === undefined ? {} : { note: row.note }),
      ...(row.endsOn === undefined ? {} : { endsOn: isoDate(row.endsOn) }),
    })),
    total: table.rows.reduce((sum, row) => sum + row.amount, 0),
    ...(table.statedTotal === undefined ? {} : { statedTotal: { cell: table.statedTotal.cell, pence: table.statedTotal.amount } }),
    ...(table.headerRow === undefined ? {} : { headerRow: table.headerRow }),
    items: letter(table.itemColumn),
    unit: { label: table.unit.label, factor: table.unit.factor, ...(table.unit.cell === undefined ? {} : { cell: table.unit.cell }) },
    column: {
      letter: table.columns.chosen.letter, by: table.columns.by,
      ...(table.columns.headerYear === undefined ? {} : { headerYear: table.columns.headerYear }),
    },
    passedOver: table.columns.others.map((column) => column.letter),
    subtotals: table.subtotals.map((s) => ({ cell: s.cell, label: s.label, pence: s.amount, rows: s.rows, sum: s.sum, by: s.by })),
    headings: table.headings.map((h) => ({ cell: h.cell, label: h.label })),
    codes: table.codeColumns.map(letter),
    ...(table.noteColumn === undefined ? {} : { notes: letter(table.noteColumn) }),
    ...(table.endColumn === undefined ? {} : { ends: letter(table.endColumn) }),
    warnings: [...warnings].sort((a, b) => a.code.localeCompare(b.code)).map((w) => ({ code: w.code, cells: w.cells })),
  };
}

/** An expectation with its lists filled in (none where it names none). */
export function complete(expected: ExpectedRead): ExpectedRead {
  return {
    ...expected,
    passedOver: expected.passedOver ?? [],
    subtotals: expected.subtotals ?? [],
    headings: expected.headings ?? [],
    codes: expected.codes ?? [],
    warnings: [...(expected.warnings ?? [])].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** What a refusal gave, in the shape of ExpectedRefusal. */
export function refused(error: unknown): ExpectedRefusal {
  if (!(error instanceof InputError)) throw error;
  return {
    problems: error.problems.map((p) => ({ where: placeWords(p.place), message: p.message })),
    ...(error instanceof ColumnsToChoose ? { choose: error.columns.map((c) => c.letter) } : {}),
  };
}

/** Reads a layout's grid and expects what the layout says: the read, or the refusal. */
export function expectRead(layout: Layout, grid: Grid | undefined): void {
  if (!grid) throw new Error('the host read nothing');
  const log = new WarningLog();
  const read = () => readCostTable(grid, log, layout.options);
  if (isRefusal(layout.expected)) {
    let thrown: unknown = new Error('nothing was thrown');
    try {
      read();
    } catch (error) {
      thrown = error;
    }
    expect(refused(thrown)).toEqual(layout.expected);
  } else {
    expect(observed(read(), log.list())).toEqual(complete(layout.expected));
  }
}
