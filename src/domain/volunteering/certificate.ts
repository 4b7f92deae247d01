/** Service certificates (志愿服务证明, 民发〔2015〕149号): the number and the summary of the service. */

export const CERTIFICATE_PREFIX = 'ZYFW';

/** ZYFW-2026-000042: prefix, issuing year, the year's sequence (six digits, more if needed). */
export function certificateNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  return `${CERTIFICATE_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseCertificateNumber(certNo: string): { year: number; sequence: number } | null {
  const m = /^ZYFW-(\d{4})-(\d{6,})$/.exec(certNo);
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}

/** The service content line: the kinds of service with their hours, largest first, e.g. "志愿服务 12 小时；理论宣讲 4 小时". */
export function serviceContent(rows: ReadonlyArray<{ label: string; minutes: number }>): string {
  const byLabel = new Map<string, number>();
  for (const r of rows) byLabel.set(r.label, (byLabel.get(r.label) ?? 0) + r.minutes);
  return [...byLabel.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, m]) => `${label} ${Math.round((m / 60) * 100) / 100} 小时`)
    .join('；');
}
