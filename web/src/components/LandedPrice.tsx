// The CNY landed price for buyers in China (goods, international shipping, cross-border tax, total),
// on the product page and under the cart. On the Chinese storefront (/zh) the page loads it on the
// server and leads with it; elsewhere it is fetched in the browser, so those pages stay as fast.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import type { Api } from '../app/api.ts';
import type { Locale } from '../ssr-contract.ts';
import '../messages/landed.ts';

export interface Landed {
  variantId: string;
  eligible: boolean;
  bondedAvailable: number;
  unitPriceFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  taxRatePercent: number | null;
}

/**
 * "The buyer is on the China storefront": the page is in Chinese (/zh/...). There the cross-border
 * offer leads wherever it can go (eligible, held in bond); everything else keeps the domestic flow.
 */
export const onChinaStorefront = (locale: Locale) => locale === 'zh';

/** Whether a variant can be bought cross-border now: eligible and held in the bonded hub. */
export const sellsToChina = (l: Landed | null | undefined): l is Landed => !!l?.eligible && l.bondedAvailable > 0;

/** Landed prices of the variants, for the product page's server render on the China storefront (null: none to show). */
export async function loadLanded(api: Api, variantIds: string[]): Promise<Record<string, Landed> | null> {
  if (!variantIds.length) return null;
  const r = await api
    .get<{ items: Landed[] }>(`/crossborder/landed?${variantIds.map((id) => `variantIds=${id}`).join('&')}`)
    .catch(() => null);
  return r ? Object.fromEntries(r.items.map((i) => [i.variantId, i])) : null;
}

export function LandedTotals({ q }: { q: { goodsFen: number; freightFen: number; taxFen: number; totalFen: number } }) {
  const { t, locale } = useApp();
  const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
  return (
    <dl className="totals landed">
      <dt>{t('cn.goods')}</dt>
      <dd>{cny(q.goodsFen)}</dd>
      <dt>{t('cn.freight')}</dt>
      <dd>{cny(q.freightFen)}</dd>
      <dt>{t('cn.tax')}</dt>
      <dd>{cny(q.taxFen)}</dd>
      <dt className="grand">{t('cn.total')}</dt>
      <dd className="grand" data-testid="landed-total">
        {cny(q.totalFen)}
      </dd>
    </dl>
  );
}

/** One unit's landed price; `lead` makes it the page's main price (the China storefront). */
export function LandedPrice({
  variantId,
  initial,
  lead = false,
}: {
  variantId: string;
  initial?: Landed | null;
  lead?: boolean;
}) {
  const { t, api, locale } = useApp();
  const [item, setItem] = useState<Landed | null>(initial?.variantId === variantId ? initial : null);
  useEffect(() => {
    if (initial?.variantId === variantId) {
      setItem(initial);
      return;
    }
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
  }, [variantId, initial]);
  if (!item?.eligible) return null;
  // Only what the bonded hub holds ships to China: without it there is no cross-border offer to make.
  if (item.bondedAvailable <= 0)
    return (
      <section className="landed-price" aria-label={t('cn.market')}>
        <h2>{t('cn.market')}</h2>
        <p className="muted" data-testid="no-bonded-stock">
          {t('cn.noBondedStock')}
        </p>
      </section>
    );
  const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
  return (
    <section className={lead ? 'landed-price lead' : 'landed-price'} aria-label={t('cn.landed')}>
      <h2>{t('cn.market')}</h2>
      <p className="big-price" data-testid="landed-price">
        {cny(item.totalFen)}
      </p>
      <p className="muted">
        {t('cn.landed')}: {t('cn.goods')} {cny(item.unitPriceFen)} · {t('cn.freight')} {cny(item.freightFen)} ·{' '}
        {t('cn.tax')} {cny(item.taxFen)} ({t('cn.taxRate', { rate: item.taxRatePercent ?? 0 })})
      </p>
      <p className="muted">{t('cn.bonded', { n: item.bondedAvailable })}</p>
    </section>
  );
}

export interface CartQuote {
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  lines: { variantId: string; unitPriceFen: number; goodsFen: number }[];
}
/** The cart as one landed order to China, or why it cannot go (the API's reason, in the page's language). */
export type CartLandedState = { quote: CartQuote } | { reason: string | null };

export async function loadCartQuote(api: Api): Promise<CartLandedState> {
  try {
    return { quote: await api.get<CartQuote>('/crossborder/cart-quote') };
  } catch (e) {
    return { reason: (e as { problem?: { detail?: string } }).problem?.detail ?? null };
  }
}

/** The cart's landed quote, fetched again whenever the cart changes (from `initial` when the server had it). */
export function useCartQuote(itemCount: number, version: number, initial?: CartLandedState): CartLandedState | null {
  const { api } = useApp();
  const [state, setState] = useState<CartLandedState | null>(initial ?? null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current && initial) {
      first.current = false;
      return;
    }
    first.current = false;
    if (!itemCount) {
      setState(null);
      return;
    }
    let live = true;
    void loadCartQuote(api).then((s) => {
      if (live) setState(s);
    });
    return () => {
      live = false;
    };
  }, [itemCount, version]);
  return state;
}

/** The cart as one landed order to China, or why it cannot go; `lead`: the cart's main way to check out. */
export function CartLanded({ state, lead = false }: { state: CartLandedState | null; lead?: boolean }) {
  const { t, href } = useApp();
  if (!state) return null;
  return (
    <section className={lead ? 'landed-price lead' : 'landed-price'} aria-labelledby="cart-landed">
      <h2 id="cart-landed">{t('cn.market')}</h2>
      {'quote' in state ? (
        <>
          <LandedTotals q={state.quote} />
          <p>
            <a className={lead ? 'button primary' : 'button'} href={href('/cn/checkout')}>
              {t('cn.shipToChina')}
            </a>
          </p>
        </>
      ) : state.reason ? (
        <p className="muted">{state.reason}</p>
      ) : null}
    </section>
  );
}
