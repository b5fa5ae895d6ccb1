// Issuing: when an order is paid, its shop issues a tax invoice (VAT-registered shops) or a
// receipt, numbered from the shop's own series. The serial is taken from a counter row updated in
// the issuing transaction: concurrent issues queue on that row, and a transaction that fails gives
// its number back with its rollback, so numbers never repeat or skip.
// A VAT shop whose registered address is incomplete cannot issue a tax invoice (tax-address.ts):
// the order's document waits and is issued once the address is complete.
import { and, eq, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pickText } from '../../platform/i18n.ts';
import { noHooks, type Hooks } from '../../platform/module.ts';
import { queryRows, type Db, type Executor } from '../../platform/db.ts';
import { thaiAddressLine } from '../../platform/thai.ts';
import { getSeller, requireSellerAccess } from '../sellers/index.ts';
import { type OrderFacts, orderFacts, requireOrder } from '../orders/index.ts';
import { taxRateAt } from '../ledger/index.ts';
import { exportSaleHook, type ExportSale } from './export-sale.ts';
import { buildInvoice, type DocumentKind, type InvoiceLine, type Party } from './invoice.ts';
import { buyerTaxDetails, documents, documentWaits, sellerTaxProfiles } from './schema.ts';
import { missingParts, taxAddressIncomplete, type TaxAddress } from './tax-address.ts';
import './messages.ts';

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

export interface IssueOptions {
  now?: Date;
  /** The platform's hooks: crossborder's export facts for a CN order come through them. */
  hooks?: Hooks;
}

/** The export facts of a CN-market order (null for a domestic one); a CN order without them cannot be issued. */
async function exportFactsOf(db: Db, hooks: Hooks, order: OrderFacts): Promise<ExportSale | null> {
  if (order.market !== 'CN') return null;
  const orderId = order.id;
  const facts = await hooks.get(exportSaleHook)?.(db, orderId);
  if (!facts) throw new Error(`the export facts of cross-border order ${orderId} are missing: its document waits`);
  return facts;
}

/** The Chinese buyer as a party: the address in its Chinese parts, never in Thai fields. */
function chineseBuyer(x: ExportSale): Party {
  const c = x.consignee;
  return {
    name: x.buyer.name,
    address: `${c.province}${c.city === c.province ? '' : c.city}${c.district}${c.street}`,
    taxId: null,
    branch: null,
    country: 'CN',
    addressParts: {
      province: c.province,
      city: c.city,
      district: c.district,
      street: c.street,
      districtCode: c.districtCode,
    },
    ...(c.name !== x.buyer.name ? { consignee: c.name } : {}),
  };
}

/**
 * Issues the order's document once (a redelivered event finds it and stops). A VAT shop with an
 * incomplete registered address refuses with `tax_address_incomplete` (409, per missing field) and
 * the order is put to wait; `onIncomplete: 'wait'` (the event handler) returns null instead of throwing.
 */
export async function issueForOrder(
  db: Db,
  orderId: string,
  opts: IssueOptions & { onIncomplete?: 'wait' | 'throw' } = {},
): Promise<{ id: string; number: string } | null> {
  const now = opts.now ?? new Date();
  const order = await orderFacts(db, orderId);
  const seller = await getSeller(db, systemActor('documents'), order.sellerId);
  const kind: DocumentKind = seller.vatRegistered ? 'tax_invoice' : 'receipt';
  const [existing] = await db
    .select({ id: documents.id, number: documents.number })
    .from(documents)
    .where(and(eq(documents.orderId, orderId), eq(documents.kind, kind)));
  if (existing) return null;
  const [profile] = await db.select().from(sellerTaxProfiles).where(eq(sellerTaxProfiles.sellerId, order.sellerId));
  const address = (profile?.address as TaxAddress | null) ?? null;
  if (kind === 'tax_invoice') {
    const missing = missingParts(address, profile?.branch ?? null);
    if (missing.length) {
      await db
        .insert(documentWaits)
        .values({ orderId, sellerId: order.sellerId, reason: 'tax_address_incomplete' })
        .onConflictDoNothing();
      if (opts.onIncomplete === 'wait') return null;
      throw taxAddressIncomplete(missing);
    }
  }
  const exportSale = await exportFactsOf(db, opts.hooks ?? noHooks, order);
  const [business] = await db.select().from(buyerTaxDetails).where(eq(buyerTaxDetails.groupId, order.groupId));
  const paidAt = order.paidAt ?? now;
  const vatRateBp = await taxRateAt(db, 'vat', paidAt);
  const orderLines: (InvoiceLine & { variantId: string | null })[] = order.lines.map((l) => ({
    variantId: l.variantId,
    description: [l.title, ...l.optionValues].map((t) => pickText(t, 'th')).join(' · '),
    quantity: l.quantity,
    unitPrice: l.unitPriceSatang,
    amount: l.lineTotalSatang,
  }));
  // An export's lines follow its CNY lines (matched by variant).
  const lines = exportSale
    ? exportSale.lines.map((x) => orderLines.find((l) => l.variantId === x.variantId) ?? orderLines[0])
    : orderLines;
  const result = await db.transaction(async (tx) => {
    const serial = await nextSerial(tx, order.sellerId, kind);
    const data = buildInvoice({
      kind,
      serial,
      issuedAt: now,
      paidAt,
      orderNumber: order.number,
      currency: order.currency,
      vatRateBp,
      shipping: order.shippingSatang,
      exportSale: exportSale ?? undefined,
      seller: {
        name: seller.legalName.th,
        taxId: seller.taxId,
        branch: profile?.branch ?? '00000',
        // A receipt may name the shop's province alone; a tax invoice has the complete address (checked above).
        address: address ? thaiAddressLine(address) : profile?.registeredAddress || `จ.${seller.province.th}`,
      },
      buyer: exportSale
        ? chineseBuyer(exportSale)
        : business
          ? { name: business.name, address: business.address, taxId: business.taxId, branch: business.branch }
          : order.shippingAddress
            ? {
                name: order.shippingAddress.name,
                address: thaiAddressLine(order.shippingAddress),
                taxId: null,
                branch: null,
              }
            : { name: '', address: '', taxId: null, branch: null }, // a service order names no address
      lines: lines.map(({ variantId: _v, ...l }) => l),
    });
    const id = newId();
    await tx
      .insert(documents)
      .values({ id, sellerId: order.sellerId, orderId, kind, serial, number: data.number, issuedAt: now, data });
    await tx.delete(documentWaits).where(eq(documentWaits.orderId, orderId));
    return { id, number: data.number };
  });
  return result;
}

/**
 * Issues the waiting documents of a shop (or of every shop) whose address is now complete. A wait
 * whose order got its document elsewhere (a redelivered event) is cleared; one that fails (a CN
 * order's facts missing, a race on the serial) stays for the next try.
 */
export async function issueWaiting(db: Db, opts: IssueOptions & { sellerId?: string; limit?: number } = {}) {
  const waits = await db
    .select({ orderId: documentWaits.orderId })
    .from(documentWaits)
    .where(opts.sellerId ? eq(documentWaits.sellerId, opts.sellerId) : sql`true`)
    .orderBy(documentWaits.createdAt)
    .limit(opts.limit ?? 200);
  let issued = 0;
  let failed = 0;
  for (const w of waits) {
    try {
      if (await issueForOrder(db, w.orderId, { ...opts, onIncomplete: 'wait' })) issued++;
    } catch {
      failed++;
    }
    await db
      .delete(documentWaits)
      .where(
        and(
          eq(documentWaits.orderId, w.orderId),
          sql`exists (select 1 from documents d where d.order_id = ${w.orderId}::uuid)`,
        ),
      );
  }
  return { issued, failed };
}

/** How many of a shop's orders wait for their document. */
export async function waitingCount(db: Executor, sellerId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documentWaits)
    .where(eq(documentWaits.sellerId, sellerId));
  return n;
}

/** A shop (its owner or staff) or an operator issues an order's document now: the refusal says what the address lacks. */
export async function issueNow(db: Db, actor: Actor, orderId: string, hooks: Hooks) {
  const { order } = await requireOrder(db, actor, orderId);
  await requireSellerAccess(db, actor, order.sellerId);
  if (!order.paidAt) throw new AppError(409, 'order_not_paid_yet');
  await issueForOrder(db, orderId, { hooks });
  const [row] = await db
    .select({ id: documents.id, kind: documents.kind, number: documents.number })
    .from(documents)
    .where(eq(documents.orderId, orderId));
  return row;
}
