// Retention (PDPA s. 37(3)): a consent names how long the lender keeps what it was shown. Once the
// consent is withdrawn, or its retention period has run out since the data was shared, the
// lender's copy of the shared profile — the consented features stored with each application — is
// deleted by the `finance retention` job. The decision itself (outcome, score, reasons, versions)
// stays, and the shop's access log says the copy was deleted.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { recordAccess } from './consent.ts';
import { applications, consents } from './schema.ts';

/** Deletes every lender's copy past its consent; returns how many applications were emptied. */
export async function eraseExpiredCopies(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: applications.id, c: consents })
    .from(applications)
    .innerJoin(consents, eq(consents.id, applications.consentId))
    .where(
      and(
        isNull(applications.erasedAt),
        or(
          sql`${consents.withdrawnAt} <= ${now.toISOString()}::timestamptz`,
          sql`${applications.createdAt} + make_interval(days => ${consents.retentionDays}) <= ${now.toISOString()}::timestamptz`,
        ),
      ),
    )
    .limit(1000);
  if (!due.length) return 0;
  const actor = systemActor('finance retention');
  return db.transaction(async (tx) => {
    const erased = await tx
      .update(applications)
      .set({ inputs: sql`${applications.inputs} - 'features'`, erasedAt: now })
      .where(
        and(
          inArray(
            applications.id,
            due.map((d) => d.id),
          ),
          isNull(applications.erasedAt),
        ),
      )
      .returning({ id: applications.id, consentId: applications.consentId });
    const byConsent = new Map(due.map((d) => [d.c.id, d.c]));
    for (const consentId of new Set(erased.map((e) => e.consentId))) {
      const c = byConsent.get(consentId)!;
      await recordAccess(tx, actor, {
        sellerId: c.sellerId,
        lenderId: c.lenderId,
        consentId: c.id,
        purpose: c.purpose,
        dataItems: c.dataItems,
        what: 'erased',
      });
    }
    return erased.length;
  });
}
