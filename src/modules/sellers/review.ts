// Operators review shop applications: list them by status, approve, or reject with a reason the
// applicant sees; they also mark flagship stores. Each status change writes its outbox event in
// the same transaction.
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { isOperator, type Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { emit } from '../../events.ts';
import {
  requiredDocumentKinds,
  toDocumentView,
  type ApplicationDocumentKind,
  type ApplicationDocumentView,
} from './documents.ts';
import { sellerDocuments, sellers } from './schema.ts';
import { toSellerView, type SellerStatus, type SellerView } from './views.ts';
import './messages.ts';
import {
  nameWarnings,
  payoutNameMatches,
  sandboxTaxRegistry,
  type ApprovalWarning,
  type RegistryAnswer,
  type TaxRegistry,
} from './approval-checks.ts';

const REASON_MAX = 2000;

function requireOperator(actor: Actor): void {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
}

const reviewerId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

export async function listApplications(
  db: Executor,
  actor: Actor,
  input: { status?: SellerStatus; page: number; perPage: number },
): Promise<{ items: SellerView[]; total: number; page: number; perPage: number }> {
  requireOperator(actor);
  const where: SQL | undefined = input.status ? eq(sellers.status, input.status) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(sellers).where(where);
  const rows = await db
    .select()
    .from(sellers)
    .where(where)
    .orderBy(desc(sellers.createdAt), desc(sellers.id))
    .limit(input.perPage)
    .offset((input.page - 1) * input.perPage);
  return { items: rows.map(toSellerView), total, page: input.page, perPage: input.perPage };
}

/** Moves a pending application to approved or rejected, or says why it cannot. */
async function decide(
  db: Executor,
  actor: Actor,
  sellerId: string,
  to: 'approved' | 'rejected',
  reason: string | null,
): Promise<SellerView> {
  requireOperator(actor);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: sellers.status })
      .from(sellers)
      .where(eq(sellers.id, sellerId))
      .for('update');
    if (!current) throw notFound('seller');
    if (current.status !== 'pending') throw new AppError(409, 'seller_not_pending', { status: current.status });
    const [row] = await tx
      .update(sellers)
      .set({ status: to, rejectionReason: reason, reviewedBy: reviewerId(actor), reviewedAt: new Date() })
      .where(and(eq(sellers.id, sellerId), eq(sellers.status, 'pending')))
      .returning();
    const reviewedBy = reviewerId(actor);
    await emit(
      tx,
      to === 'approved'
        ? { topic: 'seller.approved', aggregateId: sellerId, payload: { sellerId, slug: row.slug, reviewedBy } }
        : {
            topic: 'seller.rejected',
            aggregateId: sellerId,
            payload: { sellerId, slug: row.slug, reviewedBy, reason: reason ?? '' },
          },
    );
    return toSellerView(row);
  });
}

export interface ApprovalReview {
  sellerId: string;
  /** Each warning with its key; name warnings must be acknowledged (by key) to approve. */
  warnings: (ApprovalWarning & { key: string; blocking: boolean })[];
  registry: RegistryAnswer;
  payout: { method: string | null; accountName: string | null; matches: boolean | null };
  /** The papers the applicant attached, and the kinds expected for this business that are missing. */
  documents: ApplicationDocumentView[];
  missingDocuments: ApplicationDocumentKind[];
}

/** What the operator checks before approving: warnings, the registry lookup (sandbox), the payout name. */
export async function reviewApplication(
  db: Executor,
  actor: Actor,
  sellerId: string,
  registry: TaxRegistry = sandboxTaxRegistry,
): Promise<ApprovalReview> {
  requireOperator(actor);
  const [row] = await db.select().from(sellers).where(eq(sellers.id, sellerId));
  if (!row) throw notFound('seller');
  const warnings: ApprovalReview['warnings'] = nameWarnings({
    'shopName.th': row.shopNameTh,
    'shopName.zh': row.shopNameZh,
    'shopName.en': row.shopNameEn,
    'legalName.th': row.legalNameTh,
    'legalName.en': row.legalNameEn,
  }).map((w) => ({ ...w, key: `${w.code}:${w.field}`, blocking: true }));
  const accountName = row.payoutAccountName;
  const matches = accountName
    ? payoutNameMatches(accountName, [row.legalNameTh, row.legalNameEn, row.shopNameTh, row.shopNameEn])
    : null;
  if (matches === false)
    warnings.push({
      code: 'payout_name_mismatch',
      field: 'payout.accountName',
      key: 'payout_name_mismatch:payout.accountName',
      blocking: false,
    });
  const papers = await db
    .select()
    .from(sellerDocuments)
    .where(eq(sellerDocuments.sellerId, sellerId))
    .orderBy(sellerDocuments.uploadedAt);
  const documents = papers.map(toDocumentView);
  const missingDocuments = requiredDocumentKinds(row.businessType, row.payoutMethod).filter(
    (kind) => !documents.some((d) => d.kind === kind),
  );
  // A missing paper is the operator's call (it may come by post or be checked at a centre): shown, not blocking.
  for (const kind of missingDocuments)
    warnings.push({
      code: 'document_missing',
      field: `documents.${kind}`,
      key: `document_missing:${kind}`,
      blocking: false,
    });
  return {
    sellerId,
    warnings,
    registry: await registry.lookup(row.taxId, row.legalNameTh),
    payout: { method: row.payoutMethod, accountName, matches },
    documents,
    missingDocuments,
  };
}

/**
 * Approves a pending application. A name with markup, emoji or look-alike letters is approved only
 * when the operator acknowledges each such warning by its key.
 */
export async function approveSeller(
  db: Executor,
  actor: Actor,
  sellerId: string,
  acknowledged: readonly string[] = [],
): Promise<SellerView> {
  const review = await reviewApplication(db, actor, sellerId);
  const open = review.warnings.filter((w) => w.blocking && !acknowledged.includes(w.key)).map((w) => w.key);
  if (open.length) throw new AppError(409, 'approval_warnings_open', { warnings: open.join(', ') });
  return decide(db, actor, sellerId, 'approved', null);
}

/** A rejection needs a reason: the applicant reads it to correct the application. */
export async function rejectSeller(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: { reason: string },
): Promise<SellerView> {
  requireOperator(actor);
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', 'required');
  if (reason.length > REASON_MAX) throw invalid('reason', 'too_long', { max: REASON_MAX });
  return decide(db, actor, sellerId, 'rejected', reason);
}

export async function setFlagship(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: { isFlagship: boolean },
): Promise<SellerView> {
  requireOperator(actor);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ isFlagship: sellers.isFlagship })
      .from(sellers)
      .where(eq(sellers.id, sellerId))
      .for('update');
    if (!current) throw notFound('seller');
    const [row] = await tx
      .update(sellers)
      .set({ isFlagship: input.isFlagship })
      .where(eq(sellers.id, sellerId))
      .returning();
    // Search ranks flagship stores higher and marks their cards: it hears of the change here.
    if (current.isFlagship !== input.isFlagship) {
      await emit(tx, {
        topic: 'seller.flagship_changed',
        aggregateId: sellerId,
        payload: { sellerId, slug: row.slug, flagship: input.isFlagship, by: reviewerId(actor) },
      });
    }
    return toSellerView(row);
  });
}

/**
 * An operator suspends an approved shop (with a reason the shop reads): its products stop selling
 * at once (the shops_on_sale view leaves it out) and search drops them through the outbox.
 */
export async function suspendSeller(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: { reason: string },
): Promise<SellerView> {
  requireOperator(actor);
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', 'required');
  if (reason.length > REASON_MAX) throw invalid('reason', 'too_long', { max: REASON_MAX });
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(sellers).where(eq(sellers.id, sellerId)).for('update');
    if (!current) throw notFound('seller');
    if (current.status === 'suspended') return toSellerView(current);
    if (current.status !== 'approved') throw new AppError(409, 'seller_not_approved', { status: current.status });
    const [row] = await tx
      .update(sellers)
      .set({ status: 'suspended', suspensionReason: reason })
      .where(eq(sellers.id, sellerId))
      .returning();
    await emit(tx, {
      topic: 'seller.suspended',
      aggregateId: sellerId,
      payload: { sellerId, slug: row.slug, reason, by: reviewerId(actor) },
    });
    return toSellerView(row);
  });
}

/** An operator lifts a suspension: the shop sells again. */
export async function reinstateSeller(db: Executor, actor: Actor, sellerId: string): Promise<SellerView> {
  requireOperator(actor);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(sellers).where(eq(sellers.id, sellerId)).for('update');
    if (!current) throw notFound('seller');
    if (current.status === 'approved') return toSellerView(current);
    if (current.status !== 'suspended') throw new AppError(409, 'seller_not_suspended', { status: current.status });
    const [row] = await tx
      .update(sellers)
      .set({ status: 'approved', suspensionReason: null })
      .where(eq(sellers.id, sellerId))
      .returning();
    await emit(tx, {
      topic: 'seller.reinstated',
      aggregateId: sellerId,
      payload: { sellerId, slug: row.slug, by: reviewerId(actor) },
    });
    return toSellerView(row);
  });
}
