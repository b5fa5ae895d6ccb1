// Returns as people see them, in their language: the line, the amounts, the status and every step,
// the photos, the return parcel's tracking, customs' return application and the refund.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { anyUuid, type Db, type Executor } from '../../platform/db.ts';
import { forbidden, unauthenticated } from '../../platform/errors.ts';
import { pickText, translate, type Locale } from '../../platform/i18n.ts';
import { returnDeclarationOf } from '../customs/index.ts';
import { ordersFacts, requireOrder } from '../orders/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { returnShipment } from '../shipping/index.ts';
import { type ReturnRow, requireReturn } from './access.ts';
import { returnPolicy } from './policy.ts';
import { returnPhotos, returnRequests, returnSteps } from './schema.ts';

const DAY = 86_400_000;

export async function returnViews(db: Executor, rows: ReturnRow[], locale: Locale) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [orders, photos, steps] = await Promise.all([
    ordersFacts(db, [...new Set(rows.map((r) => r.orderId))]),
    db.select().from(returnPhotos).where(anyUuid(returnPhotos.returnId, ids)).orderBy(asc(returnPhotos.createdAt)),
    db.select().from(returnSteps).where(anyUuid(returnSteps.returnId, ids)).orderBy(asc(returnSteps.at)),
  ]);
  const out = [];
  for (const r of rows) {
    const order = orders.get(r.orderId);
    const line = order?.lines[r.lineNo];
    const shipment = r.shipmentId ? await returnShipment(db, r.shipmentId) : null;
    const customs = r.crossBorder ? await returnDeclarationOf(db, r.orderId, r.id) : null;
    const { windowDays } = await returnPolicy(db, r.sellerId);
    out.push({
      id: r.id,
      orderId: r.orderId,
      orderNumber: order?.number ?? '',
      sellerId: r.sellerId,
      lineNo: r.lineNo,
      title: line ? pickText(line.title, locale) : '',
      sku: line?.sku ?? '',
      quantity: r.quantity,
      kind: r.kind,
      kindLabel: translate(r.kind === 'return' ? 'return_kind.return' : 'return_kind.refund_only', locale),
      reason: r.reason,
      reasonLabel: translate(`return_reason.${r.reason}`, locale),
      note: r.note,
      status: r.status,
      statusLabel: translate(`return_status.${r.status}`, locale),
      requestedSatang: r.requestedSatang,
      offerSatang: r.offerSatang,
      agreedSatang: r.agreedSatang,
      sellerReason: r.sellerReason,
      escalationNote: r.escalationNote,
      operatorNote: r.operatorNote,
      crossBorder: r.crossBorder,
      toHub: !!r.hubLocationId,
      hubLocationId: r.hubLocationId,
      windowDays,
      returnBy: order?.deliveredAt ? new Date(order.deliveredAt.getTime() + windowDays * DAY).toISOString() : null,
      shipment: shipment
        ? {
            trackingNumber: shipment.trackingNumber,
            status: shipment.status,
            statusLabel: translate(`shipment_status.${shipment.status}`, locale),
            labelUrl: `/api/returns/${r.id}/label.pdf`,
          }
        : null,
      disposition: r.disposition,
      dispositionLabel: r.disposition ? translate(`return_disposition.${r.disposition}`, locale) : null,
      customs,
      refundId: r.refundId,
      refundedAt: r.refundedAt?.toISOString() ?? null,
      photos: photos
        .filter((p) => p.returnId === r.id)
        .map((p) => ({ id: p.id, url: `/api/returns/${r.id}/photos/${p.id}`, contentType: p.contentType })),
      steps: steps
        .filter((s) => s.returnId === r.id)
        .map((s) => ({
          step: s.step,
          label: translate(`return_step.${s.step}`, locale),
          note: s.note,
          amountSatang: s.amountSatang,
          at: s.at.toISOString(),
        })),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    });
  }
  return out;
}
export type ReturnView = Awaited<ReturnType<typeof returnViews>>[number];

export async function getReturn(db: Db, actor: Actor, id: string, locale: Locale): Promise<ReturnView> {
  const { row } = await requireReturn(db, actor, id, ['buyer', 'shop', 'operator']);
  return (await returnViews(db, [row], locale))[0];
}

const list = (db: Executor, where: SQL | undefined) =>
  db.select().from(returnRequests).where(where).orderBy(desc(returnRequests.createdAt)).limit(200);

/** The buyer's own returns, newest first. */
export async function myReturns(db: Db, actor: Actor, locale: Locale) {
  if (actor.kind !== 'user') throw unauthenticated();
  return returnViews(db, await list(db, eq(returnRequests.buyerUserId, actor.userId)), locale);
}

/** An order's returns: for its buyer, its shop and operators. */
export async function orderReturns(db: Db, actor: Actor, orderId: string, locale: Locale) {
  await requireOrder(db, actor, orderId);
  return returnViews(db, await list(db, eq(returnRequests.orderId, orderId)), locale);
}

/** A shop's returns (its members, its API token, operators), optionally only some statuses. */
export async function shopReturns(db: Db, actor: Actor, sellerId: string, statuses: string[], locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const where = and(
    eq(returnRequests.sellerId, sellerId),
    statuses.length ? inArray(returnRequests.status, statuses) : undefined,
  );
  return returnViews(db, await list(db, where), locale);
}

/** The operator's queue: escalated returns, oldest first. */
export async function escalatedReturns(db: Db, actor: Actor, locale: Locale) {
  if (!(actor.kind === 'user' && actor.isOperator)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const rows = await db
    .select()
    .from(returnRequests)
    .where(eq(returnRequests.status, 'escalated'))
    .orderBy(asc(returnRequests.updatedAt))
    .limit(200);
  return returnViews(db, rows, locale);
}
