// Returns and disputes: each shop's return policy, the buyer's requests (one open per order line),
// their photos, and the history of every step (who, when, what).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A shop's return policy: how many days after delivery a buyer may ask. */
export const returnPolicies = pgTable(
  'return_policies',
  {
    sellerId: uuid('seller_id').primaryKey(),
    windowDays: integer('window_days').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('return_policies_window', sql`${t.windowDays} between 0 and 30`)],
);

/** Statuses in which a request is still open: only one of those per order line. */
export const OPEN_RETURN_STATUSES = [
  'requested',
  'offered',
  'refused',
  'escalated',
  'awaiting_return',
  'in_transit',
  'received',
] as const;

export const returnRequests = pgTable(
  'returns',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    /** The line's position in the order (lines in id order), as reviews count it. */
    lineNo: integer('line_no').notNull(),
    sellerId: uuid('seller_id').notNull(),
    buyerUserId: uuid('buyer_user_id').notNull(),
    /** 'return' (goods go back, then the refund) or 'refund_only' (the buyer keeps them). */
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    quantity: integer('quantity').notNull(),
    /** What the buyer asks back: the line's unit price x quantity, in the order's currency (satang). */
    requestedSatang: integer('requested_satang').notNull(),
    /** requested, offered, refused, escalated, awaiting_return, in_transit, received, refunded, closed, withdrawn */
    status: text('status').notNull().default('requested'),
    offerSatang: integer('offer_satang'),
    /** The amount agreed (the shop's acceptance, the buyer's acceptance of an offer, or the operator's decision). */
    agreedSatang: integer('agreed_satang'),
    sellerReason: text('seller_reason'),
    escalationNote: text('escalation_note'),
    operatorNote: text('operator_note'),
    /** A sale from the bonded hub: the goods go back to the hub, and customs is told. */
    crossBorder: boolean('cross_border').notNull().default(false),
    /** The hub the goods go back to (the one the order was shipped from), or null for the shop. */
    hubLocationId: uuid('hub_location_id'),
    shipmentId: uuid('shipment_id'),
    trackingNumber: text('tracking_number'),
    /** restock | destroy (hub returns), kept (the shop's own) */
    disposition: text('disposition'),
    customsGuid: text('customs_guid'),
    refundId: uuid('refund_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('returns_open_line_uq')
      .on(t.orderId, t.lineNo)
      .where(
        sql`${t.status} in ('requested', 'offered', 'refused', 'escalated', 'awaiting_return', 'in_transit', 'received')`,
      ),
    index('returns_seller_idx').on(t.sellerId, t.createdAt),
    index('returns_buyer_idx').on(t.buyerUserId, t.createdAt),
    index('returns_status_idx').on(t.status),
    uniqueIndex('returns_shipment_uq').on(t.shipmentId),
    check('returns_quantity', sql`${t.quantity} > 0`),
    check('returns_agreed_within_request', sql`${t.agreedSatang} is null or ${t.agreedSatang} <= ${t.requestedSatang}`),
  ],
);

export const returnPhotos = pgTable(
  'return_photos',
  {
    id: uuid('id').primaryKey(),
    returnId: uuid('return_id')
      .notNull()
      .references(() => returnRequests.id),
    sellerId: uuid('seller_id').notNull(),
    documentKey: text('document_key').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('return_photos_return_idx').on(t.returnId)],
);

/** Every step of a return, in order: what the buyer, the shop, the operator or the carrier did. */
export const returnSteps = pgTable(
  'return_steps',
  {
    id: uuid('id').primaryKey(),
    returnId: uuid('return_id')
      .notNull()
      .references(() => returnRequests.id),
    sellerId: uuid('seller_id').notNull(),
    /** requested, accepted, offered, offer_accepted, refused, escalated, operator_refund, operator_return, operator_rejected, label_booked, handed_over, received, refunded, withdrawn, customs_declared */
    step: text('step').notNull(),
    by: text('by').notNull(),
    note: text('note'),
    amountSatang: integer('amount_satang'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('return_steps_return_idx').on(t.returnId, t.at)],
);
