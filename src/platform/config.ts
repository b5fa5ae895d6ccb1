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
  /** A lesson video uploaded to the academy (MP4 or WebM) may be at most this large. */
  videoLimitBytes: number;
  corsOrigins: string[];
  signInRateLimitPerMinute: number;
  secureCookies: boolean;
  checkoutBatchMax: number;
  /** AES-256-GCM key for personal data at rest (a Chinese buyer's ID number). */
  personalDataKey: Buffer;
  /** HMAC key for counting an identity across accounts without storing it in the clear. */
  identityHashKey: Buffer;
  /** Cross-border: the THB->CNY rate may be at most this old to sell to China. */
  cbecFxMaxAgeHours: number;
  /** Cross-border international freight per order: a base plus a rate per started kilogram (satang). */
  cbecFreightBaseSatang: number;
  cbecFreightPerKgSatang: number;
  /** The local customs sandbox answers receipts (true) instead of the real single window. */
  customsSandbox: boolean;
  customs: CustomsSettings;
}

export interface CustomsSettings {
  /** The platform's customs registration (ebpCode / copCode) and name. */
  platformCode: string;
  platformName: string;
  /** The payment company's and the line-haul carrier's customs codes and names. */
  payCode: string;
  payName: string;
  logisticsCode: string;
  logisticsName: string;
  /** The bonded warehouse operator (the hub, declaring CEB621) and its bonded account book. */
  hubCode: string;
  hubName: string;
  bondedBookNo: string;
  /** Customs office of the bonded zone and of the port of entry; the DXP id of the transmitter. */
  customsCode: string;
  portCode: string;
  dxpId: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/** Environment variables as the platform started with them. */
export type Env = Record<string, string | undefined>;

/** The process's environment: the one place it is read. Modules get it from their context. */
export const readEnv = (): Env => process.env;

/** A whole number between min and max, or the default when unset; anything else names the variable. */
export function envInt(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** true/false (also 1/0, yes/no, on/off), or the default when unset. */
export function envBool(env: Env, name: string, def: boolean): boolean {
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
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new ConfigError(name, 'must be a postgres:// or postgresql:// URL');
  }
  return raw;
}

/** Development keys: anyone can read them here, so a deployment with real money or customs refuses them. */
const DEV_PERSONAL_DATA_KEY = 'dGFsYWQtZGV2LXBlcnNvbmFsLWRhdGEta2V5LTMyYnk=';
const DEV_IDENTITY_HASH_KEY = 'dGFsYWQtZGV2LWlkZW50aXR5LWhhc2gta2V5LTMyYnk=';

function key32(env: Env, name: string, dev: string, production: boolean): Buffer {
  const raw = env[name]?.trim() || dev;
  if (production && raw === dev)
    throw new ConfigError(
      name,
      'must be set (32 random bytes, base64) when PAYMENTS_SANDBOX=false or CUSTOMS_SANDBOX=false; the development key is public',
    );
  const buf = Buffer.from(raw, 'base64');
  if (buf.length !== 32) throw new ConfigError(name, `must be 32 bytes in base64, got ${buf.length} bytes`);
  return buf;
}

/** A text matching a pattern, or the default when unset. */
export function envText(env: Env, name: string, def: string, pattern: RegExp, what: string): string {
  const raw = env[name]?.trim() || def;
  if (!pattern.test(raw)) throw new ConfigError(name, `must be ${what}, got "${raw}"`);
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = readEnv()): Config {
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const databaseUrl = url(env, 'DATABASE_URL');
  const customsSandbox = envBool(env, 'CUSTOMS_SANDBOX', true);
  const production = !customsSandbox || !envBool(env, 'PAYMENTS_SANDBOX', true);
  return {
    port: envInt(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl,
    dbPoolSize: envInt(env, 'DB_POOL_SIZE', 10, 1, 200),
    demoData: envBool(env, 'DEMO_DATA', true),
    logLevel,
    reservationTtlMinutes: envInt(env, 'RESERVATION_TTL_MINUTES', 15, 1, 7 * 24 * 60),
    sweepIntervalSeconds: envInt(env, 'SWEEP_INTERVAL_SECONDS', 30, 1, 3600),
    sessionTtlDays: envInt(env, 'SESSION_TTL_DAYS', 30, 1, 365),
    shippingFlatSatang: envInt(env, 'SHIPPING_FLAT_SATANG', 5000, 0, 10_000_000),
    bodyLimitBytes: envInt(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    uploadLimitBytes: envInt(env, 'UPLOAD_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    videoLimitBytes: envInt(env, 'VIDEO_LIMIT_BYTES', 100 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    corsOrigins: (env.CORS_ORIGINS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    signInRateLimitPerMinute: envInt(env, 'SIGN_IN_RATE_LIMIT', 10, 1, 100000),
    secureCookies: envBool(env, 'SECURE_COOKIES', false),
    checkoutBatchMax: envInt(env, 'CHECKOUT_BATCH_MAX', 500, 1, 5000),
    personalDataKey: key32(env, 'PERSONAL_DATA_KEY', DEV_PERSONAL_DATA_KEY, production),
    identityHashKey: key32(env, 'IDENTITY_HASH_KEY', DEV_IDENTITY_HASH_KEY, production),
    cbecFxMaxAgeHours: envInt(env, 'CBEC_FX_MAX_AGE_HOURS', 72, 1, 24 * 365),
    cbecFreightBaseSatang: envInt(env, 'CBEC_FREIGHT_BASE_SATANG', 8000, 0, 10_000_000),
    cbecFreightPerKgSatang: envInt(env, 'CBEC_FREIGHT_PER_KG_SATANG', 3000, 0, 10_000_000),
    customsSandbox,
    customs: {
      platformCode: envText(
        env,
        'CUSTOMS_PLATFORM_CODE',
        '4601960TLD',
        /^[0-9A-Z]{10}$/,
        '10 customs-registration characters',
      ),
      platformName: env.CUSTOMS_PLATFORM_NAME?.trim() || '塔拉跨境电商平台（沙箱）',
      payCode: envText(env, 'CUSTOMS_PAY_CODE', '31222699S7', /^[0-9A-Z]{10}$/, '10 customs-registration characters'),
      payName: env.CUSTOMS_PAY_NAME?.trim() || '支付宝（沙箱）',
      logisticsCode: envText(
        env,
        'CUSTOMS_LOGISTICS_CODE',
        '4601980TLX',
        /^[0-9A-Z]{10}$/,
        '10 customs-registration characters',
      ),
      logisticsName: env.CUSTOMS_LOGISTICS_NAME?.trim() || '塔拉跨境干线物流（沙箱）',
      hubCode: envText(env, 'CUSTOMS_HUB_CODE', '4601960HUB', /^[0-9A-Z]{10}$/, '10 customs-registration characters'),
      hubName: env.CUSTOMS_HUB_NAME?.trim() || '东部经济走廊保税仓（沙箱）',
      bondedBookNo: envText(
        env,
        'CUSTOMS_BONDED_BOOK_NO',
        'T4601W000001',
        /^[A-Z]\d{4}[A-Z]\d{6}$/,
        'a bonded account book number like T4601W000001',
      ),
      customsCode: envText(env, 'CUSTOMS_CODE', '4612', /^\d{4}$/, 'a 4-digit customs office code'),
      portCode: envText(env, 'CUSTOMS_PORT_CODE', '4612', /^\d{4}$/, 'a 4-digit customs office code'),
      dxpId: envText(env, 'CUSTOMS_DXP_ID', 'DXPENT0000TALAD1', /^[0-9A-Z]{1,30}$/, "the transmitter's DXP id"),
    },
  };
}

/** The address people reach the platform at (PUBLIC_URL, else this machine's port), without a trailing slash: for links in PDFs, QR codes and catalogues. */
export const publicUrlOf = (env: Env): string =>
  (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, '');
