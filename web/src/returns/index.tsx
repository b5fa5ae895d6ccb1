// Returns in the web app: the buyer asks for a return or a refund of a delivered order (reason,
// photo, return or refund only), follows it, answers a partial offer or asks the operator, gets the
// return label; the shop's list and decision (accept, partial offer, refuse with a reason, goods
// received); the hub's inspection of goods sent back to it; the operator's escalated returns.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, Price, SelectField, TextArea, TextField } from '../components/ui.tsx';
import { ShopNav } from '../seller/shared.tsx';
import '../messages/returns.ts';

export interface ReturnView {
  id: string;
  orderId: string;
  orderNumber: string;
  sellerId: string;
  title: string;
  quantity: number;
  kind: string;
  kindLabel: string;
  reasonLabel: string;
  note: string;
  status: string;
  statusLabel: string;
  requestedSatang: number;
  offerSatang: number | null;
  agreedSatang: number | null;
  sellerReason: string | null;
  escalationNote: string | null;
  toHub: boolean;
  returnBy: string | null;
  shipment: { trackingNumber: string; statusLabel: string; labelUrl: string } | null;
  photos: { id: string; url: string }[];
  steps: { step: string; label: string; note: string | null; at: string }[];
}
interface OrderForReturn {
  id: string;
  number: string;
  status: string;
  lines: { title: string; quantity: number; lineTotalSatang: number }[];
}

const REASONS = ['damaged', 'not_as_described', 'wrong_item', 'missing_parts', 'spoiled', 'changed_mind'];
const baht = (v: string | undefined) => Math.round(Number(v ?? '0') * 100);
const keyed = () => ({ 'idempotency-key': newIdempotencyKey() });
const GOODS_COMING = ['awaiting_return', 'in_transit', 'received'];

/** What every viewer sees of a return: the item, the amounts, the status, the photos and the steps. */
function ReturnSummary({ r }: { r: ReturnView }) {
  const { t, locale } = useApp();
  return (
    <section className="card" data-return-status={r.status}>
      <h2>
        {r.title} × {r.quantity}
      </h2>
      <p>
        <span className={`status status-${r.status}`} data-testid="return-status">
          {r.statusLabel}
        </span>{' '}
        · {r.kindLabel} · {r.reasonLabel}
      </p>
      <p className="muted">{t('returns.order', { number: r.orderNumber })}</p>
      {r.status === 'refunded' && r.agreedSatang !== null ? (
        <p className="notice" role="status" data-testid="refunded">
          {t('returns.refunded', { amount: '' })}
          <Price satang={r.agreedSatang} />
        </p>
      ) : (
        <p>
          {t('returns.requested', { amount: '' })}
          <Price satang={r.requestedSatang} />
        </p>
      )}
      {r.note ? <p>{r.note}</p> : null}
      {r.sellerReason ? <p>{t('returns.sellerReason', { reason: r.sellerReason })}</p> : null}
      {r.escalationNote ? <p>{t('returns.escalationNote', { note: r.escalationNote })}</p> : null}
      {r.shipment ? (
        <p>
          {t('returns.tracking', { number: r.shipment.trackingNumber, status: r.shipment.statusLabel })} ·{' '}
          <a href={r.shipment.labelUrl}>{t('returns.labelPdf')}</a>
        </p>
      ) : null}
      {r.photos.length ? (
        <div>
          <h3>{t('returns.photos')}</h3>
          {r.photos.map((p) => (
            <img key={p.id} src={p.url} alt={t('returns.photos')} style={{ maxWidth: '8rem', marginRight: '.5rem' }} />
          ))}
        </div>
      ) : null}
      <h3>{t('returns.history')}</h3>
      <ol>
        {r.steps.map((s) => (
          <li key={`${s.step}-${s.at}`}>
            {s.label} · <span className="muted">{formatDate(s.at, locale)}</span>
            {s.note ? ` · ${s.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

export const newReturnPage: PageModule<OrderForReturn> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/orders/${encodeURIComponent(params.orderId)}`),
  head: (_d, { t }) => ({ title: t('returns.newTitle'), noindex: true }),
  Page({ data }) {
    const { t, api, href, locale, navigate } = useApp();
    const { errors, formError, pending, run } = useSubmit();
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const v = formValues(form);
      const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
      const made = await run(async () => {
        const r = await api.send<ReturnView>(
          'POST',
          `/orders/${data.id}/returns`,
          {
            lineNo: Number(v.lineNo ?? 0),
            quantity: Number(v.quantity ?? 1),
            reason: v.reason,
            kind: v.kind,
            note: v.note ?? '',
          },
          keyed(),
        );
        if (file) {
          const body = new FormData();
          body.append('file', file);
          const res = await fetch(`/api/returns/${r.id}/photos`, {
            method: 'POST',
            body,
            headers: { 'accept-language': locale },
          });
          if (!res.ok) throw new ApiError(res.status, await res.json());
        }
        return r;
      });
      if (made) await navigate(href(`/returns/${made.id}`));
    };
    return (
      <>
        <PageTitle>{t('returns.newTitle')}</PageTitle>
        <p className="muted">{t('returns.order', { number: data.number })}</p>
        <form onSubmit={submit} noValidate>
          <SelectField
            label={t('returns.line')}
            name="lineNo"
            error={errors.lineNo}
            options={data.lines.map((l, i) => ({ value: String(i), label: `${l.title} × ${l.quantity}` }))}
          />
          <TextField
            label={t('returns.quantity')}
            name="quantity"
            type="number"
            min={1}
            defaultValue={1}
            inputMode="numeric"
            error={errors.quantity}
          />
          <SelectField
            label={t('returns.reason')}
            name="reason"
            error={errors.reason}
            options={REASONS.map((r) => ({ value: r, label: t(`returns.reason.${r}`) }))}
          />
          <fieldset>
            <legend>{t('returns.kind')}</legend>
            {['return', 'refund_only'].map((k) => (
              <label key={k} className="check">
                <input type="radio" name="kind" value={k} defaultChecked={k === 'return'} /> {t(`returns.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <TextArea label={t('returns.note')} name="note" rows={3} error={errors.note} />
          <TextField label={t('returns.photo')} name="file" type="file" accept="image/jpeg,image/png,image/webp" />
          <button type="submit" className="primary" disabled={pending}>
            {t('returns.send')}
          </button>
        </form>
        <FormError message={formError} />
      </>
    );
  },
};

export const returnPage: PageModule<ReturnView> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/returns/${encodeURIComponent(params.id)}`),
  head: (_d, { t }) => ({ title: t('returns.title'), noindex: true }),
  Page({ data }) {
    const { t, api } = useApp();
    const [r, setR] = useState(data);
    const { formError, pending, run } = useSubmit();
    const act = async (path: string, body?: unknown) => {
      const next = await run(() => api.send<ReturnView>('POST', `/returns/${r.id}/${path}`, body, keyed()));
      if (next) setR(next);
    };
    const escalate = (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      void act('escalation', { note: formValues(e.currentTarget).note ?? '' });
    };
    return (
      <>
        <PageTitle>{t('returns.title')}</PageTitle>
        <FormError message={formError} />
        <ReturnSummary r={r} />
        {r.status === 'offered' && r.offerSatang !== null ? (
          <div className="card">
            <p>
              {t('returns.offer', { amount: '' })}
              <Price satang={r.offerSatang} />
            </p>
            <button
              type="button"
              className="primary"
              disabled={pending}
              onClick={() => void act('offer-answer', { accept: true })}
            >
              {t('returns.acceptOffer')}
            </button>{' '}
            <button type="button" disabled={pending} onClick={() => void act('offer-answer', { accept: false })}>
              {t('returns.declineOffer')}
            </button>
          </div>
        ) : null}
        {r.status === 'refused' ? (
          <form onSubmit={escalate} noValidate>
            <TextArea label={t('returns.escalateNote')} name="note" rows={3} required />
            <button type="submit" disabled={pending}>
              {t('returns.escalate')}
            </button>
          </form>
        ) : null}
        {r.status === 'awaiting_return' && !r.shipment ? (
          <button type="button" className="primary" disabled={pending} onClick={() => void act('label')}>
            {t('returns.getLabel')}
          </button>
        ) : null}
        {r.status === 'awaiting_return' && r.shipment ? (
          <button type="button" className="primary" disabled={pending} onClick={() => void act('handover')}>
            {t('returns.handedOver')}
          </button>
        ) : null}
      </>
    );
  },
};

/** The buyer's own returns, newest first, each with its status (linked from the orders page). */
export const myReturnsPage: PageModule<{ items: ReturnView[] }> = {
  access: 'user',
  load: ({ api }) => api.get('/returns'),
  head: (_d, { t }) => ({ title: t('returns.mine'), noindex: true }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    return (
      <>
        <PageTitle>{t('returns.mine')}</PageTitle>
        <p className="muted">{t('returns.mineHint')}</p>
        {data.items.length ? null : (
          <Empty>
            {t('returns.mineEmpty')} <a href={href('/orders')}>{t('returns.toOrders')}</a>
          </Empty>
        )}
        <ul className="device-list" data-testid="my-returns">
          {data.items.map((r) => (
            <li key={r.id} className="device" data-return-status={r.status}>
              <h2 className="device-name">
                <a href={href(`/returns/${r.id}`)}>
                  {r.title} × {r.quantity}
                </a>{' '}
                <span className={`status status-${r.status}`} data-testid="return-status">
                  {r.statusLabel}
                </span>
              </h2>
              <p className="muted">
                {t('returns.order', { number: r.orderNumber })} · {r.kindLabel} · {r.reasonLabel} ·{' '}
                <Price
                  satang={r.status === 'refunded' && r.agreedSatang !== null ? r.agreedSatang : r.requestedSatang}
                />
              </p>
              {r.steps[0] ? (
                <p className="muted">{t('returns.askedOn', { date: formatDate(r.steps[0].at, locale) })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </>
    );
  },
};

export const shopReturnsPage: PageModule<{ items: ReturnView[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/sellers/${params.sellerId}/returns`),
  head: (_d, { t }) => ({ title: t('returns.shopTitle'), noindex: true }),
  Page({ data, params }) {
    const { t, href } = useApp();
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="returns" />
        <PageTitle>{t('returns.shopTitle')}</PageTitle>
        {data.items.length ? null : <Empty>{t('returns.none')}</Empty>}
        <ul className="device-list">
          {data.items.map((r) => (
            <li key={r.id} className="device">
              <h2 className="device-name">
                {r.title} × {r.quantity} <span className="tag">{r.statusLabel}</span>
              </h2>
              <p className="muted">
                {t('returns.order', { number: r.orderNumber })} · {r.reasonLabel} · <Price satang={r.requestedSatang} />
              </p>
              <a href={href(`/seller/${params.sellerId}/returns/${r.id}`)}>{t('returns.open')}</a>
            </li>
          ))}
        </ul>
      </>
    );
  },
};

export const shopReturnPage: PageModule<ReturnView> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/returns/${encodeURIComponent(params.returnId)}`),
  head: (_d, { t }) => ({ title: t('returns.title'), noindex: true }),
  Page({ data, params }) {
    const { t, api } = useApp();
    const [r, setR] = useState(data);
    const { errors, formError, pending, run } = useSubmit();
    const post = async (path: string, body?: object) => {
      const next = await run(() => api.send<ReturnView>('POST', `/returns/${r.id}/${path}`, body, keyed()));
      if (next) setR(next);
    };
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="returns" />
        <PageTitle>{t('returns.title')}</PageTitle>
        <FormError message={formError} />
        <ReturnSummary r={r} />
        {r.status === 'requested' ? (
          <div className="card">
            <button
              type="button"
              className="primary"
              disabled={pending}
              onClick={() => void post('decision', { decision: 'accept' })}
            >
              {t('returns.accept')}
            </button>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void post('decision', { decision: 'offer', amountSatang: baht(formValues(e.currentTarget).amount) });
              }}
            >
              <TextField
                label={t('returns.offerAmount')}
                name="amount"
                inputMode="decimal"
                error={errors.amountSatang}
              />
              <button type="submit" disabled={pending}>
                {t('returns.makeOffer')}
              </button>
            </form>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void post('decision', { decision: 'refuse', reason: formValues(e.currentTarget).reason ?? '' });
              }}
            >
              <TextArea label={t('returns.refuseReason')} name="reason" rows={2} error={errors.reason} />
              <button type="submit" className="danger" disabled={pending}>
                {t('returns.refuse')}
              </button>
            </form>
          </div>
        ) : null}
        {r.toHub && GOODS_COMING.includes(r.status) ? <p>{t('returns.atHub')}</p> : null}
        {!r.toHub && GOODS_COMING.includes(r.status) ? (
          <button type="button" disabled={pending} onClick={() => void post('received')}>
            {t('returns.received')}
          </button>
        ) : null}
      </>
    );
  },
};

export const hubReturnsPage: PageModule<{ items: ReturnView[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/hubs/${params.locationId}/returns`),
  head: (_d, { t }) => ({ title: t('returns.hubTitle'), noindex: true }),
  Page({ data }) {
    const { t, api } = useApp();
    const [items, setItems] = useState(data.items);
    const { formError, pending, run } = useSubmit();
    const inspect = async (r: ReturnView, sealed: boolean) => {
      const next = await run(() => api.send<ReturnView>('POST', `/returns/${r.id}/inspection`, { sealed }, keyed()));
      if (next) setItems(items.map((x) => (x.id === r.id ? next : x)));
    };
    return (
      <>
        <PageTitle>{t('returns.hubTitle')}</PageTitle>
        <FormError message={formError} />
        {items.length ? null : <Empty>{t('returns.none')}</Empty>}
        {items.map((r) => (
          <div key={r.id}>
            <ReturnSummary r={r} />
            {['in_transit', 'received'].includes(r.status) ? (
              <p>
                <button type="button" className="primary" disabled={pending} onClick={() => void inspect(r, true)}>
                  {t('returns.sealed')}
                </button>{' '}
                <button type="button" className="danger" disabled={pending} onClick={() => void inspect(r, false)}>
                  {t('returns.unsealed')}
                </button>
              </p>
            ) : null}
          </div>
        ))}
      </>
    );
  },
};

const OPS_DECISIONS = [
  ['refund', 'returns.opsRefund'],
  ['return', 'returns.opsReturn'],
  ['reject', 'returns.opsReject'],
] as const;

export const opsReturnsPage: PageModule<{ items: ReturnView[] }> = {
  access: 'user',
  load: ({ api }) => api.get('/operator/returns'),
  head: (_d, { t }) => ({ title: t('returns.opsTitle'), noindex: true }),
  Page({ data }) {
    const { t, api } = useApp();
    const [items, setItems] = useState(data.items);
    const { formError, pending, run } = useSubmit();
    const decide = async (r: ReturnView, form: HTMLFormElement, decision: string) => {
      const v = formValues(form);
      const body = { decision, note: v.note ?? '', ...(v.amount ? { amountSatang: baht(v.amount) } : {}) };
      const next = await run(() => api.send<ReturnView>('POST', `/operator/returns/${r.id}/decision`, body, keyed()));
      if (next) setItems(items.filter((x) => x.id !== r.id));
    };
    return (
      <>
        <PageTitle>{t('returns.opsTitle')}</PageTitle>
        <FormError message={formError} />
        {items.length ? null : <Empty>{t('returns.none')}</Empty>}
        {items.map((r) => (
          <div key={r.id}>
            <ReturnSummary r={r} />
            <form noValidate onSubmit={(e) => e.preventDefault()}>
              <TextField label={t('returns.amountBaht')} name="amount" inputMode="decimal" />
              <TextArea label={t('returns.opsNote')} name="note" rows={2} required />
              {OPS_DECISIONS.map(([d, label]) => (
                <button
                  key={d}
                  type="button"
                  disabled={pending}
                  onClick={(e) => void decide(r, e.currentTarget.form as HTMLFormElement, d)}
                >
                  {t(label)}
                </button>
              ))}
            </form>
          </div>
        ))}
      </>
    );
  },
};
