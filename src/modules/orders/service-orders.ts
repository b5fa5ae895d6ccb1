// Service orders: what a later module sells that is not goods from stock — a booked experience, a
// trade milestone (a deposit, a balance). The selling module keeps its own record (the booking, the
// trade order) and names it in the line's `reference`; the order is paid, booked in the ledger,
// documented and paid out like any other, and the selling module hears `order.paid` and
// `order.cancelled` through the outbox. A service ships nothing: it is completed when rendered.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CartOwner } from '../cart/index.ts';
import { orderGroups, orders } from './schema.ts';
import { applyTransition } from './service.ts';
import { orderTotal, writeOrders } from './writer.ts';

type Text = { th: string; zh?: string | null; en?: string | null };

export interface ServiceOrderInput {
  buyer: CartOwner;
  sellerId: string;
  contactPhone?: string | null;
  contactEmail?: string | null;
  /** When the hold lapses: unpaid, the order is cancelled by the sweeper (and the seller module hears it). */
  paymentDueAt: Date;
  lines: { reference: string; sku: string; title: Text; detail?: Text[]; unitPriceSatang: number; quantity: number }[];
}

export interface ServiceOrderPlaced {
  groupId: string;
  orderId: string;
  number: string;
  totalSatang: number;
  paymentDueAt: string;
}

/** Places a service order (one order in its own group, in THB) in the caller's transaction. */
export async function placeServiceOrder(
  tx: Executor,
  actor: Actor,
  input: ServiceOrderInput,
): Promise<ServiceOrderPlaced> {
  if (actor.kind !== 'system') throw forbidden(); // the selling module places it for its buyer
  if (!input.lines.length) throw new AppError(422, 'cart_empty');
  for (const l of input.lines) {
    if (
      !Number.isSafeInteger(l.unitPriceSatang) ||
      l.unitPriceSatang < 0 ||
      !Number.isSafeInteger(l.quantity) ||
      l.quantity < 1
    )
      throw new AppError(422, 'validation_failed', {}, [{ field: 'lines', code: 'invalid' }]);
  }
  const order = {
    id: newId(),
    sellerId: input.sellerId,
    shippingSatang: 0,
    shippingAddress: null,
    reservations: [],
    lines: input.lines.map((l) => ({
      productId: null,
      variantId: null,
      sku: l.sku,
      title: l.title,
      optionValues: l.detail ?? [],
      unitPriceSatang: l.unitPriceSatang,
      quantity: l.quantity,
      reference: l.reference,
    })),
  };
  const group = {
    id: newId(),
    buyer: input.buyer,
    contactPhone: input.contactPhone ?? null,
    contactEmail: input.contactEmail ?? null,
    market: 'TH' as const,
    kind: 'service' as const,
    paymentDueAt: input.paymentDueAt,
    orders: [order],
  };
  const numbers = await writeOrders(tx, [group]);
  return {
    groupId: group.id,
    orderId: order.id,
    number: numbers.get(order.id)!,
    totalSatang: orderTotal(order),
    paymentDueAt: input.paymentDueAt.toISOString(),
  };
}

/**
 * The service was rendered (the experience took place, the milestone was met): a paid service order
 * becomes delivered, which starts the shop's payout hold. Only the selling module (a system actor)
 * calls this; a repeated call changes nothing.
 */
export async function completeServiceOrder(tx: Executor, actor: Actor, orderId: string): Promise<void> {
  if (actor.kind !== 'system') throw forbidden();
  const [row] = await tx
    .select({ o: orders, kind: orderGroups.kind })
    .from(orders)
    .innerJoin(orderGroups, eq(orderGroups.id, orders.groupId))
    .where(and(eq(orders.id, orderId)))
    .for('update', { of: orders });
  if (!row) throw new AppError(404, 'not_found', { what: 'order' });
  if (row.kind !== 'service') throw new AppError(409, 'order_not_service');
  if (row.o.status === 'delivered') return;
  if (row.o.status !== 'paid' && row.o.status !== 'processing')
    throw new AppError(409, 'invalid_transition', { from: row.o.status, to: 'delivered' });
  await applyTransition(tx, [row.o], 'delivered', actor);
}
