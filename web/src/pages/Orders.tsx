// The buyer's orders: the list (with the thank-you note right after checkout) and one order.
import '../messages/crossborder.ts';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney, provinceName } from '../app/i18n.ts';
import { query } from '../app/api.ts';
import type { PageModule } from '../app/router.ts';
import type { Page } from '../app/shapes.ts';
import { Pager } from '../components/Pager.tsx';
import { Empty, PageTitle, Price } from '../components/ui.tsx';
import '../messages/account.ts';
import '../messages/returns.ts';
import '../messages/reviews.ts';
import { DeliveryProofCard } from '../shipping/DeliveryProof.tsx';
import { OrderTracking } from '../shipping/Timeline.tsx';
import { CrossBorderOrderView, loadCrossBorderFacts, type CrossBorderFacts } from './CrossBorderOrder.tsx';

export interface OrderView {
  id: string;
  number: string;
  groupId: string;
  sellerId: string;
  status: string;
  currency: string;
  subtotalSatang: number;
  shippingSatang: number;
  totalSatang: number;
  shippingAddress: {
    name: string;
    phone: string;
    houseNumber: string;
    moo?: string;
    village?: string;
    soi?: string;
    road?: string;
    subdistrict: string;
    district: string;
    provinceCode: string;
    postcode: string;
    country?: 'CN';
    districtCode?: string;
    fullAddress?: string;
  };
  paymentDueAt: string;
  paidAt: string | null;
  trackingNumber: string | null;
  createdAt: string;
  /** Who ships it: a hub or the shop. */
  fulfilment?: 'hub' | 'shop';
  /** What the viewer may do next, as the API will accept it. */
  actions?: string[];
  shopName?: string;
  lines: {
    variantId: string;
    productId: string;
    sku: string;
    title: string;
    optionValues: string[];
    unitPriceSatang: number;
    quantity: number;
    lineTotalSatang: number;
  }[];
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useApp();
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}

export function OrderLines({ order }: { order: OrderView }) {
  const { t, href } = useApp();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('cart.item')}</th>
          <th scope="col">{t('product.quantity')}</th>
          <th scope="col">{t('orders.unitPrice')}</th>
          <th scope="col">{t('orders.lineTotal')}</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((l) => (
          <tr key={l.variantId}>
            <td>
              <a href={href(`/p/${l.productId}`)}>{l.title}</a>
              {l.optionValues.length ? <span className="muted"> · {l.optionValues.join(' / ')}</span> : null}
            </td>
            <td>{l.quantity}</td>
            <td>
              <Price satang={l.unitPriceSatang} />
            </td>
            <td>
              <Price satang={l.lineTotalSatang} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A cross-border order's landed amounts in yuan: what its buyer paid (the orders API keeps baht only). */
interface LandedSummary {
  orderId: string;
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  refundedFen: number;
}
const isCrossBorder = (o: OrderView) => o.shippingAddress.country === 'CN';

export const ordersPage: PageModule<Page<OrderView> & { landed: Record<string, LandedSummary> }> = {
  access: 'user',
  load: async ({ api, query: q }) => {
    const page = await api.get<Page<OrderView>>(`/orders${query({ page: q.get('page'), perPage: 20 })}`);
    const ids = page.items.filter(isCrossBorder).map((o) => `orderIds=${o.id}`);
    const landed = ids.length
      ? (await api.get<{ items: LandedSummary[] }>(`/crossborder/orders?${ids.join('&')}`)).items
      : [];
    return { ...page, landed: Object.fromEntries(landed.map((l) => [l.orderId, l])) };
  },
  head: (_d, { t }) => ({ title: t('orders.title'), noindex: true }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    const cny = (fen: number) => formatMoney(fen, locale, 'CNY');
    return (
      <>
        <PageTitle>{t('orders.title')}</PageTitle>
        <p>
          <a href={href('/returns')}>{t('returns.mine')}</a>
        </p>
        {data.items.length ? (
          <ul className="orders">
            {data.items.map((o) => (
              <li key={o.id} className="order">
                <h2>
                  <a href={href(`/orders/${o.id}`)}>{o.number}</a>
                </h2>
                <StatusBadge status={o.status} />
                <p className="muted">
                  {t('orders.placed')} {formatDate(o.createdAt, locale)}
                </p>
                <p>{o.lines.map((l) => `${l.title} × ${l.quantity}`).join(', ')}</p>
                {data.landed[o.id] ? (
                  <p data-testid="order-total">
                    {t('cn.total')}: <strong>{cny(data.landed[o.id].totalFen)}</strong>{' '}
                    <span className="muted">({t('cn.taxIncluded', { tax: cny(data.landed[o.id].taxFen) })})</span>
                  </p>
                ) : (
                  <p data-testid="order-total">
                    {t('common.total')}: <Price satang={o.totalSatang} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>
            <p>{t('orders.empty')}</p>
            <a href={href('/products')}>{t('cart.browse')}</a>
          </Empty>
        )}
        <Pager page={data.page} perPage={data.perPage} total={data.total} />
      </>
    );
  },
};

export function AddressBlock({ address }: { address: OrderView['shippingAddress'] }) {
  // A Thai address is written in Thai whatever the page's language: that is what the courier reads.
  const a = address;
  // An address in China (cross-border) is written as it is there, in Chinese, with its GB/T 2260 district code.
  // Its full address already names province, city and county: the GB/T 2260 code is for customs, not for reading.
  if (a.country === 'CN')
    return (
      <address lang="zh-Hans">
        {a.name} · {a.phone}
        <br />
        {a.fullAddress}
      </address>
    );
  const bangkok = a.provinceCode === '10';
  const line = [a.houseNumber, a.moo && `ม.${a.moo}`, a.village, a.soi && `ซ.${a.soi}`, a.road && `ถ.${a.road}`]
    .filter(Boolean)
    .join(' ');
  return (
    <address lang="th">
      {a.name} · {a.phone}
      <br />
      {line}
      <br />
      {bangkok ? `แขวง${a.subdistrict} เขต${a.district}` : `ต.${a.subdistrict} อ.${a.district}`}
      <br />
      {bangkok ? '' : 'จ.'}
      {provinceName(a.provinceCode, 'th')} {a.postcode}
    </address>
  );
}

export const orderPage: PageModule<{ order: OrderView; crossBorder: CrossBorderFacts | null }> = {
  access: 'user',
  load: async ({ api, params }) => {
    const order = await api.get<OrderView>(`/orders/${encodeURIComponent(params.id)}`);
    // A cross-border order is one page: the yuan paid with its tax, customs, tracking, the masked identity.
    return { order, crossBorder: isCrossBorder(order) ? await loadCrossBorderFacts(api, order.id) : null };
  },
  head: ({ order: o, crossBorder }, { t }) => ({
    title: crossBorder ? t('cn.orderTitle', { no: o.number }) : t('orders.detailTitle', { number: o.number }),
    noindex: true,
  }),
  Page({ data }) {
    const { order: o, crossBorder } = data;
    const { t, locale, href, reload } = useApp();
    if (crossBorder) return <CrossBorderOrderView order={o} facts={crossBorder} />;
    return (
      <>
        <PageTitle>{t('orders.detailTitle', { number: o.number })}</PageTitle>
        <p>
          <StatusBadge status={o.status} />{' '}
          <span className="muted">
            {t('orders.placed')} {formatDate(o.createdAt, locale)}
          </span>
        </p>
        {o.status === 'pending_payment' ? (
          <p className="note">
            {t('orders.payBy', { date: formatDate(o.paymentDueAt, locale) })}{' '}
            <a href={href(`/pay/${o.groupId}`)}>{t('pay.payNow')}</a>
          </p>
        ) : null}
        {o.paidAt ? (
          <p>
            {t('orders.paidAt')} {formatDate(o.paidAt, locale)}
          </p>
        ) : null}
        {o.trackingNumber ? (
          <p>
            {t('orders.tracking')}: {o.trackingNumber}
          </p>
        ) : null}
        {o.status === 'shipped' || o.status === 'delivered' || o.status === 'processing' ? (
          <OrderTracking orderId={o.id} onDelivered={o.status === 'delivered' ? undefined : () => void reload()} />
        ) : null}
        {o.status === 'delivered' ? <DeliveryProofCard orderId={o.id} /> : null}
        {o.status === 'delivered' ? (
          <p>
            <a href={href(`/reviews/new/${o.id}`)}>{t('reviews.write')}</a> ·{' '}
            <a href={href(`/returns/new/${o.id}`)}>{t('returns.ask')}</a>
          </p>
        ) : null}
        <OrderLines order={o} />
        <dl className="totals">
          <dt>{t('cart.subtotal')}</dt>
          <dd>
            <Price satang={o.subtotalSatang} />
          </dd>
          <dt>{t('cart.shipping')}</dt>
          <dd>
            <Price satang={o.shippingSatang} />
          </dd>
          <dt className="grand">{t('common.total')}</dt>
          <dd className="grand">
            <Price satang={o.totalSatang} />
          </dd>
        </dl>
        <h2>{t('orders.shipTo')}</h2>
        <AddressBlock address={o.shippingAddress} />
      </>
    );
  },
};

interface OrderGroup {
  id: string;
  totalSatang: number;
  paymentDueAt?: string;
  orders: OrderView[];
}

/** Right after checkout: what was ordered from which shop, the total, and when to pay. */
export const placedPage: PageModule<OrderGroup> = {
  load: ({ api, params }) => api.get<OrderGroup>(`/order-groups/${encodeURIComponent(params.groupId)}`),
  head: (_g, { t }) => ({ title: t('orders.thanks'), noindex: true }),
  Page({ data: g }) {
    const { t, locale, href } = useApp();
    // "Please pay by" only while something is still to pay: after payment it would be a stale screen.
    const unpaid = g.orders.some((o) => o.status === 'pending_payment');
    const due = unpaid ? (g.paymentDueAt ?? g.orders[0]?.paymentDueAt) : undefined;
    return (
      <>
        <div className="notice" role="status">
          <PageTitle>{t('orders.thanks')}</PageTitle>
          {due ? <p>{t('orders.payBy', { date: formatDate(due, locale) })}</p> : null}
          {unpaid ? (
            <p>
              <a className="button primary" href={href(`/pay/${g.id}`)}>
                {t('pay.payNow')}
              </a>
            </p>
          ) : null}
        </div>
        {g.orders.map((o) => (
          <section key={o.id} className="order-block">
            <h2>
              <a href={href(`/orders/${o.id}`)}>{o.number}</a> <StatusBadge status={o.status} />
            </h2>
            <OrderLines order={o} />
          </section>
        ))}
        <p className="grand">
          {t('common.total')}: <Price satang={g.totalSatang} />
        </p>
        <h2>{t('orders.shipTo')}</h2>
        {g.orders[0] ? <AddressBlock address={g.orders[0].shippingAddress} /> : null}
        <p>
          <a href={href('/orders')}>{t('orders.title')}</a>
        </p>
      </>
    );
  },
};
