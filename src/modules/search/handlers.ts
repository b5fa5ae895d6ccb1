// Freshness: the index follows the catalog, stock, orders, shops and reviews through the outbox. Events
// are written in the same transaction as the change and delivered within about a second by the
// worker `talad start` runs; every handler reads the current state, so a redelivered or late
// event does no harm. (Archived products are hidden from results even before this runs: see
// hiddenProducts in pg-query.ts.)
import { on } from '../../events.ts';
import type { Subscription } from '../../platform/module.ts';
import type { SearchEngine } from './engine.ts';
import { Indexer, type IndexSources } from './indexer.ts';
import { postgresSearchEngine } from './pg-engine.ts';

export function searchSubscriptions(
  engine: SearchEngine = postgresSearchEngine,
  sources: IndexSources = {},
): Subscription[] {
  const indexer = () => new Indexer(engine, sources);
  const shop = (db: Parameters<Indexer['indexShop']>[0], sellerId: string) => indexer().indexShop(db, sellerId);
  return [
    // These read the current state, so one call per product (or variant) per delivery pass is enough.
    on('product.updated', (db, e) => indexer().indexProducts(db, [e.payload.productId]), {
      coalesce: (e) => e.payload.productId,
    }),
    on('stock.changed', (db, e) => indexer().refreshStock(db, { variantId: e.payload.variantId }), {
      coalesce: (e) => e.payload.variantId,
    }),
    on('order.placed', (db, e) => indexer().refreshStock(db, { orderId: e.payload.orderId }), {
      coalesce: (e) => e.payload.productIds.join(','),
    }),
    on('order.paid', (db, e) => indexer().syncSales(db, e.payload.orderId)),
    on('order.cancelled', async (db, e) => {
      await indexer().refreshStock(db, { orderId: e.payload.orderId });
      await indexer().syncSales(db, e.payload.orderId);
    }),
    // A shop's rank tier, card flag and visibility follow its status and flagship mark.
    on('seller.approved', (db, e) => shop(db, e.payload.sellerId)),
    on('seller.flagship_changed', (db, e) => shop(db, e.payload.sellerId)),
    on('seller.suspended', (db, e) => shop(db, e.payload.sellerId)),
    on('seller.reinstated', (db, e) => shop(db, e.payload.sellerId)),
    // A review published, hidden or restored: the shop's products' rating scores follow (rating.ts).
    on('review.rating_changed', (db, e) => indexer().refreshRatings(db, e.payload.sellerId), {
      coalesce: (e) => e.payload.sellerId,
    }),
    // A mark verified, rejected, revoked or expired: its product's facet values and card follow.
    on(
      'standards.mark_changed',
      (db, e) =>
        e.payload.productId ? indexer().indexProducts(db, [e.payload.productId]) : shop(db, e.payload.sellerId),
      { coalesce: (e) => e.payload.productId ?? e.payload.sellerId },
    ),
  ];
}
