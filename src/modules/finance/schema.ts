// Finance: lenders and their loan products, the lenders' staff, the shops' consents (PDPA) and
// every access to their data, credit applications with the inputs and model version each decision
// used, loans with their schedules, and the repayments taken from the shops' balances.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/schema.ts';
import { sellers } from '../sellers/schema.ts';

export const consentPurpose = pgEnum('finance_consent_purpose', ['credit_assessment', 'loan_servicing']);
export const decisionOutcome = pgEnum('finance_decision_outcome', ['offer', 'decline', 'refer']);
export const applicationStatus = pgEnum('finance_application_status', ['decided', 'accepted', 'lapsed']);
export const loanStatus = pgEnum('finance_loan_status', ['active', 'late', 'repaid']);
export const repaymentKind = pgEnum('finance_repayment_kind', ['revenue_share', 'instalments']);

export interface I18n {
  th: string;
  zh?: string | null;
  en?: string | null;
}

/** A lender: a sandbox that decides in process, or a real one answering at its webhook. */
export const lenders = pgTable('finance_lenders', {
  id: uuid('id').primaryKey(),
  name: jsonb('name').$type<I18n>().notNull(),
  /** 'sandbox' (decides here with its own policy, labelled so) or 'webhook'. */
  gateway: text('gateway').$type<'sandbox' | 'webhook'>().notNull(),
  webhookUrl: text('webhook_url'),
  /** How long the lender keeps what it was shown, in days (named in the consent). */
  retentionDays: integer('retention_days').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The people who work for a lender; they see only sellers who consented to that lender. */
export const lenderStaff = pgTable(
  'finance_lender_staff',
  {
    lenderId: uuid('lender_id')
      .notNull()
      .references(() => lenders.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.lenderId, t.userId] }), index('finance_lender_staff_user_idx').on(t.userId)],
);

export const loanProducts = pgTable('finance_loan_products', {
  id: uuid('id').primaryKey(),
  lenderId: uuid('lender_id')
    .notNull()
    .references(() => lenders.id),
  name: jsonb('name').$type<I18n>().notNull(),
  minAmount: bigint('min_amount', { mode: 'number' }).notNull(),
  maxAmount: bigint('max_amount', { mode: 'number' }).notNull(),
  minTenorMonths: integer('min_tenor_months').notNull(),
  maxTenorMonths: integer('max_tenor_months').notNull(),
  /** Yearly interest, flat on the principal, in basis points. */
  rateBp: integer('rate_bp').notNull(),
  /** Front-end fee in basis points of the principal, taken at disbursement. */
  feeBp: integer('fee_bp').notNull(),
  repayment: repaymentKind('repayment').notNull(),
  /** Revenue share: the part of each paid sale taken for repayment, in basis points. */
  revenueShareBp: integer('revenue_share_bp'),
  /** e.g. 'tcg_ps_smes' (บสย. portfolio guarantee) or null. */
  guaranteeScheme: text('guarantee_scheme'),
  guaranteeFeeBp: integer('guarantee_fee_bp').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/** One explicit, unbundled consent: one shop, one lender, one purpose, the data named and how long it is kept. */
export const consents = pgTable(
  'finance_consents',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    lenderId: uuid('lender_id')
      .notNull()
      .references(() => lenders.id),
    purpose: consentPurpose('purpose').notNull(),
    dataItems: jsonb('data_items').$type<string[]>().notNull(),
    retentionDays: integer('retention_days').notNull(),
    /** The wording the shop agreed to, as shown (th/zh/en), and its version. */
    wording: jsonb('wording').$type<I18n>().notNull(),
    wordingVersion: text('wording_version').notNull(),
    grantedBy: uuid('granted_by').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
  },
  (t) => [
    index('finance_consents_seller_idx').on(t.sellerId, t.grantedAt),
    // One live consent per shop, lender and purpose.
    uniqueIndex('finance_consents_live_key').on(t.sellerId, t.lenderId, t.purpose).where(sql`withdrawn_at is null`),
  ],
);

/** Every time anyone outside the shop read its data: who, for which lender and purpose, what. */
export const accessLog = pgTable(
  'finance_access_log',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    lenderId: uuid('lender_id').notNull(),
    consentId: uuid('consent_id'),
    userId: uuid('user_id'),
    actorKind: text('actor_kind').notNull(),
    purpose: consentPurpose('purpose').notNull(),
    dataItems: jsonb('data_items').$type<string[]>().notNull(),
    what: text('what').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('finance_access_log_seller_idx').on(t.sellerId, t.at)],
);

export const applications = pgTable(
  'finance_applications',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    lenderId: uuid('lender_id')
      .notNull()
      .references(() => lenders.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => loanProducts.id),
    consentId: uuid('consent_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    tenorMonths: integer('tenor_months').notNull(),
    purposeText: text('purpose_text').notNull(),
    /** The decision's whole input: the profile's features as computed, and the product's terms. */
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    scorecardVersion: text('scorecard_version').notNull(),
    policyVersion: text('policy_version').notNull(),
    score: integer('score').notNull(),
    outcome: decisionOutcome('outcome').notNull(),
    /** Reason codes ranked by points lost, and the lender's own reasons. */
    reasons: jsonb('reasons').$type<{ code: string; pointsLost: number }[]>().notNull(),
    offer: jsonb('offer').$type<Record<string, unknown>>(),
    decidedBy: text('decided_by').notNull(),
    status: applicationStatus('status').notNull().default('decided'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decisionMs: integer('decision_ms').notNull(),
    /** When the retention job deleted the lender's copy of the shared profile (inputs emptied; the decision stays). */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    index('finance_applications_seller_idx').on(t.sellerId, t.createdAt),
    index('finance_applications_lender_idx').on(t.lenderId, t.createdAt),
  ],
);

export const loans = pgTable(
  'finance_loans',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    lenderId: uuid('lender_id')
      .notNull()
      .references(() => lenders.id),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    principal: bigint('principal', { mode: 'number' }).notNull(),
    interest: bigint('interest', { mode: 'number' }).notNull(),
    fee: bigint('fee', { mode: 'number' }).notNull(),
    /** Principal + interest + fee + late fees, less repayments. */
    outstanding: bigint('outstanding', { mode: 'number' }).notNull(),
    repayment: repaymentKind('repayment').notNull(),
    revenueShareBp: integer('revenue_share_bp'),
    tenorMonths: integer('tenor_months').notNull(),
    status: loanStatus('status').notNull().default('active'),
    disbursedAt: timestamp('disbursed_at', { withTimezone: true }).notNull().defaultNow(),
    finalDueOn: date('final_due_on').notNull(),
  },
  (t) => [index('finance_loans_seller_idx').on(t.sellerId, t.status)],
);

export const instalments = pgTable(
  'finance_instalments',
  {
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    n: integer('n').notNull(),
    sellerId: uuid('seller_id').notNull(),
    dueOn: date('due_on').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    paid: bigint('paid', { mode: 'number' }).notNull().default(0),
    lateFee: bigint('late_fee', { mode: 'number' }).notNull().default(0),
    lateSince: date('late_since'),
  },
  (t) => [primaryKey({ columns: [t.loanId, t.n] }), index('finance_instalments_due_idx').on(t.dueOn)],
);

/** A movement of a loan (disbursement, repayment, fee), once per source; its ledger posting has the same key. */
export const loanMovements = pgTable(
  'finance_loan_movements',
  {
    id: uuid('id').primaryKey(),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    sellerId: uuid('seller_id').notNull(),
    kind: text('kind').$type<'disbursement' | 'repayment' | 'late_fee' | 'settlement'>().notNull(),
    sourceKey: text('source_key').notNull().unique(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    outstandingAfter: bigint('outstanding_after', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('finance_loan_movements_loan_idx').on(t.loanId, t.at)],
);

/** What the shop is told about its loans (a late repayment), once per source event. */
export const notices = pgTable(
  'finance_notices',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    kind: text('kind').$type<'late'>().notNull(),
    sourceKey: text('source_key').notNull().unique(),
    /** The message's parameters (instalment, due date, late fee, outstanding). */
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('finance_notices_seller_idx').on(t.sellerId, t.at)],
);
