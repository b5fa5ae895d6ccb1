// The shelf of the /cn landing page: what a buyer in mainland China can order now (eligible under
// the product's cross-border terms and held in the bonded hub), the landed price in CNY of one unit
// with tax, and shortcuts to the top-level categories that have some of it.
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { categoryTree, listPublicProducts, type CategoryNode } from '../catalog/index.ts';
import { crossBorderShelf, ORDER_LIMIT_FEN, YEARLY_LIMIT_FEN, type ShelfOffer } from '../crossborder/index.ts';

export interface ChinaShelfQuery {
  /** A category's slug: that category and those under it. */
  category?: string;
  page: number;
  perPage: number;
}

/** Every category under (and including) each top-level one, by id -> the top-level node. */
function rootsById(tree: CategoryNode[]): Map<string, CategoryNode> {
  const out = new Map<string, CategoryNode>();
  const walk = (n: CategoryNode, root: CategoryNode) => {
    out.set(n.id, root);
    for (const c of n.children) walk(c, root);
  };
  for (const r of tree) walk(r, r);
  return out;
}

function subtreeIds(tree: CategoryNode[], slug: string): Set<string> | null {
  const find = (nodes: CategoryNode[]): CategoryNode | null => {
    for (const n of nodes) {
      if (n.slug === slug) return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
    return null;
  };
  const node = find(tree);
  if (!node) return null;
  const ids = new Set<string>();
  const walk = (n: CategoryNode) => {
    ids.add(n.id);
    n.children.forEach(walk);
  };
  walk(node);
  return ids;
}

export async function chinaShelf(
  db: Executor,
  config: Config,
  storage: MediaStorage,
  locale: Locale,
  q: ChinaShelfQuery,
  now = new Date(),
) {
  const { rate, offers } = await crossBorderShelf(db, config, now);
  const ids = [...offers.keys()];
  const [tree, listed] = await Promise.all([
    categoryTree(db, locale),
    // Only products on sale (active, approved shop); at most SHELF_SCAN_LIMIT of them, newest first.
    listPublicProducts(db, locale, { ids, page: 1, perPage: Math.max(1, ids.length) }, storage),
  ]);
  const roots = rootsById(tree);
  const counts = new Map<string, number>();
  for (const p of listed.items) {
    const root = roots.get(p.categoryId);
    if (root) counts.set(root.id, (counts.get(root.id) ?? 0) + 1);
  }
  // An unknown category has nothing in it.
  const inCategory = q.category ? (subtreeIds(tree, q.category) ?? new Set<string>()) : null;
  const chosen = inCategory ? listed.items.filter((p) => inCategory.has(p.categoryId)) : listed.items;
  const start = (q.page - 1) * q.perPage;
  return {
    currency: 'CNY' as const,
    fx: { rate: rate.rate, source: rate.source, validFrom: rate.validFrom },
    limits: { orderFen: ORDER_LIMIT_FEN, yearlyFen: YEARLY_LIMIT_FEN },
    categories: tree
      .filter((c) => counts.has(c.id))
      .map((c) => ({ id: c.id, slug: c.slug, name: c.name, count: counts.get(c.id)! })),
    category: q.category ?? null,
    total: chosen.length,
    page: q.page,
    perPage: q.perPage,
    items: chosen.slice(start, start + q.perPage).map((product) => ({
      product,
      landed: offers.get(product.id)! as ShelfOffer,
    })),
  };
}
