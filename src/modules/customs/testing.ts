import type { Db } from '../../platform/db.ts';
import type { Platform } from '../../platform/module.ts';
import { customsModule } from './index.ts';
import { runSandboxOnce } from './service.ts';
// Test helpers of the customs module: its public entry plus what only tests reach.
export * from './index.ts';
export { isWaybillNo } from './carrier.ts';
export { receiveReceipt } from './service.ts';

/** Lets the customs sandbox answer every message waiting for it now (its job does every 2 s). */
export const answerCustoms = (app: { db: Db; platform: Platform }): Promise<number> =>
  runSandboxOnce(app.db, app.platform.runtime(customsModule));
