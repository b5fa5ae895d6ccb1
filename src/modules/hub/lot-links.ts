// What later modules may read of the hub's lots (the standards module traces a lot from the farm:
// the hub's lots of the same shop and lot number are its units in the warehouse), and the point
// where such a module puts a lot's trace QR code on the parcel label.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import { hookPoint } from '../../platform/module.ts';

export interface HubLotLink {
  lotId: string;
  lotNumber: string;
  locationId: string;
  variantId: string;
  productionDate: string | null;
  expiryDate: string | null;
  blocked: boolean;
  receivedAt: string;
  /** Units of the lot in the hub's bins now. */
  units: number;
}

/** The hub's lots of a shop with these lot numbers. */
export async function hubLotsByNumber(db: Executor, sellerId: string, lotNumbers: string[]): Promise<HubLotLink[]> {
  if (!lotNumbers.length) return [];
  return queryRows<HubLotLink>(
    db,
    sql`
    select l.id as "lotId", l.lot_number as "lotNumber", l.location_id as "locationId", l.variant_id as "variantId",
      l.production_date::text as "productionDate", l.expiry_date::text as "expiryDate", l.blocked_at is not null as blocked,
      l.created_at as "receivedAt", coalesce((select sum(quantity)::int from hub_bin_stock s where s.lot_id = l.id), 0) as units
    from hub_lots l where l.seller_id = ${sellerId}::uuid and l.lot_number = any(${`{${lotNumbers.map((n) => `"${n}"`).join(',')}}`}::text[])
    order by l.created_at`,
  );
}

/** Orders whose units were picked from a shop's lots of this number (what a recall must reach for sure). */
export async function ordersPickedFromLot(
  db: Executor,
  sellerId: string,
  lotNumber: string,
): Promise<{ orderId: string; quantity: number }[]> {
  return queryRows(
    db,
    sql`
    select o.order_id as "orderId", sum(p.quantity)::int as quantity
    from hub_picks p join hub_lots l on l.id = p.lot_id join hub_outbound_orders o on o.id = p.outbound_id
    where l.seller_id = ${sellerId}::uuid and l.lot_number = ${lotNumber} and p.picked_at is not null
    group by o.order_id`,
  );
}

/** The shop's lot numbers in an outbound order's picks (what its parcel holds). */
export async function lotNumbersOfOutbound(
  db: Executor,
  outboundId: string,
): Promise<{ sellerId: string; lotNumber: string }[]> {
  return queryRows(
    db,
    sql`
    select distinct l.seller_id as "sellerId", l.lot_number as "lotNumber"
    from hub_picks p join hub_lots l on l.id = p.lot_id where p.outbound_id = ${outboundId}::uuid order by 2`,
  );
}

export interface LotTraceCode {
  lotNumber: string;
  /** The public page the pack's QR code opens. */
  url: string;
}

/**
 * Filled in by a later module (standards): the trace pages of the lots a parcel holds, for the QR
 * code on its label. Without it the label carries only the tracking QR code.
 */
export type LotTrace = (db: Executor, lots: { sellerId: string; lotNumber: string }[]) => Promise<LotTraceCode[]>;
export const lotTraceHook = hookPoint<LotTrace>('hub.lot-trace');
