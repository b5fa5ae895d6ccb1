// The shop's view of one trade order in the seller centre: the facts and milestones with their
// status, "goods made" (which calls for the balance), the shipment with its B/L or air waybill, the
// papers, and the buyer's claim with the answer form.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextArea, TextField } from '../components/ui.tsx';
import { ShopNav } from '../seller/shared.tsx';
import { type Claim, ClaimSummary } from './claims.tsx';
import { formatDay, milestoneLabel, OrderFacts, OrderStatus, Papers, type TradeOrder } from './shared.tsx';

function Milestones({ o }: { o: TradeOrder }) {
  const { t, locale } = useApp();
  const later = o.plan.filter((p) => !o.milestones.some((m) => m.kind === p.kind));
  return (
    <section className="trade-card" aria-labelledby="milestones">
      <h2 id="milestones">{t('trade.milestones')}</h2>
      <ul className="plain trade-list">
        {o.milestones.map((m) => (
          <li key={m.id} data-testid={`milestone-${m.kind}`}>
            <strong>{milestoneLabel(t, m)}</strong> · {formatMoney(m.amountSatang, locale)} ·{' '}
            <span
              className={`status status-${m.status === 'paid' ? 'paid' : m.status === 'cancelled' ? 'cancelled' : 'pending_payment'}`}
            >
              {t(`trade.milestoneStatus.${m.status}`)}
            </span>
            {m.bankReference ? <span className="mono"> {m.bankReference}</span> : null}
          </li>
        ))}
      </ul>
      {later.map((p) => (
        <p key={p.kind} className="muted">
          {t('trade.balanceLater', { amount: formatMoney(p.amountSatang, locale) })}
        </p>
      ))}
    </section>
  );
}

function ShipmentForm({ o, sellerId, onDone }: { o: TradeOrder; sellerId: string; onDone: (o: TradeOrder) => void }) {
  const { t, api } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = formValues(e.currentTarget);
    const done = await run(() =>
      api.send<TradeOrder>('POST', `/sellers/${sellerId}/trade/orders/${o.id}/shipment`, {
        document: f.document ?? (o.transportMode === 'air' ? 'awb' : 'bl'),
        number: f.number ?? '',
        carrier: f.carrier ?? '',
        packages: Number(f.packages ?? 0),
        grossWeightKg: Number(f.grossWeightKg ?? 0),
      }),
    );
    if (done) onDone(done);
  };
  return (
    <form onSubmit={submit} noValidate className="trade-form" aria-labelledby="shipment-form">
      <h2 id="shipment-form">{t('trade.seller.recordShipment')}</h2>
      <p className="muted">{t('trade.seller.shipmentHint')}</p>
      <SelectField
        label={t('trade.shipment')}
        name="document"
        defaultValue={o.transportMode === 'air' ? 'awb' : 'bl'}
        options={(['bl', 'awb'] as const).map((d) => ({ value: d, label: t(`trade.doc.${d}`) }))}
        error={errors.document}
      />
      <TextField label={t('trade.documentNumber')} name="number" autoComplete="off" error={errors.number} />
      <TextField label={t('trade.carrier')} name="carrier" error={errors.carrier} />
      <div className="trade-row">
        <TextField label={t('trade.packages')} name="packages" inputMode="numeric" error={errors.packages} />
        <TextField
          label={t('trade.grossWeight')}
          name="grossWeightKg"
          inputMode="numeric"
          error={errors.grossWeightKg}
        />
      </div>
      <FormError message={formError} />
      <button type="submit" className="primary" disabled={pending}>
        {t('trade.seller.recordShipment')}
      </button>
    </form>
  );
}

/** `/seller/<shop>/trade/orders/<id>`. */
export const sellerTradeOrderPage: PageModule<{ order: TradeOrder; claim: Claim | null }> = {
  access: 'user',
  async load({ api, params }) {
    const base = `/sellers/${params.sellerId}/trade/orders/${params.id}`;
    const [order, claim] = await Promise.all([
      api.get<TradeOrder>(base),
      api.get<Claim>(`${base}/claim`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    ]);
    return { order, claim };
  },
  head: (d, { t }) => ({ title: t('trade.order', { number: d.order.number }), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale, href } = useApp();
    const [o, setOrder] = useState(data.order);
    const [claim, setClaim] = useState(data.claim);
    const { errors, formError, pending, run } = useSubmit();
    const base = `/sellers/${params.sellerId}/trade/orders/${o.id}`;
    const answer = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const f = formValues(e.currentTarget);
      const done = await run(() => api.send<Claim>('POST', `${base}/claim/answer`, { answer: f.answer ?? '' }));
      if (done) setClaim(done);
    };
    const ready = async () => {
      const done = await run(() => api.send<TradeOrder>('POST', `${base}/ready`));
      if (done) setOrder(done);
    };
    const canShip = o.status === 'ready_to_ship' && !o.shipment;
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="trade" />
        <p className="muted">
          <a href={href(`/seller/${params.sellerId}/trade`)}>{t('seller.trade')}</a>
        </p>
        <PageTitle>{t('trade.order', { number: o.number })}</PageTitle>
        <p>
          {t(`trade.kind.${o.kind}`)} <OrderStatus status={o.status} />
        </p>
        <OrderFacts o={o} />
        <Milestones o={o} />
        <FormError message={formError} />
        {o.kind === 'bulk' && o.status === 'in_production' ? (
          <p>
            <button type="button" className="primary" disabled={pending} onClick={() => void ready()}>
              {t('trade.seller.ready')}
            </button>
          </p>
        ) : null}
        {canShip ? (
          <section className="trade-card">
            <ShipmentForm o={o} sellerId={params.sellerId} onDone={setOrder} />
          </section>
        ) : null}
        <Papers o={o} base={`/sellers/${params.sellerId}/trade/orders/${o.id}`} />
        <section className="trade-card" aria-labelledby="claim-title">
          <h2 id="claim-title">{t('trade.seller.claims')}</h2>
          {claim ? (
            <>
              <ClaimSummary claim={claim} base={`${base}/claim`} />
              {claim.status === 'open' ? (
                <form onSubmit={answer} noValidate className="trade-form">
                  <p className="muted">
                    {t('trade.answerDue', { date: formatDay(claim.answerDueAt.slice(0, 10), locale) })}
                  </p>
                  <TextArea label={t('trade.shopAnswer')} name="answer" required error={errors.answer} />
                  <button type="submit" className="primary" disabled={pending}>
                    {t('trade.answer')}
                  </button>
                </form>
              ) : null}
            </>
          ) : (
            <Empty>{t('trade.noClaims')}</Empty>
          )}
        </section>
      </>
    );
  },
};
