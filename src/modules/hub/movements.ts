// Stock movements: the only way bin stock changes. Each movement is a row (who, when, from bin, to
// bin, lot, quantity, reason) and the bin balance changes with it in the same statement batch, so
// on hand per bin always equals the sum of movements.
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { queryRows, type Executor } from '../../platform/db.ts';
import { hubLots } from './schema.ts';
import type { HubWorker } from './access.ts';

export interface Movement {
  locationId: string;
  sellerId: string;
  variantId: string;
  lotId: string;
  fromBinId: string | null;
  toBinId: string | null;
  quantity: number;
  reason: string;
  refId?: string | null;
  /** The units leaving `fromBinId` were allocated to a pick (a pick confirmation). */
  fromAllocated?: boolean;
}

/** Records movements and moves the bin balances; refuses (409) when a bin lacks the free units. */
export async function applyMovements(tx: Executor, who: HubWorker, moves: Movement[]): Promise<void> {
  if (!moves.length) return;
  const rows = moves.map((m) => ({
    id: newId(),
    l: m.locationId,
    s: m.sellerId,
    v: m.variantId,
    lot: m.lotId,
    f: m.fromBinId,
    t: m.toBinId,
    q: m.quantity,
    r: m.reason,
    ref: m.refId ?? null,
    a: m.fromAllocated ? m.quantity : 0,
  }));
  if (rows.some((r) => !(r.q > 0) || !Number.isInteger(r.q)))
    throw new AppError(422, 'validation_failed', {}, [{ field: 'quantity', code: 'too_small', params: { min: 1 } }]);
  const json = JSON.stringify(rows);
  const outs = rows.filter((r) => r.f);
  if (outs.length) {
    const agg = new Map<string, { b: string; lot: string; q: number; a: number }>();
    for (const r of outs) {
      const k = `${r.f}|${r.lot}`;
      const cur = agg.get(k) ?? { b: r.f!, lot: r.lot, q: 0, a: 0 };
      cur.q += r.q;
      cur.a += r.a;
      agg.set(k, cur);
    }
    const updated = await queryRows(
      tx,
      sql`
      update hub_bin_stock s set quantity = s.quantity - c.q, allocated = s.allocated - c.a
      from jsonb_to_recordset(${JSON.stringify([...agg.values()])}::jsonb) as c(b uuid, lot uuid, q int, a int)
      where s.bin_id = c.b and s.lot_id = c.lot and s.allocated >= c.a and s.quantity - s.allocated >= c.q - c.a
      returning s.bin_id`,
    );
    if (updated.length !== agg.size) throw new AppError(409, 'bin_stock_short');
  }
  if (rows.some((r) => r.t)) {
    await tx.execute(sql`
      insert into hub_bin_stock (bin_id, lot_id, location_id, seller_id, variant_id, quantity)
      select t, lot, l, s, v, sum(q)::int from jsonb_to_recordset(${json}::jsonb) as x(t uuid, lot uuid, l uuid, s uuid, v uuid, q int)
      where t is not null group by t, lot, l, s, v
      on conflict (bin_id, lot_id) do update set quantity = hub_bin_stock.quantity + excluded.quantity`);
  }
  await tx.execute(sql`
    insert into hub_stock_movements (id, location_id, seller_id, variant_id, lot_id, from_bin_id, to_bin_id, quantity, reason, ref_id, actor_id, actor_name)
    select id, l, s, v, lot, f, t, q, r, ref, ${who.userId}::uuid, ${who.name}
    from jsonb_to_recordset(${json}::jsonb) as x(id uuid, l uuid, s uuid, v uuid, lot uuid, f uuid, t uuid, q int, r text, ref uuid)`);
}

export interface LotInput {
  locationId: string;
  sellerId: string;
  variantId: string;
  lotNumber: string;
  productionDate: string | null;
  expiryDate: string | null;
}

/** The lot with this number for this SKU at this hub, created on first receipt; its dates never change. */
export async function lotFor(tx: Executor, input: LotInput): Promise<{ id: string; blocked: boolean }> {
  await tx
    .insert(hubLots)
    .values({ id: newId(), ...input })
    .onConflictDoNothing();
  const [lot] = await tx
    .select()
    .from(hubLots)
    .where(
      and(
        eq(hubLots.locationId, input.locationId),
        eq(hubLots.variantId, input.variantId),
        eq(hubLots.lotNumber, input.lotNumber),
      ),
    );
  if (
    (lot.expiryDate ?? null) !== (input.expiryDate ?? null) ||
    (lot.productionDate ?? null) !== (input.productionDate ?? null)
  ) {
    throw new AppError(409, 'lot_dates_differ', { lot: input.lotNumber });
  }
  return { id: lot.id, blocked: lot.blockedAt !== null };
}

/** Today in Bangkok as YYYY-MM-DD: lots expire at the start of their expiry date, hub time. */
export function bangkokDate(now = new Date(), plusDays = 0): string {
  return new Date(now.getTime() + 7 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}
