// The search module's tables: the index it alone writes. Everything here can be rebuilt from the
// catalog, the shops, stock and orders with `talad reindex`.
import {
  pgTable,
  text,
  uuid,
  timestamp,
  boolean,
  integer,
  smallint,
  bigint,
  jsonb,
  index,
  primaryKey,
  customType,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { LocalizedText } from '../../platform/http.ts';

/** A tsvector written by the application as a literal ('ทุเรียน':1A ...): PostgreSQL's own parser is never used. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The id of the transaction that last wrote a row (pg_current_xact_id()): the in-memory replicas
 * (memory-replica.ts) read what changed since the oldest transaction running at their last look.
 */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });
const writtenBy = () => xid8('change_xid').notNull().default(sql`pg_current_xact_id()`);

/** What a hit shows without another query (the index's copy, refreshed with the document). */
export interface ProductCard {
  slug: string;
  title: LocalizedText;
  categoryId: string;
  originProvinceCode: string;
  thumbKey: string | null;
  /** Verified, unexpired certification marks (codes of search.mark.*); absent on cards indexed before standards. */
  certifications?: string[];
  shop: { id: string; slug: string; name: LocalizedText; isFlagship: boolean; provinceCode: string };
}

/** One row per product on sale: its words (weighted by field) and what filters, facets and ranking read. */
export const searchDocuments = pgTable(
  'search_documents',
  {
    productId: uuid('product_id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    /** The product's category and all its ancestors, so a filter on "fresh fruit" finds durians. */
    categoryIds: uuid('category_ids').array().notNull(),
    variantIds: uuid('variant_ids').array().notNull(),
    provinceCode: text('province_code').notNull(),
    sellerType: text('seller_type').notNull(),
    /** 2 flagship store, 1 a shop approved by an operator; ranks before sales. */
    sellerTier: smallint('seller_tier').notNull().default(1),
    /** Certification marks (gi, otop, organic, ...): filled by the standards module when it exists. */
    certifications: text('certifications').array().notNull().default(sql`'{}'::text[]`),
    priceSatang: bigint('price_satang', { mode: 'number' }).notNull(),
    inStock: boolean('in_stock').notNull().default(false),
    salesCount: integer('sales_count').notNull().default(0),
    /** Bayesian rating in tenths of a star (rating.ts), from the reviews module; 35 until reviewed. */
    ratingScore: smallint('rating_score').notNull().default(35),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    lexemes: tsvector('lexemes').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
    changeXid: writtenBy(),
  },
  (t) => [
    index('search_documents_lexemes_idx').using('gin', t.lexemes),
    index('search_documents_change_idx').on(t.changeXid),
    index('search_documents_category_idx').using('gin', t.categoryIds),
    index('search_documents_variants_idx').using('gin', t.variantIds),
    index('search_documents_seller_idx').on(t.sellerId),
  ],
);

/**
 * Products taken out of the index (noted by a trigger on search_documents, migration 0013), so that
 * replicas drop them too. A product is here or in search_documents, never both (indexing it again
 * deletes its row here); rows older than a week are pruned, and a replica that has not looked for
 * a day loads everything again.
 */
export const searchRemovals = pgTable(
  'search_removals',
  {
    productId: uuid('product_id').primaryKey(),
    removedAt: timestamp('removed_at', { withTimezone: true }).notNull().defaultNow(),
    changeXid: writtenBy(),
  },
  (t) => [index('search_removals_change_idx').on(t.changeXid), index('search_removals_at_idx').on(t.removedAt)],
);

/** The card each hit shows, kept apart so that matching and counting read narrow rows. */
export const searchCards = pgTable('search_cards', {
  productId: uuid('product_id')
    .primaryKey()
    .references(() => searchDocuments.productId, { onDelete: 'cascade' }),
  card: jsonb('card').$type<ProductCard>().notNull(),
});

/** Every word the index holds, with a spelling-tolerant Thai key, for correcting typos. */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text('term').primaryKey(),
    folded: text('folded').notNull(),
    docs: integer('docs').notNull().default(1),
  },
  (t) => [
    // GiST, not GIN: the spelling lookup asks for the nearest terms (`term <-> typed`), which only
    // GiST answers from the index; GIN would test every term once the threshold is low.
    index('search_terms_trgm_idx').using('gist', t.term.op('gist_trgm_ops')),
    index('search_terms_folded_idx').on(t.folded),
  ],
);

/** Shops with products on sale, for autocomplete. */
export const searchShops = pgTable(
  'search_shops',
  {
    sellerId: uuid('seller_id').primaryKey(),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    lexemes: tsvector('lexemes').notNull(),
    products: integer('products').notNull().default(0),
  },
  (t) => [index('search_shops_lexemes_idx').using('gin', t.lexemes)],
);

/** Units sold per paid order and product (from `order.paid`); a redelivered event adds nothing twice. */
export const searchSales = pgTable(
  'search_sales',
  {
    orderId: uuid('order_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.productId] }), index('search_sales_product_idx').on(t.productId)],
);
