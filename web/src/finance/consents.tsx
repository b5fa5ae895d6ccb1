// Consents per lender and purpose (PDPA: named data, retention, withdrawable) and who looked.
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle } from '../components/ui.tsx';
import { type Lender, type Consent, FinanceNav } from './shared.tsx';
import '../messages/finance.ts';
import './finance.css';

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
