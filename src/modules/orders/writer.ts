// The one place orders are written. Every way of buying — the domestic checkout's batches, the
// cross-border checkout, a booked experience or a trade milestone (service orders) — describes its
// order groups as drafts and hands them here, inside its own transaction. One statement per table
// whatever the number of orders (rows travel as one JSON parameter), so a flash sale's batch of 500
// checkouts costs the same round trips as one.
import { sql } from 'drizzle-orm';
import { emit, type EventOf } from '../../events.ts';
import type { Executor } from '../../platform/db.ts';
import { queryRows } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { buyerOf, type CartOwner } from '../cart/index.ts';
import { insertReservations } from '../inventory/index.ts';
import type { OrderDiscount } from './promotions.ts';
import type { ShippingAddress } from './schema.ts';
import { formatOrderNumber } from './views.ts';

type Text = { th: string; zh?: string | null; en?: string | null };

/** Goods (stock reserved, shipped) or a service the shop renders (an experience, a trade milestone). */
export type OrderKind = 'goods' | 'service';

export interface OrderLineDraft {
  /** The catalog's product and variant (goods); null for a service line. */
  productId: string | null;
  variantId: string | null;
  sku: string;
  title: Text;
  optionValues: Text[];
  unitPriceSatang: number;
  /** A campaign price: the catalog price it replaced and the campaign. */
  listUnitPriceSatang?: number | null;
  campaignId?: string | null;
  quantity: number;
  /** What a service line stands for in the module that sold it (e.g. `tourism.booking:<id>`). */
  reference?: string | null;
}

export interface OrderDraft {
  id: string;
  sellerId: string;
  shippingSatang: number;
  shippingAddress: ShippingAddress | null;
  lines: OrderLineDraft[];
  /** Voucher and free-shipping discounts (campaigns' checkout hook), each listed in `discounts`. */
  discountSatang?: number;
  discounts?: OrderDiscount[];
  /** Stock reserved for the order's lines (goods), at the locations the plan chose. */
  reservations: { variantId: string; locationId: string; quantity: number }[];
}

export interface GroupDraft {
  id: string;
  buyer: CartOwner;
  contactPhone: string | null;
  contactEmail: string | null;
  market: 'TH' | 'CN';
  kind: OrderKind;
  paymentDueAt: Date;
  orders: OrderDraft[];
}

export const lineTotal = (l: Pick<OrderLineDraft, 'unitPriceSatang' | 'quantity'>) => l.unitPriceSatang * l.quantity;
export const orderSubtotal = (o: Pick<OrderDraft, 'lines'>) => o.lines.reduce((s, l) => s + lineTotal(l), 0);
export const orderTotal = (o: Pick<OrderDraft, 'lines' | 'shippingSatang' | 'discountSatang'>) =>
  orderSubtotal(o) + o.shippingSatang - (o.discountSatang ?? 0);

/**
 * Order numbers, handed out from blocks drawn from the orders' sequence (the hi/lo pattern): one
 * query per block instead of one per order. Numbers stay unique across processes; a restart leaves
 * a gap, as sequences do anyway.
 */
export interface OrderNumbers {
  /** Draws a new block in the batch's first round trip when fewer than `n` numbers are left. */
  prefetch(tx: Executor, n: number): Promise<void>;
  take(tx: Executor, n: number): Promise<number[]>;
}

export function orderNumberBlocks(blockSize = 1000): OrderNumbers {
  let pool: number[] = [];
  const draw = async (tx: Executor, n: number) => {
    const [row] = await queryRows<{ ns: string[] }>(
      tx,
      sql`
      select array_agg(nextval('orders_number_seq')::text) as ns from generate_series(1, ${Math.max(n, blockSize)}::int)`,
    );
    pool = pool.concat(row.ns.map(Number));
  };
  return {
    async prefetch(tx, n) {
      if (pool.length < n * 4) await draw(tx, n * 4);
    },
    async take(tx, n) {
      if (pool.length < n) await draw(tx, n);
      return pool.splice(0, n);
    },
  };
}

/** For writers without a block allocator of their own (one order at a time). */
export const singleOrderNumbers = orderNumberBlocks(1);

/**
 * Writes the groups, their orders, lines and reservations, and an `order.placed` event per order,
 * in the caller's transaction. Returns each order's number as buyers see it. Stock levels are the
 * caller's: it has planned the reservations against rows it reads (and applies them last).
 */
export async function writeOrders(
  tx: Executor,
  groups: readonly GroupDraft[],
  numbers: OrderNumbers = singleOrderNumbers,
): Promise<Map<string, string>> {
  const drafts = groups.flatMap((g) => g.orders.map((o) => ({ g, o })));
  if (!drafts.length) return new Map();
  const issued = await numbers.take(tx, drafts.length);
  const numberOf = new Map(drafts.map(({ o }, k) => [o.id, formatOrderNumber(issued[k])]));

  const groupRows = groups.map((g) => {
    const subtotal = g.orders.reduce((s, o) => s + orderSubtotal(o), 0);
    const shipping = g.orders.reduce((s, o) => s + o.shippingSatang, 0);
    const discount = g.orders.reduce((s, o) => s + (o.discountSatang ?? 0), 0);
    return {
      id: g.id,
      ...buyerColumns(g.buyer),
      contact_email: g.contactEmail,
      contact_phone: g.contactPhone,
      market: g.market,
      kind: g.kind,
      subtotal_satang: subtotal,
      shipping_satang: shipping,
      discount_satang: discount,
      total_satang: subtotal + shipping - discount,
      payment_due_at: g.paymentDueAt.toISOString(),
    };
  });
  const orderRows = drafts.map(({ g, o }, k) => ({
    id: o.id,
    number: issued[k],
    group_id: g.id,
    seller_id: o.sellerId,
    ...buyerColumns(g.buyer),
    subtotal_satang: orderSubtotal(o),
    shipping_satang: o.shippingSatang,
    discount_satang: o.discountSatang ?? 0,
    discounts: o.discounts ?? [],
    total_satang: orderTotal(o),
    shipping_address: o.shippingAddress,
    payment_due_at: g.paymentDueAt.toISOString(),
  }));
  const lineRows = drafts.flatMap(({ o }) =>
    o.lines.map((l) => ({
      id: newId(),
      order_id: o.id,
      seller_id: o.sellerId,
      product_id: l.productId,
      variant_id: l.variantId,
      sku: l.sku,
      title: l.title,
      option_values: l.optionValues,
      unit_price_satang: l.unitPriceSatang,
      list_unit_price_satang: l.listUnitPriceSatang ?? null,
      campaign_id: l.campaignId ?? null,
      quantity: l.quantity,
      line_total_satang: lineTotal(l),
      reference: l.reference ?? null,
    })),
  );
  const events: EventOf<'order.placed'>[] = drafts.map(({ g, o }) => ({
    topic: 'order.placed',
    aggregateId: o.id,
    payload: {
      orderId: o.id,
      groupId: g.id,
      sellerId: o.sellerId,
      productIds: [...new Set(o.lines.flatMap((l) => (l.productId ? [l.productId] : [])))].sort(),
      totalSatang: orderTotal(o),
      market: g.market,
      kind: g.kind,
    },
  }));
  await Promise.all([
    tx.execute(sql`
      with g as (
        insert into order_groups (id, buyer_user_id, guest_token_hash, contact_email, contact_phone, market, kind,
          subtotal_satang, shipping_satang, discount_satang, total_satang, payment_due_at)
        select id, buyer_user_id, guest_token_hash, contact_email, contact_phone, market, kind,
          subtotal_satang, shipping_satang, discount_satang, total_satang, payment_due_at
        from jsonb_to_recordset(${JSON.stringify(groupRows)}::jsonb) as x(id uuid, buyer_user_id uuid,
          guest_token_hash text, contact_email text, contact_phone text, market text, kind text, subtotal_satang bigint,
          shipping_satang bigint, discount_satang bigint, total_satang bigint, payment_due_at timestamptz)
        returning id
      )
      insert into orders (id, number, group_id, seller_id, buyer_user_id, guest_token_hash, subtotal_satang,
        shipping_satang, discount_satang, discounts, total_satang, shipping_address, payment_due_at)
      select x.id, x.number, x.group_id, x.seller_id, x.buyer_user_id, x.guest_token_hash, x.subtotal_satang,
        x.shipping_satang, x.discount_satang, x.discounts, x.total_satang, x.shipping_address, x.payment_due_at
      from jsonb_to_recordset(${JSON.stringify(orderRows)}::jsonb) as x(id uuid, number bigint, group_id uuid,
        seller_id uuid, buyer_user_id uuid, guest_token_hash text, subtotal_satang bigint, shipping_satang bigint,
        discount_satang bigint, discounts jsonb, total_satang bigint, shipping_address jsonb, payment_due_at timestamptz)
      where exists (select 1 from g where g.id = x.group_id)`),
    tx.execute(sql`
      insert into order_lines (id, order_id, seller_id, product_id, variant_id, sku, title, option_values,
        unit_price_satang, list_unit_price_satang, campaign_id, quantity, line_total_satang, reference)
      select id, order_id, seller_id, product_id, variant_id, sku, title, option_values, unit_price_satang,
        list_unit_price_satang, campaign_id, quantity, line_total_satang, reference
      from jsonb_to_recordset(${JSON.stringify(lineRows)}::jsonb) as x(id uuid, order_id uuid, seller_id uuid,
        product_id uuid, variant_id uuid, sku text, title jsonb, option_values jsonb, unit_price_satang bigint,
        list_unit_price_satang bigint, campaign_id uuid, quantity int, line_total_satang bigint, reference text)`),
    insertReservations(
      tx,
      drafts.flatMap(({ g, o }) =>
        o.reservations.map((r) => ({ ...r, orderId: o.id, sellerId: o.sellerId, expiresAt: g.paymentDueAt })),
      ),
    ),
    emit(tx, events),
  ]);
  return numberOf;
}

const buyerColumns = (owner: CartOwner) => {
  const b = buyerOf(owner);
  return { buyer_user_id: b.buyerUserId, guest_token_hash: b.guestTokenHash };
};
