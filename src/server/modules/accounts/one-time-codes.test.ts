import { describe, expect, it } from 'vitest';
import { LogCodeProvider, newOneTimeCode, type OneTimeCodeProvider } from './one-time-codes';

describe('one-time code providers', () => {
  it('makes six-digit codes that differ', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newOneTimeCode()));
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(190);
  });

  it('the development provider writes the code to the log with the phone masked', async () => {
    const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
    const provider: OneTimeCodeProvider = new LogCodeProvider({ info: ((fields: Record<string, unknown>, message: string) => lines.push({ fields, message })) as never });
    await provider.send({ to: '13812345678', code: '042137', purpose: 'login', validMinutes: 5 });
    expect(provider.channel).toBe('log');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fields).toMatchObject({ to: '138****5678', code: '042137', purpose: 'login', validMinutes: 5 });
    expect(JSON.stringify(lines[0])).not.toContain('13812345678');
  });
});
