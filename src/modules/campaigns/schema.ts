// Campaigns and vouchers: a shop's flash-sale campaigns (a price per variant, a stock limit and a
// per-buyer limit, counted as units are sold), shop and platform vouchers (counted per use), the
// shop's free-shipping threshold, and what each placed order took from them.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sellers } from '../sellers/schema.ts';

type Text = { th: string; zh?: string | null; en?: string | null };

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: jsonb('name').$type<Text>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_seller_idx').on(t.sellerId, t.startsAt),
    check('campaigns_window', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A variant in a campaign: its campaign price, how many units the campaign sells, and per buyer. */
export const campaignItems = pgTable(
  'campaign_items',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    priceSatang: integer('price_satang').notNull(),
    stockLimit: integer('stock_limit').notNull(),
    perBuyerLimit: integer('per_buyer_limit').notNull(),
    /** Units sold at the campaign price (placed orders not cancelled). */
    sold: integer('sold').notNull().default(0),
  },
  (t) => [
    uniqueIndex('campaign_items_variant_uq').on(t.campaignId, t.variantId),
    index('campaign_items_variant_idx').on(t.variantId),
    index('campaign_items_product_idx').on(t.productId),
    check('campaign_items_sold', sql`${t.sold} >= 0 and ${t.sold} <= ${t.stockLimit}`),
    check('campaign_items_price', sql`${t.priceSatang} > 0`),
    check('campaign_items_limits', sql`${t.stockLimit} > 0 and ${t.perBuyerLimit} > 0`),
  ],
);

/** Units an order bought at a campaign price (released when the order is cancelled). */
export const campaignPurchases = pgTable(
  'campaign_purchases',
  {
    id: uuid('id').primaryKey(),
    campaignItemId: uuid('campaign_item_id')
      .notNull()
      .references(() => campaignItems.id),
    sellerId: uuid('seller_id').notNull(),
    buyerKey: text('buyer_key').notNull(),
    groupId: uuid('group_id').notNull(),
    orderId: uuid('order_id').notNull(),
    quantity: integer('quantity').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    index('campaign_purchases_buyer_idx').on(t.buyerKey, t.campaignItemId),
    index('campaign_purchases_order_idx').on(t.orderId),
  ],
);

/** A shop's voucher (seller_id set, the shop funds it) or the platform's (seller_id null). */
export const vouchers = pgTable(
  'vouchers',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').references(() => sellers.id),
    code: text('code').notNull(),
    name: jsonb('name').$type<Text>().notNull(),
    kind: text('kind').$type<'amount' | 'percent'>().notNull(),
    amountSatang: integer('amount_satang'),
    percent: integer('percent'),
    minSpendSatang: integer('min_spend_satang').notNull().default(0),
    capSatang: integer('cap_satang'),
    perBuyerLimit: integer('per_buyer_limit').notNull(),
    totalLimit: integer('total_limit').notNull(),
    /** Uses by placed checkouts not cancelled. */
    used: integer('used').notNull().default(0),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vouchers_code_uq').on(t.code),
    index('vouchers_seller_idx').on(t.sellerId),
    check('vouchers_used', sql`${t.used} >= 0 and ${t.used} <= ${t.totalLimit}`),
    check('vouchers_window', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'vouchers_value',
      sql`(${t.kind} = 'amount' and ${t.amountSatang} > 0) or (${t.kind} = 'percent' and ${t.percent} between 1 and 90)`,
    ),
  ],
);

/** A voucher's use by one checkout, one row per order it discounted (a platform voucher spreads over shops). */
export const voucherRedemptions = pgTable(
  'voucher_redemptions',
  {
    id: uuid('id').primaryKey(),
    voucherId: uuid('voucher_id')
      .notNull()
      .references(() => vouchers.id),
    sellerId: uuid('seller_id').notNull(),
    buyerKey: text('buyer_key').notNull(),
    groupId: uuid('group_id').notNull(),
    orderId: uuid('order_id').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    fundedBy: text('funded_by').$type<'shop' | 'platform'>().notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('voucher_redemptions_buyer_idx').on(t.voucherId, t.buyerKey),
    index('voucher_redemptions_order_idx').on(t.orderId),
  ],
);

/** A shop ships free when its order's goods reach the threshold (the shop pays the shipping). */
export const shopFreeShipping = pgTable('shop_free_shipping', {
  sellerId: uuid('seller_id')
    .primaryKey()
    .references(() => sellers.id),
  minSubtotalSatang: integer('min_subtotal_satang').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
