// Tourism: community experiences (OCTO products with options and units), their availability
// (slots with a capacity), and bookings that hold capacity until paid and confirmed.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export interface Text3 {
  th: string;
  zh: string;
  en: string;
}
/** An OCTO unit: who a ticket is for, with its price in satang. */
export interface UnitDef {
  id: string;
  type: 'ADULT' | 'CHILD' | 'RESIDENT' | 'FOREIGNER';
  title: Text3;
  priceSatang: number;
}
export interface OptionDef {
  id: string;
  title: Text3;
  durationMinutes: number;
  units: UnitDef[];
}
export interface MeetingPoint {
  lat: number;
  lng: number;
  address: Text3;
  /** Directions for Chinese visitors (and th/en). */
  directions: Text3;
}
/** Refund share by hours before the start: e.g. [{ hoursBefore: 48, refundPercent: 100 }, { hoursBefore: 24, refundPercent: 50 }]. */
export interface CancellationRule {
  hoursBefore: number;
  refundPercent: number;
}

export const bookingStatus = pgEnum('tourism_booking_status', [
  'ON_HOLD',
  'PENDING',
  'CONFIRMED',
  'REDEEMED',
  'EXPIRED',
  'CANCELLED',
]);

export const experiences = pgTable(
  'tourism_experiences',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    provinceCode: text('province_code').notNull(),
    title: jsonb('title').$type<Text3>().notNull(),
    description: jsonb('description').$type<Text3>().notNull(),
    options: jsonb('options').$type<OptionDef[]>().notNull(),
    meetingPoint: jsonb('meeting_point').$type<MeetingPoint>().notNull(),
    guideLanguages: jsonb('guide_languages').$type<string[]>().notNull(),
    inclusions: jsonb('inclusions').$type<Text3[]>().notNull(),
    cancellation: jsonb('cancellation').$type<CancellationRule[]>().notNull(),
    /** Minutes before the start after which the slot takes no new booking. */
    cutoffMinutes: integer('cutoff_minutes').notNull().default(120),
    active: integer('active').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tourism_experiences_province').on(t.provinceCode), index('tourism_experiences_seller').on(t.sellerId)],
);

/**
 * A slot of one option: its start, capacity and the places taken by holds, pending and confirmed
 * bookings. `taken` only moves by a conditional update (taken + n <= capacity), so it never exceeds it.
 */
export const slots = pgTable(
  'tourism_slots',
  {
    id: uuid('id').primaryKey(),
    experienceId: uuid('experience_id')
      .notNull()
      .references(() => experiences.id),
    optionId: text('option_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    taken: integer('taken').notNull().default(0),
    /** Closed by the operator (a closure day, weather, a season's end). */
    closed: integer('closed').notNull().default(0),
  },
  (t) => [
    index('tourism_slots_experience_start').on(t.experienceId, t.startsAt),
    check('tourism_slots_taken_within', sql`${t.taken} >= 0 and ${t.taken} <= ${t.capacity}`),
  ],
);

export const bookings = pgTable(
  'tourism_bookings',
  {
    id: uuid('id').primaryKey(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => slots.id),
    experienceId: uuid('experience_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    provinceCode: text('province_code').notNull(),
    buyerKey: text('buyer_key').notNull(),
    /** Units booked: { unitId: quantity }. */
    units: jsonb('units').$type<Record<string, number>>().notNull(),
    places: integer('places').notNull(),
    totalSatang: integer('total_satang').notNull(),
    locale: text('locale').notNull().default('th'),
    status: bookingStatus('status').notNull(),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }).notNull(),
    orderId: uuid('order_id'),
    groupId: uuid('group_id'),
    resellerReference: text('reseller_reference'),
    /** The reseller (OCTO API key holder) that booked it; null for the platform's own visitors. */
    resellerId: uuid('reseller_id'),
    /** OCTO's contact and notes, as the reseller sent them. */
    contact: jsonb('contact').$type<Record<string, unknown>>(),
    notes: text('notes'),
    /** The ticket's short reference (printed, and typed by the operator when the QR cannot be read). */
    reference: text('reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** What the cancellation policy gave back, in satang. */
    refundSatang: integer('refund_satang'),
  },
  (t) => [
    index('tourism_bookings_slot').on(t.slotId),
    uniqueIndex('tourism_bookings_reference').on(t.reference),
    index('tourism_bookings_reseller').on(t.resellerId, t.resellerReference),
    index('tourism_bookings_hold').on(t.status, t.holdExpiresAt),
    index('tourism_bookings_order').on(t.orderId),
  ],
);

/** Resellers (OCTO API clients such as an OTA), managed by the platform operator; keys kept as SHA-256. */
export const resellers = pgTable('tourism_resellers', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** The first characters of the key, to tell keys apart in the console. */
  keyPrefix: text('key_prefix').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
