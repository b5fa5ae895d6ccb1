// The business buyer's pages: the company account (registered, then verified by an operator), its
// requests and orders; a new request; the quotes compared side by side with the sample and bulk
// order buttons; a thread with one shop; an order with its milestones, papers and claims.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatMoney, formatNumber, pick } from '../app/i18n.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import {
  COUNTRIES,
  formatDay,
  INCOTERMS,
  MARKS,
  type Message,
  MODES,
  milestoneLabel,
  OrderFacts,
  OrderStatus,
  Papers,
  type Quote,
  QuoteFacts,
  type Rfq,
  RfqFacts,
  type TradeOrder,
  Thread,
  UNITS,
  useUnit,
} from './shared.tsx';
import { BuyerClaim } from './claims.tsx';

interface Buyer {
  id: string;
  companyName: string;
  country: string;
  registrationNumber: string;
  verified: boolean;
  language: 'th' | 'zh' | 'en';
}
interface HomeData {
  buyer: Buyer | null;
  rfqs: Rfq[];
  orders: TradeOrder[];
}

const orNull = <T,>(p: Promise<T>): Promise<T | null> =>
  p.catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  });

function BuyerNav({ current }: { current: string }) {
  const { t, href } = useApp();
  const link = (to: string, label: string) => (
    <a href={href(to)} aria-current={current === to ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <nav className="console-nav" aria-label={t('trade.nav')}>
      {link('/trade', t('trade.title'))}
      {link('/trade/rfqs/new', t('trade.newRequest'))}
      {link('/trade/partners', t('trade.directory'))}
    </nav>
  );
}

function RegisterForm() {
  const { t, api, locale, reload } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = formValues(e.currentTarget);
    const done = await run(() =>
      api.send('POST', '/trade/buyers', {
        companyName: f.companyName ?? '',
        country: f.country ?? '',
        registrationNumber: f.registrationNumber ?? '',
        language: f.language ?? locale,
      }),
    );
    if (done) await reload();
  };
  return (
    <form onSubmit={submit} noValidate className="trade-form">
      <h2>{t('trade.register')}</h2>
      <TextField
        label={t('trade.companyName')}
        name="companyName"
        autoComplete="organization"
        error={errors.companyName}
      />
      <SelectField
        label={t('trade.country')}
        name="country"
        defaultValue={locale === 'zh' ? 'CN' : 'TH'}
        options={COUNTRIES.map((c) => ({ value: c, label: t(`trade.country.${c}`) }))}
        error={errors.country}
      />
      <TextField
        label={t('trade.registration')}
        name="registrationNumber"
        hint={t('trade.registrationHint')}
        autoComplete="off"
        error={errors.registrationNumber}
      />
      <SelectField
        label={t('trade.language')}
        name="language"
        defaultValue={locale}
        options={(['th', 'zh', 'en'] as const).map((l) => ({ value: l, label: t(`trade.lang.${l}`) }))}
        error={errors.language}
      />
      <FormError message={formError} />
      <button type="submit" className="primary" disabled={pending}>
        {t('trade.registerSubmit')}
      </button>
    </form>
  );
}

export const tradeHomePage: PageModule<HomeData> = {
  access: 'user',
  async load({ api }) {
    const buyer = await orNull(api.get<Buyer>('/trade/buyers/me'));
    if (!buyer) return { buyer, rfqs: [], orders: [] };
    const [rfqs, orders] = await Promise.all([
      api.get<{ items: Rfq[] }>('/trade/rfqs'),
      api.get<{ items: TradeOrder[] }>('/trade/orders'),
    ]);
    return { buyer, rfqs: rfqs.items, orders: orders.items };
  },
  head: (_d, { t }) => ({ title: t('trade.title'), noindex: true }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    const unit = useUnit();
    const { buyer } = data;
    return (
      <>
        <BuyerNav current="/trade" />
        <PageTitle>{t('trade.title')}</PageTitle>
        <p>{t('trade.intro')}</p>
        {!buyer ? (
          <RegisterForm />
        ) : (
          <>
            <section className="trade-card">
              <h2>{buyer.companyName}</h2>
              <p className="muted">
                {t(`trade.country.${buyer.country}`).startsWith('trade.')
                  ? buyer.country
                  : t(`trade.country.${buyer.country}`)}{' '}
                · <span className="mono">{buyer.registrationNumber}</span>
              </p>
              {buyer.verified ? (
                <p>
                  <span className="status status-paid">{t('trade.verified')}</span>
                </p>
              ) : (
                <p className="notice">{t('trade.unverified')}</p>
              )}
            </section>
            <h2>{t('trade.myRequests')}</h2>
            {buyer.verified ? (
              <p>
                <a className="button" href={href('/trade/rfqs/new')}>
                  {t('trade.newRequest')}
                </a>
              </p>
            ) : null}
            {data.rfqs.length ? (
              <ul className="plain trade-list">
                {data.rfqs.map((r) => (
                  <li key={r.id}>
                    <a href={href(`/trade/rfqs/${r.id}`)}>
                      <strong lang={r.language}>{r.product}</strong>
                    </a>{' '}
                    — {formatNumber(r.quantity, locale)} {unit(r.unit)} · {r.incoterm} {r.place}
                    <br />
                    <span className="muted">
                      {t(`trade.rfqStatus.${r.status}`)} · {t('trade.quotesCount', { n: r.quoteCount })} ·{' '}
                      {t('trade.deadlineOn', { date: formatDay(r.deadline, locale) })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('trade.noRequests')}</Empty>
            )}
            <h2>{t('trade.myOrders')}</h2>
            {data.orders.length ? (
              <ul className="plain trade-list">
                {data.orders.map((o) => (
                  <li key={o.id}>
                    <a href={href(`/trade/orders/${o.id}`)}>{t('trade.order', { number: o.number })}</a> ·{' '}
                    {t(`trade.kind.${o.kind}`)} · {formatMoney(o.totalSatang, locale)} <OrderStatus status={o.status} />
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('trade.noOrders')}</Empty>
            )}
          </>
        )}
      </>
    );
  },
};

interface CategoryNode {
  id: string;
  name: string;
  children?: CategoryNode[];
}
const flatten = (nodes: CategoryNode[], depth = 0): { id: string; name: string; depth: number }[] =>
  nodes.flatMap((n) => [{ id: n.id, name: n.name, depth }, ...flatten(n.children ?? [], depth + 1)]);

const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const newRfqPage: PageModule<{ categories: { id: string; name: string; depth: number }[] }> = {
  access: 'user',
  load: async ({ api }) => ({ categories: flatten(await api.get<CategoryNode[]>('/categories')) }),
  head: (_d, { t }) => ({ title: t('trade.newRequest'), noindex: true }),
  Page({ data }) {
    const { t, api, locale, navigate, href } = useApp();
    const unit = useUnit();
    const { errors, formError, pending, run } = useSubmit();
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const f = formValues(form);
      const target = f.targetPrice ? Math.round(Number(f.targetPrice.replace(/,/g, '')) * 100) : null;
      const certifications = MARKS.filter((m) => (form.elements.namedItem(`mark-${m}`) as HTMLInputElement)?.checked);
      const sampleWanted = (form.elements.namedItem('sampleWanted') as HTMLInputElement).checked;
      const deadline = f.deadline ? new Date(`${f.deadline}T23:59:00+07:00`).toISOString() : '';
      const rfq = await run(() =>
        api.send<Rfq>('POST', '/trade/rfqs', {
          product: f.product ?? '',
          language: locale,
          categoryId: f.categoryId ?? '',
          quantity: Number(f.quantity ?? 0),
          unit: f.unit ?? 'tonne',
          targetPriceMinor: target !== null && Number.isFinite(target) ? target : null,
          currency: f.currency ?? 'CNY',
          incoterm: f.incoterm ?? 'FOB',
          transportMode: f.transportMode ?? 'sea',
          place: f.place ?? '',
          deliveryFrom: f.deliveryFrom ?? '',
          deliveryTo: f.deliveryTo ?? '',
          certifications,
          sampleWanted,
          deadline,
        }),
      );
      if (rfq) await navigate(href(`/trade/rfqs/${rfq.id}`));
    };
    return (
      <>
        <BuyerNav current="/trade/rfqs/new" />
        <PageTitle>{t('trade.newRequest')}</PageTitle>
        <form onSubmit={submit} noValidate className="trade-form">
          <TextField label={t('trade.product')} name="product" error={errors.product} />
          <SelectField
            label={t('trade.category')}
            name="categoryId"
            placeholder="—"
            options={data.categories.map((c) => ({ value: c.id, label: '\u00a0\u00a0'.repeat(c.depth) + c.name }))}
            error={errors.categoryId}
          />
          <div className="trade-row">
            <TextField label={t('trade.quantity')} name="quantity" inputMode="numeric" error={errors.quantity} />
            <SelectField
              label={t('trade.unit')}
              name="unit"
              options={UNITS.map((u) => ({ value: u, label: unit(u) }))}
              error={errors.unit}
            />
          </div>
          <div className="trade-row">
            <TextField
              label={t('trade.targetPrice')}
              name="targetPrice"
              inputMode="decimal"
              error={errors.targetPriceMinor}
            />
            <SelectField
              label={t('trade.currency')}
              name="currency"
              defaultValue={locale === 'zh' ? 'CNY' : 'THB'}
              options={['CNY', 'THB', 'USD'].map((c) => ({ value: c, label: c }))}
              error={errors.currency}
            />
          </div>
          <SelectField
            label={t('trade.incoterm')}
            name="incoterm"
            defaultValue="FOB"
            hint={t('trade.incotermHint')}
            options={INCOTERMS.map((r) => ({ value: r, label: r }))}
            error={errors.incoterm}
          />
          <SelectField
            label={t('trade.mode')}
            name="transportMode"
            options={MODES.map((m) => ({ value: m, label: t(`trade.mode.${m}`) }))}
            error={errors.transportMode}
          />
          <TextField label={t('trade.place')} name="place" error={errors.place} />
          <div className="trade-row">
            <TextField
              label={t('trade.deliveryFrom')}
              name="deliveryFrom"
              type="date"
              defaultValue={dayAfter(45)}
              error={errors.deliveryFrom}
            />
            <TextField
              label={t('trade.deliveryTo')}
              name="deliveryTo"
              type="date"
              defaultValue={dayAfter(75)}
              error={errors.deliveryTo}
            />
          </div>
          <fieldset>
            <legend>{t('trade.certifications')}</legend>
            {MARKS.map((m) => (
              <label key={m} className="trade-check">
                <input type="checkbox" name={`mark-${m}`} /> {t(`standards.kind.${m}`)}
              </label>
            ))}
          </fieldset>
          <label className="trade-check">
            <input type="checkbox" name="sampleWanted" defaultChecked /> {t('trade.sampleWanted')}
          </label>
          <TextField
            label={t('trade.deadline')}
            name="deadline"
            type="date"
            defaultValue={dayAfter(14)}
            error={errors.deadline}
          />
          <FormError message={formError} />
          <button type="submit" className="primary" disabled={pending}>
            {t('trade.post')}
          </button>
        </form>
      </>
    );
  },
};

interface CompareData {
  rfq: Rfq;
  language: string;
  quotes: (Quote & {
    shop: { name: { th: string; zh: string | null; en: string | null }; slug: string };
    totalSatang: number;
  })[];
  orders: TradeOrder[];
}

export const rfqPage: PageModule<CompareData> = {
  access: 'user',
  async load({ api, params }) {
    const [c, orders] = await Promise.all([
      api.get<Omit<CompareData, 'orders'>>(`/trade/rfqs/${params.id}/quotes`),
      api.get<{ items: TradeOrder[] }>('/trade/orders'),
    ]);
    return { ...c, orders: orders.items.filter((o) => o.rfqId === params.id) };
  },
  head: (d, { t }) => ({ title: `${t('trade.compare')} — ${d.rfq.product}`, noindex: true }),
  Page({ data }) {
    const { t, api, locale, href, navigate } = useApp();
    const unit = useUnit();
    const { errors, formError, pending, run } = useSubmit();
    const [keys] = useState(() => new Map<string, string>());
    const order = async (quoteId: string, kind: 'sample' | 'bulk', quantity?: number) => {
      const k = `${quoteId}:${kind}`;
      if (!keys.has(k)) keys.set(k, newIdempotencyKey());
      const o = await run(() =>
        api.send<TradeOrder>(
          'POST',
          `/trade/quotes/${quoteId}/orders`,
          { kind, ...(quantity ? { quantity } : {}) },
          {
            'idempotency-key': keys.get(k)!,
          },
        ),
      );
      if (o) await navigate(href(`/trade/orders/${o.id}`));
    };
    const { rfq } = data;
    return (
      <>
        <BuyerNav current="" />
        <PageTitle>
          <span lang={rfq.language}>{rfq.product}</span>
        </PageTitle>
        <RfqFacts rfq={rfq} />
        {data.orders.length ? (
          <ul className="plain trade-list">
            {data.orders.map((o) => (
              <li key={o.id}>
                <a href={href(`/trade/orders/${o.id}`)}>{t('trade.order', { number: o.number })}</a> ·{' '}
                {t(`trade.kind.${o.kind}`)} <OrderStatus status={o.status} />
              </li>
            ))}
          </ul>
        ) : null}
        <h2>{t('trade.compare')}</h2>
        <p className="muted">{t('trade.compareIntro')}</p>
        <FormError message={formError} />
        {data.quotes.length ? (
          <ul className="plain trade-compare">
            {data.quotes.map((q) => {
              const name = pick(q.shop.name, locale);
              return (
                <li key={q.id} className="trade-card" aria-label={name}>
                  <h3>
                    {name} {q.edits ? <span className="muted">({t('trade.edited')})</span> : null}
                  </h3>
                  <QuoteFacts q={q} unit={rfq.unit} />
                  <p>
                    {t('trade.totalFor', {
                      n: formatNumber(Math.max(rfq.quantity, q.moq), locale),
                      unit: unit(rfq.unit),
                    })}
                    : <strong>{formatMoney(q.totalSatang, locale)}</strong>
                  </p>
                  <div className="trade-actions">
                    {q.samplePriceSatang !== null ? (
                      <button
                        type="button"
                        className="primary"
                        disabled={pending}
                        onClick={() => void order(q.id, 'sample')}
                      >
                        {t('trade.orderSample')}
                      </button>
                    ) : null}
                    <form
                      className="trade-inline"
                      noValidate
                      onSubmit={(e) => {
                        e.preventDefault();
                        const f = formValues(e.currentTarget);
                        void order(q.id, 'bulk', Number(f.quantity ?? rfq.quantity));
                      }}
                    >
                      <TextField
                        label={t('trade.bulkQuantity')}
                        name="quantity"
                        inputMode="numeric"
                        defaultValue={String(Math.max(rfq.quantity, q.moq))}
                        error={errors.quantity}
                      />
                      <button type="submit" disabled={pending}>
                        {t('trade.orderBulk')}
                      </button>
                    </form>
                    <a href={href(`/trade/rfqs/${rfq.id}/shops/${q.sellerId}`)}>{t('trade.messagesWith', { name })}</a>
                  </div>
                </li>
              );
            })}
          </ul>
        ) : (
          <Empty>{t('trade.noQuotes')}</Empty>
        )}
      </>
    );
  },
};

export const buyerThreadPage: PageModule<{ items: Message[]; name: string; rfq: Rfq }> = {
  access: 'user',
  async load({ api, params, locale }) {
    const [thread, c] = await Promise.all([
      api.get<{ items: Message[] }>(`/trade/rfqs/${params.id}/sellers/${params.sellerId}/messages`),
      api.get<Omit<CompareData, 'orders'>>(`/trade/rfqs/${params.id}/quotes`),
    ]);
    const q = c.quotes.find((x) => x.sellerId === params.sellerId);
    return { items: thread.items, rfq: c.rfq, name: q ? pick(q.shop.name, locale) : '' };
  },
  head: (d, { t }) => ({ title: t('trade.messagesWith', { name: d.name }), noindex: true }),
  Page({ data, params }) {
    const { t, href } = useApp();
    return (
      <>
        <BuyerNav current="" />
        <p className="muted">
          <a href={href(`/trade/rfqs/${params.id}`)} lang={data.rfq.language}>
            {data.rfq.product}
          </a>
        </p>
        <PageTitle>{t('trade.messagesWith', { name: data.name })}</PageTitle>
        <Thread items={data.items} me="buyer" path={`/trade/rfqs/${params.id}/sellers/${params.sellerId}/messages`} />
      </>
    );
  },
};

export const buyerOrderPage: PageModule<{ order: TradeOrder }> = {
  access: 'user',
  load: async ({ api, params }) => ({ order: await api.get<TradeOrder>(`/trade/orders/${params.id}`) }),
  head: (d, { t }) => ({ title: t('trade.order', { number: d.order.number }), noindex: true }),
  Page({ data }) {
    const { t, api, locale, href, reload } = useApp();
    const { errors, formError, pending, run } = useSubmit();
    const o = data.order;
    const declare = async (e: FormEvent<HTMLFormElement>, milestoneId: string) => {
      e.preventDefault();
      const f = formValues(e.currentTarget);
      if (
        await run(() =>
          api.send('POST', `/trade/orders/${o.id}/milestones/${milestoneId}/bank-transfer`, {
            reference: f.reference ?? '',
          }),
        )
      )
        await reload();
    };
    const received = async () => {
      if (await run(() => api.send('POST', `/trade/orders/${o.id}/received`))) await reload();
    };
    const later = o.plan.find((p) => p.kind === 'balance' && !o.milestones.some((m) => m.kind === 'balance'));
    return (
      <>
        <BuyerNav current="" />
        <p className="muted">
          <a href={href(`/trade/rfqs/${o.rfqId}`)}>{o.product}</a>
        </p>
        <PageTitle>{t('trade.order', { number: o.number })}</PageTitle>
        <p>
          {t(`trade.kind.${o.kind}`)} <OrderStatus status={o.status} />
        </p>
        <OrderFacts o={o} />
        <section className="trade-card">
          <h2>{t('trade.milestones')}</h2>
          <ul className="plain trade-list">
            {o.milestones.map((m) => (
              <li key={m.id} data-testid={`milestone-${m.kind}`}>
                <strong>{milestoneLabel(t, m)}</strong> · {formatMoney(m.amountSatang, locale)} ·{' '}
                <span
                  className={`status status-${m.status === 'paid' ? 'paid' : m.status === 'cancelled' ? 'cancelled' : 'pending_payment'}`}
                >
                  {t(`trade.milestoneStatus.${m.status}`)}
                </span>
                {m.bankReference ? <span className="mono"> {m.bankReference}</span> : null}
                {m.status === 'due' ? (
                  <div className="trade-actions">
                    <a className="button primary" href={href(`/pay/${m.groupId}`)}>
                      {t('trade.pay')}
                    </a>
                    <details>
                      <summary>{t('trade.bankTransfer')}</summary>
                      <form onSubmit={(e) => void declare(e, m.id)} noValidate className="trade-form">
                        <TextField
                          label={t('trade.bankReference')}
                          name="reference"
                          autoComplete="off"
                          error={errors.reference}
                        />
                        <button type="submit" disabled={pending}>
                          {t('trade.declare')}
                        </button>
                      </form>
                    </details>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          {later ? (
            <p className="muted">{t('trade.balanceLater', { amount: formatMoney(later.amountSatang, locale) })}</p>
          ) : null}
          <FormError message={formError} />
        </section>
        {o.status === 'shipped' ? (
          <p>
            <button type="button" className="primary" disabled={pending} onClick={() => void received()}>
              {t('trade.received')}
            </button>
          </p>
        ) : null}
        <Papers o={o} base={`/trade/orders/${o.id}`} />
        <BuyerClaim orderId={o.id} received={o.status === 'received'} />
      </>
    );
  },
};
