// Lots traced from the farm: who grew it (a farm or a cooperative member), where (plot, district or
// sub-district), when it was harvested and processed, and the certificates it was made under. The
// hub's lots of the same shop and lot number are its units in the warehouse. Each pack's QR code
// opens the lot's public trace page (trace.ts); one action recalls a lot: its product stops selling,
// the hub blocks its units (standards.lot_recalled) and its buyers are listed for the shop and operators.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import QRCode from 'qrcode';
import { type Actor, isOperator, systemActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.ts';
import { type Locale, pickText } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import { productFacts, setProductStatus } from '../catalog/index.ts';
import { type HubLotLink, hubLotsByNumber, ordersPickedFromLot } from '../hub/index.ts';
import { buyersOfProduct, type ProductBuyer } from '../orders/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { placeLabel, placeOf } from './areas.ts';
import { bangkokDay, type StandardsRuntime } from './config.ts';
import { notifyShop } from './notices.ts';
import { certificates, giAreas, lotCertificates, lots } from './schema.ts';
import { giAreaProblem } from './validate.ts';

type LotRow = typeof lots.$inferSelect;

export interface LotInput {
  productId: string;
  lotNumber: string;
  producerName: string;
  memberCode?: string | null;
  plot?: string | null;
  areaCode: string;
  harvestedOn: string;
  processedOn?: string | null;
  processingNote?: string | null;
  certificateIds?: string[];
}

export interface LotView {
  id: string;
  sellerId: string;
  productId: string;
  productTitle: string;
  lotNumber: string;
  traceCode: string;
  traceUrl: string;
  producerName: string;
  memberCode: string | null;
  plot: string | null;
  area: { code: string; label: string };
  harvestedOn: string;
  processedOn: string | null;
  processingNote: string | null;
  certificateIds: string[];
  status: LotRow['status'];
  recallReason: string | null;
  recalledAt: string | null;
  hubLots: HubLotLink[];
}

const LOT_NUMBER = /^[A-Za-z0-9._/-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 12 characters of a 32-letter alphabet without look-alikes: 60 bits, so trace pages cannot be walked. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const newTraceCode = () => [...randomBytes(12)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

export const traceUrl = (rt: Pick<StandardsRuntime, 'publicUrl'>, code: string) => `${rt.publicUrl}/trace/${code}`;

async function lotViews(db: Executor, rows: LotRow[], rt: StandardsRuntime, locale: Locale): Promise<LotView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [products, links, certs] = await Promise.all([
    productFacts(
      db,
      rows.map((r) => r.productId),
    ),
    Promise.all(
      [...new Set(rows.map((r) => r.sellerId))].map((s) =>
        hubLotsByNumber(
          db,
          s,
          rows.filter((r) => r.sellerId === s).map((r) => r.lotNumber),
        ).then((l) => l.map((x) => ({ ...x, sellerId: s }))),
      ),
    ).then((all) => all.flat()),
    db.select().from(lotCertificates).where(inArray(lotCertificates.lotId, ids)),
  ]);
  return rows.map((r) => {
    const place = placeOf(r.areaCode);
    const product = products.get(r.productId);
    return {
      id: r.id,
      sellerId: r.sellerId,
      productId: r.productId,
      productTitle: product ? pickText(product.title, locale) : '',
      lotNumber: r.lotNumber,
      traceCode: r.traceCode,
      traceUrl: traceUrl(rt, r.traceCode),
      producerName: r.producerName,
      memberCode: r.memberCode,
      plot: r.plot,
      area: { code: r.areaCode, label: place ? placeLabel(place) : r.areaCode },
      harvestedOn: r.harvestedOn,
      processedOn: r.processedOn,
      processingNote: r.processingNote,
      certificateIds: certs.filter((c) => c.lotId === r.id).map((c) => c.certificateId),
      status: r.status,
      recallReason: r.recallReason,
      recalledAt: r.recalledAt?.toISOString() ?? null,
      hubLots: links
        .filter((l) => l.sellerId === r.sellerId && l.lotNumber === r.lotNumber)
        .map(({ sellerId: _s, ...l }) => l),
    };
  });
}

/** A shop's member records a lot; every field is checked before anything is written. */
export async function createLot(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: LotInput,
  rt: StandardsRuntime,
  locale: Locale,
): Promise<LotView> {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  const errors: FieldError[] = [];
  const err = (field: string, code: string, params: Record<string, unknown> = {}) =>
    errors.push({ field, code, params });
  const product = (await productFacts(db, [input.productId])).get(input.productId);
  if (!product || product.sellerId !== sellerId) err('productId', 'not_product_of_shop');
  if (!LOT_NUMBER.test(input.lotNumber ?? '')) err('lotNumber', 'bad_format');
  if (!input.producerName?.trim()) err('producerName', 'required');
  const place = placeOf(input.areaCode ?? '');
  if (!place) err('areaCode', 'unknown_place');
  else if (place.level === 'province') err('areaCode', 'lot_area_needs_district');
  const today = bangkokDay();
  if (!DATE.test(input.harvestedOn ?? '')) err('harvestedOn', 'bad_date');
  else if (input.harvestedOn > today) err('harvestedOn', 'in_future');
  if (input.processedOn) {
    if (!DATE.test(input.processedOn)) err('processedOn', 'bad_date');
    else if (input.processedOn < input.harvestedOn) err('processedOn', 'processed_before_harvest');
    else if (input.processedOn > today) err('processedOn', 'in_future');
  }
  // The lot's certificates are the shop's own; a GI among them must cover where the lot grew.
  const certIds = [...new Set(input.certificateIds ?? [])];
  if (certIds.length) {
    const found = await db
      .select()
      .from(certificates)
      .where(and(eq(certificates.sellerId, sellerId), inArray(certificates.id, certIds)));
    if (found.length !== certIds.length) err('certificateIds', 'not_certificate_of_shop');
    for (const gi of found.filter((c) => c.kind === 'gi' && c.giId)) {
      const area = (await db.select().from(giAreas).where(eq(giAreas.giId, gi.giId!))).map((a) => a.areaCode);
      const problem = place && place.level !== 'province' ? giAreaProblem(area, place.code, 'areaCode') : null;
      if (problem) errors.push(problem);
    }
  }
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  const row = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.sellerId, sellerId), eq(lots.lotNumber, input.lotNumber)));
    if (taken) throw new AppError(409, 'lot_number_taken', {}, [{ field: 'lotNumber', code: 'lot_number_taken' }]);
    const [created] = await tx
      .insert(lots)
      .values({
        id: newId(),
        sellerId,
        productId: input.productId,
        lotNumber: input.lotNumber,
        traceCode: newTraceCode(),
        producerName: input.producerName.trim(),
        memberCode: input.memberCode?.trim() || null,
        plot: input.plot?.trim() || null,
        areaCode: place!.code,
        harvestedOn: input.harvestedOn,
        processedOn: input.processedOn || null,
        processingNote: input.processingNote?.trim() || null,
      })
      .returning();
    if (certIds.length)
      await tx
        .insert(lotCertificates)
        .values(certIds.map((certificateId) => ({ lotId: created.id, certificateId, sellerId })));
    return created;
  });
  return (await lotViews(db, [row], rt, locale))[0];
}

export async function shopLots(db: Executor, actor: Actor, sellerId: string, rt: StandardsRuntime, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db.select().from(lots).where(eq(lots.sellerId, sellerId)).orderBy(desc(lots.createdAt));
  return lotViews(db, rows, rt, locale);
}

async function requireLot(db: Executor, actor: Actor, lotId: string, lock = false): Promise<LotRow> {
  const q = db.select().from(lots).where(eq(lots.id, lotId));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('lot');
  try {
    await requireSellerAccess(db, actor, row.sellerId);
  } catch (e) {
    if (actor.kind === 'guest') throw e;
    throw notFound('lot');
  }
  return row;
}

export interface LotBuyer extends ProductBuyer {
  /** 'picked': the hub picked this lot's units for the order; 'possible': the product, sold since the lot was made. */
  certainty: 'picked' | 'possible';
}

/** Who may hold units of the lot (the shop's members and operators only: names and telephones). */
export async function lotBuyers(db: Executor, row: LotRow): Promise<LotBuyer[]> {
  const picked = await ordersPickedFromLot(db, row.sellerId, row.lotNumber);
  const pickedIds = new Set(picked.map((p) => p.orderId));
  const buyers = await buyersOfProduct(db, {
    sellerId: row.sellerId,
    productId: row.productId,
    since: row.processedOn ?? row.harvestedOn,
    orderIds: [...pickedIds],
  });
  return buyers
    .map((b) => ({ ...b, certainty: pickedIds.has(b.orderId) ? ('picked' as const) : ('possible' as const) }))
    .sort((a, b) => (a.certainty === b.certainty ? a.orderNumber - b.orderNumber : a.certainty === 'picked' ? -1 : 1));
}

export async function lotDetail(db: Executor, actor: Actor, lotId: string, rt: StandardsRuntime, locale: Locale) {
  const row = await requireLot(db, actor, lotId);
  const [view] = await lotViews(db, [row], rt, locale);
  return { ...view, buyers: row.status === 'recalled' ? await lotBuyers(db, row) : [] };
}

/**
 * Recalls a lot in one action (the shop's owner or an operator), in one transaction: the lot is
 * marked recalled with the reason (its trace page says so), its product stops selling, the hub
 * blocks its units when it hears `standards.lot_recalled`, the shop is told, and the answer lists
 * the buyers to contact. Recalling again changes nothing.
 */
export async function recallLot(
  db: Executor,
  actor: Actor,
  lotId: string,
  reason: string | undefined,
  rt: StandardsRuntime,
  locale: Locale,
) {
  const why = (reason ?? '').trim();
  if (!why) throw invalid('reason', 'required');
  if (why.length > 1000) throw invalid('reason', 'too_long', { max: 1000 });
  const first = await requireLot(db, actor, lotId);
  if (!isOperator(actor)) await requireSellerAccess(db, actor, first.sellerId, { ownerOnly: true });
  await db.transaction(async (tx) => {
    const row = await requireLot(tx, actor, lotId, true);
    if (row.status === 'recalled') return;
    await tx
      .update(lots)
      .set({
        status: 'recalled',
        recallReason: why,
        recalledAt: new Date(),
        recalledBy: actor.kind === 'user' ? actor.userId : null,
      })
      .where(eq(lots.id, row.id));
    const product = (await productFacts(tx, [row.productId])).get(row.productId);
    if (product && product.status === 'active')
      await setProductStatus(
        tx,
        systemActor('standards-recall'),
        { sellerId: row.sellerId, productId: row.productId, status: 'archived' },
        rt.media,
      );
    await emit(tx, {
      topic: 'standards.lot_recalled',
      aggregateId: row.id,
      payload: {
        lotId: row.id,
        sellerId: row.sellerId,
        productId: row.productId,
        lotNumber: row.lotNumber,
        reason: why,
      },
    });
    await notifyShop(tx, row.sellerId, 'lot_recalled', { lotNumber: row.lotNumber }, `recalled:${row.id}`);
  });
  return lotDetail(db, actor, lotId, rt, locale);
}

/** The printable QR labels of a lot (one code, as many labels as asked), as SVG the browser prints. */
export async function lotLabels(
  db: Executor,
  actor: Actor,
  lotId: string,
  rt: StandardsRuntime,
  locale: Locale,
): Promise<{ lot: LotView; qrSvg: string }> {
  const row = await requireLot(db, actor, lotId);
  const [lot] = await lotViews(db, [row], rt, locale);
  const qrSvg = await QRCode.toString(lot.traceUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { lot, qrSvg };
}

/** For the hub's label (its lotTraceHook): the trace pages of the shop's lots with these numbers. */
export async function traceLinks(
  db: Executor,
  rt: StandardsRuntime,
  wanted: { sellerId: string; lotNumber: string }[],
): Promise<{ lotNumber: string; url: string }[]> {
  const out: { lotNumber: string; url: string }[] = [];
  for (const w of wanted) {
    const [row] = await db
      .select({ traceCode: lots.traceCode })
      .from(lots)
      .where(and(eq(lots.sellerId, w.sellerId), eq(lots.lotNumber, w.lotNumber)));
    if (row) out.push({ lotNumber: w.lotNumber, url: traceUrl(rt, row.traceCode) });
  }
  return out;
}

export { lotViews };
