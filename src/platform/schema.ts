// Platform tables: the transactional outbox and stored idempotent responses.
import { pgTable, text, uuid, jsonb, timestamp, integer, bigserial, primaryKey, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Events written in the same transaction as the change that caused them; delivered at least once. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** A failed event is tried again from this time on (backing off). */
    retryAt: timestamp('retry_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`delivered_at is null`)],
);

/** The first answer to a money- or stock-moving request, returned again on a retry with the same key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
