// The papers that come with a shop application: the owner's ID card, a company's or a community
// enterprise's certificate, the bank book's first page for a bank payout. The owner uploads them
// while the application can still change (pending, or after a rejection); the owner and operators
// can see them; nobody else learns that they exist. They are kept in the private media storage
// (an ID card copy is personal data under the PDPA: no public address, no cache).
import { and, asc, count, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { actorId } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, notFound, notFoundIfDenied } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { MediaObject, MediaStorage } from '../../platform/storage.ts';
import { storeDocument } from '../../platform/uploads.ts';
import { requireSellerAccess } from './access.ts';
import { sellerDocuments, sellers } from './schema.ts';
import type { BusinessType } from './views.ts';
import './messages.ts';

export const APPLICATION_DOCUMENT_KINDS = [
  'id_card',
  'company_certificate',
  'community_enterprise_certificate',
  'cooperative_certificate',
  'otop_registration',
  'bank_book',
  'other',
] as const;
export type ApplicationDocumentKind = (typeof APPLICATION_DOCUMENT_KINDS)[number];

/** At most this many papers per shop: enough for every kind and a few pages more. */
export const MAX_DOCUMENTS_PER_SHOP = 10;

/**
 * What an operator expects for each kind of business (Department of Business Development,
 * Community Enterprise Promotion Act B.E. 2548, Cooperatives Act B.E. 2542): the person's ID card,
 * the legal entity's registration, and the bank book when the payout goes to a bank account.
 */
export function requiredDocumentKinds(
  businessType: BusinessType,
  payoutMethod: string | null,
): ApplicationDocumentKind[] {
  const kinds: ApplicationDocumentKind[] = ['id_card'];
  if (businessType === 'company') kinds.push('company_certificate');
  if (businessType === 'community_enterprise') kinds.push('community_enterprise_certificate');
  if (businessType === 'cooperative') kinds.push('cooperative_certificate');
  if (payoutMethod === 'bank_account') kinds.push('bank_book');
  return kinds;
}

export interface ApplicationDocumentView {
  id: string;
  kind: ApplicationDocumentKind;
  contentType: string;
  bytes: number;
  uploadedAt: string;
  /** Where the owner or an operator opens it. */
  fileUrl: string;
}

export const toDocumentView = (d: typeof sellerDocuments.$inferSelect): ApplicationDocumentView => ({
  id: d.id,
  kind: d.kind as ApplicationDocumentKind,
  contentType: d.contentType,
  bytes: d.bytes,
  uploadedAt: d.uploadedAt.toISOString(),
  fileUrl: `/api/sellers/${d.sellerId}/application/documents/${d.id}/file`,
});

/** The owner (not staff, not an API token) or an operator. */
const requireOwnerOrOperator = (db: Executor, actor: Actor, sellerId: string) =>
  requireSellerAccess(db, actor, sellerId, { ownerOnly: true });

export async function listApplicationDocuments(
  db: Executor,
  actor: Actor,
  sellerId: string,
): Promise<ApplicationDocumentView[]> {
  await requireOwnerOrOperator(db, actor, sellerId);
  const rows = await db
    .select()
    .from(sellerDocuments)
    .where(eq(sellerDocuments.sellerId, sellerId))
    .orderBy(asc(sellerDocuments.uploadedAt), asc(sellerDocuments.id));
  return rows.map(toDocumentView);
}

/** The owner adds a paper while the application can change; the file is checked by its bytes. */
export async function addApplicationDocument(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  sellerId: string,
  /** Reads the upload, once the actor is known to be allowed. */
  read: () => Promise<{ kind: unknown; file: Buffer | null }>,
  maxBytes: number,
): Promise<ApplicationDocumentView> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  const { kind, file } = await read();
  const errors: { field: string; code: string }[] = [];
  if (!APPLICATION_DOCUMENT_KINDS.includes(kind as ApplicationDocumentKind))
    errors.push({ field: 'kind', code: kind ? 'not_allowed' : 'required' });
  if (!file?.length) errors.push({ field: 'file', code: 'required' });
  if (errors.length || !file) throw new AppError(422, 'validation_failed', {}, errors);
  const id = newId();
  const stored = await storeDocument(storage, `seller-documents/${sellerId}`, id, file, maxBytes, 'file');
  try {
    const row = await db.transaction(async (tx) => {
      const [shop] = await tx
        .select({ status: sellers.status })
        .from(sellers)
        .where(eq(sellers.id, sellerId))
        .for('update');
      if (!shop) throw notFound('seller');
      if (shop.status !== 'pending' && shop.status !== 'rejected') throw new AppError(409, 'application_locked');
      const [{ n }] = await tx
        .select({ n: count() })
        .from(sellerDocuments)
        .where(eq(sellerDocuments.sellerId, sellerId));
      if (n >= MAX_DOCUMENTS_PER_SHOP) throw new AppError(409, 'too_many_documents', { max: MAX_DOCUMENTS_PER_SHOP });
      const [inserted] = await tx
        .insert(sellerDocuments)
        .values({
          id,
          sellerId,
          kind: kind as ApplicationDocumentKind,
          documentKey: stored.key,
          contentType: stored.type,
          bytes: stored.bytes,
          uploadedBy: actorId(actor) as string,
        })
        .returning();
      return inserted;
    });
    return toDocumentView(row);
  } catch (err) {
    await storage.delete(stored.key); // nothing half-written: no file without its record
    throw err;
  }
}

/** The owner takes a paper back while the application can change. */
export async function removeApplicationDocument(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  sellerId: string,
  documentId: string,
): Promise<void> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  const key = await db.transaction(async (tx) => {
    const [shop] = await tx
      .select({ status: sellers.status })
      .from(sellers)
      .where(eq(sellers.id, sellerId))
      .for('update');
    if (!shop) throw notFound('seller');
    if (shop.status !== 'pending' && shop.status !== 'rejected') throw new AppError(409, 'application_locked');
    const [gone] = await tx
      .delete(sellerDocuments)
      .where(and(eq(sellerDocuments.id, documentId), eq(sellerDocuments.sellerId, sellerId)))
      .returning({ key: sellerDocuments.documentKey });
    if (!gone) throw notFound('document');
    return gone.key;
  });
  await storage.delete(key);
}

export async function applicationDocumentFile(
  db: Executor,
  storage: MediaStorage,
  actor: Actor,
  sellerId: string,
  documentId: string,
): Promise<MediaObject> {
  await notFoundIfDenied(requireOwnerOrOperator(db, actor, sellerId), 'document');
  const [row] = await db
    .select()
    .from(sellerDocuments)
    .where(and(eq(sellerDocuments.id, documentId), eq(sellerDocuments.sellerId, sellerId)));
  if (!row) throw notFound('document');
  const file = await storage.get(row.documentKey);
  if (!file) throw notFound('document');
  return file;
}
