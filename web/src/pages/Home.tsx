// Home: categories, featured shops and new products.
import { useApp } from '../app/context.tsx';
import { pick, provinceName } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { CategoryNode, Page, ProductSummary, ShopSummary } from '../app/shapes.ts';
import { loadCards, type CardsOf } from '../components/CardFacts.tsx';
import { ProductGrid } from '../components/ProductCard.tsx';
import { Empty, PageTitle } from '../components/ui.tsx';
import '../messages/store.ts';
import '../messages/tourism.ts';

interface HomeData {
  categories: CategoryNode[];
  products: ProductSummary[];
  shops: ShopSummary[];
  cards?: CardsOf;
}

/** Shops seen among the newest products, flagship shops first. */
function featuredShops(products: ProductSummary[]): ShopSummary[] {
  const seen = new Map<string, ShopSummary>();
  for (const p of products) if (!seen.has(p.shop.id)) seen.set(p.shop.id, p.shop);
  return [...seen.values()].sort((a, b) => Number(Boolean(b.isFlagship)) - Number(Boolean(a.isFlagship))).slice(0, 6);
}

export const homePage: PageModule<HomeData> = {
  async load({ api }) {
    const [categories, products] = await Promise.all([
      api.get<CategoryNode[]>('/categories'),
      api.get<Page<ProductSummary>>('/products?perPage=12'),
    ]);
    const cards = await loadCards(
      api,
      products.items.map((p) => p.id),
    );
    return { categories, products: products.items, shops: featuredShops(products.items), cards };
  },
  head: (_data, { t }) => ({ title: t('home.title'), description: t('home.description') }),
  Page({ data }) {
    const { t, href, locale, me } = useApp();
    return (
      <>
        <section className="hero">
          <PageTitle>{t('home.hero')}</PageTitle>
          <p>{t('home.description')}</p>
        </section>
        <section aria-labelledby="home-tours" className="home-tours">
          <h2 id="home-tours">
            <a href={href('/tours')}>{t('tour.nav')}</a>
          </h2>
          <p>{t('tour.navHint')}</p>
          <ul className="chips">
            {me ? (
              <li>
                <a className="chip" href={href('/tours/bookings')}>
                  {t('tour.myBookings')}
                </a>
              </li>
            ) : null}
            {(me?.sellers ?? [])
              .filter((s) => s.status === 'approved')
              .map((s) => (
                <li key={s.sellerId}>
                  <a className="chip" href={href(`/seller/${s.sellerId}/tourism/redeem`)}>
                    {t('tour.scanFor', { shop: pick(s.shopName, locale) })}
                  </a>
                </li>
              ))}
          </ul>
        </section>
        <section aria-labelledby="home-categories">
          <h2 id="home-categories">{t('home.categories')}</h2>
          <ul className="chips">
            {data.categories.map((c) => (
              <li key={c.id}>
                <a className="chip" href={href(`/c/${c.slug}`)}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
        {data.shops.length ? (
          <section aria-labelledby="home-shops">
            <h2 id="home-shops">{t('home.shops')}</h2>
            <ul className="shops">
              {data.shops.map((s) => (
                <li key={s.id}>
                  <a href={href(`/shop/${s.slug}`)}>{s.shopName}</a>
                  <span className="muted"> · {provinceName(s.provinceCode, locale)}</span>
                  {s.isFlagship ? <span className="tag">{t('home.flagship')}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="home-new">
          <h2 id="home-new">{t('home.newProducts')}</h2>
          {data.products.length ? (
            <ProductGrid products={data.products} cards={data.cards} />
          ) : (
            <Empty>{t('listing.empty')}</Empty>
          )}
        </section>
      </>
    );
  },
};
