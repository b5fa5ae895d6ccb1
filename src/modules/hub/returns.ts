// Goods a buyer sent back to the hub they left from: counted in on the dock under the lot they were
// picked from, and either sellable again (back into bond for a bonded sale, within the period and
// sealed) or destroyed under supervision (in and straight out again, reason recorded) — either way
// the movements say what happened, and bin stock stays the sum of its movements.
import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/actor.ts';
import { queryRows, type Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { adjustHubStock } from '../inventory/index.ts';
import { dockBin } from './inbound.ts';
import { applyMovements } from './movements.ts';

export interface ReturnedUnits {
  returnId: string;
  orderId: string;
  sellerId: string;
  locationId: string;
  variantId: string;
  quantity: number;
  disposition: 'restock' | 'destroy';
}

/** Books returned units into the hub (once per return id). False when they were booked already. */
export async function receiveReturnedUnits(tx: Executor, input: ReturnedUnits): Promise<boolean> {
  const [seen] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from hub_stock_movements where ref_id = ${input.returnId}::uuid`,
  );
  if (seen.n > 0) return false;
  // The lot the order's units were picked from (the last one, if several).
  const [lot] = await queryRows<{ lotId: string }>(
    tx,
    sql`select p.lot_id as "lotId" from hub_picks p join hub_outbound_orders o on o.id = p.outbound_id
        where o.order_id = ${input.orderId}::uuid and p.variant_id = ${input.variantId}::uuid and p.picked_at is not null
        order by p.picked_at desc limit 1`,
  );
  if (!lot) throw new AppError(409, 'return_not_from_hub');
  const dock = await dockBin(tx, input.locationId);
  const who = { userId: null, name: 'system:returns' };
  const base = {
    locationId: input.locationId,
    sellerId: input.sellerId,
    variantId: input.variantId,
    lotId: lot.lotId,
    quantity: input.quantity,
    refId: input.returnId,
  };
  await applyMovements(tx, who, [{ ...base, fromBinId: null, toBinId: dock, reason: 'returned_by_buyer' }]);
  if (input.disposition === 'destroy')
    await applyMovements(tx, who, [{ ...base, fromBinId: dock, toBinId: null, reason: 'destroyed_under_supervision' }]);
  else
    await adjustHubStock(tx, systemActor('hub'), {
      locationId: input.locationId,
      sellerId: input.sellerId,
      variantId: input.variantId,
      delta: input.quantity,
      reason: 'returned_by_buyer',
    });
  return true;
}

/** The hub an order was picked and shipped from, or null (the shop shipped it itself). */
export async function hubOfOrder(tx: Executor, orderId: string): Promise<string | null> {
  const [row] = await queryRows<{ locationId: string }>(
    tx,
    sql`select location_id as "locationId" from hub_outbound_orders where order_id = ${orderId}::uuid`,
  );
  return row?.locationId ?? null;
}
