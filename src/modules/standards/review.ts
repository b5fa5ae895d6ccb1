// The operator's review of certificates against their documents — verified, rejected with a reason,
// revoked, expired — and the daily sweep: marks past their expiry date expire, shops are told 30
// days before, and flagship stores are checked again. Every change of a mark emits
// `standards.mark_changed` in its transaction, so search drops or adds the facet within seconds.
import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { requireOperator } from './access.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { emit } from '../../events.ts';
import { type CertificateView, certificateViews, requireCertificate } from './certificates.ts';
import { bangkokDay, type StandardsRuntime } from './config.ts';
import { recheckFlagship } from './flagship.ts';
import { notifyShop } from './notices.ts';
import { certificates, flagshipApplications } from './schema.ts';

type Status = (typeof certificates.$inferSelect)['status'];
const REASON_MAX = 1000;

export async function reviewQueue(
  db: Executor,
  actor: Actor,
  status: Status | undefined,
  locale: Locale,
): Promise<CertificateView[]> {
  requireOperator(actor);
  const rows = await db
    .select()
    .from(certificates)
    .where(status ? eq(certificates.status, status) : undefined)
    .orderBy(asc(certificates.createdAt))
    .limit(200);
  return certificateViews(db, rows, locale);
}

/** Moves a certificate to a new status, emits the change and checks the shop's flagship store again. */
async function decide(
  db: Executor,
  actor: Actor,
  certificateId: string,
  to: Status,
  from: Status[],
  reason: string | null,
  rt: StandardsRuntime,
): Promise<typeof certificates.$inferSelect> {
  return db.transaction(async (tx) => {
    const current = await requireCertificate(tx, certificateId, true);
    if (current.status === to) return current;
    if (!from.includes(current.status)) throw new AppError(409, 'certificate_wrong_status', { status: current.status });
    if (to === 'verified' && current.expiresOn < bangkokDay()) throw new AppError(409, 'certificate_already_expired');
    const [row] = await tx
      .update(certificates)
      .set({
        status: to,
        reviewReason: reason,
        reviewedBy: actor.kind === 'user' ? actor.userId : null,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(certificates.id, certificateId))
      .returning();
    await markChanged(tx, row, reason);
    if (to !== 'verified' || row.kind === 'trademark' || row.kind === 'trademark_authorisation')
      await recheckFlagship(tx, row.sellerId, rt);
    return row;
  });
}

async function markChanged(tx: Executor, row: typeof certificates.$inferSelect, reason: string | null) {
  await emit(tx, {
    topic: 'standards.mark_changed',
    aggregateId: row.id,
    payload: {
      certificateId: row.id,
      sellerId: row.sellerId,
      productId: row.productId,
      kind: row.kind,
      status: row.status,
      reason,
    },
  });
}

const needReason = (reason: string | undefined) => {
  const r = (reason ?? '').trim();
  if (!r) throw invalid('reason', 'required');
  if (r.length > REASON_MAX) throw invalid('reason', 'too_long', { max: REASON_MAX });
  return r;
};

export async function verifyCertificate(db: Executor, actor: Actor, id: string, rt: StandardsRuntime, locale: Locale) {
  requireOperator(actor);
  const row = await decide(db, actor, id, 'verified', ['pending'], null, rt);
  return (await certificateViews(db, [row], locale))[0];
}

export async function rejectCertificate(
  db: Executor,
  actor: Actor,
  id: string,
  reason: string | undefined,
  rt: StandardsRuntime,
  locale: Locale,
) {
  requireOperator(actor);
  const row = await decide(db, actor, id, 'rejected', ['pending'], needReason(reason), rt);
  return (await certificateViews(db, [row], locale))[0];
}

/** A verified mark found false later (a cancelled licence, a fake): it stops showing at once. */
export async function revokeCertificate(
  db: Executor,
  actor: Actor,
  id: string,
  reason: string | undefined,
  rt: StandardsRuntime,
  locale: Locale,
) {
  requireOperator(actor);
  const row = await decide(db, actor, id, 'revoked', ['verified', 'pending'], needReason(reason), rt);
  return (await certificateViews(db, [row], locale))[0];
}

/** The operator marks a certificate expired (the agency says so before its printed date). */
export async function expireCertificate(db: Executor, actor: Actor, id: string, rt: StandardsRuntime, locale: Locale) {
  requireOperator(actor);
  const row = await decide(db, actor, id, 'expired', ['verified', 'pending'], null, rt);
  return (await certificateViews(db, [row], locale))[0];
}

/**
 * The daily job (run every STANDARDS_SWEEP_MINUTES; each step is done once however often it runs):
 * certificates past their expiry date (Bangkok) expire and their shops are told; verified ones
 * expiring within 30 days are announced to their shops once; every flagship store is checked again.
 * Returns how many certificates changed or were announced.
 */
export async function sweepCertificates(db: Executor, rt: StandardsRuntime, now = new Date()): Promise<number> {
  const today = bangkokDay(now);
  const soon = bangkokDay(now, rt.expiryNoticeDays);
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(certificates)
      .set({ status: 'expired', reviewReason: 'expiry_date_passed', updatedAt: now })
      .where(and(inArray(certificates.status, ['verified', 'pending']), lt(certificates.expiresOn, today)))
      .returning();
    for (const row of expired) {
      await markChanged(tx, row, 'expiry_date_passed');
      await notifyShop(
        tx,
        row.sellerId,
        'certificate_expired',
        { number: row.number, expiresOn: row.expiresOn },
        `expired:${row.id}`,
      );
    }
    const expiring = await tx
      .update(certificates)
      .set({ expiryNoticeAt: now })
      .where(
        and(
          eq(certificates.status, 'verified'),
          isNull(certificates.expiryNoticeAt),
          lte(certificates.expiresOn, soon),
          sql`${certificates.expiresOn} >= ${today}::date`,
        ),
      )
      .returning();
    for (const row of expiring)
      await notifyShop(
        tx,
        row.sellerId,
        'certificate_expiring',
        { number: row.number, expiresOn: row.expiresOn },
        `expiring:${row.id}:${row.expiresOn}`,
      );
    const flagships = await recheckAllFlagships(tx, rt);
    return expired.length + expiring.length + flagships;
  });
}

async function recheckAllFlagships(tx: Executor, rt: StandardsRuntime): Promise<number> {
  const rows = await tx
    .select({ sellerId: flagshipApplications.sellerId })
    .from(flagshipApplications)
    .where(inArray(flagshipApplications.status, ['approved', 'lapsed']));
  let changed = 0;
  for (const r of rows) if (await recheckFlagship(tx, r.sellerId, rt)) changed++;
  return changed;
}
