// Writing, replying to, reporting and moderating reviews. Every change to what counts in a rating
// (a review published, hidden or restored) emits review.rating_changed in its transaction, which
// search hears to re-rank the shop's products (search's rating.ts).
import { and, eq, isNull } from 'drizzle-orm';
import { emit } from '../../events.ts';
import { type Actor, actorLabel } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { orderFacts } from '../orders/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { requireOperator } from './access.ts';
import { reviewModerations, reviewReports, reviews, reviewTranslations } from './schema.ts';

export interface ReviewInput {
  orderId: string;
  lineNo: number;
  rating: number;
  body: string;
  language: Locale;
  /** The buyer's own translation into another language, kept beside the original. */
  translation?: { language: Locale; body: string } | null;
}

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

const ratingChanged = (tx: Executor, r: { id: string; productId: string; sellerId: string }) =>
  emit(tx, {
    topic: 'review.rating_changed',
    aggregateId: r.id,
    payload: { reviewId: r.id, productId: r.productId, sellerId: r.sellerId },
  });

/** The buyer of a delivered order reviews one of its lines, once; a second try (even a concurrent one) is a 409. */
export async function postReview(db: Db, actor: Actor, input: ReviewInput): Promise<{ id: string }> {
  if (actor.kind !== 'user') throw unauthenticated();
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw invalid('rating', 'rating_range');
  if (!LOCALES.includes(input.language)) throw invalid('language', 'invalid');
  const translation = input.translation?.body.trim() ? input.translation : null;
  if (translation && !LOCALES.includes(translation.language)) throw invalid('translation.language', 'invalid');
  if (translation && translation.language === input.language) throw invalid('translation.language', 'same_language');
  const order = await orderFacts(db, input.orderId).catch(() => null);
  if (!order || order.buyerUserId !== actor.userId) throw notFound('order');
  if (order.status !== 'delivered') throw new AppError(409, 'review_order_not_delivered');
  const line = order.lines[input.lineNo];
  if (!line?.productId) throw new AppError(404, 'review_line_not_found');
  const row = { id: newId(), productId: line.productId, sellerId: order.sellerId };
  try {
    await db.transaction(async (tx) => {
      await tx.insert(reviews).values({
        ...row,
        orderId: order.id,
        lineNo: input.lineNo,
        buyerUserId: actor.userId,
        rating: input.rating,
        body: input.body.trim(),
        language: input.language,
      });
      if (translation)
        await tx.insert(reviewTranslations).values({
          reviewId: row.id,
          language: translation.language,
          body: translation.body.trim(),
          translatedBy: 'author',
        });
      await emit(tx, {
        topic: 'review.posted',
        aggregateId: row.id,
        payload: {
          reviewId: row.id,
          orderId: order.id,
          productId: row.productId,
          sellerId: row.sellerId,
          rating: input.rating,
          language: input.language,
        },
      });
      await ratingChanged(tx, row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'review_already_written');
    throw err;
  }
  return { id: row.id };
}

/** The shop replies to a review of its own, once and in public (another shop's review is a 404). */
export async function replyToReview(db: Db, actor: Actor, reviewId: string, reply: string): Promise<void> {
  const [row] = await db.select({ sellerId: reviews.sellerId }).from(reviews).where(eq(reviews.id, reviewId));
  if (!row) throw notFound('review');
  await requireSellerAccess(db, actor, row.sellerId).catch(() => {
    throw notFound('review');
  });
  const text = reply.trim();
  if (!text) throw invalid('text', 'required');
  // Conditional on there being no reply yet: two replies at once give one 204 and one 409.
  const done = await db
    .update(reviews)
    .set({ reply: text, repliedAt: new Date() })
    .where(and(eq(reviews.id, reviewId), isNull(reviews.reply)))
    .returning({ id: reviews.id });
  if (!done.length) throw new AppError(409, 'review_already_replied');
}

export async function reportReview(db: Db, actor: Actor, reviewId: string, reason: string): Promise<void> {
  if (actor.kind !== 'user') throw unauthenticated();
  const [row] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, reviewId));
  if (!row) throw notFound('review');
  await db
    .insert(reviewReports)
    .values({ id: newId(), reviewId, reporterUserId: actor.userId, reason: reason.trim() })
    .onConflictDoNothing();
}

export type ModerationAction = 'hide' | 'restore';

/**
 * The operator hides a review or restores a hidden one, saying why; its open reports are closed
 * either way, and the step is kept in review_moderations. A rating that changes tells search.
 */
export async function moderateReview(
  db: Db,
  actor: Actor,
  reviewId: string,
  input: { action: ModerationAction; reason: string },
): Promise<void> {
  requireOperator(actor);
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', 'required');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).for('update');
    if (!before) throw notFound('review');
    const status = input.action === 'hide' ? 'hidden' : 'published';
    await tx
      .update(reviews)
      .set({ status, moderationReason: reason, moderatedAt: new Date() })
      .where(eq(reviews.id, reviewId));
    await tx.insert(reviewModerations).values({
      id: newId(),
      reviewId,
      action: input.action,
      reason,
      operator: actorLabel(actor),
    });
    await tx
      .update(reviewReports)
      .set({ resolvedAt: new Date() })
      .where(and(eq(reviewReports.reviewId, reviewId), isNull(reviewReports.resolvedAt)));
    if (before.status !== status) await ratingChanged(tx, before);
  });
}
