// Commission and tax rates as data with validity dates: a posting uses the rate valid when the
// order was paid. A seller's own commission rate wins over the operator's default.
import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Executor } from '../../platform/db.ts';
import { commissionRates, taxRates } from './schema.ts';

const validAt = (from: any, to: any, at: Date) => and(lte(from, at), or(isNull(to), gt(to, at)));

export async function commissionRateAt(db: Executor, sellerId: string, at: Date): Promise<number> {
  const rows = await db
    .select()
    .from(commissionRates)
    .where(
      and(
        or(eq(commissionRates.sellerId, sellerId), isNull(commissionRates.sellerId)),
        validAt(commissionRates.validFrom, commissionRates.validTo, at),
      ),
    )
    .orderBy(sql`${commissionRates.sellerId} is null`, desc(commissionRates.validFrom))
    .limit(1);
  if (!rows[0]) throw new AppError(500, 'internal_error', { reason: 'no commission rate in force' });
  return rows[0].rateBp;
}

export async function taxRateAt(db: Executor, tax: string, at: Date): Promise<number> {
  const [row] = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.tax, tax), validAt(taxRates.validFrom, taxRates.validTo, at)))
    .orderBy(desc(taxRates.validFrom))
    .limit(1);
  if (!row) throw new AppError(500, 'internal_error', { reason: `no ${tax} rate in force` });
  return row.rateBp;
}

/**
 * An operator sets a commission rate (for one seller, or the default when sellerId is null) from a
 * moment on: the rate in force until then is closed at that moment, so periods never overlap.
 */
export async function setCommissionRate(
  db: Executor,
  actor: Actor,
  input: { sellerId: string | null; rateBp: number; validFrom?: string },
) {
  if (!(actor.kind === 'user' && actor.isOperator)) throw forbidden();
  const from = input.validFrom ? new Date(input.validFrom) : new Date();
  return db.transaction(async (tx) => {
    const same = input.sellerId ? eq(commissionRates.sellerId, input.sellerId) : isNull(commissionRates.sellerId);
    await tx
      .update(commissionRates)
      .set({ validTo: from })
      .where(
        and(
          same,
          or(isNull(commissionRates.validTo), gt(commissionRates.validTo, from)),
          lte(commissionRates.validFrom, from),
        ),
      );
    const [row] = await tx
      .insert(commissionRates)
      .values({ id: newId(), sellerId: input.sellerId, rateBp: input.rateBp, validFrom: from, createdBy: actor.userId })
      .returning();
    return {
      id: row.id,
      sellerId: row.sellerId,
      rateBp: row.rateBp,
      validFrom: row.validFrom.toISOString(),
      validTo: null,
    };
  });
}

export async function listCommissionRates(db: Executor, actor: Actor) {
  if (!(actor.kind === 'user' && actor.isOperator)) throw forbidden();
  const rows = await db.select().from(commissionRates).orderBy(desc(commissionRates.validFrom)).limit(200);
  return rows.map((r) => ({
    id: r.id,
    sellerId: r.sellerId,
    rateBp: r.rateBp,
    validFrom: r.validFrom.toISOString(),
    validTo: r.validTo ? r.validTo.toISOString() : null,
  }));
}
