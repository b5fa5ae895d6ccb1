// The transactional outbox: an event is written in the same transaction as the change that caused
// it, and a worker delivers it at least once to the handlers of later modules (which are idempotent).
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows, type Db, type Executor } from './db.ts';

export interface OutboxEvent {
  topic: string;
  aggregateId: string;
  payload: unknown;
}
export type OutboxHandler = ((db: Db, event: OutboxEvent & { id: number }) => Promise<unknown>) & {
  /**
   * For a handler that only brings something up to the current state (a search document, a
   * cached count): events with the same key in one delivery pass need one call, not one each. A
   * flash sale's 80,000 `order.placed` events for one product then cost a refresh per pass.
   */
  coalesceKey?: (event: OutboxEvent) => string | null;
};

/** Marks a handler as coalescing: see OutboxHandler.coalesceKey. */
export const coalescing = (key: (event: OutboxEvent) => string | null, handler: OutboxHandler): OutboxHandler =>
  Object.assign(handler, { coalesceKey: key });

/**
 * Writes events in the caller's transaction, as one statement with one parameter whatever their
 * number (a checkout batch writes hundreds). Modules emit through the typed `emit` of src/events.ts.
 */
export async function emitRaw(tx: Executor, events: readonly OutboxEvent[]): Promise<void> {
  if (!events.length) return;
  await tx.execute(sql`
    insert into outbox (topic, aggregate_id, payload)
    select topic, "aggregateId", payload
    from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(topic text, "aggregateId" uuid, payload jsonb)`);
}

/**
 * Delivers pending events in id order and returns how many it looked at. A failing event keeps its
 * error and waits before it is tried again (1 s, then twice as long each time, at most 5 minutes),
 * so that one that keeps failing neither holds back the others nor keeps the worker busy.
 */
export async function deliverOutbox(
  db: Db,
  handlers: Map<string, OutboxHandler[]>,
  opts: { limit?: number; now?: Date } = {},
): Promise<number> {
  const limit = opts.limit ?? 200;
  const now = (opts.now ?? new Date()).toISOString();
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: number; topic: string; aggregate_id: string; payload: Record<string, unknown> }>(
      tx,
      sql`
      select id::int as id, topic, aggregate_id, payload from outbox
      where delivered_at is null and (retry_at is null or retry_at <= ${now}::timestamptz)
      order by id limit ${limit} for update skip locked`,
    );
    const delivered: number[] = [];
    const done = new Map<OutboxHandler, Set<string>>(); // coalescing handlers: keys already handled in this pass
    const due = (h: OutboxHandler, event: OutboxEvent): boolean => {
      const key = h.coalesceKey?.(event);
      if (key == null) return true;
      const seen = done.get(h) ?? new Set<string>();
      done.set(h, seen);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    for (const row of rows) {
      const event = { id: row.id, topic: row.topic, aggregateId: row.aggregate_id, payload: row.payload };
      try {
        // The handlers run inside the delivering transaction: their writes commit together with the
        // "delivered" mark, and on PGlite, which has one connection, a handler never waits for the
        // connection this transaction holds.
        // Each handler in its own savepoint: one module's failure does not undo another's work (the
        // event is tried again, and handlers are idempotent, so the others' second run changes nothing).
        const forTopic = (handlers.get(row.topic) ?? []).filter((h) => due(h, event));
        const failures: unknown[] = [];
        for (const h of forTopic) {
          await tx
            .transaction(async (sp) => {
              await h(sp as unknown as Db, event);
            })
            .catch((err) => failures.push(err));
        }
        if (failures.length)
          throw failures.length === 1 ? failures[0] : new AggregateError(failures, failures.map(String).join('; '));
        delivered.push(row.id);
      } catch (err) {
        await tx.execute(
          sql`update outbox set attempts = attempts + 1, last_error = ${String(err)},
            retry_at = ${now}::timestamptz + make_interval(secs => least(power(2, attempts), 300))
            where id = ${row.id}`,
        );
      }
    }
    if (delivered.length) {
      await tx.execute(sql`update outbox set delivered_at = now(), attempts = attempts + 1
        where id = any(${`{${delivered.join(',')}}`}::bigint[])`);
    }
    return rows.length;
  });
}

export function startOutboxWorker(
  db: Db,
  handlers: Map<string, OutboxHandler[]>,
  log: FastifyBaseLogger,
  intervalMs = 1000,
): () => void {
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
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
