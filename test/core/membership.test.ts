import { parseIsoDate } from '../../src/core/calendar-date';
import { financialYear } from '../../src/core/financial-year';
import { contributionByMembers, contributionPerMember, membersAtStart, pool } from '../../src/core/membership';
import { Exact, pence } from '../../src/core/money';
import { indexedPence, mulDivPence } from './by-hand';

const d = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};

const CORE_TEAM = pence(1780000);

describe('membersAtStart: a leaver counts in every FY that starts before its leaving date', () => {
  const partners = {
    inBaseYear: 10,
    leavers: [
      { name: 'Newcastle', leavesOn: d('2012-03-31') },
      { name: 'Tamworth', leavesOn: d('2013-04-01') },
      { name: 'East Staffordshire', leavesOn: d('2013-04-02') },
      { name: 'Staffordshire Moorlands', leavesOn: d('2014-10-19') },
    ],
  };

  it('counts the members at each FY start', () => {
    expect(membersAtStart(financialYear(2011), partners)).toBe(10);
    expect(membersAtStart(financialYear(2012), partners)).toBe(9);
    // Tamworth leaves on the day 2013/14 starts: that FY does not start before it, so it is gone
    // East Staffordshire leaves the day after: 2013/14 starts before it, so it is still a member
    expect(membersAtStart(financialYear(2013), partners)).toBe(8);
    expect(membersAtStart(financialYear(2014), partners)).toBe(7);
    expect(membersAtStart(financialYear(2015), partners)).toBe(6);
    expect(membersAtStart(financialYear(2030), partners)).toBe(6);
  });

  it('is unknown without inBaseYear', () => {
    expect(membersAtStart(financialYear(2012), { leavers: [] })).toBeUndefined();
  });
});

describe('pool and contribution per member (docs/conventions.md, "Membership models")', () => {
  it('pools the base contribution over the members paying in the base year: 178,000.00', () => {
    expect(pool(CORE_TEAM, 10)).toBe(17800000);
  });

  it('shares the pool among the members at the FY start, rounded to pence', () => {
    const partners = { inBaseYear: 10, leavers: [] };
    // 178,000 / 6 = 29,666.666... -> 29,666.67; / 5 = 35,600.00; / 10 = 17,800.00
    expect(contributionPerMember('shared-pool', CORE_TEAM, partners, 6, new Exact(1))).toBe(2966667);
    expect(contributionPerMember('shared-pool', CORE_TEAM, partners, 5, new Exact(1))).toBe(3560000);
    expect(contributionPerMember('shared-pool', CORE_TEAM, partners, 10, new Exact(1))).toBe(1780000);
    // 178,000 / 7 = 25,428.571... -> 25,428.57
    expect(contributionPerMember('shared-pool', CORE_TEAM, partners, 7, new Exact(1))).toBe(mulDivPence(17800000, 1n, 7n));
  });

  it('indexes the pool before sharing it', () => {
    const partners = { inBaseYear: 10, leavers: [] };
    // 178,000 x 1.025^2 = 187,011.25; / 5 = 37,402.25 (exact to the penny: no rounding question)
    expect(contributionPerMember('shared-pool', CORE_TEAM, partners, 5, new Exact('1.050625'))).toBe(3740225);
  });

  it('keeps each member on its own contribution under fixed-contribution, indexed', () => {
    const partners = { inBaseYear: 10, leavers: [] };
    expect(contributionPerMember('fixed-contribution', CORE_TEAM, partners, 6, new Exact(1))).toBe(1780000);
    expect(contributionPerMember('fixed-contribution', CORE_TEAM, { leavers: [] }, undefined, new Exact('1.076890625'))).toBe(indexedPence(1780000, 25n, 1000n, 3));
  });

  it('refuses shared-pool without members', () => {
    expect(() => contributionPerMember('shared-pool', CORE_TEAM, { leavers: [] }, undefined, new Exact(1))).toThrow(RangeError);
    expect(() => contributionPerMember('shared-pool', CORE_TEAM, { inBaseYear: 10, leavers: [] }, 0, new Exact(1))).toThrow(RangeError);
  });

  it('tabulates the contribution for 1 to inBaseYear members at base-year prices', () => {
    const table = contributionByMembers('shared-pool', CORE_TEAM, { inBaseYear: 10, leavers: [] });
    expect(table.map((row) => row.members)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const byMembers = new Map(table.map((row) => [row.members, row.contribution]));
    expect(byMembers.get(1)).toBe(17800000);
    expect(byMembers.get(5)).toBe(3560000);
    expect(byMembers.get(6)).toBe(2966667);
    expect(byMembers.get(10)).toBe(1780000);
    for (const { members, contribution } of table) expect(contribution).toBe(mulDivPence(17800000, 1n, BigInt(members)));
  });

  it('tabulates the same contribution for every size under fixed-contribution, and nothing without inBaseYear', () => {
    const table = contributionByMembers('fixed-contribution', CORE_TEAM, { inBaseYear: 3, leavers: [] });
    expect(table).toEqual([
      { members: 1, contribution: 1780000 },
      { members: 2, contribution: 1780000 },
      { members: 3, contribution: 1780000 },
    ]);
    expect(contributionByMembers('fixed-contribution', CORE_TEAM, { leavers: [] })).toEqual([]);
  });
});
