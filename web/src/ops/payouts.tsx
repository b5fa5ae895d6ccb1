// The operator's payout batches: run one (minimum per shop, holding period after delivery),
// download it as CSV for the bank, and mark it paid when the bank confirms.
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, Price, TextField } from '../components/ui.tsx';
import { bahtToSatang } from '../seller/shared.tsx';
import { ConsoleNav } from './index.tsx';
import '../messages/ops.ts';
import '../messages/payments.ts';

interface BatchRow { id: string; number: number; status: 'in_transit' | 'paid'; total: number; createdAt: string; paidAt: string | null }
interface Batch extends BatchRow { payouts: { sellerId: string; shopName: string; amount: number }[] }

export const payoutsPage: PageModule<BatchRow[]> = {
  access: 'operator',
  load: ({ api }) => api.get<BatchRow[]>('/operator/payout-batches'),
  head: (_d, { t }) => ({ title: t('payouts.title'), noindex: true }),
  Page({ data }) {
    const { t, api, locale } = useApp();
    const [batches, setBatches] = useState(data);
    const [message, setMessage] = useState<string | null>(null);
    const [minimum, setMinimum] = useState('100.00');
    const [holdDays, setHoldDays] = useState('7');
    const { errors, formError, pending, run, setErrors } = useSubmit();
    const create = async (e: FormEvent) => {
      e.preventDefault();
      const minimumAmount = bahtToSatang(minimum);
      if (minimumAmount === null) { setErrors({ minimumAmount: t('payouts.badAmount') }); return; }
      const b = await run(() => api.send<Batch>('POST', '/operator/payout-batches', { minimumAmount, holdDays: Number(holdDays) }));
      if (b) {
        setBatches([b, ...batches]);
        setMessage(t('payouts.created', { n: b.number, shops: b.payouts.length, total: formatMoney(b.total, locale) }));
      }
    };
    const markPaid = async (b: BatchRow) => {
      const done = await run(() => api.send<Batch>('POST', `/operator/payout-batches/${b.id}/mark-paid`));
      if (done) {
        setBatches(batches.map((x) => (x.id === b.id ? { ...x, status: done.status, paidAt: done.paidAt } : x)));
        setMessage(t('payouts.paid', { n: b.number }));
      }
    };
    return (
      <>
        <PageTitle>{t('payouts.title')}</PageTitle>
        <ConsoleNav current="payouts" />
        <form onSubmit={create} className="inline-form" noValidate>
          <TextField label={t('payouts.minimum')} name="minimumAmount" inputMode="decimal" value={minimum} onChange={(e) => setMinimum(e.target.value)} error={errors.minimumAmount} />
          <TextField label={t('payouts.holdDays')} name="holdDays" inputMode="numeric" value={holdDays} onChange={(e) => setHoldDays(e.target.value)} error={errors.holdDays} />
          <button type="submit" className="primary" disabled={pending}>{t('payouts.run')}</button>
        </form>
        {message ? <p role="status" className="ok">{message}</p> : null}
        <FormError message={formError} />
        {batches.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th scope="col">{t('payouts.number')}</th><th scope="col">{t('common.date')}</th><th scope="col">{t('common.total')}</th><th scope="col">{t('common.status')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id}>
                    <td>{b.number}</td><td>{formatDate(b.createdAt, locale)}</td><td><Price satang={b.total} /></td>
                    <td>{t(`money.status.${b.status}`)}</td>
                    <td className="inline-form">
                      <a href={`/api/operator/payout-batches/${b.id}/csv`} download>{t('payouts.csv')}</a>
                      {b.status === 'in_transit' ? <button type="button" disabled={pending} onClick={() => void markPaid(b)}>{t('payouts.markPaid')}</button> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <Empty>{t('payouts.none')}</Empty>}
      </>
    );
  },
};
