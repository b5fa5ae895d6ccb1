// Writing, replying to, reporting and moderating reviews, and the rating per product and per shop.
import { and, avg, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { orderFacts } from '../orders/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { requireOperator } from './access.ts';
import { reviewReports, reviews } from './schema.ts';

export interface ReviewInput {
  orderId: string;
  lineNo: number;
  rating: number;
  body: string;
  language: Locale;
}

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** The buyer of a delivered order reviews one of its lines, once; a second try (even a concurrent one) is a 409. */
export async function postReview(db: Db, actor: Actor, input: ReviewInput): Promise<{ id: string }> {
  if (actor.kind !== 'user') throw unauthenticated();
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw invalid('rating', 'rating_range');
  if (!LOCALES.includes(input.language)) throw invalid('language', 'invalid');
  const order = await orderFacts(db, input.orderId).catch(() => null);
  if (!order || order.buyerUserId !== actor.userId) throw notFound('order');
  if (order.status !== 'delivered') throw new AppError(409, 'review_order_not_delivered');
  const line = order.lines[input.lineNo];
  if (!line?.productId) throw new AppError(404, 'review_line_not_found');
  const id = newId();
  try {
    await db.insert(reviews).values({
      id,
      orderId: order.id,
      lineNo: input.lineNo,
      sellerId: order.sellerId,
      productId: line.productId,
      buyerUserId: actor.userId,
      rating: input.rating,
      body: input.body.trim(),
      language: input.language,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'review_already_written');
    throw err;
  }
  return { id };
}

/** The shop replies to a review of its own (another shop's review is a 404). */
export async function replyToReview(db: Db, actor: Actor, reviewId: string, reply: string): Promise<void> {
  const [row] = await db.select({ sellerId: reviews.sellerId }).from(reviews).where(eq(reviews.id, reviewId));
  if (!row) throw notFound('review');
  await requireSellerAccess(db, actor, row.sellerId).catch(() => {
    throw notFound('review');
  });
  await db.update(reviews).set({ reply: reply.trim(), repliedAt: new Date() }).where(eq(reviews.id, reviewId));
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

/** The operator's queue: reviews with open reports. */
export async function moderationQueue(db: Db, actor: Actor) {
  requireOperator(actor);
  return db
    .select({
      id: reviews.id,
      body: reviews.body,
      language: reviews.language,
      rating: reviews.rating,
      reports: count(),
    })
    .from(reviewReports)
    .innerJoin(reviews, eq(reviews.id, reviewReports.reviewId))
    .where(isNull(reviewReports.resolvedAt))
    .groupBy(reviews.id);
}

/** The operator hides or keeps a reported review; its reports are closed either way. */
export async function moderateReview(db: Db, actor: Actor, reviewId: string, hide: boolean): Promise<void> {
  requireOperator(actor);
  await db.transaction(async (tx) => {
    const done = await tx
      .update(reviews)
      .set({ status: hide ? 'hidden' : 'published' })
      .where(eq(reviews.id, reviewId))
      .returning({ id: reviews.id });
    if (!done.length) throw notFound('review');
    await tx.update(reviewReports).set({ resolvedAt: new Date() }).where(eq(reviewReports.reviewId, reviewId));
  });
}

/** Published reviews of a product, each in its own language (marked when not the reader's). */
export async function productReviews(db: Db, productId: string, locale: Locale) {
  const rows = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.productId, productId), eq(reviews.status, 'published')))
    .orderBy(reviews.createdAt);
  return rows.map((r) => ({
    id: r.id,
    rating: r.rating,
    body: r.body,
    language: r.language,
    /** No machine translation here: the text is the buyer's own, and says so if not in the reader's language. */
    translated: false,
    otherLanguage: r.language !== locale,
    reply: r.reply,
    createdAt: r.createdAt,
  }));
}

export async function rating(db: Db, by: { productId?: string; sellerId?: string }) {
  const where = by.productId ? eq(reviews.productId, by.productId) : eq(reviews.sellerId, by.sellerId ?? '');
  const [r] = await db
    .select({ average: avg(reviews.rating), count: count() })
    .from(reviews)
    .where(and(where, eq(reviews.status, 'published')));
  return { average: r?.average ? Math.round(Number(r.average) * 10) / 10 : null, count: Number(r?.count ?? 0) };
}

/** The rating of each of these products at once (for a page of product cards); products without reviews are absent. */
export async function productRatings(
  db: Db,
  productIds: string[],
): Promise<Map<string, { average: number; count: number }>> {
  if (!productIds.length) return new Map();
  const rows = await db
    .select({ productId: reviews.productId, average: avg(reviews.rating), count: count() })
    .from(reviews)
    .where(and(inArray(reviews.productId, productIds), eq(reviews.status, 'published')))
    .groupBy(reviews.productId);
  return new Map(
    rows.map((r) => [r.productId, { average: Math.round(Number(r.average) * 10) / 10, count: Number(r.count) }]),
  );
}

/** The rating of each of these shops at once (over all their products' published reviews); shops without reviews are absent. */
export async function shopRatings(
  db: Db,
  sellerIds: string[],
): Promise<Map<string, { average: number; count: number }>> {
  if (!sellerIds.length) return new Map();
  const rows = await db
    .select({ sellerId: reviews.sellerId, average: avg(reviews.rating), count: count() })
    .from(reviews)
    .where(and(inArray(reviews.sellerId, sellerIds), eq(reviews.status, 'published')))
    .groupBy(reviews.sellerId);
  return new Map(
    rows.map((r) => [r.sellerId, { average: Math.round(Number(r.average) * 10) / 10, count: Number(r.count) }]),
  );
}
