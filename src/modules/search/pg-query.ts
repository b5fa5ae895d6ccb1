// The PostgreSQL engine's read side: one statement answers a search page — the matching products
// (GIN index on the tsvector), their ranking, the page of hits with their cards and every facet
// count, computed from one materialized set of matches.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import { PRICE_BOUNDS, type FacetCounts, type SearchHit, type SearchQuery, type SearchSort } from './engine.ts';
import { toTsquery, termQueries, type QueryPlan } from './query.ts';

/**
 * Products changed in the last moments whose change the index has not taken in yet (the outbox
 * worker runs every second) and that are no longer on sale: archived, or their shop is no longer
 * approved. They are left out at once. This reads the catalog's and the shops' status columns
 * directly, for the few pending events only; see the README's note on module boundaries.
 */
export const hiddenProducts = sql`hidden as (
  select (o.payload->>'productId')::uuid as product_id, null::uuid as seller_id from outbox o
  where o.delivered_at is null and o.topic = 'product.updated'
    and not exists (select 1 from products p join sellers s on s.id = p.seller_id
      where p.id = (o.payload->>'productId')::uuid and p.status = 'active' and s.status = 'approved')
  union all
  select null, o.aggregate_id from outbox o
  where o.delivered_at is null and o.topic like 'seller.%'
    and not exists (select 1 from sellers s where s.id = o.aggregate_id and s.status = 'approved')
)`;

export const notHidden = sql`d.product_id <> all(array(select product_id from hidden where product_id is not null))
  and d.seller_id <> all(array(select seller_id from hidden where seller_id is not null))`;

/** How well a product matches, higher first: phrase in the title 8, every word in the title 4, in the attributes 2, exact words (no half-typed ones) 1. */
export function relevance(plan: QueryPlan | null): SQL {
  if (!plan?.variants.length) return sql`0`;
  const allA = toTsquery(plan, { weights: 'A', exact: true });
  const allB = toTsquery(plan, { weights: 'B', exact: true });
  const exact = toTsquery(plan, { exact: true });
  const single = plan.variants[0].length === 1;
  const phraseA = single ? null : toTsquery(plan, { weights: 'A', exact: true, phrase: true });
  return sql`(${phraseA ? sql`(d.lexemes @@ ${phraseA}::tsquery)::int * 8 + ` : sql``}(d.lexemes @@ ${allA}::tsquery)::int * 4
    + (d.lexemes @@ ${allB}::tsquery)::int * 2 + (d.lexemes @@ ${exact}::tsquery)::int)`;
}

/** When no product has every word: how many of the words it has. */
export function wordsMatched(plan: QueryPlan): SQL {
  return sql.join(termQueries(plan).map((q) => sql`(d.lexemes @@ ${q}::tsquery)::int`), sql` + `);
}

const ORDER: Record<SearchSort, SQL> = {
  relevance: sql`rel desc, in_stock desc, seller_tier desc, cardinality(certifications) desc, sales_count desc, published_at desc nulls last, product_id`,
  price_asc: sql`price_satang asc, rel desc, product_id`,
  price_desc: sql`price_satang desc, rel desc, product_id`,
  newest: sql`published_at desc nulls last, rel desc, product_id`,
  best_selling: sql`sales_count desc, rel desc, in_stock desc, product_id`,
};

/** A list of simple codes (province codes, business types, marks; checked by the caller) as a text[] literal. */
const textArray = (values: string[]) => `{${values.join(',')}}`;

interface Row {
  total: number; hits: SearchHit[];
  categories?: { id: string; count: number }[]; provinces?: { value: string; count: number }[];
  seller_types?: { value: string; count: number }[]; certifications?: { value: string; count: number }[];
  price_ranges?: { index: number; count: number }[]; in_stock?: number;
}

/** One page of results with facet counts; `match` is a tsquery (null: every product) and `rel` its ranking. */
export async function runSearch(db: Executor, q: SearchQuery, match: string | null, rel: SQL): Promise<{ total: number; hits: SearchHit[]; facets: FacetCounts | null }> {
  const [row] = await queryRows<Row>(db, searchStatement(q, match, rel));
  return {
    total: row.total,
    hits: row.hits.map((h) => ({ ...h, priceSatang: Number(h.priceSatang) })),
    facets: q.facets ? {
      categories: row.categories ?? [], provinces: row.provinces ?? [], sellerTypes: row.seller_types ?? [],
      certifications: row.certifications ?? [], priceRanges: row.price_ranges ?? [], inStock: row.in_stock ?? 0,
    } : null,
  };
}

/** The statement behind runSearch (exported to be explained). */
export function searchStatement(q: SearchQuery, match: string | null, rel: SQL): SQL {
  const f = q.filters;
  const on = (cond: SQL | null) => cond ?? sql`true`;
  const fProvince = on(f.provinces?.length ? sql`d.province_code = any(${textArray(f.provinces)}::text[])` : null);
  const fType = on(f.sellerTypes?.length ? sql`d.seller_type = any(${textArray(f.sellerTypes)}::text[])` : null);
  const fCert = on(f.certifications?.length ? sql`d.certifications && ${textArray(f.certifications)}::text[]` : null);
  const fPrice = on(f.minPriceSatang !== undefined || f.maxPriceSatang !== undefined
    ? sql`d.price_satang between ${f.minPriceSatang ?? 0} and ${f.maxPriceSatang ?? Number.MAX_SAFE_INTEGER}` : null);
  const fStock = on(f.inStock ? sql`d.in_stock` : null);
  const where = [
    match ? sql`d.lexemes @@ ${match}::tsquery` : sql`true`,
    f.categoryId ? sql`d.category_ids @> array[${f.categoryId}::uuid]` : sql`true`,
    f.sellerId ? sql`d.seller_id = ${f.sellerId}::uuid` : sql`true`,
    notHidden,
  ];
  const all = sql`f_province and f_type and f_cert and f_price and f_stock`;
  const counts = (select: SQL, cond: SQL) => sql`(select coalesce(json_agg(x), '[]'::json) from (${select} from m where ${cond} group by 1) x)`;
  const facets = q.facets ? sql`,
    ${counts(sql`select unnest(category_ids) as id, count(*)::int as count`, sql`f_province and f_type and f_cert and f_price and f_stock`)} as categories,
    ${counts(sql`select province_code as value, count(*)::int as count`, sql`f_type and f_cert and f_price and f_stock`)} as provinces,
    ${counts(sql`select seller_type as value, count(*)::int as count`, sql`f_province and f_cert and f_price and f_stock`)} as seller_types,
    ${counts(sql`select unnest(certifications) as value, count(*)::int as count`, sql`f_province and f_type and f_price and f_stock`)} as certifications,
    ${counts(sql`select width_bucket(price_satang, ${`{${PRICE_BOUNDS.join(',')}}`}::bigint[]) as index, count(*)::int as count`, sql`f_province and f_type and f_cert and f_stock`)} as price_ranges,
    (select count(*)::int from m where in_stock and f_province and f_type and f_cert and f_price) as in_stock` : sql``;
  const order = ORDER[q.sort];
  return sql`
    with ${hiddenProducts},
    m as materialized (
      select d.product_id, d.category_ids, d.province_code, d.seller_type, d.certifications, d.price_satang, d.in_stock,
        d.seller_tier, d.sales_count, d.published_at, ${rel} as rel,
        ${fProvince} as f_province, ${fType} as f_type, ${fCert} as f_cert, ${fPrice} as f_price, ${fStock} as f_stock
      from search_documents d where ${sql.join(where, sql` and `)}
    )
    select (select count(*)::int from m where ${all}) as total,
      (select coalesce(json_agg(json_build_object('productId', h.product_id, 'priceSatang', h.price_satang, 'inStock', h.in_stock,
          'salesCount', h.sales_count, 'card', c.card) order by h.n), '[]'::json)
        from (select p.*, row_number() over () as n from (select * from m where ${all} order by ${order}
          limit ${q.perPage} offset ${(q.page - 1) * q.perPage}) p) h
        join search_cards c on c.product_id = h.product_id) as hits
      ${facets}`;
}
