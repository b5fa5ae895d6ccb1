// Insights' own tables: who may read the dashboards (analysts, national or of one province), and
// the aggregates it keeps from the outbox — one row per month, shop and market, and the sets behind
// its distinct counts. They hold no person: buyers are the orders module's one-way hash.
import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A government analyst: national (province_code null) or a province's officer. Operators read everything. */
export const insightsAnalysts = pgTable('insights_analysts', {
  userId: uuid('user_id').primaryKey(),
  provinceCode: text('province_code'),
  grantedBy: uuid('granted_by'),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Sales of one shop in one market and month (Bangkok time), net of orders cancelled after payment. */
export const insightsSales = pgTable(
  'insights_sales',
  {
    month: date('month').notNull(),
    sellerId: uuid('seller_id').notNull(),
    market: text('market').notNull(),
    orders: integer('orders').notNull().default(0),
    grossSatang: bigint('gross_satang', { mode: 'number' }).notNull().default(0),
    cbecTaxFen: bigint('cbec_tax_fen', { mode: 'number' }).notNull().default(0),
    shipped: integer('shipped').notNull().default(0),
    shipHours: bigint('ship_hours', { mode: 'number' }).notNull().default(0),
    /** Distinct buyers of this shop in this market and month (the hashes are in insights_buyers). */
    buyers: integer('buyers').notNull().default(0),
    /** Rows the demo made up to show a year of history ("simulated" on the dashboard); 0 for real sales. */
    simulated: integer('simulated').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.sellerId, t.market] })],
);

/** The orders counted in insights_sales, so that a repeated event counts once and a cancellation takes its own amount back. */
export const insightsCountedOrders = pgTable('insights_counted_orders', {
  orderId: uuid('order_id').primaryKey(),
  month: date('month').notNull(),
  sellerId: uuid('seller_id').notNull(),
  market: text('market').notNull(),
  grossSatang: bigint('gross_satang', { mode: 'number' }).notNull(),
  cbecTaxFen: bigint('cbec_tax_fen', { mode: 'number' }).notNull(),
  shipped: integer('shipped').notNull().default(0),
});

/** Which buyers (one-way hashes) bought from a shop in a market and month: for the at-least-5-buyers rule. */
export const insightsBuyers = pgTable(
  'insights_buyers',
  {
    month: date('month').notNull(),
    sellerId: uuid('seller_id').notNull(),
    market: text('market').notNull(),
    buyerHash: text('buyer_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.sellerId, t.market, t.buyerHash] })],
);

/** Units sold by category, shop, market and month. */
export const insightsCategories = pgTable(
  'insights_categories',
  {
    month: date('month').notNull(),
    sellerId: uuid('seller_id').notNull(),
    market: text('market').notNull(),
    categorySlug: text('category_slug').notNull(),
    units: integer('units').notNull().default(0),
    grossSatang: bigint('gross_satang', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.sellerId, t.market, t.categorySlug] }),
    index('insights_categories_slug_idx').on(t.categorySlug),
  ],
);

/** The hub's dispatches of counted orders by month and shop: throughput and hours from payment to handover. */
export const insightsHub = pgTable(
  'insights_hub',
  {
    month: date('month').notNull(),
    sellerId: uuid('seller_id').notNull(),
    market: text('market').notNull(),
    dispatched: integer('dispatched').notNull().default(0),
    dispatchHours: bigint('dispatch_hours', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.sellerId, t.market] })],
);

/**
 * Units bought at a campaign price (the campaigns module's flash sales, read from its
 * campaign_purchase_facts view), one row per campaign and paid order, kept from the outbox:
 * order.paid adds the row once, order.cancelled marks it. The log behind the roll-ups below (so a
 * repeated event counts once and a cancellation takes its own units back); the dashboard reads it
 * only for an exact count of buyers when no campaign alone has 5. The buyer is the orders module's hash.
 */
export const insightsFlashOrders = pgTable(
  'insights_flash_orders',
  {
    /** The campaign's id (campaigns.id). */
    saleId: uuid('sale_id').notNull(),
    orderId: uuid('order_id').notNull(),
    units: integer('units').notNull(),
    sellerId: uuid('seller_id').notNull(),
    market: text('market').notNull(),
    buyerHash: text('buyer_hash').notNull(),
    /** The minute the order was paid (for the peak orders per minute). */
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.orderId] }),
    index('insights_flash_orders_order_idx').on(t.orderId),
    index('insights_flash_orders_minute_idx').on(t.minute),
  ],
);

/** The roll-up the dashboard reads: per campaign and market, orders and units net of cancellations, and distinct buyers of them. */
export const insightsFlashCampaigns = pgTable(
  'insights_flash_campaigns',
  {
    saleId: uuid('sale_id').notNull(),
    market: text('market').notNull(),
    sellerId: uuid('seller_id').notNull(),
    orders: integer('orders').notNull().default(0),
    units: integer('units').notNull().default(0),
    buyers: integer('buyers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.market] })],
);

/** Orders per campaign, market and minute as they arrived (a cancellation does not take its arrival back): the peak. */
export const insightsFlashMinutes = pgTable(
  'insights_flash_minutes',
  {
    saleId: uuid('sale_id').notNull(),
    market: text('market').notNull(),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    orders: integer('orders').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.market, t.minute] })],
);
