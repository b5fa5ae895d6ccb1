// Orders: who may see them, and the only way their state changes.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { actorId } from '../../platform/actor.ts';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emit, ORDER_STATUS_TOPIC } from '../../events.ts';
import { type Hooks, hookPoint, noHooks } from '../../platform/module.ts';
import { pickText, type Locale } from '../../platform/i18n.ts';
import { anyUuid, type Db, type Executor } from '../../platform/db.ts';
import { requireSellerAccess, sellerFacts } from '../sellers/index.ts';
import { isBuyerOf, OrderNotFound, roleOnOrder } from './facts.ts';
import { commitReservations, hubLocations, releaseReservations, reservationsOfOrders } from '../inventory/index.ts';
import { orders, orderLines, orderTransitions, orderGroups } from './schema.ts';
import { canTransition, isEdge, nextActions, type OrderStatus, type Role } from './status.ts';
import { toOrderView, type OrderView } from './views.ts';
import './messages.ts';

type OrderRow = typeof orders.$inferSelect;
/** A status an order can move to (each announced by its own topic). */
export type OrderTarget = keyof typeof ORDER_STATUS_TOPIC;

/** Orders whose units are held at a hub (the hub ships them, not the shop). */
async function hubFulfilled(db: Executor, ids: string[]): Promise<Set<string>> {
  const [hubs, held] = await Promise.all([hubLocations(db), reservationsOfOrders(db, ids)]);
  const hubIds = new Set(hubs.map((h) => h.id));
  return new Set(held.filter((r) => hubIds.has(r.locationId) && r.status !== 'released').map((r) => r.orderId));
}

async function withLines(
  db: Executor,
  rows: OrderRow[],
  locale: Locale,
  role: Role | ((o: OrderRow) => Role),
): Promise<(OrderView & { shopName: string; shopSlug: string })[]> {
  if (!rows.length) return [];
  const [lines, shops, atHub] = await Promise.all([
    db
      .select()
      .from(orderLines)
      .where(
        anyUuid(
          orderLines.orderId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(orderLines.id),
    sellerFacts(db, [...new Set(rows.map((r) => r.sellerId))]),
    hubFulfilled(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((o) => {
    const shop = shops.get(o.sellerId);
    const fulfilment = atHub.has(o.id) ? 'hub' : 'shop';
    const viewer = typeof role === 'function' ? role(o) : role;
    return {
      ...toOrderView(
        o,
        lines.filter((l) => l.orderId === o.id),
        locale,
        { fulfilment, actions: nextActions(o.status, viewer, fulfilment) },
      ),
      shopName: shop ? pickText(shop.shopName, locale) : '',
      shopSlug: shop?.slug ?? '',
    };
  });
}

/** The buyer's own orders: by account when signed in, by guest cookie otherwise. */
function buyerFilter(actor: Actor): SQL | null {
  if (actor.kind === 'user') return eq(orders.buyerUserId, actor.userId);
  if (actor.kind === 'guest' && actor.guestTokenHash) return eq(orders.guestTokenHash, actor.guestTokenHash);
  return null;
}

/** The role an actor plays towards one order; an order they play no role in does not exist for them. */
async function roleFor(db: Executor, actor: Actor, o: OrderRow): Promise<Role> {
  const role = await roleOnOrder(db, actor, o);
  if (role) return role;
  if (actor.kind === 'guest' && !actor.guestTokenHash) throw unauthenticated();
  throw new OrderNotFound();
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

async function pageOf(
  db: Executor,
  where: SQL | undefined,
  locale: Locale,
  page: number,
  perPage: number,
  role: Role,
): Promise<Page<OrderView>> {
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(where);
  return { items: await withLines(db, rows, locale, role), total: n, page, perPage };
}

export async function listBuyerOrders(
  db: Executor,
  actor: Actor,
  locale: Locale,
  page = 1,
  perPage = 20,
): Promise<Page<OrderView>> {
  const mine = buyerFilter(actor);
  if (!mine) return { items: [], total: 0, page, perPage };
  return pageOf(db, mine, locale, page, perPage, 'buyer');
}

export async function listSellerOrders(
  db: Executor,
  actor: Actor,
  sellerId: string,
  locale: Locale,
  opts: { status?: OrderStatus; page?: number; perPage?: number } = {},
): Promise<Page<OrderView>> {
  await requireSellerAccess(db, actor, sellerId);
  const where = and(eq(orders.sellerId, sellerId), opts.status ? eq(orders.status, opts.status) : undefined);
  return pageOf(db, where, locale, opts.page ?? 1, opts.perPage ?? 20, 'seller');
}

export async function listAllOrders(
  db: Executor,
  actor: Actor,
  locale: Locale,
  opts: { status?: OrderStatus; sellerId?: string; page?: number; perPage?: number } = {},
): Promise<Page<OrderView>> {
  if (actor.kind !== 'user' || !actor.isOperator) throw forbidden();
  const where = and(
    opts.status ? eq(orders.status, opts.status) : undefined,
    opts.sellerId ? eq(orders.sellerId, opts.sellerId) : undefined,
  );
  return pageOf(db, where, locale, opts.page ?? 1, opts.perPage ?? 20, 'operator');
}

export async function getOrder(db: Executor, actor: Actor, id: string, locale: Locale): Promise<OrderView> {
  const [o] = await db.select().from(orders).where(eq(orders.id, id));
  if (!o) throw notFound('order');
  const role = await roleFor(db, actor, o);
  return (await withLines(db, [o], locale, role))[0];
}

export async function getOrderGroup(db: Executor, actor: Actor, id: string, locale: Locale) {
  const [g] = await db.select().from(orderGroups).where(eq(orderGroups.id, id));
  if (!g) throw notFound('order group');
  const operator = actor.kind === 'user' && actor.isOperator;
  if (!operator && !isBuyerOf(actor, g)) throw notFound('order group');
  const rows = await db.select().from(orders).where(eq(orders.groupId, id)).orderBy(orders.number);
  return {
    id: g.id,
    currency: g.currency,
    market: g.market,
    subtotalSatang: g.subtotalSatang,
    shippingSatang: g.shippingSatang,
    discountSatang: g.discountSatang,
    totalSatang: g.totalSatang,
    paymentDueAt: g.paymentDueAt.toISOString(),
    createdAt: g.createdAt.toISOString(),
    contactPhone: g.contactPhone,
    contactEmail: g.contactEmail,
    orders: await withLines(db, rows, locale, actor.kind === 'user' && actor.isOperator ? 'operator' : 'buyer'),
  };
}

/**
 * Moves orders (already locked, all in status `from`) to `to`, with the stock side effects, a
 * transition row and an outbox event each, in the caller's transaction.
 */
export async function applyTransition(
  tx: Executor,
  rows: OrderRow[],
  to: OrderTarget,
  actor: Actor,
  extra: { reason?: string; trackingNumber?: string; occurredAt?: Date } = {},
): Promise<void> {
  if (!rows.length) return;
  const ids = rows.map((r) => r.id);
  if (to === 'paid') await commitReservations(tx, ids);
  if (to === 'cancelled') await releaseReservations(tx, ids);
  const stamps = { paid: 'paidAt', shipped: 'shippedAt', delivered: 'deliveredAt', cancelled: 'cancelledAt' } as const;
  const stamp = to in stamps ? stamps[to as keyof typeof stamps] : undefined;
  // When it happened: now, or when the carrier says it delivered (its event may arrive later).
  const at = extra.occurredAt ?? new Date();
  await tx
    .update(orders)
    .set({
      status: to,
      updatedAt: sql`now()`,
      ...(stamp ? { [stamp]: extra.occurredAt ?? sql`now()` } : {}),
      ...(to === 'cancelled' ? { cancelReason: extra.reason ?? null } : {}),
      ...(extra.trackingNumber ? { trackingNumber: extra.trackingNumber } : {}),
    })
    .where(anyUuid(orders.id, ids));
  const who = { actorKind: actor.kind === 'system' ? `system:${actor.name}` : actor.kind, actorId: actorId(actor) };
  await tx.insert(orderTransitions).values(
    rows.map((r) => ({
      id: newId(),
      orderId: r.id,
      sellerId: r.sellerId,
      fromStatus: r.status,
      toStatus: to,
      reason: extra.reason ?? null,
      ...who,
    })),
  );
  await emit(
    tx,
    rows.map((r) => ({
      topic: ORDER_STATUS_TOPIC[to] as 'order.paid', // the five status topics share one payload
      aggregateId: r.id,
      payload: {
        orderId: r.id,
        groupId: r.groupId,
        sellerId: r.sellerId,
        from: r.status,
        to,
        totalSatang: r.totalSatang,
        reason: extra.reason ?? null,
        occurredAt: at.toISOString(),
      },
    })),
  );
}

export async function transitionOrder(
  db: Db,
  actor: Actor,
  id: string,
  to: OrderTarget,
  extra: { reason?: string; trackingNumber?: string; carrier?: string } = {},
  hooks: Hooks = noHooks,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [o] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
    if (!o) throw notFound('order');
    const role = await roleFor(tx, actor, o);
    if (o.status === to) {
      // Already there. The same request retried changes nothing; a second "shipped" with another
      // tracking number (or an invalid one) is refused, so the shop knows it was not recorded.
      const same = (a?: string | null) => (a ?? '').replace(/[\s-]/g, '').toUpperCase();
      if (to === 'shipped' && extra.trackingNumber && same(extra.trackingNumber) !== same(o.trackingNumber))
        throw new AppError(409, 'already_shipped', { trackingNumber: o.trackingNumber ?? '' });
      return;
    }
    if (!isEdge(o.status, to)) throw new AppError(409, 'invalid_transition', { from: o.status, to });
    // Delivery needs proof: the carrier's delivery event, or the shop's photo or signature sent to
    // the shipping module (POST /orders/:id/delivery-proof). An operator may still decide it, with
    // the reason on record.
    if (to === 'delivered' && role === 'seller') throw new AppError(409, 'delivery_proof_required');
    if (to === 'delivered' && role === 'operator' && !extra.reason?.trim()) throw invalid('reason', 'required');
    if (!canTransition(o.status, to, role)) throw forbidden();
    // What a hub holds, the hub processes and ships (its staff act as the system).
    if (role === 'seller' && (to === 'processing' || to === 'shipped') && (await hubFulfilled(tx, [o.id])).size)
      throw new AppError(409, 'order_fulfilled_by_hub');
    if (to === 'processing' || to === 'shipped') {
      // A service (an experience, a trade milestone) ships nothing: its seller module completes it.
      const [g] = await tx.select({ kind: orderGroups.kind }).from(orderGroups).where(eq(orderGroups.id, o.groupId));
      if (g?.kind === 'service') throw new AppError(409, 'order_not_shippable', { orderId: o.id });
    }
    // A shop's (or an operator's) "shipped" goes through the shipping module's checks: a valid
    // tracking number of a known carrier, recorded as a shipment with its timeline.
    const shopShipsOrder = hooks.get(shopShipsOrderHook);
    const trackingNumber =
      to === 'shipped' && shopShipsOrder
        ? (await shopShipsOrder(tx, actor, o, extra)).trackingNumber
        : extra.trackingNumber;
    await applyTransition(tx, [o], to, actor, { ...extra, trackingNumber });
  });
}

export type ShopShipsOrder = (
  tx: Executor,
  actor: Actor,
  order: { id: string; sellerId: string; status: OrderStatus },
  input: { carrier?: string; trackingNumber?: string },
) => Promise<{ trackingNumber: string }>;

/** How a shop's (or an operator's) "shipped" is checked: shipping, a later module, provides it. */
export const shopShipsOrderHook = hookPoint<ShopShipsOrder>('orders.shopShipsOrder');

/**
 * A carrier has the parcel (shipped) or has delivered it: only the shipping module calls this, as a
 * system actor, in its own transaction. A paid order goes through processing on the way to shipped;
 * an order already there (or further) is left as it is, so a repeated carrier event changes nothing.
 */
export async function advanceOrderByCarrier(
  tx: Executor,
  actor: Actor,
  orderId: string,
  to: 'shipped' | 'delivered',
  trackingNumber?: string,
  occurredAt?: Date,
): Promise<void> {
  if (actor.kind !== 'system') throw forbidden();
  const [o] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!o) throw notFound('order');
  const done: OrderStatus[] = to === 'shipped' ? ['shipped', 'delivered'] : ['delivered'];
  if (done.includes(o.status)) return;
  let row = o;
  if (to === 'shipped' && row.status === 'paid') {
    await applyTransition(tx, [row], 'processing', actor);
    row = { ...row, status: 'processing' };
  }
  if (!isEdge(row.status, to)) throw new AppError(409, 'invalid_transition', { from: row.status, to });
  await applyTransition(tx, [row], to, actor, { trackingNumber, occurredAt });
}

/**
 * A captured payment pays the group: every pending order becomes paid. Only the payments module
 * (a system actor, on a gateway's verified notification) calls this; an operator's "mark paid"
 * exists only in the payments sandbox, where it pays through the sandbox gateway.
 */
export async function markGroupPaid(db: Db, actor: Actor, groupId: string): Promise<void> {
  if (actor.kind !== 'system') throw new AppError(403, 'mark_paid_sandbox_only');
  await db.transaction(async (tx) => {
    const rows = await tx.select().from(orders).where(eq(orders.groupId, groupId)).orderBy(orders.id).for('update');
    if (!rows.length) throw notFound('order group');
    if (rows.some((r) => r.status === 'cancelled')) throw new AppError(409, 'order_expired');
    await applyTransition(
      tx,
      rows.filter((r) => r.status === 'pending_payment'),
      'paid',
      actor,
    );
  });
}

/** Cancels pending orders whose time to pay has run out, releasing their stock. */
export async function expireUnpaidOrders(db: Db, now = new Date(), limit = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.status, 'pending_payment'), sql`${orders.paymentDueAt} < ${now.toISOString()}::timestamptz`))
      .orderBy(orders.paymentDueAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    await applyTransition(
      tx,
      rows,
      'cancelled',
      { kind: 'system', name: 'reservation-sweeper' },
      { reason: 'payment_timeout' },
    );
    return rows.length;
  });
}
