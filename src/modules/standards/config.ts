// The standards module's settings (README, "Configuration") and what its services share: the
// agencies' look-up (the sandbox unless STANDARDS_AGENCY_SANDBOX=false), the private storage of
// certificate documents and the public one of flagship banners.
import { type Env, envBool, envInt, publicUrlOf } from '../../platform/config.ts';
import type { Config } from '../../platform/config.ts';
import { createMediaStorage, createPrivateMediaStorage, type MediaStorage } from '../../platform/storage.ts';
import { type Agencies, agencies, sandboxAgency, unreachableAgency } from './agency.ts';

export interface StandardsRuntime {
  /** Each agency's look-up (its sandbox unless STANDARDS_AGENCY_SANDBOX=false). */
  agencies: Agencies;
  sandbox: boolean;
  documentLimitBytes: number;
  /** Share of a flagship store's products on sale that must carry a verified mark. */
  flagshipMinVerifiedPercent: number;
  /** Days before expiry the shop is told. */
  expiryNoticeDays: number;
  sweepMinutes: number;
  publicUrl: string;
  documents: MediaStorage;
  media: MediaStorage;
}

export function loadStandardsRuntime(env: Env, config: Pick<Config, 'dataDir'>): StandardsRuntime {
  const sandbox = envBool(env, 'STANDARDS_AGENCY_SANDBOX', true);
  return {
    agencies: agencies(sandbox ? sandboxAgency : unreachableAgency),
    sandbox,
    documentLimitBytes: envInt(env, 'STANDARDS_DOCUMENT_LIMIT_BYTES', 5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    flagshipMinVerifiedPercent: envInt(env, 'STANDARDS_FLAGSHIP_MIN_VERIFIED_PERCENT', 80, 0, 100),
    expiryNoticeDays: 30,
    sweepMinutes: envInt(env, 'STANDARDS_SWEEP_MINUTES', 60, 1, 24 * 60),
    publicUrl: publicUrlOf(env),
    documents: createPrivateMediaStorage(config),
    media: createMediaStorage(config),
  };
}

/** The date in Bangkok, `days` from `now`, as YYYY-MM-DD (certificates expire at the end of their date there). */
export const bangkokDay = (now = new Date(), days = 0): string =>
  new Date(now.getTime() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
