import {
  pgTable,
  pgView,
  text,
  uuid,
  timestamp,
  integer,
  boolean,
  index,
  uniqueIndex,
  primaryKey,
  check,
  pgEnum,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { sellers } from '../sellers/schema.ts';
import { productVariants } from '../catalog/schema.ts';

export const locationKind = pgEnum('stock_location_kind', ['seller', 'hub']);
export const reservationStatus = pgEnum('reservation_status', ['held', 'committed', 'released']);

/**
 * Where stock is held. A seller's own location has its seller_id; a hub location (seller_id null)
 * holds many sellers' stock, each row of stock_levels naming its seller. A bonded location holds
 * goods in bond for export: they sell cross-border only, never domestically. Hubs are found by
 * their stable `code` (HUB_LOCATIONS).
 */
export const stockLocations = pgTable(
  'stock_locations',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').references(() => sellers.id),
    kind: locationKind('kind').notNull().default('seller'),
    code: text('code'),
    bonded: boolean('bonded').notNull().default(false),
    name: text('name').notNull(),
    provinceCode: text('province_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_locations_seller_idx').on(t.sellerId),
    uniqueIndex('stock_locations_code_key').on(t.code),
    check('stock_locations_hub_has_code', sql`${t.kind} <> 'hub' or (${t.code} is not null and ${t.sellerId} is null)`),
    check('stock_locations_bonded_is_hub', sql`not ${t.bonded} or ${t.kind} = 'hub'`),
  ],
);

/**
 * Stock per variant per location. available = on_hand - reserved. The CHECKs are the last line of
 * defence against overselling: no code path can commit a negative or over-reserved row.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.locationId] }),
    index('stock_levels_seller_idx').on(t.sellerId),
    check('stock_levels_reserved_nonneg', sql`${t.reserved} >= 0`),
    check('stock_levels_within_on_hand', sql`${t.onHand} >= ${t.reserved}`),
  ],
);

/** Units held for an order until it is paid (committed) or cancelled / expired (released). */
export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    orderId: uuid('order_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    locationId: uuid('location_id').notNull(),
    quantity: integer('quantity').notNull(),
    status: reservationStatus('status').notNull().default('held'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('reservations_order_idx').on(t.orderId),
    index('reservations_held_expiry_idx').on(t.expiresAt).where(sql`status = 'held'`),
    check('reservations_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** Every change to on-hand stock that is not a sale: receipts, counts, corrections. */
export const stockAdjustments = pgTable(
  'stock_adjustments',
  {
    id: uuid('id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    locationId: uuid('location_id').notNull(),
    delta: integer('delta').notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stock_adjustments_variant_idx').on(t.variantId)],
);

/**
 * Published for the modules before inventory (search), which may not import it: units available to
 * sell at home per variant, summed over locations (bonded hub stock sells only cross-border, so it is
 * left out). Read-only; the columns are a contract.
 */
export const stockAvailableByVariant = pgView('stock_available_by_variant', {
  variantId: uuid('variant_id').notNull(),
  available: integer('available').notNull(),
}).as(sql`select s.variant_id, sum(s.on_hand - s.reserved)::int as available from stock_levels s
  join stock_locations l on l.id = s.location_id where not l.bonded group by s.variant_id`);
