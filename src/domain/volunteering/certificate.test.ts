import { describe, expect, it } from 'vitest';
import { certificateNumber, parseCertificateNumber, serviceContent } from './certificate';

describe('certificate numbers', () => {
  it('formats the year and the sequence', () => {
    expect(certificateNumber(2026, 1)).toBe('ZYFW-2026-000001');
    expect(certificateNumber(2026, 1234567)).toBe('ZYFW-2026-1234567');
    expect(() => certificateNumber(2026, 0)).toThrow(RangeError);
    expect(parseCertificateNumber('ZYFW-2026-000042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseCertificateNumber('GJ2026-000042')).toBeNull();
  });

  it('summarises the service content, largest first', () => {
    expect(
      serviceContent([
        { label: '理论宣讲', minutes: 120 },
        { label: '志愿服务', minutes: 300 },
        { label: '理论宣讲', minutes: 60 },
      ]),
    ).toBe('志愿服务 5 小时；理论宣讲 3 小时');
    expect(serviceContent([])).toBe('');
  });
});
