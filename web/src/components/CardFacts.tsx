// What a product card and the product page show besides the catalog's facts: the rating, the units
// sold, the campaign price over the crossed-out catalog price with a countdown to its end, and badges.
// A page loads them for all its cards in one call (GET /api/storefront/cards).
import { useEffect, useState } from 'react';
import type { Api } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatMoney, formatNumber } from '../app/i18n.ts';
import '../messages/cards.ts';

export interface CampaignOffer {
  campaignId: string;
  name: { th: string; zh?: string | null; en?: string | null };
  endsAt: string;
  priceSatang: number;
  listPriceSatang: number;
  variants: { variantId: string; priceSatang: number; listPriceSatang: number; left: number; perBuyerLimit: number }[];
}
export type CardBadge =
  | { kind: 'flagship' | 'cross_border' }
  | { kind: 'mark'; mark: string; stars?: number | null }
  | { kind: 'free_shipping'; minSubtotalSatang: number };
export interface CardFacts {
  productId: string;
  rating: { average: number; count: number } | null;
  /** The shop's rating over all its reviews (absent from older servers' answers). */
  shopRating?: { average: number; count: number } | null;
  sold: number;
  campaign: CampaignOffer | null;
  badges: CardBadge[];
}
/** The facts of a page's cards by product, and the server's time they were read at (the countdown starts from it). */
export interface CardsOf {
  now: string;
  byProduct: Record<string, CardFacts>;
}

export async function loadCards(api: Api, productIds: string[]): Promise<CardsOf> {
  const ids = [...new Set(productIds)].slice(0, 60);
  if (!ids.length) return { now: new Date().toISOString(), byProduct: {} };
  const r = await api
    .get<{ now: string; items: CardFacts[] }>(`/storefront/cards?${ids.map((id) => `productIds=${id}`).join('&')}`)
    .catch(() => null);
  return {
    now: r?.now ?? new Date().toISOString(),
    byProduct: Object.fromEntries((r?.items ?? []).map((c) => [c.productId, c])),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Time left until `endsAt`: rendered on the server from its clock (`now`), so the HTML already has
 * it and hydration matches; then it ticks every second on the client's clock.
 */
export function Countdown({ endsAt, now }: { endsAt: string; now: string }) {
  const { t } = useApp();
  const end = Date.parse(endsAt);
  const [at, setAt] = useState(() => Date.parse(now));
  useEffect(() => {
    setAt(Date.now());
    const timer = setInterval(() => setAt(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  const left = Math.max(0, Math.floor((end - at) / 1000));
  const days = Math.floor(left / 86_400);
  const clock = `${two(Math.floor((left % 86_400) / 3600))}:${two(Math.floor((left % 3600) / 60))}:${two(left % 60)}`;
  return (
    <span className="countdown" data-testid="countdown">
      {left ? (
        <>
          {t('card.endsIn')}{' '}
          <time dateTime={endsAt}>
            {days ? `${t('card.days', { n: days })} ` : ''}
            {clock}
          </time>
        </>
      ) : (
        t('card.ended')
      )}
    </span>
  );
}

export function Stars({ rating }: { rating: { average: number; count: number } }) {
  const { t, locale } = useApp();
  return (
    <span className="stars" data-testid="rating">
      <span aria-hidden="true">★ {rating.average.toFixed(1)}</span>
      <span className="sr-only">{t('card.rating', { rating: rating.average.toFixed(1), n: rating.count })}</span>
      <span aria-hidden="true"> ({formatNumber(rating.count, locale)})</span>
    </span>
  );
}

/** The shop's rating beside its name (nothing before its first review). */
export function ShopRating({ rating }: { rating: { average: number; count: number } | null | undefined }) {
  const { t } = useApp();
  if (!rating) return null;
  return (
    <span className="stars shop-stars" data-testid="shop-rating">
      {' '}
      <span aria-hidden="true">★ {rating.average.toFixed(1)}</span>
      <span className="sr-only">{t('card.shopRating', { rating: rating.average.toFixed(1), n: rating.count })}</span>
    </span>
  );
}

/** The rating and the units sold on one line (nothing when there are neither). */
export function RatingAndSold({ facts }: { facts: CardFacts | undefined }) {
  const { t, locale } = useApp();
  if (!facts || (!facts.rating && !facts.sold)) return null;
  return (
    <p className="card-stats">
      {facts.rating ? <Stars rating={facts.rating} /> : null}
      {facts.rating && facts.sold ? ' · ' : null}
      {facts.sold ? <span data-testid="sold">{t('card.sold', { n: formatNumber(facts.sold, locale) })}</span> : null}
    </p>
  );
}

/** The campaign price with the catalog price crossed out. */
export function CampaignPrice({ price, list, big = false }: { price: number; list: number; big?: boolean }) {
  const { t, locale } = useApp();
  return (
    <span className={big ? 'campaign-price big-price' : 'campaign-price'}>
      <span className="sr-only">{t('card.now')} </span>
      <strong data-testid="campaign-price">{formatMoney(price, locale)}</strong>{' '}
      <s className="list-price">
        <span className="sr-only">{t('card.was')} </span>
        {formatMoney(list, locale)}
      </s>
    </span>
  );
}

export function CardBadges({ badges }: { badges: CardBadge[] }) {
  const { t, locale } = useApp();
  if (!badges.length) return null;
  const label = (b: CardBadge) =>
    b.kind === 'mark'
      ? b.mark === 'otop' && b.stars
        ? t('badge.otop', { stars: b.stars })
        : t(`badge.mark.${b.mark}`)
      : b.kind === 'free_shipping'
        ? t('badge.free_shipping', { amount: formatMoney(b.minSubtotalSatang, locale) })
        : t(`badge.${b.kind}`);
  return (
    <ul className="card-badges">
      {badges.map((b) => (
        <li key={b.kind === 'mark' ? `mark-${b.mark}` : b.kind} className={`card-badge ${b.kind}`}>
          {label(b)}
        </li>
      ))}
    </ul>
  );
}
