// Inbound: a seller's advance shipping notice (ASN) to a hub; the hub receives it at the dock
// (scanned or typed), records what was short, over or damaged (the seller sees it), and puts the
// stock away into bins. Received good units are sellable at that hub at once (inventory).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import {
  AppError,
  invalid,
  notFound,
  type FieldError,
  notFoundIfDenied,
  isAccessRefusal,
} from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { queryRows, type Executor } from '../../platform/db.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { getVariantsForSale } from '../catalog/index.ts';
import { adjustHubStock } from '../inventory/index.ts';
import { hubBins, hubZones, inboundLines, inboundShipments, hubLots } from './schema.ts';
import { requireHub, requireHubStaff, type HubWorker } from './access.ts';
import { applyMovements, bangkokDate, lotFor } from './movements.ts';

export const asnNumber = (n: number): string => `ASN-${String(n).padStart(6, '0')}`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface InboundLineInput {
  variantId: string;
  quantity: number;
  lotNumber: string;
  productionDate?: string | null;
  expiryDate?: string | null;
}
export interface InboundInput {
  locationId: string;
  cartons: number;
  expectedAt?: string | null;
  note?: string | null;
  lines: InboundLineInput[];
}

export interface InboundLineView {
  id: string;
  variantId: string;
  sku: string;
  lotNumber: string;
  productionDate: string | null;
  expiryDate: string | null;
  expectedQty: number;
  receivedQty: number;
  damagedQty: number;
  shortQty: number;
  overQty: number;
}
export interface InboundView {
  id: string;
  number: string;
  sellerId: string;
  locationId: string;
  status: string;
  cartons: number;
  expectedAt: string | null;
  note: string | null;
  createdAt: string;
  receivedAt: string | null;
  lines: InboundLineView[];
  discrepancies: number;
}

/** A seller tells a hub what is coming. Perishables must name production and expiry dates. */
export async function createInbound(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: InboundInput,
): Promise<InboundView> {
  await requireSellerAccess(db, actor, sellerId);
  await requireHub(db, input.locationId);
  const variants = new Map(
    (
      await getVariantsForSale(
        db,
        input.lines.map((l) => l.variantId),
      )
    ).map((v) => [v.variantId, v]),
  );
  const errors: FieldError[] = [];
  const today = bangkokDate();
  input.lines.forEach((l, i) => {
    const v = variants.get(l.variantId);
    if (!v || v.sellerId !== sellerId) errors.push({ field: `lines.${i}.variantId`, code: 'variant_not_in_shop' });
    for (const k of ['productionDate', 'expiryDate'] as const)
      if (l[k] && !DATE.test(l[k]!)) errors.push({ field: `lines.${i}.${k}`, code: 'bad_format' });
    if (v?.perishable) {
      if (!l.productionDate) errors.push({ field: `lines.${i}.productionDate`, code: 'required' });
      if (!l.expiryDate) errors.push({ field: `lines.${i}.expiryDate`, code: 'required' });
    }
    if (l.productionDate && l.expiryDate && l.expiryDate <= l.productionDate)
      errors.push({ field: `lines.${i}.expiryDate`, code: 'expiry_before_production' });
    else if (l.expiryDate && l.expiryDate <= today)
      errors.push({ field: `lines.${i}.expiryDate`, code: 'already_expired' });
  });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  return db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(inboundShipments).values({
      id,
      sellerId,
      locationId: input.locationId,
      cartons: input.cartons,
      expectedAt: input.expectedAt ?? null,
      note: input.note ?? null,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    await tx.insert(inboundLines).values(
      input.lines.map((l) => ({
        id: newId(),
        shipmentId: id,
        sellerId,
        variantId: l.variantId,
        sku: variants.get(l.variantId)!.sku,
        lotNumber: l.lotNumber.trim(),
        productionDate: l.productionDate ?? null,
        expiryDate: l.expiryDate ?? null,
        expectedQty: l.quantity,
      })),
    );
    return (await inboundViews(tx, [id]))[0];
  });
}

async function inboundViews(db: Executor, ids: string[]): Promise<InboundView[]> {
  if (!ids.length) return [];
  const [ships, lines] = await Promise.all([
    db
      .select()
      .from(inboundShipments)
      .where(inArray(inboundShipments.id, ids))
      .orderBy(desc(inboundShipments.createdAt)),
    db
      .select()
      .from(inboundLines)
      .where(inArray(inboundLines.shipmentId, ids))
      .orderBy(asc(inboundLines.sku), asc(inboundLines.lotNumber)),
  ]);
  return ships.map((s) => {
    const ls = lines
      .filter((l) => l.shipmentId === s.id)
      .map((l) => {
        const counted = l.receivedQty + l.damagedQty;
        const done = s.status === 'received';
        return {
          id: l.id,
          variantId: l.variantId,
          sku: l.sku,
          lotNumber: l.lotNumber,
          productionDate: l.productionDate,
          expiryDate: l.expiryDate,
          expectedQty: l.expectedQty,
          receivedQty: l.receivedQty,
          damagedQty: l.damagedQty,
          shortQty: done ? Math.max(0, l.expectedQty - counted) : 0,
          overQty: Math.max(0, counted - l.expectedQty),
        };
      });
    return {
      id: s.id,
      number: asnNumber(s.number),
      sellerId: s.sellerId,
      locationId: s.locationId,
      status: s.status,
      cartons: s.cartons,
      expectedAt: s.expectedAt,
      note: s.note,
      createdAt: s.createdAt.toISOString(),
      receivedAt: s.receivedAt?.toISOString() ?? null,
      lines: ls,
      discrepancies: ls.filter((l) => l.shortQty || l.overQty || l.damagedQty).length,
    };
  });
}

/** A seller's inbound shipments with what the hub found. */
export async function sellerInbound(db: Executor, actor: Actor, sellerId: string): Promise<InboundView[]> {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select({ id: inboundShipments.id })
    .from(inboundShipments)
    .where(eq(inboundShipments.sellerId, sellerId))
    .orderBy(desc(inboundShipments.createdAt))
    .limit(100);
  return inboundViews(
    db,
    rows.map((r) => r.id),
  );
}

/** One ASN: for its seller, or for staff of its hub. */
export async function getInbound(db: Executor, actor: Actor, id: string): Promise<InboundView> {
  const [s] = await db.select().from(inboundShipments).where(eq(inboundShipments.id, id));
  if (!s) throw notFound('inbound shipment');
  // Hub staff see the ASNs at their hub, and each shop its own; to anyone else it does not exist.
  const staff = await requireHubStaff(db, actor, s.locationId, 'view').then(
    () => true,
    (err) => (isAccessRefusal(err) ? false : Promise.reject(err)),
  );
  if (!staff) await notFoundIfDenied(requireSellerAccess(db, actor, s.sellerId), 'inbound shipment');
  return (await inboundViews(db, [id]))[0];
}

/** The hub's ASNs still to receive (or being received), oldest first; found by number too. */
export async function hubInboundQueue(db: Executor, actor: Actor, locationId: string): Promise<InboundView[]> {
  await requireHubStaff(db, actor, locationId, 'view');
  const rows = await db
    .select({ id: inboundShipments.id })
    .from(inboundShipments)
    .where(and(eq(inboundShipments.locationId, locationId), inArray(inboundShipments.status, ['sent', 'receiving'])))
    .orderBy(asc(inboundShipments.createdAt))
    .limit(200);
  return (
    await inboundViews(
      db,
      rows.map((r) => r.id),
    )
  ).reverse();
}

export async function inboundByNumber(
  db: Executor,
  actor: Actor,
  locationId: string,
  number: string,
): Promise<InboundView> {
  await requireHubStaff(db, actor, locationId, 'view');
  const n = Number(number.replace(/^ASN-?/i, ''));
  const [s] =
    Number.isInteger(n) && n > 0
      ? await db
          .select({ id: inboundShipments.id })
          .from(inboundShipments)
          .where(and(eq(inboundShipments.number, n), eq(inboundShipments.locationId, locationId)))
      : [];
  if (!s) throw notFound('inbound shipment');
  return (await inboundViews(db, [s.id]))[0];
}

/** The hub's receiving dock bin: where received (and returned) units wait to be put away. */
export async function dockBin(tx: Executor, locationId: string): Promise<string> {
  const [b] = await tx
    .select({ id: hubBins.id })
    .from(hubBins)
    .innerJoin(hubZones, eq(hubZones.id, hubBins.zoneId))
    .where(and(eq(hubBins.locationId, locationId), eq(hubZones.dock, true)))
    .limit(1);
  if (!b) throw notFound('receiving dock');
  return b.id;
}

/**
 * Receives units of one ASN line at the dock: `code` is the scanned or typed SKU (or lot number);
 * good units go onto the dock bin and become sellable at once; damaged ones are only recorded.
 */
export async function receiveInbound(
  tx: Executor,
  actor: Actor,
  shipmentId: string,
  input: { code: string; lotNumber?: string; quantity: number; damaged?: number },
): Promise<InboundView> {
  const [s] = await tx.select().from(inboundShipments).where(eq(inboundShipments.id, shipmentId)).for('update');
  if (!s) throw notFound('inbound shipment');
  const who = await requireHubStaff(tx, actor, s.locationId, 'receive');
  if (s.status !== 'sent' && s.status !== 'receiving') throw new AppError(409, 'inbound_closed');
  const code = input.code.trim();
  const lines = await tx.select().from(inboundLines).where(eq(inboundLines.shipmentId, shipmentId));
  const matches = lines.filter(
    (l) => (l.sku === code || l.lotNumber === code) && (!input.lotNumber || l.lotNumber === input.lotNumber),
  );
  if (!matches.length) throw invalid('code', 'not_on_asn');
  const line = matches.find((l) => l.receivedQty + l.damagedQty < l.expectedQty) ?? matches[0];
  const good = input.quantity;
  const damaged = input.damaged ?? 0;
  if (good + damaged <= 0) throw invalid('quantity', 'too_small', { min: 1 });
  if (line.expiryDate && line.expiryDate <= bangkokDate())
    throw new AppError(409, 'lot_expired', { lot: line.lotNumber });
  const lot = await lotFor(tx, {
    locationId: s.locationId,
    sellerId: s.sellerId,
    variantId: line.variantId,
    lotNumber: line.lotNumber,
    productionDate: line.productionDate,
    expiryDate: line.expiryDate,
  });
  await tx
    .update(inboundLines)
    .set({
      receivedQty: sql`${inboundLines.receivedQty} + ${good}`,
      damagedQty: sql`${inboundLines.damagedQty} + ${damaged}`,
      lotId: lot.id,
    })
    .where(eq(inboundLines.id, line.id));
  if (s.status === 'sent')
    await tx.update(inboundShipments).set({ status: 'receiving' }).where(eq(inboundShipments.id, s.id));
  if (good > 0) {
    await applyMovements(tx, who, [
      {
        locationId: s.locationId,
        sellerId: s.sellerId,
        variantId: line.variantId,
        lotId: lot.id,
        fromBinId: null,
        toBinId: await dockBin(tx, s.locationId),
        quantity: good,
        reason: 'received',
        refId: s.id,
      },
    ]);
    if (!lot.blocked)
      await adjustHubStock(tx, actor, {
        locationId: s.locationId,
        sellerId: s.sellerId,
        variantId: line.variantId,
        delta: good,
        reason: `hub_received:${asnNumber(s.number)}`,
      });
  }
  return (await inboundViews(tx, [s.id]))[0];
}

/** Receiving is finished: what was not counted is short; the seller sees the discrepancies. */
export async function closeInbound(tx: Executor, actor: Actor, shipmentId: string): Promise<InboundView> {
  const [s] = await tx.select().from(inboundShipments).where(eq(inboundShipments.id, shipmentId)).for('update');
  if (!s) throw notFound('inbound shipment');
  const who = await requireHubStaff(tx, actor, s.locationId, 'receive');
  if (s.status === 'received') return (await inboundViews(tx, [s.id]))[0];
  if (s.status === 'cancelled') throw new AppError(409, 'inbound_closed');
  await tx
    .update(inboundShipments)
    .set({ status: 'received', receivedAt: sql`now()`, receivedBy: who.userId })
    .where(eq(inboundShipments.id, s.id));
  return (await inboundViews(tx, [s.id]))[0];
}

export interface DockItem {
  binId: string;
  binCode: string;
  lotId: string;
  lotNumber: string;
  expiryDate: string | null;
  sellerId: string;
  variantId: string;
  sku: string;
  quantity: number;
  suggestedBin: string | null;
}

/** What waits on the dock to be put away, each with a suggested bin. */
export async function dockStock(db: Executor, actor: Actor, locationId: string): Promise<DockItem[]> {
  await requireHubStaff(db, actor, locationId, 'view');
  const rows = await queryRows<{
    bin_id: string;
    bin_code: string;
    lot_id: string;
    lot_number: string;
    expiry_date: string | null;
    seller_id: string;
    variant_id: string;
    quantity: number;
  }>(
    db,
    sql`
    select s.bin_id, b.code as bin_code, s.lot_id, l.lot_number, l.expiry_date::text, s.seller_id, s.variant_id, s.quantity - s.allocated as quantity
    from hub_bin_stock s join hub_bins b on b.id = s.bin_id join hub_zones z on z.id = b.zone_id join hub_lots l on l.id = s.lot_id
    where s.location_id = ${locationId}::uuid and z.dock and s.quantity - s.allocated > 0 order by l.expiry_date nulls last, l.lot_number`,
  );
  const variants = new Map(
    (await getVariantsForSale(db, [...new Set(rows.map((r) => r.variant_id))])).map((v) => [v.variantId, v]),
  );
  const out: DockItem[] = [];
  for (const r of rows) {
    out.push({
      binId: r.bin_id,
      binCode: r.bin_code,
      lotId: r.lot_id,
      lotNumber: r.lot_number,
      expiryDate: r.expiry_date,
      sellerId: r.seller_id,
      variantId: r.variant_id,
      sku: variants.get(r.variant_id)?.sku ?? '',
      quantity: r.quantity,
      suggestedBin: await suggestBin(
        db,
        locationId,
        r.variant_id,
        r.quantity,
        variants.get(r.variant_id)?.perishable ?? false,
      ),
    });
  }
  return out;
}

/**
 * A bin for `quantity` units: in the chilled zone for perishables, ambient otherwise; a bin that
 * already holds the SKU first, then the fullest bin the units still fit in (keeps bins whole).
 */
export async function suggestBin(
  db: Executor,
  locationId: string,
  variantId: string,
  quantity: number,
  perishable: boolean,
): Promise<string | null> {
  const [b] = await queryRows<{ code: string }>(
    db,
    sql`
    select b.code from hub_bins b join hub_zones z on z.id = b.zone_id
    left join (select bin_id, sum(quantity)::int as used, bool_or(variant_id = ${variantId}::uuid) as same from hub_bin_stock group by bin_id) u on u.bin_id = b.id
    where b.location_id = ${locationId}::uuid and not z.dock and z.temperature = ${perishable ? 'chilled' : 'ambient'}
      and b.capacity_units - coalesce(u.used, 0) >= ${quantity}
    order by coalesce(u.same, false) desc, b.capacity_units - coalesce(u.used, 0) asc, b.code limit 1`,
  );
  return b?.code ?? null;
}

export async function binByCode(
  db: Executor,
  locationId: string,
  code: string,
): Promise<{ id: string; code: string; capacityUnits: number; dock: boolean }> {
  const [b] = await db
    .select({ id: hubBins.id, code: hubBins.code, capacityUnits: hubBins.capacityUnits, dock: hubZones.dock })
    .from(hubBins)
    .innerJoin(hubZones, eq(hubZones.id, hubBins.zoneId))
    .where(and(eq(hubBins.locationId, locationId), eq(hubBins.code, code.trim().toUpperCase())));
  if (!b) throw invalid('binCode', 'unknown_bin');
  return b;
}

/** Moves units of a lot from one bin to another (put-away from the dock, or a move); capacity is checked. */
export async function moveStock(
  tx: Executor,
  actor: Actor,
  locationId: string,
  input: { lotId: string; fromBin: string; toBin: string; quantity: number; reason?: string },
): Promise<void> {
  const who: HubWorker = await requireHubStaff(tx, actor, locationId, 'put_away');
  const [from, to] = [await binByCode(tx, locationId, input.fromBin), await binByCode(tx, locationId, input.toBin)];
  if (from.id === to.id) throw invalid('toBin', 'same_bin');
  const [lot] = await tx
    .select()
    .from(hubLots)
    .where(and(eq(hubLots.id, input.lotId), eq(hubLots.locationId, locationId)));
  if (!lot) throw notFound('lot');
  await tx.execute(sql`select id from hub_bins where id = ${to.id}::uuid for update`);
  const [used] = await queryRows<{ used: number }>(
    tx,
    sql`select coalesce(sum(quantity), 0)::int as used from hub_bin_stock where bin_id = ${to.id}::uuid`,
  );
  if (used.used + input.quantity > to.capacityUnits)
    throw new AppError(409, 'bin_full', { bin: to.code, free: to.capacityUnits - used.used });
  await applyMovements(tx, who, [
    {
      locationId,
      sellerId: lot.sellerId,
      variantId: lot.variantId,
      lotId: lot.id,
      fromBinId: from.id,
      toBinId: to.id,
      quantity: input.quantity,
      reason: input.reason ?? (from.dock ? 'put_away' : 'move'),
    },
  ]);
}
