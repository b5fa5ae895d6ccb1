// The PostgreSQL engine's read side: one statement answers a search page — the matching products
// (GIN index on the tsvector), their ranking, the page of hits with their cards and every facet
// count, computed from one materialized set of matches.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import { PRICE_BOUNDS, type FacetCounts, type SearchHit, type SearchQuery, type SearchSort } from './engine.ts';
import { writeTsquery } from './query.ts';
import type { Score, Scoring } from './scoring.ts';

/**
 * Products changed in the last moments whose change the index has not taken in yet (the outbox
 * worker runs every second) and that are no longer on sale: archived, or their shop is no longer
 * approved. They are left out at once, read from the views the catalog and the sellers publish
 * (products_on_sale, shops_on_sale), for the few pending events only.
 */
export const hiddenProducts = sql`hidden as (
  select (o.payload->>'productId')::uuid as product_id, null::uuid as seller_id from outbox o
  where o.delivered_at is null and o.topic = 'product.updated'
    and not exists (select 1 from products_on_sale p where p.id = (o.payload->>'productId')::uuid)
  union all
  select null, o.aggregate_id from outbox o
  where o.delivered_at is null and o.topic like 'seller.%'
    and not exists (select 1 from shops_on_sale s where s.id = o.aggregate_id)
)`;

export const notHidden = sql`d.product_id <> all(array(select product_id from hidden where product_id is not null))
  and d.seller_id <> all(array(select seller_id from hidden where seller_id is not null))`;

/**
 * The tsqueries of one statement, parsed once in a one-row CTE (tsq) and referred to by column.
 * Written as `$1::tsquery` next to each use instead, a prepared statement's generic plan would
 * parse the text again for every row it tests (postgres.js prepares statements, and PostgreSQL
 * moves to a generic plan after five runs of the same text).
 */
export class Tsqueries {
  private readonly texts: string[] = [];

  ref(text: string): SQL {
    let i = this.texts.indexOf(text);
    if (i < 0) i = this.texts.push(text) - 1;
    return sql.raw(`tsq.q${i}`);
  }

  cte(): SQL {
    const columns = this.texts.map((t, i) => sql`${t}::tsquery as ${sql.raw(`q${i}`)}`);
    return sql`tsq as materialized (select ${columns.length ? sql.join(columns, sql`, `) : sql`null::tsquery as q0`})`;
  }
}

/** A score as SQL: each tsquery matched is worth its points. */
export function scoreSql(score: Score | null, tsq: Tsqueries): SQL {
  if (!score) return sql`0`;
  if (score.op === 'points')
    return sql`(d.lexemes @@ ${tsq.ref(writeTsquery(score.node))})::int * ${sql.raw(String(score.points))}`;
  const parts = score.parts.map((p) => scoreSql(p, tsq));
  return score.op === 'sum' ? sql`(${sql.join(parts, sql` + `)})` : sql`greatest(${sql.join(parts, sql`, `)})`;
}

/**
 * After relevance: in stock, then flagship or verified shop, then certificates, then the rating in
 * half stars, then units sold, packed in one bigint sort key (bits: stock 34, tier 32-33, marks
 * 28-31, rating 24-27, sales 0-23). The rating is the Bayesian score (tenths of a star, rating.ts)
 * rounded to half stars, so that one more review does not leap over a better seller: 3.6 stars
 * (one 5-star review on an unknown product) ranks with 3.5 (none), 3.8 with 4. memory-engine.ts
 * packs the same key.
 */
const SIGNALS = sql`((d.in_stock::int::bigint << 34) | (least(d.seller_tier, 3)::bigint << 32)
  | (least(cardinality(d.certifications), 15)::bigint << 28) | (least(greatest(d.rating_score + 2, 0) / 5, 15)::bigint << 24)
  | least(d.sales_count, 16777215))`;

const ORDER: Record<SearchSort, SQL> = {
  relevance: sql`rel desc, signals desc, product_id`,
  price_asc: sql`price_satang asc, rel desc, signals desc, product_id`,
  price_desc: sql`price_satang desc, rel desc, signals desc, product_id`,
  newest: sql`published_at desc nulls last, rel desc, product_id`,
  best_selling: sql`sales_count desc, rel desc, signals desc, product_id`,
};

/** A list of simple codes (province codes, business types, marks; checked by the caller) as a text[] literal. */
const textArray = (values: string[]) => `{${values.join(',')}}`;

/** One grouping set's count under each combination of the other filters (see searchStatement). */
interface FacetRow {
  k: string;
  v: string | null;
  n: number;
  np: number;
  nt: number;
  nm: number;
  nb: number;
  ns: number;
}
interface Row {
  total: number;
  hits: SearchHit[];
  facets: FacetRow[] | null;
}

/** One page of results with facet counts. */
export async function runSearch(
  db: Executor,
  q: SearchQuery,
  scoring: Scoring,
): Promise<{ total: number; hits: SearchHit[]; facets: FacetCounts | null }> {
  const [row] = await queryRows<Row>(db, searchStatement(q, scoring));
  const hits = row.hits.map((h) => ({ ...h, priceSatang: Number(h.priceSatang) }));
  if (!row.facets) return { total: row.total, hits, facets: null };
  const facets: FacetCounts = {
    categories: [],
    provinces: [],
    sellerTypes: [],
    certifications: [],
    priceRanges: [],
    inStock: 0,
  };
  const categories = new Map<string, number>();
  const marks = new Map<string, number>();
  let total = 0;
  for (const f of row.facets) {
    if (f.k === 'all') total = f.n;
    else if (f.k === 'c' && f.v) for (const id of f.v.split(',')) categories.set(id, (categories.get(id) ?? 0) + f.n);
    else if (f.k === 'p' && f.v && f.np) facets.provinces.push({ value: f.v, count: f.np });
    else if (f.k === 't' && f.v && f.nt) facets.sellerTypes.push({ value: f.v, count: f.nt });
    else if (f.k === 'm' && f.v) for (const mark of f.v.split(',')) marks.set(mark, (marks.get(mark) ?? 0) + f.nm);
    else if (f.k === 'b' && f.v !== null && f.nb) facets.priceRanges.push({ index: Number(f.v), count: f.nb });
    else if (f.k === 's' && f.v === 'true') facets.inStock = f.ns;
  }
  facets.categories = [...categories].filter(([, n]) => n > 0).map(([id, count]) => ({ id, count }));
  facets.certifications = [...marks].filter(([, n]) => n > 0).map(([value, count]) => ({ value, count }));
  return { total, hits, facets };
}

/**
 * The statement behind runSearch. The matches are materialized once (m); the page is sorted from
 * them and every facet is counted in one more pass (grouping sets). A facet counts under all the
 * other filters but its own (so a buyer can switch provinces); the category filter narrows the
 * matches themselves, and categories count within it.
 */
export function searchStatement(q: SearchQuery, scoring: Scoring): SQL {
  const tsq = new Tsqueries();
  const match = scoring.match && tsq.ref(writeTsquery(scoring.match));
  const rel = scoreSql(scoring.rel, tsq);
  const f = q.filters;
  const on = (cond: SQL | null) => cond ?? sql`true`;
  const fProvince = on(f.provinces?.length ? sql`d.province_code = any(${textArray(f.provinces)}::text[])` : null);
  const fType = on(f.sellerTypes?.length ? sql`d.seller_type = any(${textArray(f.sellerTypes)}::text[])` : null);
  const fCert = on(f.certifications?.length ? sql`d.certifications && ${textArray(f.certifications)}::text[]` : null);
  const fPrice = on(
    f.minPriceSatang !== undefined || f.maxPriceSatang !== undefined
      ? sql`d.price_satang between ${f.minPriceSatang ?? 0} and ${f.maxPriceSatang ?? Number.MAX_SAFE_INTEGER}`
      : null,
  );
  const fStock = on(f.inStock ? sql`d.in_stock` : null);
  const where = [
    match ? sql`d.lexemes @@ ${match}` : sql`true`,
    f.categoryId ? sql`d.category_ids @> array[${f.categoryId}::uuid]` : sql`true`,
    f.sellerId ? sql`d.seller_id = ${f.sellerId}::uuid` : sql`true`,
    f.flagshipOnly ? sql`d.seller_tier = 2` : sql`true`,
    notHidden,
  ];
  const all = sql`f_province and f_type and f_cert and f_price and f_stock`;
  const facets = q.facets
    ? sql`(select json_agg(g) from (
      select case when grouping(category_ids) = 0 then 'c' when grouping(province_code) = 0 then 'p'
          when grouping(seller_type) = 0 then 't' when grouping(bucket) = 0 then 'b' when grouping(in_stock) = 0 then 's'
          when grouping(certifications) = 0 then 'm' else 'all' end as k,
        coalesce(array_to_string(category_ids, ','), province_code, seller_type, bucket::text, in_stock::text, array_to_string(certifications, ',')) as v,
        count(*) filter (where f_province and f_type and f_cert and f_price and f_stock)::int as n,
        count(*) filter (where f_type and f_cert and f_price and f_stock)::int as np,
        count(*) filter (where f_province and f_cert and f_price and f_stock)::int as nt,
        count(*) filter (where f_province and f_type and f_price and f_stock)::int as nm,
        count(*) filter (where f_province and f_type and f_cert and f_stock)::int as nb,
        count(*) filter (where f_province and f_type and f_cert and f_price)::int as ns
      from (select *, width_bucket(price_satang, ${`{${PRICE_BOUNDS.join(',')}}`}::bigint[]) as bucket from m) x
      group by grouping sets ((category_ids), (province_code), (seller_type), (bucket), (in_stock), (certifications), ())) g)`
    : sql`null`;
  const order = ORDER[q.sort];
  return sql`
    with ${tsq.cte()}, ${hiddenProducts},
    m as materialized (
      select d.product_id, d.category_ids, d.province_code, d.seller_type, d.certifications, d.price_satang, d.in_stock,
        d.sales_count, d.published_at, ${rel} as rel, ${SIGNALS} as signals,
        ${fProvince} as f_province, ${fType} as f_type, ${fCert} as f_cert, ${fPrice} as f_price, ${fStock} as f_stock
      from tsq, search_documents d where ${sql.join(where, sql` and `)}
    )
    select ${q.facets ? sql`0` : sql`(select count(*)::int from m where ${all})`} as total,
      (select coalesce(json_agg(json_build_object('productId', h.product_id, 'priceSatang', h.price_satang, 'inStock', h.in_stock,
          'salesCount', h.sales_count, 'card', c.card) order by h.n), '[]'::json)
        from (select p.*, row_number() over () as n from (select * from m where ${all} order by ${order}
          limit ${q.perPage} offset ${(q.page - 1) * q.perPage}) p) h
        join search_cards c on c.product_id = h.product_id) as hits,
      ${facets} as facets`;
}
