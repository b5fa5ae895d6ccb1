// B2B trade: business buyer accounts (company, country, registration checked and verified, team,
// language), requests for quotation, sellers' quotes (one per shop and request, editable once).
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
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
    /** The price of a sample lot, when the shop sends one; null: no sample offered. */
    samplePriceSatang: integer('sample_price_satang'),
    /** The deposit asked before production, in percent of the bulk order (the balance before shipment). */
    depositPercent: integer('deposit_percent').notNull().default(30),
    edits: integer('edits').notNull().default(0),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trade_quotes_one_per_shop').on(t.rfqId, t.sellerId)],
);

/**
 * Messages on a request, one thread per request and quoting shop. The text is kept as written, in
 * the language it was written in; a translation, when there is one, sits beside it with who made it
 * (the sender, or a translator service: none is reachable, so only a labelled sandbox could be).
 */
export const tradeMessages = pgTable('trade_messages', {
  id: uuid('id').primaryKey(),
  rfqId: uuid('rfq_id')
    .notNull()
    .references(() => tradeRfqs.id),
  sellerId: uuid('seller_id')
    .notNull()
    .references(() => sellers.id),
  author: text('author').notNull(), // 'buyer' | 'seller'
  authorUserId: uuid('author_user_id'), // null: the shop's API token
  language: text('language').notNull(),
  body: text('body').notNull(),
  translationLanguage: text('translation_language'),
  translationBody: text('translation_body'),
  translatedBy: text('translated_by'), // 'sender' | 'sandbox'
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An order from an accepted quote: a sample, or the bulk order under the agreed Incoterm. */
export const tradeOrders = pgTable(
  'trade_orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    rfqId: uuid('rfq_id')
      .notNull()
      .references(() => tradeRfqs.id),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => tradeQuotes.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => tradeBuyers.id),
    placedBy: uuid('placed_by').notNull(),
    kind: text('kind').notNull(), // 'sample' | 'bulk'
    incoterm: text('incoterm').notNull(),
    transportMode: text('transport_mode').notNull(),
    place: text('place').notNull(),
    product: text('product').notNull(),
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull(),
    unitPriceSatang: integer('unit_price_satang').notNull(),
    totalSatang: integer('total_satang').notNull(),
    depositPercent: integer('deposit_percent').notNull(),
    status: text('status').notNull(),
    transportDocument: text('transport_document'), // 'bl' | 'awb'
    transportNumber: text('transport_number'),
    carrier: text('carrier'),
    grossWeightKg: integer('gross_weight_kg'),
    packages: integer('packages'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trade_orders_one_kind_per_quote').on(t.quoteId, t.kind).where(sql`status <> 'cancelled'`)],
);

/** A payment step of a trade order, paid as a service order of the orders module. */
export const tradeMilestones = pgTable(
  'trade_milestones',
  {
    id: uuid('id').primaryKey(),
    tradeOrderId: uuid('trade_order_id')
      .notNull()
      .references(() => tradeOrders.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    kind: text('kind').notNull(), // 'sample' | 'deposit' | 'balance'
    percent: integer('percent').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    orderId: uuid('order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    groupId: uuid('group_id').notNull(),
    status: text('status').notNull(), // 'due' | 'transfer_declared' | 'paid' | 'cancelled'
    bankReference: text('bank_reference'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trade_milestones_one_per_kind').on(t.tradeOrderId, t.kind)],
);

/** The partner directory's text in the three languages (Thai required). */
export interface PartnerText {
  th: string;
  zh: string;
  en: string;
}

/** A service partner sellers may hire: logistics, inspection, packaging, photography or training. */
export const tradePartners = pgTable('trade_partners', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  kind: text('kind').notNull(), // 'logistics' | 'inspection' | 'packaging' | 'photography' | 'training'
  name: jsonb('name').$type<PartnerText>().notNull(),
  description: jsonb('description').$type<PartnerText>().notNull(),
  /** Province codes (2 digits) the partner serves. */
  provinces: jsonb('provinces').$type<string[]>().notNull(),
  languages: jsonb('languages').$type<string[]>().notNull(),
  contact: jsonb('contact').$type<{ email?: string; phone?: string; website?: string }>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A shop's review of a partner it used: one per shop and partner. */
export const tradePartnerReviews = pgTable(
  'trade_partner_reviews',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => tradePartners.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    authorUserId: uuid('author_user_id').notNull(),
    rating: integer('rating').notNull(),
    body: text('body').notNull(),
    language: text('language').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trade_partner_reviews_one_per_shop').on(t.partnerId, t.sellerId)],
);

/**
 * Trade protection: the buyer's claim on a received order (late shipment, or quality not as agreed),
 * with evidence; the shop's answer; escalation by the buyer or the platform; the operator's decision.
 */
export const tradeClaims = pgTable(
  'trade_claims',
  {
    id: uuid('id').primaryKey(),
    tradeOrderId: uuid('trade_order_id')
      .notNull()
      .references(() => tradeOrders.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => tradeBuyers.id),
    openedBy: uuid('opened_by').notNull(),
    reason: text('reason').notNull(), // 'late_shipment' | 'not_as_agreed'
    description: text('description').notNull(),
    language: text('language').notNull(),
    evidence: jsonb('evidence').$type<{ name: string; url: string }[]>().notNull(),
    requestedSatang: integer('requested_satang').notNull(),
    status: text('status').notNull(), // 'open' | 'answered' | 'escalated' | 'refunded' | 'rejected'
    sellerAnswer: text('seller_answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalatedBy: text('escalated_by'), // 'buyer' | 'platform'
    refundSatang: integer('refund_satang'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('trade_claims_one_per_order').on(t.tradeOrderId)],
);

/** A file the buyer attached to a claim (photo or PDF, checked by its bytes), in the private storage. */
export const tradeClaimEvidence = pgTable(
  'trade_claim_evidence',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => tradeClaims.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    documentKey: text('document_key').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trade_claim_evidence_claim_idx').on(t.claimId)],
);

/**
 * How a claim's refund goes back, per paid milestone: through the gateway the milestone was paid by
 * (`refund_id`, a payments refund) or, for a bank transfer, owed back in the ledger (refunds payable).
 */
export const tradeClaimRefunds = pgTable(
  'trade_claim_refunds',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => tradeClaims.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => tradeMilestones.id),
    amountSatang: integer('amount_satang').notNull(),
    channel: text('channel').notNull(), // 'gateway' | 'bank_transfer'
    refundId: uuid('refund_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trade_claim_refunds_one_per_milestone').on(t.claimId, t.milestoneId),
    check('trade_claim_refunds_positive', sql`${t.amountSatang} > 0`),
  ],
);
