// A shop's return policy: buyers may ask within `windowDays` days of delivery (7 unless the shop says otherwise).
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { returnPolicies } from './schema.ts';

export const DEFAULT_WINDOW_DAYS = 7;
export const MAX_WINDOW_DAYS = 30;

export async function returnPolicy(db: Executor, sellerId: string): Promise<{ sellerId: string; windowDays: number }> {
  const [row] = await db.select().from(returnPolicies).where(eq(returnPolicies.sellerId, sellerId));
  return { sellerId, windowDays: row?.windowDays ?? DEFAULT_WINDOW_DAYS };
}

export async function setReturnPolicy(db: Executor, actor: Actor, sellerId: string, input: { windowDays: number }) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  if (!Number.isInteger(input.windowDays) || input.windowDays < 0 || input.windowDays > MAX_WINDOW_DAYS)
    throw invalid('windowDays', 'too_large', { max: MAX_WINDOW_DAYS });
  await db
    .insert(returnPolicies)
    .values({ sellerId, windowDays: input.windowDays })
    .onConflictDoUpdate({
      target: returnPolicies.sellerId,
      set: { windowDays: input.windowDays, updatedAt: new Date() },
    });
  return returnPolicy(db, sellerId);
}
