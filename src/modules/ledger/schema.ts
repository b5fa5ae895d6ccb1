// The ledger's tables: double-entry transactions and their entries, the rates it posts with
// (commission per seller with an operator-set default, VAT), what it knows of deliveries (for the
// payout holding period), and payout batches.
import {
  pgTable,
  text,
  uuid,
  timestamp,
  bigint,
  bigserial,
  integer,
  jsonb,
  index,
  uniqueIndex,
  pgEnum,
  pgView,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { sellers } from '../sellers/schema.ts';

export const ledgerAccount = pgEnum('ledger_account', [
  'payments_clearing',
  'commission_revenue',
  'vat_payable',
  'seller_payable',
  'payouts_in_transit',
  'refunds_payable',
  'cbec_tax_payable',
  // Finance: what the platform holds for, or owes to, lenders (disbursed loans, repayments collected).
  'lender_clearing',
  // Campaigns: the platform's spending on its own vouchers (paid to the shops as part of their sale).
  'platform_promotions',
]);
export const payoutBatchStatus = pgEnum('payout_batch_status', ['in_transit', 'paid']);

export interface FxNote {
  fromCurrency: string;
  fromAmount: number;
  rate: string;
  source: string;
  rounding: string;
}

/** One balanced posting. `sourceKey` names what caused it ("order.paid:<id>"), so it is posted once. */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    sourceKey: text('source_key').notNull().unique(),
    orderId: uuid('order_id'),
    sellerId: uuid('seller_id'),
    currency: text('currency').notNull(),
    memo: text('memo'),
    /** A conversion behind the amounts: what the buyer paid, at which rate, from which source, rounded how. */
    fx: jsonb('fx').$type<FxNote>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_transactions_order_idx').on(t.orderId),
    index('ledger_transactions_seller_idx').on(t.sellerId, t.createdAt),
  ],
);

/** Debits are positive, credits negative; the entries of a transaction sum to zero. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    account: ledgerAccount('account').notNull(),
    sellerId: uuid('seller_id'),
    orderId: uuid('order_id'),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_transaction_idx').on(t.transactionId),
    index('ledger_entries_account_idx').on(t.account, t.sellerId),
    index('ledger_entries_order_idx').on(t.orderId),
  ],
);

/** Commission in basis points; seller_id null is the operator's default. Valid from..to (to exclusive, open when null). */
export const commissionRates = pgTable(
  'commission_rates',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').references(() => sellers.id),
    rateBp: integer('rate_bp').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('commission_rates_seller_idx').on(t.sellerId, t.validFrom)],
);

/** Tax rates as data with validity dates (VAT 7% is a reduced rate renewed by royal decree). */
export const taxRates = pgTable(
  'tax_rates',
  {
    id: uuid('id').primaryKey(),
    tax: text('tax').notNull(),
    rateBp: integer('rate_bp').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [index('tax_rates_tax_idx').on(t.tax, t.validFrom)],
);

/** When a paid order was delivered: its payable may be paid out once the holding period has passed. */
export const orderClearances = pgTable(
  'ledger_order_clearances',
  {
    orderId: uuid('order_id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ledger_order_clearances_seller_idx').on(t.sellerId, t.deliveredAt)],
);

export const payoutBatches = pgTable('payout_batches', {
  id: uuid('id').primaryKey(),
  number: bigserial('number', { mode: 'number' }).notNull().unique(),
  status: payoutBatchStatus('status').notNull().default('in_transit'),
  currency: text('currency').notNull(),
  minimumAmount: bigint('minimum_amount', { mode: 'number' }).notNull(),
  holdDays: integer('hold_days').notNull(),
  deliveredBefore: timestamp('delivered_before', { withTimezone: true }).notNull(),
  total: bigint('total', { mode: 'number' }).notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  paidAt: timestamp('paid_at', { withTimezone: true }),
  paidBy: uuid('paid_by'),
});

/** One seller's line in a batch, with the payout details as they were when the batch was made. */
export const payouts = pgTable(
  'payouts',
  {
    id: uuid('id').primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => payoutBatches.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    destination: jsonb('destination')
      .$type<{
        method: string;
        promptpayId: string | null;
        bankCode: string | null;
        accountNumber: string | null;
        accountName: string | null;
      }>()
      .notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payouts_batch_seller_key').on(t.batchId, t.sellerId),
    index('payouts_seller_idx').on(t.sellerId, t.createdAt),
  ],
);

// --- Published for finance (credit profiles), read-only; the columns are a contract. ---
/** Each shop's position in baht: what the platform owes it now, paid out so far (and how often), refunds in the last 365 days. */
export const sellerLedgerPosition = pgView('seller_ledger_position', {
  sellerId: uuid('seller_id').notNull(),
  payableSatang: bigint('payable_satang', { mode: 'number' }).notNull(),
  paidOutSatang: bigint('paid_out_satang', { mode: 'number' }).notNull(),
  payouts: integer('payouts').notNull(),
  refunded365dSatang: bigint('refunded_365d_satang', { mode: 'number' }).notNull(),
}).as(
  sql`select t.seller_id, coalesce(-sum(e.amount) filter (where e.account = 'seller_payable'), 0)::bigint as payable_satang, coalesce(sum(e.amount) filter (where e.account = 'seller_payable' and t.kind = 'payout'), 0)::bigint as paid_out_satang, (count(distinct t.id) filter (where t.kind = 'payout'))::int as payouts, coalesce(-sum(e.amount) filter (where e.account = 'payments_clearing' and t.kind = 'refund' and t.created_at > now() - interval '365 days'), 0)::bigint as refunded_365d_satang from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where t.seller_id is not null and e.currency = 'THB' group by t.seller_id`,
);
