// Outgoing webhooks (Standard Webhooks): a shop's endpoints and the topics they hear, each message
// made from an outbox event, its delivery to each endpoint (retried with back-off for 3 days), every
// attempt (the delivery log) and the notices a shop gets when an endpoint is disabled.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** order.paid, order.shipped, order.refunded, stock.low, review.posted */
    topics: text('topics').array().notNull(),
    /** "whsec_" + base64 of 32 random bytes: the endpoint's own signing secret. */
    secret: text('secret').notNull(),
    /** stock.low is sent when a variant's units on hand fall to this or fewer. */
    lowStockThreshold: integer('low_stock_threshold').notNull().default(5),
    /** enabled | disabled (by the shop, or by the platform after failing for 3 days) */
    status: text('status').notNull().default('enabled'),
    disabledReason: text('disabled_reason'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** The first failed attempt since the last success (null while it answers). */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_endpoints_seller_idx').on(t.sellerId),
    check('webhook_endpoints_threshold', sql`${t.lowStockThreshold} between 0 and 1000000`),
  ],
);

/** One event for one shop, as sent: its webhook-id and the exact body signed. */
export const webhookMessages = pgTable(
  'webhook_messages',
  {
    /** The webhook-id header ("msg_" + a UUIDv7 without dashes): the receiver's idempotency key. */
    id: text('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    topic: text('topic').notNull(),
    /** What made it ("<outbox event id>:<topic>"), so a redelivered event makes no second message. */
    sourceKey: text('source_key').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('webhook_messages_source_uq').on(t.sellerId, t.sourceKey)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => webhookMessages.id),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    sellerId: uuid('seller_id').notNull(),
    /** pending | succeeded | failed (gave up after 3 days, or its endpoint was disabled) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Retries stop after this (3 days after the message, or after a replay). */
    giveUpAt: timestamp('give_up_at', { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_message_endpoint_uq').on(t.messageId, t.endpointId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
  ],
);

/** Every attempt of a delivery: when, what the endpoint answered (or why nothing was sent). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    sellerId: uuid('seller_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    statusCode: integer('status_code'),
    /** A stable code: http_status, timeout, connection_failed, address_refused, redirect_refused */
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    /** The first 1,000 characters of the endpoint's answer. */
    responseBody: text('response_body'),
    /** Sent because the shop asked for it again. */
    replay: boolean('replay').notNull().default(false),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.at)],
);

/** What a shop is told about its endpoints (an endpoint disabled for failing). */
export const webhookNotices = pgTable(
  'webhook_notices',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('webhook_notices_seller_idx').on(t.sellerId, t.at)],
);
