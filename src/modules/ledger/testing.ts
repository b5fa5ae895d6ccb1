// Test helper: deliver every pending outbox event to the handlers of payments and the ledger (and any
// later module's, passed in), as the worker of `npm start` does every second.
import { deliverOutbox, type OutboxHandler } from '../../platform/outbox.ts';
import type { Db } from '../../platform/db.ts';
import { paymentsOutboxHandlers } from '../payments/routes.ts';
import { ledgerOutboxHandlers } from './routes.ts';

export function moneyHandlers(extra: [string, OutboxHandler][] = []): Map<string, OutboxHandler[]> {
  const handlers = new Map<string, OutboxHandler[]>();
  for (const [topic, h] of [...paymentsOutboxHandlers(), ...ledgerOutboxHandlers(), ...extra])
    handlers.set(topic, [...(handlers.get(topic) ?? []), h]);
  return handlers;
}

export async function drainOutbox(db: Db, handlers = moneyHandlers()): Promise<void> {
  for (let i = 0; i < 50 && (await deliverOutbox(db, handlers)) > 0; i++);
}
