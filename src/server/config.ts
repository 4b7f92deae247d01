/**
 * One typed configuration object, read from environment variables (prefix GONGJIAN_, plus the
 * conventional PORT and DATABASE_URL) and command-line overrides, validated once at start.
 * A wrong value stops the start with a message naming the variable.
 */
import path from 'node:path';

export type Environment = 'development' | 'production' | 'test';

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password needs; 0 = no rule. */
  requireClasses: number;
  /** Days after which a password must be changed; 0 = never. */
  expiryDays: number;
  /** Refuse passwords from the bundled list of common passwords. */
  refuseCommon: boolean;
}

export interface Config {
  env: Environment;
  host: string;
  port: number;
  /** Directory of the embedded database and other local state. */
  dataDir: string;
  /** PostgreSQL URL; when null the embedded PGlite store in dataDir is used. */
  databaseUrl: string | null;
  databasePoolMax: number;
  /** Production refuses PGlite unless this is set. */
  allowEmbeddedInProduction: boolean;
  sessionSecret: string | null;
  encryptionKey: string | null;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** How long a resolved session or token is reused without asking the database (0 = never); see platform/principal-cache.ts. */
  principalCacheSeconds: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  loginLockMinutes: number;
  /** Failed logins from one address, across accounts, within the window before the address is refused (offices share one address). */
  loginMaxFailuresPerAddress: number;
  /** Days a bulk account's activation code stays valid. */
  activationCodeDays: number;
  /** Failed activations (wrong code or identity) per person and per address within the login window before they are refused. */
  activationMaxFailures: number;
  activationMaxFailuresPerAddress: number;
  password: PasswordPolicy;
  auditRetentionDays: number;
  logLevel: string;
  trustProxy: boolean;
  /** Cookies carry the Secure flag (default: on in production). */
  secureCookies: boolean;
  adminAccount: string | null;
  adminPassword: string | null;
  /** Requests per minute per client IP on the API (0 = off). */
  rateLimitPerMinute: number;
  /** Requests per minute per client IP on the login route. */
  loginRateLimitPerMinute: number;
  /** Serve the built web app from this directory when it exists. */
  webDir: string;
  /** Uploaded files (photos, documents), addressed by sha-256, outside the database. */
  uploadDir: string;
  /** Seed the demo data on the first start of an empty embedded database. */
  seedDemo: boolean;
  /** How big a demo city the first start seeds. */
  seedScale: 'small' | 'county' | 'city';
  /** When set, /metrics requires Authorization: Bearer <token>. */
  metricsToken: string | null;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Source = Record<string, string | undefined>;

const MIN_AUDIT_RETENTION_DAYS = 180;

function readString(src: Source, name: string): string | undefined {
  const v = src[name];
  return v === undefined || v === '' ? undefined : v;
}

function readInt(src: Source, name: string, fallback: number, min: number, max: number): number {
  const raw = readString(src, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function readBool(src: Source, name: string, fallback: boolean): boolean {
  const raw = readString(src, name);
  if (raw === undefined) return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function readEnum<T extends string>(src: Source, name: string, values: readonly T[], fallback: T): T {
  const raw = readString(src, name);
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** Command-line flags that override the environment, named like the variables without prefix. */
export interface ConfigOverrides {
  host?: string;
  port?: string | number;
  dataDir?: string;
  databaseUrl?: string;
  env?: string;
  logLevel?: string;
}

/**
 * Builds the configuration from an environment map (process.env by default) and flag overrides.
 * Throws ConfigError naming the first wrong variable.
 */
export function loadConfig(env: Source = process.env, overrides: ConfigOverrides = {}, cwd = process.cwd()): Config {
  const src: Source = { ...env };
  const set = (name: string, v: string | number | undefined) => {
    if (v !== undefined) src[name] = String(v);
  };
  set('GONGJIAN_HOST', overrides.host);
  set('GONGJIAN_PORT', overrides.port);
  set('GONGJIAN_DATA_DIR', overrides.dataDir);
  set('GONGJIAN_DATABASE_URL', overrides.databaseUrl);
  set('GONGJIAN_ENV', overrides.env);
  set('GONGJIAN_LOG_LEVEL', overrides.logLevel);

  const envName = readEnum<Environment>(
    src,
    'GONGJIAN_ENV',
    ['development', 'production', 'test'],
    src.NODE_ENV === 'production' ? 'production' : src.NODE_ENV === 'test' ? 'test' : 'development',
  );
  const production = envName === 'production';

  const portName = readString(src, 'GONGJIAN_PORT') !== undefined ? 'GONGJIAN_PORT' : 'PORT';
  const port = readInt(src, portName, 3000, 0, 65535);

  const databaseUrlName = readString(src, 'GONGJIAN_DATABASE_URL') !== undefined ? 'GONGJIAN_DATABASE_URL' : 'DATABASE_URL';
  const databaseUrl = readString(src, databaseUrlName) ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(databaseUrlName, 'must start with postgres:// or postgresql://');
  }

  const sessionSecret = readString(src, 'GONGJIAN_SESSION_SECRET') ?? null;
  if (sessionSecret !== null && sessionSecret.length < 32) {
    throw new ConfigError('GONGJIAN_SESSION_SECRET', 'must be at least 32 characters');
  }
  const encryptionKey = readString(src, 'GONGJIAN_ENCRYPTION_KEY') ?? null;
  if (encryptionKey !== null && !isValidKey(encryptionKey)) {
    throw new ConfigError('GONGJIAN_ENCRYPTION_KEY', 'must be 32 bytes as 64 hex characters or base64');
  }
  const allowEmbeddedInProduction = readBool(src, 'GONGJIAN_ALLOW_EMBEDDED_DB', false);

  if (production) {
    if (sessionSecret === null) throw new ConfigError('GONGJIAN_SESSION_SECRET', 'is required in production');
    if (encryptionKey === null) throw new ConfigError('GONGJIAN_ENCRYPTION_KEY', 'is required in production');
    if (databaseUrl === null && !allowEmbeddedInProduction) {
      throw new ConfigError(
        'DATABASE_URL',
        'production runs on PostgreSQL; set DATABASE_URL, or GONGJIAN_ALLOW_EMBEDDED_DB=true to accept the embedded store',
      );
    }
  }

  const auditRetentionDays = readInt(src, 'GONGJIAN_AUDIT_RETENTION_DAYS', 180, MIN_AUDIT_RETENTION_DAYS, 36500);
  const adminAccount = readString(src, 'GONGJIAN_ADMIN_ACCOUNT') ?? null;
  const adminPassword = readString(src, 'GONGJIAN_ADMIN_PASSWORD') ?? null;
  if (adminAccount !== null && adminPassword === null) {
    throw new ConfigError('GONGJIAN_ADMIN_PASSWORD', 'is required when GONGJIAN_ADMIN_ACCOUNT is set');
  }

  const logLevel = readEnum(src, 'GONGJIAN_LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], envName === 'test' ? 'silent' : 'info');

  const dataDir = path.resolve(cwd, readString(src, 'GONGJIAN_DATA_DIR') ?? 'data');

  return {
    env: envName,
    host: readString(src, 'GONGJIAN_HOST') ?? (readString(src, 'HOST') ?? 'localhost'),
    port,
    dataDir,
    databaseUrl,
    databasePoolMax: readInt(src, 'GONGJIAN_DATABASE_POOL_MAX', 10, 1, 500),
    allowEmbeddedInProduction,
    sessionSecret,
    encryptionKey,
    sessionIdleMinutes: readInt(src, 'GONGJIAN_SESSION_IDLE_MINUTES', 30, 1, 7 * 24 * 60),
    sessionMaxHours: readInt(src, 'GONGJIAN_SESSION_MAX_HOURS', 12, 1, 24 * 90),
    principalCacheSeconds: readInt(src, 'GONGJIAN_PRINCIPAL_CACHE_SECONDS', 5, 0, 300),
    loginMaxFailures: readInt(src, 'GONGJIAN_LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: readInt(src, 'GONGJIAN_LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    loginLockMinutes: readInt(src, 'GONGJIAN_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginMaxFailuresPerAddress: readInt(src, 'GONGJIAN_LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 1_000_000),
    activationCodeDays: readInt(src, 'GONGJIAN_ACTIVATION_CODE_DAYS', 14, 1, 90),
    activationMaxFailures: readInt(src, 'GONGJIAN_ACTIVATION_MAX_FAILURES', 5, 1, 1000),
    activationMaxFailuresPerAddress: readInt(src, 'GONGJIAN_ACTIVATION_MAX_FAILURES_PER_ADDRESS', 50, 1, 1_000_000),
    password: {
      minLength: readInt(src, 'GONGJIAN_PASSWORD_MIN_LENGTH', 10, 8, 128),
      requireClasses: readInt(src, 'GONGJIAN_PASSWORD_REQUIRE_CLASSES', 0, 0, 4),
      expiryDays: readInt(src, 'GONGJIAN_PASSWORD_EXPIRY_DAYS', 0, 0, 3650),
      refuseCommon: readBool(src, 'GONGJIAN_PASSWORD_REFUSE_COMMON', true),
    },
    auditRetentionDays,
    logLevel,
    trustProxy: readBool(src, 'GONGJIAN_TRUST_PROXY', false),
    secureCookies: readBool(src, 'GONGJIAN_SECURE_COOKIES', production),
    adminAccount,
    adminPassword,
    rateLimitPerMinute: readInt(src, 'GONGJIAN_RATE_LIMIT_PER_MINUTE', 0, 0, 10_000_000),
    loginRateLimitPerMinute: readInt(src, 'GONGJIAN_LOGIN_RATE_LIMIT_PER_MINUTE', 1000, 1, 100_000),
    webDir: path.resolve(cwd, readString(src, 'GONGJIAN_WEB_DIR') ?? 'dist/web'),
    uploadDir: path.resolve(cwd, readString(src, 'GONGJIAN_UPLOAD_DIR') ?? path.join(dataDir, 'uploads')),
    seedDemo: readBool(src, 'GONGJIAN_SEED_DEMO', envName === 'development'),
    metricsToken: readString(src, 'GONGJIAN_METRICS_TOKEN') ?? null,
    seedScale: readEnum(src, 'GONGJIAN_SEED_SCALE', ['small', 'county', 'city'], 'county'),
  };
}

function isValidKey(key: string): boolean {
  if (/^[0-9a-fA-F]{64}$/.test(key)) return true;
  try {
    return Buffer.from(key, 'base64').length === 32;
  } catch {
    return false;
  }
}

/** The configuration table for the docs: variable, default, meaning. */
export const CONFIG_VARIABLES: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  { name: 'GONGJIAN_ENV', default: 'development (NODE_ENV)', meaning: 'development, production or test' },
  { name: 'GONGJIAN_HOST', default: 'localhost', meaning: 'address to listen on' },
  { name: 'GONGJIAN_PORT / PORT', default: '3000', meaning: 'port to listen on' },
  { name: 'GONGJIAN_DATA_DIR', default: './data', meaning: 'embedded database and local state' },
  { name: 'DATABASE_URL / GONGJIAN_DATABASE_URL', default: '(embedded PGlite)', meaning: 'PostgreSQL connection URL' },
  { name: 'GONGJIAN_DATABASE_POOL_MAX', default: '10', meaning: 'PostgreSQL pool size' },
  { name: 'GONGJIAN_ALLOW_EMBEDDED_DB', default: 'false', meaning: 'allow PGlite in production' },
  { name: 'GONGJIAN_SESSION_SECRET', default: '(generated in dev)', meaning: '32+ characters; required in production' },
  { name: 'GONGJIAN_ENCRYPTION_KEY', default: '(generated in dev)', meaning: '32 bytes, hex or base64; encrypts personal data; required in production' },
  { name: 'GONGJIAN_SESSION_IDLE_MINUTES', default: '30', meaning: 'session idle timeout' },
  { name: 'GONGJIAN_SESSION_MAX_HOURS', default: '12', meaning: 'session absolute lifetime' },
  { name: 'GONGJIAN_PRINCIPAL_CACHE_SECONDS', default: '5', meaning: 'seconds a resolved session or token is reused per process (0 = never)' },
  { name: 'GONGJIAN_LOGIN_MAX_FAILURES', default: '5', meaning: 'failed logins before the account locks' },
  { name: 'GONGJIAN_LOGIN_WINDOW_MINUTES', default: '15', meaning: 'window in which failures are counted' },
  { name: 'GONGJIAN_LOGIN_LOCK_MINUTES', default: '15', meaning: 'how long a locked account stays locked' },
  { name: 'GONGJIAN_LOGIN_MAX_FAILURES_PER_ADDRESS', default: '100', meaning: 'failed logins from one address (any accounts) before the address is refused for the lock period' },
  { name: 'GONGJIAN_ACTIVATION_CODE_DAYS', default: '14', meaning: 'days a bulk account activation code stays valid' },
  { name: 'GONGJIAN_ACTIVATION_MAX_FAILURES', default: '5', meaning: 'failed activations per person before refusal for the lock period' },
  { name: 'GONGJIAN_ACTIVATION_MAX_FAILURES_PER_ADDRESS', default: '50', meaning: 'failed activations per address before refusal for the lock period' },
  { name: 'GONGJIAN_PASSWORD_MIN_LENGTH', default: '10', meaning: 'minimum password length (8 or more)' },
  { name: 'GONGJIAN_PASSWORD_REQUIRE_CLASSES', default: '0', meaning: 'character classes required (3 for 等保2.0)' },
  { name: 'GONGJIAN_PASSWORD_EXPIRY_DAYS', default: '0', meaning: 'days before a password must be changed (0 = never)' },
  { name: 'GONGJIAN_PASSWORD_REFUSE_COMMON', default: 'true', meaning: 'refuse the bundled list of common passwords' },
  { name: 'GONGJIAN_AUDIT_RETENTION_DAYS', default: '180', meaning: 'audit retention (minimum 180, six months)' },
  { name: 'GONGJIAN_LOG_LEVEL', default: 'info', meaning: 'pino log level' },
  { name: 'GONGJIAN_TRUST_PROXY', default: 'false', meaning: 'trust X-Forwarded-* from a reverse proxy' },
  { name: 'GONGJIAN_SECURE_COOKIES', default: 'true in production', meaning: 'Secure flag on cookies' },
  { name: 'GONGJIAN_ADMIN_ACCOUNT / _PASSWORD', default: '(generated)', meaning: 'first admin on an empty database' },
  { name: 'GONGJIAN_RATE_LIMIT_PER_MINUTE', default: '0 (off)', meaning: 'API requests per minute per IP' },
  { name: 'GONGJIAN_LOGIN_RATE_LIMIT_PER_MINUTE', default: '1000', meaning: 'login requests per minute per IP (an office of hundreds shares one address; failures are limited per account and per address)' },
  { name: 'GONGJIAN_WEB_DIR', default: './dist/web', meaning: 'built web app to serve' },
  { name: 'GONGJIAN_UPLOAD_DIR', default: '(data dir)/uploads', meaning: 'uploaded photos and documents (by sha-256), outside the database' },
  { name: 'GONGJIAN_METRICS_TOKEN', default: '(none)', meaning: 'bearer token required on /metrics when set' },
  { name: 'GONGJIAN_SEED_DEMO', default: 'true in development only', meaning: 'seed demo data on first start of an empty database' },
  { name: 'GONGJIAN_SEED_SCALE', default: 'county', meaning: 'size of that demo city: small, county or city' },
];
