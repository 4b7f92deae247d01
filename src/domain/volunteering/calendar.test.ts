import { describe, expect, it } from 'vitest';
import { dateIn, daysRemainingInYear, quarterDates, quarterInfo, quarterOf, startOfDate } from './calendar';

const SH = 'Asia/Shanghai';

describe('quarters in Asia/Shanghai', () => {
  it('puts 23:30 on 31 March in Beijing in Q1 and 00:30 on 1 April in Q2', () => {
    expect(quarterOf(new Date('2026-03-31T15:30:00Z'), SH)).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(new Date('2026-03-31T16:30:00Z'), SH)).toEqual({ year: 2026, quarter: 2 });
    // The same instant in UTC is still Q1: the zone decides.
    expect(quarterOf(new Date('2026-03-31T16:30:00Z'), 'UTC')).toEqual({ year: 2026, quarter: 1 });
  });

  it('moves the year at midnight Beijing time', () => {
    expect(quarterOf(new Date('2025-12-31T16:00:00Z'), SH)).toEqual({ year: 2026, quarter: 1 });
    expect(dateIn(new Date('2025-12-31T15:59:59Z'), SH)).toBe('2025-12-31');
  });

  it('knows the first and last day of each quarter', () => {
    expect(quarterDates({ year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterDates({ year: 2026, quarter: 2 })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterDates({ year: 2026, quarter: 3 })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterDates({ year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('finds local midnight as an instant', () => {
    expect(startOfDate('2026-04-01', SH).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(startOfDate('2026-04-01', 'UTC').toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(startOfDate('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('counts the days remaining including today, and the share gone', () => {
    const q = { year: 2026, quarter: 2 as const };
    expect(quarterInfo(q, '2026-04-01')).toMatchObject({ daysRemaining: 91, elapsed: 0 });
    expect(quarterInfo(q, '2026-06-30')).toMatchObject({ daysRemaining: 1 });
    expect(quarterInfo(q, '2026-07-01')).toMatchObject({ daysRemaining: 0, elapsed: 1 });
    expect(quarterInfo(q, '2026-03-01')).toMatchObject({ daysRemaining: 91, elapsed: 0 });
    // Two thirds of 91 days: day 61 (31 May) is the first with elapsed >= 2/3.
    expect(quarterInfo(q, '2026-05-31').elapsed).toBeGreaterThanOrEqual(0.659);
    expect(quarterInfo(q, '2026-05-30').elapsed).toBeLessThan(2 / 3);
    expect(daysRemainingInYear('2026-12-31')).toBe(1);
    expect(daysRemainingInYear('2026-01-01')).toBe(365);
  });
});
