// Crossborder's tables: which products sell to China and how they are taxed, each cross-border
// order's customs facts (landed price in fen, the buyer's identity with the ID number encrypted),
// and one lock row per identity so that concurrent checkouts of one person queue up.
import {
  pgTable,
  text,
  uuid,
  timestamp,
  integer,
  bigint,
  boolean,
  jsonb,
  index,
  check,
  pgView,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { sellers } from '../sellers/schema.ts';
import { products } from '../catalog/schema.ts';

/** A product's cross-border terms, set by its seller: eligible or not, tax category, HS code, caps. */
export const cbecProducts = pgTable(
  'cbec_products',
  {
    productId: uuid('product_id')
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    eligible: boolean('eligible').notNull().default(false),
    /** Import VAT and consumption tax in basis points: 1300 or 900 for VAT; 0 when no consumption tax. */
    vatBp: integer('vat_bp').notNull(),
    consumptionTaxBp: integer('consumption_tax_bp').notNull().default(0),
    /** 10-digit Chinese customs commodity code (its first 6 digits are the HS code the Thai export declaration uses). */
    hsCode: text('hs_code').notNull(),
    /** The goods' name in Chinese as customs lists it, and its customs unit (011 piece, 035 kg...). */
    customsNameZh: text('customs_name_zh').notNull(),
    customsUnit: text('customs_unit').notNull().default('011'),
    /** Packaging added to the variant's net weight for the gross weight, per unit. */
    packagingGrams: integer('packaging_grams').notNull().default(200),
    /** Per-person yearly quantity cap where the positive list sets one (null: none). */
    yearlyQuantityCap: integer('yearly_quantity_cap'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cbec_products_seller_idx').on(t.sellerId),
    check('cbec_products_vat', sql`${t.vatBp} in (900, 1300)`),
    check('cbec_products_ct', sql`${t.consumptionTaxBp} >= 0 and ${t.consumptionTaxBp} < 10000`),
    check('cbec_products_hs', sql`${t.hsCode} ~ '^[0-9]{10}$'`),
  ],
);

export interface CbecLine {
  variantId: string;
  productId: string;
  sku: string;
  itemNameZh: string;
  hsCode: string;
  unit: string;
  quantity: number;
  unitPriceSatang: number;
  unitPriceFen: number;
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  vatBp: number;
  consumptionTaxBp: number;
  netWeightGrams: number;
  grossWeightGrams: number;
}

/** One cross-border order's customs facts. The ID number is sealed (AES-256-GCM); id_hash counts the person. */
export const cbecOrders = pgTable(
  'cbec_orders',
  {
    orderId: uuid('order_id').primaryKey(),
    groupId: uuid('group_id').notNull(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    orderNo: text('order_no').notNull(),
    buyerUserId: uuid('buyer_user_id'),
    year: integer('year').notNull(),
    idHash: text('id_hash').notNull(),
    buyerName: text('buyer_name').notNull(),
    idSealed: text('id_sealed').notNull(),
    idMasked: text('id_masked').notNull(),
    buyerPhone: text('buyer_phone').notNull(),
    consigneeName: text('consignee_name').notNull(),
    consigneePhone: text('consignee_phone').notNull(),
    consigneeAddress: text('consignee_address').notNull(),
    districtCode: text('district_code').notNull(),
    fxRate: text('fx_rate').notNull(),
    fxSource: text('fx_source').notNull(),
    fxValidFrom: timestamp('fx_valid_from', { withTimezone: true }).notNull(),
    goodsFen: bigint('goods_fen', { mode: 'number' }).notNull(),
    freightFen: bigint('freight_fen', { mode: 'number' }).notNull(),
    insuranceFen: bigint('insurance_fen', { mode: 'number' }).notNull().default(0),
    discountFen: bigint('discount_fen', { mode: 'number' }).notNull().default(0),
    taxFen: bigint('tax_fen', { mode: 'number' }).notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    goodsSatang: bigint('goods_satang', { mode: 'number' }).notNull(),
    /** pending (unpaid: still counts towards the year until cancelled), paid, cancelled. */
    status: text('status').notNull().default('pending'),
    lines: jsonb('lines').$type<CbecLine[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cbec_orders_identity_idx').on(t.idHash, t.year), index('cbec_orders_group_idx').on(t.groupId)],
);

/** One row per identity: a checkout locks it (SELECT ... FOR UPDATE) before counting the year. */
export const cbecIdentityLocks = pgTable('cbec_identity_locks', {
  idHash: text('id_hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Refunds already counted back towards the yearly limit (payment.refunded is delivered at least once). */
export const cbecRefundsSeen = pgTable('cbec_refunds_seen', {
  refundId: uuid('refund_id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Published for insights: the import tax (CBEC) of each cross-border order, in fen. Read-only. */
export const cbecOrderTaxFacts = pgView('cbec_order_tax_facts', {
  orderId: uuid('order_id').notNull(),
  taxFen: bigint('tax_fen', { mode: 'number' }).notNull(),
  status: text('status').notNull(),
}).as(sql`select order_id, tax_fen, status from cbec_orders`);
