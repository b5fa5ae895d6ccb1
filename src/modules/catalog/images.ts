// Product photos: checked by their content (not their name or the browser's word), re-encoded so
// that the camera's metadata (GPS position of a farmer's home) never leaves the server, stored
// behind the media storage interface with a 400 px WebP thumbnail for lists.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { productImages } from './schema.ts';
import { lockProduct, productChanged, requireProductOfShop } from './product-rows.ts';
import { loadSellerProduct, type SellerProductView } from './views.ts';
import './messages.ts';

export const MAX_IMAGES_PER_PRODUCT = 12;
export const THUMBNAIL_PX = 400;
const MAX_STORED_PX = 2000;
const ACCEPTED = {
  jpeg: { ext: 'jpg', type: 'image/jpeg' },
  png: { ext: 'png', type: 'image/png' },
  webp: { ext: 'webp', type: 'image/webp' },
} as const;

const notAnImage = () => new AppError(422, 'image_not_supported', {}, [{ field: 'file', code: 'not_allowed' }]);

interface PreparedImage {
  format: keyof typeof ACCEPTED;
  original: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

/** sharp (libvips, ~30 MB resident) is loaded on the first image, not by every server at start. */
const loadSharp = async () => (await import('sharp')).default;

/** Verifies the bytes are a JPEG, PNG or WebP picture and makes the stored copy and its thumbnail. */
export async function prepareImage(bytes: Buffer): Promise<PreparedImage> {
  const sharp = await loadSharp();
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    throw notAnImage();
  }
  if (!format || !(format in ACCEPTED)) throw notAnImage();
  const f = format as keyof typeof ACCEPTED;
  try {
    // rotate() applies the EXIF orientation; sharp drops all metadata on output unless asked to keep it.
    const upright = sharp(bytes, { failOn: 'error' }).rotate();
    const stored = upright
      .clone()
      .resize({ width: MAX_STORED_PX, height: MAX_STORED_PX, fit: 'inside', withoutEnlargement: true });
    const encoded =
      f === 'jpeg'
        ? stored.jpeg({ quality: 88, mozjpeg: true })
        : f === 'png'
          ? stored.png()
          : stored.webp({ quality: 88 });
    const [original, thumbnail] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      upright
        .clone()
        .resize({ width: THUMBNAIL_PX, height: THUMBNAIL_PX, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer(),
    ]);
    return { format: f, original: original.data, thumbnail, width: original.info.width, height: original.info.height };
  } catch {
    throw notAnImage(); // truncated or corrupt file whose header looked right
  }
}

export async function addProductImage(
  db: Executor,
  actor: Actor,
  input: { sellerId: string; productId: string; upload: () => Promise<{ bytes: Buffer; alt?: string | null }> },
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  await requireProductOfShop(db, input.sellerId, input.productId);
  // The upload is read only now, so that a stranger's or a mistaken request costs no transfer.
  const { bytes, alt } = await input.upload();
  const image = await prepareImage(bytes);
  const id = newId();
  const { ext, type } = ACCEPTED[image.format];
  const folder = `products/${input.sellerId}/${input.productId}`;
  const storageKey = `${folder}/${id}.${ext}`;
  const thumbKey = `${folder}/${id}-${THUMBNAIL_PX}.webp`;
  await storage.put(storageKey, image.original, type);
  await storage.put(thumbKey, image.thumbnail, 'image/webp');
  try {
    await db.transaction(async (tx) => {
      const product = await lockProduct(tx, input.sellerId, input.productId);
      const [{ n, next }] = await tx
        .select({
          n: sql<number>`count(*)::int`,
          next: sql<number>`coalesce(max(${productImages.position}) + 1, 0)::int`,
        })
        .from(productImages)
        .where(eq(productImages.productId, product.id));
      if (n >= MAX_IMAGES_PER_PRODUCT) throw new AppError(409, 'too_many_images', { max: MAX_IMAGES_PER_PRODUCT });
      await tx.insert(productImages).values({
        id,
        sellerId: input.sellerId,
        productId: product.id,
        storageKey,
        thumbKey,
        contentType: type,
        width: image.width,
        height: image.height,
        altTh: alt?.trim() || null,
        position: next,
      });
      await productChanged(tx, product, 'images');
    });
  } catch (err) {
    await Promise.allSettled([storage.delete(storageKey), storage.delete(thumbKey)]);
    throw err;
  }
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}

export async function deleteProductImage(
  db: Executor,
  actor: Actor,
  input: { sellerId: string; productId: string; imageId: string },
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  const removed = await db.transaction(async (tx) => {
    const product = await lockProduct(tx, input.sellerId, input.productId);
    const [row] = await tx
      .delete(productImages)
      .where(and(eq(productImages.id, input.imageId), eq(productImages.productId, product.id)))
      .returning();
    if (!row) throw notFound('image');
    await productChanged(tx, product, 'images');
    return row;
  });
  // Files go after the commit: a crash in between leaves an unreferenced file, never a broken image.
  await Promise.allSettled([storage.delete(removed.storageKey), storage.delete(removed.thumbKey)]);
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}

/** Puts the product's images in the given order; the list must name each image exactly once. */
export async function reorderProductImages(
  db: Executor,
  actor: Actor,
  input: { sellerId: string; productId: string; imageIds: string[] },
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  await db.transaction(async (tx) => {
    const product = await lockProduct(tx, input.sellerId, input.productId);
    const current = await tx
      .select({ id: productImages.id })
      .from(productImages)
      .where(eq(productImages.productId, product.id))
      .orderBy(asc(productImages.position));
    const known = new Set(current.map((r) => r.id));
    const given = new Set(input.imageIds);
    if (
      given.size !== input.imageIds.length ||
      given.size !== known.size ||
      input.imageIds.some((id) => !known.has(id))
    ) {
      throw new AppError(422, 'validation_failed', {}, [{ field: 'imageIds', code: 'invalid' }]);
    }
    for (const [position, id] of input.imageIds.entries()) {
      await tx.update(productImages).set({ position }).where(eq(productImages.id, id));
    }
    await productChanged(tx, product, 'images');
  });
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}
