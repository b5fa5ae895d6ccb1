// The goods going back: the return label (booked through shipping with the platform's Thailand
// Post account), the hand-over at the post office, the parcel's arrival (shipment.returned), and
// the receipt — by the shop for its own returns, or by the hub, which decides what becomes of the
// goods: sealed ones go back into (bonded) stock, others are destroyed; for a bonded sale customs
// is told with the return application (CEB625). The agreed refund follows the receipt.
import { and, eq, inArray } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { hashRequest, idempotent } from '../../platform/idempotency.ts';
import { type CustomsRuntime, declareReturn } from '../customs/index.ts';
import { receiveReturnedUnits, requireHubStaff } from '../hub/index.ts';
import { orderFacts } from '../orders/index.ts';
import {
  bookReturnShipment,
  handOverReturnShipment,
  type ShippingConfig,
  shipmentLabelPdf,
} from '../shipping/index.ts';
import { actorLabel, type ReturnRow, requireReturn, requireStatus } from './access.ts';
import { returnRequests } from './schema.ts';
import { recordStep, refundReturn, setReturn } from './steps.ts';

/**
 * How long after delivery a bonded sale's goods may come back into bond (REFERENCE.md: returns
 * outside the period are not re-bonded). 30 days is an unconfirmed default an operator may change.
 */
export const BONDED_RETURN_PERIOD_DAYS = 30;

const DEFAULT_PARCEL = { weightGrams: 1000, lengthMm: 300, widthMm: 200, heightMm: 150 };

/** The buyer gets the return label (booking it again gives the same label). */
export async function bookReturnLabel(
  db: Db,
  actor: Actor,
  returnId: string,
  parcel = DEFAULT_PARCEL,
): Promise<{ trackingNumber: string }> {
  return db.transaction(async (tx) => {
    const { row } = await requireReturn(tx, actor, returnId, ['buyer'], true);
    if (row.trackingNumber) return { trackingNumber: row.trackingNumber };
    requireStatus(row, ['awaiting_return']);
    const s = await bookReturnShipment(tx, {
      orderId: row.orderId,
      returnId: row.id,
      parcels: [parcel],
      toLocationId: row.hubLocationId,
    });
    await setReturn(tx, row.id, { shipmentId: s.id, trackingNumber: s.trackingNumber });
    await recordStep(tx, row, 'label_booked', actorLabel(actor), s.trackingNumber);
    return { trackingNumber: s.trackingNumber };
  });
}

export async function returnLabelPdf(db: Db, actor: Actor, returnId: string, config: ShippingConfig) {
  const { row } = await requireReturn(db, actor, returnId, ['buyer', 'shop', 'operator']);
  if (!row.shipmentId) throw new AppError(409, 'return_state_changed');
  return shipmentLabelPdf(db, systemActor('returns'), row.shipmentId, config);
}

/** The buyer handed the parcel to the post office: the carrier starts tracking it. */
export async function handOverReturn(db: Db, actor: Actor, returnId: string, config: ShippingConfig): Promise<void> {
  await db.transaction(async (tx) => {
    const { row } = await requireReturn(tx, actor, returnId, ['buyer'], true);
    if (row.status === 'in_transit') return;
    requireStatus(row, ['awaiting_return']);
    if (!row.shipmentId) throw new AppError(409, 'return_state_changed');
    await handOverReturnShipment(tx, row.shipmentId, config);
    await setReturn(tx, row.id, { status: 'in_transit' });
    await recordStep(tx, row, 'handed_over', actorLabel(actor), row.trackingNumber);
  });
}

/**
 * shipment.returned: the parcel is back. A shop's own return is received and refunded at once
 * (the carrier's delivery is the proof); one going back to a hub waits for the hub's inspection.
 * Idempotent: a second delivery of the event finds the return moved on.
 */
export async function onReturnParcelArrived(db: Executor, shipmentId: string): Promise<void> {
  const [found] = await db.select().from(returnRequests).where(eq(returnRequests.shipmentId, shipmentId)).for('update');
  if (!found || found.status !== 'in_transit') return;
  await setReturn(db, found.id, { status: 'received', receivedAt: new Date() });
  await recordStep(db, found, 'received', 'system:carrier', found.trackingNumber);
  if (!found.hubLocationId) await finishReceipt(db, found, 'kept', 'system:carrier');
}

async function finishReceipt(tx: Executor, row: ReturnRow, disposition: string, by: string): Promise<string> {
  await setReturn(tx, row.id, { disposition });
  return refundReturn(tx, row, row.agreedSatang ?? row.requestedSatang, by);
}

/** The shop confirms it has its goods back (a parcel that came without tracking, or by hand): the refund follows. */
export async function confirmReceivedByShop(
  db: Db,
  actor: Actor,
  returnId: string,
  key?: string,
): Promise<{ refundId: string }> {
  const answer = await idempotent(db, `return-received:${returnId}`, key, hashRequest('received', {}), async (tx) => {
    const { row } = await requireReturn(tx, actor, returnId, ['shop', 'operator'], true);
    if (row.hubLocationId) throw new AppError(409, 'return_state_changed');
    requireStatus(row, ['awaiting_return', 'in_transit', 'received']);
    if (row.status !== 'received') {
      await setReturn(tx, row.id, { status: 'received', receivedAt: new Date() });
      await recordStep(tx, row, 'received', actorLabel(actor));
    }
    return { statusCode: 200, body: { refundId: await finishReceipt(tx, row, 'kept', actorLabel(actor)) } };
  });
  return answer.body as { refundId: string };
}

/**
 * The hub inspects a return that came back to it: sealed goods (and, for a bonded sale, within the
 * period) go back into stock, anything else is destroyed under supervision; a bonded sale's return
 * is declared to customs; then the refund.
 */
export async function inspectAtHub(
  db: Db,
  actor: Actor,
  customs: CustomsRuntime,
  returnId: string,
  input: { sealed: boolean },
  key?: string,
  now = new Date(),
): Promise<{ refundId: string; disposition: 'restock' | 'destroy' }> {
  const answer = await idempotent(db, `return-inspect:${returnId}`, key, hashRequest('inspect', input), async (tx) => {
    const [row] = await tx.select().from(returnRequests).where(eq(returnRequests.id, returnId)).for('update');
    if (!row?.hubLocationId) throw new AppError(404, 'not_found', { what: 'return' });
    await requireHubStaff(tx, actor, row.hubLocationId, 'receive').catch(() => {
      throw new AppError(404, 'not_found', { what: 'return' });
    });
    requireStatus(row, ['in_transit', 'received']);
    const order = await orderFacts(tx, row.orderId);
    const withinPeriod =
      !!order.deliveredAt && now.getTime() <= order.deliveredAt.getTime() + BONDED_RETURN_PERIOD_DAYS * 86_400_000;
    const disposition = input.sealed && (!row.crossBorder || withinPeriod) ? 'restock' : 'destroy';
    const by = actorLabel(actor);
    if (row.status !== 'received') {
      await setReturn(tx, row.id, { status: 'received', receivedAt: now });
      await recordStep(tx, row, 'received', by, input.sealed ? 'sealed' : 'unsealed');
    }
    const line = order.lines[row.lineNo];
    await receiveReturnedUnits(tx, {
      returnId: row.id,
      orderId: row.orderId,
      sellerId: row.sellerId,
      locationId: row.hubLocationId,
      variantId: line.variantId as string,
      quantity: row.quantity,
      disposition,
    });
    if (row.crossBorder) {
      const guid = await declareReturn(tx, customs, {
        orderId: row.orderId,
        returnId: row.id,
        lines: [{ variantId: line.variantId as string, quantity: row.quantity }],
        disposition: disposition === 'restock' ? 'rebond' : 'destroy',
        reason: row.reason,
      });
      await setReturn(tx, row.id, { customsGuid: guid });
      await recordStep(tx, row, 'customs_declared', by, guid);
    }
    const refundId = await finishReceipt(tx, row, disposition, by);
    return { statusCode: 200, body: { refundId, disposition } };
  });
  return answer.body as { refundId: string; disposition: 'restock' | 'destroy' };
}

/** Returns waiting at a hub for inspection (for its staff). */
export async function hubReturnsWaiting(db: Db, actor: Actor, locationId: string) {
  await requireHubStaff(db, actor, locationId, 'view');
  return db
    .select()
    .from(returnRequests)
    .where(
      and(eq(returnRequests.hubLocationId, locationId), inArray(returnRequests.status, ['in_transit', 'received'])),
    )
    .orderBy(returnRequests.createdAt);
}
