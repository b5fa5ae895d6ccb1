// Demo data, loaded on the first start of the embedded database (DEMO_DATA=true) or by `talad seed`:
// five real-world kinds of Thai small producer, an operator and a buyer. Everything goes through the
// modules' services, so the demo obeys the same rules as real use.
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import { type Platform, seedModules } from '../platform/module.ts';
import type { Actor } from '../platform/actor.ts';
import { queryRows } from '../platform/db.ts';
import { createMediaStorage } from '../platform/storage.ts';
import { createUser } from '../modules/identity/index.ts';
import { applyForShop, approveSeller, setFlagship } from '../modules/sellers/index.ts';
import {
  seedCategories,
  categoryTree,
  createProduct,
  setProductStatus,
  addProductImage,
  type CategoryNode,
  type VariantInput,
} from '../modules/catalog/index.ts';
import { setStock } from '../modules/inventory/index.ts';
import { setRate } from '../modules/payments/index.ts';
import { setProductTerms } from '../modules/crossborder/index.ts';
import { createCampaign } from '../modules/campaigns/index.ts';
import { DEMO_ACCOUNTS, DEMO_SHOPS, type DemoProduct } from './data.ts';
import { seedShippingDemo, type DemoShop } from './shipping.ts';
import { seedHubDemo } from './hub.ts';
import { pictureKindOf, productPicture } from './pictures.ts';

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  return row.n > 0;
}

/** The demo data of the core modules, then each module's own (in module order). */
export async function seedDemo(platform: Platform): Promise<void> {
  const { db, config } = platform;
  const storage = createMediaStorage(config);
  const system: Actor = { kind: 'system', name: 'demo-seed' };
  await seedCategories(db);
  const categories = new Map<string, string>();
  const walk = (nodes: CategoryNode[]) =>
    nodes.forEach((n) => {
      categories.set(n.slug, n.id);
      walk(n.children);
    });
  walk(await categoryTree(db, 'th'));

  const accounts = [];
  for (const account of DEMO_ACCOUNTS) accounts.push(await createUser(db, account));
  const demoShops: DemoShop[] = [];

  for (const shop of DEMO_SHOPS) {
    const owner = await createUser(db, shop.owner);
    const ownerActor: Actor = { kind: 'user', userId: owner.id, isOperator: false, guestTokenHash: null };
    const seller = await applyForShop(db, ownerActor, shop.application);
    await approveSeller(db, system, seller.id);
    if (shop.flagship) await setFlagship(db, system, seller.id, { isFlagship: true });
    for (const product of shop.products) {
      const variantIds = await seedProduct(db, ownerActor, seller.id, product, categories, storage);
      demoShops.push({ slug: product.slug, sellerId: seller.id, owner: ownerActor, variantIds });
    }
  }
  // The operator's THB->CNY rate for cross-border prices (it must be younger than CBEC_FX_MAX_AGE_HOURS to sell to China).
  await setRate(db, system, {
    base: 'THB',
    quote: 'CNY',
    rate: '0.2050',
    source: 'operator (demo): Bank of Thailand reference rate',
  });
  const buyer = accounts[DEMO_ACCOUNTS.findIndex((a) => a.email === 'buyer@talad.local')];
  if (buyer)
    await seedShippingDemo(
      db,
      config,
      platform.hooks,
      { kind: 'user', userId: buyer.id, isOperator: false, guestTokenHash: null },
      demoShops,
    );
  if (buyer)
    await seedHubDemo(
      db,
      config,
      { kind: 'user', userId: buyer.id, isOperator: false, guestTokenHash: null },
      demoShops,
    );
  await seedModules(platform);
  // A flash sale on the durian, so the storefront's cards show a campaign price and its countdown.
  const durian = demoShops.find((s) => s.slug === 'monthong-durian-5kg');
  if (durian)
    await createCampaign(db, durian.owner, durian.sellerId, {
      name: { th: 'แฟลชเซลทุเรียนหมอนทอง', zh: '金枕头榴莲限时抢购', en: 'Monthong durian flash sale' },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      items: [{ variantId: durian.variantIds[0], priceSatang: 89_000, stockLimit: 5_000, perBuyerLimit: 2 }],
    });
}

async function seedProduct(
  db: Db,
  actor: Actor,
  sellerId: string,
  p: DemoProduct,
  categories: Map<string, string>,
  storage: ReturnType<typeof createMediaStorage>,
) {
  const categoryId = categories.get(p.category);
  if (!categoryId) throw new Error(`demo data names an unknown category: ${p.category}`);
  const created = await createProduct(
    db,
    actor,
    {
      sellerId,
      categoryId,
      slug: p.slug,
      title: p.title,
      description: p.description,
      optionNames: p.optionNames,
      hsCode: p.hsCode,
      originProvinceCode: p.origin,
      perishable: p.perishable ?? false,
      shelfLifeDays: p.shelfLifeDays ?? null,
      variants: p.variants.map(({ stock: _stock, ...v }) => v as VariantInput),
    },
    storage,
  );
  await addProductImage(
    db,
    actor,
    {
      sellerId,
      productId: created.id,
      // An illustration of the product's kind (rice sack, durian, silk...) drawn now, uploaded like a seller's photo.
      upload: async () => ({ bytes: await productPicture(pictureKindOf(p.category), p.colour), alt: p.title.th }),
    },
    storage,
  );
  await setProductStatus(db, actor, { sellerId, productId: created.id, status: 'active' }, storage);
  for (const v of created.variants) {
    const stock = p.variants.find((d) => d.sku === v.sku)?.stock ?? 0;
    await db.transaction((tx) =>
      setStock(tx, actor, { sellerId, variantId: v.id, onHand: stock, reason: 'demo stock' }),
    );
  }
  // Units held in bond arrive at the EEC hub through an inbound shipment (demo/hub.ts): every bonded
  // unit sits in a bin under a lot, so a released cross-border order can be picked.
  if (p.crossBorder) {
    const { bondedStock: _b, ...terms } = p.crossBorder;
    await setProductTerms(db, actor, {
      sellerId,
      productId: created.id,
      eligible: true,
      consumptionTaxBp: 0,
      yearlyQuantityCap: null,
      ...terms,
    });
  }
  return created.variants.map((v) => v.id);
}
