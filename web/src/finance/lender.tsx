// The lender console: the shops that consented to this lender (only the consented items of each,
// every view recorded for the shop), applications with their explained decisions, a person's
// decision on referrals, and the loans being serviced.
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle } from '../components/ui.tsx';
import { type Explanation, ExplanationView, LoanView, OfferView } from './seller.tsx';
import '../messages/finance.ts';
import './finance.css';

interface LenderData {
  lenderId: string | null;
  sellers: { sellerId: string; shopName: string; dataItems: { code: string; label: string }[]; grantedAt: string }[];
  applications: {
    id: string;
    shopName: string;
    outcome: string;
    status: string;
    amount: number;
    offer: any;
    explanation: Explanation;
    createdAt: string;
  }[];
  loans: any[];
}

export const lenderPage: PageModule<LenderData> = {
  access: 'user',
  async load({ api }) {
    const me = await api.get<{ lenderIds: string[] }>('/finance/me');
    const lenderId = me.lenderIds[0] ?? null;
    if (!lenderId) return { lenderId, sellers: [], applications: [], loans: [] };
    const [sellers, applications, loans] = await Promise.all([
      api.get<{ items: LenderData['sellers'] }>(`/lenders/${lenderId}/sellers`),
      api.get<{ items: LenderData['applications'] }>(`/lenders/${lenderId}/applications`),
      api.get<{ items: any[] }>(`/lenders/${lenderId}/loans`),
    ]);
    return { lenderId, sellers: sellers.items, applications: applications.items, loans: loans.items };
  },
  head: (_d, { t }) => ({ title: t('lender.title'), noindex: true }),
  Page({ data }) {
    const { t, api, locale, reload } = useApp();
    const [profile, setProfile] = useState<{ sellerId: string; explanation: Explanation; profile: any } | null>(null);
    const { formError, pending, run } = useSubmit();
    if (!data.lenderId)
      return (
        <>
          <PageTitle>{t('lender.title')}</PageTitle>
          <Empty>{t('lender.none')}</Empty>
        </>
      );
    const view = async (sellerId: string) => {
      const p = await run(() => api.get<any>(`/lenders/${data.lenderId}/sellers/${sellerId}/profile`));
      if (p) setProfile(p);
    };
    const decide = async (id: string, outcome: 'offer' | 'decline') => {
      if (await run(() => api.send('POST', `/lenders/${data.lenderId}/applications/${id}/decide`, { outcome })))
        await reload();
    };
    return (
      <>
        <PageTitle>{t('lender.title')}</PageTitle>
        <FormError message={formError} />
        <h2>{t('lender.sellers')}</h2>
        {data.sellers.length ? (
          <ul className="plain finance-list">
            {data.sellers.map((s) => (
              <li key={s.sellerId}>
                <strong>{s.shopName}</strong> · {formatDate(s.grantedAt, locale)}
                <br />
                <span className="muted">{s.dataItems.map((i) => i.label).join(', ')}</span>{' '}
                <button type="button" disabled={pending} onClick={() => void view(s.sellerId)}>
                  {t('lender.view')}
                </button>
                {profile?.sellerId === s.sellerId ? <ExplanationView e={profile.explanation} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>—</Empty>
        )}
        <h2>{t('lender.applications')}</h2>
        {data.applications.map((a) => (
          <section key={a.id} className="finance-card">
            <h3>
              {a.shopName} — {t(`finance.outcome.${a.outcome}`)}
            </h3>
            {a.offer ? <OfferView o={a.offer} /> : null}
            <ExplanationView e={a.explanation} />
            {a.outcome === 'refer' && a.status === 'decided' ? (
              <p>
                <button type="button" className="primary" disabled={pending} onClick={() => void decide(a.id, 'offer')}>
                  {t('lender.offer')}
                </button>{' '}
                <button
                  type="button"
                  className="danger"
                  disabled={pending}
                  onClick={() => void decide(a.id, 'decline')}
                >
                  {t('lender.decline')}
                </button>
              </p>
            ) : null}
          </section>
        ))}
        <h2>{t('finance.loans')}</h2>
        {data.loans.length ? (
          data.loans.map((l) => <LoanView key={l.id} loan={l} />)
        ) : (
          <Empty>{t('finance.noLoans')}</Empty>
        )}
      </>
    );
  },
};
