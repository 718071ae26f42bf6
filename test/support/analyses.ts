// Analyses of small tables for layout and host tests.
import { Analysis, analyse } from '../../src/core/analysis';
import { CellValue } from '../../src/core/cell';

export const SEED_VALUES: (string | number | null)[][] = [
  ['The payments to Staffs Connects for 2011-12 were made up of the following:', null],
  [null, null],
  [null, '£'],
  ['Staffordshire Connects 2011/12 Core Team', 17800],
  ['CRM', 46648.63],
  ['Epayments', 9495.85],
  ['New Epayments', 44262.49],
  ['Customer Insight', 5483.25],
  ['Shared Email Directory', 845],
  ['Total (Exc VAT)', 124535.22],
];

export const SEED_ASSUMPTIONS = { noticeServedOn: '2012-10-19' };
export const POOL_ASSUMPTIONS = {
  noticeServedOn: '2012-10-19',
  sharing: 'shared-pool',
  partners: {
    inBaseYear: 10,
    leavers: [
      { name: 'Tamworth', leavesOn: '2012-12-31' },
      { name: 'Newcastle-under-Lyme', leavesOn: '2013-03-31' },
      { name: 'East Staffordshire', leavesOn: '2013-12-31' },
      { name: 'Staffordshire Moorlands', leavesOn: '2014-03-31' },
    ],
  },
};

export function analysisOf(values: CellValue[][], assumptions: unknown = SEED_ASSUMPTIONS, sheet = 'Costs'): Analysis {
  return analyse({ grid: { sheet, top: 1, left: 1, values }, assumptions, today: { year: 2012, month: 10, day: 19 } });
}
