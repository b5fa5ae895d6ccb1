// The operator's payout batches: run one (minimum per shop, holding period after delivery),
// download it as CSV for the bank, and mark it paid when the bank confirms.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, Price, TextField } from '../components/ui.tsx';
import { bahtToSatang } from '../seller/shared.tsx';
import { ConsoleNav } from './index.tsx';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import '../messages/ops.ts';
import '../messages/payments.ts';

interface BatchRow {
  id: string;
  number: number;
  status: 'in_transit' | 'paid';
  total: number;
  createdAt: string;
  paidAt: string | null;
}
interface Batch extends BatchRow {
  payouts: { sellerId: string; shopName: string; amount: number }[];
}

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
      if (minimumAmount === null) {
        setErrors({ minimumAmount: t('payouts.badAmount') });
        return;
      }
      const b = await run(() =>
        api.send<Batch>('POST', '/operator/payout-batches', { minimumAmount, holdDays: Number(holdDays) }),
      );
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
          <TextField
            label={t('payouts.minimum')}
            name="minimumAmount"
            inputMode="decimal"
            value={minimum}
            onChange={(e) => setMinimum(e.target.value)}
            error={errors.minimumAmount}
          />
          <TextField
            label={t('payouts.holdDays')}
            name="holdDays"
            inputMode="numeric"
            value={holdDays}
            onChange={(e) => setHoldDays(e.target.value)}
            error={errors.holdDays}
          />
          <button type="submit" className="primary" disabled={pending}>
            {t('payouts.run')}
          </button>
        </form>
        {message ? (
          <p role="status" className="ok">
            {message}
          </p>
        ) : null}
        <FormError message={formError} />
        {batches.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('payouts.number')}</th>
                  <th scope="col">{t('common.date')}</th>
                  <th scope="col">{t('common.total')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id}>
                    <td>{b.number}</td>
                    <td>{formatDate(b.createdAt, locale)}</td>
                    <td>
                      <Price satang={b.total} />
                    </td>
                    <td>{t(`money.status.${b.status}`)}</td>
                    <td className="inline-form">
                      <a href={`/api/operator/payout-batches/${b.id}/csv`} download>
                        {t('payouts.csv')}
                      </a>
                      {b.status === 'in_transit' ? (
                        <button type="button" disabled={pending} onClick={() => void markPaid(b)}>
                          {t('payouts.markPaid')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('payouts.none')}</Empty>
        )}
        <CbecTaxPanel />
      </>
    );
  },
};

interface CbecTax {
  outstandingFen: number;
  orders: number;
  settlements: { transactionId: string; amountFen: number; reference: string | null; createdAt: string }[];
}

/** Cross-border tax the platform withheld for customs (CNY): what is owed now, and "settle with customs". */
function CbecTaxPanel() {
  const { t, api, locale } = useApp();
  const [tax, setTax] = useState<CbecTax | null>(null);
  const [reference, setReference] = useState('');
  const [confirming, setConfirming] = useState(false);
  const key = useRef<string | null>(null);
  const { errors, formError, pending, run, setErrors } = useSubmit();
  const load = async () => setTax(await api.get<CbecTax>('/operator/ledger/cbec-tax'));
  useEffect(() => {
    void load();
  }, []);
  const settle = async (e: FormEvent) => {
    e.preventDefault();
    if (!reference.trim()) {
      setErrors({ reference: t('cbecTax.referenceNeeded') });
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    key.current ??= newIdempotencyKey();
    if (
      await run(() =>
        api.send(
          'POST',
          '/operator/ledger/cbec-tax/settle',
          { reference: reference.trim() },
          { 'idempotency-key': key.current! },
        ),
      )
    ) {
      key.current = null;
      setConfirming(false);
      setReference('');
      await load();
    }
  };
  if (!tax) return null;
  return (
    <section aria-labelledby="cbec-tax">
      <h2 id="cbec-tax">{t('cbecTax.title')}</h2>
      <p>{t('cbecTax.owed', { amount: formatMoney(tax.outstandingFen, locale, 'CNY'), orders: tax.orders })}</p>
      <p className="muted">{t('cbecTax.why')}</p>
      {tax.outstandingFen > 0 ? (
        <form onSubmit={settle} noValidate>
          <TextField
            label={t('cbecTax.reference')}
            name="reference"
            value={reference}
            onChange={(e) => {
              setReference(e.target.value);
              setConfirming(false);
            }}
            error={errors.reference}
          />
          {confirming ? (
            <p role="alert">{t('cbecTax.confirm', { amount: formatMoney(tax.outstandingFen, locale, 'CNY') })}</p>
          ) : null}
          <button type="submit" className={confirming ? 'danger' : 'primary'} disabled={pending}>
            {t(confirming ? 'cbecTax.confirmButton' : 'cbecTax.settle')}
          </button>
        </form>
      ) : null}
      <FormError message={formError} />
      {tax.settlements.length ? (
        <ul>
          {tax.settlements.map((s) => (
            <li key={s.transactionId}>
              {formatDate(s.createdAt, locale)} · {formatMoney(s.amountFen, locale, 'CNY')} · {s.reference}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
