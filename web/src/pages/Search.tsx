// The search results page, rendered on the server: words in any of the three languages, facets
// (category, province, seller type, price, marks, stock) as links that add or remove a filter,
// sorting, pages. Everything is in the URL, so it works without JavaScript and can be shared.
import type { ChangeEvent } from 'react';
import { query } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { I18nText, ProductSummary } from '../app/shapes.ts';
import { loadCards, type CardsOf } from '../components/CardFacts.tsx';
import { ProductGrid } from '../components/ProductCard.tsx';
import { Pager } from '../components/Pager.tsx';
import { Empty, PageTitle } from '../components/ui.tsx';
import '../messages/search.ts';
import '../messages/marks.ts';

interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}
interface SearchResult {
  query: string;
  correctedQuery: string | null;
  matchedAllWords: boolean;
  sort: string;
  total: number;
  page: number;
  perPage: number;
  items: {
    id: string;
    slug: string;
    title: string;
    titleLang: string;
    titleI18n: I18nText;
    priceSatang: number;
    currency: 'THB';
    inStock: boolean;
    thumbnailUrl: string | null;
    categoryId: string;
    originProvince: { code: string; name: string };
    shop: { id: string; slug: string; name: string; nameI18n: I18nText; isFlagship: boolean };
  }[];
  facets: {
    categories: { id: string; slug: string; name: string; depth: number; count: number; selected: boolean }[];
    provinces: FacetValue[];
    sellerTypes: FacetValue[];
    certifications: FacetValue[];
    priceRanges: { minSatang: number; maxSatang: number | null; count: number; selected: boolean }[];
    inStock: { count: number; selected: boolean };
  } | null;
  /** Ratings, units sold, campaign prices and badges of the page's cards (one call for the page). */
  cards?: CardsOf;
}

const PASSED = [
  'q',
  'category',
  'province',
  'sellerType',
  'certification',
  'flagship',
  'minPriceSatang',
  'maxPriceSatang',
  'inStock',
  'sort',
  'page',
];
const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest', 'best_selling'];

/** The results as the product grid shows products. */
const asCard = (i: SearchResult['items'][number]): ProductSummary => ({
  id: i.id,
  slug: i.slug,
  title: i.title,
  titleLang: i.titleLang,
  titleI18n: i.titleI18n,
  minPriceSatang: i.priceSatang,
  currency: i.currency,
  thumbnailUrl: i.thumbnailUrl,
  categoryId: i.categoryId,
  originProvinceCode: i.originProvince.code,
  perishable: false,
  shop: {
    id: i.shop.id,
    slug: i.shop.slug,
    shopName: i.shop.name,
    shopNameI18n: i.shop.nameI18n,
    provinceCode: i.originProvince.code,
    isFlagship: i.shop.isFlagship,
  },
});

export const searchPage: PageModule<SearchResult> = {
  async load({ api, query: q, locale }) {
    const params = new URLSearchParams();
    for (const key of PASSED) for (const v of q.getAll(key)) if (v) params.append(key, v);
    params.set('lang', locale);
    const result = await api.get<SearchResult>(`/search?${params}`);
    return {
      ...result,
      cards: await loadCards(
        api,
        result.items.map((i) => i.id),
      ),
    };
  },
  head: (data, { t }) => ({
    title: data.query ? t('search.resultsFor', { q: data.query }) : t('search.title'),
    description: t('search.description'),
    // Result pages of typed words are not pages for search engines to index.
    noindex: true,
  }),
  Page({ data, query: current }) {
    const { t, href, locale, navigate } = useApp();
    /** The current URL with one parameter changed (a facet value toggled), back to page 1. */
    const link = (key: string, value: string | null, opts: { multi?: boolean } = {}) => {
      const next = new URLSearchParams(current);
      next.delete('page');
      if (opts.multi && value !== null) {
        const values = next.getAll(key);
        next.delete(key);
        for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value])
          next.append(key, v);
      } else if (value === null || next.get(key) === value) next.delete(key);
      else next.set(key, value);
      const s = next.toString();
      return href('/search') + (s ? `?${s}` : '');
    };
    const priceLink = (min: number, max: number | null, selected: boolean) => {
      const next = new URLSearchParams(current);
      next.delete('page');
      next.delete('minPriceSatang');
      next.delete('maxPriceSatang');
      if (!selected) {
        next.set('minPriceSatang', String(min));
        if (max !== null) next.set('maxPriceSatang', String(max));
      }
      return `${href('/search')}?${next}`;
    };
    const money = (satang: number) => formatMoney(satang, locale);
    const onSort = (e: ChangeEvent<HTMLSelectElement>) => void navigate(link('sort', e.target.value));
    const f = data.facets;
    const entry = (to: string, label: string, count: number, selected: boolean, key: string, depth = 0) => (
      <li key={key} style={depth ? { paddingInlineStart: `${depth}rem` } : undefined}>
        <a
          href={to}
          aria-current={selected ? 'true' : undefined}
          title={selected ? t('search.remove', { name: label }) : undefined}
        >
          <span>
            {selected ? '✓ ' : ''}
            {label}
          </span>
          <span className="count">{count}</span>
        </a>
      </li>
    );
    return (
      <div className="search-page">
        <div className="search-head">
          <PageTitle>{data.query ? t('search.resultsFor', { q: data.query }) : t('search.title')}</PageTitle>
          {data.correctedQuery ? (
            <p className="search-notice" role="status">
              {t('search.corrected', { q: data.correctedQuery })}
            </p>
          ) : null}
          {!data.matchedAllWords ? (
            <p className="search-notice" role="status">
              {t('search.someWords')}
            </p>
          ) : null}
          <form method="get" action={href('/search')} className="sort-form">
            {PASSED.filter((k) => k !== 'sort' && k !== 'page').flatMap((k) =>
              current.getAll(k).map((v, i) => <input key={`${k}${i}`} type="hidden" name={k} value={v} />),
            )}
            <label>
              {t('search.sort')}
              <select name="sort" value={data.sort} onChange={onSort}>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`search.sort.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <noscript>
              <button type="submit">{t('search.apply')}</button>
            </noscript>
          </form>
          <p className="muted" role="status">
            {t('search.count', { n: data.total })}
          </p>
        </div>
        {f ? (
          <aside className="facets" aria-label={t('search.filters')}>
            {f.categories.length ? (
              <section>
                <h2>{t('search.facet.category')}</h2>
                <ul>
                  {f.categories.map((c) => entry(link('category', c.slug), c.name, c.count, c.selected, c.id, c.depth))}
                </ul>
              </section>
            ) : null}
            {f.provinces.length ? (
              <section>
                <h2>{t('search.facet.province')}</h2>
                <ul>
                  {f.provinces
                    .slice(0, 12)
                    .map((p) =>
                      entry(link('province', p.value, { multi: true }), p.label, p.count, p.selected, p.value),
                    )}
                </ul>
              </section>
            ) : null}
            {f.sellerTypes.length ? (
              <section>
                <h2>{t('search.facet.sellerType')}</h2>
                <ul>
                  {f.sellerTypes.map((s) =>
                    entry(link('sellerType', s.value, { multi: true }), s.label, s.count, s.selected, s.value),
                  )}
                </ul>
              </section>
            ) : null}
            {f.priceRanges.length ? (
              <section>
                <h2>{t('search.facet.price')}</h2>
                <ul>
                  {f.priceRanges.map((r) =>
                    entry(
                      priceLink(r.minSatang, r.maxSatang, r.selected),
                      r.maxSatang === null
                        ? t('search.priceFrom', { min: money(r.minSatang) })
                        : t('search.priceRange', { min: money(r.minSatang), max: money(r.maxSatang + 1) }),
                      r.count,
                      r.selected,
                      String(r.minSatang),
                    ),
                  )}
                </ul>
              </section>
            ) : null}
            <section>
              <h2>{t('search.facet.store')}</h2>
              <ul>
                <li>
                  <a
                    href={link('flagship', 'true')}
                    aria-current={current.get('flagship') === 'true' ? 'true' : undefined}
                  >
                    <span>
                      {current.get('flagship') === 'true' ? '✓ ' : ''}
                      {t('search.flagshipOnly')}
                    </span>
                  </a>
                </li>
              </ul>
            </section>
            {f.certifications.length ? (
              <section>
                <h2>{t('search.facet.marks')}</h2>
                <details className="marks-note">
                  <summary>{t('marks.verifiedBy')}</summary>
                  <p>{t('marks.facetExplain')}</p>
                </details>
                <ul>
                  {f.certifications.map((m) =>
                    entry(link('certification', m.value, { multi: true }), m.label, m.count, m.selected, m.value),
                  )}
                </ul>
              </section>
            ) : null}
            <section>
              <h2>{t('search.facet.stock')}</h2>
              <ul>
                {entry(link('inStock', 'true'), t('search.inStock'), f.inStock.count, f.inStock.selected, 'stock')}
              </ul>
            </section>
            <p>
              <a href={href(`/search${query({ q: data.query })}`)}>{t('search.clear')}</a>
            </p>
          </aside>
        ) : null}
        <div>
          {data.items.length ? (
            <ProductGrid products={data.items.map(asCard)} cards={data.cards} />
          ) : (
            <Empty>{t('search.empty')}</Empty>
          )}
          <Pager page={data.page} perPage={data.perPage} total={data.total} />
        </div>
      </div>
    );
  },
};
