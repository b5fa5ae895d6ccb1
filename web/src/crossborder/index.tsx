// Selling to China, Chinese first: the cross-border checkout (CNY landed price, the buyer's identity
// and a GB/T 2260 address) and the operator's rejection queue. The order itself is one page,
// /orders/<id> (pages/CrossBorderOrder.tsx); /cn/orders/<id> leads there.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { CHINA_TIME_ZONE, formatDate, formatDateZoned, formatMoney, pick } from '../app/i18n.ts';
import { Redirect, type PageModule } from '../app/router.ts';
import { LandedTotals } from '../components/LandedPrice.tsx';
import { useSubmit } from '../app/use-submit.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import { Empty, FormError, PageTitle, SelectField, TextArea, TextField } from '../components/ui.tsx';
import '../messages/crossborder.ts';
import '../messages/payments.ts';

interface Quote {
  currency: 'CNY';
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  fx: { rate: string; source: string; validFrom: string };
  lines: {
    variantId: string;
    sku: string;
    title: { th: string; zh: string | null; en: string | null };
    quantity: number;
    unitPriceFen: number;
    goodsFen: number;
    taxFen: number;
    taxRatePercent: number;
  }[];
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character as the form checks it before sending (the server checks again). */
export function idLooksValid(id: string): boolean {
  const v = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  return '10X98765432'[WEIGHTS.reduce((s, w, i) => s + w * Number(v[i]), 0) % 11] === v[17];
}

type Division = { code: string; name: string };
function useDivisions(parent: string | null) {
  const { api } = useApp();
  const [items, setItems] = useState<Division[]>([]);
  useEffect(() => {
    if (parent === null) {
      setItems([]);
      return;
    }
    let live = true;
    void api.get<{ items: Division[] }>(`/crossborder/districts${parent ? `?parent=${parent}` : ''}`).then((r) => {
      if (live) setItems(r.items);
    });
    return () => {
      live = false;
    };
  }, [parent]);
  return items;
}

/** Province -> city -> county (GB/T 2260), loaded one level at a time. */
function DistrictPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  const { t } = useApp();
  const [province, setProvince] = useState('');
  const [city, setCity] = useState('');
  const provinces = useDivisions('');
  const cities = useDivisions(province || null);
  const counties = useDivisions(city || null);
  const opts = (list: Division[]) => list.map((d) => ({ value: d.code, label: d.name }));
  return (
    <>
      <SelectField
        label={t('cn.province')}
        name="province"
        value={province}
        placeholder={t('cn.choose')}
        options={opts(provinces)}
        onChange={(e) => {
          setProvince(e.target.value);
          setCity('');
          onChange('');
        }}
      />
      <SelectField
        label={t('cn.city')}
        name="city"
        value={city}
        placeholder={t('cn.choose')}
        options={opts(cities)}
        disabled={!province}
        onChange={(e) => {
          setCity(e.target.value);
          onChange('');
        }}
      />
      <SelectField
        label={t('cn.county')}
        name="districtCode"
        value={value}
        placeholder={t('cn.choose')}
        options={opts(counties)}
        disabled={!city}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
    </>
  );
}

type CheckoutData = { quote: Quote } | { error: string };

export const cnCheckoutPage: PageModule<CheckoutData> = {
  load: async ({ api }) => {
    try {
      return { quote: await api.get<Quote>('/crossborder/cart-quote') };
    } catch (e) {
      if (e instanceof ApiError) return { error: e.problem.detail };
      throw e;
    }
  },
  head: (_d, { t }) => ({ title: t('cn.checkoutTitle'), noindex: true }),
  Page({ data }) {
    const { t, api, href, navigate, setCartCount, locale, me } = useApp();
    const [form, setForm] = useState({
      name: '',
      idNumber: '',
      // A mainland mobile the buyer signed up with is offered as it is written in China.
      phone: me?.phone?.startsWith('+86') ? me.phone.slice(3) : '',
      districtCode: '',
      addressDetail: '',
    });
    const { errors, formError, pending, run, setErrors } = useSubmit();
    const attempt = useRef<{ body: string; key: string } | null>(null);
    if ('error' in data)
      return (
        <>
          <PageTitle>{t('cn.checkoutTitle')}</PageTitle>
          <p className="error" role="alert">
            {data.error}
          </p>
        </>
      );
    const q = data.quote;
    const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
      setForm({ ...form, [k]: e.target.value });
    const submit = async (e: FormEvent) => {
      e.preventDefault();
      if (form.idNumber && !idLooksValid(form.idNumber)) {
        setErrors({ 'identity.idNumber': t('cn.idBad') });
        return;
      }
      const body = { ...form, expectedTotalFen: q.totalFen };
      const serialized = JSON.stringify(body);
      if (attempt.current?.body !== serialized) attempt.current = { body: serialized, key: newIdempotencyKey() };
      const placed = await run(() =>
        api.send<{ orderId: string }>('POST', '/crossborder/checkout', body, {
          'idempotency-key': attempt.current!.key,
        }),
      );
      if (placed) {
        setCartCount(0);
        await navigate(href(`/orders/${placed.orderId}`));
      }
    };
    return (
      <>
        <PageTitle>{t('cn.checkoutTitle')}</PageTitle>
        {!me ? (
          <p className="note">
            {t('checkout.signInFirst')}{' '}
            <a href={`${href('/signin')}?next=${encodeURIComponent(href('/cn/checkout'))}`}>{t('nav.signIn')}</a>
          </p>
        ) : null}
        <form onSubmit={submit} noValidate className="checkout">
          <section aria-labelledby="landed">
            <h2 id="landed">{t('cn.landed')}</h2>
            <ul className="summary-lines">
              {q.lines.map((l) => (
                <li key={l.variantId}>
                  {pick(l.title, locale)} × {l.quantity} — {formatMoney(l.goodsFen, locale, 'CNY')} (
                  {t('cn.taxRate', { rate: l.taxRatePercent })})
                </li>
              ))}
            </ul>
            <LandedTotals q={q} />
            <p className="hint">
              {t('cn.rate', { rate: q.fx.rate, date: formatDateZoned(q.fx.validFrom, locale, CHINA_TIME_ZONE) })}
            </p>
            <p className="hint">{t('cn.limits')}</p>
          </section>
          <fieldset>
            <legend>{t('cn.identity')}</legend>
            <TextField
              label={t('cn.name')}
              name="name"
              autoComplete="name"
              value={form.name}
              onChange={set('name')}
              error={errors['identity.name'] ?? errors.name}
            />
            <TextField
              label={t('cn.idNumber')}
              name="idNumber"
              hint={t('cn.idHint')}
              value={form.idNumber}
              onChange={set('idNumber')}
              maxLength={18}
              autoComplete="off"
              error={errors['identity.idNumber'] ?? errors.idNumber}
            />
            <TextField
              label={t('cn.phone')}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={form.phone}
              onChange={set('phone')}
              error={errors['identity.phone'] ?? errors.phone}
            />
          </fieldset>
          <fieldset>
            <legend>{t('cn.address')}</legend>
            <DistrictPicker
              value={form.districtCode}
              onChange={(code) => setForm((f) => ({ ...f, districtCode: code }))}
              error={errors['address.districtCode'] ?? errors.districtCode}
            />
            <TextArea
              label={t('cn.detail')}
              name="addressDetail"
              value={form.addressDetail}
              onChange={set('addressDetail')}
              rows={2}
              error={errors['address.detail'] ?? errors.addressDetail}
            />
          </fieldset>
          <FormError message={formError} />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('cn.placing') : t('cn.place')}
          </button>
        </form>
      </>
    );
  },
};

/** A customs reason as the API renders it: its code (null for text written before the codes) and its text in the page's language (the API client sends the page's locale). */
interface Reason {
  code: string | null;
  text: string;
}

/** The cross-border order has one page, /orders/<id>: older links to /cn/orders/<id> lead there. */
export const cnOrderPage: PageModule<null> = {
  load: async ({ params, locale }) => {
    throw new Redirect(`${locale === 'th' ? '' : `/${locale}`}/orders/${encodeURIComponent(params.id)}`);
  },
  head: (_d, { t }) => ({ title: t('cn.customs'), noindex: true }),
  Page: () => null,
};

interface Rejection {
  id: string;
  orderNo: string;
  shopName: string;
  receiptCode: string;
  reasons: Reason[];
  createdAt: string;
}

interface Rate {
  base: string;
  quote: string;
  rate: string;
  source: string;
  validFrom: string;
}

/** The operator keeps the THB->CNY rate fresh: cross-border checkout stops when it is older than CBEC_FX_MAX_AGE_HOURS. */
function FxRateForm({ rates }: { rates: Rate[] }) {
  const { t, api, locale, reload } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const [rate, setRate] = useState('');
  const [source, setSource] = useState('');
  const current = rates.find((r) => r.base === 'THB' && r.quote === 'CNY');
  return (
    <section aria-labelledby="fx">
      <h2 id="fx">{t('cn.fxTitle')}</h2>
      {current ? (
        <p>
          {t('cn.fxCurrent', {
            rate: current.rate,
            source: current.source,
            date: formatDate(current.validFrom, locale),
          })}
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (
            await run(() =>
              api.send('POST', '/operator/fx-rates', {
                base: 'THB',
                quote: 'CNY',
                rate: rate.trim(),
                source: source.trim(),
              }),
            )
          )
            await reload();
        }}
      >
        <TextField
          label={t('cn.fxRate')}
          inputMode="decimal"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          error={errors.rate}
        />
        <TextField
          label={t('cn.fxSource')}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          error={errors.source}
        />
        <button type="submit" disabled={pending}>
          {t('cn.fxSave')}
        </button>
        <FormError message={formError} />
      </form>
    </section>
  );
}

/** Correct and resubmit, or cancel and refund: each asks to be confirmed, and a retried click reuses its Idempotency-Key. */
function RejectionActions({ id }: { id: string }) {
  const { t, api, reload } = useApp();
  const { formError, pending, run } = useSubmit();
  const [confirming, setConfirming] = useState<'resubmit' | 'cancel-refund' | null>(null);
  const keys = useRef<Record<string, string>>({});
  const act = async (action: 'resubmit' | 'cancel-refund') => {
    keys.current[action] ??= newIdempotencyKey();
    if (
      await run(() =>
        api.send('POST', `/operator/customs/rejections/${id}/${action}`, undefined, {
          'idempotency-key': keys.current[action],
        }),
      )
    ) {
      setConfirming(null);
      await reload();
    }
  };
  return (
    <div>
      <p className="inline-form">
        <button
          type="button"
          disabled={pending}
          aria-expanded={confirming === 'resubmit'}
          onClick={() => setConfirming('resubmit')}
        >
          {t('cn.resubmit')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={pending}
          aria-expanded={confirming === 'cancel-refund'}
          onClick={() => setConfirming('cancel-refund')}
        >
          {t('cn.cancelRefund')}
        </button>
      </p>
      {confirming ? (
        <div role="alertdialog" aria-label={t(confirming === 'resubmit' ? 'cn.resubmit' : 'cn.cancelRefund')}>
          <p>{t(confirming === 'resubmit' ? 'cn.resubmitConfirm' : 'cn.cancelRefundConfirm')}</p>
          <p className="inline-form">
            <button
              type="button"
              className={confirming === 'resubmit' ? 'primary' : 'danger'}
              disabled={pending}
              onClick={() => void act(confirming)}
            >
              {t('cn.confirmAction')}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(null)}>
              {t('cn.keepAction')}
            </button>
          </p>
        </div>
      ) : null}
      <FormError message={formError} />
    </div>
  );
}

export const opsCustomsPage: PageModule<{ items: Rejection[]; rates: Rate[] }> = {
  access: 'operator',
  load: async ({ api }) => {
    const [queue, rates] = await Promise.all([
      api.get<{ items: Rejection[] }>('/operator/customs/rejections'),
      api.get<Rate[]>('/operator/fx-rates'),
    ]);
    return { items: queue.items, rates };
  },
  head: (_d, { t }) => ({ title: t('cn.rejections'), noindex: true }),
  Page({ data }) {
    const { t, api, locale, reload } = useApp();
    const { formError, run } = useSubmit();
    const [notes, setNotes] = useState<Record<string, string>>({});
    return (
      <>
        <PageTitle>{t('cn.rejections')}</PageTitle>
        <p className="sandbox-badge">{t('cn.customsSandbox')}</p>
        {!data.items.length ? <Empty>{t('cn.noRejections')}</Empty> : null}
        <ul className="cards">
          {data.items.map((r) => (
            <li key={r.id} className="card">
              <h2>
                {r.orderNo} · {r.shopName}
              </h2>
              <p>
                {t('cn.receipt', { code: r.receiptCode })} · {formatDate(r.createdAt, locale)}
              </p>
              <ul>
                {r.reasons.map((reason, i) => (
                  <li key={i} data-reason={reason.code ?? undefined}>
                    {reason.text}
                  </li>
                ))}
              </ul>
              <RejectionActions id={r.id} />
              <form
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (
                    await run(() =>
                      api.send('POST', `/operator/customs/rejections/${r.id}/resolve`, {
                        resolution: notes[r.id] ?? '',
                      }),
                    )
                  )
                    await reload();
                }}
              >
                <TextField
                  label={t('cn.resolution')}
                  value={notes[r.id] ?? ''}
                  onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })}
                />
                <button type="submit">{t('cn.resolve')}</button>
              </form>
            </li>
          ))}
        </ul>
        <FormError message={formError} />
        <FxRateForm rates={data.rates} />
      </>
    );
  },
};
