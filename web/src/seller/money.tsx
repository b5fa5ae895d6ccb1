// A shop's money (balance, ledger entries, payouts) and its documents (tax invoices or receipts,
// and the registered address and branch its tax invoices carry: a VAT-registered shop's tax
// invoices wait until that address is complete, and the page says so).
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { Page } from '../app/shapes.ts';
import { useSubmit } from '../app/use-submit.ts';
import { AddressForm, emptyAddress, type AddressValue } from '../checkout/AddressForm.tsx';
import { Empty, FormError, PageTitle, Price, TextField } from '../components/ui.tsx';
import { ShopNav } from './shared.tsx';
import '../messages/seller.ts';
import '../messages/payments.ts';
import '../messages/account.ts';

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
interface AddressParts {
  houseNumber: string;
  moo?: string;
  village?: string;
  building?: string;
  soi?: string;
  road?: string;
  subdistrict: string;
  district: string;
  provinceCode: string;
  postcode: string;
}
interface Profile {
  registeredAddress: string;
  address: AddressParts | null;
  branch: string;
  vatRegistered: boolean;
  complete: boolean;
  waiting: number;
  /** The refusal a tax invoice gets while the address is incomplete, in the page's language. */
  problem: { detail: string; errors?: { field: string; detail: string }[] } | null;
}
const toForm = (a: AddressParts | null): AddressValue & { building: string } => ({
  ...emptyAddress,
  ...(a ?? {}),
  building: a?.building ?? '',
});
const fromForm = ({ name: _n, phone: _p, ...a }: AddressValue & { building: string }): AddressParts => a;

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
    const [status, setStatus] = useState(data.profile);
    const [docs, setDocs] = useState(data.docs);
    const [address, setAddress] = useState(toForm(data.profile.address));
    const [branch, setBranch] = useState(data.profile.branch);
    const [saved, setSaved] = useState<number | null>(null);
    const { errors, formError, pending, run } = useSubmit();
    const id = encodeURIComponent(params.sellerId);
    const save = async (e: FormEvent) => {
      e.preventDefault();
      setSaved(null);
      const done = await run(() =>
        api.send<{ issued: number }>('PUT', `/sellers/${id}/tax-profile`, { address: fromForm(address), branch }),
      );
      if (done) {
        setSaved(done.issued);
        const [next, list] = await Promise.all([
          api.get<Profile>(`/sellers/${id}/tax-profile`),
          api.get<Page<Doc>>(`/sellers/${id}/documents`),
        ]);
        setStatus(next);
        setDocs(list);
      }
    };
    return (
      <>
        <PageTitle>{t('invoices.title')}</PageTitle>
        <ShopNav sellerId={params.sellerId} current="invoices" />
        {status.vatRegistered && !status.complete && status.problem ? (
          <div className="note" role="alert">
            <p>{status.problem.detail}</p>
            {status.waiting ? <p>{t('invoices.waiting', { n: status.waiting })}</p> : null}
          </div>
        ) : null}
        {docs.items.length ? (
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
                {docs.items.map((d) => (
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
        <p className="hint">{t(status.vatRegistered ? 'invoices.addressWhyVat' : 'invoices.addressWhy')}</p>
        <form onSubmit={save} noValidate aria-label={t('invoices.profile')}>
          <fieldset>
            <legend>{t('invoices.address')}</legend>
            <AddressForm
              value={address}
              onChange={(v) => setAddress({ ...address, ...v })}
              errors={errors}
              prefix="address"
              contact={false}
            />
          </fieldset>
          <TextField
            label={t('invoices.branch')}
            name="branch"
            inputMode="numeric"
            maxLength={5}
            value={branch}
            error={errors.branch}
            onChange={(e) => setBranch(e.target.value)}
          />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('common.saving') : t('common.save')}
          </button>
          {saved !== null ? (
            <p role="status" className="ok">
              {t('common.saved')}
              {saved ? ` ${t('invoices.issuedWaiting', { n: saved })}` : ''}
            </p>
          ) : null}
          <FormError message={formError} />
        </form>
      </>
    );
  },
};
