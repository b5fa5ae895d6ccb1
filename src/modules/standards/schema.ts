// Product standards: certificates (marks a shop's products carry, and the trademark evidence a
// flagship store needs) with their documents and the operator's review, the number each agency
// issued claimed by one shop only, registered geographical indications and the areas they cover,
// flagship store applications, lots traced from the farm, and the notices the shop reads.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const certificateKind = pgEnum('standards_certificate_kind', [
  'fda',
  'tis',
  'community_standard',
  'gap',
  'organic',
  'halal',
  'gi',
  'otop',
  'thai_hom_mali',
  'trademark',
  'trademark_authorisation',
]);
export const certificateStatus = pgEnum('standards_certificate_status', [
  'pending',
  'verified',
  'rejected',
  'expired',
  'revoked',
]);
export const flagshipStatus = pgEnum('standards_flagship_status', ['pending', 'approved', 'rejected', 'lapsed']);
export const lotStatus = pgEnum('standards_lot_status', ['active', 'recalled']);

/** What an agency's public look-up answered about a number (the sandbox's answer says so). */
export interface AgencyAnswer {
  agency: string;
  sandbox: boolean;
  status: 'valid' | 'not_found' | 'cancelled' | 'unavailable';
  holder: string | null;
  checkedAt: string;
}

/**
 * A certificate of a shop: for the shop itself, or for one product (or one of its variants). Only a
 * verified one whose expiry date has not passed shows as a badge and counts in search.
 */
export const certificates = pgTable(
  'standards_certificates',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id'),
    variantId: uuid('variant_id'),
    kind: certificateKind('kind').notNull(),
    /** As the agency writes it (e.g. 10-1-12345-1-0001, มอก. 309-2525 licence, กษ 01-... GAP). */
    number: text('number').notNull(),
    /** The number without spacing or punctuation: what makes two numbers the same. */
    numberKey: text('number_key').notNull(),
    /** The standard certified against, for มอก. and มผช. (e.g. "มอก. 309-2525"). */
    standardRef: text('standard_ref'),
    giId: uuid('gi_id').references(() => geographicalIndications.id),
    /** Where the product is made, as a DOPA code (province 2, district 4, sub-district 6 digits). */
    originAreaCode: text('origin_area_code'),
    /** What the number's parts say, and kind-specific facts (OTOP stars and year, rice variety, ...). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    documentKey: text('document_key').notNull(),
    documentType: text('document_type').notNull(),
    documentBytes: integer('document_bytes').notNull(),
    status: certificateStatus('status').notNull().default('pending'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    agencyAnswer: jsonb('agency_answer').$type<AgencyAnswer>(),
    expiryNoticeAt: timestamp('expiry_notice_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('standards_certificates_seller_idx').on(t.sellerId, t.status),
    index('standards_certificates_product_idx').on(t.productId).where(sql`status = 'verified'`),
    index('standards_certificates_expiry_idx').on(t.expiresOn).where(sql`status = 'verified'`),
    index('standards_certificates_queue_idx').on(t.status, t.createdAt),
    check('standards_certificates_dates', sql`${t.expiresOn} > ${t.issuedOn}`),
    check('standards_certificates_variant_has_product', sql`${t.variantId} is null or ${t.productId} is not null`),
  ],
);

/** An issued number belongs to the first shop that registered it: another shop presenting it is refused. */
export const numberClaims = pgTable(
  'standards_number_claims',
  {
    kind: certificateKind('kind').notNull(),
    numberKey: text('number_key').notNull(),
    sellerId: uuid('seller_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.numberKey] })],
);

/** A registered geographical indication (operator-maintained: no machine-readable national register exists). */
export const geographicalIndications = pgTable('standards_gis', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameTh: text('name_th').notNull(),
  nameZh: text('name_zh'),
  nameEn: text('name_en'),
  registrationNumber: text('registration_number').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The places a GI covers: provinces (2 digits), districts (4) or sub-districts (6), DOPA codes. */
export const giAreas = pgTable(
  'standards_gi_areas',
  {
    giId: uuid('gi_id')
      .notNull()
      .references(() => geographicalIndications.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.giId, t.areaCode] }),
    check('standards_gi_areas_code', sql`${t.areaCode} ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'`),
  ],
);

export interface RequirementResult {
  code: string;
  ok: boolean;
  params: Record<string, string | number>;
}

/** A shop's application to be a flagship store (one per shop; applying again replaces it). */
export const flagshipApplications = pgTable(
  'standards_flagship_applications',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    status: flagshipStatus('status').notNull().default('pending'),
    brandName: text('brand_name').notNull(),
    storyTh: text('story_th').notNull(),
    storyZh: text('story_zh'),
    storyEn: text('story_en'),
    /** The products the flagship storefront lists: each needs a verified mark. */
    productIds: uuid('product_ids').array().notNull(),
    featuredLotIds: uuid('featured_lot_ids').array().notNull().default(sql`'{}'::uuid[]`),
    bannerKey: text('banner_key'),
    /** The requirements as last checked, each with what it found. */
    requirements: jsonb('requirements').$type<RequirementResult[]>().notNull().default([]),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    lapsedAt: timestamp('lapsed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('standards_flagship_seller_key').on(t.sellerId),
    index('standards_flagship_status_idx').on(t.status),
  ],
);

/**
 * A lot traced from the farm: the farm or cooperative member who grew it, the plot and its area,
 * harvest and processing dates, and (standards_lot_certificates) the certificates it was made under.
 * The hub's lots of the same shop and lot number are its units in the warehouse.
 */
export const lots = pgTable(
  'standards_lots',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id').notNull(),
    lotNumber: text('lot_number').notNull(),
    /** The code in the pack's QR code (/trace/<code>): random, so lots cannot be counted. */
    traceCode: text('trace_code').notNull(),
    producerName: text('producer_name').notNull(),
    memberCode: text('member_code'),
    plot: text('plot'),
    /** Where it grew, as a DOPA code of a district (4 digits) or sub-district (6). */
    areaCode: text('area_code').notNull(),
    harvestedOn: date('harvested_on').notNull(),
    processedOn: date('processed_on'),
    processingNote: text('processing_note'),
    status: lotStatus('status').notNull().default('active'),
    recallReason: text('recall_reason'),
    recalledAt: timestamp('recalled_at', { withTimezone: true }),
    recalledBy: uuid('recalled_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('standards_lots_number_key').on(t.sellerId, t.lotNumber),
    uniqueIndex('standards_lots_trace_key').on(t.traceCode),
    index('standards_lots_product_idx').on(t.productId),
    check('standards_lots_dates', sql`${t.processedOn} is null or ${t.processedOn} >= ${t.harvestedOn}`),
  ],
);

export const lotCertificates = pgTable(
  'standards_lot_certificates',
  {
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id, { onDelete: 'cascade' }),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    sellerId: uuid('seller_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.certificateId] })],
);

/** What the shop is told: a mark expiring within 30 days, expired, a flagship badge taken off, a recall. */
export const shopNotices = pgTable(
  'standards_shop_notices',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    code: text('code').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** One notice per event however often the job runs (e.g. "expiring:<certificate>"). */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('standards_notices_dedupe_key').on(t.sellerId, t.dedupeKey),
    index('standards_notices_seller_idx').on(t.sellerId, t.createdAt),
  ],
);

// --- Published for finance (credit profiles), read-only; the columns are a contract. ---
/** Each shop's marks verified by an operator whose expiry date (Bangkok) has not passed. */
export const sellerVerifiedMarks = pgView('seller_verified_marks', {
  sellerId: uuid('seller_id').notNull(),
  verifiedMarks: integer('verified_marks').notNull(),
}).as(
  sql`select seller_id, count(*)::int as verified_marks from standards_certificates where status = 'verified' and expires_on >= (now() at time zone 'Asia/Bangkok')::date group by seller_id`,
);
