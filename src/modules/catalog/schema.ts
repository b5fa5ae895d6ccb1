import {
  pgTable,
  text,
  uuid,
  timestamp,
  boolean,
  integer,
  bigint,
  jsonb,
  index,
  uniqueIndex,
  pgEnum,
  pgView,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { sellers } from '../sellers/schema.ts';

export const productStatus = pgEnum('product_status', ['draft', 'active', 'archived']);

export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    slug: text('slug').notNull().unique(),
    nameTh: text('name_th').notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('categories_parent_idx').on(t.parentId)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id),
    slug: text('slug').notNull(),
    titleTh: text('title_th').notNull(),
    titleZh: text('title_zh'),
    titleEn: text('title_en'),
    descriptionTh: text('description_th').notNull().default(''),
    descriptionZh: text('description_zh'),
    descriptionEn: text('description_en'),
    /** Option names, e.g. [{th:'น้ำหนัก', zh:'重量', en:'Weight'}], matching each variant's option values by position. */
    optionNames: jsonb('option_names').$type<{ th: string; zh?: string; en?: string }[]>().notNull().default([]),
    status: productStatus('status').notNull().default('draft'),
    hsCode: text('hs_code'),
    originProvinceCode: text('origin_province_code').notNull(),
    perishable: boolean('perishable').notNull().default(false),
    shelfLifeDays: integer('shelf_life_days'),
    /** Lowest active variant price, kept by the service for listing filters and sorting. */
    minPriceSatang: bigint('min_price_satang', { mode: 'number' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_seller_slug_key').on(t.sellerId, t.slug),
    index('products_listing_idx').on(t.status, t.categoryId),
    index('products_seller_idx').on(t.sellerId, t.status),
  ],
);

export const productVariants = pgTable(
  'product_variants',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    gtin: text('gtin'),
    /** Option values in the product's option order, each in th (and zh/en when given). */
    optionValues: jsonb('option_values').$type<{ th: string; zh?: string; en?: string }[]>().notNull().default([]),
    priceSatang: bigint('price_satang', { mode: 'number' }).notNull(),
    weightGrams: integer('weight_grams').notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('product_variants_seller_sku_key').on(t.sellerId, t.sku),
    index('product_variants_product_idx').on(t.productId),
  ],
);

export const productImages = pgTable(
  'product_images',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    altTh: text('alt_th'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_images_product_idx').on(t.productId)],
);

/**
 * Published for the modules after the catalog (search hides a product the moment it stops selling):
 * the active products of shops on sale (the sellers module's shops_on_sale). Read-only; the columns
 * are a contract.
 */
export const productsOnSale = pgView('products_on_sale', {
  id: uuid('id').notNull(),
  sellerId: uuid('seller_id').notNull(),
}).as(
  sql`select p.id, p.seller_id from products p join shops_on_sale s on s.id = p.seller_id where p.status = 'active'`,
);

/** Published for insights: each product's category, with the category's names. Read-only. */
export const productCategoryFacts = pgView('product_category_facts', {
  productId: uuid('product_id').notNull(),
  categorySlug: text('category_slug').notNull(),
  nameTh: text('name_th').notNull(),
  nameZh: text('name_zh'),
  nameEn: text('name_en'),
}).as(
  sql`select p.id as product_id, c.slug as category_slug, c.name_th, c.name_zh, c.name_en from products p join categories c on c.id = p.category_id`,
);
