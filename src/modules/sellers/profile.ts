// Reading a shop: the full record for its members, its API tokens and operators; the public
// storefront card for approved shops only.
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { requireSellerAccess } from './access.ts';
import { sellers } from './schema.ts';
import { toSellerView, toShopView, type SellerView, type ShopView } from './views.ts';

export async function getSeller(db: Executor, actor: Actor, sellerId: string): Promise<SellerView> {
  await requireSellerAccess(db, actor, sellerId);
  const [row] = await db.select().from(sellers).where(eq(sellers.id, sellerId));
  if (!row) throw notFound('seller');
  return toSellerView(row);
}

export async function getShopBySlug(db: Executor, slug: string): Promise<ShopView> {
  const [row] = await db
    .select()
    .from(sellers)
    .where(and(eq(sellers.slug, slug), eq(sellers.status, 'approved')));
  if (!row) throw notFound('shop');
  return toShopView(row);
}

/** Public cards of approved shops by id, for other modules' listings (e.g. product pages). */
export async function shopsByIds(db: Executor, ids: string[]): Promise<Map<string, ShopView>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(sellers)
    .where(and(inArray(sellers.id, ids), eq(sellers.status, 'approved')));
  return new Map(rows.map((r) => [r.id, toShopView(r)]));
}

/**
 * The shop's handling time: hours from payment to dispatch that it promises (its own shipping, or
 * the hub's for it). Null goes back to the platform's default (shorter for perishables).
 */
export async function setHandlingHours(
  db: Executor,
  actor: Actor,
  sellerId: string,
  hours: number | null,
): Promise<{ handlingHours: number | null }> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  const [row] = await db
    .update(sellers)
    .set({ handlingHours: hours })
    .where(eq(sellers.id, sellerId))
    .returning({ handlingHours: sellers.handlingHours });
  if (!row) throw notFound('seller');
  return row;
}
