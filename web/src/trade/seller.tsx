// The shop's B2B pages in the seller centre: the requests it matches (its trade categories and the
// verified marks of its products), its quotes and trade orders; one request with the quote form
// (price, MOQ and tiers, lead time, validity, sample, deposit, terms, an attachment; edited once)
// and the thread with the buyer.
import { type FormEvent, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney, formatNumber } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, TextArea, TextField } from '../components/ui.tsx';
import { bahtToSatang, satangToBaht, ShopNav } from '../seller/shared.tsx';
import {
  formatDay,
  type Message,
  OrderStatus,
  type Quote,
  QuoteFacts,
  type Rfq,
  RfqFacts,
  Thread,
  type TradeOrder,
  useUnit,
} from './shared.tsx';

interface HomeData {
  rfqs: Rfq[];
  quotes: Quote[];
  orders: TradeOrder[];
}

/** `/seller/<shop>/trade`: matching requests, the shop's quotes and its trade orders. */
export const sellerTradePage: PageModule<HomeData> = {
  access: 'user',
  async load({ api, params }) {
    const base = `/sellers/${params.sellerId}/trade`;
    const [rfqs, quotes, orders] = await Promise.all([
      api.get<{ items: Rfq[] }>(`${base}/rfqs`),
      api.get<{ items: Quote[] }>(`${base}/quotes`),
      api.get<{ items: TradeOrder[] }>(`${base}/orders`),
    ]);
    return { rfqs: rfqs.items, quotes: quotes.items, orders: orders.items };
  },
  head: (_d, { t }) => ({ title: t('seller.trade'), noindex: true }),
  Page({ data, params }) {
    const { t, href, locale } = useApp();
    const unit = useUnit();
    const base = `/seller/${params.sellerId}/trade`;
    const quoted = new Set(data.quotes.map((q) => q.rfqId));
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="trade" />
        <PageTitle>{t('seller.trade')}</PageTitle>
        <section className="trade-card" aria-labelledby="matching">
          <h2 id="matching">{t('trade.seller.matching')}</h2>
          <p className="muted">{t('trade.seller.profileHint')}</p>
          {data.rfqs.length ? (
            <ul className="plain trade-list">
              {data.rfqs.map((r) => (
                <li key={r.id}>
                  <a href={href(`${base}/rfqs/${r.id}`)}>
                    <strong lang={r.language === 'zh' ? 'zh-Hans' : r.language}>{r.product}</strong>
                  </a>{' '}
                  — {formatNumber(r.quantity, locale)} {unit(r.unit)} · {r.incoterm} {r.place}
                  <br />
                  <span className="muted">
                    {t('trade.quotesCount', { n: r.quoteCount })} ·{' '}
                    {t('trade.deadlineOn', { date: formatDay(r.deadline, locale) })}
                    {quoted.has(r.id) ? ` · ${t('trade.seller.quoteStatus.submitted')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>
              {t('trade.seller.noMatching')}. {t('trade.seller.noRequestsHint')}
            </Empty>
          )}
        </section>
        <section className="trade-card" aria-labelledby="quotes">
          <h2 id="quotes">{t('trade.seller.myQuotes')}</h2>
          {data.quotes.length ? (
            <ul className="plain trade-list">
              {data.quotes.map((q) => (
                <li key={q.id}>
                  <a href={href(`${base}/rfqs/${q.rfqId}`)}>{formatMoney(q.unitPriceSatang, locale)}</a> ·{' '}
                  {t('trade.moq')} {formatNumber(q.moq, locale)} · {t('trade.validUntil')}{' '}
                  {formatDay(q.validUntil, locale)} ·{' '}
                  {t(`trade.seller.quoteStatus.${q.status === 'accepted' ? 'accepted' : 'submitted'}`)}
                  {q.edits ? ` (${t('trade.edited')})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('trade.noQuotes')}</Empty>
          )}
        </section>
        <section className="trade-card" aria-labelledby="orders">
          <h2 id="orders">{t('trade.seller.orders')}</h2>
          {data.orders.length ? (
            <ul className="plain trade-list">
              {data.orders.map((o) => (
                <li key={o.id}>
                  <a href={href(`${base}/orders/${o.id}`)}>{t('trade.order', { number: o.number })}</a> ·{' '}
                  {t(`trade.kind.${o.kind}`)} · {o.product} · {formatMoney(o.totalSatang, locale)}{' '}
                  <OrderStatus status={o.status} />
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('trade.noOrders')}</Empty>
          )}
        </section>
      </>
    );
  },
};

interface RfqData {
  rfq: Rfq;
  buyer: { companyName: string; country: string; language: string };
  quote: Quote | null;
  messages: Message[];
}

const TIERS = [1, 2, 3] as const;

/** The quote form: a new quote, or the one edit a quote allows. Amounts typed in baht. */
function QuoteForm({
  sellerId,
  rfq,
  quote,
  onSaved,
}: {
  sellerId: string;
  rfq: Rfq;
  quote: Quote | null;
  onSaved: (q: Quote) => void;
}) {
  const { t, api, locale } = useApp();
  const { errors, formError, pending, run, setErrors } = useSubmit();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = formValues(e.currentTarget);
    const price = (field: string, value: string | undefined) => {
      const s = value === undefined ? null : bahtToSatang(value);
      if (value !== undefined && s === null) throw field;
      return s;
    };
    let body: object;
    try {
      const tiers = TIERS.flatMap((n) => {
        const qty = f[`tier${n}Qty`];
        const p = price('tiers', f[`tier${n}Price`]);
        return qty && p !== null ? [{ minQuantity: Number(qty), unitPriceSatang: p }] : [];
      });
      body = {
        unitPriceSatang: price('unitPriceSatang', f.unitPrice ?? '') ?? 0,
        moq: Number(f.moq ?? 0),
        tiers,
        leadTimeDays: Number(f.leadTimeDays ?? 0),
        validUntil: f.validUntil ?? '',
        terms: f.terms ?? '',
        language: locale,
        attachments: f.attachUrl ? [{ name: f.attachName ?? f.attachUrl, url: f.attachUrl }] : [],
        samplePriceSatang: price('samplePriceSatang', f.samplePrice),
        depositPercent: f.depositPercent ? Number(f.depositPercent) : undefined,
      };
    } catch (field) {
      setErrors({ [String(field)]: t('payouts.badAmount') });
      return;
    }
    const saved = await run(() =>
      quote
        ? api.send<Quote>('PUT', `/sellers/${sellerId}/trade/quotes/${quote.id}`, body)
        : api.send<Quote>('POST', `/sellers/${sellerId}/trade/rfqs/${rfq.id}/quotes`, body),
    );
    if (saved) onSaved(saved);
  };
  const v = (s: number | null | undefined) => (s === null || s === undefined ? undefined : satangToBaht(s));
  return (
    <form onSubmit={submit} noValidate className="trade-form" aria-labelledby="quote-form">
      <h2 id="quote-form">{quote ? t('trade.seller.editQuote') : t('trade.seller.quote')}</h2>
      <div className="trade-row">
        <TextField
          label={t('trade.seller.unitPrice')}
          name="unitPrice"
          inputMode="decimal"
          defaultValue={v(quote?.unitPriceSatang)}
          error={errors.unitPriceSatang}
        />
        <TextField
          label={t('trade.moq')}
          name="moq"
          inputMode="numeric"
          defaultValue={quote ? String(quote.moq) : undefined}
          error={errors.moq}
        />
      </div>
      <fieldset>
        <legend>{t('trade.tiers')}</legend>
        {TIERS.map((n) => (
          <div className="trade-row" key={n}>
            <TextField
              label={t('trade.seller.tierQty', { n })}
              name={`tier${n}Qty`}
              inputMode="numeric"
              defaultValue={quote?.tiers[n - 1] ? String(quote.tiers[n - 1].minQuantity) : undefined}
            />
            <TextField
              label={t('trade.seller.tierPrice', { n })}
              name={`tier${n}Price`}
              inputMode="decimal"
              defaultValue={v(quote?.tiers[n - 1]?.unitPriceSatang)}
            />
          </div>
        ))}
        {errors.tiers ? <p className="field-error">{errors.tiers}</p> : null}
      </fieldset>
      <div className="trade-row">
        <TextField
          label={t('trade.seller.leadTime')}
          name="leadTimeDays"
          inputMode="numeric"
          defaultValue={quote ? String(quote.leadTimeDays) : undefined}
          error={errors.leadTimeDays}
        />
        <TextField
          label={t('trade.validUntil')}
          name="validUntil"
          type="date"
          defaultValue={quote?.validUntil ?? rfq.deadline.slice(0, 10)}
          error={errors.validUntil}
        />
      </div>
      <div className="trade-row">
        <TextField
          label={t('trade.seller.samplePrice')}
          name="samplePrice"
          inputMode="decimal"
          defaultValue={v(quote?.samplePriceSatang)}
          error={errors.samplePriceSatang}
        />
        <TextField
          label={t('trade.seller.depositPercent')}
          name="depositPercent"
          inputMode="numeric"
          defaultValue={String(quote?.depositPercent ?? 30)}
          error={errors.depositPercent}
        />
      </div>
      <TextArea
        label={t('trade.seller.terms')}
        name="terms"
        rows={3}
        defaultValue={quote?.terms}
        error={errors.terms}
      />
      <div className="trade-row">
        <TextField
          label={t('trade.seller.attachName')}
          name="attachName"
          maxLength={200}
          defaultValue={quote?.attachments[0]?.name}
        />
        <TextField
          label={t('trade.seller.attachUrl')}
          name="attachUrl"
          type="url"
          maxLength={1000}
          defaultValue={quote?.attachments[0]?.url}
          error={errors['attachments.0.url']}
        />
      </div>
      <FormError message={formError} />
      <button type="submit" className="primary" disabled={pending}>
        {quote ? t('trade.seller.editQuote') : t('trade.seller.send')}
      </button>
    </form>
  );
}

/** `/seller/<shop>/trade/rfqs/<id>`: the request, the shop's quote or the form, and the thread. */
export const sellerRfqPage: PageModule<RfqData> = {
  access: 'user',
  async load({ api, params }) {
    const base = `/sellers/${params.sellerId}/trade/rfqs/${params.rfqId}`;
    const [one, thread] = await Promise.all([
      api.get<Omit<RfqData, 'messages'>>(base),
      api.get<{ items: Message[] }>(`${base}/messages`),
    ]);
    return { ...one, messages: thread.items };
  },
  head: (d, { t }) => ({ title: `${t('trade.seller.quote')} — ${d.rfq.product}`, noindex: true }),
  Page({ data, params }) {
    const { t, href } = useApp();
    const [quote, setQuote] = useState(data.quote);
    const [editing, setEditing] = useState(false);
    const { rfq, buyer } = data;
    const country = t(`trade.country.${buyer.country}`);
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="trade" />
        <p className="muted">
          <a href={href(`/seller/${params.sellerId}/trade`)}>{t('seller.trade')}</a>
        </p>
        <PageTitle>
          <span lang={rfq.language === 'zh' ? 'zh-Hans' : rfq.language}>{rfq.product}</span>
        </PageTitle>
        <p>
          {t('trade.seller.from', {
            company: buyer.companyName,
            country: country.startsWith('trade.') ? buyer.country : country,
          })}
        </p>
        <RfqFacts rfq={rfq} />
        {quote && !editing ? (
          <section className="trade-card" aria-labelledby="your-quote">
            <h2 id="your-quote">
              {t('trade.seller.yourQuote')} {quote.edits ? <span className="muted">({t('trade.edited')})</span> : null}
            </h2>
            <QuoteFacts q={quote} unit={rfq.unit} />
            {quote.edits === 0 && rfq.status === 'open' ? (
              <button type="button" onClick={() => setEditing(true)}>
                {t('trade.seller.editQuote')}
              </button>
            ) : (
              <p className="muted">{t('trade.seller.noEdits')}</p>
            )}
          </section>
        ) : rfq.status === 'open' || editing ? (
          <section className="trade-card">
            {quote ? <p className="muted">{t('trade.seller.editsLeft')}</p> : null}
            <QuoteForm
              sellerId={params.sellerId}
              rfq={rfq}
              quote={quote}
              onSaved={(q) => {
                setQuote(q);
                setEditing(false);
              }}
            />
          </section>
        ) : (
          <p className="notice">{t('trade.rfqStatus.closed')}</p>
        )}
        {quote ? (
          <Thread
            items={data.messages}
            me="seller"
            path={`/sellers/${params.sellerId}/trade/rfqs/${rfq.id}/messages`}
          />
        ) : null}
      </>
    );
  },
};
