import { pgTable, text, uuid, timestamp, integer, primaryKey, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** A cart belongs to a signed-in user or to a guest cookie (stored as its hash). */
export const carts = pgTable('carts', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id'),
  guestTokenHash: text('guest_token_hash'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('carts_user_key').on(t.userId).where(sql`user_id is not null`),
  uniqueIndex('carts_guest_key').on(t.guestTokenHash).where(sql`guest_token_hash is not null`),
  check('carts_has_owner', sql`user_id is not null or guest_token_hash is not null`),
]);

export const cartItems = pgTable('cart_items', {
  cartId: uuid('cart_id').notNull().references(() => carts.id, { onDelete: 'cascade' }),
  variantId: uuid('variant_id').notNull(),
  quantity: integer('quantity').notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.cartId, t.variantId] }), check('cart_items_quantity_positive', sql`${t.quantity} > 0`)]);
