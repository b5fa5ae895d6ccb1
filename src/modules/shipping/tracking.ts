// Tracking: what carriers report about a shipment (the sandbox here, a carrier's webhook in
// production), and the timeline buyers, shops and operators see in their language.
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { translate, pickText, type Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import { notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db.ts';
import { advanceOrderByCarrier, requireOrder } from '../orders/index.ts';
import { CARRIERS, normalizeTrackingNumber, type CarrierCode } from './carriers.ts';
import type { ShippingConfig } from './config.ts';
import { shipments, trackingEvents } from './schema.ts';
import './messages.ts';

type Place = { th: string; zh: string; en: string };
export interface CarrierReport {
  step: number | null;
  code: string;
  place: Place | null;
  occurredAt: Date;
  source: 'sandbox' | 'seller' | 'platform' | 'carrier';
}

/** What a shipment's status becomes after each kind of event. */
const STATUS_AFTER: Record<string, string> = {
  accepted: 'in_transit',
  in_transit: 'in_transit',
  at_border: 'at_border',
  customs_cleared: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  failed_attempt: 'failed_attempt',
  delivered: 'delivered',
};

/**
 * Records one carrier event (once: a repeated report of the same step is ignored), moves the
 * shipment's status, and on delivery makes the order delivered. Emits shipment.tracking and, on
 * delivery, shipment.delivered.
 */
export async function recordTrackingEvent(tx: Executor, shipmentId: string, r: CarrierReport): Promise<boolean> {
  const [s] = await tx.select().from(shipments).where(eq(shipments.id, shipmentId)).for('update');
  if (!s) throw notFound('shipment');
  let occurredAt = r.occurredAt;
  if (r.source === 'sandbox') {
    // The sandbox's clock can be moved forward (advanceCarrierSandbox): its events still follow one another.
    const [last] = await tx
      .select({ at: trackingEvents.occurredAt })
      .from(trackingEvents)
      .where(eq(trackingEvents.shipmentId, shipmentId))
      .orderBy(desc(trackingEvents.occurredAt))
      .limit(1);
    if (last && last.at.getTime() >= occurredAt.getTime()) occurredAt = new Date(last.at.getTime() + 1000);
  }
  // Delivered once is delivered: a later report of it (the sandbox's schedule after the shop's proof) adds nothing.
  if (r.code === 'delivered' && s.status === 'delivered') return false;
  const [inserted] = await tx
    .insert(trackingEvents)
    .values({
      id: newId(),
      shipmentId,
      sellerId: s.sellerId,
      code: r.code,
      place: r.place,
      occurredAt,
      source: r.source,
      step: r.step,
    })
    .onConflictDoNothing()
    .returning({ id: trackingEvents.id });
  if (!inserted) return false;
  const status = s.status === 'delivered' ? 'delivered' : (STATUS_AFTER[r.code] ?? s.status);
  await tx
    .update(shipments)
    .set({ status, ...(r.code === 'delivered' ? { deliveredAt: occurredAt } : {}) })
    .where(eq(shipments.id, s.id));
  const base = {
    shipmentId: s.id,
    orderId: s.orderId,
    sellerId: s.sellerId,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
  };
  await emit(tx, {
    topic: 'shipment.tracking',
    aggregateId: s.id,
    payload: { ...base, code: r.code, occurredAt: occurredAt.toISOString(), place: r.place },
  });
  if (r.code === 'delivered' && s.status !== 'delivered' && s.fulfilment === 'return') {
    // A return parcel back at the shop (or the hub) leaves the order as it is: the returns module takes it from here.
    await emit(tx, {
      topic: 'shipment.returned',
      aggregateId: s.id,
      payload: { ...base, deliveredAt: occurredAt.toISOString() },
    });
  } else if (r.code === 'delivered' && s.status !== 'delivered') {
    // The payout hold counts from the delivery itself (never from a moment still to come on the sandbox's clock).
    const at = new Date(Math.min(occurredAt.getTime(), Date.now()));
    await advanceOrderByCarrier(tx, systemActor('shipping'), s.orderId, 'delivered', undefined, at);
    await emit(tx, {
      topic: 'shipment.delivered',
      aggregateId: s.id,
      payload: { ...base, deliveredAt: occurredAt.toISOString() },
    });
  }
  return true;
}

export interface TimelineEvent {
  code: string;
  label: string;
  place: string | null;
  occurredAt: string;
  source: string;
}
export interface ShipmentTimeline {
  shipmentId: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  status: string;
  statusLabel: string;
  fulfilment: string;
  sandbox: boolean;
  parcels: number;
  events: TimelineEvent[];
}

async function timelines(
  db: Executor,
  rows: (typeof shipments.$inferSelect)[],
  locale: Locale,
  config: ShippingConfig,
): Promise<ShipmentTimeline[]> {
  const out: ShipmentTimeline[] = [];
  for (const s of rows) {
    const events = await db
      .select()
      .from(trackingEvents)
      .where(eq(trackingEvents.shipmentId, s.id))
      .orderBy(desc(trackingEvents.occurredAt), desc(trackingEvents.step));
    const carrier = CARRIERS[s.carrier as CarrierCode];
    out.push({
      shipmentId: s.id,
      carrier: s.carrier,
      carrierName: carrier ? pickText(carrier.name, locale) : s.carrier,
      trackingNumber: s.trackingNumber,
      status: s.status,
      statusLabel: translate(`shipment_status.${s.status}`, locale),
      fulfilment: s.fulfilment,
      sandbox: config.sandbox && !!carrier?.sandboxTracked,
      parcels: s.parcels.length,
      events: events.map((e) => ({
        code: e.code,
        label: translate(`tracking.${e.code}`, locale, {
          carrier: carrier ? pickText(carrier.name, locale) : s.carrier,
        }),
        place: e.place ? pickText(e.place, locale) : null,
        occurredAt: e.occurredAt.toISOString(),
        source: e.source,
      })),
    });
  }
  return out;
}

/** An order's tracking: for its buyer, its shop, or an operator (anyone else: not found). */
export async function trackingOfOrder(
  db: Executor,
  actor: Actor,
  orderId: string,
  locale: Locale,
  config: ShippingConfig,
): Promise<ShipmentTimeline[]> {
  await requireOrder(db, actor, orderId); // authorizes: buyer of the order, member of its shop, operator
  const rows = await db
    .select()
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), ne(shipments.status, 'cancelled')))
    .orderBy(asc(shipments.createdAt));
  return timelines(db, rows, locale, config);
}

/**
 * The public tracking page a label's QR code opens: the carrier's events for a tracking number, and
 * nothing about who sends or receives it (anyone holding the parcel can read its label).
 */
export async function trackingByNumber(
  db: Executor,
  trackingNumber: string,
  locale: Locale,
  config: ShippingConfig,
): Promise<ShipmentTimeline[]> {
  const rows = await db
    .select()
    .from(shipments)
    .where(
      and(eq(shipments.trackingNumber, normalizeTrackingNumber(trackingNumber)), ne(shipments.status, 'cancelled')),
    );
  if (!rows.length) throw notFound('shipment');
  return timelines(db, rows, locale, config);
}
