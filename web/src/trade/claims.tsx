// Trade protection on the buyer's order page: the claim with its status, the shop's answer and the
// decision, or the claim form once the goods are received; escalation from day 4.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import type { PageModule } from '../app/router.ts';
import { Empty, FormError, PageTitle, SelectField, TextArea, TextField } from '../components/ui.tsx';
import type { Locale } from '../ssr-contract.ts';
import { formatDay, OrderFacts, OrderStatus, type TradeOrder } from './shared.tsx';

export interface Claim {
  id: string;
  reason: 'late_shipment' | 'not_as_agreed';
  description: string;
  language: Locale;
  evidence: { name: string; url: string }[];
  requestedSatang: number;
  status: 'open' | 'answered' | 'escalated' | 'refunded' | 'rejected';
  sellerAnswer: string | null;
  answerDueAt: string;
  buyerMayEscalateAt: string;
  escalatedBy: 'buyer' | 'platform' | null;
  refundSatang: number | null;
  decisionNote: string | null;
}

const reasonKey = (r: Claim['reason']) => `trade.claimReason.${r === 'late_shipment' ? 'late_shipment' : 'quality'}`;

export function BuyerClaim({ orderId, received }: { orderId: string; received: boolean }) {
  const { t, api, locale } = useApp();
  const [claim, setClaim] = useState<Claim | null | undefined>(undefined);
  const { errors, formError, pending, run } = useSubmit();
  useEffect(() => {
    api
      .get<Claim>(`/trade/orders/${orderId}/claim`)
      .then(setClaim)
      .catch((e: unknown) => setClaim(e instanceof ApiError && e.status === 404 ? null : undefined));
  }, [api, orderId]);
  if (claim === undefined || (!claim && !received)) return null;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = formValues(e.currentTarget);
    const done = await run(() =>
      api.send<Claim>('POST', `/trade/orders/${orderId}/claim`, {
        reason: f.reason ?? 'not_as_agreed',
        description: f.description ?? '',
        language: locale,
        evidence: f.evidenceUrl ? [{ name: f.evidenceName ?? f.evidenceUrl, url: f.evidenceUrl }] : [],
        requestedSatang: Math.round(Number(f.amount ?? 0) * 100),
      }),
    );
    if (done) setClaim(done);
  };
  const escalate = async () => {
    const done = await run(() => api.send<Claim>('POST', `/trade/orders/${orderId}/claim/escalation`));
    if (done) setClaim(done);
  };
  return (
    <section className="trade-card" aria-labelledby="claim-title">
      <h2 id="claim-title">{t('trade.claims')}</h2>
      <FormError message={formError} />
      {claim ? (
        <>
          <p>
            <strong>{t(reasonKey(claim.reason))}</strong> · {formatMoney(claim.requestedSatang, locale)} ·{' '}
            {t(
              `trade.claimStatus.${claim.status === 'refunded' || claim.status === 'rejected' ? 'decided' : claim.status}`,
            )}
            {claim.escalatedBy ? ` (${t(`trade.escalatedBy.${claim.escalatedBy}`)})` : null}
          </p>
          <p lang={claim.language === 'zh' ? 'zh-Hans' : claim.language}>{claim.description}</p>
          {claim.evidence.length ? (
            <p>
              {t('trade.evidence')}:{' '}
              {claim.evidence.map((ev) => (
                <a key={ev.url} href={ev.url} rel="noopener noreferrer">
                  {ev.name}
                </a>
              ))}
            </p>
          ) : null}
          {claim.status === 'open' ? (
            <p className="muted">{t('trade.answerDue', { date: formatDay(claim.answerDueAt.slice(0, 10), locale) })}</p>
          ) : null}
          {claim.sellerAnswer ? (
            <p>
              {t('trade.shopAnswer')}: {claim.sellerAnswer}
            </p>
          ) : null}
          {claim.status === 'refunded' || claim.status === 'rejected' ? (
            <p>
              {t('trade.decision')}:{' '}
              {claim.status === 'refunded'
                ? t('trade.decision.refund', { amount: formatMoney(claim.refundSatang ?? 0, locale) })
                : t('trade.decision.release')}
              {claim.decisionNote ? ` — ${claim.decisionNote}` : null}
            </p>
          ) : null}
          {(claim.status === 'open' || claim.status === 'answered') &&
          Date.now() >= new Date(claim.buyerMayEscalateAt).getTime() ? (
            <button type="button" disabled={pending} onClick={() => void escalate()}>
              {t('trade.escalate')}
            </button>
          ) : null}
        </>
      ) : (
        <form onSubmit={submit} noValidate className="trade-form">
          <p className="muted">{t('trade.claimIntro')}</p>
          <SelectField
            label={t('trade.claimReason')}
            name="reason"
            error={errors.reason}
            options={[
              { value: 'not_as_agreed', label: t('trade.claimReason.quality') },
              { value: 'late_shipment', label: t('trade.claimReason.late_shipment') },
            ]}
          />
          <TextArea label={t('trade.claimDescription')} name="description" required error={errors.description} />
          <TextField
            label={t('trade.claimAmount')}
            name="amount"
            inputMode="decimal"
            required
            error={errors.requestedSatang}
          />
          <TextField label={t('trade.evidenceName')} name="evidenceName" maxLength={200} />
          <TextField label={t('trade.evidenceUrl')} name="evidenceUrl" type="url" maxLength={1000} />
          <button type="submit" className="primary" disabled={pending}>
            {t('trade.fileClaim')}
          </button>
        </form>
      )}
    </section>
  );
}

function ClaimSummary({ claim }: { claim: Claim }) {
  const { t, locale } = useApp();
  return (
    <>
      <p>
        <strong>{t(reasonKey(claim.reason))}</strong> · {formatMoney(claim.requestedSatang, locale)}
        {claim.escalatedBy ? ` · ${t(`trade.escalatedBy.${claim.escalatedBy}`)}` : null}
      </p>
      <p lang={claim.language === 'zh' ? 'zh-Hans' : claim.language}>{claim.description}</p>
      {claim.evidence.map((ev) => (
        <p key={ev.url}>
          {t('trade.evidence')}:{' '}
          <a href={ev.url} rel="noopener noreferrer">
            {ev.name}
          </a>
        </p>
      ))}
      {claim.sellerAnswer ? (
        <p>
          {t('trade.shopAnswer')}: {claim.sellerAnswer}
        </p>
      ) : null}
    </>
  );
}

/** The shop's view of one trade order, with the buyer's claim and the answer form. */
export const sellerTradeOrderPage: PageModule<{ order: TradeOrder; claim: Claim | null }> = {
  access: 'user',
  async load({ api, params }) {
    const base = `/sellers/${params.sellerId}/trade/orders/${params.id}`;
    const [order, claim] = await Promise.all([
      api.get<TradeOrder>(base),
      api.get<Claim>(`${base}/claim`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    ]);
    return { order, claim };
  },
  head: (d, { t }) => ({ title: t('trade.order', { number: d.order.number }), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [claim, setClaim] = useState(data.claim);
    const { errors, formError, pending, run } = useSubmit();
    const o = data.order;
    const answer = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const f = formValues(e.currentTarget);
      const done = await run(() =>
        api.send<Claim>('POST', `/sellers/${params.sellerId}/trade/orders/${o.id}/claim/answer`, {
          answer: f.answer ?? '',
        }),
      );
      if (done) setClaim(done);
    };
    return (
      <>
        <PageTitle>{t('trade.order', { number: o.number })}</PageTitle>
        <p>
          {t(`trade.kind.${o.kind}`)} <OrderStatus status={o.status} />
        </p>
        <OrderFacts o={o} />
        <section className="trade-card" aria-labelledby="claim-title">
          <h2 id="claim-title">{t('trade.seller.claims')}</h2>
          {claim ? (
            <>
              <ClaimSummary claim={claim} />
              {claim.status === 'open' ? (
                <form onSubmit={answer} noValidate className="trade-form">
                  <p className="muted">
                    {t('trade.answerDue', { date: formatDay(claim.answerDueAt.slice(0, 10), locale) })}
                  </p>
                  <FormError message={formError} />
                  <TextArea label={t('trade.shopAnswer')} name="answer" required error={errors.answer} />
                  <button type="submit" className="primary" disabled={pending}>
                    {t('trade.answer')}
                  </button>
                </form>
              ) : null}
            </>
          ) : (
            <Empty>{t('trade.noClaims')}</Empty>
          )}
        </section>
      </>
    );
  },
};

interface OpsClaim extends Claim {
  orderNumber: string;
  product: string;
  paidSatang: number;
}

/** The operator's queue of escalated claims: a refund up to what was paid, or none. */
export const opsTradeClaimsPage: PageModule<{ items: OpsClaim[] }> = {
  access: 'operator',
  load: ({ api }) => api.get('/operator/trade/claims'),
  head: (_d, { t }) => ({ title: t('trade.ops.claims'), noindex: true }),
  Page({ data }) {
    const { t, api, locale } = useApp();
    const [items, setItems] = useState(data.items);
    const { errors, formError, pending, run } = useSubmit();
    const decide = async (c: OpsClaim, form: HTMLFormElement, refund: boolean) => {
      const f = formValues(form);
      const done = await run(() =>
        api.send('POST', `/operator/trade/claims/${c.id}/decision`, {
          refundSatang: refund ? Math.round(Number(f.refund ?? 0) * 100) : 0,
          note: f.note ?? '',
        }),
      );
      if (done) setItems(items.filter((x) => x.id !== c.id));
    };
    return (
      <>
        <PageTitle>{t('trade.ops.claims')}</PageTitle>
        <FormError message={formError} />
        {items.length ? null : <Empty>{t('trade.noClaims')}</Empty>}
        <ul className="plain trade-list">
          {items.map((c) => (
            <li key={c.id} className="trade-card">
              <h2>
                {c.orderNumber} · {c.product}
              </h2>
              <p className="muted">{formatMoney(c.paidSatang, locale)}</p>
              <ClaimSummary claim={c} />
              <form noValidate onSubmit={(e) => e.preventDefault()} className="trade-form">
                <TextField
                  label={t('trade.ops.refund')}
                  name="refund"
                  inputMode="decimal"
                  defaultValue={(c.requestedSatang / 100).toFixed(2)}
                  error={errors.refundSatang}
                />
                <TextArea label={t('trade.ops.note')} name="note" rows={2} required error={errors.note} />
                <div className="trade-actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={pending}
                    onClick={(e) => void decide(c, e.currentTarget.form as HTMLFormElement, true)}
                  >
                    {t('trade.ops.decideRefund')}
                  </button>
                  <button
                    type="button"
                    disabled={pending}
                    onClick={(e) => void decide(c, e.currentTarget.form as HTMLFormElement, false)}
                  >
                    {t('trade.ops.decideRelease')}
                  </button>
                </div>
              </form>
            </li>
          ))}
        </ul>
      </>
    );
  },
};
