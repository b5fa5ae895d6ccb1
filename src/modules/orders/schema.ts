import {
  pgTable,
  pgView,
  text,
  uuid,
  timestamp,
  integer,
  bigint,
  bigserial,
  jsonb,
  index,
  pgEnum,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { sellers } from '../sellers/schema.ts';
import type { OrderDiscount } from './promotions.ts';

export const orderStatus = pgEnum('order_status', [
  'pending_payment',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
]);

export interface ShippingAddress {
  name: string;
  phone: string;
  houseNumber: string;
  moo?: string;
  village?: string;
  soi?: string;
  road?: string;
  subdistrict: string;
  district: string;
  provinceCode: string;
  postcode: string;
  /** Set for an address abroad (cross-border): the country, its district code (CN: GB/T 2260) and the address as written there. */
  country?: 'CN';
  districtCode?: string;
  fullAddress?: string;
}

/** One checkout: one payment for the orders of several sellers. */
export const orderGroups = pgTable(
  'order_groups',
  {
    id: uuid('id').primaryKey(),
    buyerUserId: uuid('buyer_user_id'),
    guestTokenHash: text('guest_token_hash'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    currency: text('currency').notNull().default('THB'),
    /** Where the goods go: TH (domestic) or CN (cross-border, bonded stock only); more markets later. */
    market: text('market').notNull().default('TH'),
    /** goods (stock reserved, shipped) or service (an experience or a trade milestone the shop renders). */
    kind: text('kind').$type<'goods' | 'service'>().notNull().default('goods'),
    subtotalSatang: bigint('subtotal_satang', { mode: 'number' }).notNull(),
    shippingSatang: bigint('shipping_satang', { mode: 'number' }).notNull(),
    /** Voucher and free-shipping discounts of its orders (total = subtotal + shipping - discount). */
    discountSatang: bigint('discount_satang', { mode: 'number' }).notNull().default(0),
    totalSatang: bigint('total_satang', { mode: 'number' }).notNull(),
    paymentDueAt: timestamp('payment_due_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_groups_buyer_idx').on(t.buyerUserId), index('order_groups_guest_idx').on(t.guestTokenHash)],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    number: bigserial('number', { mode: 'number' }).notNull().unique(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => orderGroups.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    buyerUserId: uuid('buyer_user_id'),
    guestTokenHash: text('guest_token_hash'),
    status: orderStatus('status').notNull().default('pending_payment'),
    currency: text('currency').notNull().default('THB'),
    subtotalSatang: bigint('subtotal_satang', { mode: 'number' }).notNull(),
    shippingSatang: bigint('shipping_satang', { mode: 'number' }).notNull(),
    /** Voucher and free-shipping discounts (total = subtotal + shipping - discount), each in `discounts`. */
    discountSatang: bigint('discount_satang', { mode: 'number' }).notNull().default(0),
    discounts: jsonb('discounts').$type<OrderDiscount[]>().notNull().default([]),
    totalSatang: bigint('total_satang', { mode: 'number' }).notNull(),
    /** A Thai address (TH market), or the consignee's address abroad (crossborder keeps its details); none for a service. */
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>(),
    paymentDueAt: timestamp('payment_due_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    trackingNumber: text('tracking_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orders_group_idx').on(t.groupId),
    index('orders_seller_idx').on(t.sellerId, t.createdAt),
    index('orders_buyer_idx').on(t.buyerUserId, t.createdAt),
    index('orders_pending_due_idx').on(t.paymentDueAt).where(sql`status = 'pending_payment'`),
  ],
);

/** Immutable snapshots of what was bought, at the price it was bought for. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    sellerId: uuid('seller_id').notNull(),
    /** The catalog's product and variant; null on a service line (see reference). */
    productId: uuid('product_id'),
    variantId: uuid('variant_id'),
    sku: text('sku').notNull(),
    title: jsonb('title').$type<{ th: string; zh?: string | null; en?: string | null }>().notNull(),
    optionValues: jsonb('option_values').$type<{ th: string; zh?: string; en?: string }[]>().notNull(),
    unitPriceSatang: bigint('unit_price_satang', { mode: 'number' }).notNull(),
    /** When a campaign price was charged: the catalog price then, and the campaign (the shop funds the difference). */
    listUnitPriceSatang: bigint('list_unit_price_satang', { mode: 'number' }),
    campaignId: uuid('campaign_id'),
    quantity: integer('quantity').notNull(),
    lineTotalSatang: bigint('line_total_satang', { mode: 'number' }).notNull(),
    /** What a service line stands for in the module that sold it (e.g. tourism.booking:<id>). */
    reference: text('reference'),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId)],
);

/** Who moved an order from which state to which, and why. */
export const orderTransitions = pgTable(
  'order_transitions',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    sellerId: uuid('seller_id').notNull(),
    fromStatus: orderStatus('from_status').notNull(),
    toStatus: orderStatus('to_status').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_transitions_order_idx').on(t.orderId)],
);

/**
 * Published for the modules before orders (search ranks by units sold), which may not import it:
 * each order line with its order's current status. Read-only; the columns are a contract.
 */
export const orderProductLines = pgView('order_product_lines', {
  orderId: uuid('order_id').notNull(),
  status: orderStatus('status').notNull(),
  productId: uuid('product_id').notNull(),
  variantId: uuid('variant_id').notNull(),
  quantity: integer('quantity').notNull(),
}).as(
  sql`select l.order_id, o.status, l.product_id, l.variant_id, l.quantity from order_lines l join orders o on o.id = l.order_id where l.product_id is not null`,
);

/**
 * Published for insights: each paid order's sales facts. The buyer is a one-way hash (it counts
 * distinct buyers and can name nobody). Read-only; the columns are a contract.
 */
export const orderSalesFacts = pgView('order_sales_facts', {
  orderId: uuid('order_id').notNull(),
  sellerId: uuid('seller_id').notNull(),
  market: text('market').notNull(),
  kind: text('kind').notNull(),
  buyerHash: text('buyer_hash').notNull(),
  status: orderStatus('status').notNull(),
  paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
  shippedAt: timestamp('shipped_at', { withTimezone: true }),
  totalSatang: bigint('total_satang', { mode: 'number' }).notNull(),
}).as(
  sql`select o.id as order_id, o.seller_id, g.market, g.kind, md5(coalesce(o.buyer_user_id::text, o.guest_token_hash, o.id::text)) as buyer_hash, o.status, o.paid_at, o.shipped_at, o.total_satang from orders o join order_groups g on g.id = o.group_id where o.paid_at is not null`,
);

/** Published for insights: the units of each order line by product, for its categories. */
export const orderLineUnits = pgView('order_line_units', {
  orderId: uuid('order_id').notNull(),
  productId: uuid('product_id').notNull(),
  quantity: integer('quantity').notNull(),
  lineTotalSatang: bigint('line_total_satang', { mode: 'number' }).notNull(),
}).as(sql`select order_id, product_id, quantity, line_total_satang from order_lines where product_id is not null`);

// --- Published for finance (credit profiles), read-only; the columns are a contract. ---
/** Each shop's paid orders per Bangkok month: gross sales, the cross-border part, and how many were cancelled after payment. */
export const sellerSalesMonthly = pgView('seller_sales_monthly', {
  sellerId: uuid('seller_id').notNull(),
  month: text('month').notNull(),
  paidOrders: integer('paid_orders').notNull(),
  grossSatang: bigint('gross_satang', { mode: 'number' }).notNull(),
  crossborderSatang: bigint('crossborder_satang', { mode: 'number' }).notNull(),
  cancelledOrders: integer('cancelled_orders').notNull(),
}).as(
  sql`select o.seller_id, to_char(o.paid_at at time zone 'Asia/Bangkok', 'YYYY-MM') as month, count(*)::int as paid_orders, sum(o.total_satang)::bigint as gross_satang, coalesce(sum(o.total_satang) filter (where g.market <> 'TH'), 0)::bigint as crossborder_satang, (count(*) filter (where o.status = 'cancelled'))::int as cancelled_orders from orders o join order_groups g on g.id = o.group_id where o.paid_at is not null group by 1, 2`,
);
