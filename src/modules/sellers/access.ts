// Who may act for a shop: its members (owner or staff), its API tokens, and platform operators.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError, forbidden, unauthenticated } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db.ts';
import { sellerMembers, sellers } from './schema.ts';

export type SellerRole = 'owner' | 'staff';

/**
 * Throws unless the actor may act for the seller. `ownerOnly` restricts to the owner (and operators).
 * Operators pass unless `membersOnly` is set (a seller's own actions, such as creating products).
 */
export async function requireSellerAccess(
  db: Executor,
  actor: Actor,
  sellerId: string,
  opts: { ownerOnly?: boolean; membersOnly?: boolean } = {},
): Promise<void> {
  if (actor.kind === 'guest') throw unauthenticated();
  if (actor.kind === 'system') return;
  if (actor.kind === 'token') {
    if (actor.sellerId === sellerId && !opts.ownerOnly) return;
    throw forbidden();
  }
  if (actor.isOperator && !opts.membersOnly) return;
  const [member] = await db
    .select({ role: sellerMembers.role })
    .from(sellerMembers)
    .where(and(eq(sellerMembers.sellerId, sellerId), eq(sellerMembers.userId, actor.userId)));
  if (!member || (opts.ownerOnly && member.role !== 'owner')) throw forbidden();
}

/** The ids of the shops an actor acts for: a user's memberships, or a token's one shop. */
export async function sellerIdsOf(db: Executor, actor: Actor): Promise<string[]> {
  if (actor.kind === 'token') return [actor.sellerId];
  if (actor.kind !== 'user') return [];
  const rows = await db
    .select({ sellerId: sellerMembers.sellerId })
    .from(sellerMembers)
    .where(eq(sellerMembers.userId, actor.userId));
  return rows.map((r) => r.sellerId);
}

export async function requireApprovedSeller(db: Executor, sellerId: string): Promise<void> {
  const [row] = await db.select({ status: sellers.status }).from(sellers).where(eq(sellers.id, sellerId));
  if (!row) throw new AppError(404, 'not_found', { what: 'seller' });
  if (row.status !== 'approved') throw new AppError(409, 'seller_not_approved');
}
