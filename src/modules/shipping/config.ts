// Shipping settings from environment variables (README, "Configuration"). With CARRIER_SANDBOX=true
// (the default) Thailand Post and the line-haul carrier are the local carrier sandbox, which emits
// tracking events on a schedule stored in the database: one carrier hour takes
// CARRIER_SANDBOX_SECONDS_PER_HOUR real seconds.
import { type Config, type Env, envBool, envInt, publicUrlOf } from '../../platform/config.ts';
import { createPrivateMediaStorage, type MediaStorage } from '../../platform/storage.ts';

export interface ShippingConfig {
  sandbox: boolean;
  secondsPerCarrierHour: number;
  pollSeconds: number;
  publicUrl: string;
  /** Private storage of delivery proofs (photos and signatures). */
  proofs: MediaStorage;
  proofLimitBytes: number;
}

export function loadShippingConfig(env: Env, config: Pick<Config, 'dataDir' | 'uploadLimitBytes'>): ShippingConfig {
  return {
    sandbox: envBool(env, 'CARRIER_SANDBOX', true),
    secondsPerCarrierHour: envInt(env, 'CARRIER_SANDBOX_SECONDS_PER_HOUR', 60, 0, 3600),
    pollSeconds: envInt(env, 'CARRIER_SANDBOX_POLL_SECONDS', 5, 1, 3600),
    publicUrl: publicUrlOf(env),
    proofs: createPrivateMediaStorage(config),
    proofLimitBytes: config.uploadLimitBytes,
  };
}
