// Background work of the running platform: the sweeper that releases unpaid reservations, and
// the outbox handlers through which later modules learn about earlier ones' events.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './platform/db.ts';
import type { Config } from './platform/config.ts';
import type { OutboxHandler } from './platform/outbox.ts';
import { startReservationSweeper } from './modules/orders/sweeper.ts';
import { searchOutboxHandlers } from './modules/search/service.ts';
import { paymentsOutboxHandlers } from './modules/payments/routes.ts';
import { ledgerOutboxHandlers } from './modules/ledger/routes.ts';
import { documentOutboxHandlers } from './modules/documents/routes.ts';
import { crossborderOutboxHandlers } from './modules/crossborder/routes.ts';
import { customsOutboxHandlers, startCustomsJobs } from './modules/customs/routes.ts';
import { shippingOutboxHandlers } from './modules/shipping/routes.ts';
import { startCarrierSandbox } from './modules/shipping/sandbox.ts';
import { hubOutboxHandlers } from './modules/hub/routes.ts';
import { startExpiryBlocker } from './modules/hub/jobs.ts';
import { loadConfig } from './platform/config.ts';

export function startBackgroundJobs(db: Db, config: Config, log: FastifyBaseLogger): () => void {
  const stops = [
    startReservationSweeper(db, config, log),
    startCustomsJobs(db, config, log),
    startCarrierSandbox(db, log),
    startExpiryBlocker(db, log),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

export function outboxHandlers(config: Config = loadConfig()): Map<string, OutboxHandler[]> {
  const handlers = new Map<string, OutboxHandler[]>();
  const add = ([topic, handler]: [string, OutboxHandler]) =>
    handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
  searchOutboxHandlers().forEach(add);
  paymentsOutboxHandlers().forEach(add);
  ledgerOutboxHandlers().forEach(add);
  documentOutboxHandlers().forEach(add);
  crossborderOutboxHandlers().forEach(add);
  customsOutboxHandlers(config).forEach(add);
  shippingOutboxHandlers().forEach(add);
  hubOutboxHandlers().forEach(add);
  return handlers;
}
