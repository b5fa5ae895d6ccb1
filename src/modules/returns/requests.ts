// The buyer's side of a return: the request (within the shop's window, one open per order line),
// photos of the goods (checked by their bytes), the answer to a partial offer, escalation to the
// operator, and withdrawal.
import { count, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashRequest, idempotent, isUniqueViolation } from '../../platform/idempotency.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { storePhoto } from '../../platform/uploads.ts';
import { hubOfOrder } from '../hub/index.ts';
import { type OrderFacts, orderFacts } from '../orders/index.ts';
import { actorLabel, requireReturn, requireStatus } from './access.ts';
import { RETURN_REASONS, type ReturnReason } from './messages.ts';
import { returnPolicy } from './policy.ts';
import { returnPhotos, returnRequests } from './schema.ts';
import { recordStep, refundedOfLine, refundReturn, setReturn } from './steps.ts';

export interface ReturnRequestInput {
  lineNo: number;
  kind: 'return' | 'refund_only';
  reason: ReturnReason;
  note?: string;
  quantity: number;
}

const DAY = 86_400_000;
export const MAX_PHOTOS = 5;

/**
 * What the buyer paid for a line: its total less its share (pro rata of the goods) of the order's
 * vouchers, the shop's and the platform's; free shipping is a discount on shipping, not on goods.
 */
export function linePaidSatang(order: OrderFacts, lineNo: number): number {
  const line = order.lines[lineNo];
  const vouchers = order.discounts.filter((d) => d.kind !== 'free_shipping').reduce((s, d) => s + d.amountSatang, 0);
  if (!vouchers || !order.subtotalSatang) return line.lineTotalSatang;
  return line.lineTotalSatang - Math.round((vouchers * line.lineTotalSatang) / order.subtotalSatang);
}

/** The buyer of a delivered order asks for a return or a refund of one line, within the shop's window. */
export async function requestReturn(
  db: Db,
  actor: Actor,
  orderId: string,
  input: ReturnRequestInput,
  key?: string,
  now = new Date(),
): Promise<{ id: string }> {
  if (actor.kind !== 'user') throw unauthenticated();
  const order = await orderFacts(db, orderId).catch(() => null);
  if (!order || order.buyerUserId !== actor.userId) throw notFound('order');
  if (!RETURN_REASONS.includes(input.reason)) throw invalid('reason', 'not_allowed');
  if (input.kind !== 'return' && input.kind !== 'refund_only') throw invalid('kind', 'not_allowed');
  if (order.status !== 'delivered' || !order.deliveredAt) throw new AppError(409, 'return_order_not_delivered');
  const { windowDays } = await returnPolicy(db, order.sellerId);
  if (now.getTime() > order.deliveredAt.getTime() + windowDays * DAY)
    throw new AppError(409, 'return_window_closed', { days: windowDays });
  const line = order.lines[input.lineNo];
  if (!line) throw new AppError(404, 'return_line_not_found');
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > line.quantity)
    throw invalid('quantity', 'return_quantity', { max: line.quantity });
  const answer = await idempotent(db, `return:${orderId}`, key, hashRequest('return', input), async (tx) => {
    const paidForLine = linePaidSatang(order, input.lineNo);
    const remaining = paidForLine - (await refundedOfLine(tx, order.id, input.lineNo));
    if (remaining <= 0) throw new AppError(409, 'return_line_refunded');
    const id = newId();
    const row = {
      id,
      orderId: order.id,
      lineNo: input.lineNo,
      sellerId: order.sellerId,
      buyerUserId: actor.userId,
      kind: input.kind,
      reason: input.reason,
      note: (input.note ?? '').trim(),
      quantity: input.quantity,
      requestedSatang: Math.min(Math.round((paidForLine * input.quantity) / line.quantity), remaining),
      crossBorder: order.market === 'CN',
      hubLocationId: await hubOfOrder(tx, order.id),
    };
    try {
      // In a savepoint: a concurrent request for the same line fails on the open-line index alone.
      await tx.transaction((sp) => sp.insert(returnRequests).values(row));
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError(409, 'return_already_open');
      throw err;
    }
    await recordStep(tx, row, 'requested', actorLabel(actor), row.note || null, row.requestedSatang);
    return { statusCode: 201, body: { id } };
  });
  return answer.body as { id: string };
}

/** A photo of the goods, by the buyer, while the return is open (at most MAX_PHOTOS). */
export async function addReturnPhoto(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  returnId: string,
  file: Buffer | null,
  maxBytes: number,
): Promise<{ id: string }> {
  const { row } = await requireReturn(db, actor, returnId, ['buyer']);
  requireStatus(row, ['requested', 'offered', 'refused', 'escalated', 'awaiting_return']);
  if (!file?.length) throw invalid('file', 'required');
  const id = newId();
  const stored = await storePhoto(storage, `returns/${row.sellerId}/${row.id}`, id, file, maxBytes);
  try {
    await db.transaction(async (tx) => {
      await requireReturn(tx, actor, returnId, ['buyer'], true);
      const [{ n }] = await tx.select({ n: count() }).from(returnPhotos).where(eq(returnPhotos.returnId, row.id));
      if (n >= MAX_PHOTOS) throw new AppError(409, 'return_photos_full', { max: MAX_PHOTOS });
      await tx.insert(returnPhotos).values({
        id,
        returnId: row.id,
        sellerId: row.sellerId,
        documentKey: stored.key,
        contentType: stored.type,
        bytes: stored.bytes,
      });
    });
  } catch (err) {
    await storage.delete(stored.key); // no file without its record
    throw err;
  }
  return { id };
}

/** A photo's bytes, for the buyer, the shop and operators. */
export async function returnPhotoFile(db: Db, storage: MediaStorage, actor: Actor, returnId: string, photoId: string) {
  await requireReturn(db, actor, returnId, ['buyer', 'shop', 'operator']);
  const [p] = await db.select().from(returnPhotos).where(eq(returnPhotos.id, photoId));
  if (!p || p.returnId !== returnId) throw notFound('photo');
  const obj = await storage.get(p.documentKey);
  if (!obj) throw notFound('photo');
  return obj;
}

/**
 * The buyer answers the shop's partial offer: accepting it refunds the offer at once (the buyer
 * keeps the goods); declining sends the dispute to the operator.
 */
export async function answerOffer(
  db: Db,
  actor: Actor,
  returnId: string,
  input: { accept: boolean; note?: string },
  key?: string,
): Promise<{ refundId: string | null }> {
  const answer = await idempotent(db, `return-offer:${returnId}`, key, hashRequest('offer', input), async (tx) => {
    const { row } = await requireReturn(tx, actor, returnId, ['buyer'], true);
    requireStatus(row, ['offered']);
    if (input.accept) {
      await recordStep(tx, row, 'offer_accepted', actorLabel(actor), null, row.offerSatang);
      const refundId = await refundReturn(tx, row, row.offerSatang ?? 0, actorLabel(actor));
      return { statusCode: 200, body: { refundId } };
    }
    await setReturn(tx, row.id, { status: 'escalated', escalationNote: input.note?.trim() || null });
    await recordStep(tx, row, 'escalated', actorLabel(actor), input.note?.trim() || null);
    return { statusCode: 200, body: { refundId: null } };
  });
  return answer.body as { refundId: string | null };
}

/** The buyer asks the operator to decide, after a refusal or an offer the buyer does not accept. */
export async function escalateReturn(
  db: Db,
  actor: Actor,
  returnId: string,
  input: { note: string },
  key?: string,
): Promise<void> {
  await idempotent(db, `return-escalate:${returnId}`, key, hashRequest('escalate', input), async (tx) => {
    const { row } = await requireReturn(tx, actor, returnId, ['buyer'], true);
    requireStatus(row, ['refused', 'offered']);
    if (!input.note.trim()) throw invalid('note', 'required');
    await setReturn(tx, row.id, { status: 'escalated', escalationNote: input.note.trim() });
    await recordStep(tx, row, 'escalated', actorLabel(actor), input.note.trim());
    return { statusCode: 204, body: null };
  });
}

/** The buyer withdraws a return nothing has been sent back or refunded for yet. */
export async function withdrawReturn(db: Db, actor: Actor, returnId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { row } = await requireReturn(tx, actor, returnId, ['buyer'], true);
    if (row.status === 'withdrawn') return;
    requireStatus(row, ['requested', 'offered', 'refused', 'escalated', 'awaiting_return']);
    if (row.trackingNumber && row.status !== 'awaiting_return') throw new AppError(409, 'return_state_changed');
    await setReturn(tx, row.id, { status: 'withdrawn' });
    await recordStep(tx, row, 'withdrawn', actorLabel(actor));
  });
}
