// The seller centre's finance pages: the credit profile (seen first, with what would improve it),
// consents per lender and purpose (with who looked), the application with its instant explained
// decision and the offer to accept, and the loans with their schedule and statement.
import { type FormEvent, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import { bahtToSatang, ShopNav } from '../seller/shared.tsx';
import '../messages/finance.ts';
import './finance.css';

export interface Explanation {
  score: number;
  range: { min: number; max: number };
  scorecardVersion: string;
  effectiveOn: string;
  reasons: { code: string; pointsLost: number; text: string; improve: string }[];
  policyReasons: { code: string; text: string }[];
}
interface Product {
  productId: string;
  name: string;
  minAmount: number;
  maxAmount: number;
  minTenorMonths: number;
  maxTenorMonths: number;
  rateBp: number;
  feeBp: number;
  repayment: 'revenue_share' | 'instalments';
  revenueShareBp: number | null;
  guaranteeLabel: string | null;
}
interface Lender {
  id: string;
  name: string;
  sandbox: boolean;
  retentionDays: number;
  consentWording: Record<string, string>;
  products: Product[];
}
interface Consent {
  id: string;
  lenderId: string;
  lenderName: string;
  purpose: string;
  dataItemLabels: string[];
  wording: string;
  grantedAt: string;
  withdrawnAt: string | null;
  live: boolean;
}
interface Offer {
  amount: number;
  tenorMonths: number;
  rateBp: number;
  interest: number;
  fee: number;
  guaranteeFee: number;
  disbursed: number;
  totalRepayable: number;
  repayment: string;
  revenueShareBp: number | null;
  monthlyInstalment: number | null;
}
interface Decision {
  id: string;
  lenderName: string;
  sandbox: boolean;
  outcome: 'offer' | 'decline' | 'refer';
  status: string;
  offer: Offer | null;
  explanation: Explanation;
  decisionMs: number;
  createdAt: string;
}

function FinanceNav({ sellerId, current }: { sellerId: string; current: string }) {
  const { t, href } = useApp();
  const link = (to: string, label: string) => (
    <a href={href(`/seller/${sellerId}/finance${to}`)} aria-current={current === to ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <ShopNav sellerId={sellerId} current="finance" />
      <nav className="console-nav finance-nav" aria-label={t('finance.nav')}>
        {link('', t('finance.profile'))}
        {link('/consents', t('finance.consents'))}
        {link('/apply', t('finance.apply'))}
        {link('/loans', t('finance.loans'))}
      </nav>
    </>
  );
}

export function ExplanationView({ e }: { e: Explanation }) {
  const { t, locale } = useApp();
  return (
    <div className="finance-explanation">
      <p className="finance-score">
        <strong>{t('finance.score', { score: e.score, min: e.range.min, max: e.range.max })}</strong>
      </p>
      <p className="muted">
        {t('finance.scorecard', {
          version: e.scorecardVersion,
          date: formatDate(`${e.effectiveOn}T00:00:00+07:00`, locale),
        })}
      </p>
      {e.policyReasons.length ? (
        <ul>
          {e.policyReasons.map((r) => (
            <li key={r.code}>{r.text}</li>
          ))}
        </ul>
      ) : null}
      {e.reasons.length ? (
        <>
          <h3>{t('finance.reasons')}</h3>
          <ol className="finance-reasons">
            {e.reasons.map((r) => (
              <li key={r.code}>
                <strong>{r.text}</strong> <span className="muted">({t('finance.lost', { n: r.pointsLost })})</span>
                <br />
                {r.improve}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

interface ProfileData {
  monthly: { month: string; grossSatang: number; orders: number }[];
  features: {
    code: string;
    label: string;
    value: number | null;
    points: number | null;
    maxPoints: number | null;
    scored: boolean;
  }[];
  explanation: Explanation;
  improvements: { code: string; pointsLost: number; text: string }[];
  ledger: { payableSatang: number; paidOutSatang: number; payouts: number } | null;
}

export const profilePage: PageModule<ProfileData> = {
  access: 'user',
  load: ({ api, params }) => api.get<ProfileData>(`/sellers/${params.sellerId}/finance/profile`),
  head: (_d, { t }) => ({ title: t('finance.profile'), noindex: true }),
  Page({ data, params }) {
    const { t, locale } = useApp();
    const top = Math.max(1, ...data.monthly.map((m) => m.grossSatang));
    return (
      <>
        <FinanceNav sellerId={params.sellerId} current="" />
        <PageTitle>{t('finance.profile')}</PageTitle>
        <p className="muted">{t('finance.profileIntro')}</p>
        <ExplanationView e={{ ...data.explanation, reasons: [] }} />
        <table className="finance-table">
          <tbody>
            {data.features.map((f) => (
              <tr key={f.code}>
                <th scope="row">{f.label}</th>
                <td>
                  {f.value === null ? t('finance.noData') : f.value.toLocaleString(locale === 'th' ? 'th-TH' : locale)}
                </td>
                <td className="muted">
                  {f.scored
                    ? t('finance.points', { points: f.points ?? 0, max: f.maxPoints ?? 0 })
                    : t('finance.notScored')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="finance-bars plain" aria-label={t('finance.monthly')}>
          {data.monthly.map((m) => (
            <li key={m.month}>
              <span>{m.month}</span>
              <span className="finance-bar" style={{ width: `${Math.round((m.grossSatang / top) * 100)}%` }} />
              <span>{formatMoney(m.grossSatang, locale)}</span>
            </li>
          ))}
        </ul>
        <h2>{t('finance.improve')}</h2>
        {data.improvements.length ? (
          <ol>
            {data.improvements.map((i) => (
              <li key={i.code}>
                {i.text} <span className="muted">({t('finance.lost', { n: i.pointsLost })})</span>
              </li>
            ))}
          </ol>
        ) : (
          <Empty>—</Empty>
        )}
      </>
    );
  },
};

interface ConsentData {
  lenders: Lender[];
  dataItems: string[];
  consents: Consent[];
  log: { id: string; at: string; who: string; what: string; dataItems: string[] }[];
}

export const consentsPage: PageModule<ConsentData> = {
  access: 'user',
  async load({ api, params }) {
    const base = `/sellers/${params.sellerId}/finance`;
    const [lenders, consents, log] = await Promise.all([
      api.get<{ items: Lender[]; dataItems: string[] }>('/finance/lenders'),
      api.get<{ items: Consent[] }>(`${base}/consents`),
      api.get<{ items: ConsentData['log'] }>(`${base}/access-log`),
    ]);
    return { lenders: lenders.items, dataItems: lenders.dataItems, consents: consents.items, log: log.items };
  },
  head: (_d, { t }) => ({ title: t('finance.consents'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale, reload } = useApp();
    const { formError, pending, run } = useSubmit();
    const base = `/sellers/${params.sellerId}/finance`;
    const give = async (lenderId: string) => {
      if (
        await run(() =>
          api.send('POST', `${base}/consents`, { lenderId, purpose: 'credit_assessment', dataItems: data.dataItems }),
        )
      )
        await reload();
    };
    const withdraw = async (id: string) => {
      if (await run(() => api.send('POST', `${base}/consents/${id}/withdraw`))) await reload();
    };
    return (
      <>
        <FinanceNav sellerId={params.sellerId} current="/consents" />
        <PageTitle>{t('finance.consents')}</PageTitle>
        {data.lenders.map((l) => {
          const live = data.consents.find((c) => c.lenderId === l.id && c.purpose === 'credit_assessment' && c.live);
          return (
            <section key={l.id} className="finance-card">
              <h2>{l.name}</h2>
              {l.sandbox ? <p className="notice">{t('finance.sandbox')}</p> : null}
              <h3>{t('finance.purpose.credit_assessment')}</h3>
              <p>{l.consentWording.credit_assessment}</p>
              {live ? (
                <p>
                  <span className="status-verified">{t('finance.live')}</span> ·{' '}
                  {t('finance.givenOn', { date: formatDate(live.grantedAt, locale) })}{' '}
                  <button type="button" className="danger" disabled={pending} onClick={() => void withdraw(live.id)}>
                    {t('finance.withdraw')}
                  </button>
                </p>
              ) : (
                <button type="button" className="primary" disabled={pending} onClick={() => void give(l.id)}>
                  {t('finance.give')}
                </button>
              )}
            </section>
          );
        })}
        <FormError message={formError} />
        <h2>{t('finance.consents')}</h2>
        <ul className="plain finance-list">
          {data.consents.map((c) => (
            <li key={c.id}>
              <strong>{c.lenderName}</strong> — {t(`finance.purpose.${c.purpose}`)}: {c.dataItemLabels.join(', ')}
              <br />
              <span className="muted">
                {t('finance.givenOn', { date: formatDate(c.grantedAt, locale) })}
                {c.withdrawnAt ? ` · ${t('finance.withdrawn', { date: formatDate(c.withdrawnAt, locale) })}` : ''}
              </span>
              {c.live && c.purpose !== 'credit_assessment' ? (
                <button type="button" className="danger" disabled={pending} onClick={() => void withdraw(c.id)}>
                  {t('finance.withdraw')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <h2>{t('finance.accessLog')}</h2>
        {data.log.length ? (
          <ul className="plain finance-list">
            {data.log.map((a) => (
              <li key={a.id}>
                {formatDate(a.at, locale)} — {a.who}: {a.what} ({a.dataItems.join(', ')})
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('finance.noAccess')}</Empty>
        )}
      </>
    );
  },
};

export function OfferView({ o }: { o: Offer }) {
  const { t, locale } = useApp();
  const row = (label: string, satang: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatMoney(satang, locale)}</td>
    </tr>
  );
  return (
    <table className="finance-table">
      <tbody>
        {row(t('finance.offerAmount'), o.amount)}
        {row(t('finance.interest'), o.interest)}
        {row(t('finance.fees'), o.fee + o.guaranteeFee)}
        {row(t('finance.disbursed'), o.disbursed)}
        {row(t('finance.total'), o.totalRepayable)}
        <tr>
          <th scope="row">{t('finance.tenor')}</th>
          <td>
            {o.tenorMonths} · {(o.rateBp / 100).toFixed(2)}% ·{' '}
            {o.repayment === 'revenue_share'
              ? t('finance.repay.revenue_share', { share: (o.revenueShareBp ?? 0) / 100 })
              : t('finance.repay.instalments')}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

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

interface Loan {
  id: string;
  lenderName: string;
  principal: number;
  outstanding: number;
  status: string;
  statusLabel: string;
  repayment: string;
  revenueShareBp: number | null;
  finalDueOn: string;
  schedule: { n: number; dueOn: string; amount: number; lateFee: number; paid: number }[];
  statement: { at: string; kind: string; label: string; amount: number; outstandingAfter: number }[];
}

export function LoanView({ loan }: { loan: Loan }) {
  const { t, locale } = useApp();
  const day = (d: string) => formatDate(`${d}T00:00:00+07:00`, locale);
  return (
    <section className="finance-card">
      <h2>
        {loan.lenderName} — {formatMoney(loan.principal, locale)}
      </h2>
      <p>
        <span className={loan.status === 'late' ? 'status-rejected' : 'status-verified'}>{loan.statusLabel}</span> ·{' '}
        {t('finance.outstanding')} <strong>{formatMoney(loan.outstanding, locale)}</strong> ·{' '}
        {t('finance.finalDue', { date: day(loan.finalDueOn) })}
      </p>
      {loan.schedule.length ? (
        <>
          <h3>{t('finance.schedule')}</h3>
          <table className="finance-table">
            <thead>
              <tr>
                <th>{t('finance.due')}</th>
                <th>{t('finance.offerAmount')}</th>
                <th>{t('finance.paid')}</th>
              </tr>
            </thead>
            <tbody>
              {loan.schedule.map((i) => (
                <tr key={i.n}>
                  <td>{day(i.dueOn)}</td>
                  <td>{formatMoney(i.amount + i.lateFee, locale)}</td>
                  <td>{formatMoney(i.paid, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{t('finance.repay.revenue_share', { share: (loan.revenueShareBp ?? 0) / 100 })}</p>
      )}
      <h3>{t('finance.statement')}</h3>
      <ul className="plain finance-list">
        {loan.statement.map((m) => (
          <li key={`${m.at}-${m.kind}-${m.amount}`}>
            {formatDate(m.at, locale)} — {m.label}: <strong>{formatMoney(m.amount, locale)}</strong>{' '}
            <span className="muted">
              ({t('finance.outstanding')} {formatMoney(m.outstandingAfter, locale)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const loansPage: PageModule<{ items: Loan[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get<{ items: Loan[] }>(`/sellers/${params.sellerId}/finance/loans`),
  head: (_d, { t }) => ({ title: t('finance.loans'), noindex: true }),
  Page({ data, params }) {
    const { t } = useApp();
    return (
      <>
        <FinanceNav sellerId={params.sellerId} current="/loans" />
        <PageTitle>{t('finance.loans')}</PageTitle>
        {data.items.length ? (
          data.items.map((l) => <LoanView key={l.id} loan={l} />)
        ) : (
          <Empty>{t('finance.noLoans')}</Empty>
        )}
      </>
    );
  },
};
