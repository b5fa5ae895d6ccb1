// Checkout: the delivery address, the order summary, and placing the order with an
// Idempotency-Key (a retry of the same order never buys twice).
import { useRef, useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import { CartTotals, type CartView } from '../pages/Cart.tsx';
import { Empty, FormError, PageTitle, TextField } from '../components/ui.tsx';
import { AddressForm, emptyAddress, type AddressValue } from './AddressForm.tsx';
import '../messages/account.ts';

/** The address as the API takes it: optional parts left out when blank. */
function addressBody(a: AddressValue) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) if (v.trim()) out[k] = v.trim();
  return out;
}

export const checkoutPage: PageModule<CartView> = {
  load: ({ api }) => api.get<CartView>('/cart'),
  head: (_d, { t }) => ({ title: t('checkout.title'), noindex: true }),
  Page({ data: cart }) {
    const { t, api, href, me, navigate, setCartCount } = useApp();
    // contactPhone is the address's phone; its errors show beside that field.
    const [address, setAddress] = useState<AddressValue>({
      ...emptyAddress,
      name: me?.displayName ?? '',
      phone: me?.phone?.startsWith('+66') ? me.phone.replace(/^\+66/, '0') : '',
    });
    const [email, setEmail] = useState(me?.email ?? '');
    const { errors, formError, pending, run } = useSubmit();
    const attempt = useRef<{ body: string; key: string } | null>(null);

    if (!cart.shops.length)
      return (
        <>
          <PageTitle>{t('checkout.title')}</PageTitle>
          <Empty>{t('checkout.emptyCart')}</Empty>
        </>
      );

    const submit = async (e: FormEvent) => {
      e.preventDefault();
      const body = {
        shippingAddress: addressBody(address),
        contactPhone: address.phone.trim(),
        ...(email.trim() ? { contactEmail: email.trim() } : {}),
      };
      const serialized = JSON.stringify(body);
      // The same order sent again keeps its key; a changed order is a new request.
      if (attempt.current?.body !== serialized) attempt.current = { body: serialized, key: newIdempotencyKey() };
      const placed = await run(() =>
        api.send<{ orderGroupId: string }>('POST', '/checkout', body, { 'idempotency-key': attempt.current!.key }),
      );
      if (placed) {
        setCartCount(0);
        await navigate(href(`/checkout/done/${placed.orderGroupId}`));
      }
    };

    return (
      <>
        <PageTitle>{t('checkout.title')}</PageTitle>
        {!me ? (
          <p className="note">
            {t('checkout.signInFirst')}{' '}
            <a href={`${href('/signin')}?next=${encodeURIComponent(href('/checkout'))}`}>{t('nav.signIn')}</a>
          </p>
        ) : null}
        <form onSubmit={submit} noValidate className="checkout">
          <fieldset>
            <legend>{t('checkout.address')}</legend>
            <AddressForm value={address} onChange={setAddress} errors={errors} prefix="shippingAddress" />
            <TextField
              label={`${t('checkout.email')} ${t('common.optional')}`}
              type="email"
              name="contactEmail"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={errors.contactEmail}
            />
          </fieldset>
          <section aria-labelledby="summary">
            <h2 id="summary">{t('checkout.summary')}</h2>
            <ul className="summary-lines">
              {cart.shops
                .flatMap((s) => s.items)
                .map((i) => (
                  <li key={i.variantId}>
                    {i.title} × {i.quantity}
                  </li>
                ))}
            </ul>
            <CartTotals cart={cart} />
          </section>
          <FormError message={formError} />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('checkout.placing') : t('checkout.placeOrder')}
          </button>
        </form>
      </>
    );
  },
};
