// Configuration comes from environment variables with defaults. An invalid value stops the
// start with a message that names the variable, so a typo never runs with a silent default.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  demoData: boolean;
  logLevel: string;
  reservationTtlMinutes: number;
  sweepIntervalSeconds: number;
  sessionTtlDays: number;
  shippingFlatSatang: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  corsOrigins: string[];
  signInRateLimitPerMinute: number;
  secureCookies: boolean;
  checkoutBatchMax: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let u: URL;
  try { u = new URL(raw); } catch { throw new ConfigError(name, 'is not a valid URL'); }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new ConfigError(name, 'must be a postgres:// or postgresql:// URL');
  }
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): Config {
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const databaseUrl = url(env, 'DATABASE_URL');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl,
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    demoData: bool(env, 'DEMO_DATA', true),
    logLevel,
    reservationTtlMinutes: int(env, 'RESERVATION_TTL_MINUTES', 15, 1, 7 * 24 * 60),
    sweepIntervalSeconds: int(env, 'SWEEP_INTERVAL_SECONDS', 30, 1, 3600),
    sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 30, 1, 365),
    shippingFlatSatang: int(env, 'SHIPPING_FLAT_SATANG', 5000, 0, 10_000_000),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    uploadLimitBytes: int(env, 'UPLOAD_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    corsOrigins: (env.CORS_ORIGINS || '').split(',').map((s) => s.trim()).filter(Boolean),
    signInRateLimitPerMinute: int(env, 'SIGN_IN_RATE_LIMIT', 10, 1, 100000),
    secureCookies: bool(env, 'SECURE_COOKIES', false),
    checkoutBatchMax: int(env, 'CHECKOUT_BATCH_MAX', 500, 1, 5000),
  };
}
