// The internal orders API for other modules: the facts of an order (nothing localised), and who the
// caller is to it. The localised view for people is views.ts. Three outcomes stay apart: an order
// that does not exist (OrderNotFound), one the caller may not see (it does not exist for them:
// the same 404, by a deliberate check), and a failure (a database error propagates as itself).
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { anyUuid, type Executor } from '../../platform/db.ts';
import { AppError, forbidden, unauthenticated } from '../../platform/errors.ts';
import { sellerIdsOf } from '../sellers/index.ts';
import { orderGroups, orderLines, orders, type ShippingAddress } from './schema.ts';
import type { OrderStatus, Role } from './status.ts';
import type { OrderDiscount } from './promotions.ts';

type Text = { th: string; zh?: string | null; en?: string | null };

export interface OrderLineFacts {
  productId: string | null;
  variantId: string | null;
  sku: string;
  title: Text;
  optionValues: Text[];
  unitPriceSatang: number;
  quantity: number;
  lineTotalSatang: number;
  reference: string | null;
}

export interface OrderFacts {
  id: string;
  /** As buyers see it (TLD-00000042). */
  number: string;
  groupId: string;
  sellerId: string;
  status: OrderStatus;
  market: string;
  kind: 'goods' | 'service';
  currency: string;
  subtotalSatang: number;
  shippingSatang: number;
  totalSatang: number;
  /** Voucher and free-shipping discounts (total = subtotal + shipping - discount). */
  discounts: OrderDiscount[];
  buyerUserId: string | null;
  guestTokenHash: string | null;
  shippingAddress: ShippingAddress | null;
  paymentDueAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  trackingNumber: string | null;
  createdAt: Date;
  lines: OrderLineFacts[];
}

export class OrderNotFound extends AppError {
  constructor() {
    super(404, 'not_found', { what: 'order' });
  }
}

export const formatOrderNumber = (n: number): string => `TLD-${String(n).padStart(8, '0')}`;

/** The facts of some orders (no access check: for modules acting as the system), by id. */
export async function ordersFacts(db: Executor, ids: string[]): Promise<Map<string, OrderFacts>> {
  if (!ids.length) return new Map();
  const [rows, lines] = await Promise.all([
    db
      .select({ o: orders, market: orderGroups.market, kind: orderGroups.kind })
      .from(orders)
      .innerJoin(orderGroups, eq(orderGroups.id, orders.groupId))
      .where(anyUuid(orders.id, ids)),
    db.select().from(orderLines).where(anyUuid(orderLines.orderId, ids)).orderBy(orderLines.id),
  ]);
  return new Map(
    rows.map(({ o, market, kind }) => [
      o.id,
      {
        ...o,
        number: formatOrderNumber(Number(o.number)),
        market,
        kind,
        lines: lines
          .filter((l) => l.orderId === o.id)
          .map((l) => ({
            productId: l.productId,
            variantId: l.variantId,
            sku: l.sku,
            title: l.title,
            optionValues: l.optionValues,
            unitPriceSatang: l.unitPriceSatang,
            quantity: l.quantity,
            lineTotalSatang: l.lineTotalSatang,
            reference: l.reference,
          })),
      },
    ]),
  );
}

/** The facts of one order, or OrderNotFound. */
export async function orderFacts(db: Executor, id: string): Promise<OrderFacts> {
  const facts = (await ordersFacts(db, [id])).get(id);
  if (!facts) throw new OrderNotFound();
  return facts;
}

/** Whether the actor bought it: by account when signed in, by guest cookie otherwise. */
export function isBuyerOf(actor: Actor, o: { buyerUserId: string | null; guestTokenHash: string | null }): boolean {
  if (actor.kind === 'user' && o.buyerUserId === actor.userId) return true;
  return (
    actor.kind !== 'token' &&
    actor.kind !== 'system' &&
    !!actor.guestTokenHash &&
    o.guestTokenHash === actor.guestTokenHash
  );
}

/** The role the actor plays towards an order, or null when it plays none. */
export async function roleOnOrder(
  db: Executor,
  actor: Actor,
  o: { sellerId: string; buyerUserId: string | null; guestTokenHash: string | null },
): Promise<Role | null> {
  if (actor.kind === 'system') return 'system';
  if (actor.kind === 'user' && actor.isOperator) return 'operator';
  if (isBuyerOf(actor, o)) return 'buyer';
  if (actor.kind === 'token') return actor.sellerId === o.sellerId ? 'seller' : null;
  if (actor.kind === 'user' && (await sellerIdsOf(db, actor)).includes(o.sellerId)) return 'seller';
  return null;
}

/**
 * An order and the caller's role towards it, for the roles given (all by default). An order the
 * caller plays no role in does not exist for them (404, so ids cannot be probed); a role that is
 * not allowed here is forbidden (403); a guest without a cookie is asked to sign in.
 */
export async function requireOrder(
  db: Executor,
  actor: Actor,
  id: string,
  allowed: readonly Role[] = ['buyer', 'seller', 'operator', 'system'],
): Promise<{ order: OrderFacts; role: Role }> {
  const order = await orderFacts(db, id);
  const role = await roleOnOrder(db, actor, order);
  if (!role) {
    if (actor.kind === 'guest' && !actor.guestTokenHash) throw unauthenticated();
    throw new OrderNotFound();
  }
  if (!allowed.includes(role)) throw forbidden();
  return { order, role };
}

/**
 * An order group and its orders, to its buyer or an operator (or the system); to anyone else it
 * does not exist.
 */
export async function requireGroup(db: Executor, actor: Actor, groupId: string) {
  const [group] = await db.select().from(orderGroups).where(eq(orderGroups.id, groupId));
  const mayRead =
    group && (actor.kind === 'system' || (actor.kind === 'user' && actor.isOperator) || isBuyerOf(actor, group));
  if (!mayRead) throw new AppError(404, 'not_found', { what: 'order group' });
  const ids = (await db.select({ id: orders.id }).from(orders).where(eq(orders.groupId, groupId))).map((r) => r.id);
  const facts = await ordersFacts(db, ids);
  return { group, orders: ids.map((id) => facts.get(id)!) };
}

/** Where goods go: the address of an order of goods (a service order has none, and ships nothing). */
export function shippingAddressOf(o: Pick<OrderFacts, 'id' | 'shippingAddress'>): ShippingAddress {
  if (!o.shippingAddress) throw new AppError(409, 'order_not_shippable', { orderId: o.id });
  return o.shippingAddress;
}
