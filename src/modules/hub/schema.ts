// The hub's warehouse: zones and bins at the two hub stock locations, staff, inbound shipments
// (ASNs), lots, bin stock and the movements it is the sum of, and outbound work (orders, picks, waves).
import {
  pgTable,
  pgEnum,
  text,
  uuid,
  timestamp,
  integer,
  date,
  jsonb,
  bigserial,
  boolean,
  index,
  uniqueIndex,
  primaryKey,
  check,
  pgView,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { stockLocations } from '../inventory/schema.ts';

export const hubZoneTemperature = pgEnum('hub_zone_temperature', ['ambient', 'chilled']);
export const hubStaffRole = pgEnum('hub_staff_role', ['manager', 'receiver', 'picker', 'packer']);
export const inboundStatus = pgEnum('hub_inbound_status', ['sent', 'receiving', 'received', 'cancelled']);
export const outboundStatus = pgEnum('hub_outbound_status', [
  'awaiting_release',
  'ready',
  'allocated',
  'picking',
  'picked',
  'packed',
  'dispatched',
  'cancelled',
]);

/** A zone of a hub: its temperature; in the bonded hub every zone is in bond. `dock` zones receive. */
export const hubZones = pgTable(
  'hub_zones',
  {
    id: uuid('id').primaryKey(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    code: text('code').notNull(),
    temperature: hubZoneTemperature('temperature').notNull(),
    bonded: boolean('bonded').notNull().default(false),
    dock: boolean('dock').notNull().default(false),
    nameTh: text('name_th').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [uniqueIndex('hub_zones_code_key').on(t.locationId, t.code)],
);

/** A bin: its code is printed as a barcode on the shelf; capacity in units. */
export const hubBins = pgTable(
  'hub_bins',
  {
    id: uuid('id').primaryKey(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => hubZones.id),
    code: text('code').notNull(),
    capacityUnits: integer('capacity_units').notNull(),
  },
  (t) => [
    uniqueIndex('hub_bins_code_key').on(t.code),
    index('hub_bins_zone_idx').on(t.zoneId),
    check('hub_bins_capacity_positive', sql`${t.capacityUnits} > 0`),
  ],
);

/** Who works at a hub, and as what. Operators may do everything everywhere. */
export const hubStaff = pgTable(
  'hub_staff',
  {
    userId: uuid('user_id').notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    role: hubStaffRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.locationId] })],
);

/** A seller's advance shipping notice: what is coming to which hub, in how many cartons. */
export const inboundShipments = pgTable(
  'hub_inbound_shipments',
  {
    id: uuid('id').primaryKey(),
    number: bigserial('number', { mode: 'number' }).notNull().unique(),
    sellerId: uuid('seller_id').notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => stockLocations.id),
    status: inboundStatus('status').notNull().default('sent'),
    cartons: integer('cartons').notNull(),
    expectedAt: date('expected_at'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by'),
  },
  (t) => [
    index('hub_inbound_seller_idx').on(t.sellerId, t.createdAt),
    index('hub_inbound_location_idx').on(t.locationId, t.status),
  ],
);

/** One SKU and lot of an ASN: expected, then received (good) and damaged as counted at the dock. */
export const inboundLines = pgTable(
  'hub_inbound_lines',
  {
    id: uuid('id').primaryKey(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => inboundShipments.id),
    sellerId: uuid('seller_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    sku: text('sku').notNull(),
    lotNumber: text('lot_number').notNull(),
    productionDate: date('production_date'),
    expiryDate: date('expiry_date'),
    expectedQty: integer('expected_qty').notNull(),
    receivedQty: integer('received_qty').notNull().default(0),
    damagedQty: integer('damaged_qty').notNull().default(0),
    lotId: uuid('lot_id'),
  },
  (t) => [
    index('hub_inbound_lines_shipment_idx').on(t.shipmentId),
    check('hub_inbound_lines_counts', sql`${t.expectedQty} >= 0 and ${t.receivedQty} >= 0 and ${t.damagedQty} >= 0`),
  ],
);

/** A lot of one SKU at one hub; expired lots are blocked (never allocated, taken out of sellable stock). */
export const hubLots = pgTable(
  'hub_lots',
  {
    id: uuid('id').primaryKey(),
    locationId: uuid('location_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    lotNumber: text('lot_number').notNull(),
    productionDate: date('production_date'),
    expiryDate: date('expiry_date'),
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
    blockReason: text('block_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hub_lots_key').on(t.locationId, t.variantId, t.lotNumber),
    index('hub_lots_expiry_idx').on(t.expiryDate).where(sql`blocked_at is null`),
  ],
);

/**
 * Units of a lot in a bin: a balance kept in the same transaction as each movement, always equal to
 * the sum of the movements into and out of the bin (tested). `allocated` are promised to picks.
 */
export const binStock = pgTable(
  'hub_bin_stock',
  {
    binId: uuid('bin_id')
      .notNull()
      .references(() => hubBins.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => hubLots.id),
    locationId: uuid('location_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull().default(0),
    allocated: integer('allocated').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.binId, t.lotId] }),
    index('hub_bin_stock_variant_idx').on(t.locationId, t.variantId),
    check('hub_bin_stock_allocated_within', sql`${t.allocated} >= 0 and ${t.allocated} <= ${t.quantity}`),
  ],
);

/** Every stock movement: who, when, from which bin to which (null = in from outside / out of the hub), lot, quantity, why. */
export const stockMovements = pgTable(
  'hub_stock_movements',
  {
    id: uuid('id').primaryKey(),
    locationId: uuid('location_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    fromBinId: uuid('from_bin_id'),
    toBinId: uuid('to_bin_id'),
    quantity: integer('quantity').notNull(),
    reason: text('reason').notNull(),
    refId: uuid('ref_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hub_movements_from_idx').on(t.fromBinId, t.lotId),
    index('hub_movements_to_idx').on(t.toBinId, t.lotId),
    index('hub_movements_location_idx').on(t.locationId, t.createdAt),
    check('hub_movements_quantity_positive', sql`${t.quantity} > 0`),
    check('hub_movements_has_bin', sql`${t.fromBinId} is not null or ${t.toBinId} is not null`),
  ],
);

/** A cycle count of one bin and lot: what the system expected, what was counted, by whom, why. */
export const cycleCounts = pgTable('hub_cycle_counts', {
  id: uuid('id').primaryKey(),
  locationId: uuid('location_id').notNull(),
  binId: uuid('bin_id').notNull(),
  lotId: uuid('lot_id').notNull(),
  sellerId: uuid('seller_id').notNull(),
  expectedQty: integer('expected_qty').notNull(),
  countedQty: integer('counted_qty').notNull(),
  reason: text('reason').notNull(),
  countedBy: uuid('counted_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A customs release of a cross-border order (event customs.order_released), kept whatever arrives first. */
export const customsReleases = pgTable('hub_customs_releases', {
  orderId: uuid('order_id').primaryKey(),
  sellerId: uuid('seller_id').notNull(),
  waybillNo: text('waybill_no').notNull(),
  logisticsCode: text('logistics_code').notNull(),
  payload: jsonb('payload').notNull(),
  releasedAt: timestamp('released_at', { withTimezone: true }).notNull().defaultNow(),
});

export interface Parcel {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** A paid order the hub fulfils: ship-by from the seller's handling time; cross-border data once released. */
export const outboundOrders = pgTable(
  'hub_outbound_orders',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    sellerId: uuid('seller_id').notNull(),
    locationId: uuid('location_id').notNull(),
    status: outboundStatus('status').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    handlingHours: integer('handling_hours').notNull(),
    shipBy: timestamp('ship_by', { withTimezone: true }).notNull(),
    shipTo: jsonb('ship_to').$type<{ name: string; phone: string; address: string; districtCode?: string }>().notNull(),
    crossBorder: jsonb('cross_border'),
    waveId: uuid('wave_id'),
    parcels: jsonb('parcels').$type<Parcel[]>(),
    shipmentId: text('shipment_id'),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    packedAt: timestamp('packed_at', { withTimezone: true }),
    packedBy: uuid('packed_by'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    dispatchedBy: uuid('dispatched_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hub_outbound_order_key').on(t.orderId),
    index('hub_outbound_status_idx').on(t.locationId, t.status, t.shipBy),
    index('hub_outbound_wave_idx').on(t.waveId),
  ],
);

export const outboundLines = pgTable(
  'hub_outbound_lines',
  {
    id: uuid('id').primaryKey(),
    outboundId: uuid('outbound_id')
      .notNull()
      .references(() => outboundOrders.id),
    sellerId: uuid('seller_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    quantity: integer('quantity').notNull(),
    allocated: integer('allocated').notNull().default(0),
  },
  (t) => [
    index('hub_outbound_lines_outbound_idx').on(t.outboundId),
    check('hub_outbound_lines_allocated', sql`${t.allocated} >= 0 and ${t.allocated} <= ${t.quantity}`),
  ],
);

/** A pick task: so many units of a lot from a bin for an outbound line (first expired, first out). */
export const picks = pgTable(
  'hub_picks',
  {
    id: uuid('id').primaryKey(),
    outboundId: uuid('outbound_id').notNull(),
    lineId: uuid('line_id').notNull(),
    waveId: uuid('wave_id'),
    locationId: uuid('location_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    binId: uuid('bin_id').notNull(),
    quantity: integer('quantity').notNull(),
    pickedAt: timestamp('picked_at', { withTimezone: true }),
    pickedBy: uuid('picked_by'),
  },
  (t) => [
    index('hub_picks_outbound_idx').on(t.outboundId),
    index('hub_picks_wave_idx').on(t.waveId),
    check('hub_picks_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** A wave: outbound orders picked together, in ship-by order. */
export const waves = pgTable('hub_waves', {
  id: uuid('id').primaryKey(),
  number: bigserial('number', { mode: 'number' }).notNull().unique(),
  locationId: uuid('location_id').notNull(),
  orders: integer('orders').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Published for insights: the hub's dispatches, when paid, packed and handed over. Read-only. */
export const hubDispatchFacts = pgView('hub_dispatch_facts', {
  locationId: uuid('location_id').notNull(),
  sellerId: uuid('seller_id').notNull(),
  paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
  packedAt: timestamp('packed_at', { withTimezone: true }),
  dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull(),
}).as(
  sql`select location_id, seller_id, paid_at, packed_at, dispatched_at from hub_outbound_orders where dispatched_at is not null`,
);
