// B2B trade: business buyer accounts (company, country, registration checked and verified, team,
// language), requests for quotation, sellers' quotes (one per shop and request, editable once).
import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';
import { sellers } from '../sellers/schema.ts';

export const tradeBuyers = pgTable('trade_buyers', {
  id: uuid('id').primaryKey(),
  companyName: text('company_name').notNull(),
  country: text('country').notNull(),
  registrationNumber: text('registration_number').notNull(),
  registrationVerifiedAt: timestamp('registration_verified_at', { withTimezone: true }),
  language: text('language').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tradeBuyerMembers = pgTable(
  'trade_buyer_members',
  {
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => tradeBuyers.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.buyerId, t.userId] })],
);

/** The categories a shop trades in (its own choice), matched against requests. */
export const tradeSellerProfiles = pgTable('trade_seller_profiles', {
  sellerId: uuid('seller_id')
    .primaryKey()
    .references(() => sellers.id),
  categoryIds: jsonb('category_ids').$type<string[]>().notNull(),
});

export const tradeRfqs = pgTable('trade_rfqs', {
  id: uuid('id').primaryKey(),
  buyerId: uuid('buyer_id')
    .notNull()
    .references(() => tradeBuyers.id),
  createdBy: uuid('created_by').notNull(),
  product: text('product').notNull(),
  language: text('language').notNull(),
  categoryId: uuid('category_id').notNull(),
  quantity: integer('quantity').notNull(),
  unit: text('unit').notNull(),
  targetPriceMinor: integer('target_price_minor'),
  currency: text('currency').notNull(),
  incoterm: text('incoterm').notNull(),
  transportMode: text('transport_mode').notNull(),
  place: text('place').notNull(),
  deliveryFrom: date('delivery_from').notNull(),
  deliveryTo: date('delivery_to').notNull(),
  certifications: jsonb('certifications').$type<string[]>().notNull(),
  sampleWanted: boolean('sample_wanted').notNull(),
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  status: text('status').notNull(),
  closedReason: text('closed_reason'),
  quoteCount: integer('quote_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tradeQuotes = pgTable(
  'trade_quotes',
  {
    id: uuid('id').primaryKey(),
    rfqId: uuid('rfq_id')
      .notNull()
      .references(() => tradeRfqs.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    unitPriceSatang: integer('unit_price_satang').notNull(),
    moq: integer('moq').notNull(),
    tiers: jsonb('tiers').$type<{ minQuantity: number; unitPriceSatang: number }[]>().notNull(),
    leadTimeDays: integer('lead_time_days').notNull(),
    validUntil: date('valid_until').notNull(),
    terms: text('terms').notNull(),
    language: text('language').notNull(),
    attachments: jsonb('attachments').$type<{ name: string; url: string }[]>().notNull(),
    edits: integer('edits').notNull().default(0),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trade_quotes_one_per_shop').on(t.rfqId, t.sellerId)],
);
