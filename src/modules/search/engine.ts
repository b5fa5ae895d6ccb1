// The seam between the search module and whatever answers queries. Today: PostgreSQL (pg-engine.ts),
// the same on PGlite and on a server. A larger deployment can put OpenSearch with ICU and Thai
// analyzers behind the same three verbs (index, remove, query) without the rest of the platform
// noticing: documents arrive as plain texts per field, queries as the user typed them.
import type { Executor } from '../../platform/db.ts';
import type { LocalizedText } from '../../platform/http.ts';
import type { ProductCard } from './schema.ts';

/** A product as the index sees it: texts by field (any language), filters and ranking signals. */
export interface SearchDocument {
  productId: string;
  sellerId: string;
  /** Root first, the product's own category last. */
  categoryIds: string[];
  variantIds: string[];
  provinceCode: string;
  sellerType: string;
  sellerTier: number;
  certifications: string[];
  priceSatang: number;
  inStock: boolean;
  salesCount: number;
  /** The product's Bayesian rating in tenths of a star (rating.ts): ranks after marks, before units sold. */
  ratingScore: number;
  publishedAt: Date | null;
  /** Texts ranked from strongest to weakest: title, then attributes, then description. */
  fields: { title: string[]; attributes: string[]; description: string[] };
  card: ProductCard;
  shop: { id: string; slug: string; name: LocalizedText };
}

/** The signals that change without the product changing: stock, units sold, its rating. */
export interface SignalUpdate {
  productId: string;
  inStock?: boolean;
  salesCount?: number;
  ratingScore?: number;
}

export type SearchSort = 'relevance' | 'price_asc' | 'price_desc' | 'newest' | 'best_selling';

export interface SearchFilters {
  /** A category id; its sub-categories are included. */
  categoryId?: string;
  sellerId?: string;
  provinces?: string[];
  sellerTypes?: string[];
  certifications?: string[];
  /** Only flagship stores' products (seller tier 2). */
  flagshipOnly?: boolean;
  minPriceSatang?: number;
  maxPriceSatang?: number;
  inStock?: boolean;
}

export interface SearchQuery {
  text: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  perPage: number;
  facets: boolean;
}

export interface SearchHit {
  productId: string;
  priceSatang: number;
  inStock: boolean;
  salesCount: number;
  card: ProductCard;
}

export interface FacetCounts {
  categories: { id: string; count: number }[];
  provinces: { value: string; count: number }[];
  sellerTypes: { value: string; count: number }[];
  certifications: { value: string; count: number }[];
  priceRanges: { index: number; count: number }[];
  inStock: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: FacetCounts | null;
  /** The query the results are for, when the typed one found nothing and a spelling fix did. */
  correctedText: string | null;
  /** False when no product had every word and the results have some of them. */
  matchedAllWords: boolean;
}

export interface ProductSuggestion {
  productId: string;
  card: ProductCard;
}
export interface ShopSuggestion {
  sellerId: string;
  slug: string;
  name: LocalizedText;
}

export interface SearchEngine {
  index(db: Executor, docs: SearchDocument[]): Promise<void>;
  remove(db: Executor, productIds: string[]): Promise<void>;
  query(db: Executor, query: SearchQuery): Promise<SearchResult>;
  suggest(
    db: Executor,
    text: string,
    limit: number,
  ): Promise<{ products: ProductSuggestion[]; shops: ShopSuggestion[] }>;
  /** Stock, sales or ratings changed: only these signals are rewritten. */
  updateSignals(db: Executor, updates: SignalUpdate[]): Promise<void>;
  /** A full rebuild indexed everything on sale since `startedAt`: drop the rest, refresh what derives from it. */
  finishRebuild(db: Executor, startedAt: Date, glossaryWords: Iterable<string>): Promise<void>;
}

/** Price ranges offered as a facet, in satang: [0, 100 THB), [100, 300), ... [3,000 THB, no limit). */
export const PRICE_BOUNDS = [10_000, 30_000, 50_000, 100_000, 300_000];
