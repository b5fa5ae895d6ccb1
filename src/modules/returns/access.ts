// Who a caller is to a return: its buyer, its shop (members and the shop's API token) or an
// operator. Anyone else gets the same 404 as for a return that does not exist (ids cannot be probed).
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../platform/errors.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { returnRequests } from './schema.ts';

export type ReturnRow = typeof returnRequests.$inferSelect;
export type ReturnRole = 'buyer' | 'shop' | 'operator';

export async function roleOnReturn(db: Executor, actor: Actor, r: ReturnRow): Promise<ReturnRole | null> {
  if (actor.kind === 'system') return 'operator';
  if (actor.kind === 'user' && actor.userId === r.buyerUserId) return 'buyer';
  if (actor.kind === 'user' && actor.isOperator) return 'operator';
  if (actor.kind === 'guest') return null;
  const member = await requireSellerAccess(db, actor, r.sellerId, { membersOnly: true }).then(
    () => true,
    () => false,
  );
  return member ? 'shop' : null;
}

/** The return (locked for update with `lock`) and the caller's role, which must be one of `roles`. */
export async function requireReturn(
  db: Executor,
  actor: Actor,
  id: string,
  roles: ReturnRole[],
  lock = false,
): Promise<{ row: ReturnRow; role: ReturnRole }> {
  if (actor.kind === 'guest') throw unauthenticated();
  const q = db.select().from(returnRequests).where(eq(returnRequests.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('return');
  const role = await roleOnReturn(db, actor, row);
  if (!role) throw notFound('return');
  if (!roles.includes(role)) throw forbidden();
  return { row, role };
}

/** The step needs the return in one of these statuses; else 409 with the status in words. */
export function requireStatus(row: ReturnRow, statuses: string[]): void {
  if (!statuses.includes(row.status)) throw new AppError(409, 'return_state_changed', { status: row.status });
}

export { actorLabel } from '../../platform/actor.ts';
