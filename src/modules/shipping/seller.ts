// Seller-fulfilled orders: a shop ships from its own location with a carrier it chose and the
// tracking number that carrier gave it. The orders module's "shipped" step comes here (registered
// with onShopShipsOrder): the number is checked against the carrier's format (the S10 check digit
// for Thailand Post), recorded as a shipment, and for Thailand Post the carrier sandbox tracks it.
import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import type { Executor } from '../../platform/db.ts';
import { type ShopShipsOrder, shippingAddressOf } from '../orders/index.ts';
import type { ShippingConfig } from './config.ts';
import { reservationsOfOrders, sellerLocation } from '../inventory/index.ts';
import { hubLocations } from '../inventory/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import { CARRIERS, isCarrierCode, normalizeTrackingNumber } from './carriers.ts';
import { s10CheckDigit } from './s10.ts';
import { shipments, trackingEvents } from './schema.ts';
import { scheduleSandboxEvents } from './sandbox.ts';
import { orderToShip } from './service.ts';
import './messages.ts';

/** Why a tracking number is refused for a carrier, as a field error with the carrier's own wording. */
export function trackingNumberError(carrierCode: string, raw: string | undefined): AppError | null {
  if (!isCarrierCode(carrierCode) || !CARRIERS[carrierCode].sellerSelectable) {
    return new AppError(422, 'validation_failed', {}, [{ field: 'carrier', code: 'unknown_carrier' }]);
  }
  const number = normalizeTrackingNumber(raw ?? '');
  if (!number)
    return new AppError(422, 'tracking_number_required', {}, [{ field: 'trackingNumber', code: 'required' }]);
  const problem = CARRIERS[carrierCode].problem(number);
  if (!problem) return null;
  const params: Record<string, unknown> = { number };
  if (problem === 'bad_check_digit') params.expected = s10CheckDigit(number.slice(2, 10));
  return new AppError(422, 'invalid_tracking_number', { number }, [
    { field: 'trackingNumber', code: `tracking_${problem}.${carrierCode}`, params },
  ]);
}

/** How a shop's own "shipped" is checked and recorded (the orders module's hook). */
export const shopShipsOrder =
  (config: ShippingConfig): ShopShipsOrder =>
  async (tx, actor, order, input) => {
    const carrier = input.carrier ?? 'thailand-post';
    const error = trackingNumberError(carrier, input.trackingNumber);
    if (error) throw error;
    const trackingNumber = normalizeTrackingNumber(input.trackingNumber!);
    // Units held at a hub are the hub's to ship.
    const hubs = new Set((await hubLocations(tx)).map((h) => h.id));
    const held = await reservationsOfOrders(tx, [order.id]);
    if (held.some((r) => hubs.has(r.locationId) && r.status !== 'released'))
      throw new AppError(409, 'order_fulfilled_by_hub');
    const [taken] = await tx
      .select({ orderId: shipments.orderId })
      .from(shipments)
      .where(
        and(
          eq(shipments.carrier, carrier),
          eq(shipments.trackingNumber, trackingNumber),
          ne(shipments.status, 'cancelled'),
        ),
      );
    if (taken && taken.orderId !== order.id)
      throw new AppError(409, 'tracking_number_in_use', { number: trackingNumber });
    await recordShopShipment(tx, actor, order, carrier, trackingNumber, config);
    return { trackingNumber };
  };

async function recordShopShipment(
  tx: Executor,
  actor: Actor,
  order: { id: string; sellerId: string },
  carrier: string,
  trackingNumber: string,
  config: ShippingConfig,
): Promise<void> {
  const [existing] = await tx
    .select()
    .from(shipments)
    .where(and(eq(shipments.carrier, carrier), eq(shipments.trackingNumber, trackingNumber)));
  if (existing) return;
  const now = new Date();
  const fromLocationId = await sellerLocation(tx, order.sellerId);
  const [row] = await tx
    .insert(shipments)
    .values({
      id: newId(),
      orderId: order.id,
      sellerId: order.sellerId,
      carrier,
      trackingNumber,
      status: 'handed_over',
      fulfilment: 'seller',
      fromLocationId,
      parcels: [],
      bookingKey: `seller:${carrier}:${trackingNumber}`,
      handedOverAt: now,
    })
    .returning();
  await tx.insert(trackingEvents).values({
    id: newId(),
    shipmentId: row.id,
    sellerId: order.sellerId,
    code: 'shipped_by_seller',
    occurredAt: now,
    source: 'seller',
    step: 0,
  });
  await emit(tx, {
    topic: 'shipment.handed_over',
    aggregateId: row.id,
    payload: {
      shipmentId: row.id,
      orderId: order.id,
      sellerId: order.sellerId,
      carrier,
      trackingNumber,
      fulfilment: 'seller',
      by: actor.kind,
    },
  });
  const [full, shop] = await Promise.all([orderToShip(tx, order.id), sellerFacts(tx, [order.sellerId])]);
  await scheduleSandboxEvents(
    tx,
    row,
    now,
    {
      fromProvince: shop.get(order.sellerId)?.provinceCode,
      toProvince: shippingAddressOf(full).provinceCode,
    },
    config,
  );
}
