// Search: what the routes, the command line and the outbox worker call. Finds products on sale in
// any of the three languages, with filters, facets, sorting and pages; suggests as the buyer types;
// keeps the index fresh from the catalog's, inventory's and orders' events.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { LocalizedText } from '../../platform/http.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { categoryTree, type CategoryNode } from '../catalog/index.ts';
import { getShopBySlug } from '../sellers/index.ts';
import type { SearchEngine, SearchFilters, SearchSort } from './engine.ts';
import { memorySearchEngine } from './memory-engine.ts';
import { describeFacets, type Facets } from './facets.ts';
import { glossary } from './glossary.ts';
import { normalizeText } from './tokenizer.ts';
import { Indexer, type IndexSources } from './indexer.ts';
import './messages.ts';

export {
  certificationSourceHook,
  Indexer,
  indexSources,
  type CertificationSource,
  type IndexSources,
} from './indexer.ts';
export { searchSubscriptions } from './handlers.ts';

/**
 * The engine this deployment uses: the PostgreSQL engine's index, answered from each process's
 * in-memory replica of it (memory-engine.ts).
 */
export const searchEngine: SearchEngine = memorySearchEngine;
export { memorySearchEngine } from './memory-engine.ts';
export { postgresSearchEngine } from './pg-engine.ts';

/** Deep pages cost the database more than any buyer reads: narrowing the search is the answer. */
export const MAX_RESULTS_PAGED = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SearchParams {
  q?: string;
  category?: string;
  seller?: string;
  province?: string[];
  sellerType?: string[];
  certification?: string[];
  flagship?: boolean;
  minPriceSatang?: number;
  maxPriceSatang?: number;
  inStock?: boolean;
  sort?: SearchSort;
  page: number;
  perPage: number;
  facets?: boolean;
}

export interface SearchItem {
  id: string;
  slug: string;
  title: string;
  titleLang: Locale;
  titleI18n: LocalizedText;
  priceSatang: number;
  currency: 'THB';
  inStock: boolean;
  thumbnailUrl: string | null;
  categoryId: string;
  originProvince: { code: string; name: string };
  certifications: string[];
  shop: { id: string; slug: string; name: string; nameI18n: LocalizedText; isFlagship: boolean };
}

export interface SearchPage {
  query: string;
  lang: Locale;
  correctedQuery: string | null;
  matchedAllWords: boolean;
  sort: SearchSort;
  total: number;
  page: number;
  perPage: number;
  items: SearchItem[];
  facets: Facets | null;
}

/** The category tree changes rarely (an operator's edit, a new seed): read at most every 30 seconds. */
const TREE_TTL_MS = 30_000;
const trees = new WeakMap<object, { at: number; tree: CategoryNode[]; locale: Locale }[]>();

async function cachedTree(db: Executor, locale: Locale): Promise<CategoryNode[]> {
  const list = trees.get(db) ?? [];
  const hit = list.find((t) => t.locale === locale && Date.now() - t.at < TREE_TTL_MS);
  if (hit) return hit.tree;
  const tree = await categoryTree(db, locale);
  trees.set(db, [...list.filter((t) => t.locale !== locale), { at: Date.now(), tree, locale }]);
  return tree;
}

function findCategory(tree: CategoryNode[], ref: string): CategoryNode | undefined {
  for (const n of tree) {
    if (n.id === ref || n.slug === ref) return n;
    const found = findCategory(n.children, ref);
    if (found) return found;
  }
  return undefined;
}

const text = (t: LocalizedText, locale: Locale): { text: string; lang: Locale } =>
  locale !== 'th' && t[locale] ? { text: t[locale]!, lang: locale } : { text: t.th, lang: 'th' };

async function resolveFilters(db: Executor, p: SearchParams, tree: CategoryNode[]): Promise<SearchFilters> {
  const errors: FieldError[] = [];
  const filters: SearchFilters = {
    provinces: p.province,
    sellerTypes: p.sellerType,
    certifications: p.certification,
    flagshipOnly: p.flagship || undefined,
    minPriceSatang: p.minPriceSatang,
    maxPriceSatang: p.maxPriceSatang,
    inStock: p.inStock,
  };
  if (p.category) {
    const node = findCategory(tree, p.category);
    if (node) filters.categoryId = node.id;
    else errors.push({ field: 'category', code: 'unknown_category' });
  }
  if (p.seller) {
    if (UUID.test(p.seller)) filters.sellerId = p.seller;
    else {
      try {
        filters.sellerId = (await getShopBySlug(db, p.seller)).id;
      } catch {
        errors.push({ field: 'seller', code: 'unknown_shop' });
      }
    }
  }
  if (p.minPriceSatang !== undefined && p.maxPriceSatang !== undefined && p.maxPriceSatang < p.minPriceSatang) {
    errors.push({ field: 'maxPriceSatang', code: 'below_min_price', params: { min: p.minPriceSatang } });
  }
  if (p.page * p.perPage > MAX_RESULTS_PAGED)
    errors.push({ field: 'page', code: 'page_too_deep', params: { max: MAX_RESULTS_PAGED } });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  return filters;
}

export async function searchProducts(
  db: Executor,
  locale: Locale,
  p: SearchParams,
  storage: MediaStorage,
  engine = searchEngine,
): Promise<SearchPage> {
  const tree = await cachedTree(db, locale);
  const filters = await resolveFilters(db, p, tree);
  const sort = p.sort ?? (p.q?.trim() ? 'relevance' : 'newest');
  const result = await engine.query(db, {
    text: p.q ?? '',
    filters,
    sort,
    page: p.page,
    perPage: p.perPage,
    facets: p.facets ?? true,
  });
  return {
    query: p.q ?? '',
    lang: locale,
    correctedQuery: result.correctedText,
    matchedAllWords: result.matchedAllWords,
    sort,
    total: result.total,
    page: p.page,
    perPage: p.perPage,
    items: result.hits.map((h) => {
      const title = text(h.card.title, locale);
      const province = provinceByCode(h.card.originProvinceCode);
      return {
        id: h.productId,
        slug: h.card.slug,
        title: title.text,
        titleLang: title.lang,
        titleI18n: h.card.title,
        priceSatang: h.priceSatang,
        currency: 'THB',
        inStock: h.inStock,
        thumbnailUrl: h.card.thumbKey ? storage.url(h.card.thumbKey) : null,
        categoryId: h.card.categoryId,
        originProvince: {
          code: h.card.originProvinceCode,
          name: province ? province[locale] : h.card.originProvinceCode,
        },
        certifications: h.card.certifications ?? [],
        shop: {
          id: h.card.shop.id,
          slug: h.card.shop.slug,
          name: text(h.card.shop.name, locale).text,
          nameI18n: h.card.shop.name,
          isFlagship: h.card.shop.isFlagship,
        },
      };
    }),
    facets: result.facets ? describeFacets(result.facets, tree, filters, locale) : null,
  };
}

export type Suggestion =
  | { kind: 'category'; text: string; id: string; slug: string }
  | { kind: 'product'; text: string; id: string; slug: string; shopSlug: string }
  | { kind: 'shop'; text: string; id: string; slug: string };

export const MAX_SUGGESTIONS = 8;

/** Categories whose name (in any language) begins with or holds the typed text, or means the same. */
function matchingCategories(tree: CategoryNode[], typed: string, locale: Locale): Suggestion[] {
  const q = normalizeText(typed).trim();
  const meant = new Set([...glossary.conceptsOf(q), ...glossary.conceptsStartingWith(q)]);
  const scored: { node: CategoryNode; score: number; depth: number }[] = [];
  const walk = (nodes: CategoryNode[], depth: number) => {
    for (const n of nodes) {
      const names = [n.nameI18n.th, n.nameI18n.zh, n.nameI18n.en]
        .filter((x): x is string => Boolean(x))
        .map(normalizeText);
      const score = names.some((name) => name === q)
        ? 3
        : names.some((name) => name.startsWith(q))
          ? 2
          : names.some((name) => glossary.conceptsOf(name).some((c) => meant.has(c)))
            ? 2
            : [...q].length >= 2 && names.some((name) => name.includes(q))
              ? 1
              : 0;
      if (score) scored.push({ node: n, score, depth });
      walk(n.children, depth + 1);
    }
  };
  walk(tree, 0);
  scored.sort((a, b) => b.score - a.score || b.depth - a.depth || (a.node.slug < b.node.slug ? -1 : 1));
  return scored
    .slice(0, 2)
    .map(({ node }) => ({ kind: 'category', text: text(node.nameI18n, locale).text, id: node.id, slug: node.slug }));
}

/** Up to eight suggestions as the buyer types: categories, then products, then shops. */
export async function suggest(
  db: Executor,
  locale: Locale,
  typed: string,
  engine = searchEngine,
): Promise<Suggestion[]> {
  if (!typed.trim()) return [];
  const [tree, found] = await Promise.all([cachedTree(db, locale), engine.suggest(db, typed, MAX_SUGGESTIONS)]);
  const categories = matchingCategories(tree, typed, locale);
  const shops: Suggestion[] = found.shops
    .slice(0, 2)
    .map((s) => ({ kind: 'shop', text: text(s.name, locale).text, id: s.sellerId, slug: s.slug }));
  const seen = new Set<string>();
  const products: Suggestion[] = [];
  for (const p of found.products) {
    const title = text(p.card.title, locale).text;
    if (seen.has(title)) continue;
    seen.add(title);
    products.push({ kind: 'product', text: title, id: p.productId, slug: p.card.slug, shopSlug: p.card.shop.slug });
  }
  const room = MAX_SUGGESTIONS - categories.length - Math.min(shops.length, 2);
  return [...categories, ...products.slice(0, room), ...shops].slice(0, MAX_SUGGESTIONS);
}

/** A database with products on sale but an empty index (search added to an existing platform): index it all. */
export async function indexIfEmpty(db: Executor, engine = searchEngine, sources?: IndexSources): Promise<number> {
  const [row] = await queryRows<{ any: boolean }>(db, sql`select exists(select 1 from search_documents) as any`);
  return row.any ? 0 : reindex(db, undefined, engine, sources);
}

/** `talad reindex`: the whole index again from the catalog. */
export async function reindex(
  db: Executor,
  onProgress?: (done: number, total: number) => void,
  engine = searchEngine,
  sources?: IndexSources,
): Promise<number> {
  return new Indexer(engine, sources).reindexAll(db, { onProgress });
}
