// Proof of delivery for a parcel the shop shipped itself: without a carrier's delivery event, the
// shop's word is not enough. It sends a photo of the parcel handed over, or the recipient's
// signature (a photo or scan of it), with the recipient's name; the buyer, the shop and operators
// can see it; the order becomes delivered at that moment, which starts the payout hold.
import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { actorId, systemActor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { storeDocument } from '../../platform/uploads.ts';
import type { MediaObject, MediaStorage } from '../../platform/storage.ts';
import { advanceOrderByCarrier, requireOrder } from '../orders/index.ts';
import { deliveryProofs, shipments } from './schema.ts';
import { recordTrackingEvent } from './tracking.ts';
import './messages.ts';

export const PROOF_KINDS = ['photo', 'signature'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

export interface DeliveryProofInput {
  kind: ProofKind;
  recipientName: string;
  note?: string | null;
}

export interface DeliveryProofView {
  orderId: string;
  kind: ProofKind;
  recipientName: string;
  note: string | null;
  deliveredAt: string;
  contentType: string;
  /** Where the buyer, the shop or an operator fetches the picture. */
  fileUrl: string;
}

const view = (p: typeof deliveryProofs.$inferSelect): DeliveryProofView => ({
  orderId: p.orderId,
  kind: p.kind as ProofKind,
  recipientName: p.recipientName,
  note: p.note,
  deliveredAt: p.deliveredAt.toISOString(),
  contentType: p.contentType,
  fileUrl: `/api/orders/${p.orderId}/delivery-proof/file`,
});

/** Checks the fields before anything is stored, every error at once. */
function checkInput(
  input: DeliveryProofInput,
  file: Buffer | null,
): { kind: ProofKind; recipientName: string; note: string | null; file: Buffer } {
  const errors: { field: string; code: string; params?: Record<string, unknown> }[] = [];
  if (!file?.length) errors.push({ field: 'file', code: 'required' });
  if (!PROOF_KINDS.includes(input.kind)) errors.push({ field: 'kind', code: 'invalid' });
  const recipientName = input.recipientName.normalize('NFC').trim();
  if (!recipientName) errors.push({ field: 'recipientName', code: 'required' });
  const note = input.note?.normalize('NFC').trim() || null;
  if (errors.length || !file) throw new AppError(422, 'validation_failed', {}, errors);
  return { kind: input.kind, recipientName, note, file };
}

/**
 * The shop (or an operator) proves that a shipped order reached its buyer. Pictures only (JPEG,
 * PNG, WebP by their bytes). An order the hub ships is proven by the carrier, not the shop.
 */
export async function recordDeliveryProof(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  orderId: string,
  /** Reads the upload, once the actor is known to be allowed. */
  read: () => Promise<{ input: DeliveryProofInput; file: Buffer | null }>,
  maxBytes: number,
): Promise<DeliveryProofView> {
  const { order } = await requireOrder(db, actor, orderId, ['seller', 'operator']);
  const { input, file } = await read();
  const fields = checkInput(input, file);
  if (order.status === 'delivered') throw new AppError(409, 'already_delivered');
  if (order.status !== 'shipped')
    throw new AppError(409, 'invalid_transition', { from: order.status, to: 'delivered' });
  const proofId = newId();
  const stored = await storeDocument(
    storage,
    `delivery-proofs/${order.sellerId}`,
    proofId,
    fields.file,
    maxBytes,
    'file',
  );
  if (!stored.type.startsWith('image/')) {
    await storage.delete(stored.key);
    throw invalid('file', 'proof_picture_only');
  }
  try {
    const proof = await db.transaction(async (tx) => {
      const ships = await tx
        .select()
        .from(shipments)
        .where(and(eq(shipments.orderId, orderId), ne(shipments.status, 'cancelled')))
        .for('update');
      if (ships.some((s) => s.fulfilment === 'hub')) throw new AppError(409, 'order_fulfilled_by_hub');
      const at = new Date();
      const [row] = await tx
        .insert(deliveryProofs)
        .values({
          orderId,
          shipmentId: ships[0]?.id ?? null,
          sellerId: order.sellerId,
          kind: fields.kind,
          documentKey: stored.key,
          contentType: stored.type,
          bytes: stored.bytes,
          recipientName: fields.recipientName,
          note: fields.note,
          deliveredAt: at,
          recordedBy: actorId(actor),
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError(409, 'already_delivered'); // a second proof sent at the same moment
      if (ships[0]) {
        // On the shipment's timeline as the shop's event; the order follows as the carrier's would.
        await recordTrackingEvent(tx, ships[0].id, {
          step: null,
          code: 'delivered',
          place: null,
          occurredAt: at,
          source: 'seller',
        });
      } else {
        await advanceOrderByCarrier(tx, systemActor('shipping'), orderId, 'delivered', undefined, at);
      }
      return row;
    });
    return view(proof);
  } catch (err) {
    await storage.delete(stored.key); // nothing half-written: no picture without its record
    throw err;
  }
}

async function proofOf(db: Executor, actor: Actor, orderId: string) {
  await requireOrder(db, actor, orderId, ['buyer', 'seller', 'operator']);
  const [p] = await db.select().from(deliveryProofs).where(eq(deliveryProofs.orderId, orderId));
  if (!p) throw notFound('delivery proof');
  return p;
}

/** The proof, for the order's buyer, its shop and operators. */
export const deliveryProof = async (db: Executor, actor: Actor, orderId: string): Promise<DeliveryProofView> =>
  view(await proofOf(db, actor, orderId));

/** The picture itself, for the same people. */
export async function deliveryProofFile(
  db: Executor,
  storage: MediaStorage,
  actor: Actor,
  orderId: string,
): Promise<MediaObject> {
  const p = await proofOf(db, actor, orderId);
  const object = await storage.get(p.documentKey);
  if (!object) throw notFound('delivery proof');
  return object;
}
