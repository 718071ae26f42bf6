import { analyse } from '../../src/core/analysis';
import { pence } from '../../src/core/money';
import { tieOut } from '../../src/core/tie-out';
import { grid, seedGrid } from './grid';

const TODAY = { year: 2012, month: 10, day: 19 };

describe('tieOut: rows against the stated total, to the penny', () => {
  it('is ok when they agree', () => {
    expect(tieOut(pence(12453522), pence(12453522))).toEqual({ status: 'ok' });
  });

  it('reports the difference as computed - stated', () => {
    expect(tieOut(pence(12453522), pence(12453500))).toEqual({ status: 'mismatch', difference: 22 });
    expect(tieOut(pence(12453522), pence(12453600))).toEqual({ status: 'mismatch', difference: -78 });
    expect(tieOut(pence(1), pence(0))).toEqual({ status: 'mismatch', difference: 1 });
  });

  it('is absent without a stated total', () => {
    expect(tieOut(pence(12453522), undefined)).toEqual({ status: 'absent' });
  });
});

describe('tie-out through analyse', () => {
  it('ties out the seed', () => {
    const result = analyse({ grid: seedGrid(), today: TODAY });
    expect(result.tieOut).toEqual({ status: 'ok' });
    expect(result.computedTotal).toBe(12453522);
    const check = result.checks.find((c) => c.name === 'tieOut');
    expect(check?.ok).toBe(true);
    expect(check?.detail).toBe('rows sum to the stated total £124,535.22 in Costs!B10');
  });

  it('flags a stated total a penny out, with the difference', () => {
    const result = analyse({ grid: seedGrid({ statedTotal: 124535.21 }), today: TODAY });
    expect(result.tieOut).toEqual({ status: 'mismatch', difference: 1 });
    const check = result.checks.find((c) => c.name === 'tieOut');
    expect(check?.ok).toBe(false);
    expect(check?.detail).toBe('rows sum to £124,535.22; the stated total in Costs!B10 is £124,535.21 (difference £0.01)');
  });

  it('flags a stated total above the rows with a negative difference', () => {
    const result = analyse({ grid: seedGrid({ statedTotal: '124,600.00', asText: true }), today: TODAY });
    // 124,535.22 - 124,600.00 = -64.78
    expect(result.tieOut).toEqual({ status: 'mismatch', difference: -6478 });
    expect(result.checks.find((c) => c.name === 'tieOut')?.detail).toMatch(/difference -£64\.78/);
  });

  it('is absent, and not a failed check, without a total row', () => {
    const result = analyse({ grid: grid([['Core Team', 100], ['CRM', 20]]), today: TODAY });
    expect(result.tieOut).toEqual({ status: 'absent' });
    expect(result.checks.find((c) => c.name === 'tieOut')).toEqual({ name: 'tieOut', ok: true, detail: 'no total row to tie out to' });
  });
});
