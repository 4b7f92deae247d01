import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SECRETS = { GONGJIAN_SESSION_SECRET: 's'.repeat(40), GONGJIAN_ENCRYPTION_KEY: 'ab'.repeat(32) };

describe('loadConfig', () => {
  it('has working defaults for a newcomer', () => {
    const c = loadConfig({}, {}, '/srv/app');
    expect(c).toMatchObject({ env: 'development', host: 'localhost', port: 3000, dataDir: '/srv/app/data', databaseUrl: null, sessionIdleMinutes: 30, sessionMaxHours: 12, loginMaxFailures: 5, auditRetentionDays: 180 });
    expect(c.seedDemo).toBe(true);
  });

  it('reads GONGJIAN_ variables, the conventional PORT and DATABASE_URL, and flags over both', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
    expect(loadConfig({ PORT: '8080', GONGJIAN_PORT: '9090' }).port).toBe(9090);
    expect(loadConfig({ GONGJIAN_PORT: '9090' }, { port: 7070 }).port).toBe(7070);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/gj' }).databaseUrl).toBe('postgres://db/gj');
    expect(loadConfig({ GONGJIAN_DATA_DIR: 'state' }, {}, '/x').dataDir).toBe('/x/state');
    expect(loadConfig({ GONGJIAN_PASSWORD_REQUIRE_CLASSES: '3' }).password.requireClasses).toBe(3);
  });

  it.each([
    [{ GONGJIAN_PORT: 'abc' }, 'GONGJIAN_PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ GONGJIAN_SESSION_IDLE_MINUTES: '0' }, 'GONGJIAN_SESSION_IDLE_MINUTES'],
    [{ GONGJIAN_AUDIT_RETENTION_DAYS: '30' }, 'GONGJIAN_AUDIT_RETENTION_DAYS'],
    [{ GONGJIAN_TRUST_PROXY: 'maybe' }, 'GONGJIAN_TRUST_PROXY'],
    [{ GONGJIAN_ENV: 'staging' }, 'GONGJIAN_ENV'],
    [{ GONGJIAN_SESSION_SECRET: 'short' }, 'GONGJIAN_SESSION_SECRET'],
    [{ GONGJIAN_ENCRYPTION_KEY: 'not-a-key' }, 'GONGJIAN_ENCRYPTION_KEY'],
    [{ GONGJIAN_ADMIN_ACCOUNT: 'root' }, 'GONGJIAN_ADMIN_PASSWORD'],
    [{ GONGJIAN_PASSWORD_MIN_LENGTH: '6' }, 'GONGJIAN_PASSWORD_MIN_LENGTH'],
  ])('stops on %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as Error).message).toContain(variable);
    }
  });

  it('refuses production without secrets, and the embedded store unless allowed', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/GONGJIAN_SESSION_SECRET/);
    expect(() => loadConfig({ GONGJIAN_ENV: 'production', GONGJIAN_SESSION_SECRET: 's'.repeat(40) })).toThrow(/GONGJIAN_ENCRYPTION_KEY/);
    expect(() => loadConfig({ GONGJIAN_ENV: 'production', ...SECRETS })).toThrow(/DATABASE_URL/);
    const embedded = loadConfig({ GONGJIAN_ENV: 'production', ...SECRETS, GONGJIAN_ALLOW_EMBEDDED_DB: 'true' });
    expect(embedded.secureCookies).toBe(true);
    expect(embedded.seedDemo).toBe(false);
    const pg = loadConfig({ GONGJIAN_ENV: 'production', ...SECRETS, DATABASE_URL: 'postgresql://db/gj' });
    expect(pg.databaseUrl).toBe('postgresql://db/gj');
  });
});

describe('the README configuration table', () => {
  it('lists every variable with its default', async () => {
    const { CONFIG_VARIABLES } = await import('./config');
    const fs = await import('node:fs');
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const v of CONFIG_VARIABLES) expect(readme).toContain(`| \`${v.name}\` | ${v.default} | ${v.meaning} |`);
  });
});
