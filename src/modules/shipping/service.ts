// Shipping: a carrier booked for an order's parcels, the label, the hand-over to the carrier, and
// the tracking that follows. The hub (a later module) calls bookShipment / shipmentLabelPdf /
// handOverShipment / shipmentsOfOrder with its own actor after authorizing its staff; these trust
// that caller for who may ship, and check the order itself (it exists, it is paid or processing).
import { createHash } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { AppError, forbidden, notFound, type FieldError, notFoundIfDenied } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import { queryRows, type Executor } from '../../platform/db.ts';
import { advanceOrderByCarrier, orderFacts, shippingAddressOf } from '../orders/index.ts';
import { hubLocations, HUB_LOCATIONS } from '../inventory/index.ts';
import { sellerLocation } from '../inventory/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import { CARRIERS, normalizeTrackingNumber } from './carriers.ts';
import { carrierFor } from './booking.ts';
import { shipments, trackingEvents, type Consignee, type Parcel } from './schema.ts';
import type { ShippingConfig } from './config.ts';
import { scheduleSandboxEvents } from './sandbox.ts';
import { type LabelExtras, shipmentLabel } from './label.ts';
import './messages.ts';

export interface Shipment {
  id: string;
  orderId: string;
  sellerId: string;
  carrier: string;
  trackingNumber: string;
  status: string;
  parcels: Parcel[];
  createdAt: string;
}

export interface BookShipmentInput {
  orderId: string;
  fromLocationId: string;
  parcels: Parcel[];
  crossBorder?: { waybillNo: string; consignee: Consignee };
}

type ShipmentRow = typeof shipments.$inferSelect;
export const SHIPPING = systemActor('shipping');

export const toShipment = (r: ShipmentRow): Shipment => ({
  id: r.id,
  orderId: r.orderId,
  sellerId: r.sellerId,
  carrier: r.carrier,
  trackingNumber: r.trackingNumber,
  status: r.status,
  parcels: r.parcels,
  createdAt: new Date(r.createdAt).toISOString(),
});

/** A shop's API token acts for its own shop only; people and the system are authorized by the caller. */
function requireCallerMayShip(actor: Actor, sellerId: string): void {
  if (actor.kind === 'guest') throw forbidden();
  if (actor.kind === 'token' && actor.sellerId !== sellerId) throw notFound('order');
}

/** The order as shipping needs it, by the platform's own eyes (the caller was authorized before). */
export async function orderToShip(db: Executor, orderId: string) {
  return orderFacts(db, orderId);
}

function checkParcels(parcels: Parcel[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!parcels.length) errors.push({ field: 'parcels', code: 'required' });
  if (parcels.length > 50) errors.push({ field: 'parcels', code: 'too_long', params: { max: 50 } });
  parcels.forEach((p, i) => {
    const limits: [keyof Parcel, number][] = [
      ['weightGrams', 70_000],
      ['lengthMm', 2_000],
      ['widthMm', 2_000],
      ['heightMm', 2_000],
    ];
    for (const [k, max] of limits) {
      const v = p[k];
      if (!Number.isInteger(v) || v < 1)
        errors.push({ field: `parcels[${i}].${k}`, code: 'too_small', params: { min: 1 } });
      else if (v > max) errors.push({ field: `parcels[${i}].${k}`, code: 'too_large', params: { max } });
    }
  });
  return errors;
}

function checkCrossBorder(cb: NonNullable<BookShipmentInput['crossBorder']>): FieldError[] {
  const errors: FieldError[] = [];
  if (CARRIERS['linehaul-cn'].problem(normalizeTrackingNumber(cb.waybillNo)))
    errors.push({ field: 'crossBorder.waybillNo', code: 'bad_format' });
  for (const k of ['name', 'phone', 'address'] as const)
    if (!cb.consignee[k]?.trim()) errors.push({ field: `crossBorder.consignee.${k}`, code: 'required' });
  // GB/T 2260 administrative division codes are 6 digits.
  if (!/^\d{6}$/.test(cb.consignee.districtCode ?? ''))
    errors.push({ field: 'crossBorder.consignee.districtCode', code: 'bad_format' });
  return errors;
}

const bookingKeyOf = (input: BookShipmentInput): string =>
  createHash('sha256')
    .update(
      JSON.stringify({
        from: input.fromLocationId,
        parcels: input.parcels.map((p) => [p.weightGrams, p.lengthMm, p.widthMm, p.heightMm]),
        cb: input.crossBorder
          ? [normalizeTrackingNumber(input.crossBorder.waybillNo), input.crossBorder.consignee]
          : null,
      }),
    )
    .digest('base64url');

/**
 * Books a carrier for an order's parcels from a hub (or the shop's own location). Booking the same
 * order and parcels again returns the same shipment; a different booking replaces one not yet
 * handed over. Domestic orders go by Thailand Post; cross-border ones by the line-haul carrier
 * under the customs waybill number the caller gives.
 */
export async function bookShipment(tx: Executor, actor: Actor, input: BookShipmentInput): Promise<Shipment> {
  const order = await orderToShip(tx, input.orderId);
  requireCallerMayShip(actor, order.sellerId);
  const errors = [...checkParcels(input.parcels), ...(input.crossBorder ? checkCrossBorder(input.crossBorder) : [])];
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  const key = bookingKeyOf(input);
  const [same] = await tx
    .select()
    .from(shipments)
    .where(and(eq(shipments.orderId, order.id), eq(shipments.bookingKey, key)));
  if (same) return toShipment(same);
  const [locked] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from shipments where order_id = ${order.id}::uuid and handed_over_at is not null and fulfilment <> 'return'`,
  );
  if (locked.n > 0) throw new AppError(409, 'order_already_handed_over');
  if (order.status !== 'paid' && order.status !== 'processing')
    throw new AppError(409, 'order_not_ready_to_ship', { status: order.status });

  const hub = (await hubLocations(tx)).find((h) => h.id === input.fromLocationId);
  if (!hub && input.fromLocationId !== (await sellerLocation(tx, order.sellerId)))
    throw new AppError(422, 'unknown_ship_from_location');
  // Bonded stock leaves the EEC hub for export only; domestic parcels never start there.
  if (hub?.bonded && !input.crossBorder) throw new AppError(422, 'bonded_hub_domestic_parcel');

  await tx
    .update(shipments)
    .set({ status: 'cancelled' })
    .where(and(eq(shipments.orderId, order.id), eq(shipments.status, 'booked')));

  const booked = carrierFor(input);
  const carrier = booked.code;
  const { trackingNumber } = await booked.book(tx, input);
  const id = newId();
  const [row] = await tx
    .insert(shipments)
    .values({
      id,
      orderId: order.id,
      sellerId: order.sellerId,
      carrier,
      trackingNumber,
      status: 'booked',
      fulfilment: hub ? 'hub' : 'seller',
      fromLocationId: input.fromLocationId,
      parcels: input.parcels,
      bookingKey: key,
      waybillNo: input.crossBorder ? trackingNumber : null,
      consignee: input.crossBorder?.consignee ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    // A concurrent booking of the same parcels (same key) or of the same waybill won.
    const [again] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.orderId, order.id), eq(shipments.bookingKey, key)));
    if (again) return toShipment(again);
    throw new AppError(409, 'tracking_number_in_use');
  }
  await tx.insert(trackingEvents).values({
    id: newId(),
    shipmentId: id,
    sellerId: order.sellerId,
    code: 'booked',
    occurredAt: new Date(),
    source: 'platform',
    step: 0,
  });
  await emit(tx, {
    topic: 'shipment.booked',
    aggregateId: id,
    payload: {
      shipmentId: id,
      orderId: order.id,
      sellerId: order.sellerId,
      carrier,
      trackingNumber,
      parcels: input.parcels.length,
    },
  });
  return toShipment(row);
}

async function lockShipment(tx: Executor, shipmentId: string): Promise<ShipmentRow> {
  const [s] = await tx.select().from(shipments).where(eq(shipments.id, shipmentId)).for('update');
  if (!s) throw notFound('shipment');
  return s;
}

/**
 * The carrier has the parcels: the order becomes shipped with the tracking number, and the carrier
 * (the sandbox here) starts reporting. Handing over twice changes nothing.
 */
export async function handOverShipment(
  tx: Executor,
  actor: Actor,
  shipmentId: string,
  config: ShippingConfig,
): Promise<Shipment> {
  const s = await lockShipment(tx, shipmentId);
  requireCallerMayShip(actor, s.sellerId);
  if (s.handedOverAt) return toShipment(s);
  if (s.status === 'cancelled') throw new AppError(409, 'shipment_cancelled');
  await advanceOrderByCarrier(tx, SHIPPING, s.orderId, 'shipped', s.trackingNumber);
  const now = new Date();
  const [row] = await tx
    .update(shipments)
    .set({ status: 'handed_over', handedOverAt: now })
    .where(eq(shipments.id, s.id))
    .returning();
  await emit(tx, {
    topic: 'shipment.handed_over',
    aggregateId: s.id,
    payload: {
      shipmentId: s.id,
      orderId: s.orderId,
      sellerId: s.sellerId,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
    },
  });
  const order = await orderToShip(tx, s.orderId);
  const hub = (await hubLocations(tx)).find((h) => h.id === s.fromLocationId);
  const fromProvince = hub?.provinceCode ?? (await sellerFacts(tx, [s.sellerId])).get(s.sellerId)?.provinceCode;
  await scheduleSandboxEvents(
    tx,
    row,
    now,
    { fromProvince, toProvince: shippingAddressOf(order).provinceCode },
    config,
  );
  return toShipment(row);
}

/** The shipments of an order, newest first, cancelled bookings left out. */
export async function shipmentsOfOrder(db: Executor, actor: Actor, orderId: string): Promise<Shipment[]> {
  const order = await orderToShip(db, orderId);
  requireCallerMayShip(actor, order.sellerId);
  const rows = await db
    .select()
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), ne(shipments.status, 'cancelled'), ne(shipments.fulfilment, 'return')))
    .orderBy(sql`${shipments.createdAt} desc`, sql`${shipments.id} desc`);
  return rows.map(toShipment);
}

/** The shipping label: Code 128 tracking barcode, QR to the tracking page, sender and receiver, parcel n of N. */
export async function shipmentLabelPdf(
  db: Executor,
  actor: Actor,
  shipmentId: string,
  config: ShippingConfig,
  extras: LabelExtras = {},
): Promise<Buffer> {
  const [s] = await db.select().from(shipments).where(eq(shipments.id, shipmentId));
  if (!s) throw notFound('shipment');
  requireCallerMayShip(actor, s.sellerId);
  return shipmentLabel(db, s, config, extras);
}

/**
 * order.cancelled: a booking not yet handed over is called off (the carrier never had the parcel).
 * Idempotent: a redelivered event finds nothing left to cancel.
 */
export async function cancelBookingsOfOrder(db: Executor, orderId: string): Promise<number> {
  const rows = await db
    .update(shipments)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(shipments.orderId, orderId),
        eq(shipments.status, 'booked'),
        ne(shipments.fulfilment, 'return'),
        sql`${shipments.handedOverAt} is null`,
      ),
    )
    .returning({ id: shipments.id });
  return rows.length;
}

/** The label, for the shop that ships the order (its members and API tokens) and operators. */
export async function shopShipmentLabelPdf(
  db: Executor,
  actor: Actor,
  shipmentId: string,
  config: ShippingConfig,
): Promise<Buffer> {
  const [s] = await db.select({ sellerId: shipments.sellerId }).from(shipments).where(eq(shipments.id, shipmentId));
  if (!s) throw notFound('shipment');
  await notFoundIfDenied(requireSellerAccess(db, actor, s.sellerId), 'shipment');
  return shipmentLabelPdf(db, actor, shipmentId, config);
}

export { HUB_LOCATIONS };
export { trackingOfOrder, trackingByNumber, recordTrackingEvent, type ShipmentTimeline } from './tracking.ts';
export { advanceCarrierSandbox, runCarrierSandbox } from './sandbox.ts';
