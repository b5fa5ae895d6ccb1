// The hub's background work: block lots as they reach their expiry date (every 10 minutes).
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db.ts';
import { blockExpiredLots } from './stock.ts';

export function startExpiryBlocker(db: Db, log: FastifyBaseLogger, intervalMs = 600_000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout;
  const tick = async () => {
    try {
      const n = await blockExpiredLots(db);
      if (n) log.info({ lots: n }, 'hub: expired lots blocked');
    } catch (err) {
      log.error({ err }, 'hub: blocking expired lots failed');
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 5_000);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
