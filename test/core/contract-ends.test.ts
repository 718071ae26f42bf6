// docs/conventions.md, "Committed contracts": committed contracts with an end date stop costing from that date,
// pro-rata in its FY like notice, and never change the saving. Figures worked by hand below.
import { CellValue } from '../../src/core/cell';
import { analysisOf } from '../support/analyses';
import { inputProblems } from './grid';

/** The seed's table with a notes column: CRM's contract ends on 30 September 2014. */
const ROWS: CellValue[][] = [
  ['Item', '£', 'Notes'],
  ['Staffordshire Connects 2011/12 Core Team', 17800, null],
  ['CRM', 46648.63, 'Contract ends 30/09/2014'],
  ['Epayments', 9495.85, null],
  ['New Epayments', 44262.49, null],
  ['Customer Insight', 5483.25, null],
  ['Shared Email Directory', 845, null],
  ['Total (Exc VAT)', 124535.22, null],
];
const ASSUMPTIONS = { noticeServedOn: '2012-10-19' };

describe('committed contracts with an end date', () => {
  it('stop costing from that date, pro-rata in its year, and leave the saving as it was', () => {
    const analysis = analysisOf(ROWS, ASSUMPTIONS);
    // The other committed rows: 9,495.85 + 44,262.49 + 5,483.25 + 845.00 = 60,086.59 a year. CRM in
    // 2014/15: 1 April up to 30 September 2014 is 182 of 365 days: 46,648.63 x 182/365 = 23,260.4127,
    // so 83,347.0027 in all: 83,347.00.
    expect(analysis.savings.years.map((y) => y.committed)).toEqual([10_673_522, 10_673_522, 8_334_700, 6_008_659, 6_008_659]);
    const without = analysisOf(ROWS.map((row) => row.slice(0, 2)), ASSUMPTIONS);
    expect(analysis.savings.years.map((y) => y.saving)).toEqual(without.savings.years.map((y) => y.saving));
    expect(analysis.savings.npv).toBe(without.savings.npv);
  });

  it('take the date the assumptions give in place of the sheet\'s', () => {
    const analysis = analysisOf(ROWS, { ...ASSUMPTIONS, contractEnds: { crm: '2015-04-01' } });
    expect(analysis.rows.find((r) => r.item === 'CRM')?.endsOn).toEqual({ year: 2015, month: 4, day: 1 });
    expect(analysis.savings.years.map((y) => y.committed)).toEqual([10_673_522, 10_673_522, 10_673_522, 6_008_659, 6_008_659]);
  });

  it('refuses an end date for a label no row has, or a date that is not one', () => {
    expect(inputProblems(() => analysisOf(ROWS, { ...ASSUMPTIONS, contractEnds: { Hosting: '2015-04-01' } }))).toEqual([
      { where: 'contractEnds["Hosting"]', message: 'matches no cost row\'s item label; correct the label or remove it' },
    ]);
    expect(inputProblems(() => analysisOf(ROWS, { ...ASSUMPTIONS, contractEnds: { CRM: 'soon' } }))[0].where).toBe('contractEnds["CRM"]');
  });
});
