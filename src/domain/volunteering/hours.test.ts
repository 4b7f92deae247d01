import { describe, expect, it } from 'vitest';
import { countedMinutes, pointsFor, roundDown, starLevel, toHours } from './hours';

const at = (hhmm: string) => new Date(`2026-05-01T${hhmm}:00+08:00`);

describe('counted minutes', () => {
  const base = { startsAt: at('09:00'), endsAt: at('11:00'), roundingMinutes: 30 };

  it('counts the actual time, rounded down to the unit', () => {
    expect(countedMinutes({ ...base, checkedInAt: at('09:10'), checkedOutAt: at('10:55') })).toBe(90);
  });

  it('caps at the scheduled length (arriving early and staying late counts no more)', () => {
    expect(countedMinutes({ ...base, checkedInAt: at('08:00'), checkedOutAt: at('12:30') })).toBe(120);
  });

  it('counts nothing for a check-out before the check-in', () => {
    expect(countedMinutes({ ...base, checkedInAt: at('10:00'), checkedOutAt: at('09:00') })).toBe(0);
  });

  it('honours other units', () => {
    expect(countedMinutes({ ...base, roundingMinutes: 15, checkedInAt: at('09:00'), checkedOutAt: at('10:44') })).toBe(90);
    expect(countedMinutes({ ...base, roundingMinutes: 1, checkedInAt: at('09:00'), checkedOutAt: at('10:44') })).toBe(104);
    expect(roundDown(59, 60)).toBe(0);
  });
});

describe('stars and points', () => {
  const t = [100, 300, 600, 1000, 1500];
  it('gives one star per threshold reached', () => {
    expect(starLevel(0, t)).toEqual({ stars: 0, nextAt: 100 });
    expect(starLevel(99.5, t)).toEqual({ stars: 0, nextAt: 100 });
    expect(starLevel(100, t)).toEqual({ stars: 1, nextAt: 300 });
    expect(starLevel(1499, t)).toEqual({ stars: 4, nextAt: 1500 });
    expect(starLevel(2000, t)).toEqual({ stars: 5, nextAt: null });
  });
  it('turns minutes into whole points and hours with two decimals', () => {
    expect(pointsFor(90, 10)).toBe(15);
    expect(pointsFor(50, 10)).toBe(8);
    expect(toHours(100)).toBe(1.67);
  });
});
