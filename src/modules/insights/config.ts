// What insights' routes share: the database and the public address that the open-data catalogue
// and metadata give as the datasets' URLs (PUBLIC_URL).
import { type Env, publicUrlOf } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';

export interface InsightsRuntime {
  db: Db;
  publicUrl: string;
}

export const loadInsightsRuntime = (env: Env, db: Db): InsightsRuntime => ({
  db,
  publicUrl: publicUrlOf(env),
});
