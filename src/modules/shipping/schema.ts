// Shipping owns shipments (a carrier's booking for an order's parcels), their tracking events, and
// the carrier sandbox's schedule of events still to come (stored, so it survives restarts).
import { sql } from 'drizzle-orm';
import {
  pgTable,
  pgSequence,
  pgView,
  text,
  uuid,
  timestamp,
  integer,
  jsonb,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export interface Parcel {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}
export interface Consignee {
  name: string;
  phone: string;
  address: string;
  districtCode: string;
}

/** Serial numbers for the S10 tracking numbers the platform's Thailand Post account issues. */
export const s10Serial = pgSequence('shipping_s10_serial', { startWith: 1, minValue: 1, maxValue: 99999999 });

export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    /** 'thailand-post' | 'kerry-express' | 'flash-express' | 'jt-express' | 'linehaul-cn' */
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    /** booked -> handed_over -> in_transit -> out_for_delivery -> delivered (or failed_attempt on the way) */
    status: text('status').notNull().default('booked'),
    /** 'hub': booked by the hub from its location; 'seller': the seller shipped it itself and gave the number. */
    fulfilment: text('fulfilment').notNull(),
    fromLocationId: uuid('from_location_id'),
    parcels: jsonb('parcels').$type<Parcel[]>().notNull(),
    /** What makes a second booking of the same order and parcels the same booking. */
    bookingKey: text('booking_key').notNull(),
    waybillNo: text('waybill_no'),
    consignee: jsonb('consignee').$type<Consignee>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('shipments_order_idx').on(t.orderId),
    index('shipments_seller_idx').on(t.sellerId, t.createdAt),
    uniqueIndex('shipments_booking_key').on(t.orderId, t.bookingKey),
    uniqueIndex('shipments_tracking_key').on(t.carrier, t.trackingNumber),
  ],
);

/** What the carrier said happened to a shipment, in order. */
export const trackingEvents = pgTable(
  'tracking_events',
  {
    id: uuid('id').primaryKey(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    sellerId: uuid('seller_id').notNull(),
    /** booked, accepted, in_transit, at_border, customs_cleared, out_for_delivery, failed_attempt, delivered, shipped_by_seller */
    code: text('code').notNull(),
    /** Where, as the carrier names it, in th / zh / en. */
    place: jsonb('place').$type<{ th: string; zh: string; en: string }>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** 'sandbox' (the carrier sandbox), 'seller' (entered by the shop), 'platform' */
    source: text('source').notNull(),
    /** Position in the carrier's schedule: one event per step, so a re-run emits nothing twice. */
    step: integer('step'),
  },
  (t) => [
    index('tracking_events_shipment_idx').on(t.shipmentId, t.occurredAt),
    uniqueIndex('tracking_events_step_key').on(t.shipmentId, t.step),
  ],
);

/** The carrier sandbox's events still to come: due times on a time-scaled schedule. */
export const sandboxSchedule = pgTable(
  'carrier_sandbox_schedule',
  {
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    step: integer('step').notNull(),
    code: text('code').notNull(),
    place: jsonb('place').$type<{ th: string; zh: string; en: string }>(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    emittedAt: timestamp('emitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('carrier_sandbox_schedule_key').on(t.shipmentId, t.step),
    index('carrier_sandbox_schedule_due_idx').on(t.dueAt),
  ],
);

/**
 * What proves that a parcel the shop shipped itself reached its buyer: a photo of the parcel at the
 * door or the recipient's signature, kept in private storage for the buyer, the shop and operators.
 * One per order; its time starts the payout hold.
 */
export const deliveryProofs = pgTable('delivery_proofs', {
  orderId: uuid('order_id').primaryKey(),
  shipmentId: uuid('shipment_id').references(() => shipments.id),
  sellerId: uuid('seller_id').notNull(),
  /** 'photo' | 'signature' */
  kind: text('kind').notNull(),
  documentKey: text('document_key').notNull(),
  contentType: text('content_type').notNull(),
  bytes: integer('bytes').notNull(),
  recipientName: text('recipient_name').notNull(),
  note: text('note'),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
  recordedBy: uuid('recorded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// --- Published for finance (credit profiles), read-only; the columns are a contract. ---
/** Each shop's shipments per Bangkok month of booking: how many reached the carrier within 48 hours, and were delivered. */
export const sellerShippingMonthly = pgView('seller_shipping_monthly', {
  sellerId: uuid('seller_id').notNull(),
  month: text('month').notNull(),
  shipments: integer('shipments').notNull(),
  handedOverOnTime: integer('handed_over_on_time').notNull(),
  delivered: integer('delivered').notNull(),
}).as(
  sql`select seller_id, to_char(created_at at time zone 'Asia/Bangkok', 'YYYY-MM') as month, count(*)::int as shipments, (count(*) filter (where handed_over_at is not null and handed_over_at <= created_at + interval '48 hours'))::int as handed_over_on_time, (count(*) filter (where delivered_at is not null))::int as delivered from shipments group by 1, 2`,
);
