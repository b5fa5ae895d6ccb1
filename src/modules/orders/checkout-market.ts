// Checkout for a market abroad (cross-border): a separate, simpler path than the group-committed
// domestic checkout. The caller (crossborder) has priced the cart and checked its rules, and runs
// this in its own transaction; the cart is locked, the stock rows are locked up front, and the units
// come from bonded hub stock only. One checkout, one transaction, no batching: cross-border orders
// are few and each carries customs checks that the flash-sale path must not pay for.
import { sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type CartOwner, clearCarts } from '../cart/index.ts';
import type { VariantForSale } from '../catalog/index.ts';
import { applyReservations, planReservations, readStock } from '../inventory/index.ts';
import { goodsLine } from './checkout.ts';
import { orderGroups, type ShippingAddress } from './schema.ts';
import { type GroupDraft, orderSubtotal, orderTotal, writeOrders } from './writer.ts';
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
  owner: CartOwner,
  input: MarketCheckoutInput,
  config: Config,
): Promise<MarketOrderPlaced> {
  const now = input.now ?? new Date();
  const variantIds = [...new Set(input.lines.map((l) => l.v.variantId))];
  const rows = await readStock(tx, variantIds, { lock: true, bonded: true });
  const plan = planReservations(rows, [input.lines.map((l) => ({ variantId: l.v.variantId, quantity: l.quantity }))]);
  const outcome = plan.outcomes[0];
  if (!outcome.ok) throw new AppError(409, 'out_of_stock_bonded', { variantIds: outcome.soldOut });

  const bySeller = new Map<string, typeof input.lines>();
  for (const l of input.lines) bySeller.set(l.v.sellerId, [...(bySeller.get(l.v.sellerId) ?? []), l]);
  const group: GroupDraft = {
    id: newId(),
    buyer: owner,
    contactPhone: input.contactPhone,
    contactEmail: null,
    market: input.market,
    kind: 'goods',
    paymentDueAt: new Date(now.getTime() + config.reservationTtlMinutes * 60_000),
    orders: [...bySeller].map(([sellerId, lines]) => ({
      id: newId(),
      sellerId,
      shippingSatang: input.shippingSatangBySeller.get(sellerId) ?? 0,
      shippingAddress: input.shippingAddress,
      lines: lines.map((l) => goodsLine(l.v, l.quantity)),
      reservations: outcome.allocations.filter((a) => a.sellerId === sellerId),
    })),
  };
  const numbers = await writeOrders(tx, [group]);
  await Promise.all([applyReservations(tx, plan.changes), clearCarts(tx, [input.cartId])]);
  const orders = group.orders.map((o) => ({
    id: o.id,
    number: numbers.get(o.id)!,
    sellerId: o.sellerId,
    subtotalSatang: orderSubtotal(o),
    shippingSatang: o.shippingSatang,
    totalSatang: orderTotal(o),
    lines: o.lines.map((l) => ({ variantId: l.variantId!, quantity: l.quantity, unitPriceSatang: l.unitPriceSatang })),
  }));
  const sum = (f: (o: (typeof orders)[number]) => number) => orders.reduce((s, o) => s + f(o), 0);
  return {
    groupId: group.id,
    paymentDueAt: group.paymentDueAt.toISOString(),
    subtotalSatang: sum((o) => o.subtotalSatang),
    shippingSatang: sum((o) => o.shippingSatang),
    totalSatang: sum((o) => o.totalSatang),
    orders,
  };
}

/** The market of an order group (TH for a domestic one). */
export async function marketOfGroup(db: Executor, groupId: string): Promise<string | null> {
  const [row] = await db
    .select({ market: orderGroups.market })
    .from(orderGroups)
    .where(sql`${orderGroups.id} = ${groupId}::uuid`);
  return row?.market ?? null;
}
