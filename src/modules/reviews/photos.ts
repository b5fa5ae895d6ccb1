// A review's photos: its buyer attaches up to MAX_REVIEW_PHOTOS, checked by their bytes and stored
// as returns store theirs (platform storePhoto); anyone sees those of a published review.
import { count, eq } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { storePhoto } from '../../platform/uploads.ts';
import { reviewPhotos, reviews } from './schema.ts';

export const MAX_REVIEW_PHOTOS = 4;

/** The buyer adds a photo to her review; the count is checked again under a lock, so 4 never becomes 5. */
export async function addReviewPhoto(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  reviewId: string,
  file: Buffer | null,
  maxBytes: number,
): Promise<{ id: string }> {
  if (actor.kind !== 'user') throw unauthenticated();
  const [review] = await db.select().from(reviews).where(eq(reviews.id, reviewId));
  if (!review || review.buyerUserId !== actor.userId) throw notFound('review');
  if (!file?.length) throw invalid('file', 'required');
  const id = newId();
  const stored = await storePhoto(storage, `reviews/${review.sellerId}/${review.id}`, id, file, maxBytes);
  try {
    await db.transaction(async (tx) => {
      await tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, reviewId)).for('update');
      const [{ n }] = await tx.select({ n: count() }).from(reviewPhotos).where(eq(reviewPhotos.reviewId, reviewId));
      if (n >= MAX_REVIEW_PHOTOS) throw new AppError(409, 'review_photos_full', { max: MAX_REVIEW_PHOTOS });
      await tx.insert(reviewPhotos).values({
        id,
        reviewId,
        sellerId: review.sellerId,
        documentKey: stored.key,
        contentType: stored.type,
        bytes: stored.bytes,
      });
    });
  } catch (err) {
    await storage.delete(stored.key); // no file without its record
    throw err;
  }
  return { id };
}

/** A photo's bytes: public while its review is published; a hidden review's only for its buyer and operators. */
export async function reviewPhotoFile(db: Db, storage: MediaStorage, actor: Actor, reviewId: string, photoId: string) {
  const [row] = await db
    .select({ review: reviews, photo: reviewPhotos })
    .from(reviewPhotos)
    .innerJoin(reviews, eq(reviews.id, reviewPhotos.reviewId))
    .where(eq(reviewPhotos.id, photoId));
  if (!row || row.review.id !== reviewId) throw notFound('photo');
  const mine = actor.kind === 'user' && actor.userId === row.review.buyerUserId;
  if (row.review.status !== 'published' && !mine && !isOperator(actor)) throw notFound('photo');
  const obj = await storage.get(row.photo.documentKey);
  if (!obj) throw notFound('photo');
  return { ...obj, public: row.review.status === 'published' };
}
