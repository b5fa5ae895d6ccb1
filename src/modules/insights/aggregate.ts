// Keeps insights' aggregates from the outbox, incrementally and idempotently: a paid order adds
// itself once (insights_counted_orders remembers it), a cancellation after payment takes its own
// amounts back, a shipment adds its hours from payment. Every fact is read from the views the
// owning modules publish (order_sales_facts, order_line_units, product_category_facts,
// cbec_order_tax_facts, hub_order_dispatch_facts); no other module's table is read.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db.ts';

const bangkokMonth = (column: string) => sql.raw(`date_trunc('month', ${column} at time zone 'Asia/Bangkok')::date`);

interface Counted {
  month: string;
  seller_id: string;
  market: string;
  gross_satang: string;
  cbec_tax_fen: string;
}

/** Counts a paid order once: its sale, its buyer and its categories. */
export async function countPaidOrder(db: Executor, orderId: string): Promise<void> {
  const [row] = await queryRows<Counted>(
    db,
    sql`insert into insights_counted_orders (order_id, month, seller_id, market, gross_satang, cbec_tax_fen)
        select f.order_id, ${bangkokMonth('f.paid_at')}, f.seller_id, f.market, f.total_satang,
               coalesce((select t.tax_fen from cbec_order_tax_facts t where t.order_id = f.order_id), 0)
        from order_sales_facts f where f.order_id = ${orderId}
        on conflict (order_id) do nothing
        returning month::text, seller_id, market, gross_satang, cbec_tax_fen`,
  );
  if (!row) return;
  const newBuyer = await queryRows(
    db,
    sql`insert into insights_buyers (month, seller_id, market, buyer_hash)
        select ${row.month}::date, seller_id, market, buyer_hash from order_sales_facts where order_id = ${orderId}
        on conflict do nothing returning 1`,
  );
  await db.execute(
    sql`insert into insights_sales (month, seller_id, market, orders, gross_satang, cbec_tax_fen, buyers)
        values (${row.month}::date, ${row.seller_id}, ${row.market}, 1, ${row.gross_satang}, ${row.cbec_tax_fen}, ${newBuyer.length})
        on conflict (month, seller_id, market) do update set
          orders = insights_sales.orders + 1,
          gross_satang = insights_sales.gross_satang + excluded.gross_satang,
          cbec_tax_fen = insights_sales.cbec_tax_fen + excluded.cbec_tax_fen,
          buyers = insights_sales.buyers + excluded.buyers`,
  );
  await db.execute(
    sql`insert into insights_categories (month, seller_id, market, category_slug, units, gross_satang)
        select ${row.month}::date, ${row.seller_id}, ${row.market}, c.category_slug, sum(l.quantity), sum(l.line_total_satang)
        from order_line_units l join product_category_facts c on c.product_id = l.product_id
        where l.order_id = ${orderId} group by c.category_slug
        on conflict (month, seller_id, market, category_slug) do update set
          units = insights_categories.units + excluded.units,
          gross_satang = insights_categories.gross_satang + excluded.gross_satang`,
  );
}

/** A paid order cancelled (refunded): its amounts leave the month it was counted in; unpaid ones were never counted. */
export async function uncountCancelledOrder(db: Executor, orderId: string): Promise<void> {
  const [row] = await queryRows<Counted & { shipped: number }>(
    db,
    sql`delete from insights_counted_orders where order_id = ${orderId}
        returning month::text, seller_id, market, gross_satang, cbec_tax_fen, shipped`,
  );
  if (!row) return;
  await db.execute(
    sql`update insights_sales set orders = orders - 1, gross_satang = gross_satang - ${row.gross_satang},
          cbec_tax_fen = cbec_tax_fen - ${row.cbec_tax_fen}
        where month = ${row.month}::date and seller_id = ${row.seller_id} and market = ${row.market}`,
  );
  await db.execute(
    sql`update insights_categories c set units = c.units - l.units, gross_satang = c.gross_satang - l.gross
        from (select pc.category_slug, sum(u.quantity) as units, sum(u.line_total_satang) as gross
              from order_line_units u join product_category_facts pc on pc.product_id = u.product_id
              where u.order_id = ${orderId} group by pc.category_slug) l
        where c.month = ${row.month}::date and c.seller_id = ${row.seller_id} and c.market = ${row.market}
          and c.category_slug = l.category_slug`,
  );
}

/** A counted order shipped: one more shipment in its month, and the hours it took from payment. */
export async function countShipment(db: Executor, orderId: string): Promise<void> {
  const [row] = await queryRows<{ month: string; seller_id: string; market: string }>(
    db,
    sql`update insights_counted_orders set shipped = 1 where order_id = ${orderId} and shipped = 0
        returning month::text, seller_id, market`,
  );
  if (!row) return;
  await db.execute(
    sql`update insights_sales s set shipped = s.shipped + 1,
          ship_hours = s.ship_hours + greatest(0, round(extract(epoch from (f.shipped_at - f.paid_at)) / 3600))::bigint
        from order_sales_facts f
        where f.order_id = ${orderId} and f.shipped_at is not null
          and s.month = ${row.month}::date and s.seller_id = ${row.seller_id} and s.market = ${row.market}`,
  );
  // Dispatched by the hub: its throughput and hours from payment to handover, in the month it was paid.
  await db.execute(
    sql`insert into insights_hub (month, seller_id, market, dispatched, dispatch_hours)
        select ${row.month}::date, ${row.seller_id}, ${row.market}, 1,
               greatest(0, round(extract(epoch from (h.dispatched_at - h.paid_at)) / 3600))::bigint
        from hub_order_dispatch_facts h where h.order_id = ${orderId}
        on conflict (month, seller_id, market) do update set
          dispatched = insights_hub.dispatched + 1, dispatch_hours = insights_hub.dispatch_hours + excluded.dispatch_hours`,
  );
}
