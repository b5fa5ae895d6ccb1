// Documents: when an order is paid, its shop issues a tax invoice (VAT-registered shops) or a
// receipt, numbered from the shop's own series. The serial is taken from a counter row updated in
// the issuing transaction: concurrent issues queue on that row, and a transaction that fails gives
// its number back with its rollback, so numbers never repeat or skip.
import { and, desc, eq, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pickText } from '../../platform/i18n.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { queryRows, type Db, type Executor } from '../../platform/db.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { getSeller } from '../sellers/index.ts';
import { getOrder, getOrderGroup } from '../orders/index.ts';
import { isValidThaiId } from '../../platform/thai.ts';
import type { ShippingAddress } from '../orders/index.ts';
import { taxRateAt } from '../ledger/index.ts';
import { buildInvoice, type DocumentKind, type InvoiceData } from './invoice.ts';
import { buyerTaxDetails, documents, sellerTaxProfiles } from './schema.ts';
import './messages.ts';

/** A Thai address on one line, as the courier and the Revenue Department read it. */
export function addressLine(a: ShippingAddress): string {
  const bangkok = a.provinceCode === '10';
  const province = provinceByCode(a.provinceCode)?.th ?? '';
  return [
    a.houseNumber,
    a.moo && `หมู่ ${a.moo}`,
    a.village,
    a.soi && `ซ.${a.soi}`,
    a.road && `ถ.${a.road}`,
    bangkok ? `แขวง${a.subdistrict}` : `ต.${a.subdistrict}`,
    bangkok ? `เขต${a.district}` : `อ.${a.district}`,
    bangkok ? province : `จ.${province}`,
    a.postcode,
  ]
    .filter(Boolean)
    .join(' ');
}

async function nextSerial(tx: Executor, sellerId: string, kind: DocumentKind): Promise<number> {
  const [row] = await queryRows<{ serial: number }>(
    tx,
    sql`
    insert into document_sequences (seller_id, kind, next_serial) values (${sellerId}::uuid, ${kind}, 2)
    on conflict (seller_id, kind) do update set next_serial = document_sequences.next_serial + 1
    returning next_serial - 1 as serial`,
  );
  return Number(row.serial);
}

/** order.paid: issues the order's document once (a redelivered event finds it and stops). */
export async function issueForOrder(
  db: Db,
  orderId: string,
  now = new Date(),
): Promise<{ id: string; number: string } | null> {
  const order = await getOrder(db, systemActor('documents'), orderId, 'th');
  const seller = await getSeller(db, systemActor('documents'), order.sellerId);
  const kind: DocumentKind = seller.vatRegistered ? 'tax_invoice' : 'receipt';
  const [existing] = await db
    .select({ id: documents.id, number: documents.number })
    .from(documents)
    .where(and(eq(documents.orderId, orderId), eq(documents.kind, kind)));
  if (existing) return null;
  const [profile] = await db.select().from(sellerTaxProfiles).where(eq(sellerTaxProfiles.sellerId, order.sellerId));
  const [business] = await db.select().from(buyerTaxDetails).where(eq(buyerTaxDetails.groupId, order.groupId));
  const vatRateBp = await taxRateAt(db, 'vat', order.paidAt ? new Date(order.paidAt) : now);
  return db.transaction(async (tx) => {
    const serial = await nextSerial(tx, order.sellerId, kind);
    const data = buildInvoice({
      kind,
      serial,
      issuedAt: now,
      orderNumber: order.number,
      currency: order.currency,
      vatRateBp,
      shipping: order.shippingSatang,
      seller: {
        name: seller.legalName.th,
        taxId: seller.taxId,
        branch: profile?.branch ?? '00000',
        address: profile?.registeredAddress ?? `จ.${seller.province.th}`,
      },
      buyer: business
        ? { name: business.name, address: business.address, taxId: business.taxId, branch: business.branch }
        : order.shippingAddress
          ? { name: order.shippingAddress.name, address: addressLine(order.shippingAddress), taxId: null, branch: null }
          : { name: '', address: '', taxId: null, branch: null }, // a service order names no address
      lines: order.lines.map((l) => ({
        description: [pickText(l.titleText, 'th'), ...l.optionValues].join(' · '),
        quantity: l.quantity,
        unitPrice: l.unitPriceSatang,
        amount: l.lineTotalSatang,
      })),
    });
    const id = newId();
    await tx
      .insert(documents)
      .values({ id, sellerId: order.sellerId, orderId, kind, serial, number: data.number, issuedAt: now, data });
    return { id, number: data.number };
  });
}

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
  await getOrder(db, actor, orderId, 'th');
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
  await getOrder(db, actor, row.orderId, 'th').catch(() => {
    throw notFound('document');
  });
  return row.data as InvoiceData;
}

export interface TaxProfile {
  sellerId: string;
  registeredAddress: string;
  branch: string;
}

export async function getTaxProfile(db: Executor, actor: Actor, sellerId: string): Promise<TaxProfile | null> {
  await requireSellerAccess(db, actor, sellerId);
  const [row] = await db.select().from(sellerTaxProfiles).where(eq(sellerTaxProfiles.sellerId, sellerId));
  return row ? { sellerId, registeredAddress: row.registeredAddress, branch: row.branch } : null;
}

export async function setTaxProfile(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: { registeredAddress: string; branch: string },
): Promise<TaxProfile> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  if (!/^\d{5}$/.test(input.branch))
    throw new AppError(422, 'validation_failed', {}, [{ field: 'branch', code: 'bad_format' }]);
  await db
    .insert(sellerTaxProfiles)
    .values({ sellerId, ...input })
    .onConflictDoUpdate({ target: sellerTaxProfiles.sellerId, set: { ...input, updatedAt: sql`now()` } });
  return { sellerId, ...input };
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
  const group = await getOrderGroup(db, actor, groupId, 'th');
  const taxId = input.taxId.replace(/[\s-]/g, '');
  if (!isValidThaiId(taxId)) throw new AppError(422, 'validation_failed', {}, [{ field: 'taxId', code: 'bad_tax_id' }]);
  if (!/^\d{5}$/.test(input.branch))
    throw new AppError(422, 'validation_failed', {}, [{ field: 'branch', code: 'bad_format' }]);
  const value = { name: input.name.trim(), taxId, branch: input.branch, address: input.address.trim() };
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
  await getOrderGroup(db, actor, groupId, 'th');
  const [row] = await db.select().from(buyerTaxDetails).where(eq(buyerTaxDetails.groupId, groupId));
  return row ? { name: row.name, taxId: row.taxId, branch: row.branch, address: row.address } : null;
}
