// A product's CNY landed price for buyers in China (goods, international shipping, cross-border
// tax, total), fetched in the browser so the server-rendered page stays as fast as before.
import { useEffect, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import '../messages/crossborder.ts';

interface Landed {
  variantId: string;
  eligible: boolean;
  bondedAvailable: number;
  unitPriceFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  taxRatePercent: number | null;
}

export function LandedPrice({ variantId }: { variantId: string }) {
  const { t, api, locale, href } = useApp();
  const [item, setItem] = useState<Landed | null>(null);
  useEffect(() => {
    let live = true;
    api.get<{ items: Landed[] }>(`/crossborder/landed?variantIds=${variantId}`).then(
      (r) => {
        if (live) setItem(r.items[0] ?? null);
      },
      () => {
        if (live) setItem(null);
      },
    );
    return () => {
      live = false;
    };
  }, [variantId]);
  if (!item?.eligible) return null;
  const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
  return (
    <section className="landed-price" aria-label={t('cn.landed')}>
      <h2>{t('cn.market')}</h2>
      <p className="big-price" data-testid="landed-price">
        {cny(item.totalFen)}
      </p>
      <p className="muted">
        {t('cn.goods')} {cny(item.unitPriceFen)} · {t('cn.freight')} {cny(item.freightFen)} · {t('cn.tax')}{' '}
        {cny(item.taxFen)} ({t('cn.taxRate', { rate: item.taxRatePercent ?? 0 })})
      </p>
      <p className="muted">
        {t('cn.bonded', { n: item.bondedAvailable })} · <a href={href('/cart')}>{t('cn.shipToChina')}</a>
      </p>
    </section>
  );
}

interface CartQuote {
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
}

/** The cart as one landed order to China, or why it cannot go, under the domestic totals. */
export function CartLanded({ itemCount }: { itemCount: number }) {
  const { t, api, locale, href } = useApp();
  const [quote, setQuote] = useState<CartQuote | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.get<CartQuote>('/crossborder/cart-quote').then(
      (q) => {
        if (live) {
          setQuote(q);
          setReason(null);
        }
      },
      (e: { problem?: { detail?: string } }) => {
        if (live) {
          setQuote(null);
          setReason(e.problem?.detail ?? null);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [itemCount]);
  const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
  return (
    <section className="landed-price" aria-labelledby="cart-landed">
      <h2 id="cart-landed">{t('cn.market')}</h2>
      {quote ? (
        <>
          <dl className="totals">
            <dt>{t('cn.goods')}</dt>
            <dd>{cny(quote.goodsFen)}</dd>
            <dt>{t('cn.freight')}</dt>
            <dd>{cny(quote.freightFen)}</dd>
            <dt>{t('cn.tax')}</dt>
            <dd>{cny(quote.taxFen)}</dd>
            <dt className="grand">{t('cn.total')}</dt>
            <dd className="grand">{cny(quote.totalFen)}</dd>
          </dl>
          <p>
            <a className="button" href={href('/cn/checkout')}>
              {t('cn.shipToChina')}
            </a>
          </p>
        </>
      ) : reason ? (
        <p className="muted">{reason}</p>
      ) : null}
    </section>
  );
}
