import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney, formatNumber, pick, provinceName } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { ProductDetail, PublicVariant } from '../app/shapes.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle, Price } from '../components/ui.tsx';
import { LandedPrice, loadLanded, onChinaStorefront, sellsToChina, type Landed } from '../components/LandedPrice.tsx';
import { type MarkBadge, MarkBadges } from '../standards/MarkBadges.tsx';
import {
  CampaignPrice,
  CardBadges,
  type CardsOf,
  Countdown,
  loadCards,
  RatingAndSold,
  ShopRating,
} from '../components/CardFacts.tsx';
import { loadReviews, ProductReviews, type ProductReviewsData } from '../components/Reviews.tsx';
import '../messages/store.ts';

interface ProductData {
  product: ProductDetail;
  available: Record<string, number>;
  /** On the China storefront: each variant's landed price in CNY, rendered on the server. */
  landed?: Record<string, Landed> | null;
  marks: MarkBadge[];
  /** Rating, units sold, the campaign in force and badges (as on its card). */
  cards?: CardsOf;
  /** Published reviews, each with its original and any translation into the reader's language. */
  reviews?: ProductReviewsData | null;
}

const variantLabel = (v: PublicVariant) => v.optionValues.join(' / ') || v.sku;

export const productPage: PageModule<ProductData> = {
  async load({ api, params, locale }) {
    const product = await api.get<ProductDetail>(`/products/${encodeURIComponent(params.id)}`);
    const ids = product.variants.map((v) => `variantIds=${v.id}`).join('&');
    const [stock, landed, marks, cards, reviews] = await Promise.all([
      ids ? api.get<{ items: { variantId: string; available: number }[] }>(`/availability?${ids}`) : { items: [] },
      onChinaStorefront(locale)
        ? loadLanded(
            api,
            product.variants.map((v) => v.id),
          )
        : null,
      api.get<{ items: MarkBadge[] }>(`/standards/products/${product.id}/marks`),
      loadCards(api, [product.id]),
      loadReviews(api, product.id),
    ]);
    return {
      product,
      available: Object.fromEntries(stock.items.map((i) => [i.variantId, i.available])),
      landed,
      marks: marks.items,
      cards,
      reviews,
    };
  },
  head({ product: p, available }) {
    const prices = p.variants.map((v) => v.priceSatang);
    const inStock = p.variants.some((v) => (available[v.id] ?? 0) > 0);
    const baht = (satang: number) => (satang / 100).toFixed(2);
    return {
      title: `${p.title} — ${p.shop.shopName}`,
      description: p.description.replace(/\s+/g, ' ').slice(0, 160),
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Product',
        name: p.title,
        description: p.description,
        sku: p.variants[0]?.sku,
        ...(p.variants[0]?.gtin ? { gtin: p.variants[0].gtin } : {}),
        image: p.images.map((i) => i.url),
        brand: { '@type': 'Brand', name: p.shop.shopName },
        countryOfOrigin: 'TH',
        offers: {
          '@type': 'AggregateOffer',
          priceCurrency: 'THB',
          lowPrice: baht(Math.min(...prices)),
          highPrice: baht(Math.max(...prices)),
          offerCount: prices.length,
          availability: inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
          seller: { '@type': 'Organization', name: p.shop.shopName },
        },
      },
    };
  },
  Page({ data }) {
    const { product: p, available, marks } = data;
    const { t, locale, href, api, setCartCount } = useApp();
    const stockOf = (v: PublicVariant) => available[v.id] ?? 0;
    const inStock = (v: PublicVariant) => stockOf(v) > 0;
    const first = p.variants.find(inStock) ?? p.variants[0];
    const [variantId, setVariantId] = useState(first?.id ?? '');
    const [photo, setPhoto] = useState(0);
    const [added, setAdded] = useState(false);
    const { errors, formError, pending, run } = useSubmit();
    const variant = p.variants.find((v) => v.id === variantId) ?? first;
    const images = p.images;
    const untranslated = p.titleLang !== locale || p.descriptionLang !== locale;
    // The China storefront leads with the landed price in yuan where the variant can go cross-border.
    const landed = variant ? data.landed?.[variant.id] : undefined;
    const china = onChinaStorefront(locale) && sellsToChina(landed);
    const facts = data.cards?.byProduct[p.id];
    const campaign = facts?.campaign ?? null;
    const offerOf = (v: PublicVariant | undefined) => campaign?.variants.find((o) => o.variantId === v?.id);
    const offer = offerOf(variant);

    const addToCart = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      // What was typed goes to the cart as typed: a quantity out of range comes back as a message
      // beside the field, in the page's language (not the browser's bubble, nor a silent 1).
      const raw = String(new FormData(e.currentTarget).get('quantity') ?? '').trim();
      const quantity = raw === '' ? 1 : Number.isFinite(Number(raw)) ? Number(raw) : raw;
      setAdded(false);
      const cart = await run(() =>
        api.send<{ itemCount?: number }>('POST', '/cart/items', { variantId: variant.id, quantity }),
      );
      if (cart) {
        setAdded(true);
        api.get<{ itemCount: number }>('/cart').then(
          (c) => setCartCount(c.itemCount),
          () => undefined,
        );
      }
    };

    return (
      <article className="product">
        <nav aria-label={t('nav.breadcrumb')} className="crumbs">
          <a href={href('/products')}>{t('nav.products')}</a>
          {p.categoryPath.map((c) => (
            <span key={c.id}>
              {' '}
              › <a href={href(`/c/${c.slug}`)}>{c.name}</a>
            </span>
          ))}
        </nav>
        <div className="product-main">
          <section className="gallery" aria-label={t('product.gallery')}>
            {images.length ? (
              <>
                <img
                  src={images[photo].url}
                  alt={images[photo].alt || t('product.photo', { n: photo + 1, title: p.title })}
                  width={images[photo].width ?? 640}
                  height={images[photo].height ?? 640}
                  className="photo"
                />
                {images.length > 1 ? (
                  <ul className="thumbs">
                    {images.map((img, i) => (
                      <li key={img.id ?? img.url}>
                        <button
                          type="button"
                          onClick={() => setPhoto(i)}
                          aria-pressed={i === photo}
                          aria-label={t('product.photo', { n: i + 1, title: p.title })}
                        >
                          <img src={img.thumbnailUrl} alt="" width={64} height={64} />
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <div className="img-placeholder big" role="img" aria-label={t('product.noPhoto')}>
                {p.title.slice(0, 1)}
              </div>
            )}
          </section>
          <section className="buy">
            <PageTitle>
              <span lang={p.titleLang !== locale ? p.titleLang : undefined}>{p.title}</span>
            </PageTitle>
            {untranslated ? <p className="note">{t('product.shownInThai')}</p> : null}
            {variant && china ? <LandedPrice variantId={variant.id} initial={landed} lead /> : null}
            <RatingAndSold facts={facts} />
            {/* The marks have their own explained badges below; the card's other badges go here. */}
            <CardBadges badges={(facts?.badges ?? []).filter((b) => b.kind !== 'mark')} />
            <MarkBadges marks={marks.filter((m) => !m.variantId || m.variantId === variantId)} />
            {variant && offer && campaign && !china ? (
              <section className="campaign" aria-label={pick(campaign.name, locale)} data-testid="campaign">
                <p className="campaign-name">{pick(campaign.name, locale)}</p>
                <p>
                  <CampaignPrice price={offer.priceSatang} list={offer.listPriceSatang} big />
                </p>
                <p>
                  <Countdown endsAt={campaign.endsAt} now={data.cards!.now} />
                </p>
                <p className="muted">
                  {t('card.left', { n: formatNumber(offer.left, locale) })} ·{' '}
                  {t('card.perBuyer', { n: formatNumber(offer.perBuyerLimit, locale) })}
                </p>
              </section>
            ) : variant ? (
              <p className={china ? 'muted' : 'big-price'}>
                {china ? `${t('product.priceInThailand')} ` : null}
                <Price satang={variant.priceSatang} />
              </p>
            ) : null}
            {variant && !china ? (
              <LandedPrice variantId={variant.id} initial={data.landed ? landed : undefined} />
            ) : null}
            <dl className="facts">
              <dt>{t('product.seller')}</dt>
              <dd>
                <a href={href(`/shop/${p.shop.slug}`)}>{p.shop.shopName}</a>
                <ShopRating rating={facts?.shopRating} />
              </dd>
              <dt>{t('product.origin')}</dt>
              <dd>{provinceName(p.originProvinceCode, locale)}</dd>
            </dl>
            {p.perishable && p.shelfLifeDays ? (
              <p className="note">{t('product.perishable', { days: p.shelfLifeDays })}</p>
            ) : null}
            <form method="post" action="/cart/add" onSubmit={addToCart} className="buy-form" noValidate>
              <input type="hidden" name="next" value={href('/cart')} />
              {p.variants.length > 1 ? (
                <fieldset>
                  <legend>{t('product.chooseVariant')}</legend>
                  {p.variants.map((v) => (
                    <label key={v.id} className="variant">
                      <input
                        type="radio"
                        name="variantId"
                        value={v.id}
                        checked={v.id === variant?.id}
                        disabled={!inStock(v)}
                        onChange={() => setVariantId(v.id)}
                      />
                      <span>{variantLabel(v)}</span>{' '}
                      <span className="muted">{formatMoney(offerOf(v)?.priceSatang ?? v.priceSatang, locale)}</span>
                      {!inStock(v) ? <span className="muted"> — {t('product.outOfStock')}</span> : null}
                    </label>
                  ))}
                </fieldset>
              ) : (
                <input type="hidden" name="variantId" value={variant?.id ?? ''} />
              )}
              {variant ? (
                <p className={inStock(variant) ? 'stock' : 'stock out'}>
                  {inStock(variant)
                    ? t('product.inStock', { n: formatNumber(stockOf(variant), locale) })
                    : t('product.outOfStock')}
                </p>
              ) : null}
              <div className="field">
                <label htmlFor="quantity">{t('product.quantity')}</label>
                <input
                  id="quantity"
                  name="quantity"
                  type="number"
                  min={1}
                  max={Math.max(1, Math.min(999, variant ? stockOf(variant) : 1))}
                  defaultValue={1}
                  inputMode="numeric"
                  aria-invalid={errors.quantity ? true : undefined}
                  aria-describedby={errors.quantity ? 'quantity-error' : undefined}
                />
                {errors.quantity ? (
                  <p className="error" id="quantity-error" role="alert">
                    {errors.quantity}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="primary" disabled={pending || !variant || !inStock(variant)}>
                {pending ? t('product.adding') : t('product.addToCart')}
              </button>
              <FormError message={errors.quantity ? null : formError} />
              {added ? (
                <p role="status" className="ok">
                  {t('product.added')} <a href={href('/cart')}>{t('product.viewCart')}</a>
                </p>
              ) : null}
            </form>
          </section>
        </div>
        <section className="description">
          <h2>{t('product.description')}</h2>
          <div lang={p.descriptionLang !== locale ? p.descriptionLang : undefined}>
            {p.description.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        </section>
        <ProductReviews data={data.reviews ?? null} />
      </article>
    );
  },
};
