// Inventory: stock per variant per location. available = on_hand - reserved.
// Checkout reserves; payment commits (on hand goes down); cancellation or expiry releases.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { actorId } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import {
  anyUuid,
  queryRows,
  uuidArray as pgArray,
  inIds,
  isEmptyIdSet,
  type Executor,
  type IdSet,
} from '../../platform/db.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import { getVariantsForSale } from '../catalog/index.ts';
import { reservations, stockLevels, stockLocations, stockAdjustments } from './schema.ts';
import './messages.ts';

export interface StockLine {
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** The seller's own stock location, created on first use in the seller's province. */
export async function sellerLocation(tx: Executor, sellerId: string): Promise<string> {
  const [found] = await tx
    .select({ id: stockLocations.id })
    .from(stockLocations)
    .where(and(eq(stockLocations.sellerId, sellerId), eq(stockLocations.kind, 'seller')))
    .limit(1);
  if (found) return found.id;
  const facts = (await sellerFacts(tx, [sellerId])).get(sellerId);
  if (!facts) throw notFound('seller');
  const id = newId();
  await tx
    .insert(stockLocations)
    .values({ id, sellerId, kind: 'seller', name: 'Main', provinceCode: facts.provinceCode });
  return id;
}

async function requireOwnVariant(tx: Executor, sellerId: string, variantId: string): Promise<void> {
  const [v] = await getVariantsForSale(tx, [variantId]);
  if (!v || v.sellerId !== sellerId) throw new AppError(404, 'variant_not_in_shop');
}

/** Sets on-hand stock (a count, a receipt, a correction); the change is recorded with its reason. */
export async function setStock(
  tx: Executor,
  actor: Actor,
  input: { sellerId: string; variantId: string; onHand?: number; delta?: number; reason: string },
): Promise<StockLine> {
  await requireSellerAccess(tx, actor, input.sellerId);
  await requireOwnVariant(tx, input.sellerId, input.variantId);
  const locationId = await sellerLocation(tx, input.sellerId);
  return changeOnHand(tx, actor, { ...input, locationId });
}

/**
 * Changes a seller's stock held at a hub location (received, counted, expired, damaged there). The
 * hub module authorizes its staff before calling; this checks only that the location is a hub and
 * the variant is the seller's. Never below what is reserved.
 */
export async function adjustHubStock(
  tx: Executor,
  actor: Actor,
  input: { locationId: string; sellerId: string; variantId: string; delta: number; reason: string },
): Promise<StockLine> {
  const [loc] = await tx
    .select({ kind: stockLocations.kind })
    .from(stockLocations)
    .where(eq(stockLocations.id, input.locationId));
  if (loc?.kind !== 'hub') throw notFound('stock location');
  await requireOwnVariant(tx, input.sellerId, input.variantId);
  return changeOnHand(tx, actor, input);
}

async function changeOnHand(
  tx: Executor,
  actor: Actor,
  input: { sellerId: string; variantId: string; locationId: string; onHand?: number; delta?: number; reason: string },
): Promise<StockLine> {
  const { locationId } = input;
  await tx
    .insert(stockLevels)
    .values({ variantId: input.variantId, locationId, sellerId: input.sellerId })
    .onConflictDoNothing();
  const [current] = await tx
    .select()
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, input.variantId), eq(stockLevels.locationId, locationId)))
    .for('update');
  const target = input.onHand ?? current.onHand + (input.delta ?? 0);
  if (target < current.reserved || target < 0) {
    throw new AppError(409, 'stock_below_reserved', { reserved: current.reserved }, [
      {
        field: input.onHand !== undefined ? 'onHand' : 'delta',
        code: 'too_small',
        params: { min: current.reserved - (input.onHand === undefined ? current.onHand : 0) },
      },
    ]);
  }
  const delta = target - current.onHand;
  await tx
    .update(stockLevels)
    .set({ onHand: target, updatedAt: sql`now()` })
    .where(and(eq(stockLevels.variantId, input.variantId), eq(stockLevels.locationId, locationId)));
  if (delta !== 0) {
    await tx.insert(stockAdjustments).values({
      id: newId(),
      sellerId: input.sellerId,
      variantId: input.variantId,
      locationId,
      delta,
      reason: input.reason,
      actorId: actorId(actor),
    });
    await emit(tx, {
      topic: 'stock.changed',
      aggregateId: input.variantId,
      payload: { sellerId: input.sellerId, variantId: input.variantId, locationId, onHand: target },
    });
  }
  return {
    variantId: input.variantId,
    locationId,
    onHand: target,
    reserved: current.reserved,
    available: target - current.reserved,
  };
}

export interface OrderReservation {
  orderId: string;
  sellerId: string;
  variantId: string;
  locationId: string;
  quantity: number;
  status: 'held' | 'committed' | 'released';
}

/** Where these orders' units were reserved: the hub learns from it which paid orders it fulfils. */
export async function reservationsOfOrders(db: Executor, orderIds: string[]): Promise<OrderReservation[]> {
  if (!orderIds.length) return [];
  const rows = await db
    .select()
    .from(reservations)
    .where(anyUuid(reservations.orderId, orderIds))
    .orderBy(reservations.orderId, reservations.variantId);
  return rows.map((r) => ({
    orderId: r.orderId,
    sellerId: r.sellerId,
    variantId: r.variantId,
    locationId: r.locationId,
    quantity: r.quantity,
    status: r.status,
  }));
}

/** Units available to sell cross-border per variant: bonded hub stock only. */
export async function bondedAvailability(db: Executor, variantIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(variantIds.map((id) => [id, 0]));
  if (!variantIds.length) return out;
  const rows = await queryRows<{ variant_id: string; available: number }>(
    db,
    sql`
    select variant_id, sum(on_hand - reserved)::int as available from stock_levels
    where variant_id = any(${pgArray(variantIds)}::uuid[]) and location_id in (select id from stock_locations where bonded)
    group by variant_id`,
  );
  for (const r of rows) out.set(r.variant_id, r.available);
  return out;
}

export async function listStock(db: Executor, actor: Actor, sellerId: string): Promise<StockLine[]> {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db.select().from(stockLevels).where(eq(stockLevels.sellerId, sellerId));
  return rows.map((r) => ({
    variantId: r.variantId,
    locationId: r.locationId,
    onHand: r.onHand,
    reserved: r.reserved,
    available: r.onHand - r.reserved,
  }));
}

/**
 * Units available per variant (0 for a variant with no stock row): to sell at home (`domestic`, the
 * default: bonded stock never sells domestically), or in either market (`either`: the larger of home
 * and bonded stock, the cart's soft check — checkout is the authority and takes bonded stock for
 * cross-border orders only). One query either way.
 */
export async function availability(
  db: Executor,
  variantIds: string[],
  scope: 'domestic' | 'either' = 'domestic',
): Promise<Map<string, number>> {
  const out = new Map<string, number>(variantIds.map((id) => [id, 0]));
  if (!variantIds.length) return out;
  const rows = await queryRows<{ variant_id: string; domestic: number; bonded: number }>(
    db,
    sql`
    select s.variant_id, coalesce(sum(s.on_hand - s.reserved) filter (where not l.bonded), 0)::int as domestic,
      coalesce(sum(s.on_hand - s.reserved) filter (where l.bonded), 0)::int as bonded
    from stock_levels s join stock_locations l on l.id = s.location_id
    where s.variant_id = any(${pgArray(variantIds)}::uuid[]) group by s.variant_id`,
  );
  for (const r of rows) out.set(r.variant_id, scope === 'domestic' ? r.domestic : Math.max(r.domestic, r.bonded));
  return out;
}

export interface Allocation {
  variantId: string;
  locationId: string;
  sellerId: string;
  quantity: number;
}
export type ReservationOutcome = { ok: true; allocations: Allocation[] } | { ok: false; soldOut: string[] };
export interface ReservationPlan {
  outcomes: ReservationOutcome[];
  changes: { v: string; l: string; q: number }[];
}

/** Another transaction took the stock this plan counted on; plan again with `lock: true`. */
export class StockConflict extends Error {
  constructor() {
    super('stock changed under an optimistic reservation');
  }
}

/**
 * Plans the reservations of many checkouts at once: the checkouts are served in arrival order from
 * what is available, each all-or-nothing, and the result is one change per stock row. A hot SKU
 * then costs one row update per batch instead of one per buyer.
 *
 * Read the rows without locks (`readStock(..., { lock: false })`) and the caller can write its orders
 * before `applyReservations` takes the row locks: locks are held only from then to the commit. Read
 * them locked when an optimistic plan lost a race.
 */
export interface StockRow {
  variant_id: string;
  location_id: string;
  seller_id: string;
  available: number;
}

/** The stock rows of these variants, locked (in one global order) when `lock` is set. */
export async function readStock(
  tx: Executor,
  variantIds: IdSet,
  opts: { lock: boolean; bonded?: boolean },
): Promise<StockRow[]> {
  if (isEmptyIdSet(variantIds)) return [];
  // Bonded stock sells cross-border only (opts.bonded), and cross-border sales only from it.
  return queryRows<StockRow>(
    tx,
    sql`
    select variant_id, location_id, seller_id, on_hand - reserved as available from stock_levels
    where ${inIds(stockLevels.variantId, variantIds)}
      and location_id ${opts.bonded ? sql`in` : sql`not in`} (select id from stock_locations where bonded)
    order by variant_id, location_id ${opts.lock ? sql`for update` : sql``}`,
  );
}

export function planReservations(
  rows: StockRow[],
  requests: { variantId: string; quantity: number }[][],
): ReservationPlan {
  const pools = new Map<string, { locationId: string; sellerId: string; available: number }[]>();
  for (const r of rows) {
    const list = pools.get(r.variant_id) ?? [];
    list.push({ locationId: r.location_id, sellerId: r.seller_id, available: r.available });
    pools.set(r.variant_id, list);
  }
  const taken = new Map<string, number>(); // "variant|location" -> units reserved by this batch
  const outcomes: ReservationOutcome[] = requests.map((lines) => {
    const allocations: Allocation[] = [];
    const soldOut: string[] = [];
    for (const line of lines) {
      const pool = (pools.get(line.variantId) ?? []).find((p) => p.available >= line.quantity);
      if (!pool) soldOut.push(line.variantId);
      else
        allocations.push({
          variantId: line.variantId,
          locationId: pool.locationId,
          sellerId: pool.sellerId,
          quantity: line.quantity,
        });
    }
    if (soldOut.length) return { ok: false, soldOut };
    for (const a of allocations) {
      pools.get(a.variantId)!.find((p) => p.locationId === a.locationId)!.available -= a.quantity;
      const k = `${a.variantId}|${a.locationId}`;
      taken.set(k, (taken.get(k) ?? 0) + a.quantity);
    }
    return { ok: true, allocations };
  });
  const changes = [...taken].map(([k, q]) => {
    const [v, l] = k.split('|');
    return { v, l, q };
  });
  return { outcomes, changes };
}

/**
 * Writes a plan's reservations: locks the rows in one global order (so concurrent batches cannot
 * deadlock), then adds to `reserved` only where the units are still there. Throws StockConflict
 * when a row no longer has them. The table's CHECK (on_hand >= reserved) stands behind this too:
 * no bug here can oversell.
 */
export async function applyReservations(tx: Executor, changes: ReservationPlan['changes']): Promise<void> {
  if (!changes.length) return;
  const keys = changes.map((c) => `${c.v}|${c.l}`).sort();
  const [, updated] = await Promise.all([
    tx.execute(sql`select 1 from stock_levels where variant_id = any(${pgArray([...new Set(changes.map((c) => c.v))])}::uuid[])
      order by variant_id, location_id for update`),
    queryRows(
      tx,
      sql`
      update stock_levels s set reserved = s.reserved + c.q, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as c(v uuid, l uuid, q int)
      where s.variant_id = c.v and s.location_id = c.l and s.on_hand - s.reserved >= c.q
      returning s.variant_id`,
    ),
  ]);
  if (updated.length !== keys.length) throw new StockConflict();
}

/** Payment arrived: held units leave the shelf (on hand and reserved both go down). */
export async function commitReservations(tx: Executor, orderIds: string[]): Promise<void> {
  await settle(tx, orderIds, 'held', 'committed', sql`on_hand = s.on_hand - c.q, reserved = s.reserved - c.q`);
}

/** Cancelled or expired: held units become available again; committed (paid) units go back on the shelf. */
export async function releaseReservations(tx: Executor, orderIds: string[]): Promise<void> {
  await settle(tx, orderIds, 'held', 'released', sql`reserved = s.reserved - c.q`);
  await settle(tx, orderIds, 'committed', 'released', sql`on_hand = s.on_hand + c.q`);
}

async function settle(
  tx: Executor,
  orderIds: string[],
  from: 'held' | 'committed',
  to: 'committed' | 'released',
  change: ReturnType<typeof sql>,
): Promise<void> {
  if (!orderIds.length) return;
  await tx.execute(sql`
    with moved as (
      update reservations set status = ${to}, settled_at = now()
      where order_id = any(${pgArray(orderIds)}::uuid[]) and status = ${from}
      returning variant_id, location_id, quantity
    ), c as (
      select variant_id as v, location_id as l, sum(quantity)::int as q from moved group by variant_id, location_id
    )
    update stock_levels s set ${change}, updated_at = now() from c where s.variant_id = c.v and s.location_id = c.l`);
}

export async function insertReservations(
  tx: Executor,
  rows: {
    orderId: string;
    sellerId: string;
    variantId: string;
    locationId: string;
    quantity: number;
    expiresAt: Date;
  }[],
): Promise<void> {
  if (!rows.length) return;
  const data = rows.map((r) => ({
    id: newId(),
    o: r.orderId,
    s: r.sellerId,
    v: r.variantId,
    l: r.locationId,
    q: r.quantity,
    e: r.expiresAt.toISOString(),
  }));
  await tx.execute(sql`
    insert into reservations (id, order_id, seller_id, variant_id, location_id, quantity, expires_at)
    select id, o, s, v, l, q, e from jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
      as x(id uuid, o uuid, s uuid, v uuid, l uuid, q int, e timestamptz)`);
}
