// Reviews: one per order line of a delivered order, written by its buyer, in its own language;
// the shop's reply; reports by anyone signed in, and the operator's moderation.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const reviewStatus = pgEnum('reviews_status', ['published', 'hidden']);

export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    /** The line's position in the order (lines in id order), so one review per line. */
    lineNo: integer('line_no').notNull(),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id').notNull(),
    buyerUserId: uuid('buyer_user_id').notNull(),
    rating: integer('rating').notNull(),
    body: text('body').notNull(),
    /** The language the buyer wrote in; the text is never rewritten. */
    language: text('language').notNull(),
    status: reviewStatus('status').notNull().default('published'),
    /** The shop's one public reply (it cannot be rewritten). */
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** The operator's last hide or restore: why, who, when (every one is in review_moderations). */
    moderationReason: text('moderation_reason'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reviews_order_line_uq').on(t.orderId, t.lineNo),
    index('reviews_product_idx').on(t.productId),
    index('reviews_seller_idx').on(t.sellerId),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
  ],
);

export const reviewReports = pgTable(
  'review_reports',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    reporterUserId: uuid('reporter_user_id').notNull(),
    reason: text('reason').notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_reports_once_uq').on(t.reviewId, t.reporterUserId)],
);

/** Photos the buyer attached (at most MAX_REVIEW_PHOTOS), checked by their bytes, shown with the review. */
export const reviewPhotos = pgTable(
  'review_photos',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    sellerId: uuid('seller_id').notNull(),
    documentKey: text('document_key').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_photos_review_idx').on(t.reviewId)],
);

/**
 * A translation of a review's text, kept beside the original (never instead of it), with who made
 * it: 'author' (the buyer's own) or a translator's name (none is reachable: the seam is Translator
 * in the trade module's way). One per review and language.
 */
export const reviewTranslations = pgTable(
  'review_translations',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    language: text('language').notNull(),
    body: text('body').notNull(),
    translatedBy: text('translated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.language] })],
);

/** Every hide and restore by an operator, with the reason given. */
export const reviewModerations = pgTable(
  'review_moderations',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    action: text('action').notNull(), // 'hide' | 'restore'
    reason: text('reason').notNull(),
    operator: text('operator').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_moderations_review_idx').on(t.reviewId)],
);
