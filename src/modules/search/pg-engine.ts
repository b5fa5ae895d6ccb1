// The search engine on PostgreSQL (PGlite or a server, PostgreSQL 15 and later): documents as
// tsvectors written by the application, a GIN index, pg_trgm for spelling. Writes are set-based:
// one statement per table for a whole batch of documents.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, uuidArray, type Executor } from '../../platform/db.ts';
import type {
  SearchDocument,
  SearchEngine,
  SearchQuery,
  SearchResult,
  SignalUpdate,
  ProductSuggestion,
  ShopSuggestion,
} from './engine.ts';
import { LexemeWriter } from './lexemes.ts';
import { compileQuery, toTsquery } from './query.ts';
import { answerQuery } from './scoring.ts';
import { hiddenProducts, notHidden, runSearch, Tsqueries } from './pg-query.ts';

/** SQL twin of foldThai() (tokenizer.ts): drop tone and silent marks, merge vowel lengths, ใ as ไ. */
const FOLD_SQL = (column: string) =>
  sql.raw(
    `translate(${column}, '\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e39\u0e35\u0e37\u0e43', '\u0e38\u0e34\u0e36\u0e44')`,
  );

function documentLexemes(doc: SearchDocument): LexemeWriter {
  const writer = new LexemeWriter();
  for (const t of doc.fields.title) writer.add(t, 'A');
  for (const t of doc.fields.attributes) writer.add(t, 'B');
  for (const t of doc.fields.description) writer.add(t, 'C');
  return writer;
}

function shopLexemes(name: SearchDocument['shop']['name']): string {
  const writer = new LexemeWriter();
  for (const t of [name.th, name.zh, name.en]) writer.add(t, 'A');
  return writer.toString();
}

export class PostgresSearchEngine implements SearchEngine {
  async index(db: Executor, docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    const words = new Set<string>();
    // Written in category order, so that the products of one category share pages: a query
    // (mostly about one kind of product) then reads fewer pages.
    const ordered = [...docs].sort(
      (a, b) => compareText(a.categoryIds.join(), b.categoryIds.join()) || compareText(a.productId, b.productId),
    );
    const rows = ordered.map((d) => {
      const lexemes = documentLexemes(d);
      for (const w of lexemes.words) words.add(w);
      return {
        product_id: d.productId,
        seller_id: d.sellerId,
        category_ids: d.categoryIds,
        variant_ids: d.variantIds,
        province_code: d.provinceCode,
        seller_type: d.sellerType,
        seller_tier: d.sellerTier,
        certifications: d.certifications,
        price_satang: d.priceSatang,
        in_stock: d.inStock,
        sales_count: d.salesCount,
        rating_score: d.ratingScore,
        published_at: d.publishedAt?.toISOString() ?? null,
        lexemes: lexemes.toString(),
        card: d.card,
      };
    });
    const shops = [...new Map(docs.map((d) => [d.shop.id, d.shop])).values()].map((s) => ({
      seller_id: s.id,
      slug: s.slug,
      name: s.name,
      lexemes: shopLexemes(s.name),
    }));
    const payload = JSON.stringify(rows);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into search_documents (product_id, seller_id, category_ids, variant_ids, province_code, seller_type, seller_tier,
          certifications, price_satang, in_stock, sales_count, rating_score, published_at, lexemes, indexed_at)
        select product_id, seller_id, category_ids, variant_ids, province_code, seller_type, seller_tier,
          certifications, price_satang, in_stock, sales_count, rating_score, published_at, lexemes::tsvector, now()
        from jsonb_to_recordset(${payload}::jsonb) as x(product_id uuid, seller_id uuid, category_ids uuid[], variant_ids uuid[],
          province_code text, seller_type text, seller_tier smallint, certifications text[], price_satang bigint, in_stock boolean,
          sales_count int, rating_score smallint, published_at timestamptz, lexemes text)
        on conflict (product_id) do update set seller_id = excluded.seller_id, category_ids = excluded.category_ids,
          variant_ids = excluded.variant_ids, province_code = excluded.province_code, seller_type = excluded.seller_type,
          seller_tier = excluded.seller_tier, certifications = excluded.certifications, price_satang = excluded.price_satang,
          in_stock = excluded.in_stock, sales_count = excluded.sales_count, rating_score = excluded.rating_score,
          published_at = excluded.published_at,
          lexemes = excluded.lexemes, indexed_at = excluded.indexed_at, change_xid = pg_current_xact_id()`);
      await tx.execute(
        sql`delete from search_removals where product_id in (select (x->>'product_id')::uuid from jsonb_array_elements(${payload}::jsonb) as x)`,
      );
      await tx.execute(sql`
        insert into search_cards (product_id, card)
        select product_id, card from jsonb_to_recordset(${payload}::jsonb) as x(product_id uuid, card jsonb)
        on conflict (product_id) do update set card = excluded.card`);
      await tx.execute(sql`
        insert into search_shops (seller_id, slug, name, lexemes)
        select seller_id, slug, name, lexemes::tsvector from jsonb_to_recordset(${JSON.stringify(shops)}::jsonb)
          as x(seller_id uuid, slug text, name jsonb, lexemes text)
        on conflict (seller_id) do update set slug = excluded.slug, name = excluded.name, lexemes = excluded.lexemes`);
      await countShopProducts(
        tx,
        shops.map((s) => s.seller_id),
      );
      await tx.execute(sql`
        insert into search_terms (term, folded)
        select w, ${FOLD_SQL('w')} from jsonb_array_elements_text(${JSON.stringify([...words])}::jsonb) as w
        on conflict (term) do nothing`);
    });
  }

  async remove(db: Executor, productIds: string[]): Promise<void> {
    if (!productIds.length) return;
    await db.transaction(async (tx) => {
      const gone = await deleteDocuments(tx, sql`product_id = any(${uuidArray(productIds)}::uuid[])`);
      await countShopProducts(tx, gone);
    });
  }

  /** Stock, sales or ratings changed: only the signals are rewritten, and only where they differ. */
  async updateSignals(db: Executor, updates: SignalUpdate[]): Promise<void> {
    if (!updates.length) return;
    const rows = updates.map((u) => ({
      product_id: u.productId,
      in_stock: u.inStock,
      sales_count: u.salesCount,
      rating_score: u.ratingScore,
    }));
    await db.execute(sql`
      update search_documents d set in_stock = coalesce(u.in_stock, d.in_stock), sales_count = coalesce(u.sales_count, d.sales_count),
        rating_score = coalesce(u.rating_score, d.rating_score), change_xid = pg_current_xact_id()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as u(product_id uuid, in_stock boolean, sales_count int, rating_score smallint)
      where d.product_id = u.product_id
        and (d.in_stock is distinct from coalesce(u.in_stock, d.in_stock) or d.sales_count is distinct from coalesce(u.sales_count, d.sales_count)
          or d.rating_score is distinct from coalesce(u.rating_score, d.rating_score))`);
  }

  /** After a full rebuild: drop what was not indexed since `startedAt`, recount the vocabulary. */
  async finishRebuild(db: Executor, startedAt: Date, glossaryWords: Iterable<string>): Promise<void> {
    await db.transaction(async (tx) => {
      await countShopProducts(tx, await deleteDocuments(tx, sql`indexed_at < ${startedAt.toISOString()}::timestamptz`));
      await tx.execute(sql`delete from search_shops where products = 0`);
      await tx.execute(sql`delete from search_terms`);
      // Title and attribute words (weights A and B) with the number of products that have them.
      await tx.execute(sql`
        insert into search_terms (term, folded, docs)
        select u.lexeme, ${FOLD_SQL('u.lexeme')}, count(*)::int
        from search_documents d, unnest(d.lexemes) as u(lexeme, positions, weights)
        where left(u.lexeme, 1) <> '~' and u.weights && '{A,B}'::text[] and u.lexeme !~ '^[0-9.]+$'
        group by u.lexeme`);
      await tx.execute(sql`
        insert into search_terms (term, folded, docs)
        select w, ${FOLD_SQL('w')}, 0 from jsonb_array_elements_text(${JSON.stringify([...glossaryWords])}::jsonb) as w
        on conflict (term) do nothing`);
    });
    // New entries wait in the GIN index's pending list, which every search reads through: merge
    // them now, and give the planner fresh statistics.
    await db.execute(sql`select gin_clean_pending_list('search_documents_lexemes_idx'::regclass)`);
    await db.execute(sql`analyze search_documents`);
  }

  query(db: Executor, query: SearchQuery): Promise<SearchResult> {
    return answerQuery(db, query, (scoring) => runSearch(db, query, scoring));
  }

  async suggest(
    db: Executor,
    text: string,
    limit: number,
  ): Promise<{ products: ProductSuggestion[]; shops: ShopSuggestion[] }> {
    const plan = compileQuery(text);
    const titles = toTsquery(plan, { weights: 'A' });
    const any = toTsquery(plan);
    if (!titles || !any) return { products: [], shops: [] };
    const exactTitle = toTsquery(plan, { weights: 'A', exact: true })!;
    const tsq = new Tsqueries();
    const [title, all, whole] = [tsq.ref(titles), tsq.ref(any), tsq.ref(exactTitle)];
    const [row] = await queryRows<{ products: ProductSuggestion[]; shops: ShopSuggestion[] }>(
      db,
      sql`
      with ${tsq.cte()}, ${hiddenProducts}
      select
        (select coalesce(json_agg(json_build_object('productId', x.product_id, 'card', c.card) order by x.n), '[]'::json)
          from (select p.*, row_number() over () as n from (
            select d.product_id from tsq, search_documents d
            where d.lexemes @@ ${title} and ${notHidden}
            order by (d.lexemes @@ ${whole}) desc, d.in_stock desc, d.sales_count desc, d.seller_tier desc, d.product_id
            limit ${limit * 3}) p) x
          join search_cards c on c.product_id = x.product_id) as products,
        (select coalesce(json_agg(json_build_object('sellerId', s.seller_id, 'slug', s.slug, 'name', s.name) order by s.products desc, s.seller_id), '[]'::json)
          from (select search_shops.* from tsq, search_shops where lexemes @@ ${all} and products > 0
            order by products desc, seller_id limit 3) s) as shops`,
    );
    return row;
  }
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Deletes the documents matching `where` (a trigger notes each in search_removals for the replicas,
 * migration 0013) and forgets removals older than a week; returns the shops that lost products.
 */
async function deleteDocuments(tx: Executor, where: SQL): Promise<string[]> {
  const gone = await queryRows<{ seller_id: string }>(
    tx,
    sql`
    with gone as (delete from search_documents where ${where} returning seller_id) select distinct seller_id from gone`,
  );
  await tx.execute(sql`delete from search_removals where removed_at < now() - interval '7 days'`);
  return gone.map((g) => g.seller_id);
}

/** Keeps each shop's count of products in the index (shops without any are not suggested). */
async function countShopProducts(tx: Executor, sellerIds: string[]): Promise<void> {
  if (!sellerIds.length) return;
  await tx.execute(sql`
    update search_shops s set products = (select count(*) from search_documents d where d.seller_id = s.seller_id)
    where s.seller_id = any(${uuidArray(sellerIds)}::uuid[])`);
}

export const postgresSearchEngine = new PostgresSearchEngine();
