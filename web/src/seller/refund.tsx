// A shop refunds a paid order in full or in part: the amount in baht, a reason the buyer sees, and
// an Idempotency-Key so a double click refunds once. The gateway's answer shows in the list.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import { useSubmit } from '../app/use-submit.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import { FormError, TextField } from '../components/ui.tsx';
import { bahtToSatang } from './shared.tsx';
import '../messages/payments.ts';

interface Refund {
  id: string;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed';
  reason: string;
}

const REFUNDABLE = new Set(['paid', 'processing', 'shipped', 'delivered']);

export function RefundPanel({ order }: { order: { id: string; status: string; totalSatang: number } }) {
  const { t, api, locale } = useApp();
  const [refunds, setRefunds] = useState<Refund[] | null>(null);
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const key = useRef<string | null>(null);
  const { errors, formError, pending, run, setErrors } = useSubmit();
  useEffect(() => {
    if (open && !refunds) void api.get<Refund[]>(`/orders/${order.id}/refunds`).then(setRefunds, () => setRefunds([]));
  }, [open, refunds, api, order.id]);
  if (!REFUNDABLE.has(order.status)) return null;
  const refunded = (refunds ?? []).filter((r) => r.status !== 'failed').reduce((s, r) => s + r.amount, 0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const satang = bahtToSatang(amount);
    if (satang === null || satang <= 0) {
      setErrors({ amount: t('payouts.badAmount') });
      return;
    }
    key.current ??= newIdempotencyKey();
    const done = await run(() =>
      api.send<Refund>(
        'POST',
        `/orders/${order.id}/refunds`,
        { amount: satang, reason },
        { 'idempotency-key': key.current! },
      ),
    );
    if (done) {
      key.current = null;
      setRefunds([...(refunds ?? []), done]);
      setAmount('');
      setReason('');
    }
  };
  return (
    <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('refund.title')}</summary>
      {refunds?.length ? (
        <ul>
          {refunds.map((r) => (
            <li key={r.id}>
              {formatMoney(r.amount, locale)} · {t(`refund.status.${r.status}`)} · {r.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted">{t('refund.refundable', { amount: formatMoney(order.totalSatang - refunded, locale) })}</p>
      <form onSubmit={submit} className="inline-form" noValidate>
        <TextField
          label={t('refund.amount')}
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errors.amount}
        />
        <TextField
          label={t('refund.reason')}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
        <button type="submit" className="danger" disabled={pending}>
          {t('refund.submit')}
        </button>
      </form>
      <FormError message={formError} />
    </details>
  );
}
