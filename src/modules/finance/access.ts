// Who may do what in finance: a shop's members act for it (sellers' requireSellerAccess; consents
// and loans need the owner), lender staff act for their lender only, operators run the platform's
// side (lenders, products, staff, collections) but read no shop's credit data through a lender.
import { and, eq } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, forbidden, unauthenticated } from '../../platform/errors.ts';
import { lenderStaff } from './schema.ts';

export function requireOperator(actor: Actor): void {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
}

/** The actor works for the lender (a 404 otherwise: lenders' ids are not probed). Operators are not lender staff. */
export async function requireLenderStaff(db: Executor, actor: Actor, lenderId: string): Promise<string> {
  if (actor.kind === 'guest') throw unauthenticated();
  if (actor.kind !== 'user') throw new AppError(404, 'not_found', { what: 'lender' });
  const [row] = await db
    .select({ userId: lenderStaff.userId })
    .from(lenderStaff)
    .where(and(eq(lenderStaff.lenderId, lenderId), eq(lenderStaff.userId, actor.userId)));
  if (!row) throw new AppError(404, 'not_found', { what: 'lender' });
  return actor.userId;
}

/** The lenders a user works for. */
export async function lendersOf(db: Executor, actor: Actor): Promise<string[]> {
  if (actor.kind !== 'user') return [];
  const rows = await db
    .select({ lenderId: lenderStaff.lenderId })
    .from(lenderStaff)
    .where(eq(lenderStaff.userId, actor.userId));
  return rows.map((r) => r.lenderId);
}
