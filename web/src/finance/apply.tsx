// The application: a few fields, the instant explained decision, and the offer to accept.
import { type FormEvent, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import { bahtToSatang } from '../seller/shared.tsx';
import { type Lender, type Consent, type Decision, FinanceNav, ExplanationView, OfferView } from './shared.tsx';
import '../messages/finance.ts';
import './finance.css';

interface ApplyData {
  lenders: Lender[];
  consented: string[];
}

export const applyPage: PageModule<ApplyData> = {
  access: 'user',
  async load({ api, params }) {
    const [lenders, consents] = await Promise.all([
      api.get<{ items: Lender[] }>('/finance/lenders'),
      api.get<{ items: Consent[] }>(`/sellers/${params.sellerId}/finance/consents`),
    ]);
    return {
      lenders: lenders.items,
      consented: consents.items.filter((c) => c.live && c.purpose === 'credit_assessment').map((c) => c.lenderId),
    };
  },
  head: (_d, { t }) => ({ title: t('finance.apply'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale, href } = useApp();
    const products = data.lenders.flatMap((l) => l.products.map((p) => ({ ...p, lender: l })));
    const [productId, setProductId] = useState(products[0]?.productId ?? '');
    const [decision, setDecision] = useState<Decision | null>(null);
    const [keys] = useState(() => ({ apply: newIdempotencyKey(), accept: newIdempotencyKey() }));
    const { errors, formError, pending, run } = useSubmit();
    const accept = useSubmit();
    const product = products.find((p) => p.productId === productId);
    const base = `/sellers/${params.sellerId}/finance`;
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const f = formValues(e.currentTarget);
      const d = await run(() =>
        api.send<Decision>(
          'POST',
          `${base}/applications`,
          {
            productId,
            amount: bahtToSatang(f.amount ?? '') ?? 0,
            tenorMonths: Number(f.tenor ?? 0),
            purpose: f.purpose ?? '',
          },
          { 'idempotency-key': keys.apply },
        ),
      );
      if (d) setDecision(d);
    };
    const acceptOffer = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const consent = (e.currentTarget.elements.namedItem('servicingConsent') as HTMLInputElement).checked;
      const d = await accept.run(() =>
        api.send<Decision>(
          'POST',
          `${base}/applications/${decision!.id}/accept`,
          { servicingConsent: consent },
          {
            'idempotency-key': keys.accept,
          },
        ),
      );
      if (d) setDecision(d);
    };
    const money = (s: number) => formatMoney(s, locale);
    return (
      <>
        <FinanceNav sellerId={params.sellerId} current="/apply" />
        <PageTitle>{t('finance.apply')}</PageTitle>
        {!decision ? (
          <form onSubmit={submit} noValidate className="stack-form">
            <SelectField
              label={t('finance.product')}
              name="productId"
              value={productId}
              onChange={(e) => setProductId(e.currentTarget.value)}
              options={products.map((p) => ({ value: p.productId, label: `${p.name} — ${p.lender.name}` }))}
              error={errors.productId}
            />
            {product ? (
              <p className="muted">
                {t('finance.terms', {
                  min: money(product.minAmount),
                  max: money(product.maxAmount),
                  tmin: product.minTenorMonths,
                  tmax: product.maxTenorMonths,
                  rate: product.rateBp / 100,
                  fee: product.feeBp / 100,
                })}
                {product.guaranteeLabel ? ` · ${product.guaranteeLabel}` : ''}
                {product.lender.sandbox ? ` · ${t('finance.sandbox')}` : ''}
              </p>
            ) : null}
            {product && !data.consented.includes(product.lender.id) ? (
              <p className="notice">
                <a href={href(`${base.replace('/sellers', '/seller')}/consents`)}>{t('finance.needConsent')}</a>
              </p>
            ) : null}
            <TextField label={t('finance.amount')} name="amount" inputMode="decimal" error={errors.amount} />
            <TextField label={t('finance.tenor')} name="tenor" inputMode="numeric" error={errors.tenorMonths} />
            <TextField label={t('finance.useOfFunds')} name="purpose" error={errors.purpose} />
            <FormError message={formError} />
            <button type="submit" className="primary" disabled={pending}>
              {t('finance.submit')}
            </button>
          </form>
        ) : (
          <section className="finance-card" aria-live="polite">
            <h2>{t(`finance.outcome.${decision.outcome}`)}</h2>
            <p className="muted">
              {decision.lenderName} {decision.sandbox ? t('finance.sandbox') : ''} ·{' '}
              {t('finance.decidedIn', { ms: decision.decisionMs })}
            </p>
            {decision.offer ? <OfferView o={decision.offer} /> : null}
            <ExplanationView e={decision.explanation} />
            {decision.outcome === 'offer' && decision.status === 'decided' ? (
              <form onSubmit={acceptOffer} noValidate className="stack-form">
                <label className="check">
                  <input type="checkbox" name="servicingConsent" /> {t('finance.servicingConsent')}
                </label>
                {accept.errors.servicingConsent ? (
                  <p className="field-error">{accept.errors.servicingConsent}</p>
                ) : null}
                <FormError message={accept.formError} />
                <button type="submit" className="primary" disabled={accept.pending}>
                  {t('finance.accept')}
                </button>
              </form>
            ) : null}
            {decision.status === 'accepted' ? (
              <p role="status" className="status-verified">
                {t('finance.accepted')}{' '}
                <a href={href(`/seller/${params.sellerId}/finance/loans`)}>{t('finance.loans')}</a>
              </p>
            ) : null}
          </section>
        )}
      </>
    );
  },
};
