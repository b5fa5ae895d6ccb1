// Stock by SKU, lot, expiry and bin; cycle counts; expiry alerts and blocking of expired lots.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { queryRows, type Db, type Executor } from '../../platform/db.ts';
import { adjustHubStock } from '../inventory/index.ts';
import { cycleCounts, hubLots } from './schema.ts';
import { requireHubStaff } from './access.ts';
import { applyMovements, bangkokDate } from './movements.ts';
import { binByCode } from './inbound.ts';

export interface StockRowView {
  binCode: string;
  zone: string;
  lotId: string;
  lotNumber: string;
  productionDate: string | null;
  expiryDate: string | null;
  blocked: boolean;
  sellerId: string;
  variantId: string;
  quantity: number;
  allocated: number;
}

const STOCK_SQL = sql`
  select b.code as "binCode", z.code as zone, s.lot_id as "lotId", l.lot_number as "lotNumber", l.production_date::text as "productionDate",
    l.expiry_date::text as "expiryDate", l.blocked_at is not null as blocked, s.seller_id as "sellerId", s.variant_id as "variantId",
    s.quantity, s.allocated
  from hub_bin_stock s join hub_bins b on b.id = s.bin_id join hub_zones z on z.id = b.zone_id join hub_lots l on l.id = s.lot_id`;

/** Stock at a hub by bin and lot, optionally of one bin, SKU variant or seller. */
export async function hubStock(
  db: Executor,
  actor: Actor,
  locationId: string,
  filter: { binCode?: string; variantId?: string; sellerId?: string } = {},
): Promise<StockRowView[]> {
  await requireHubStaff(db, actor, locationId, 'view');
  return queryRows<StockRowView>(
    db,
    sql`${STOCK_SQL}
    where s.location_id = ${locationId}::uuid and s.quantity > 0
    ${filter.binCode ? sql`and b.code = ${filter.binCode.trim().toUpperCase()}` : sql``}
    ${filter.variantId ? sql`and s.variant_id = ${filter.variantId}::uuid` : sql``}
    ${filter.sellerId ? sql`and s.seller_id = ${filter.sellerId}::uuid` : sql``}
    order by b.code, l.expiry_date nulls last, l.lot_number limit 500`,
  );
}

/**
 * A cycle count of one lot in one bin: the difference is a movement (in from or out to "counted")
 * with the reason and the person, and changes sellable stock unless the lot is blocked.
 */
export async function cycleCount(
  tx: Executor,
  actor: Actor,
  locationId: string,
  input: { binCode: string; lotId: string; countedQty: number; reason: string },
): Promise<{ expectedQty: number; countedQty: number; delta: number }> {
  const who = await requireHubStaff(tx, actor, locationId, 'count');
  if (!input.reason.trim()) throw invalid('reason', 'required');
  const bin = await binByCode(tx, locationId, input.binCode);
  const [lot] = await tx
    .select()
    .from(hubLots)
    .where(and(eq(hubLots.id, input.lotId), eq(hubLots.locationId, locationId)));
  if (!lot) throw notFound('lot');
  const [cur] = await queryRows<{ quantity: number; allocated: number }>(
    tx,
    sql`
    select quantity, allocated from hub_bin_stock where bin_id = ${bin.id}::uuid and lot_id = ${lot.id}::uuid for update`,
  );
  const expected = cur?.quantity ?? 0;
  const delta = input.countedQty - expected;
  if (input.countedQty < (cur?.allocated ?? 0))
    throw new AppError(409, 'count_below_allocated', { allocated: cur!.allocated });
  await tx.insert(cycleCounts).values({
    id: newId(),
    locationId,
    binId: bin.id,
    lotId: lot.id,
    sellerId: lot.sellerId,
    expectedQty: expected,
    countedQty: input.countedQty,
    reason: input.reason.trim(),
    countedBy: who.userId,
  });
  if (delta !== 0) {
    await applyMovements(tx, who, [
      {
        locationId,
        sellerId: lot.sellerId,
        variantId: lot.variantId,
        lotId: lot.id,
        quantity: Math.abs(delta),
        fromBinId: delta < 0 ? bin.id : null,
        toBinId: delta > 0 ? bin.id : null,
        reason: `cycle_count: ${input.reason.trim()}`,
      },
    ]);
    if (!lot.blockedAt)
      await adjustHubStock(tx, actor, {
        locationId,
        sellerId: lot.sellerId,
        variantId: lot.variantId,
        delta,
        reason: `hub_cycle_count: ${input.reason.trim()}`,
      });
  }
  return { expectedQty: expected, countedQty: input.countedQty, delta };
}

export interface ExpiryAlert {
  lotId: string;
  lotNumber: string;
  sellerId: string;
  variantId: string;
  expiryDate: string;
  daysLeft: number;
  quantity: number;
  blocked: boolean;
}

/** Lots with stock that expire within `days` (and those already blocked as expired). */
export async function expiryAlerts(db: Executor, actor: Actor, locationId: string, days = 7): Promise<ExpiryAlert[]> {
  await requireHubStaff(db, actor, locationId, 'view');
  return queryRows<ExpiryAlert>(
    db,
    sql`
    select l.id as "lotId", l.lot_number as "lotNumber", l.seller_id as "sellerId", l.variant_id as "variantId", l.expiry_date::text as "expiryDate",
      (l.expiry_date - ${bangkokDate()}::date)::int as "daysLeft", sum(s.quantity)::int as quantity, l.blocked_at is not null as blocked
    from hub_lots l join hub_bin_stock s on s.lot_id = l.id
    where l.location_id = ${locationId}::uuid and l.expiry_date <= ${bangkokDate(new Date(), days)}::date
    group by l.id having sum(s.quantity) > 0 order by l.expiry_date, l.lot_number`,
  );
}

/**
 * Blocks every lot that has reached its expiry date (Bangkok time): its not-yet-picked picks are
 * given up (their orders are allocated again from other lots), and its units leave sellable stock
 * through inventory, with the reason. Idempotent; run by the hub's background job and on demand.
 */
export async function blockExpiredLots(db: Db, now = new Date()): Promise<number> {
  const today = bangkokDate(now);
  return db.transaction(async (tx) => {
    const lots = await tx
      .select()
      .from(hubLots)
      .where(and(isNull(hubLots.blockedAt), sql`${hubLots.expiryDate} <= ${today}::date`))
      .for('update', { skipLocked: true });
    return blockLots(tx, lots, 'expired', 'hub_lot_expired', now);
  });
}

/**
 * standards.lot_recalled: the shop's hub lots of that number are blocked like expired ones (open
 * picks given up, units out of sellable stock). Idempotent: blocked lots are not blocked again.
 */
export async function blockRecalledLots(
  db: Db,
  sellerId: string,
  lotNumber: string,
  now = new Date(),
): Promise<number> {
  return db.transaction(async (tx) => {
    const lots = await tx
      .select()
      .from(hubLots)
      .where(and(isNull(hubLots.blockedAt), eq(hubLots.sellerId, sellerId), eq(hubLots.lotNumber, lotNumber)))
      .for('update');
    return blockLots(tx, lots, 'recalled', 'hub_lot_recalled', now);
  });
}

async function blockLots(
  tx: Executor,
  lots: (typeof hubLots.$inferSelect)[],
  why: string,
  stockReason: string,
  now: Date,
): Promise<number> {
  if (!lots.length) return 0;
  const ids = lots.map((l) => l.id);
  const idList = sql`(select unnest(${`{${ids.join(',')}}`}::uuid[]))`;
  await tx.update(hubLots).set({ blockedAt: now, blockReason: why }).where(sql`${hubLots.id} in ${idList}`);
  // Give up open picks on these lots: units back to free in the bin, lines to be allocated again.
  await tx.execute(sql`
      with gone as (delete from hub_picks where lot_id in ${idList} and picked_at is null returning outbound_id, line_id, bin_id, lot_id, quantity),
      bins as (update hub_bin_stock s set allocated = s.allocated - g.q from (select bin_id, lot_id, sum(quantity)::int as q from gone group by bin_id, lot_id) g
               where s.bin_id = g.bin_id and s.lot_id = g.lot_id returning 1),
      lines as (update hub_outbound_lines l set allocated = l.allocated - g.q from (select line_id, sum(quantity)::int as q from gone group by line_id) g
               where l.id = g.line_id returning l.outbound_id)
      update hub_outbound_orders o set status = 'ready', wave_id = null where o.id in (select outbound_id from lines) and o.status = 'allocated'`);
  const qty = await queryRows<{ lot_id: string; quantity: number }>(
    tx,
    sql`
      select lot_id, sum(quantity)::int as quantity from hub_bin_stock where lot_id in ${idList} group by lot_id`,
  );
  const actor = systemActor(`hub-${why}`);
  for (const lot of lots) {
    const units = qty.find((q) => q.lot_id === lot.id)?.quantity ?? 0;
    if (!units) continue;
    // Paid orders not yet allocated may already count on some of these units; never below reserved.
    const line = await adjustHubStock(tx, actor, {
      locationId: lot.locationId,
      sellerId: lot.sellerId,
      variantId: lot.variantId,
      delta: 0,
      reason: 'read',
    });
    const take = Math.min(units, line.available);
    if (take > 0)
      await adjustHubStock(tx, actor, {
        locationId: lot.locationId,
        sellerId: lot.sellerId,
        variantId: lot.variantId,
        delta: -take,
        reason: `${stockReason}:${lot.lotNumber}`,
      });
  }
  return lots.length;
}

/** Bins whose balance differs from the sum of their movements (must always be empty). */
export async function binsOffMovements(
  db: Executor,
  locationId: string,
): Promise<{ binId: string; lotId: string; balance: number; movements: number }[]> {
  return queryRows(
    db,
    sql`
    with m as (
      select to_bin_id as bin_id, lot_id, quantity as q from hub_stock_movements where to_bin_id is not null and location_id = ${locationId}::uuid
      union all select from_bin_id, lot_id, -quantity from hub_stock_movements where from_bin_id is not null and location_id = ${locationId}::uuid
    ), sums as (select bin_id, lot_id, sum(q)::int as movements from m group by bin_id, lot_id)
    select coalesce(s.bin_id, m.bin_id) as "binId", coalesce(s.lot_id, m.lot_id) as "lotId", coalesce(s.quantity, 0) as balance, coalesce(m.movements, 0) as movements
    from (select * from hub_bin_stock where location_id = ${locationId}::uuid) s full join sums m on m.bin_id = s.bin_id and m.lot_id = s.lot_id
    where coalesce(s.quantity, 0) <> coalesce(m.movements, 0)`,
  );
}
