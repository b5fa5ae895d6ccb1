// The cart: items grouped by shop, with quantities to change, totals, and the way to checkout. On the
// China storefront a cart that can go cross-border leads with its landed CNY total and /cn/checkout.
import {
  CartLanded,
  loadCartQuote,
  onChinaStorefront,
  useCartQuote,
  type CartLandedState,
} from '../components/LandedPrice.tsx';
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, Price } from '../components/ui.tsx';
import '../messages/auth-cart.ts';

export interface CartItem {
  variantId: string;
  productId: string;
  sku: string;
  title: string;
  optionValues: string[];
  unitPriceSatang: number;
  quantity: number;
  lineTotalSatang: number;
  available: number;
  saleable: boolean;
}
export interface CartView {
  itemCount: number;
  shops: { sellerId: string; shopName?: string; items: CartItem[]; subtotalSatang: number; shippingSatang: number }[];
  subtotalSatang: number;
  shippingSatang: number;
  totalSatang: number;
  readyForCheckout: boolean;
}

export function CartTotals({ cart }: { cart: CartView }) {
  const { t } = useApp();
  return (
    <dl className="totals">
      <dt>{t('cart.subtotal')}</dt>
      <dd>
        <Price satang={cart.subtotalSatang} />
      </dd>
      <dt>{t('cart.shipping')}</dt>
      <dd>
        <Price satang={cart.shippingSatang} />
      </dd>
      <dt className="grand">{t('cart.total')}</dt>
      <dd className="grand">
        <Price satang={cart.totalSatang} />
      </dd>
    </dl>
  );
}

type CartData = CartView & { landed?: CartLandedState };

export const cartPage: PageModule<CartData> = {
  load: async ({ api, locale }) => {
    const cart = await api.get<CartView>('/cart');
    // The China storefront decides on the server which checkout leads, so the page does not jump.
    return onChinaStorefront(locale) && cart.shops.length ? { ...cart, landed: await loadCartQuote(api) } : cart;
  },
  head: (_d, { t }) => ({ title: t('cart.title'), noindex: true }),
  Page({ data }) {
    const { t, href, api, setCartCount, locale } = useApp();
    const [cart, setCart] = useState<CartView>(data);
    const [version, setVersion] = useState(0);
    const { formError, errors, run, pending } = useSubmit();
    const landed = useCartQuote(cart.itemCount, version, data.landed);
    const quote = landed && 'quote' in landed ? landed.quote : null;
    const china = onChinaStorefront(locale) && !!quote;
    const lineFen = new Map(quote?.lines.map((l) => [l.variantId, l]) ?? []);
    const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
    // The quantity as typed: one out of range is refused by the cart with a message on the page
    // (a negative one once removed the line without a word).
    const change = async (variantId: string, quantity: number | string) => {
      const fresh = await run(() => api.send<CartView>('PUT', `/cart/items/${variantId}`, { quantity }));
      if (fresh) {
        setCart(fresh);
        setCartCount(fresh.itemCount);
        setVersion((n) => n + 1);
      }
    };
    if (!cart.shops.length) {
      return (
        <>
          <PageTitle>{t('cart.title')}</PageTitle>
          <Empty>
            <p>{t('cart.empty')}</p>
            <a href={href('/products')}>{t('cart.browse')}</a>
          </Empty>
        </>
      );
    }
    return (
      <>
        <PageTitle>{t('cart.title')}</PageTitle>
        <FormError message={formError} />
        {cart.shops.map((shop, i) => (
          <section key={shop.sellerId} className="cart-shop" aria-labelledby={`shop-${i}`}>
            <h2 id={`shop-${i}`}>{shop.shopName ?? t('cart.shop', { n: i + 1 })}</h2>
            <ul className="lines">
              {shop.items.map((item) => (
                <li key={item.variantId} className="line">
                  <div className="line-title">
                    <a href={href(`/p/${item.productId}`)}>{item.title}</a>
                    {item.optionValues.length ? (
                      <span className="muted"> · {item.optionValues.join(' / ')}</span>
                    ) : null}
                    {!item.saleable || item.available < item.quantity ? (
                      <p className="error">
                        {item.available > 0 ? t('cart.available', { n: item.available }) : t('product.outOfStock')}
                      </p>
                    ) : null}
                  </div>
                  {china && lineFen.has(item.variantId) ? (
                    <span className="price">{cny(lineFen.get(item.variantId)!.unitPriceFen)}</span>
                  ) : (
                    <Price satang={item.unitPriceSatang} />
                  )}
                  <form
                    className="qty"
                    noValidate
                    onSubmit={(e) => {
                      e.preventDefault();
                      const raw = String(new FormData(e.currentTarget).get('quantity') ?? '').trim();
                      void change(item.variantId, Number.isFinite(Number(raw)) && raw !== '' ? Number(raw) : raw);
                    }}
                  >
                    <label className="sr-only" htmlFor={`q-${item.variantId}`}>
                      {t('cart.quantityOf', { title: item.title })}
                    </label>
                    <input
                      id={`q-${item.variantId}`}
                      name="quantity"
                      type="number"
                      min={0}
                      max={999}
                      defaultValue={item.quantity}
                      inputMode="numeric"
                    />
                    <button type="submit" disabled={pending}>
                      {t('cart.update')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      disabled={pending}
                      onClick={() => void change(item.variantId, 0)}
                    >
                      {t('cart.remove')}
                      <span className="sr-only"> {item.title}</span>
                    </button>
                  </form>
                  {china && lineFen.has(item.variantId) ? (
                    <span className="price line-total">{cny(lineFen.get(item.variantId)!.goodsFen)}</span>
                  ) : (
                    <Price satang={item.lineTotalSatang} className="line-total" />
                  )}
                </li>
              ))}
            </ul>
            {china ? null : (
              <p className="shop-sum">
                {t('cart.shipping')}: <Price satang={shop.shippingSatang} />
              </p>
            )}
          </section>
        ))}
        {errors.quantity ? (
          <p className="error" role="alert">
            {errors.quantity}
          </p>
        ) : null}
        {china ? <CartLanded state={landed} lead /> : null}
        <section
          className={china ? 'domestic alternative' : 'domestic'}
          aria-labelledby={china ? 'cart-domestic' : undefined}
        >
          {china ? <h2 id="cart-domestic">{t('cart.domesticInstead')}</h2> : null}
          <CartTotals cart={cart} />
          {!cart.readyForCheckout ? <p className="error">{t('cart.notReady')}</p> : null}
          {cart.readyForCheckout ? (
            <a className={china ? 'button' : 'button primary'} href={href('/checkout')}>
              {t(china ? 'cart.checkoutDomestic' : 'cart.checkout')}
            </a>
          ) : (
            <span className={china ? 'button' : 'button primary'} aria-disabled="true">
              {t(china ? 'cart.checkoutDomestic' : 'cart.checkout')}
            </span>
          )}
        </section>
        {china ? null : <CartLanded state={landed} />}
      </>
    );
  },
};
