// Freshness: the index follows the catalog, stock, orders and shops through the outbox. Events
// are written in the same transaction as the change and delivered within about a second by the
// worker `talad start` runs; every handler reads the current state, so a redelivered or late
// event does no harm. (Archived products are hidden from results even before this runs: see
// hiddenProducts in pg-query.ts.)
import { coalescing, type OutboxHandler } from '../../platform/outbox.ts';
import type { SearchEngine } from './engine.ts';
import { Indexer } from './indexer.ts';
import { postgresSearchEngine } from './pg-engine.ts';

const id = (payload: Record<string, unknown>, key: string): string => {
  const value = payload[key];
  if (typeof value !== 'string') throw new Error(`event payload lacks ${key}`);
  return value;
};

export function searchOutboxHandlers(engine: SearchEngine = postgresSearchEngine): [string, OutboxHandler][] {
  const indexer = () => new Indexer(engine);
  return [
    // These read the current state, so one call per product (or variant) per delivery pass is enough.
    [
      'product.updated',
      coalescing(
        (e) => `${e.payload.productId}`,
        (db, e) => indexer().indexProducts(db, [id(e.payload, 'productId')]),
      ),
    ],
    [
      'stock.changed',
      coalescing(
        (e) => `${e.payload.variantId}`,
        (db, e) => indexer().refreshStock(db, { variantId: id(e.payload, 'variantId') }),
      ),
    ],
    [
      'order.placed',
      coalescing(
        (e) => (Array.isArray(e.payload.productIds) ? e.payload.productIds.join(',') : null),
        (db, e) => indexer().refreshStock(db, { orderId: id(e.payload, 'orderId') }),
      ),
    ],
    ['order.paid', (db, e) => indexer().syncSales(db, id(e.payload, 'orderId'))],
    [
      'order.cancelled',
      async (db, e) => {
        const orderId = id(e.payload, 'orderId');
        await indexer().refreshStock(db, { orderId });
        await indexer().syncSales(db, orderId);
      },
    ],
    ['seller.approved', (db, e) => indexer().indexShop(db, e.aggregateId)],
    ['seller.suspended', (db, e) => indexer().indexShop(db, e.aggregateId)],
  ];
}
