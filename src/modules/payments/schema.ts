// Payments' tables: intents (one buyer's attempt to pay one order group), the notifications seen
// (de-duplication), refunds, FX rates, and the local sandbox gateway's own records.
import {
  pgTable,
  text,
  uuid,
  timestamp,
  bigint,
  boolean,
  integer,
  numeric,
  jsonb,
  index,
  uniqueIndex,
  primaryKey,
  pgEnum,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orderGroups } from '../orders/schema.ts';

export const paymentIntentStatus = pgEnum('payment_intent_status', [
  'requires_action',
  'processing',
  'succeeded',
  'failed',
  'expired',
  'cancelled',
  'partially_refunded',
  'refunded',
]);
export const paymentMethod = pgEnum('payment_method', ['promptpay', 'alipay', 'card']);
export const refundStatus = pgEnum('refund_status', ['pending', 'succeeded', 'failed']);

/**
 * One attempt to pay an order group by one method. `amount` is what the buyer is charged, in the
 * minor units of `currency`; when that differs from the group's currency the conversion's rate,
 * source and rounding are kept beside it. `capturesGroup` marks the one capture a group may have.
 */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: uuid('id').primaryKey(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => orderGroups.id),
    method: paymentMethod('method').notNull(),
    provider: text('provider').notNull(),
    status: paymentIntentStatus('status').notNull().default('requires_action'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    groupAmount: bigint('group_amount', { mode: 'number' }).notNull(),
    groupCurrency: text('group_currency').notNull(),
    fxRate: numeric('fx_rate', { precision: 20, scale: 10 }),
    fxSource: text('fx_source'),
    fxRounding: text('fx_rounding'),
    reference: text('reference').notNull().unique(),
    providerRef: text('provider_ref'),
    redirectUrl: text('redirect_url'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    capturesGroup: boolean('captures_group').notNull().default(false),
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    failureCode: text('failure_code'),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_intents_group_idx').on(t.groupId),
    // Exactly one successful capture per order group, whatever arrives twice or out of order.
    uniqueIndex('payment_intents_one_capture_per_group').on(t.groupId).where(sql`captures_group`),
    uniqueIndex('payment_intents_provider_ref_key').on(t.provider, t.providerRef),
  ],
);

/** Every gateway notification acted on, by the gateway's own id: a replay finds its row and changes nothing. */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    provider: text('provider').notNull(),
    notificationId: text('notification_id').notNull(),
    intentId: uuid('intent_id'),
    kind: text('kind').notNull(),
    outcome: text('outcome').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.notificationId] })],
);

/**
 * Money going back to a buyer: for one order (seller_id set), or a whole intent that paid for a
 * group already paid or expired (order_id null). `amount` is in the order's currency,
 * `providerAmount` in the intent's.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey(),
    intentId: uuid('intent_id')
      .notNull()
      .references(() => paymentIntents.id),
    orderId: uuid('order_id'),
    sellerId: uuid('seller_id'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    providerAmount: bigint('provider_amount', { mode: 'number' }).notNull(),
    providerCurrency: text('provider_currency').notNull(),
    status: refundStatus('status').notNull().default('pending'),
    reason: text('reason').notNull(),
    providerRefundId: text('provider_refund_id'),
    requestedBy: text('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('refunds_intent_idx').on(t.intentId),
    index('refunds_order_idx').on(t.orderId),
    index('refunds_seller_idx').on(t.sellerId),
  ],
);

/** Exchange rates as data: units of `quote` per unit of `base`, from a named source, valid from a time. */
export const fxRates = pgTable(
  'fx_rates',
  {
    id: uuid('id').primaryKey(),
    base: text('base').notNull(),
    quote: text('quote').notNull(),
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull(),
    source: text('source').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fx_rates_pair_idx').on(t.base, t.quote, t.validFrom)],
);

/**
 * The local sandbox gateway's books (it stands in for Alipay and the card/PromptPay gateway, which
 * cannot be reached from here): the charges it was asked to collect...
 */
export const sandboxCharges = pgTable(
  'sandbox_gateway_charges',
  {
    id: text('id').primaryKey(),
    gateway: text('gateway').notNull(),
    method: text('method').notNull(),
    merchantRequestId: text('merchant_request_id').notNull(),
    reference: text('reference').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull().default('pending'),
    refunded: bigint('refunded', { mode: 'number' }).notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sandbox_charges_request_key').on(t.gateway, t.merchantRequestId),
    index('sandbox_charges_reference_idx').on(t.reference),
  ],
);

/** ...the refunds it was asked to make, once per merchant refund id... */
export const sandboxRefunds = pgTable(
  'sandbox_gateway_refunds',
  {
    id: text('id').primaryKey(),
    gateway: text('gateway').notNull(),
    chargeId: text('charge_id')
      .notNull()
      .references(() => sandboxCharges.id),
    merchantRefundId: text('merchant_refund_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sandbox_refunds_request_key').on(t.gateway, t.merchantRefundId)],
);

/** ...and the signed notifications it owes the platform, retried until answered as the provider expects. */
export const sandboxDeliveries = pgTable(
  'sandbox_gateway_deliveries',
  {
    id: uuid('id').primaryKey(),
    gateway: text('gateway').notNull(),
    body: jsonb('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastAnswer: text('last_answer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sandbox_deliveries_due_idx').on(t.nextAttemptAt).where(sql`delivered_at is null`)],
);

/**
 * What a group must be paid with, when its seller-side module fixed it (cross-border: the CNY landed
 * total the customs order declares, and the buyer whose real name and ID must be the payer's — as a
 * keyed hash, never the number). A group without a row is paid the usual way.
 */
export const paymentRequirements = pgTable('payment_requirements', {
  groupId: uuid('group_id')
    .primaryKey()
    .references(() => orderGroups.id),
  method: paymentMethod('method').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  fxRate: numeric('fx_rate', { precision: 20, scale: 10 }),
  fxSource: text('fx_source'),
  payerFingerprint: text('payer_fingerprint').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
