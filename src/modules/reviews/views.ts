// Reading reviews: a product's published reviews with their photos, the shop's reply and, for a
// reader in another language, the translation beside the original; ratings per product and shop;
// the operator's queue of reported reviews.
import { and, asc, avg, count, desc, eq, inArray, isNull, sum } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { requireOperator } from './access.ts';
import { reviewModerations, reviewPhotos, reviewReports, reviews, reviewTranslations } from './schema.ts';

type ReviewRow = typeof reviews.$inferSelect;

/** Photos and translations of these reviews, grouped by review. */
async function extrasOf(db: Executor, ids: string[]) {
  if (!ids.length) return { photos: new Map(), translations: new Map() };
  const [photos, translations] = await Promise.all([
    db.select().from(reviewPhotos).where(inArray(reviewPhotos.reviewId, ids)).orderBy(asc(reviewPhotos.createdAt)),
    db.select().from(reviewTranslations).where(inArray(reviewTranslations.reviewId, ids)),
  ]);
  const group = <T extends { reviewId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.reviewId, [...(m.get(r.reviewId) ?? []), r]);
    return m;
  };
  return { photos: group(photos), translations: group(translations) };
}

/**
 * A review as a reader in `locale` sees it. The original is always there; `shown` says which text
 * to put first: the translation into the reader's language when there is one ('translation', with
 * who made it), else the original ('original', marked `otherLanguage` when not the reader's).
 */
function reviewView(r: ReviewRow, locale: Locale, extras: Awaited<ReturnType<typeof extrasOf>>) {
  const translation =
    r.language === locale
      ? null
      : ((extras.translations.get(r.id) ?? []) as (typeof reviewTranslations.$inferSelect)[]).find(
          (t) => t.language === locale,
        );
  return {
    id: r.id,
    rating: r.rating,
    body: r.body,
    language: r.language as Locale,
    original: { language: r.language as Locale, body: r.body },
    translation: translation
      ? { language: translation.language as Locale, body: translation.body, translatedBy: translation.translatedBy }
      : null,
    shown: translation ? ('translation' as const) : ('original' as const),
    translated: Boolean(translation),
    otherLanguage: r.language !== locale,
    photos: ((extras.photos.get(r.id) ?? []) as (typeof reviewPhotos.$inferSelect)[]).map((p) => ({
      id: p.id,
      url: `/api/reviews/${r.id}/photos/${p.id}`,
      contentType: p.contentType,
    })),
    reply: r.reply,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}
export type ReviewView = ReturnType<typeof reviewView>;

/** Published reviews of a product, newest first, each in its own language with any translation beside it. */
export async function productReviews(db: Executor, productId: string, locale: Locale): Promise<ReviewView[]> {
  const rows = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.productId, productId), eq(reviews.status, 'published')))
    .orderBy(desc(reviews.createdAt), desc(reviews.id));
  const extras = await extrasOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => reviewView(r, locale, extras));
}

const rounded = (average: unknown) => Math.round(Number(average) * 10) / 10;

export async function rating(db: Executor, by: { productId?: string; sellerId?: string }) {
  const where = by.productId ? eq(reviews.productId, by.productId) : eq(reviews.sellerId, by.sellerId ?? '');
  const [r] = await db
    .select({ average: avg(reviews.rating), count: count() })
    .from(reviews)
    .where(and(where, eq(reviews.status, 'published')));
  return { average: r?.average ? rounded(r.average) : null, count: Number(r?.count ?? 0) };
}

/** Published reviews' count and star sum per product or per shop (absent: none). */
async function totalsBy(db: Executor, key: 'productId' | 'sellerId', ids: string[]) {
  if (!ids.length) return new Map<string, { count: number; sum: number; average: number }>();
  const column = reviews[key];
  const rows = await db
    .select({ id: column, average: avg(reviews.rating), count: count(), sum: sum(reviews.rating) })
    .from(reviews)
    .where(and(inArray(column, ids), eq(reviews.status, 'published')))
    .groupBy(column);
  return new Map(rows.map((r) => [r.id, { count: Number(r.count), sum: Number(r.sum), average: rounded(r.average) }]));
}

const averages = (m: Map<string, { count: number; average: number }>) =>
  new Map([...m].map(([id, r]) => [id, { average: r.average, count: r.count }]));

/** The rating of each of these products at once (for a page of product cards); products without reviews are absent. */
export async function productRatings(
  db: Executor,
  productIds: string[],
): Promise<Map<string, { average: number; count: number }>> {
  return averages(await totalsBy(db, 'productId', productIds));
}

/** The rating of each of these shops at once (over all their products' published reviews); shops without reviews are absent. */
export async function shopRatings(
  db: Executor,
  sellerIds: string[],
): Promise<Map<string, { average: number; count: number }>> {
  return averages(await totalsBy(db, 'sellerId', sellerIds));
}

/** What search's ratingSourceHook asks: totals per product and per shop. */
export async function ratingTotals(db: Executor, ids: { productIds: string[]; sellerIds: string[] }) {
  const [products, shops] = await Promise.all([
    totalsBy(db, 'productId', ids.productIds),
    totalsBy(db, 'sellerId', ids.sellerIds),
  ]);
  return { products, shops };
}

/**
 * The operator's queue: reviews with open reports, the most reported first, each with the reports'
 * reasons, its photos and translation as any reader sees them, and its past moderation steps.
 */
export async function moderationQueue(db: Executor, actor: Actor, locale: Locale) {
  requireOperator(actor);
  const open = await db
    .select({ reviewId: reviewReports.reviewId, reason: reviewReports.reason, at: reviewReports.createdAt })
    .from(reviewReports)
    .where(isNull(reviewReports.resolvedAt))
    .orderBy(asc(reviewReports.createdAt));
  const ids = [...new Set(open.map((r) => r.reviewId))];
  if (!ids.length) return [];
  const [rows, steps, extras] = await Promise.all([
    db.select().from(reviews).where(inArray(reviews.id, ids)),
    db
      .select()
      .from(reviewModerations)
      .where(inArray(reviewModerations.reviewId, ids))
      .orderBy(asc(reviewModerations.createdAt)),
    extrasOf(db, ids),
  ]);
  return rows
    .map((r) => {
      const reports = open.filter((o) => o.reviewId === r.id);
      return {
        ...reviewView(r, locale, extras),
        productId: r.productId,
        sellerId: r.sellerId,
        status: r.status,
        reports: reports.map((o) => ({ reason: o.reason, at: o.at.toISOString() })),
        firstReportedAt: reports[0].at.toISOString(),
        history: steps
          .filter((s) => s.reviewId === r.id)
          .map((s) => ({ action: s.action, reason: s.reason, at: s.createdAt.toISOString() })),
      };
    })
    .sort(
      (a, b) =>
        b.reports.length - a.reports.length ||
        a.firstReportedAt.localeCompare(b.firstReportedAt) ||
        a.id.localeCompare(b.id),
    );
}

/** Reviews as the shop and operators see them: the public view, plus its status and moderation. */
async function withModeration(db: Executor, rows: ReviewRow[], locale: Locale) {
  const extras = await extrasOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...reviewView(r, locale, extras),
    productId: r.productId,
    sellerId: r.sellerId,
    status: r.status,
    moderationReason: r.moderationReason,
    moderatedAt: r.moderatedAt?.toISOString() ?? null,
  }));
}

/** Reviews an operator hid, latest first (to restore one, with a reason). */
export async function hiddenReviews(db: Executor, actor: Actor, locale: Locale) {
  requireOperator(actor);
  const rows = await db
    .select()
    .from(reviews)
    .where(eq(reviews.status, 'hidden'))
    .orderBy(desc(reviews.moderatedAt), desc(reviews.id))
    .limit(50);
  return withModeration(db, rows, locale);
}

/** A shop's reviews, newest first (published and hidden), for its members to reply from. */
export async function shopReviews(db: Executor, actor: Actor, sellerId: string, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select()
    .from(reviews)
    .where(eq(reviews.sellerId, sellerId))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(100);
  return withModeration(db, rows, locale);
}
