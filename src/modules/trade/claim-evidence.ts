// Evidence on a trade claim as files: photos (JPEG, PNG, WebP) or PDFs, checked by their bytes and
// kept in the private media storage through the platform's upload helpers, like a return's photos.
// The buyer adds them until the decision; the buyer, the shop and operators open them.
import { count, eq } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { storeDocument } from '../../platform/uploads.ts';
import { claimOfOrder } from './claims.ts';
import { tradeClaimEvidence, tradeClaims } from './schema.ts';
import { buyersOrder, shopsOrder } from './trade-orders.ts';

export const MAX_EVIDENCE_FILES = 5;
const OPEN = ['open', 'answered', 'escalated'];

/** The buyer attaches a file to the claim on its order, while the claim is undecided. */
export async function addClaimEvidence(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  tradeOrderId: string,
  input: { name: string; file: Buffer | null },
  maxBytes: number,
): Promise<void> {
  const order = await buyersOrder(db, actor, tradeOrderId);
  const claim = await claimOfOrder(db, order.id);
  if (!OPEN.includes(claim.status)) throw new AppError(409, 'claim_state', { status: claim.status });
  const name = input.name.trim().slice(0, 200);
  if (!name) throw invalid('name', 'required');
  if (!input.file?.length) throw invalid('file', 'required');
  const id = newId();
  const stored = await storeDocument(
    storage,
    `trade-claims/${claim.sellerId}/${claim.id}`,
    id,
    input.file,
    maxBytes,
    'file',
  );
  try {
    await db.transaction(async (tx) => {
      // The claim row is locked, so concurrent uploads never pass the limit and none lands after the decision.
      const [c] = await tx.select().from(tradeClaims).where(eq(tradeClaims.id, claim.id)).for('update');
      if (!OPEN.includes(c.status)) throw new AppError(409, 'claim_state', { status: c.status });
      const [{ n }] = await tx
        .select({ n: count() })
        .from(tradeClaimEvidence)
        .where(eq(tradeClaimEvidence.claimId, c.id));
      if (n >= MAX_EVIDENCE_FILES) throw new AppError(409, 'claim_evidence_full', { max: MAX_EVIDENCE_FILES });
      await tx.insert(tradeClaimEvidence).values({
        id,
        claimId: c.id,
        sellerId: c.sellerId,
        name,
        documentKey: stored.key,
        contentType: stored.type,
        bytes: stored.bytes,
      });
    });
  } catch (err) {
    await storage.delete(stored.key); // no file without its record
    throw err;
  }
}

async function fileOf(db: Executor, storage: MediaStorage, claimId: string, fileId: string) {
  const [f] = await db.select().from(tradeClaimEvidence).where(eq(tradeClaimEvidence.id, fileId));
  if (!f || f.claimId !== claimId) throw notFound('trade_claim_evidence');
  const obj = await storage.get(f.documentKey);
  if (!obj) throw notFound('trade_claim_evidence');
  return obj;
}

/** A claim's file for whoever may read the claim: the buyer's company, the shop, an operator. */
export async function claimEvidenceFile(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  as: { buyer: string } | { sellerId: string; tradeOrderId: string } | { claimId: string },
  fileId: string,
) {
  if ('claimId' in as) {
    if (!isOperator(actor)) throw notFound('trade_claim_evidence');
    return fileOf(db, storage, as.claimId, fileId);
  }
  const order =
    'buyer' in as ? await buyersOrder(db, actor, as.buyer) : await shopsOrder(db, actor, as.sellerId, as.tradeOrderId);
  const claim = await claimOfOrder(db, order.id);
  return fileOf(db, storage, claim.id, fileId);
}
