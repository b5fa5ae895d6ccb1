// The replica engine: the PostgreSQL engine writes the index (the database stays the one truth,
// rebuilt by `talad reindex`), and each process answers queries from an in-memory copy of it
// (memory-replica.ts) — matching, ranking and facet counts over typed arrays, then the page's cards
// from the database. The same answers as the PostgreSQL engine (memory-engine.test.ts compares
// them); a query inside a transaction, which may see its own uncommitted writes, goes to PostgreSQL.
import { sql } from 'drizzle-orm';
import { queryRows, uuidArray, type Executor } from '../../platform/db.ts';
import {
  PRICE_BOUNDS,
  type FacetCounts,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from './engine.ts';
import type { MemoryIndex } from './memory-index.ts';
import { Matcher, Scorer } from './memory-match.ts';
import { replicaOf, type Hidden } from './memory-replica.ts';
import { postgresSearchEngine } from './pg-engine.ts';
import type { ProductCard } from './schema.ts';
import { answerQuery, type Scoring } from './scoring.ts';

const isTransaction = (db: Executor) => typeof (db as { rollback?: unknown }).rollback === 'function';

/**
 * Scratch space reused by every query (the event loop runs one at a time between awaits): each
 * match's relevance and signals by ordinal.
 */
let relScratch = new Float64Array(0);
let signalScratch = new Float64Array(0);

/** The products that are on the page, ranked as the PostgreSQL engine ranks them. */
function comparator(
  index: MemoryIndex,
  q: SearchQuery,
  rel: Float64Array,
  signals: Float64Array,
): (a: number, b: number) => number {
  const rank = index.idRanks();
  const id = (a: number, b: number) => rank[a] - rank[b];
  const relevance = (a: number, b: number) => rel[b] - rel[a] || signals[b] - signals[a] || id(a, b);
  switch (q.sort) {
    case 'relevance':
      return relevance;
    case 'price_asc':
      return (a, b) => index.price[a] - index.price[b] || relevance(a, b);
    case 'price_desc':
      return (a, b) => index.price[b] - index.price[a] || relevance(a, b);
    case 'best_selling':
      return (a, b) => index.sales[b] - index.sales[a] || relevance(a, b);
    case 'newest':
      return (a, b) => {
        const pa = index.published[a];
        const pb = index.published[b];
        if (Number.isNaN(pa) !== Number.isNaN(pb)) return Number.isNaN(pa) ? 1 : -1;
        return (Number.isNaN(pa) ? 0 : pb - pa) || rel[b] - rel[a] || id(a, b);
      };
  }
}

/** The first `k` of `items` in `compare` order, sorted: a bounded heap rather than sorting them all. */
function firstK(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  if (items.length <= k * 4) return items.sort(compare).slice(0, k);
  // Max-heap on `compare` of the best k seen so far: its root is the worst of them.
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(heap[i], heap[p]) <= 0) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && compare(heap[l], heap[m]) > 0) m = l;
      if (r < heap.length && compare(heap[r], heap[m]) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const n of items) {
    if (heap.length < k) {
      heap.push(n);
      up(heap.length - 1);
    } else if (compare(n, heap[0]) < 0) {
      heap[0] = n;
      down(0);
    }
  }
  return heap.sort(compare);
}

/** Interned ids (of provinces, shop types, ...) that a filter lets through, or null for no filter. */
function allowed(values: string[], wanted: string[] | undefined): Uint8Array | null {
  if (!wanted?.length) return null;
  return Uint8Array.from(values, (v) => (wanted.includes(v) ? 1 : 0));
}

export async function runInMemory(
  db: Executor,
  index: MemoryIndex,
  hidden: Hidden,
  q: SearchQuery,
  scoring: Scoring,
): Promise<{ total: number; hits: SearchHit[]; facets: FacetCounts | null }> {
  const f = q.filters;
  const matcher = scoring.match ? new Matcher(index, scoring.match) : null;
  const candidates = matcher ? matcher.candidates() : index.allOrdinals();

  const paths = index.categoryPaths.values;
  const inCategory = f.categoryId ? Uint8Array.from(paths, (p) => (p.includes(f.categoryId!) ? 1 : 0)) : null;
  const sellerIds = index.sellers.values;
  const sellerOk = Uint8Array.from(sellerIds, (s) =>
    hidden.sellers.has(s) || (f.sellerId !== undefined && s !== f.sellerId) ? 0 : 1,
  );
  const provinceOk = allowed(index.provinces.values, f.provinces);
  const typeOk = allowed(index.sellerTypes.values, f.sellerTypes);
  const markSets = index.markSets.values;
  const markOk = f.certifications?.length
    ? Uint8Array.from(markSets, (m) => (m.some((x) => f.certifications!.includes(x)) ? 1 : 0))
    : null;
  const priced = f.minPriceSatang !== undefined || f.maxPriceSatang !== undefined;
  const minPrice = f.minPriceSatang ?? 0;
  const maxPrice = f.maxPriceSatang ?? Number.MAX_SAFE_INTEGER;

  const matched: number[] = [];
  const provinceCounts = new Int32Array(index.provinces.values.length);
  const typeCounts = new Int32Array(index.sellerTypes.values.length);
  const pathCounts = new Int32Array(paths.length);
  const markCounts = new Int32Array(markSets.length);
  const bucketCounts = new Int32Array(PRICE_BOUNDS.length + 1);
  let inStockCount = 0;
  for (const n of candidates) {
    if (!index.alive[n] || !sellerOk[index.seller[n]] || (inCategory && !inCategory[index.categoryPath[n]])) continue;
    if (f.flagshipOnly && index.tier[n] !== 2) continue;
    if (hidden.products.size && hidden.products.has(index.productIds[n])) continue;
    if (matcher && !matcher.matches(n)) continue;
    const fProvince = !provinceOk || provinceOk[index.province[n]] === 1;
    const fType = !typeOk || typeOk[index.sellerType[n]] === 1;
    const fCert = !markOk || markOk[index.marks[n]] === 1;
    const price = index.price[n];
    const fPrice = !priced || (price >= minPrice && price <= maxPrice);
    const fStock = !f.inStock || index.inStock[n] === 1;
    if (fProvince && fType && fCert && fPrice && fStock) {
      matched.push(n);
      pathCounts[index.categoryPath[n]]++;
    }
    if (!q.facets) continue;
    // Each facet counts under every filter but its own (pg-query.ts's grouping sets do the same).
    if (fType && fCert && fPrice && fStock) provinceCounts[index.province[n]]++;
    if (fProvince && fCert && fPrice && fStock) typeCounts[index.sellerType[n]]++;
    if (fProvince && fType && fPrice && fStock) markCounts[index.marks[n]]++;
    if (fProvince && fType && fCert && fStock) {
      let bucket = 0;
      while (bucket < PRICE_BOUNDS.length && PRICE_BOUNDS[bucket] <= price) bucket++;
      bucketCounts[bucket]++;
    }
    if (fProvince && fType && fCert && fPrice && index.inStock[n]) inStockCount++;
  }

  const scorer = new Scorer(index, scoring.rel, scoring.match);
  if (relScratch.length < index.productIds.length) {
    relScratch = new Float64Array(index.productIds.length * 2);
    signalScratch = new Float64Array(index.productIds.length * 2);
  }
  const rel = relScratch;
  const signals = signalScratch;
  for (const n of matched) {
    rel[n] = scorer.score(n);
    // The same key as SIGNALS in pg-query.ts (below 2^35: exact in a double).
    signals[n] =
      index.inStock[n] * 2 ** 34 +
      Math.min(index.tier[n], 3) * 2 ** 32 +
      Math.min(markSets[index.marks[n]].length, 15) * 2 ** 28 +
      Math.min(Math.floor((index.rating[n] + 2) / 5), 15) * 2 ** 24 +
      Math.min(index.sales[n], 16_777_215);
  }
  const offset = (q.page - 1) * q.perPage;
  const page = firstK(matched, offset + q.perPage, comparator(index, q, rel, signals)).slice(offset);
  const hits = await hitsWithCards(db, index, page);

  let facets: FacetCounts | null = null;
  if (q.facets) {
    const categories = new Map<string, number>();
    pathCounts.forEach((count, p) => {
      if (count) for (const id of paths[p]) categories.set(id, (categories.get(id) ?? 0) + count);
    });
    const marks = new Map<string, number>();
    markCounts.forEach((count, m) => {
      if (count) for (const mark of markSets[m]) marks.set(mark, (marks.get(mark) ?? 0) + count);
    });
    const listed = (values: string[], counts: Int32Array) =>
      values.flatMap((value, i) => (counts[i] ? [{ value, count: counts[i] }] : []));
    facets = {
      categories: [...categories].map(([id, count]) => ({ id, count })),
      provinces: listed(index.provinces.values, provinceCounts),
      sellerTypes: listed(index.sellerTypes.values, typeCounts),
      certifications: [...marks].map(([value, count]) => ({ value, count })),
      priceRanges: [...bucketCounts].flatMap((count, i) => (count ? [{ index: i, count }] : [])),
      inStock: inStockCount,
    };
  }
  return { total: matched.length, hits, facets };
}

/**
 * Cards recently shown, per replica, with the transaction that had written their product's row:
 * a card is written with its document, so while the row is unchanged the card is too.
 */
const CARDS_KEPT = 5_000;
const cardCaches = new WeakMap<MemoryIndex, Map<number, { xid: string; card: ProductCard }>>();

async function hitsWithCards(db: Executor, index: MemoryIndex, page: number[]): Promise<SearchHit[]> {
  if (!page.length) return [];
  let cache = cardCaches.get(index);
  if (!cache) {
    cache = new Map();
    cardCaches.set(index, cache);
  }
  const missing = page.filter((n) => cache.get(n)?.xid !== index.xids[n]);
  if (missing.length) {
    const xids = new Map(missing.map((n) => [index.productIds[n], { n, xid: index.xids[n] }]));
    const rows = await queryRows<{ product_id: string; card: ProductCard | string }>(
      db,
      sql`
      select product_id::text, card from search_cards where product_id = any(${uuidArray([...xids.keys()])}::uuid[])`,
    );
    for (const r of rows) {
      const { n, xid } = xids.get(r.product_id)!;
      cache.delete(n);
      cache.set(n, { xid, card: typeof r.card === 'string' ? (JSON.parse(r.card) as ProductCard) : r.card });
    }
    for (const n of cache.keys()) {
      if (cache.size <= CARDS_KEPT) break;
      cache.delete(n);
    }
  }
  return page.flatMap((n) => {
    const card = cache.get(n)?.card;
    return card
      ? [
          {
            productId: index.productIds[n],
            priceSatang: index.price[n],
            inStock: index.inStock[n] === 1,
            salesCount: index.sales[n],
            card,
          },
        ]
      : [];
  });
}

export class MemorySearchEngine implements SearchEngine {
  index = postgresSearchEngine.index.bind(postgresSearchEngine);
  remove = postgresSearchEngine.remove.bind(postgresSearchEngine);
  updateSignals = postgresSearchEngine.updateSignals.bind(postgresSearchEngine);
  finishRebuild = postgresSearchEngine.finishRebuild.bind(postgresSearchEngine);
  suggest = postgresSearchEngine.suggest.bind(postgresSearchEngine);

  async query(db: Executor, query: SearchQuery): Promise<SearchResult> {
    if (isTransaction(db)) return postgresSearchEngine.query(db, query);
    const replica = replicaOf(db);
    await replica.refresh();
    const { index, hidden } = replica;
    return answerQuery(db, query, (scoring) => runInMemory(db, index, hidden, query, scoring));
  }

  /** Loads the copy ahead of the first query (at start, so that the first buyer does not wait). */
  async warm(db: Executor): Promise<number> {
    const replica = replicaOf(db);
    await replica.refresh();
    return replica.index.size;
  }
}

export const memorySearchEngine = new MemorySearchEngine();
