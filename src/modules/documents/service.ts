// Documents: what was issued (a shop's series, an order's documents, one document's data), the
// shop's tax-invoice details (registered address and branch) and a business buyer's details.
// Issuing itself is issue.ts.
import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError, type FieldError, notFound, notFoundIfDenied } from '../../platform/errors.ts';
import type { Hooks } from '../../platform/module.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { requireSellerAccess, getSeller } from '../sellers/index.ts';
import { requireGroup, requireOrder } from '../orders/index.ts';
import { isValidThaiId } from '../../platform/thai.ts';
import { printable } from '../../platform/typed-text.ts';
import type { DocumentKind, InvoiceData } from './invoice.ts';
import { issueWaiting, waitingCount } from './issue.ts';
import { buyerTaxDetails, documents, sellerTaxProfiles } from './schema.ts';
import { cleanTaxAddress, missingParts, taxAddressLine, type TaxAddress } from './tax-address.ts';
import './messages.ts';

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  number: string;
  orderId: string;
  orderNumber: string;
  issuedAt: string;
  total: number;
  currency: string;
}

const summary = (r: typeof documents.$inferSelect): DocumentSummary => {
  const d = r.data as InvoiceData;
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    orderId: r.orderId,
    orderNumber: d.orderNumber,
    issuedAt: r.issuedAt.toISOString(),
    total: d.total,
    currency: d.currency,
  };
};

/** The documents of one order, to whoever may see the order (its buyer, its shop, operators). */
export async function orderDocuments(db: Executor, actor: Actor, orderId: string): Promise<DocumentSummary[]> {
  await requireOrder(db, actor, orderId);
  const rows = await db.select().from(documents).where(eq(documents.orderId, orderId));
  return rows.map(summary);
}

export async function sellerDocuments(db: Executor, actor: Actor, sellerId: string, page = 1, perPage = 50) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select()
    .from(documents)
    .where(eq(documents.sellerId, sellerId))
    .orderBy(desc(documents.issuedAt), desc(documents.serial))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(eq(documents.sellerId, sellerId));
  return { items: rows.map(summary), total: n, page, perPage };
}

/** One document's data, to whoever may see its order. */
export async function documentData(db: Executor, actor: Actor, id: string): Promise<InvoiceData> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  if (!row) throw notFound('document');
  await notFoundIfDenied(requireOrder(db, actor, row.orderId), 'document');
  return row.data as InvoiceData;
}

export interface TaxProfile {
  sellerId: string;
  /** The address on one line, as printed. */
  registeredAddress: string;
  /** Its parts; null when the shop has not given them (an older free-text address). */
  address: TaxAddress | null;
  branch: string;
}

export async function getTaxProfile(db: Executor, actor: Actor, sellerId: string): Promise<TaxProfile | null> {
  await requireSellerAccess(db, actor, sellerId);
  const [row] = await db.select().from(sellerTaxProfiles).where(eq(sellerTaxProfiles.sellerId, sellerId));
  return row
    ? { sellerId, registeredAddress: row.registeredAddress, address: row.address ?? null, branch: row.branch }
    : null;
}

export interface TaxProfileStatus extends TaxProfile {
  vatRegistered: boolean;
  /** Whether a tax invoice can be issued (always true for a shop not registered for VAT: it issues receipts). */
  complete: boolean;
  /** What a tax invoice still needs (field errors), empty when complete. */
  missing: FieldError[];
  /** Paid orders whose document waits for the address. */
  waiting: number;
}

/** The shop's tax profile with what its tax invoices still need, for the seller's invoices page. */
export async function taxProfileStatus(db: Executor, actor: Actor, sellerId: string): Promise<TaxProfileStatus> {
  const profile = (await getTaxProfile(db, actor, sellerId)) ?? {
    sellerId,
    registeredAddress: '',
    address: null,
    branch: '00000',
  };
  const seller = await getSeller(db, actor, sellerId);
  const missing = seller.vatRegistered ? missingParts(profile.address, profile.branch) : [];
  return {
    ...profile,
    vatRegistered: seller.vatRegistered,
    complete: missing.length === 0,
    missing,
    waiting: await waitingCount(db, sellerId),
  };
}

/**
 * The owner sets the registered address (in its parts) and branch. It must be complete (422 with
 * the missing parts otherwise); once saved, the documents that waited for it are issued.
 */
export async function setTaxProfile(
  db: Db,
  actor: Actor,
  sellerId: string,
  input: { address: Partial<Record<keyof TaxAddress, string>>; branch: string },
  hooks?: Hooks,
): Promise<TaxProfile & { issued: number }> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  const address = cleanTaxAddress(input.address);
  const branch = input.branch.trim();
  const missing = missingParts(address, branch);
  if (missing.length) throw new AppError(422, 'validation_failed', {}, missing);
  const value = { registeredAddress: taxAddressLine(address), address, branch };
  await db
    .insert(sellerTaxProfiles)
    .values({ sellerId, ...value })
    .onConflictDoUpdate({ target: sellerTaxProfiles.sellerId, set: { ...value, updatedAt: sql`now()` } });
  const { issued } = await issueWaiting(db, { sellerId, hooks });
  return { sellerId, ...value, issued };
}

export interface BuyerTaxDetails {
  name: string;
  taxId: string;
  branch: string;
  address: string;
}

/**
 * A buyer asks for the tax invoices of a checkout in a business's name (a VAT-registered buyer
 * needs its tax ID and branch on them). Only before they are issued: an issued tax invoice is
 * never rewritten.
 */
export async function setBuyerTaxDetails(
  db: Db,
  actor: Actor,
  groupId: string,
  input: BuyerTaxDetails,
): Promise<BuyerTaxDetails> {
  const group = await requireGroup(db, actor, groupId);
  const taxId = input.taxId.replace(/[\s-]/g, '');
  if (!isValidThaiId(taxId)) throw new AppError(422, 'validation_failed', {}, [{ field: 'taxId', code: 'bad_tax_id' }]);
  if (!/^\d{5}$/.test(input.branch))
    throw new AppError(422, 'validation_failed', {}, [{ field: 'branch', code: 'bad_format' }]);
  const value = { name: printable(input.name), taxId, branch: input.branch, address: printable(input.address) };
  await db.transaction(async (tx) => {
    const [issued] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(sql`${documents.orderId} = any(${`{${group.orders.map((o) => o.id).join(',')}}`}::uuid[])`)
      .limit(1);
    if (issued) throw new AppError(409, 'documents_already_issued');
    await tx
      .insert(buyerTaxDetails)
      .values({ groupId, ...value })
      .onConflictDoUpdate({ target: buyerTaxDetails.groupId, set: value });
  });
  return value;
}

export async function getBuyerTaxDetails(db: Executor, actor: Actor, groupId: string): Promise<BuyerTaxDetails | null> {
  await requireGroup(db, actor, groupId);
  const [row] = await db.select().from(buyerTaxDetails).where(eq(buyerTaxDetails.groupId, groupId));
  return row ? { name: row.name, taxId: row.taxId, branch: row.branch, address: row.address } : null;
}
