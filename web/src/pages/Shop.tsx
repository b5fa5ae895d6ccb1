// A shop's page: who they are, where they are, and their products.
import { query } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { pick } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { Page, ProductSummary, Shop } from '../app/shapes.ts';
import { loadCards, type CardsOf } from '../components/CardFacts.tsx';
import { ProductGrid } from '../components/ProductCard.tsx';
import { Pager } from '../components/Pager.tsx';
import { Empty, PageTitle } from '../components/ui.tsx';
import { FlagshipHeader, type FlagshipStorefront } from '../standards/Flagship.tsx';
import '../messages/store.ts';
import { ShopBadges, type ShopBadge } from '../academy/shop-badges.tsx';

interface ShopData {
  shop: Shop;
  products: Page<ProductSummary>;
  flagship: FlagshipStorefront | null;
  badges?: ShopBadge[];
  cards?: CardsOf;
}

export const shopPage: PageModule<ShopData> = {
  async load({ api, params, query: q }) {
    const [shop, products, flagship, badges] = await Promise.all([
      api.get<Shop>(`/shops/${encodeURIComponent(params.slug)}`),
      api.get<Page<ProductSummary>>(`/products${query({ seller: params.slug, page: q.get('page'), perPage: 24 })}`),
      api.get<{ storefront: FlagshipStorefront | null }>(
        `/standards/shops/${encodeURIComponent(params.slug)}/flagship`,
      ),
      api
        .get<{ items: ShopBadge[] }>(`/academy/shops/${encodeURIComponent(params.slug)}/badges`)
        .catch(() => ({ items: [] })),
    ]);
    const cards = await loadCards(
      api,
      products.items.map((p) => p.id),
    );
    return { shop, products, flagship: flagship.storefront, badges: badges.items, cards };
  },
  head: ({ shop }, { t, locale }) => ({
    title: t('shop.title', { name: pick(shop.shopName, locale) }),
    description: t('shop.description', { name: pick(shop.shopName, locale), province: shop.province[locale] }),
  }),
  Page({ data }) {
    const { t, locale } = useApp();
    const { shop, products, flagship } = data;
    return (
      <>
        <PageTitle>{pick(shop.shopName, locale)}</PageTitle>
        <p className="muted">
          {t(`business.${shop.businessType}`)} · {shop.province[locale]}
          {shop.isFlagship ? <span className="tag">{t('home.flagship')}</span> : null}
        </p>
        {flagship ? <FlagshipHeader storefront={flagship} /> : null}
        <ShopBadges items={data.badges ?? []} />
        <h2>{t('shop.products')}</h2>
        {products.items.length ? (
          <ProductGrid products={products.items} cards={data.cards} />
        ) : (
          <Empty>{t('shop.empty')}</Empty>
        )}
        <Pager page={products.page} perPage={products.perPage} total={products.total} />
      </>
    );
  },
};
