// The transactional outbox: an event is written in the same transaction as the change that caused
// it, and a worker delivers it at least once to the handlers of later modules (which are idempotent).
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { outbox } from './schema.ts';
import { queryRows, type Db, type Executor } from './db.ts';

export interface OutboxEvent { topic: string; aggregateId: string; payload: Record<string, unknown> }
export type OutboxHandler = (db: Db, event: OutboxEvent & { id: number }) => Promise<void>;

export async function emit(tx: Executor, events: OutboxEvent | OutboxEvent[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length) await tx.insert(outbox).values(list);
}

/** Delivers pending events in id order; a failing event is retried on the next pass. */
export async function deliverOutbox(db: Db, handlers: Map<string, OutboxHandler[]>, limit = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: number; topic: string; aggregate_id: string; payload: Record<string, unknown> }>(tx, sql`
      select id::int as id, topic, aggregate_id, payload from outbox
      where delivered_at is null order by id limit ${limit} for update skip locked`);
    const delivered: number[] = [];
    for (const row of rows) {
      const event = { id: row.id, topic: row.topic, aggregateId: row.aggregate_id, payload: row.payload };
      try {
        for (const h of handlers.get(row.topic) ?? []) await h(db, event);
        delivered.push(row.id);
      } catch (err) {
        await tx.execute(sql`update outbox set attempts = attempts + 1, last_error = ${String(err)} where id = ${row.id}`);
      }
    }
    if (delivered.length) {
      await tx.execute(sql`update outbox set delivered_at = now(), attempts = attempts + 1
        where id = any(${`{${delivered.join(',')}}`}::bigint[])`);
    }
    return rows.length;
  });
}

export function startOutboxWorker(db: Db, handlers: Map<string, OutboxHandler[]>, log: FastifyBaseLogger, intervalMs = 1000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout;
  const tick = async () => {
    try {
      while (!stopped && (await deliverOutbox(db, handlers)) > 0);
    } catch (err) {
      log.error({ err }, 'outbox delivery failed');
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return () => { stopped = true; clearTimeout(timer); };
}
