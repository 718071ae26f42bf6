import { clockAt, ukDate, ukTimestamp } from '../../src/core/clock';

describe('the run clock is UK local time', () => {
  it('names the UK day just after midnight in summer (BST), when UTC is still on the day before', () => {
    const instant = new Date('2026-06-30T23:30:00Z'); // 00:30 BST on 1 July
    expect(ukDate(instant)).toEqual({ year: 2026, month: 7, day: 1 });
    expect(ukTimestamp(instant)).toBe('2026-07-01T00:30:00+01:00');
  });

  it('is GMT in winter', () => {
    const instant = new Date('2026-12-01T23:59:59.900Z');
    expect(ukDate(instant)).toEqual({ year: 2026, month: 12, day: 1 });
    expect(ukTimestamp(instant)).toBe('2026-12-01T23:59:59+00:00');
  });

  it('the day and the moment of one clock always name the same day', () => {
    for (const iso of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-07-15T23:00:00Z']) {
      const clock = clockAt(() => new Date(iso));
      const { year, month, day } = clock.today();
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      expect(clock.now().slice(0, 10)).toBe(date);
    }
  });
});
