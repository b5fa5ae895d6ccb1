import { useApp } from '../app/context.tsx';
import { provinceName } from '../app/i18n.ts';
import type { ProductSummary } from '../app/shapes.ts';
import {
  CampaignPrice,
  CardBadges,
  type CardFacts,
  type CardsOf,
  Countdown,
  RatingAndSold,
  ShopRating,
} from './CardFacts.tsx';
import { Price } from './ui.tsx';

export function ProductCard({ product, facts, now }: { product: ProductSummary; facts?: CardFacts; now?: string }) {
  const { href, locale, t } = useApp();
  // A title not yet translated is Thai text: say so, so screen readers pronounce it right.
  const lang = product.titleLang !== locale ? product.titleLang : undefined;
  const campaign = facts?.campaign;
  return (
    <li className="card" data-testid="product-card">
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
      {campaign ? (
        <>
          <p className="card-price">
            <CampaignPrice price={campaign.priceSatang} list={campaign.listPriceSatang} />
          </p>
          <p className="card-campaign">
            <Countdown endsAt={campaign.endsAt} now={now ?? campaign.endsAt} />
          </p>
        </>
      ) : (
        <p className="card-price">
          {t('product.from')} <Price satang={product.minPriceSatang} />
        </p>
      )}
      <RatingAndSold facts={facts} />
      <CardBadges badges={facts?.badges ?? []} />
      <p className="card-meta">
        <a href={href(`/shop/${product.shop.slug}`)}>{product.shop.shopName}</a>
        <ShopRating rating={facts?.shopRating} />
        <span> · {provinceName(product.originProvinceCode, locale)}</span>
      </p>
    </li>
  );
}

export function ProductGrid({ products, cards }: { products: ProductSummary[]; cards?: CardsOf }) {
  return (
    <ul className="grid">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} facts={cards?.byProduct[p.id]} now={cards?.now} />
      ))}
    </ul>
  );
}
