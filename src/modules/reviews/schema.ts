// Reviews: one per order line of a delivered order, written by its buyer, in its own language;
// the shop's reply; reports by anyone signed in, and the operator's moderation.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
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
