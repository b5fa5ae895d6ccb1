import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testConfig } from '../../../test/db.ts';
import { queryRows, type Database } from '../../platform/db.ts';
import { createMediaStorage } from '../../platform/storage.ts';
import { categoryTree } from '../catalog/index.ts';
import type { SearchQuery, SearchSort } from './engine.ts';
import { MemoryIndex, parseTsvector } from './memory-index.ts';
import { memorySearchEngine, postgresSearchEngine, reindex } from './service.ts';
import { Indexer } from './indexer.ts';
import { loadRelevanceCatalog } from './relevance/testing.ts';
import { LABELLED_QUERIES } from './relevance/queries.ts';
import { replicaOf } from './memory-replica.ts';
import { Scorer } from './memory-match.ts';
import { scoreSql, Tsqueries } from './pg-query.ts';
import { compileQuery } from './query.ts';
import { relevance } from './scoring.ts';

let database: Database;
const storage = createMediaStorage(testConfig());
beforeAll(async () => {
  database = await createTestDatabase();
  await loadRelevanceCatalog(database.db, storage);
  await reindex(database.db);
});
afterAll(async () => {
  await database?.close();
});

const SORTS: SearchSort[] = ['relevance', 'price_asc', 'price_desc', 'newest', 'best_selling'];

describe('the in-memory replica', () => {
  it('reads tsvectors as PostgreSQL prints them: quotes, backslashes, weights, positions', async () => {
    const [{ text }] = await queryRows<{ text: string }>(
      database.db,
      sql`select $$'it''s':1A,3 'a\\\\b':2B '~durian':1C$$::tsvector::text as text`,
    );
    const lexemes: string[] = [];
    const { ids, positions } = parseTsvector(text, (l) => lexemes.push(l) - 1);
    const read = [...ids].map(
      (id, k) =>
        `${lexemes[id]}=${[...positions.slice(positions[k], positions[k + 1])].map((p) => `${p >> 2}${'DCBA'[p & 3]}`).join(',')}`,
    );
    expect(read.sort()).toEqual(['a\\b=2B', "it's=1A,3D", '~durian=1C']);
  });

  it('finds lexemes by their beginning, also ones that arrive after the first lookup', () => {
    const index = new MemoryIndex();
    const row = (id: string, lexemes: string) => ({
      product_id: id,
      seller_id: 's',
      category_ids: 'c',
      province_code: '22',
      seller_type: 'cooperative',
      seller_tier: 1,
      certifications: '',
      price: 100,
      in_stock: true,
      sales_count: 0,
      rating_score: 35,
      published_ms: null,
      lexemes,
      xid: '1',
    });
    index.put(row('a', "'ทุเรียน':1A 'ทุ่ง':2A 'durian':3A"));
    const texts = (prefix: string) =>
      index
        .lexemesStartingWith(prefix)
        .map((id) => index.lexemes[id])
        .sort();
    expect(texts('ทุ')).toEqual(['ทุ่ง', 'ทุเรียน'].sort());
    index.put(row('b', "'ทุกวัน':1A 'dur':2B"));
    expect(texts('ทุ')).toEqual(['ทุกวัน', 'ทุ่ง', 'ทุเรียน'].sort());
    expect(texts('dur')).toEqual(['dur', 'durian']);
    expect(texts('x')).toEqual([]);
  });

  it('answers every labelled query, with filters, sorts, pages and facets, exactly as the PostgreSQL engine does', async () => {
    const tree = await categoryTree(database.db, 'th');
    const food = tree.find((c) => c.slug === 'food') ?? tree[0];
    const variations: Partial<SearchQuery>[] = [
      {},
      { sort: 'price_asc', filters: { inStock: true } },
      { sort: 'newest', filters: { provinces: ['22', '45'] } },
      {
        sort: 'best_selling',
        filters: { sellerTypes: ['cooperative'], minPriceSatang: 5_000, maxPriceSatang: 50_000 },
      },
      { sort: 'price_desc', filters: { categoryId: food.id }, page: 2, perPage: 3 },
    ];
    // Titles as typed, whole and their first words: phrases in the title, where ranking weighs most.
    const titles = await queryRows<{ th: string; zh: string | null; en: string | null }>(
      database.db,
      sql`
      select title_th as th, title_zh as zh, title_en as en from products order by id limit 40`,
    );
    const fromTitles = titles
      .flatMap((t) => [
        t.th,
        t.th.split(' ').slice(0, 2).join(' '),
        t.zh ?? '',
        (t.en ?? '').split(' ').slice(0, 3).join(' '),
      ])
      .filter(Boolean);
    let compared = 0;
    for (const labelled of [...LABELLED_QUERIES.map((l) => l.q), '', 'ข้าว', '榴', 'silk scarf', ...fromTitles]) {
      for (const v of variations) {
        const query: SearchQuery = {
          text: labelled,
          filters: {},
          sort: 'relevance',
          page: 1,
          perPage: 10,
          facets: true,
          ...v,
        };
        const fromMemory = await memorySearchEngine.query(database.db, query);
        const fromPostgres = await postgresSearchEngine.query(database.db, query);
        const facetsSorted = (r: typeof fromMemory) =>
          r.facets &&
          Object.fromEntries(
            Object.entries(r.facets).map(([k, list]) => [
              k,
              Array.isArray(list) ? [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : list,
            ]),
          );
        expect({ ...fromMemory, facets: facetsSorted(fromMemory) }, `${labelled} ${JSON.stringify(v)}`).toEqual({
          ...fromPostgres,
          facets: facetsSorted(fromPostgres),
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
    // The comparison is only worth something if the queries found things in many ways.
    const found = await memorySearchEngine.query(database.db, {
      text: 'ทุเรียน',
      filters: {},
      sort: 'relevance',
      page: 1,
      perPage: 10,
      facets: true,
    });
    expect(found.total).toBeGreaterThan(3);
    expect(found.facets!.provinces.length).toBeGreaterThan(0);
  }, 240_000); // ~400 searches on both engines: about 50 s on a quiet machine

  it('scores every product for every query as PostgreSQL does: words, weights, phrases, half-typed words', async () => {
    const titles = await queryRows<{ th: string; zh: string | null; en: string | null }>(
      database.db,
      sql`
      select title_th as th, title_zh as zh, title_en as en from products order by id`,
    );
    const texts = [
      ...LABELLED_QUERIES.map((l) => l.q),
      ...titles.flatMap((t) => [t.th, t.th.split(' ').slice(0, 2).join(' '), t.zh ?? '', t.en ?? '']),
    ].filter(Boolean);
    await memorySearchEngine.warm(database.db);
    const index = replicaOf(database.db).index;
    let bonuses = 0;
    for (const text of texts) {
      for (const halfTyped of [false, true]) {
        const plan = compileQuery(text, { halfTyped });
        const score = relevance(plan);
        if (!score) continue;
        const tsq = new Tsqueries();
        const rel = scoreSql(score, tsq);
        const rows = await queryRows<{ id: string; rel: number }>(
          database.db,
          sql`
          with ${tsq.cte()} select d.product_id::text as id, ${rel} as rel from tsq, search_documents d`,
        );
        const scorer = new Scorer(index, score);
        const fromMemory = Object.fromEntries(rows.map((r) => [r.id, scorer.score(index.ordinalOf(r.id)!)]));
        expect(fromMemory, `${text} (half-typed: ${halfTyped})`).toEqual(
          Object.fromEntries(rows.map((r) => [r.id, r.rel])),
        );
        bonuses += rows.filter((r) => r.rel >= 8).length;
      }
    }
    // Phrases in the title (8 points) were among what was compared.
    expect(bonuses).toBeGreaterThan(20);
  });

  it('follows the index after it was loaded: a removed product is gone, an indexed one back, a new price seen', async () => {
    const query: SearchQuery = { text: 'ทุเรียน', filters: {}, sort: 'relevance', page: 1, perPage: 50, facets: false };
    const before = await memorySearchEngine.query(database.db, query);
    const gone = before.hits[0];
    await postgresSearchEngine.remove(database.db, [gone.productId]);
    const without = await memorySearchEngine.query(database.db, query);
    expect(without.total).toBe(before.total - 1);
    expect(without.hits.map((h) => h.productId)).not.toContain(gone.productId);
    await new Indexer(postgresSearchEngine).indexProducts(database.db, [gone.productId]);
    const back = await memorySearchEngine.query(database.db, query);
    expect(back).toEqual(before);
    await postgresSearchEngine.updateSignals(database.db, [{ productId: gone.productId, inStock: false }]);
    await database.db.execute(
      sql`update search_documents set price_satang = 1, change_xid = pg_current_xact_id() where product_id = ${gone.productId}::uuid`,
    );
    const cheapest = await memorySearchEngine.query(database.db, { ...query, sort: 'price_asc' });
    expect(cheapest.hits[0]).toMatchObject({ productId: gone.productId, priceSatang: 1, inStock: false });
    expect(await postgresSearchEngine.query(database.db, { ...query, sort: 'price_asc' })).toEqual(cheapest);
    // A card already shown is shown anew once its product is indexed again with another title.
    await database.db.execute(
      sql`update products set title_th = 'ทุเรียนก้านยาวนนท์ ชื่อใหม่' where id = ${gone.productId}::uuid`,
    );
    await new Indexer(postgresSearchEngine).indexProducts(database.db, [gone.productId]);
    const renamed = await memorySearchEngine.query(database.db, query);
    expect(renamed.hits.find((h) => h.productId === gone.productId)?.card.title.th).toBe('ทุเรียนก้านยาวนนท์ ชื่อใหม่');
    expect(renamed).toEqual(await postgresSearchEngine.query(database.db, query));
  });
});
