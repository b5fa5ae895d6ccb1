import {
  pgTable,
  text,
  uuid,
  timestamp,
  boolean,
  integer,
  primaryKey,
  index,
  uniqueIndex,
  pgEnum,
  pgView,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../identity/schema.ts';

export const businessType = pgEnum('business_type', [
  'individual',
  'company',
  'community_enterprise',
  'cooperative',
  'otop_producer',
]);
export const sellerStatus = pgEnum('seller_status', ['pending', 'approved', 'rejected', 'suspended']);
export const memberRole = pgEnum('seller_member_role', ['owner', 'staff']);
export const payoutMethod = pgEnum('payout_method', ['promptpay', 'bank_account']);

export const sellers = pgTable(
  'sellers',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    legalNameTh: text('legal_name_th').notNull(),
    legalNameEn: text('legal_name_en'),
    shopNameTh: text('shop_name_th').notNull(),
    shopNameZh: text('shop_name_zh'),
    shopNameEn: text('shop_name_en'),
    businessType: businessType('business_type').notNull(),
    taxId: text('tax_id').notNull(),
    provinceCode: text('province_code').notNull(),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone').notNull(),
    payoutMethod: payoutMethod('payout_method').notNull(),
    payoutPromptpayId: text('payout_promptpay_id'),
    payoutBankCode: text('payout_bank_code'),
    payoutAccountNumber: text('payout_account_number'),
    payoutAccountName: text('payout_account_name'),
    status: sellerStatus('status').notNull().default('pending'),
    rejectionReason: text('rejection_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    isFlagship: boolean('is_flagship').notNull().default(false),
    /** Why an operator suspended the shop (shown to its members); null unless suspended. */
    suspensionReason: text('suspension_reason'),
    vatRegistered: boolean('vat_registered').notNull().default(false),
    shippingFlatSatang: integer('shipping_flat_satang'),
    /** Hours the shop (or the hub for it) has from payment to dispatch; null: the platform's default. */
    handlingHours: integer('handling_hours'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sellers_status_idx').on(t.status),
    uniqueIndex('sellers_tax_id_open_key').on(t.taxId).where(sql`status in ('pending', 'approved')`),
  ],
);

export const sellerMembers = pgTable(
  'seller_members',
  {
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.userId] }), index('seller_members_user_idx').on(t.userId)],
);

/** An owner invites staff by email or phone; the invitee accepts with the token while signed in. */
export const sellerInvitations = pgTable(
  'seller_invitations',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id, { onDelete: 'cascade' }),
    email: text('email'),
    phone: text('phone'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
  },
  (t) => [index('seller_invitations_seller_idx').on(t.sellerId)],
);

/**
 * The papers an applicant sends with a shop application (a company certificate, the owner's ID
 * card, the bank book's first page…): stored privately, seen only by the shop's owner and operators.
 */
export const sellerDocuments = pgTable(
  'seller_documents',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id, { onDelete: 'cascade' }),
    /** One of APPLICATION_DOCUMENT_KINDS (documents.ts). */
    kind: text('kind').notNull(),
    documentKey: text('document_key').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('seller_documents_seller_idx').on(t.sellerId)],
);

/** The kinds of business a shop can be (the search facet and the application form list them). */
export const BUSINESS_TYPES = businessType.enumValues;

/**
 * Published for the modules after sellers (the catalog's storefront and checkout, search): the
 * shops that are approved to sell, with their public card. A suspended, pending or rejected shop is
 * not in it. Read-only; the columns are a contract.
 */
export const shopsOnSale = pgView('shops_on_sale', {
  id: uuid('id').notNull(),
  slug: text('slug').notNull(),
  shopNameTh: text('shop_name_th').notNull(),
  shopNameZh: text('shop_name_zh'),
  shopNameEn: text('shop_name_en'),
  provinceCode: text('province_code').notNull(),
  businessType: businessType('business_type').notNull(),
  isFlagship: boolean('is_flagship').notNull(),
}).as(
  sql`select id, slug, shop_name_th, shop_name_zh, shop_name_en, province_code, business_type, is_flagship from sellers where status = 'approved'`,
);

/**
 * Published for insights: each shop's onboarding facts (where, what kind, when it applied and was
 * approved), and nothing that names or reaches a person. Read-only; the columns are a contract.
 */
export const sellerOnboardingFacts = pgView('seller_onboarding_facts', {
  sellerId: uuid('seller_id').notNull(),
  provinceCode: text('province_code').notNull(),
  businessType: businessType('business_type').notNull(),
  status: sellerStatus('status').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
}).as(
  sql`select id as seller_id, province_code, business_type, status, created_at as applied_at, case when status in ('approved', 'suspended') then reviewed_at end as approved_at from sellers`,
);

// --- Published for finance (credit profiles), read-only; the columns are a contract. ---
/** How long each shop has sold on Talad: approved (or suspended since) shops and when they were approved. No province, no owner. */
export const sellerTenure = pgView('seller_tenure', {
  sellerId: uuid('seller_id').notNull(),
  status: text('status').notNull(),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
}).as(
  sql`select id as seller_id, status::text as status, reviewed_at as approved_at from sellers where status in ('approved', 'suspended')`,
);
