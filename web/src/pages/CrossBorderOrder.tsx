// One page for a cross-border order, as its buyer in China sees it: what was paid in yuan with its
// tax, the customs status, the tracking, and the buyer's identity masked. Times are in China
// Standard Time with the zone written out. /orders/<id> shows it for a cross-border order, and
// /cn/orders/<id> leads there.
import { useEffect } from 'react';
import { useApp } from '../app/context.tsx';
import { CHINA_TIME_ZONE, formatDateZoned, formatMoney } from '../app/i18n.ts';
import type { Api } from '../app/api.ts';
import { LandedTotals } from '../components/LandedPrice.tsx';
import { PageTitle } from '../components/ui.tsx';
import { OrderTracking } from '../shipping/Timeline.tsx';
import '../messages/crossborder.ts';
import type { OrderView } from './Orders.tsx';

export interface CbecOrder {
  orderId: string;
  groupId: string;
  orderNo: string;
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  refundedFen: number;
  fx: { rate: string; validFrom: string };
  buyer: { name: string; idMasked: string };
  consignee: { name: string; phone: string; address: string };
  lines: { variantId: string; quantity: number; unitPriceFen: number; goodsFen: number }[];
}
/** A customs reason as the API renders it: its code (null for text written before the codes) and its text in the page's language. */
interface Reason {
  code: string | null;
  text: string;
}
export interface CustomsStatus {
  status: string;
  waybillNo?: string;
  sandbox: boolean;
  documents: { type: string; status: string }[];
  receipts: { code: string; passed: boolean; reasons: Reason[] }[];
}
/** A refund of the order, in the currency it went back in (yuan, through Alipay). */
export interface RefundLine {
  id: string;
  providerAmount: number;
  providerCurrency: 'THB' | 'CNY';
  status: 'pending' | 'succeeded' | 'failed';
}
export interface CrossBorderFacts {
  landed: CbecOrder;
  customs: CustomsStatus;
  refunds: RefundLine[];
}

export async function loadCrossBorderFacts(api: Api, orderId: string): Promise<CrossBorderFacts> {
  const [landed, customs, refunds] = await Promise.all([
    api.get<CbecOrder>(`/crossborder/orders/${encodeURIComponent(orderId)}`),
    api.get<CustomsStatus>(`/customs/orders/${encodeURIComponent(orderId)}`),
    api.get<RefundLine[]>(`/orders/${encodeURIComponent(orderId)}/refunds`).catch(() => [] as RefundLine[]),
  ]);
  return { landed, customs, refunds };
}

export function CrossBorderOrderView({ order: o, facts }: { order: OrderView; facts: CrossBorderFacts }) {
  const { t, href, locale, reload } = useApp();
  const { landed, customs, refunds } = facts;
  const when = (iso: string) => formatDateZoned(iso, locale, CHINA_TIME_ZONE);
  const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
  const lineFen = new Map(landed.lines.map((l) => [l.variantId, l]));
  // Customs hears of the order once it is paid: until then "awaiting payment", then "preparing", never a stale "awaiting payment".
  const customsStatus =
    customs.status === 'not_declared' && o.status !== 'pending_payment' && o.status !== 'cancelled'
      ? 'preparing'
      : customs.status;
  // Customs answers asynchronously: while declared (or paid and about to be), look again every few seconds.
  useEffect(() => {
    if (customs.status !== 'declared' && !(customs.status === 'not_declared' && o.status === 'paid')) return;
    const timer = setTimeout(() => void reload(), 3000);
    return () => clearTimeout(timer);
  }, [customs.status, o.status]);
  return (
    <>
      <PageTitle>{t('cn.orderTitle', { no: landed.orderNo })}</PageTitle>
      <p>
        <span className={`status status-${o.status}`}>{t(`status.${o.status}`)}</span>{' '}
        <span className="muted">
          {t('orders.placed')} <time dateTime={o.createdAt}>{when(o.createdAt)}</time>
        </span>
      </p>
      {o.status === 'pending_payment' ? (
        <p className="note">
          {t('orders.payBy', { date: when(o.paymentDueAt) })}{' '}
          <a className="button primary" href={href(`/pay/${o.groupId}`)}>
            {t('cn.pay')}
          </a>
        </p>
      ) : null}
      {o.paidAt ? (
        <p>
          {t('orders.paidAt')} <time dateTime={o.paidAt}>{when(o.paidAt)}</time>
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('cart.item')}</th>
            <th scope="col">{t('product.quantity')}</th>
            <th scope="col">{t('cn.goods')}</th>
          </tr>
        </thead>
        <tbody>
          {o.lines.map((l) => (
            <tr key={l.variantId}>
              <td>
                <a href={href(`/p/${l.productId}`)}>{l.title}</a>
                {l.optionValues.length ? <span className="muted"> · {l.optionValues.join(' / ')}</span> : null}
              </td>
              <td>{l.quantity}</td>
              <td>{lineFen.has(l.variantId) ? cny(lineFen.get(l.variantId)!.goodsFen) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LandedTotals q={landed} />
      {refunds.length ? (
        <ul className="refunds">
          {refunds.map((r) => (
            <li key={r.id} data-testid="refund">
              {t('cn.refundLine', {
                amount: formatMoney(r.providerAmount, locale, r.providerCurrency),
                status: t(`cn.refund.${r.status}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="hint">
        {t('cn.rate', { rate: landed.fx.rate, date: formatDateZoned(landed.fx.validFrom, locale, CHINA_TIME_ZONE) })}
      </p>
      <h2>{t('cn.buyer')}</h2>
      <p>
        {landed.buyer.name} · {landed.buyer.idMasked}
      </p>
      <h2>{t('orders.shipTo')}</h2>
      <address lang="zh-Hans">
        {landed.consignee.name} · {landed.consignee.phone}
        <br />
        {landed.consignee.address}
      </address>
      <section aria-labelledby="customs">
        <h2 id="customs">{t('cn.customs')}</h2>
        {customs.sandbox ? <p className="sandbox-badge">{t('cn.customsSandbox')}</p> : null}
        <p className={`status status-${customs.status}`} data-testid="customs-status">
          <strong>{t(`cn.status.${customsStatus}`)}</strong>
        </p>
        {customs.waybillNo ? (
          <p>
            {t('cn.waybill')}: <code>{customs.waybillNo}</code>
          </p>
        ) : null}
        <ul>
          {customs.documents.map((d) => (
            <li key={d.type}>
              {t(`cn.doc.${d.type}`)}: {t(`cn.docStatus.${d.status}`)}
            </li>
          ))}
        </ul>
        {customs.receipts
          .filter((r) => !r.passed)
          .map((r, i) => (
            <p key={`${r.code}-${i}`} className="error">
              {t('cn.customsSaid')}: {r.reasons.map((x) => x.text).join('; ')}
            </p>
          ))}
        <button type="button" onClick={() => void reload()}>
          {t('cn.refresh')}
        </button>
      </section>
      {o.status === 'shipped' || o.status === 'delivered' || o.status === 'processing' ? (
        <OrderTracking
          orderId={o.id}
          timeZone={CHINA_TIME_ZONE}
          onDelivered={o.status === 'delivered' ? undefined : () => void reload()}
        />
      ) : null}
    </>
  );
}
