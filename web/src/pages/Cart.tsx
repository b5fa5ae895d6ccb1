// The cart: items grouped by shop, with quantities to change, totals, and the way to checkout.
import { CartLanded } from '../components/LandedPrice.tsx';
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, Price } from '../components/ui.tsx';
import '../messages/account.ts';

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

export const cartPage: PageModule<CartView> = {
  load: ({ api }) => api.get<CartView>('/cart'),
  head: (_d, { t }) => ({ title: t('cart.title'), noindex: true }),
  Page({ data }) {
    const { t, href, api, setCartCount } = useApp();
    const [cart, setCart] = useState(data);
    const { formError, errors, run, pending } = useSubmit();
    const change = async (variantId: string, quantity: number) => {
      const fresh = await run(() =>
        api.send<CartView>('PUT', `/cart/items/${variantId}`, { quantity: Math.max(0, quantity) }),
      );
      if (fresh) {
        setCart(fresh);
        setCartCount(fresh.itemCount);
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
                  <Price satang={item.unitPriceSatang} />
                  <form
                    className="qty"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void change(item.variantId, Number(new FormData(e.currentTarget).get('quantity')));
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
                  <Price satang={item.lineTotalSatang} className="line-total" />
                </li>
              ))}
            </ul>
            <p className="shop-sum">
              {t('cart.shipping')}: <Price satang={shop.shippingSatang} />
            </p>
          </section>
        ))}
        {errors.quantity ? (
          <p className="error" role="alert">
            {errors.quantity}
          </p>
        ) : null}
        <CartTotals cart={cart} />
        {!cart.readyForCheckout ? <p className="error">{t('cart.notReady')}</p> : null}
        {cart.readyForCheckout ? (
          <a className="button primary" href={href('/checkout')}>
            {t('cart.checkout')}
          </a>
        ) : (
          <span className="button primary" aria-disabled="true">
            {t('cart.checkout')}
          </span>
        )}
        {cart.shops.length ? <CartLanded itemCount={cart.itemCount} /> : null}
      </>
    );
  },
};
