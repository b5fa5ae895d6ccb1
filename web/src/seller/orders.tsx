// A shop's orders with their state, and the steps the shop takes: process, ship, deliver, cancel.
import { useState, type FormEvent } from 'react';
import { query } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { Page } from '../app/shapes.ts';
import { useSubmit } from '../app/use-submit.ts';
import { AddressBlock, OrderLines, StatusBadge, type OrderView } from '../pages/Orders.tsx';
import { Pager } from '../components/Pager.tsx';
import { Empty, FormError, PageTitle, Price, TextField } from '../components/ui.tsx';
import { ShopNav } from './shared.tsx';
import { RefundPanel } from './refund.tsx';
import '../messages/seller.ts';
import { OrderTracking } from '../shipping/Timeline.tsx';
import { ShipFields } from '../shipping/ShipFields.tsx';
import { DeliveryProofCard, DeliveryProofForm } from '../shipping/DeliveryProof.tsx';

function OrderActions({ order, onChange }: { order: OrderView; onChange: (o: OrderView) => void }) {
  const { t, api } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const [step, setStep] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      to: step,
      ...(step === 'shipped'
        ? {
            trackingNumber: String(f.get('trackingNumber') ?? '').trim(),
            carrier: String(f.get('carrier') ?? 'thailand-post'),
          }
        : {}),
      ...(step === 'cancelled' ? { reason: String(f.get('reason') ?? '').trim() } : {}),
    };
    const updated = await run(() => api.send<OrderView>('POST', `/orders/${order.id}/transitions`, body));
    if (updated) {
      onChange(updated);
      setStep(null);
    }
  };
  // What the API will accept, as it says: a hub's order is the hub's to ship and its carrier's to deliver.
  const steps = order.actions ?? [];
  if (!steps.length) return null;
  return (
    <div>
      <p className="inline-form">
        {steps.map((s) => (
          <button
            key={s}
            type="button"
            className={s === 'cancelled' ? 'danger' : undefined}
            onClick={() => setStep(s)}
            aria-pressed={step === s}
          >
            {t(s === 'delivered' ? 'sellerOrders.proveDelivery' : `sellerOrders.to.${s}`)}
          </button>
        ))}
      </p>
      {step === 'delivered' ? (
        <DeliveryProofForm
          orderId={order.id}
          onCancel={() => setStep(null)}
          onSent={() => {
            setStep(null);
            void api.get<OrderView>(`/orders/${order.id}`).then(onChange);
          }}
        />
      ) : step ? (
        <form onSubmit={submit} className="inline-form" noValidate>
          {step === 'shipped' ? <ShipFields errors={errors} /> : null}
          {step === 'cancelled' ? (
            <TextField label={t('sellerOrders.reason')} name="reason" required error={errors.reason} />
          ) : null}
          <button type="submit" className="primary" disabled={pending}>
            {t(`sellerOrders.to.${step}`)}
          </button>
          <button type="button" className="link" onClick={() => setStep(null)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : null}
      <FormError message={formError} />
    </div>
  );
}

export const sellerOrdersPage: PageModule<Page<OrderView>> = {
  access: 'user',
  load: ({ api, params, query: q }) =>
    api.get(
      `/sellers/${params.sellerId}/orders${query({ page: q.get('page'), perPage: 20, status: q.get('status') })}`,
    ),
  head: (_d, { t }) => ({ title: t('sellerOrders.title'), noindex: true }),
  Page({ data, params }) {
    const { t, locale } = useApp();
    const [orders, setOrders] = useState(data.items);
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="orders" />
        <PageTitle>{t('sellerOrders.title')}</PageTitle>
        {orders.length ? (
          <ul className="cards">
            {orders.map((o) => (
              <li key={o.id}>
                <h2>
                  {o.number} <StatusBadge status={o.status} />
                </h2>
                <p className="muted">
                  {t('orders.placed')} {formatDate(o.createdAt, locale)} · {t('common.total')}{' '}
                  <Price satang={o.totalSatang} />
                </p>
                <OrderLines order={o} />
                <details>
                  <summary>{t('orders.shipTo')}</summary>
                  <AddressBlock address={o.shippingAddress} />
                </details>
                <OrderActions
                  order={o}
                  onChange={(u) => setOrders(orders.map((x) => (x.id === u.id ? { ...x, ...u } : x)))}
                />
                {o.fulfilment === 'hub' && o.status !== 'cancelled' && o.status !== 'pending_payment' ? (
                  <p className="muted">{t('sellerOrders.byHub')}</p>
                ) : null}
                {o.status === 'shipped' || o.status === 'delivered' ? (
                  <OrderTracking key={`${o.id}-${o.status}`} orderId={o.id} pollSeconds={15} showLabel />
                ) : null}
                {o.status === 'delivered' ? <DeliveryProofCard key={`${o.id}-proof`} orderId={o.id} /> : null}
                <RefundPanel order={o} />
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('sellerOrders.empty')}</Empty>
        )}
        <Pager page={data.page} perPage={data.perPage} total={data.total} />
      </>
    );
  },
};
