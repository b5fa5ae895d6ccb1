// Shipping settings from environment variables (README, "Configuration"). With CARRIER_SANDBOX=true
// (the default) Thailand Post and the line-haul carrier are the local carrier sandbox, which emits
// tracking events on a schedule stored in the database: one carrier hour takes
// CARRIER_SANDBOX_SECONDS_PER_HOUR real seconds.
import { ConfigError } from '../../platform/config.ts';

export interface ShippingConfig {
  sandbox: boolean;
  secondsPerCarrierHour: number;
  pollSeconds: number;
  publicUrl: string;
}

type Env = Record<string, string | undefined>;

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function loadShippingConfig(env: Env = process.env): ShippingConfig {
  const raw = (env.CARRIER_SANDBOX ?? 'true').trim().toLowerCase();
  if (raw !== 'true' && raw !== 'false')
    throw new ConfigError('CARRIER_SANDBOX', `must be true or false, got "${raw}"`);
  return {
    sandbox: raw === 'true',
    secondsPerCarrierHour: whole(env, 'CARRIER_SANDBOX_SECONDS_PER_HOUR', 60, 0, 3600),
    pollSeconds: whole(env, 'CARRIER_SANDBOX_POLL_SECONDS', 5, 1, 3600),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, ''),
  };
}
