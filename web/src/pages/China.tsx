// /cn: the landing page for buyers in mainland China, rendered on the server. It opens in Chinese
// (the web server sends /cn to /zh/cn unless the visitor chose another language) and lists what can
// be ordered cross-border now — eligible and held in the bonded hub — with the landed CNY price of
// one unit including tax, the per-order and yearly limits, how Alipay payment and bonded delivery
// work, and shortcuts to the categories that have such goods.
import { query } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney, formatNumber } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { ProductSummary } from '../app/shapes.ts';
import { CardBadges, type CardsOf, loadCards, RatingAndSold, ShopRating } from '../components/CardFacts.tsx';
import { Pager } from '../components/Pager.tsx';
import { Empty, PageTitle } from '../components/ui.tsx';
import '../messages/china.ts';
import '../messages/store.ts';

interface ShelfItem {
  product: ProductSummary;
  landed: {
    variantId: string;
    bondedAvailable: number;
    unitPriceFen: number;
    freightFen: number;
    taxFen: number;
    totalFen: number;
    taxRatePercent: number;
    yearlyQuantityCap: number | null;
  };
}
interface Shelf {
  fx: { rate: string; source: string; validFrom: string };
  limits: { orderFen: number; yearlyFen: number };
  categories: { id: string; slug: string; name: string; count: number }[];
  category: string | null;
  total: number;
  page: number;
  perPage: number;
  items: ShelfItem[];
}
interface ChinaData {
  shelf: Shelf | null;
  /** Why there is no shelf (e.g. the THB->CNY rate is stale), in the page's language. */
  reason: string | null;
  cards?: CardsOf;
}

const PER_PAGE = 24;
const LIMITS = { orderFen: 500_000, yearlyFen: 2_600_000 };

export const chinaPage: PageModule<ChinaData> = {
  async load({ api, query: q }) {
    try {
      const shelf = await api.get<Shelf>(
        `/storefront/china${query({ category: q.get('c'), page: Math.max(1, Number(q.get('page')) || 1), perPage: PER_PAGE })}`,
      );
      const cards = await loadCards(
        api,
        shelf.items.map((i) => i.product.id),
      );
      return { shelf, reason: null, cards };
    } catch (e) {
      return { shelf: null, reason: (e as { problem?: { detail?: string } }).problem?.detail ?? null };
    }
  },
  head: (_data, { t }) => ({ title: t('cnLanding.title'), description: t('cnLanding.description') }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    const { shelf, cards } = data;
    const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
    const limits = shelf?.limits ?? LIMITS;
    const all = shelf ? shelf.categories.reduce((s, c) => s + c.count, 0) : 0;
    return (
      <div className="cn-landing">
        <section className="hero">
          <PageTitle>{t('cnLanding.hero')}</PageTitle>
          <p>{t('cnLanding.description')}</p>
          <p className="muted">
            {t('cnLanding.languages')}:{' '}
            {locale !== 'zh' ? (
              <a href={`/lang/zh?next=${encodeURIComponent('/zh/cn')}`} lang="zh-Hans">
                中文
              </a>
            ) : null}{' '}
            {locale !== 'th' ? (
              <a href={`/lang/th?next=${encodeURIComponent('/cn')}`} lang="th">
                ภาษาไทย
              </a>
            ) : null}{' '}
            {locale !== 'en' ? (
              <a href={`/lang/en?next=${encodeURIComponent('/en/cn')}`} lang="en">
                English
              </a>
            ) : null}
          </p>
        </section>

        {shelf?.categories.length ? (
          <nav aria-labelledby="cn-categories">
            <h2 id="cn-categories">{t('cnLanding.categories')}</h2>
            <ul className="chips">
              <li>
                <a className="chip" href={href('/cn')} aria-current={shelf.category ? undefined : 'page'}>
                  {t('cnLanding.all', { n: formatNumber(all, locale) })}
                </a>
              </li>
              {shelf.categories.map((c) => (
                <li key={c.id}>
                  <a
                    className="chip"
                    href={href(`/cn${query({ c: c.slug })}`)}
                    aria-current={shelf.category === c.slug ? 'page' : undefined}
                  >
                    {t('cnLanding.categoryCount', { name: c.name, n: formatNumber(c.count, locale) })}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        <section aria-labelledby="cn-goods">
          <h2 id="cn-goods">{t('cnLanding.goods')}</h2>
          {!shelf ? (
            <Empty>{data.reason ?? t('cnLanding.unavailable')}</Empty>
          ) : shelf.items.length ? (
            <>
              <ul className="grid">
                {shelf.items.map(({ product, landed }) => {
                  const facts = cards?.byProduct[product.id];
                  const lang = product.titleLang !== locale ? product.titleLang : undefined;
                  return (
                    <li key={product.id} className="card cn-card" data-testid="cn-card">
                      <a href={href(`/p/${product.id}`)} className="card-link">
                        {product.thumbnailUrl ? (
                          <img src={product.thumbnailUrl} alt="" width={320} height={320} loading="lazy" />
                        ) : (
                          <div className="img-placeholder" aria-hidden="true">
                            {product.title.slice(0, 1)}
                          </div>
                        )}
                        <span className="card-title" lang={lang}>
                          {product.title}
                        </span>
                      </a>
                      <p className="card-price cn-landed">
                        <span className="muted">{t('cnLanding.landed')}</span>{' '}
                        <strong data-testid="cn-landed-price">{cny(landed.totalFen)}</strong>
                      </p>
                      <p className="card-meta">
                        {t('cnLanding.breakdown', {
                          goods: cny(landed.unitPriceFen),
                          freight: cny(landed.freightFen),
                          tax: cny(landed.taxFen),
                          rate: landed.taxRatePercent,
                        })}
                      </p>
                      <p className="card-meta">
                        {t('cnLanding.inBond', { n: formatNumber(landed.bondedAvailable, locale) })}
                        {landed.yearlyQuantityCap !== null
                          ? ` · ${t('cnLanding.cap', { n: landed.yearlyQuantityCap })}`
                          : ''}
                      </p>
                      <RatingAndSold facts={facts} />
                      <CardBadges badges={facts?.badges ?? []} />
                      <p className="card-meta">
                        <a href={href(`/shop/${product.shop.slug}`)}>{product.shop.shopName}</a>
                        <ShopRating rating={facts?.shopRating} />
                        <span className="muted">
                          {' · '}
                          {t('cnLanding.thbPrice', { price: formatMoney(product.minPriceSatang, locale) })}
                        </span>
                      </p>
                    </li>
                  );
                })}
              </ul>
              <Pager page={shelf.page} perPage={shelf.perPage} total={shelf.total} />
            </>
          ) : (
            <Empty>{t('cnLanding.empty')}</Empty>
          )}
          {shelf ? (
            <p className="muted">
              {t('cnLanding.rate', {
                rate: shelf.fx.rate,
                source: shelf.fx.source,
                date: formatDate(shelf.fx.validFrom, locale),
              })}
            </p>
          ) : null}
        </section>

        <section aria-labelledby="cn-limits" className="cn-info">
          <h2 id="cn-limits">{t('cnLanding.limitsTitle')}</h2>
          <ul>
            <li data-testid="cn-order-limit">{t('cnLanding.orderLimit', { limit: cny(limits.orderFen) })}</li>
            <li data-testid="cn-yearly-limit">{t('cnLanding.yearlyLimit', { limit: cny(limits.yearlyFen) })}</li>
            <li>{t('cnLanding.taxRule')}</li>
            <li>{t('cnLanding.identity')}</li>
          </ul>
        </section>
        <section aria-labelledby="cn-pay" className="cn-info">
          <h2 id="cn-pay">{t('cnLanding.payTitle')}</h2>
          <ol>
            <li>{t('cnLanding.pay1')}</li>
            <li>{t('cnLanding.pay2')}</li>
            <li>{t('cnLanding.pay3')}</li>
          </ol>
        </section>
        <section aria-labelledby="cn-ship" className="cn-info">
          <h2 id="cn-ship">{t('cnLanding.shipTitle')}</h2>
          <ol>
            <li>{t('cnLanding.ship1')}</li>
            <li>{t('cnLanding.ship2')}</li>
            <li>{t('cnLanding.ship3')}</li>
          </ol>
        </section>
      </div>
    );
  },
};
