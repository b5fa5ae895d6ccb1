// Packing and dispatch: packing records the parcels (weight, dimensions, count) and books the
// carrier through the shipping module, whose label PDF is then printable; dispatch hands the
// parcels to the carrier (the order becomes shipped).
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db.ts';
import { bookShipment, handOverShipment, type ShippingConfig, shipmentLabelPdf } from '../shipping/index.ts';
import { outboundOrders, type Parcel } from './schema.ts';
import { requireHubStaff } from './access.ts';
import { type LotTrace, lotNumbersOfOutbound } from './lot-links.ts';
import {
  OutboundStateError,
  outboundViews,
  requireOutbound,
  type CustomsReleasePayload,
  type OutboundView,
} from './outbound.ts';

/** Packs a picked order into parcels and books its carrier (packing again before dispatch re-books). */
export async function packOutbound(
  tx: Executor,
  actor: Actor,
  outboundId: string,
  parcels: Parcel[],
): Promise<OutboundView> {
  const o = await requireOutbound(tx, outboundId, true);
  const who = await requireHubStaff(tx, actor, o.locationId, 'pack');
  if (o.status !== 'picked' && o.status !== 'packed') throw new OutboundStateError(o.status);
  const cb = o.crossBorder as Omit<CustomsReleasePayload, 'orderId' | 'groupId' | 'sellerId' | 'consignee'> | null;
  const shipment = await bookShipment(tx, actor, {
    orderId: o.orderId,
    fromLocationId: o.locationId,
    parcels,
    crossBorder: cb
      ? {
          waybillNo: cb.waybillNo,
          consignee: o.shipTo as { name: string; phone: string; address: string; districtCode: string },
        }
      : undefined,
  });
  // The export declaration takes the gross weight weighed at packing (customs' figure was goods + stated packaging).
  const crossBorder = cb
    ? {
        ...cb,
        exportDeclaration: {
          ...cb.exportDeclaration,
          packedGrossWeightGrams: parcels.reduce((g, p) => g + p.weightGrams, 0),
          parcels: parcels.length,
        },
      }
    : null;
  const [row] = await tx
    .update(outboundOrders)
    .set({
      status: 'packed',
      parcels,
      shipmentId: shipment.id,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      packedAt: sql`now()`,
      packedBy: who.userId,
      ...(crossBorder ? { crossBorder } : {}),
    })
    .where(eq(outboundOrders.id, o.id))
    .returning();
  return (await outboundViews(tx, [row]))[0];
}

/** The shipping label of a packed order (PDF from the shipping module). */
export async function outboundLabel(
  db: Executor,
  actor: Actor,
  outboundId: string,
  shipping: ShippingConfig,
  trace?: LotTrace,
): Promise<{ pdf: Buffer; trackingNumber: string }> {
  const o = await requireOutbound(db, outboundId);
  await requireHubStaff(db, actor, o.locationId, 'pack');
  if (!o.shipmentId || !o.trackingNumber) throw notFound('shipment');
  // The lots picked for this order, traced by the module that fills in lotTraceHook (if any).
  const codes = trace ? await trace(db, await lotNumbersOfOutbound(db, o.id)) : [];
  return {
    pdf: await shipmentLabelPdf(db, actor, o.shipmentId, shipping, { trace: codes }),
    trackingNumber: o.trackingNumber,
  };
}

/** Hands a packed order to its carrier: the staff scan the parcel's tracking barcode (or give the id). */
export async function dispatchOutbound(
  tx: Executor,
  actor: Actor,
  outboundId: string,
  shipping: ShippingConfig,
): Promise<OutboundView> {
  const o = await requireOutbound(tx, outboundId, true);
  const who = await requireHubStaff(tx, actor, o.locationId, 'dispatch');
  if (o.status === 'dispatched') return (await outboundViews(tx, [o]))[0];
  if (o.status !== 'packed' || !o.shipmentId) throw new OutboundStateError(o.status);
  await handOverShipment(tx, actor, o.shipmentId, shipping);
  const [row] = await tx
    .update(outboundOrders)
    .set({ status: 'dispatched', dispatchedAt: sql`now()`, dispatchedBy: who.userId })
    .where(eq(outboundOrders.id, o.id))
    .returning();
  return (await outboundViews(tx, [row]))[0];
}
