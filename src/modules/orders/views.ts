// How orders are shown: to their buyer, to their shop, to operators.
import { pickText, type Locale } from '../../platform/i18n.ts';
import type { OrderDiscount } from './promotions.ts';
import type { ShippingAddress } from './schema.ts';
import type { Fulfilment, OrderStatus } from './status.ts';

export { formatOrderNumber } from './facts.ts';
import { formatOrderNumber } from './facts.ts';

export interface OrderLineView {
  variantId: string;
  productId: string;
  sku: string;
  title: string;
  titleText: { th: string; zh?: string | null; en?: string | null };
  optionValues: string[];
  unitPriceSatang: number;
  /** The catalog price a campaign price replaced, and the campaign (null without one). */
  listUnitPriceSatang: number | null;
  campaignId: string | null;
  quantity: number;
  lineTotalSatang: number;
  /** What a service line stands for in the module that sold it (`tourism.booking:<id>`); null for goods. */
  reference: string | null;
}

export interface OrderView {
  id: string;
  number: string;
  groupId: string;
  sellerId: string;
  status: OrderStatus;
  currency: string;
  subtotalSatang: number;
  shippingSatang: number;
  discountSatang: number;
  discounts: OrderDiscount[];
  totalSatang: number;
  shippingAddress: ShippingAddress | null;
  paymentDueAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  trackingNumber: string | null;
  createdAt: string;
  /** Who ships it: a hub (units held there) or the shop. */
  fulfilment: Fulfilment;
  /** What the viewer may do next (status names; for a shop, "delivered" means sending a proof). */
  actions: OrderStatus[];
  lines: OrderLineView[];
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toOrderView(
  o: any,
  lines: any[],
  locale: Locale,
  next: { fulfilment: Fulfilment; actions: OrderStatus[] },
): OrderView {
  return {
    ...next,
    id: o.id,
    number: formatOrderNumber(Number(o.number)),
    groupId: o.groupId,
    sellerId: o.sellerId,
    status: o.status,
    currency: o.currency,
    subtotalSatang: Number(o.subtotalSatang),
    shippingSatang: Number(o.shippingSatang),
    discountSatang: Number(o.discountSatang ?? 0),
    discounts: o.discounts ?? [],
    totalSatang: Number(o.totalSatang),
    shippingAddress: o.shippingAddress,
    paymentDueAt: iso(o.paymentDueAt)!,
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    deliveredAt: iso(o.deliveredAt),
    cancelledAt: iso(o.cancelledAt),
    cancelReason: o.cancelReason,
    trackingNumber: o.trackingNumber,
    createdAt: iso(o.createdAt)!,
    lines: lines.map((l) => ({
      variantId: l.variantId,
      productId: l.productId,
      sku: l.sku,
      title: pickText(l.title, locale),
      titleText: l.title,
      optionValues: (l.optionValues ?? []).map((v: any) => pickText(v, locale)),
      unitPriceSatang: Number(l.unitPriceSatang),
      listUnitPriceSatang:
        l.listUnitPriceSatang === null || l.listUnitPriceSatang === undefined ? null : Number(l.listUnitPriceSatang),
      campaignId: l.campaignId ?? null,
      quantity: l.quantity,
      lineTotalSatang: Number(l.lineTotalSatang),
      reference: l.reference ?? null,
    })),
  };
}
