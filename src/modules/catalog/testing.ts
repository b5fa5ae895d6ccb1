// Test helpers for the catalog and the modules after it (inventory, cart, orders, benchmarks).
//   await seedCategories(db); const rice = await categoryIdBySlug(db, 'jasmine-rice');
//   const { productId, variantIds } = await productOnSale(app, await approvedSeller(app), rice);
// shopWithOwner / signedInUser insert rows directly (no password hashing, no app): for benchmarks
// and tests that need many shops fast; sellers/testing.ts goes through sign-up and approval.
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { newId, newSecret, hashSecret } from '../../platform/ids.ts';
import type { Executor } from '../../platform/db.ts';
import { users, sessions } from '../identity/testing.ts';
import { sellers, sellerMembers } from '../sellers/testing.ts';
import { categories } from './schema.ts';

export interface ShopFixture {
  sellerId: string;
  slug: string;
  userId: string;
  cookie: string;
}

let counter = 0;

/** A valid 13-digit juristic tax ID, different for every shop (open shops must not share one). */
function uniqueTaxId(): string {
  const body = `0994${String(Date.now() % 1e6).padStart(6, '0')}${String(++counter % 100).padStart(2, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (13 - i);
  return body + String((11 - (sum % 11)) % 10);
}

/** A signed-in user (session cookie ready for app.inject). */
export async function signedInUser(
  db: Executor,
  opts: { isOperator?: boolean } = {},
): Promise<{ userId: string; cookie: string }> {
  const userId = newId();
  await db.insert(users).values({
    id: userId,
    email: `u${Date.now()}-${++counter}@example.test`,
    passwordHash: 'x',
    displayName: 'ผู้ทดสอบ',
    isOperator: opts.isOperator ?? false,
  });
  const secret = newSecret();
  await db
    .insert(sessions)
    .values({ tokenHash: hashSecret(secret), userId, expiresAt: new Date(Date.now() + 86_400_000) });
  return { userId, cookie: `talad_session=${secret}` };
}

/** A shop with its owner signed in; approved unless told otherwise. */
export async function shopWithOwner(
  db: Executor,
  opts: { status?: 'pending' | 'approved' | 'rejected' | 'suspended'; provinceCode?: string } = {},
): Promise<ShopFixture> {
  const { userId, cookie } = await signedInUser(db);
  const sellerId = newId();
  const slug = `shop-${++counter}-${sellerId.slice(-6)}`;
  await db.insert(sellers).values({
    id: sellerId,
    slug,
    legalNameTh: 'วิสาหกิจชุมชนทดสอบ',
    shopNameTh: `ร้านทดสอบ ${counter}`,
    shopNameZh: `测试店 ${counter}`,
    shopNameEn: `Test shop ${counter}`,
    businessType: 'community_enterprise',
    taxId: uniqueTaxId(),
    provinceCode: opts.provinceCode ?? '45',
    contactPhone: '+66812345678',
    payoutMethod: 'promptpay',
    payoutPromptpayId: '0812345678',
    status: opts.status ?? 'approved',
    createdBy: userId,
  });
  await db.insert(sellerMembers).values({ sellerId, userId, role: 'owner' });
  return { sellerId, slug, userId, cookie };
}

/** The id of a seeded category (call seedCategories first). */
export async function categoryIdBySlug(db: Executor, slug: string): Promise<string> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  if (!row) throw new Error(`no category ${slug}: call seedCategories(db) first`);
  return row.id;
}

/** A product body the API accepts: Thai jasmine rice from Roi Et in two sizes. */
export function jasmineRice(categoryId: string, overrides: Record<string, unknown> = {}) {
  const tag = `${Date.now().toString(36)}${++counter}`;
  return {
    categoryId,
    title: { th: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้', zh: '通库拉荣海茉莉香米', en: 'Thung Kula Rong Hai jasmine rice' },
    description: {
      th: 'ข้าวหอมมะลิใหม่ ปลูกในทุ่งกุลาร้องไห้',
      zh: '新米，产自通库拉荣海',
      en: 'New-crop jasmine rice from Thung Kula Rong Hai',
    },
    optionNames: [{ th: 'น้ำหนัก', zh: '重量', en: 'Weight' }],
    hsCode: '1006.30',
    originProvinceCode: '45',
    variants: [
      {
        sku: `RICE-1KG-${tag}`,
        optionValues: [{ th: '1 กก.', zh: '1 公斤', en: '1 kg' }],
        priceSatang: 12_000,
        weightGrams: 1000,
        gtin: '8850999220000',
      },
      {
        sku: `RICE-5KG-${tag}`,
        optionValues: [{ th: '5 กก.', zh: '5 公斤', en: '5 kg' }],
        priceSatang: 55_000,
        weightGrams: 5000,
      },
    ],
    ...overrides,
  };
}

/**
 * A product on sale in an approved shop, made through the API as a seller would (for the tests of
 * inventory, cart and orders): returns its id and its variants' ids.
 */
export async function productOnSale(
  app: FastifyInstance,
  shop: { sellerId: string; cookie: string },
  categoryId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ productId: string; variantIds: string[] }> {
  const created = await app.inject({
    method: 'POST',
    url: `/api/sellers/${shop.sellerId}/products`,
    headers: { cookie: shop.cookie },
    payload: jasmineRice(categoryId, overrides),
  });
  if (created.statusCode !== 201) throw new Error(`product not created: ${created.body}`);
  const productId = created.json().id as string;
  const published = await app.inject({
    method: 'PUT',
    url: `/api/sellers/${shop.sellerId}/products/${productId}/status`,
    headers: { cookie: shop.cookie },
    payload: { status: 'active' },
  });
  if (published.statusCode !== 200) throw new Error(`product not published: ${published.body}`);
  return { productId, variantIds: published.json().variants.map((v: { id: string }) => v.id) };
}

// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
export { seedCategories } from './categories.ts';
export { THAI_SME_CATEGORIES } from './category-tree.ts';
export { categories, productVariants, products } from './schema.ts';
