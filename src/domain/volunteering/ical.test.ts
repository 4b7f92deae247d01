import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar } from './ical';

describe('iCalendar feed', () => {
  it('renders events in UTC with escaped text and CRLF lines', () => {
    const ics = renderCalendar(
      '我的志愿服务',
      [{ uid: 'abc@gongjian', title: '清洁家园, 周末', place: '幸福里;3号楼', description: '候补第2位', startsAt: new Date('2026-05-01T01:00:00Z'), endsAt: new Date('2026-05-01T03:30:00Z'), status: 'TENTATIVE', updatedAt: new Date('2026-04-20T00:00:00Z') }],
      new Date('2026-04-21T00:00:00Z'),
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART:20260501T010000Z\r\n');
    expect(ics).toContain('DTEND:20260501T033000Z\r\n');
    expect(ics).toContain('SUMMARY:清洁家园\\, 周末\r\n');
    expect(ics).toContain('LOCATION:幸福里\\;3号楼\r\n');
    expect(ics).toContain('STATUS:TENTATIVE');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const line = `DESCRIPTION:${'志愿服务'.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => Buffer.byteLength(p) <= 75)).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(escapeText('a\\b\nc')).toBe('a\\\\b\\nc');
  });
});
