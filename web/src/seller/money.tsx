// A shop's money (balance, ledger entries, payouts) and its documents (tax invoices or receipts,
// and the registered address and branch its tax invoices carry).
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { Page } from '../app/shapes.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, Price, TextArea, TextField } from '../components/ui.tsx';
import { ShopNav } from './shared.tsx';
import '../messages/seller.ts';
import '../messages/payments.ts';

interface Balance {
  currency: string;
  earned: number;
  paidOut: number;
  balance: number;
  available: number;
  holdDays: number;
}
interface Entry {
  transactionId: string;
  kind: string;
  orderId: string | null;
  amount: number;
  currency: string;
  memo: string | null;
  fx: { fromCurrency: 'THB' | 'CNY'; fromAmount: number; rate: string } | null;
  createdAt: string;
}
interface Payout {
  id: string;
  batchNumber: number;
  amount: number;
  status: string;
  createdAt: string;
  paidAt: string | null;
}
interface MoneyData {
  balance: Balance;
  entries: Page<Entry>;
  payouts: Payout[];
}

export const moneyPage: PageModule<MoneyData> = {
  access: 'user',
  load: async ({ api, params }) => {
    const id = encodeURIComponent(params.sellerId);
    const [balance, entries, payouts] = await Promise.all([
      api.get<Balance>(`/sellers/${id}/balance`),
      api.get<Page<Entry>>(`/sellers/${id}/ledger-entries`),
      api.get<Payout[]>(`/sellers/${id}/payouts`),
    ]);
    return { balance, entries, payouts };
  },
  head: (_d, { t }) => ({ title: t('money.title'), noindex: true }),
  Page({ data, params }) {
    const { t, locale } = useApp();
    const b = data.balance;
    return (
      <>
        <PageTitle>{t('money.title')}</PageTitle>
        <ShopNav sellerId={params.sellerId} current="money" />
        <dl className="facts money">
          <dt>{t('money.earned')}</dt>
          <dd>
            <Price satang={b.earned} />
          </dd>
          <dt>{t('money.paidOut')}</dt>
          <dd>
            <Price satang={b.paidOut} />
          </dd>
          <dt>{t('money.balance')}</dt>
          <dd className="grand">
            <Price satang={b.balance} />
          </dd>
          <dt>{t('money.available', { days: b.holdDays })}</dt>
          <dd>
            <Price satang={b.available} />
          </dd>
        </dl>
        <h2>{t('money.entries')}</h2>
        {data.entries.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('common.date')}</th>
                  <th scope="col">{t('money.what')}</th>
                  <th scope="col">{t('pay.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.items.map((e) => (
                  <tr key={`${e.transactionId}-${e.kind}`}>
                    <td>{formatDate(e.createdAt, locale)}</td>
                    <td>
                      {t(`money.kind.${e.kind}`)}
                      {e.fx ? (
                        <p className="muted">
                          {t('money.fx', {
                            amount: formatMoney(e.fx.fromAmount, locale, e.fx.fromCurrency),
                            rate: e.fx.rate,
                          })}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <Price satang={e.amount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('money.noEntries')}</Empty>
        )}
        <h2>{t('money.payouts')}</h2>
        {data.payouts.length ? (
          <ul className="cards">
            {data.payouts.map((p) => (
              <li key={p.id}>
                {t('money.batch', { n: p.batchNumber })} · <Price satang={p.amount} /> · {t(`money.status.${p.status}`)}{' '}
                · {formatDate(p.paidAt ?? p.createdAt, locale)}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('money.noEntries')}</Empty>
        )}
      </>
    );
  },
};

interface Doc {
  id: string;
  kind: 'tax_invoice' | 'receipt';
  number: string;
  orderNumber: string;
  issuedAt: string;
  total: number;
}
interface Profile {
  registeredAddress: string;
  branch: string;
}

export const invoicesPage: PageModule<{ docs: Page<Doc>; profile: Profile }> = {
  access: 'user',
  load: async ({ api, params }) => {
    const id = encodeURIComponent(params.sellerId);
    const [docs, profile] = await Promise.all([
      api.get<Page<Doc>>(`/sellers/${id}/documents`),
      api.get<Profile>(`/sellers/${id}/tax-profile`),
    ]);
    return { docs, profile };
  },
  head: (_d, { t }) => ({ title: t('invoices.title'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [profile, setProfile] = useState(data.profile);
    const [saved, setSaved] = useState(false);
    const { errors, formError, pending, run } = useSubmit();
    const save = async (e: FormEvent) => {
      e.preventDefault();
      setSaved(false);
      if (await run(() => api.send('PUT', `/sellers/${params.sellerId}/tax-profile`, profile))) setSaved(true);
    };
    return (
      <>
        <PageTitle>{t('invoices.title')}</PageTitle>
        <ShopNav sellerId={params.sellerId} current="invoices" />
        {data.docs.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('invoices.number')}</th>
                  <th scope="col">{t('invoices.order')}</th>
                  <th scope="col">{t('common.date')}</th>
                  <th scope="col">{t('common.total')}</th>
                </tr>
              </thead>
              <tbody>
                {data.docs.items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <a href={`/api/documents/${d.id}/pdf?lang=${locale}`} download>
                        {t(`doc.${d.kind}`)} {d.number}
                      </a>
                      {d.kind === 'tax_invoice' ? (
                        <>
                          {' '}
                          ·{' '}
                          <a href={`/api/documents/${d.id}/etax.xml`} download>
                            XML
                          </a>
                        </>
                      ) : null}
                    </td>
                    <td>{d.orderNumber}</td>
                    <td>{formatDate(d.issuedAt, locale)}</td>
                    <td>
                      <Price satang={d.total} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('invoices.none')}</Empty>
        )}
        <h2>{t('invoices.profile')}</h2>
        <form onSubmit={save} noValidate>
          <TextArea
            label={t('invoices.address')}
            name="registeredAddress"
            rows={3}
            value={profile.registeredAddress}
            error={errors.registeredAddress}
            onChange={(e) => setProfile({ ...profile, registeredAddress: e.target.value })}
          />
          <TextField
            label={t('invoices.branch')}
            name="branch"
            inputMode="numeric"
            maxLength={5}
            value={profile.branch}
            error={errors.branch}
            onChange={(e) => setProfile({ ...profile, branch: e.target.value })}
          />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('common.saving') : t('common.save')}
          </button>
          {saved ? (
            <p role="status" className="ok">
              {t('common.saved')}
            </p>
          ) : null}
          <FormError message={formError} />
        </form>
      </>
    );
  },
};
