// Checkout: the delivery address, the order summary, and placing the order with an
// Idempotency-Key (a retry of the same order never buys twice).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import { CartTotals, type CartView } from '../pages/Cart.tsx';
import { Empty, FormError, PageTitle, Price, TextField } from '../components/ui.tsx';
import { AddressForm, emptyAddress, type AddressValue } from './AddressForm.tsx';
import '../messages/account.ts';

/** The address as the API takes it: optional parts left out when blank. */
function addressBody(a: AddressValue) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) if (v.trim()) out[k] = v.trim();
  return out;
}

/** The cart priced as checkout prices it: campaign prices, vouchers, free shipping (POST /api/checkout/quote). */
interface Quote {
  subtotalSatang: number;
  shippingSatang: number;
  discountSatang: number;
  totalSatang: number;
  voucherCodes: string[];
  shops: { discounts: { kind: string; code: string | null; amountSatang: number; fundedBy: string }[] }[];
  vouchers: { code: string; sellerId: string | null }[];
  problem: { code: string; detail: string } | null;
}

function QuoteTotals({ quote }: { quote: Quote }) {
  const { t } = useApp();
  const discounts = quote.shops.flatMap((s) => s.discounts);
  return (
    <dl className="totals" data-testid="quote-totals">
      <dt>{t('cart.subtotal')}</dt>
      <dd>
        <Price satang={quote.subtotalSatang} />
      </dd>
      <dt>{t('cart.shipping')}</dt>
      <dd>
        <Price satang={quote.shippingSatang} />
      </dd>
      {discounts.map((d, k) => (
        <div key={`${d.kind}-${d.code}-${k}`} className="discount">
          <dt>{d.kind === 'free_shipping' ? t('checkout.freeShipping') : `${t('checkout.voucher')} ${d.code}`}</dt>
          <dd data-testid="discount">
            −<Price satang={d.amountSatang} />
          </dd>
        </div>
      ))}
      <dt className="grand">{t('cart.total')}</dt>
      <dd className="grand" data-testid="quote-total">
        <Price satang={quote.totalSatang} />
      </dd>
    </dl>
  );
}

export const checkoutPage: PageModule<CartView> = {
  load: ({ api }) => api.get<CartView>('/cart'),
  head: (_d, { t }) => ({ title: t('checkout.title'), noindex: true }),
  Page({ data: cart }) {
    const [quote, setQuote] = useState<Quote | null>(null);
    const [code, setCode] = useState('');
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

    const applyVoucher = async (codes: string[]) => {
      setQuote(await api.send<Quote>('POST', '/checkout/quote', { voucherCodes: codes }));
    };

    // The campaign prices and free shipping show as soon as the page is there; vouchers when applied.
    // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
    useEffect(() => {
      if (cart.shops.length) void applyVoucher([]).catch(() => undefined);
    }, []);

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
        ...(quote?.voucherCodes.length
          ? { voucherCodes: quote.voucherCodes, expectedTotalSatang: quote.totalSatang }
          : {}),
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
            <div className="voucher-entry">
              <label htmlFor="voucher-code">{t('checkout.voucherCode')}</label>
              <input
                id="voucher-code"
                name="voucherCode"
                value={code}
                list="vouchers-on-offer"
                autoComplete="off"
                onChange={(e) => setCode(e.target.value)}
              />
              <datalist id="vouchers-on-offer">
                {(quote?.vouchers ?? []).map((v) => (
                  <option key={v.code} value={v.code} />
                ))}
              </datalist>
              <button
                type="button"
                onClick={() =>
                  applyVoucher(
                    [...new Set([...(quote?.voucherCodes ?? []), code.trim().toUpperCase()])].filter(Boolean),
                  )
                }
              >
                {t('checkout.applyVoucher')}
              </button>
              {quote?.voucherCodes.length ? (
                <button type="button" onClick={() => applyVoucher([])}>
                  {t('checkout.removeVouchers')}
                </button>
              ) : null}
            </div>
            {quote?.problem ? (
              <p className="form-error" role="alert">
                {quote.problem.detail}
              </p>
            ) : null}
            {quote ? <QuoteTotals quote={quote} /> : <CartTotals cart={cart} />}
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
