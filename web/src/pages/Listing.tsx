// Listing and category pages: products with filters (category, province, price), paginated.
import type { FormEvent } from 'react';
import { PROVINCES } from '../../../src/platform/provinces.ts';
import { query } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formValues } from '../app/use-submit.ts';
import { NotFound, type PageModule } from '../app/router.ts';
import type { CategoryNode, Page, ProductSummary } from '../app/shapes.ts';
import { loadCards, type CardsOf } from '../components/CardFacts.tsx';
import { ProductGrid } from '../components/ProductCard.tsx';
import { Pager } from '../components/Pager.tsx';
import { Empty, PageTitle } from '../components/ui.tsx';
import '../messages/store.ts';

interface ListingData {
  result: Page<ProductSummary>;
  categories: { slug: string; name: string; depth: number }[];
  category: { slug: string; name: string } | null;
  filters: { category: string; province: string; minPrice: string; maxPrice: string };
  cards?: CardsOf;
}

const PER_PAGE = 24;
const bahtToSatang = (s: string | null) => (s && /^\d+(\.\d{1,2})?$/.test(s) ? Math.round(Number(s) * 100) : undefined);

function flatten(nodes: CategoryNode[], depth = 0): ListingData['categories'] {
  return nodes.flatMap((n) => [{ slug: n.slug, name: n.name, depth }, ...flatten(n.children ?? [], depth + 1)]);
}

export const listingPage: PageModule<ListingData> = {
  async load({ api, query: q, params }) {
    const category = params.slug ?? q.get('category') ?? '';
    const filters = {
      category,
      province: q.get('province') ?? '',
      minPrice: q.get('minPrice') ?? '',
      maxPrice: q.get('maxPrice') ?? '',
    };
    const page = Math.max(1, Number(q.get('page')) || 1);
    const [result, tree] = await Promise.all([
      api.get<Page<ProductSummary>>(
        `/products${query({
          category: filters.category,
          province: filters.province,
          seller: q.get('seller'),
          minPriceSatang: bahtToSatang(filters.minPrice),
          maxPriceSatang: bahtToSatang(filters.maxPrice),
          page,
          perPage: PER_PAGE,
        })}`,
      ),
      api.get<CategoryNode[]>('/categories'),
    ]);
    const categories = flatten(tree);
    const current = categories.find((c) => c.slug === category) ?? null;
    if (params.slug && !current) throw new NotFound();
    const cards = await loadCards(
      api,
      result.items.map((p) => p.id),
    );
    return {
      result,
      categories,
      category: current && { slug: current.slug, name: current.name },
      filters,
      cards,
    };
  },
  head: (data, { t }) => ({
    title: data.category ? t('listing.categoryTitle', { name: data.category.name }) : t('listing.title'),
    description: t('listing.description'),
    canonicalQuery: data.result.page > 1 ? `page=${data.result.page}` : undefined,
  }),
  Page({ data }) {
    const { t, href, locale, navigate } = useApp();
    const { result, filters } = data;
    const submit = (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      void navigate(href('/products') + query(formValues(e.currentTarget)));
    };
    return (
      <div className="listing">
        <PageTitle>{data.category ? data.category.name : t('listing.title')}</PageTitle>
        <details className="filters" open>
          <summary>{t('listing.filters')}</summary>
          <form method="get" action={href('/products')} onSubmit={submit} className="filter-form">
            <label>
              {t('listing.category')}
              <select name="category" defaultValue={filters.category}>
                <option value="">{t('listing.allCategories')}</option>
                {data.categories.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {'\u00a0\u00a0'.repeat(c.depth) + c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('listing.province')}
              <select name="province" defaultValue={filters.province}>
                <option value="">{t('listing.allProvinces')}</option>
                {PROVINCES.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p[locale]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('listing.minPrice')}
              <input name="minPrice" inputMode="decimal" defaultValue={filters.minPrice} size={8} />
            </label>
            <label>
              {t('listing.maxPrice')}
              <input name="maxPrice" inputMode="decimal" defaultValue={filters.maxPrice} size={8} />
            </label>
            <div className="filter-actions">
              <button type="submit">{t('listing.apply')}</button>
              <a href={href('/products')}>{t('listing.clear')}</a>
            </div>
          </form>
        </details>
        <p className="muted" role="status">
          {t('listing.count', { n: result.total })}
        </p>
        {result.items.length ? (
          <ProductGrid products={result.items} cards={data.cards} />
        ) : (
          <Empty>{t('listing.empty')}</Empty>
        )}
        <Pager page={result.page} perPage={result.perPage} total={result.total} />
      </div>
    );
  },
};
