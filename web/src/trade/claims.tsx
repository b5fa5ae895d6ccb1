// Trade protection on the buyer's order page: the claim with its status, the shop's answer and the
// decision, or the claim form once the goods are received; escalation from day 4.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, sendForm } from '../app/api.ts';
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
  files: { id: string; name: string; type: string; bytes: number }[];
  refunds: {
    milestone: string;
    amountSatang: number;
    channel: 'gateway' | 'bank_transfer';
    status: 'pending' | 'succeeded' | 'failed' | 'owed';
  }[];
}

/** The claim's files, opened under the reader's own path (`base` + `/evidence/<id>`), and its links. */
export function Evidence({ claim, base }: { claim: Claim; base: string }) {
  const { t } = useApp();
  if (!claim.files.length && !claim.evidence.length) return null;
  return (
    <div>
      <p>{t('trade.evidence')}:</p>
      <ul className="plain trade-list">
        {claim.files.map((f) => (
          <li key={f.id}>
            <a href={`/api${base}/evidence/${f.id}`} target="_blank" rel="noopener">
              {f.name}
            </a>{' '}
            <span className="muted">({Math.max(1, Math.round(f.bytes / 1024))} KB)</span>
          </li>
        ))}
        {claim.evidence.map((ev) => (
          <li key={ev.url}>
            <a href={ev.url} rel="noopener noreferrer">
              {ev.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How the decided refund goes back: through the gateway (and its state) or owed by bank transfer. */
export function RefundParts({ claim }: { claim: Claim }) {
  const { t, locale } = useApp();
  if (!claim.refunds.length) return null;
  return (
    <ul className="plain trade-list" aria-label={t('trade.refund.title')}>
      {claim.refunds.map((r) => (
        <li key={`${r.milestone}-${r.channel}`} data-testid={`refund-${r.milestone}`}>
          {t(`trade.part.${r.milestone}`)} · {formatMoney(r.amountSatang, locale)} · {t(`trade.refund.${r.channel}`)} ·{' '}
          <span
            className={`status status-${r.status === 'succeeded' ? 'paid' : r.status === 'failed' ? 'cancelled' : 'pending_payment'}`}
          >
            {t(`trade.refund.status.${r.status}`)}
          </span>
        </li>
      ))}
    </ul>
  );
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
    const form = e.currentTarget;
    const f = formValues(form);
    const files = Array.from((form.elements.namedItem('files') as HTMLInputElement | null)?.files ?? []);
    const done = await run(async () => {
      let c = await api.send<Claim>('POST', `/trade/orders/${orderId}/claim`, {
        reason: f.reason ?? 'not_as_agreed',
        description: f.description ?? '',
        language: locale,
        evidence: [],
        requestedSatang: Math.round(Number(f.amount ?? 0) * 100),
      });
      setClaim(c);
      for (const file of files) c = await uploadEvidence(file);
      return c;
    });
    if (done) setClaim(done);
  };
  const uploadEvidence = (file: File) => {
    const body = new FormData();
    body.append('evidence', JSON.stringify({ name: file.name }));
    body.append('file', file);
    return sendForm<Claim>(`/trade/orders/${orderId}/claim/evidence`, body, locale);
  };
  const addFiles = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const files = Array.from((form.elements.namedItem('files') as HTMLInputElement | null)?.files ?? []);
    const done = await run(async () => {
      let c = claim as Claim;
      for (const file of files) c = await uploadEvidence(file);
      return c;
    });
    if (done) {
      form.reset();
      setClaim(done);
    }
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
          <Evidence claim={claim} base={`/trade/orders/${orderId}/claim`} />
          {['open', 'answered', 'escalated'].includes(claim.status) ? (
            <form onSubmit={(e) => void addFiles(e)} noValidate className="trade-form">
              <EvidenceInput />
              <button type="submit" disabled={pending}>
                {t('trade.addEvidence')}
              </button>
            </form>
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
          <RefundParts claim={claim} />
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
          <EvidenceInput />
          <button type="submit" className="primary" disabled={pending}>
            {t('trade.fileClaim')}
          </button>
        </form>
      )}
    </section>
  );
}

function EvidenceInput() {
  const { t } = useApp();
  return (
    <div className="field">
      <label htmlFor="claim-files">{t('trade.evidenceFile')}</label>
      <input
        id="claim-files"
        name="files"
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp,application/pdf"
      />
    </div>
  );
}

export function ClaimSummary({ claim, base }: { claim: Claim; base: string }) {
  const { t, locale } = useApp();
  return (
    <>
      <p>
        <strong>{t(reasonKey(claim.reason))}</strong> · {formatMoney(claim.requestedSatang, locale)}
        {claim.escalatedBy ? ` · ${t(`trade.escalatedBy.${claim.escalatedBy}`)}` : null}
      </p>
      <p lang={claim.language === 'zh' ? 'zh-Hans' : claim.language}>{claim.description}</p>
      <Evidence claim={claim} base={base} />
      {claim.sellerAnswer ? (
        <p>
          {t('trade.shopAnswer')}: {claim.sellerAnswer}
        </p>
      ) : null}
    </>
  );
}

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
    const [decided, setDecided] = useState<OpsClaim[]>([]);
    const { errors, formError, pending, run } = useSubmit();
    const decide = async (c: OpsClaim, form: HTMLFormElement, refund: boolean) => {
      const f = formValues(form);
      const done = await run(() =>
        api.send('POST', `/operator/trade/claims/${c.id}/decision`, {
          refundSatang: refund ? Math.round(Number(f.refund ?? 0) * 100) : 0,
          note: f.note ?? '',
        }),
      );
      if (done) {
        setItems(items.filter((x) => x.id !== c.id));
        setDecided([
          ...decided,
          { ...(done as Claim), orderNumber: c.orderNumber, product: c.product, paidSatang: c.paidSatang },
        ]);
      }
    };
    return (
      <>
        <PageTitle>{t('trade.ops.claims')}</PageTitle>
        <FormError message={formError} />
        {decided.map((c) => (
          <section key={c.id} className="trade-card" aria-live="polite">
            <h2>
              {c.orderNumber} · {t('trade.decision')}:{' '}
              {c.status === 'refunded'
                ? t('trade.decision.refund', { amount: formatMoney(c.refundSatang ?? 0, locale) })
                : t('trade.decision.release')}
            </h2>
            <RefundParts claim={c} />
          </section>
        ))}
        {items.length ? null : <Empty>{t('trade.noClaims')}</Empty>}
        <ul className="plain trade-list">
          {items.map((c) => (
            <li key={c.id} className="trade-card">
              <h2>
                {c.orderNumber} · {c.product}
              </h2>
              <p className="muted">{formatMoney(c.paidSatang, locale)}</p>
              <ClaimSummary claim={c} base={`/operator/trade/claims/${c.id}`} />
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
