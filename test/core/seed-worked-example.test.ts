// The seed, worked through (docs/conventions.md, "The seed, worked through"): every expected figure is typed from its table or
// computed here by exact integer arithmetic.
import { reasonWords } from '../../src/core/classification';
import { Analysis, analyse } from '../../src/core/analysis';
import { isoDate } from '../../src/core/calendar-date';
import { amountCells } from '../../src/core/cost-table';
import { fyLabel } from '../../src/core/financial-year';
import { indexedPence, mulDivPence, npvPence } from './by-hand';
import { SEED_ITEMS, seedGrid } from './grid';

const TODAY = { year: 2031, month: 6, day: 1 }; // any date: the notice date is given
const SEED_ASSUMPTIONS = { noticeServedOn: '2012-10-19' };

// docs/conventions.md, "The seed, worked through": stay / withdraw / saving per FY, in pence
const SEED_TABLE = [
  { fy: '2012/13', stay: 1780000, withdraw: 1780000, saving: 0 },
  { fy: '2013/14', stay: 1780000, withdraw: 1780000, saving: 0 },
  { fy: '2014/15', stay: 1780000, withdraw: 980219, saving: 799781 },
  { fy: '2015/16', stay: 1780000, withdraw: 0, saving: 1780000 },
  { fy: '2016/17', stay: 1780000, withdraw: 0, saving: 1780000 },
];

const byYear = (result: Analysis) =>
  result.savings.years.map((y) => ({ fy: fyLabel(y.fy), stay: y.stay, withdraw: y.withdraw, saving: y.saving }));

describe('the seed under the defaults (fixed-contribution, no indexation, r = 3.5%)', () => {
  const result = analyse({ grid: seedGrid(), assumptions: SEED_ASSUMPTIONS, today: TODAY });

  it('gives the stay / withdraw / saving table of docs/conventions.md, "The seed, worked through", to the penny', () => {
    expect(byYear(result)).toEqual(SEED_TABLE);
  });

  it('has the notice expire on 2014-10-19, with 201 paid days of 365 in 2014/15', () => {
    expect(isoDate(result.savings.noticeExpiresOn)).toBe('2014-10-19');
    expect(result.savings.years.map((y) => [y.t, y.paidDays, y.daysInFy])).toEqual([
      [0, 365, 365],
      [1, 365, 365],
      [2, 201, 365],
      [3, 0, 366],
      [4, 0, 365],
    ]);
    // the withdraw cost of 2014/15 by hand: 1,780,000 x 201 / 365 = 980,219.18 pence
    expect(result.savings.years[2].withdraw).toBe(mulDivPence(1780000, 201n, 365n));
  });

  it('totals 43,597.81 and has an NPV of 39,032.29', () => {
    expect(result.savings.totalSaving).toBe(4359781);
    expect(result.savings.years.map((y) => y.cumulativeSaving)).toEqual([0, 0, 799781, 2579781, 4359781]);
    expect(result.savings.npv).toBe(3903229);
    // and by exact integer arithmetic: sum of saving_t x 1000^t / 1035^t
    expect(npvPence([0, 0, 799781, 1780000, 1780000], 35n, 1000n)).toBe(3903229);
  });

  it('discounts year t by 1/1.035^t, year 0 undiscounted, with present values rounded for show', () => {
    expect(result.savings.years[0].discountFactor.toString()).toBe('1');
    expect(result.savings.years.map((y) => y.presentValue)).toEqual([
      0,
      0,
      mulDivPence(799781, 1000n ** 2n, 1035n ** 2n),
      mulDivPence(1780000, 1000n ** 3n, 1035n ** 3n),
      mulDivPence(1780000, 1000n ** 4n, 1035n ** 4n),
    ]);
  });

  it('splits the annual costs: 17,800.00 avoidable, 106,735.22 committed, 124,535.22 in all', () => {
    expect(result.annual).toEqual({ total: 12453522, avoidable: 1780000, committed: 10673522 });
    expect(result.computedTotal).toBe(12453522);
    expect(result.savings.years.map((y) => y.committed)).toEqual([10673522, 10673522, 10673522, 10673522, 10673522]);
  });

  it('ties out to the stated total', () => {
    expect(result.tieOut).toEqual({ status: 'ok' });
    expect(result.table.statedTotal).toEqual({ cell: 'Costs!B10', sheetRow: 10, amount: 12453522 });
  });

  it('classes the Core Team row avoidable by its keyword and every other row committed', () => {
    expect(result.rows.map((row) => [row.item, row.amount, row.class])).toEqual([
      [SEED_ITEMS[0].item, 1780000, 'avoidable'],
      ['CRM', 4664863, 'committed'],
      ['Epayments', 949585, 'committed'],
      ['New Epayments', 4426249, 'committed'],
      ['Customer Insight', 548325, 'committed'],
      ['Shared Email Directory', 84500, 'committed'],
    ]);
    expect(reasonWords(result.rows[0].reason)).toMatch(/core team/i);
    for (const row of result.rows.slice(1)) expect(reasonWords(row.reason)).toMatch(/committed by default/);
  });

  it('takes the base year 2011/12 from the Core Team label and the rest from the defaults', () => {
    expect(fyLabel(result.assumptions.baseYear)).toBe('2011/12');
    expect(result.assumptionSources.baseYear).toBe('item labels');
    expect(result.assumptionSources.noticeServedOn).toBe('given');
    expect(result.assumptions.noticeMonths).toBe(24);
    expect(result.assumptions.horizonYears).toBe(5);
    expect(result.assumptions.discountRate.toString()).toBe('0.035');
    expect(result.assumptions.sharing).toBe('fixed-contribution');
  });

  it('passes every check and warns about nothing', () => {
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['tieOut', true],
      ['avoidablePlusCommittedEqualsTotal', true],
    ]);
    expect(result.checks[1].detail).toBe('£17,800.00 + £106,735.22 = £124,535.22; total £124,535.22');
    expect(result.warnings).toEqual([]);
  });

  it('gives the same answer, with a text-amount warning, when the amounts are the report\'s text', () => {
    const fromText = analyse({ grid: seedGrid({ asText: true }), assumptions: SEED_ASSUMPTIONS, today: TODAY });
    expect(byYear(fromText)).toEqual(SEED_TABLE);
    expect(fromText.savings.npv).toBe(3903229);
    expect(fromText.warnings.map((w) => w.code)).toEqual(['text-amount']);
    expect(fromText.warnings[0].count).toBe(6);
  });

  it('reads the same wherever the table sits and whatever today is', () => {
    const moved = analyse({ grid: seedGrid({ top: 20, left: 4, sheet: 'Section 3' }), assumptions: SEED_ASSUMPTIONS, today: { year: 2012, month: 1, day: 1 } });
    expect(byYear(moved)).toEqual(SEED_TABLE);
    expect(moved.savings.npv).toBe(3903229);
    expect(amountCells(moved.table)(moved.rows[0].sheetRow)).toBe("'Section 3'!E23");
    expect(moved.table.statedTotal?.cell).toBe("'Section 3'!E29");
  });
});

describe('the seed under shared-pool with 10 members in the base year', () => {
  const shared = (partners: object) =>
    analyse({ grid: seedGrid(), assumptions: { ...SEED_ASSUMPTIONS, sharing: 'shared-pool', partners }, today: TODAY });

  it('pools 178,000.00 and tabulates the contribution per member', () => {
    const result = shared({ inBaseYear: 10 });
    expect(result.membership.sharing).toBe('shared-pool');
    expect(result.membership.pool).toBe(17800000);
    const perMember = new Map(result.membership.perMember.map((row) => [row.members, row.contribution]));
    expect(result.membership.perMember).toHaveLength(10);
    expect(perMember.get(6)).toBe(2966667);
    expect(perMember.get(5)).toBe(3560000);
    expect(perMember.get(10)).toBe(1780000);
  });

  it('keeps the seed figures while all 10 members stay', () => {
    const result = shared({ inBaseYear: 10 });
    expect(result.membership.years.map((y) => y.members)).toEqual([10, 10, 10, 10, 10]);
    expect(result.savings.years.map((y) => y.stay)).toEqual([1780000, 1780000, 1780000, 1780000, 1780000]);
    expect(result.savings.npv).toBe(3903229);
  });

  it('re-shares the pool as partners leave: 29,666.67 a member once 6 remain', () => {
    const result = shared({
      inBaseYear: 10,
      leavers: [
        { name: 'Newcastle', leavesOn: '2012-03-31' }, // gone before 2012/13 starts
        { name: 'Tamworth', leavesOn: '2012-09-30' }, // a member of 2012/13, gone by 2013/14
        { name: 'East Staffordshire', leavesOn: '2013-06-30' }, // a member of 2013/14
        { name: 'Staffordshire Moorlands', leavesOn: '2014-02-28' }, // a member of 2013/14
      ],
    });
    expect(result.membership.years.map((y) => y.members)).toEqual([9, 8, 6, 6, 6]);
    // 178,000 / 9 = 19,777.777... -> 19,777.78; / 8 = 22,250.00; / 6 = 29,666.666... -> 29,666.67
    expect(result.membership.years.map((y) => y.contributionPerMember)).toEqual([1977778, 2225000, 2966667, 2966667, 2966667]);
    // the exit year by hand: the contribution in pence first, then x 201 / 365, half away from zero:
    // 2,966,667 x 201 = 596,300,067; / 365 = 1,633,698.81 -> 1,633,699
    const exitYearWithdraw = mulDivPence(2966667, 201n, 365n);
    expect(exitYearWithdraw).toBe(1633699);
    expect(byYear(result)).toEqual([
      { fy: '2012/13', stay: 1977778, withdraw: 1977778, saving: 0 },
      { fy: '2013/14', stay: 2225000, withdraw: 2225000, saving: 0 },
      { fy: '2014/15', stay: 2966667, withdraw: 1633699, saving: 1332968 },
      { fy: '2015/16', stay: 2966667, withdraw: 0, saving: 2966667 },
      { fy: '2016/17', stay: 2966667, withdraw: 0, saving: 2966667 },
    ]);
    expect(result.savings.totalSaving).toBe(1332968 + 2966667 + 2966667);
    expect(result.savings.npv).toBe(npvPence([0, 0, 1332968, 2966667, 2966667], 35n, 1000n));
  });

  it('keeps each contribution at 17,800 under fixed-contribution, however many leave', () => {
    const result = analyse({
      grid: seedGrid(),
      assumptions: { ...SEED_ASSUMPTIONS, partners: { inBaseYear: 10, leavers: [{ name: 'Tamworth', leavesOn: '2012-03-31' }] } },
      today: TODAY,
    });
    expect(result.membership.years.map((y) => y.members)).toEqual([9, 9, 9, 9, 9]);
    expect(result.savings.years.map((y) => y.stay)).toEqual([1780000, 1780000, 1780000, 1780000, 1780000]);
    expect(result.membership.pool).toBe(17800000);
  });
});

describe('the seed with 2.5% indexation from the base year 2011/12', () => {
  const result = analyse({ grid: seedGrid(), assumptions: { ...SEED_ASSUMPTIONS, indexation: 0.025 }, today: TODAY });
  // FY 2012/13 is one year after the base year, 2016/17 five
  const stay = [1, 2, 3, 4, 5].map((k) => indexedPence(1780000, 25n, 1000n, k));
  const committed = [1, 2, 3, 4, 5].map((k) => indexedPence(10673522, 25n, 1000n, k));

  it('indexes the stay cost: 2014/15 = 17,800 x 1.025^3 = 19,168.65', () => {
    expect(stay).toEqual([1824500, 1870113, 1916865, 1964787, 2013907]);
    expect(result.savings.years.map((y) => y.stay)).toEqual(stay);
    expect(result.savings.years[2].stay).toBe(1916865);
  });

  it('indexes the committed costs the same way', () => {
    expect(result.savings.years.map((y) => y.committed)).toEqual(committed);
  });

  it('pro-rates the indexed contribution in the exit year and saves the indexed cost after', () => {
    // 1,916,865 x 201 / 365 = 1,055,588.67 -> 1,055,589
    expect(result.savings.years.map((y) => y.withdraw)).toEqual([1824500, 1870113, 1055589, 0, 0]);
    const savings = [0, 0, 1916865 - 1055589, 1964787, 2013907];
    expect(result.savings.years.map((y) => y.saving)).toEqual(savings);
    expect(result.savings.totalSaving).toBe(savings.reduce((a, b) => a + b, 0));
    expect(result.savings.npv).toBe(npvPence(savings, 35n, 1000n));
    expect(result.warnings).toEqual([]);
  });

  it('indexes the shared pool before sharing it', () => {
    const shared = analyse({
      grid: seedGrid(),
      assumptions: { ...SEED_ASSUMPTIONS, indexation: 0.025, sharing: 'shared-pool', partners: { inBaseYear: 10, leavers: [{ name: 'A', leavesOn: '2012-04-01' }, { name: 'B', leavesOn: '2012-04-01' }, { name: 'C', leavesOn: '2012-04-01' }, { name: 'D', leavesOn: '2012-04-01' }, { name: 'E', leavesOn: '2012-04-01' }] } },
      today: TODAY,
    });
    // 5 members: 17,800,000 x 1.025^k / 5, rounded once
    expect(shared.savings.years.map((y) => y.stay)).toEqual([1, 2, 3, 4, 5].map((k) => mulDivPence(17800000, 1025n ** BigInt(k), 1000n ** BigInt(k) * 5n)));
  });
});
