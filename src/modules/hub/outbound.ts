// Outbound: paid orders whose units were reserved at a hub become hub work (domestic at once,
// bonded cross-border once customs has released them); allocation is first-expired-first-out,
// set-based; allocated orders are grouped into waves; picks are confirmed by scanning.
import type { Payload } from '../../events.ts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { queryRows, type Db, type Executor } from '../../platform/db.ts';
import { thaiAddressLine } from '../../platform/thai.ts';
import { sellerFacts } from '../sellers/index.ts';
import { getVariantsForSale } from '../catalog/index.ts';
import { hubLocations } from '../inventory/index.ts';
import { reservationsOfOrders } from '../inventory/index.ts';
import { orderFacts, transitionOrder, shippingAddressOf } from '../orders/index.ts';
import { customsReleases, outboundLines, outboundOrders, picks, waves } from './schema.ts';
import { requireHubStaff } from './access.ts';
import { applyMovements, bangkokDate } from './movements.ts';
import { dockBin } from './inbound.ts';

export const HUB = systemActor('hub');
/** Hours from payment to dispatch when the shop has not set its own: shorter for perishables. */
export const DEFAULT_HANDLING_HOURS = { standard: 48, perishable: 24 } as const;

/** What customs' release tells the hub, as the hub keeps it (with what it adds at packing). */
export type CustomsReleasePayload = Payload<'customs.order_released'> & {
  exportDeclaration: Payload<'customs.order_released'>['exportDeclaration'] & {
    /** Set by the hub at packing: the parcels' weighed gross weight and how many there are. */
    packedGrossWeightGrams?: number;
    parcels?: number;
  };
};

/**
 * order.paid: if the order's units were reserved at a hub, it becomes outbound work there. Safe to
 * deliver twice, and before or after its customs release.
 */
export async function onOrderPaid(db: Executor, orderId: string): Promise<void> {
  const hubs = await hubLocations(db);
  const res = (await reservationsOfOrders(db, [orderId])).filter(
    (r) => r.status === 'committed' && hubs.some((h) => h.id === r.locationId),
  );
  if (!res.length) return;
  const [existing] = await db
    .select({ id: outboundOrders.id })
    .from(outboundOrders)
    .where(eq(outboundOrders.orderId, orderId));
  if (existing) return;
  const order = await orderFacts(db, orderId);
  if (order.status !== 'paid' && order.status !== 'processing') return;
  const hub = hubs.find((h) => h.id === res[0].locationId)!;
  const atHub = res.filter((r) => r.locationId === hub.id);
  const qty = new Map<string, number>();
  for (const r of atHub) qty.set(r.variantId, (qty.get(r.variantId) ?? 0) + r.quantity);
  const [release] = await db.select().from(customsReleases).where(eq(customsReleases.orderId, orderId));
  const [facts, variants] = await Promise.all([
    sellerFacts(db, [order.sellerId]),
    getVariantsForSale(db, [...qty.keys()]),
  ]);
  const handlingHours =
    facts.get(order.sellerId)?.handlingHours ??
    (variants.some((v) => v.perishable) ? DEFAULT_HANDLING_HOURS.perishable : DEFAULT_HANDLING_HOURS.standard);
  const paidAt = new Date(order.paidAt ?? Date.now());
  const rel = release?.payload as CustomsReleasePayload | undefined;
  const a = shippingAddressOf(order);
  const id = newId();
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(outboundOrders)
      .values({
        id,
        orderId,
        orderNumber: order.number,
        sellerId: order.sellerId,
        locationId: hub.id,
        status: hub.bonded && !rel ? 'awaiting_release' : 'ready',
        paidAt,
        handlingHours,
        shipBy: new Date(paidAt.getTime() + handlingHours * 3600_000),
        shipTo: rel ? rel.consignee : { name: a.name, phone: a.phone, address: thaiAddressLine(a) },
        crossBorder: rel
          ? { waybillNo: rel.waybillNo, logisticsCode: rel.logisticsCode, exportDeclaration: rel.exportDeclaration }
          : null,
      })
      .onConflictDoNothing()
      .returning({ id: outboundOrders.id });
    if (!inserted.length) return;
    await tx.insert(outboundLines).values(
      [...qty].map(([variantId, quantity]) => {
        const line = order.lines.find((l) => l.variantId === variantId);
        return {
          id: newId(),
          outboundId: id,
          sellerId: order.sellerId,
          variantId,
          sku: line?.sku ?? '',
          title: line?.title.th ?? '',
          quantity,
        };
      }),
    );
  });
}

/** customs.order_released: the bonded order may leave; its waybill, consignee and export data stay with it. */
export async function onCustomsReleased(db: Executor, payload: CustomsReleasePayload): Promise<void> {
  await db
    .insert(customsReleases)
    .values({
      orderId: payload.orderId,
      sellerId: payload.sellerId,
      waybillNo: payload.waybillNo,
      logisticsCode: payload.logisticsCode,
      payload,
    })
    .onConflictDoNothing();
  const [o] = await db.select().from(outboundOrders).where(eq(outboundOrders.orderId, payload.orderId));
  if (!o) return onOrderPaid(db, payload.orderId);
  if (o.status !== 'awaiting_release') return;
  await db
    .update(outboundOrders)
    .set({
      status: 'ready',
      shipTo: payload.consignee,
      crossBorder: {
        waybillNo: payload.waybillNo,
        logisticsCode: payload.logisticsCode,
        exportDeclaration: payload.exportDeclaration,
      },
    })
    .where(and(eq(outboundOrders.id, o.id), eq(outboundOrders.status, 'awaiting_release')));
}

/**
 * order.cancelled: open picks are dropped and their allocations freed; units already picked go back
 * onto the dock (a movement) to be put away again. A dispatched order is the carrier's.
 */
export async function onOrderCancelled(db: Executor, orderId: string): Promise<void> {
  const [o] = await db.select().from(outboundOrders).where(eq(outboundOrders.orderId, orderId));
  if (!o || o.status === 'cancelled' || o.status === 'dispatched') return;
  const picked = await db
    .select()
    .from(picks)
    .where(and(eq(picks.outboundId, o.id), sql`${picks.pickedAt} is not null`));
  if (picked.length) {
    const dock = await dockBin(db, o.locationId);
    await applyMovements(
      db,
      { userId: null, name: 'system:hub' },
      picked.map((p) => ({
        locationId: p.locationId,
        sellerId: p.sellerId,
        variantId: p.variantId,
        lotId: p.lotId,
        fromBinId: null,
        toBinId: dock,
        quantity: p.quantity,
        reason: 'returned_cancelled',
        refId: o.id,
      })),
    );
  }
  await db.execute(sql`
    with gone as (delete from hub_picks where outbound_id = ${o.id}::uuid and picked_at is null returning bin_id, lot_id, quantity)
    update hub_bin_stock s set allocated = s.allocated - g.q from (select bin_id, lot_id, sum(quantity)::int as q from gone group by bin_id, lot_id) g
    where s.bin_id = g.bin_id and s.lot_id = g.lot_id`);
  await db.update(outboundLines).set({ allocated: 0 }).where(eq(outboundLines.outboundId, o.id));
  await db.update(outboundOrders).set({ status: 'cancelled', waveId: null }).where(eq(outboundOrders.id, o.id));
}

interface Match {
  line_id: string;
  outbound_id: string;
  seller_id: string;
  variant_id: string;
  bin_id: string;
  lot_id: string;
  q: number;
}

/**
 * Lays the open quantities (per SKU, in ship-by order) against the free units (per SKU, first
 * expired first), both read sorted by SKU: one pass, each overlap a pick.
 */
export function layAgainst(
  demand: { line_id: string; outbound_id: string; seller_id: string; variant_id: string; need: number }[],
  supply: { bin_id: string; lot_id: string; variant_id: string; free: number }[],
): Match[] {
  const out: Match[] = [];
  let j = 0;
  let left = supply[0]?.free ?? 0;
  for (const d of demand) {
    while (j < supply.length && supply[j].variant_id < d.variant_id) left = supply[++j]?.free ?? 0;
    let need = d.need;
    while (need > 0 && j < supply.length && supply[j].variant_id === d.variant_id) {
      const q = Math.min(need, left);
      out.push({
        line_id: d.line_id,
        outbound_id: d.outbound_id,
        seller_id: d.seller_id,
        variant_id: d.variant_id,
        bin_id: supply[j].bin_id,
        lot_id: supply[j].lot_id,
        q,
      });
      need -= q;
      left -= q;
      if (left === 0) left = supply[++j]?.free ?? 0;
    }
  }
  return out;
}

/**
 * Allocates every ready order of the hub at once, first expired first out: per SKU, the orders'
 * open quantities (in ship-by order) are laid against the free units of the lots that are neither
 * blocked nor expired (earliest expiry first, then production date, lot, bin), and each overlap is
 * a pick. Two reads plan everything (an interval join in SQL was quadratic on PGlite); a few
 * set-based statements write it.
 */
export async function allocateReady(
  tx: Executor,
  locationId: string,
  now = new Date(),
): Promise<{ picks: number; orders: number }> {
  // One allocation at a time per hub: the dock bin row is the hub's allocation lock.
  await tx.execute(
    sql`select b.id from hub_bins b join hub_zones z on z.id = b.zone_id where b.location_id = ${locationId}::uuid and z.dock order by b.id for update of b`,
  );
  const [demand, supply] = await Promise.all([
    queryRows<{ line_id: string; outbound_id: string; seller_id: string; variant_id: string; need: number }>(
      tx,
      sql`
      select l.id as line_id, l.outbound_id, l.seller_id, l.variant_id, l.quantity - l.allocated as need
      from hub_outbound_lines l join hub_outbound_orders o on o.id = l.outbound_id
      where o.location_id = ${locationId}::uuid and o.status in ('ready', 'picking') and l.quantity > l.allocated
      order by l.variant_id, o.ship_by, o.id, l.id`,
    ),
    queryRows<{ bin_id: string; lot_id: string; variant_id: string; free: number }>(
      tx,
      sql`
      select s.bin_id, s.lot_id, s.variant_id, s.quantity - s.allocated as free
      from hub_bin_stock s join hub_lots lot on lot.id = s.lot_id join hub_bins b on b.id = s.bin_id
      where s.location_id = ${locationId}::uuid and s.quantity > s.allocated and lot.blocked_at is null
        and (lot.expiry_date is null or lot.expiry_date > ${bangkokDate(now)}::date)
        and s.variant_id in (select l.variant_id from hub_outbound_lines l join hub_outbound_orders o on o.id = l.outbound_id
                             where o.location_id = ${locationId}::uuid and o.status in ('ready', 'picking') and l.quantity > l.allocated)
      order by s.variant_id, lot.expiry_date nulls last, lot.production_date nulls last, lot.lot_number, b.code`,
    ),
  ]);
  const matches = layAgainst(demand, supply);
  if (!matches.length) return { picks: 0, orders: 0 };
  const rows = matches.map((m) => ({
    id: newId(),
    o: m.outbound_id,
    li: m.line_id,
    s: m.seller_id,
    v: m.variant_id,
    b: m.bin_id,
    lot: m.lot_id,
    q: m.q,
  }));
  const json = JSON.stringify(rows);
  await tx.execute(sql`
    insert into hub_picks (id, outbound_id, line_id, location_id, seller_id, variant_id, lot_id, bin_id, quantity)
    select id, o, li, ${locationId}::uuid, s, v, lot, b, q from jsonb_to_recordset(${json}::jsonb) as x(id uuid, o uuid, li uuid, s uuid, v uuid, b uuid, lot uuid, q int)`);
  await tx.execute(sql`
    update hub_bin_stock s set allocated = s.allocated + c.q
    from (select b, lot, sum(q)::int as q from jsonb_to_recordset(${json}::jsonb) as x(b uuid, lot uuid, q int) group by b, lot) c
    where s.bin_id = c.b and s.lot_id = c.lot`);
  await tx.execute(sql`
    update hub_outbound_lines l set allocated = l.allocated + c.q
    from (select li, sum(q)::int as q from jsonb_to_recordset(${json}::jsonb) as x(li uuid, q int) group by li) c where l.id = c.li`);
  // An order already being picked (it lost a pick to an expired lot) keeps its wave.
  await tx.execute(sql`
    update hub_picks p set wave_id = o.wave_id from hub_outbound_orders o
    where p.outbound_id = o.id and p.wave_id is null and o.wave_id is not null and o.location_id = ${locationId}::uuid`);
  const done = await queryRows(
    tx,
    sql`
    update hub_outbound_orders o set status = 'allocated'
    where o.id in (select l.outbound_id from hub_outbound_lines l join hub_outbound_orders r on r.id = l.outbound_id
                   where r.location_id = ${locationId}::uuid and r.status = 'ready' group by l.outbound_id having bool_and(l.allocated = l.quantity))
    returning o.id`,
  );
  return { picks: rows.length, orders: done.length };
}

/** Groups allocated orders without a wave into waves of up to `size` orders, earliest ship-by first. */
export async function createWaves(
  tx: Executor,
  locationId: string,
  who: string | null,
  size = 50,
): Promise<{ waves: number; orders: number }> {
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`
    select count(*)::int as n from hub_outbound_orders where location_id = ${locationId}::uuid and status = 'allocated' and wave_id is null`,
  );
  if (!n) return { waves: 0, orders: 0 };
  const ids = Array.from({ length: Math.ceil(n / size) }, () => newId());
  await tx
    .insert(waves)
    .values(ids.map((id, i) => ({ id, locationId, orders: Math.min(size, n - i * size), createdBy: who })));
  await tx.execute(sql`
    with o as (select id, (row_number() over (order by ship_by, id) - 1) / ${size} + 1 as w
               from hub_outbound_orders where location_id = ${locationId}::uuid and status = 'allocated' and wave_id is null)
    update hub_outbound_orders t set wave_id = (${`{${ids.join(',')}}`}::uuid[])[o.w] from o where t.id = o.id`);
  await tx.execute(sql`
    update hub_picks p set wave_id = o.wave_id from hub_outbound_orders o
    where p.outbound_id = o.id and o.wave_id = any(${`{${ids.join(',')}}`}::uuid[])`);
  return { waves: ids.length, orders: n };
}

/** Staff release the work: allocate what is ready (FEFO) and build the waves. */
export async function releaseWork(db: Db, actor: Actor, locationId: string, opts: { waveSize?: number } = {}) {
  const who = await requireHubStaff(db, actor, locationId, 'pick');
  return db.transaction(async (tx) => {
    const allocated = await allocateReady(tx, locationId);
    const w = await createWaves(tx, locationId, who.userId, opts.waveSize ?? 50);
    return { picks: allocated.picks, allocatedOrders: allocated.orders, waves: w.waves };
  });
}

export interface PickView {
  id: string;
  outboundId: string;
  orderNumber: string;
  binCode: string;
  sku: string;
  title: string;
  lotNumber: string;
  expiryDate: string | null;
  quantity: number;
  picked: boolean;
}

/** The open waves of a hub, with how many picks remain. */
export async function openWaves(db: Executor, actor: Actor, locationId: string) {
  await requireHubStaff(db, actor, locationId, 'view');
  return queryRows<{ id: string; number: number; orders: number; picks: number; remaining: number; createdAt: string }>(
    db,
    sql`
    select w.id, w.number::int as number, w.orders, count(p.id)::int as picks, count(p.id) filter (where p.picked_at is null)::int as remaining, w.created_at as "createdAt"
    from hub_waves w join hub_picks p on p.wave_id = w.id where w.location_id = ${locationId}::uuid
    group by w.id having count(p.id) filter (where p.picked_at is null) > 0 order by w.number limit 100`,
  );
}

/** A wave's pick list in walking order (by bin). */
export async function wavePicks(db: Executor, actor: Actor, waveId: string): Promise<PickView[]> {
  const [w] = await db.select().from(waves).where(eq(waves.id, waveId));
  if (!w) throw notFound('wave');
  await requireHubStaff(db, actor, w.locationId, 'view');
  return queryRows<PickView>(
    db,
    sql`
    select p.id, p.outbound_id as "outboundId", o.order_number as "orderNumber", b.code as "binCode", l.sku, l.title, lot.lot_number as "lotNumber",
      lot.expiry_date::text as "expiryDate", p.quantity, p.picked_at is not null as picked
    from hub_picks p join hub_bins b on b.id = p.bin_id join hub_lots lot on lot.id = p.lot_id
      join hub_outbound_lines l on l.id = p.line_id join hub_outbound_orders o on o.id = p.outbound_id
    where p.wave_id = ${waveId}::uuid order by p.picked_at is not null, b.code, l.sku, o.order_number`,
  );
}

/**
 * Confirms a pick: the picker scanned the bin and the SKU (or lot). The units leave the bin (a
 * movement); the first pick of an order moves it to processing.
 */
export async function confirmPick(
  tx: Executor,
  actor: Actor,
  pickId: string,
  input: { binCode: string; code: string },
): Promise<{ orderPicked: boolean }> {
  // One read (the pick locked, with its bin, SKU, lot and order) and few writes: scanners are fast.
  const [p] = await queryRows<{
    location_id: string;
    seller_id: string;
    variant_id: string;
    lot_id: string;
    bin_id: string;
    outbound_id: string;
    quantity: number;
    picked: boolean;
    bin: string;
    sku: string;
    lot: string;
    order_id: string;
    status: string;
  }>(
    tx,
    sql`
    select p.location_id, p.seller_id, p.variant_id, p.lot_id, p.bin_id, p.outbound_id, p.quantity, p.picked_at is not null as picked,
      b.code as bin, l.sku, lot.lot_number as lot, o.order_id, o.status
    from hub_picks p join hub_bins b on b.id = p.bin_id join hub_outbound_lines l on l.id = p.line_id
      join hub_lots lot on lot.id = p.lot_id join hub_outbound_orders o on o.id = p.outbound_id
    where p.id = ${pickId}::uuid for update of p`,
  );
  if (!p) throw notFound('pick');
  const who = await requireHubStaff(tx, actor, p.location_id, 'pick');
  if (p.picked) return { orderPicked: false };
  if (input.binCode.trim().toUpperCase() !== p.bin) throw invalid('binCode', 'wrong_bin', { bin: p.bin });
  const code = input.code.trim();
  if (code !== p.sku && code !== p.lot) throw invalid('code', 'wrong_item', { sku: p.sku });
  await applyMovements(tx, who, [
    {
      locationId: p.location_id,
      sellerId: p.seller_id,
      variantId: p.variant_id,
      lotId: p.lot_id,
      fromBinId: p.bin_id,
      toBinId: null,
      quantity: p.quantity,
      reason: 'picked',
      refId: p.outbound_id,
      fromAllocated: true,
    },
  ]);
  await tx.update(picks).set({ pickedAt: sql`now()`, pickedBy: who.userId }).where(eq(picks.id, pickId));
  if (p.status === 'allocated') await transitionOrder(tx as unknown as Db, HUB, p.order_id, 'processing');
  // Picked when no pick is open and every unit is allocated (a pick given up on an expired lot is
  // allocated again first); picking as soon as the first pick is made.
  const [o] = await queryRows<{ status: string }>(
    tx,
    sql`
    update hub_outbound_orders o set status = case
      when exists (select 1 from hub_picks where outbound_id = o.id and picked_at is null)
        or exists (select 1 from hub_outbound_lines where outbound_id = o.id and allocated < quantity) then 'picking'
      else 'picked' end::hub_outbound_status
    where o.id = ${p.outbound_id}::uuid returning o.status`,
  );
  return { orderPicked: o.status === 'picked' };
}

export interface OutboundView {
  id: string;
  orderId: string;
  orderNumber: string;
  sellerId: string;
  locationId: string;
  status: string;
  paidAt: string;
  handlingHours: number;
  shipBy: string;
  risk: 'late' | 'at_risk' | 'on_time' | null;
  shipTo: { name: string; phone: string; address: string; districtCode?: string };
  crossBorder: unknown;
  waveId: string | null;
  parcels: unknown;
  shipmentId: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  dispatchedAt: string | null;
  lines: { variantId: string; sku: string; title: string; quantity: number; allocated: number }[];
}

/** Late: past its ship-by; at risk: less than a quarter of its handling time (at most 6 hours) left. */
export function riskOf(
  o: { status: string; shipBy: Date; handlingHours: number },
  now = new Date(),
): OutboundView['risk'] {
  if (o.status === 'dispatched' || o.status === 'cancelled') return null;
  const left = o.shipBy.getTime() - now.getTime();
  if (left < 0) return 'late';
  return left < Math.min(6, o.handlingHours / 4) * 3600_000 ? 'at_risk' : 'on_time';
}

export async function outboundViews(
  db: Executor,
  rows: (typeof outboundOrders.$inferSelect)[],
): Promise<OutboundView[]> {
  const lines = rows.length
    ? await db
        .select()
        .from(outboundLines)
        .where(
          inArray(
            outboundLines.outboundId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(outboundLines.sku))
    : [];
  const now = new Date();
  return rows.map((o) => ({
    id: o.id,
    orderId: o.orderId,
    orderNumber: o.orderNumber,
    sellerId: o.sellerId,
    locationId: o.locationId,
    status: o.status,
    paidAt: o.paidAt.toISOString(),
    handlingHours: o.handlingHours,
    shipBy: o.shipBy.toISOString(),
    risk: riskOf(o, now),
    shipTo: o.shipTo,
    crossBorder: o.crossBorder,
    waveId: o.waveId,
    parcels: o.parcels,
    shipmentId: o.shipmentId,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    dispatchedAt: o.dispatchedAt?.toISOString() ?? null,
    lines: lines
      .filter((l) => l.outboundId === o.id)
      .map((l) => ({
        variantId: l.variantId,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        allocated: l.allocated,
      })),
  }));
}

/** The hub's outbound orders (open ones by default), most urgent first, with their risk of missing ship-by. */
export async function hubOutbound(
  db: Executor,
  actor: Actor,
  locationId: string,
  opts: { status?: string; atRisk?: boolean } = {},
): Promise<OutboundView[]> {
  await requireHubStaff(db, actor, locationId, 'view');
  const open = ['awaiting_release', 'ready', 'allocated', 'picking', 'picked', 'packed'] as const;
  const rows = await db
    .select()
    .from(outboundOrders)
    .where(
      and(
        eq(outboundOrders.locationId, locationId),
        opts.status
          ? eq(outboundOrders.status, opts.status as (typeof open)[number])
          : inArray(outboundOrders.status, [...open]),
        opts.atRisk
          ? sql`${outboundOrders.shipBy} < now() + least(interval '6 hours', ${outboundOrders.handlingHours} * interval '15 minutes')`
          : undefined,
      ),
    )
    .orderBy(asc(outboundOrders.shipBy))
    .limit(200);
  return outboundViews(db, rows);
}

/** One outbound order, found by its id, its order number or its tracking number (a scan). */
export async function findOutbound(
  db: Executor,
  actor: Actor,
  locationId: string,
  code: string,
): Promise<OutboundView> {
  await requireHubStaff(db, actor, locationId, 'view');
  const c = code.trim();
  const uuid = /^[0-9a-f-]{36}$/i.test(c);
  const [o] = await db
    .select()
    .from(outboundOrders)
    .where(
      and(
        eq(outboundOrders.locationId, locationId),
        uuid
          ? sql`(${outboundOrders.id} = ${c}::uuid or ${outboundOrders.orderId} = ${c}::uuid)`
          : sql`(${outboundOrders.orderNumber} = ${c.toUpperCase()} or ${outboundOrders.trackingNumber} = ${c.toUpperCase()})`,
      ),
    );
  if (!o) throw notFound('outbound order');
  return (await outboundViews(db, [o]))[0];
}

export async function requireOutbound(tx: Executor, id: string, lock = false) {
  const q = tx.select().from(outboundOrders).where(eq(outboundOrders.id, id));
  const [o] = lock ? await q.for('update') : await q;
  if (!o) throw notFound('outbound order');
  return o;
}

export class OutboundStateError extends AppError {
  constructor(status: string) {
    super(409, 'outbound_wrong_state', { status });
  }
}
