// Releases the stock of orders not paid in time (RESERVATION_TTL_MINUTES), every SWEEP_INTERVAL_SECONDS.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db.ts';
import type { Config } from '../../platform/config.ts';
import { expireUnpaidOrders } from './service.ts';

export function startReservationSweeper(db: Db, config: Config, log: FastifyBaseLogger): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout;
  const sweep = async () => {
    try {
      let n: number;
      do {
        n = await expireUnpaidOrders(db);
        if (n) log.info({ expired: n }, 'released the stock of unpaid orders');
      } while (n > 0 && !stopped);
    } catch (err) {
      log.error({ err }, 'reservation sweep failed');
    }
    if (!stopped) timer = setTimeout(sweep, config.sweepIntervalSeconds * 1000);
  };
  timer = setTimeout(sweep, config.sweepIntervalSeconds * 1000);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
