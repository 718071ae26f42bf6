// A switching value is where another choice becomes strictly preferred (docs/conventions.md,
// "Switching values"), in the JSON summary and the report alike. The case: staying
// preferred, and a notice of 49 months or more (expiring after the horizon) brings the best
// option's NPV to exactly zero, where staying is still preferred.
import { writeFileSync } from 'fs';
import path from 'path';
import { readSummary } from '../support/summary';
import { temporaryDirectory } from '../support/workbooks';
import { vfm } from './vfm';

const EXAMPLE = path.resolve(__dirname, '../../examples/staffordshire-connects.xlsx');

// The seed's 17,800.00 a year avoidable; 2012/13 to 2016/17. Notice served on 1 March 2013 expires
// within the horizon up to 48 months (1 March 2017) and after it from 49 (1 April 2017); support of
// 30,000.00 a year from expiry costs more than is saved, so within the horizon the option loses money.
export const NOTHING_SWITCHES = {
  noticeServedOn: '2012-10-19', noticeMonths: 24, horizonYears: 5, discountRate: '3.5%',
  options: [
    { name: 'Withdraw in March', noticeServedOn: '2013-03-01', replacementCosts: [{ label: 'Support', annual: 30000 }] },
    { name: 'Withdraw now', replacementCosts: [{ label: 'Support', annual: 40000 }] },
  ],
};

describe('a notice period that can only bring the best option to an NPV of zero switches nothing', () => {
  it('says "none in range" in the JSON and the report, not "switches at 49 months"', async () => {
    const dir = temporaryDirectory();
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(NOTHING_SWITCHES));
    const { code, out, err } = await vfm(['analyse', EXAMPLE, '--assumptions', path.join(dir, 'a.json'), '--json', path.join(dir, 's.json')]);
    expect([code, err]).toEqual([0, '']);
    const summary = readSummary(path.join(dir, 's.json'));
    expect(summary.preferredOption).toBeNull();
    expect(summary.options.every((o) => o.npv < 0)).toBe(true);
    expect(summary.switchingValues.find((v) => v.input === 'noticeMonths')).toEqual({ input: 'noticeMonths', value: null, changeFromBase: null, reason: 'none in range' });
    const switching = out.slice(out.indexOf('Switching values:'));
    const line = switching.split('\n').find((l) => /^\s*notice period\b/.test(l));
    expect(line).toMatch(/^\s*notice period\s+24 months\s+none in range\s*$/);
    expect(switching).not.toContain('49 months');
  });
});
