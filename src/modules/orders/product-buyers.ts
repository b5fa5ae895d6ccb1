// Who bought a product, for a later module that must reach them (standards: the buyers of a recalled
// lot, listed for the shop and operators only). Orders paid or further along; the buyer's name and
// telephone as given for delivery.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';

export interface ProductBuyer {
  orderId: string;
  orderNumber: number;
  status: string;
  market: string;
  paidAt: string | null;
  buyerName: string;
  phone: string;
  email: string | null;
  quantity: number;
}

/** Orders of a shop holding the product, paid on or after `since` (a date), or these orders whatever their date. */
export async function buyersOfProduct(
  db: Executor,
  input: { sellerId: string; productId: string; since?: string | null; orderIds?: string[] },
): Promise<ProductBuyer[]> {
  const ids = `{${(input.orderIds ?? []).join(',')}}`;
  return queryRows<ProductBuyer>(
    db,
    sql`
    select o.id as "orderId", o.number::int as "orderNumber", o.status, g.market, o.paid_at as "paidAt",
      o.shipping_address->>'name' as "buyerName", coalesce(o.shipping_address->>'phone', g.contact_phone) as phone,
      g.contact_email as email, sum(l.quantity)::int as quantity
    from orders o join order_groups g on g.id = o.group_id join order_lines l on l.order_id = o.id
    where o.seller_id = ${input.sellerId}::uuid and l.product_id = ${input.productId}::uuid
      and o.status in ('paid', 'processing', 'shipped', 'delivered')
      and (o.id = any(${ids}::uuid[]) or ${input.since ?? null}::date is null or o.paid_at >= ${input.since ?? null}::date)
    group by o.id, g.id order by o.paid_at nulls last, o.number`,
  );
}
