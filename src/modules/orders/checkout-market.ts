// Checkout for a market abroad (cross-border): a separate, simpler path than the group-committed
// domestic checkout. The caller (crossborder) has priced the cart and checked its rules, and runs
// this in its own transaction; the cart is locked, the stock rows are locked up front, and the units
// come from bonded hub stock only. One checkout, one transaction, no batching: cross-border orders
// are few and each carries customs checks that the flash-sale path must not pay for.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import type { Executor } from '../../platform/db.ts';
import type { Config } from '../../platform/config.ts';
import type { VariantForSale } from '../catalog/index.ts';
import { readStock, planReservations, applyReservations, insertReservations } from '../inventory/index.ts';
import { clearCarts } from '../cart/index.ts';
import { orderGroups, orders, orderLines } from './schema.ts';
import type { ShippingAddress } from './schema.ts';
import { formatOrderNumber } from './views.ts';
import './messages.ts';

export interface MarketCheckoutInput {
  market: 'CN';
  cartId: string;
  lines: { v: VariantForSale; quantity: number }[];
  /** International shipping per shop, in satang. */
  shippingSatangBySeller: Map<string, number>;
  shippingAddress: ShippingAddress;
  contactPhone: string;
  now?: Date;
}

export interface MarketOrderPlaced {
  groupId: string;
  paymentDueAt: string;
  subtotalSatang: number;
  shippingSatang: number;
  totalSatang: number;
  orders: {
    id: string;
    number: string;
    sellerId: string;
    subtotalSatang: number;
    shippingSatang: number;
    totalSatang: number;
    lines: { variantId: string; quantity: number; unitPriceSatang: number }[];
  }[];
}

/** Places the orders of a market abroad in the caller's transaction; the cart is the caller's to lock. */
export async function placeMarketOrders(
  tx: Executor,
  actor: Actor,
  ownerKey: string,
  input: MarketCheckoutInput,
  config: Config,
): Promise<MarketOrderPlaced> {
  const now = input.now ?? new Date();
  const variantIds = [...new Set(input.lines.map((l) => l.v.variantId))];
  const rows = await readStock(tx, variantIds, { lock: true, bonded: true });
  const plan = planReservations(rows, [input.lines.map((l) => ({ variantId: l.v.variantId, quantity: l.quantity }))]);
  const outcome = plan.outcomes[0];
  if (!outcome.ok) throw new AppError(409, 'out_of_stock_bonded', { variantIds: outcome.soldOut });

  const groupId = newId();
  const paymentDue = new Date(now.getTime() + config.reservationTtlMinutes * 60_000);
  const buyerUserId = actor.kind === 'user' ? actor.userId : null;
  const guestHash = ownerKey.startsWith('g:') ? ownerKey.slice(2) : null;
  const bySeller = new Map<string, typeof input.lines>();
  for (const l of input.lines) bySeller.set(l.v.sellerId, [...(bySeller.get(l.v.sellerId) ?? []), l]);
  const placed: MarketOrderPlaced = {
    groupId,
    paymentDueAt: paymentDue.toISOString(),
    subtotalSatang: 0,
    shippingSatang: 0,
    totalSatang: 0,
    orders: [],
  };
  const orderRows: (typeof orders.$inferInsert)[] = [];
  const lineRows: (typeof orderLines.$inferInsert)[] = [];
  const reservations: {
    orderId: string;
    sellerId: string;
    variantId: string;
    locationId: string;
    quantity: number;
    expiresAt: Date;
  }[] = [];
  for (const [sellerId, lines] of bySeller) {
    const id = newId();
    const subtotal = lines.reduce((s, l) => s + l.v.priceSatang * l.quantity, 0);
    const shipping = input.shippingSatangBySeller.get(sellerId) ?? 0;
    orderRows.push({
      id,
      groupId,
      sellerId,
      buyerUserId,
      guestTokenHash: guestHash,
      subtotalSatang: subtotal,
      shippingSatang: shipping,
      totalSatang: subtotal + shipping,
      shippingAddress: input.shippingAddress,
      paymentDueAt: paymentDue,
    });
    for (const l of lines) {
      lineRows.push({
        id: newId(),
        orderId: id,
        sellerId,
        productId: l.v.productId,
        variantId: l.v.variantId,
        sku: l.v.sku,
        title: l.v.title,
        optionValues: l.v.optionValues as any,
        unitPriceSatang: l.v.priceSatang,
        quantity: l.quantity,
        lineTotalSatang: l.v.priceSatang * l.quantity,
      });
    }
    for (const a of outcome.allocations.filter((a) => a.sellerId === sellerId))
      reservations.push({
        orderId: id,
        sellerId,
        variantId: a.variantId,
        locationId: a.locationId,
        quantity: a.quantity,
        expiresAt: paymentDue,
      });
    placed.orders.push({
      id,
      number: '',
      sellerId,
      subtotalSatang: subtotal,
      shippingSatang: shipping,
      totalSatang: subtotal + shipping,
      lines: lines.map((l) => ({ variantId: l.v.variantId, quantity: l.quantity, unitPriceSatang: l.v.priceSatang })),
    });
    placed.subtotalSatang += subtotal;
    placed.shippingSatang += shipping;
    placed.totalSatang += subtotal + shipping;
  }
  await tx.insert(orderGroups).values({
    id: groupId,
    buyerUserId,
    guestTokenHash: guestHash,
    contactPhone: input.contactPhone,
    market: input.market,
    subtotalSatang: placed.subtotalSatang,
    shippingSatang: placed.shippingSatang,
    totalSatang: placed.totalSatang,
    paymentDueAt: paymentDue,
  });
  const inserted = await tx.insert(orders).values(orderRows).returning({ id: orders.id, number: orders.number });
  for (const o of placed.orders) o.number = formatOrderNumber(inserted.find((r) => r.id === o.id)!.number);
  await tx.insert(orderLines).values(lineRows);
  await insertReservations(tx, reservations);
  await applyReservations(tx, plan.changes);
  await emit(
    tx,
    placed.orders.map((o) => ({
      topic: 'order.placed',
      aggregateId: o.id,
      payload: {
        orderId: o.id,
        groupId,
        sellerId: o.sellerId,
        productIds: [...new Set(input.lines.filter((l) => l.v.sellerId === o.sellerId).map((l) => l.v.productId))],
        totalSatang: o.totalSatang,
        market: input.market,
      },
    })),
  );
  await clearCarts(tx, [input.cartId]);
  return placed;
}

/** The market of an order group (TH for a domestic one). */
export async function marketOfGroup(db: Executor, groupId: string): Promise<string | null> {
  const [row] = await db
    .select({ market: orderGroups.market })
    .from(orderGroups)
    .where(sql`${orderGroups.id} = ${groupId}::uuid`);
  return row?.market ?? null;
}
