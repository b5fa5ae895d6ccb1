// Return parcels: the buyer sends goods back to the shop (or, for a sale from the bonded hub, to the
// hub). The platform books them with its Thailand Post account like any parcel (a prepaid return
// label), the sandbox tracks them, and their delivery back never moves the order: it emits
// shipment.returned for the returns module. A return shipment has fulfilment 'return', and its
// from_location_id names the place it goes BACK to (the hub), or null for the shop's own address.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import { hubLocations } from '../inventory/index.ts';
import { orderFacts } from '../orders/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import { thailandPost } from './booking.ts';
import type { ShippingConfig } from './config.ts';
import { scheduleSandboxEvents } from './sandbox.ts';
import { type Consignee, type Parcel, shipments, trackingEvents } from './schema.ts';
import { toShipment, type Shipment } from './service.ts';

export interface ReturnShipmentInput {
  orderId: string;
  /** The returns module's own id for the return: booking it again gives the same shipment. */
  returnId: string;
  parcels: Parcel[];
  /** The hub the goods go back to (a bonded sale's goods go back into bond), or null for the shop. */
  toLocationId: string | null;
}

/** Books the return parcel (once per return id); the caller has authorized the buyer. */
export async function bookReturnShipment(tx: Executor, input: ReturnShipmentInput): Promise<Shipment> {
  const order = await orderFacts(tx, input.orderId);
  const key = `return:${createHash('sha256').update(input.returnId).digest('base64url')}`;
  const [same] = await tx
    .select()
    .from(shipments)
    .where(and(eq(shipments.orderId, order.id), eq(shipments.bookingKey, key)));
  if (same) return toShipment(same);
  if (input.toLocationId && !(await hubLocations(tx)).some((h) => h.id === input.toLocationId))
    throw new AppError(422, 'unknown_ship_from_location');
  // A cross-border buyer sends from the address the parcel came to (the outbound parcel's consignee).
  const [outbound] = await tx
    .select({ consignee: shipments.consignee })
    .from(shipments)
    .where(and(eq(shipments.orderId, order.id), eq(shipments.fulfilment, 'hub')));
  const { trackingNumber } = await thailandPost.book(tx, { orderId: order.id });
  const id = newId();
  const [row] = await tx
    .insert(shipments)
    .values({
      id,
      orderId: order.id,
      sellerId: order.sellerId,
      carrier: thailandPost.code,
      trackingNumber,
      status: 'booked',
      fulfilment: 'return',
      fromLocationId: input.toLocationId,
      parcels: input.parcels,
      bookingKey: key,
      consignee: (outbound?.consignee as Consignee | null) ?? null,
    })
    .returning();
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
      carrier: row.carrier,
      trackingNumber,
      parcels: input.parcels.length,
    },
  });
  return toShipment(row);
}

/** The buyer dropped the return parcel at the post office: the carrier (the sandbox here) starts reporting. */
export async function handOverReturnShipment(
  tx: Executor,
  shipmentId: string,
  config: ShippingConfig,
): Promise<Shipment> {
  const [s] = await tx.select().from(shipments).where(eq(shipments.id, shipmentId)).for('update');
  if (!s || s.fulfilment !== 'return') throw notFound('shipment');
  if (s.handedOverAt) return toShipment(s);
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
  const order = await orderFacts(tx, s.orderId);
  const hub = (await hubLocations(tx)).find((h) => h.id === s.fromLocationId);
  const shopProvince = (await sellerFacts(tx, [s.sellerId])).get(s.sellerId)?.provinceCode;
  await scheduleSandboxEvents(
    tx,
    row,
    now,
    { fromProvince: order.shippingAddress?.provinceCode, toProvince: hub?.provinceCode ?? shopProvince },
    config,
  );
  return toShipment(row);
}

/** A return parcel as the returns module shows it. */
export async function returnShipment(db: Executor, shipmentId: string): Promise<Shipment | null> {
  const [s] = await db.select().from(shipments).where(eq(shipments.id, shipmentId));
  return s && s.fulfilment === 'return' ? toShipment(s) : null;
}
