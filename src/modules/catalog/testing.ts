// Test fixtures for the catalog and the modules after it: shops and signed-in members, inserted
// directly so that catalog tests do not depend on the sign-up and approval flows.
import { newId, newSecret, hashSecret } from '../../platform/ids.ts';
import type { Executor } from '../../platform/db.ts';
import { users, sessions } from '../identity/schema.ts';
import { sellers, sellerMembers } from '../sellers/schema.ts';

export interface ShopFixture { sellerId: string; slug: string; userId: string; cookie: string }

let counter = 0;

/** A valid 13-digit juristic tax ID, different for every shop (open shops must not share one). */
function uniqueTaxId(): string {
  const body = `0994${String(Date.now() % 1e6).padStart(6, '0')}${String(++counter % 100).padStart(2, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (13 - i);
  return body + String((11 - (sum % 11)) % 10);
}

/** A signed-in user (session cookie ready for app.inject). */
export async function signedInUser(db: Executor, opts: { isOperator?: boolean } = {}): Promise<{ userId: string; cookie: string }> {
  const userId = newId();
  await db.insert(users).values({
    id: userId, email: `u${Date.now()}-${++counter}@example.test`, passwordHash: 'x', displayName: 'ผู้ทดสอบ',
    isOperator: opts.isOperator ?? false,
  });
  const secret = newSecret();
  await db.insert(sessions).values({ tokenHash: hashSecret(secret), userId, expiresAt: new Date(Date.now() + 86_400_000) });
  return { userId, cookie: `talad_session=${secret}` };
}

/** A shop with its owner signed in; approved unless told otherwise. */
export async function shopWithOwner(
  db: Executor, opts: { status?: 'pending' | 'approved' | 'rejected' | 'suspended'; provinceCode?: string } = {},
): Promise<ShopFixture> {
  const { userId, cookie } = await signedInUser(db);
  const sellerId = newId();
  const slug = `shop-${++counter}-${sellerId.slice(-6)}`;
  await db.insert(sellers).values({
    id: sellerId, slug, legalNameTh: 'วิสาหกิจชุมชนทดสอบ', shopNameTh: `ร้านทดสอบ ${counter}`, shopNameZh: `测试店 ${counter}`,
    shopNameEn: `Test shop ${counter}`, businessType: 'community_enterprise', taxId: uniqueTaxId(),
    provinceCode: opts.provinceCode ?? '45', contactPhone: '+66812345678', payoutMethod: 'promptpay',
    payoutPromptpayId: '0812345678', status: opts.status ?? 'approved', createdBy: userId,
  });
  await db.insert(sellerMembers).values({ sellerId, userId, role: 'owner' });
  return { sellerId, slug, userId, cookie };
}
