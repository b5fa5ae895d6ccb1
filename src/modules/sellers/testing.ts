// Test helpers for every module's tests: shops in a few lines.
//   const shop = await approvedSeller(app);          // { sellerId, slug, cookie, userId, ... }
//   await app.inject({ method: 'POST', url: `/api/sellers/${shop.sellerId}/...`, headers: { cookie: shop.cookie } });
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { operatorSession, signUp, uniqueMobile, type TestAccount } from '../identity/testing.ts';
import type { ShopApplication } from './application.ts';

/** A valid 13-digit Thai tax ID, different each call (the last digit is the check digit). */
export function validTaxId(): string {
  const body = `0${String(randomInt(1e11)).padStart(11, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (13 - i);
  return body + String((11 - (sum % 11)) % 10);
}

/** A complete, valid application; override any part. */
export function shopApplication(overrides: Partial<ShopApplication> = {}): ShopApplication {
  return {
    legalName: { th: 'วิสาหกิจชุมชนกาแฟดอยทดสอบ', en: 'Doi Test Coffee Community Enterprise' },
    shopName: { th: 'กาแฟดอยทดสอบ', zh: '测试山咖啡', en: 'Doi Test Coffee' },
    businessType: 'community_enterprise',
    taxId: validTaxId(),
    provinceCode: '57',
    contactPhone: uniqueMobile(),
    contactEmail: null,
    payout: { method: 'promptpay', promptpayId: '081-234-5678' },
    vatRegistered: false,
    ...overrides,
  };
}

export interface TestSeller {
  sellerId: string;
  slug: string;
  /** The owner's `cookie` header value. */
  cookie: string;
  /** The owner's user id. */
  userId: string;
  owner: TestAccount;
}

/** Signs up a user (or uses `owner`) and applies for a shop; the shop stays pending. */
export async function pendingSeller(
  app: FastifyInstance,
  opts: { owner?: TestAccount; application?: Partial<ShopApplication> } = {},
): Promise<TestSeller> {
  const owner = opts.owner ?? (await signUp(app, { displayName: 'เจ้าของร้าน' }));
  const res = await app.inject({
    method: 'POST',
    url: '/api/sellers',
    headers: { cookie: owner.cookie },
    payload: shopApplication(opts.application),
  });
  if (res.statusCode !== 201) throw new Error(`shop application failed: ${res.statusCode} ${res.body}`);
  const seller = res.json();
  return { sellerId: seller.id, slug: seller.slug, cookie: owner.cookie, userId: owner.userId, owner };
}

/** A shop that may sell: applied for by a new owner and approved by a new operator. */
export async function approvedSeller(
  app: FastifyInstance,
  opts: { owner?: TestAccount; application?: Partial<ShopApplication>; operator?: TestAccount } = {},
): Promise<TestSeller> {
  const seller = await pendingSeller(app, opts);
  const operator = opts.operator ?? (await operatorSession(app));
  const res = await app.inject({
    method: 'POST',
    url: `/api/sellers/${seller.sellerId}/approve`,
    headers: { cookie: operator.cookie },
  });
  if (res.statusCode !== 200) throw new Error(`approval failed: ${res.statusCode} ${res.body}`);
  return seller;
}

/** Adds a staff member to the shop through an invitation; returns the staff member's session. */
export async function addStaff(app: FastifyInstance, seller: TestSeller): Promise<TestAccount> {
  const staff = await signUp(app, { displayName: 'พนักงานร้าน' });
  const invite = await app.inject({
    method: 'POST',
    url: `/api/sellers/${seller.sellerId}/invitations`,
    headers: { cookie: seller.cookie },
    payload: { email: staff.email },
  });
  if (invite.statusCode !== 201) throw new Error(`invitation failed: ${invite.statusCode} ${invite.body}`);
  const accept = await app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    headers: { cookie: staff.cookie },
    payload: { token: invite.json().token },
  });
  if (accept.statusCode !== 200)
    throw new Error(`accepting the invitation failed: ${accept.statusCode} ${accept.body}`);
  return staff;
}

/** An API token for the shop, created by its owner; returns the `authorization` header value. */
export async function sellerApiToken(
  app: FastifyInstance,
  seller: TestSeller,
  name = 'test integration',
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/sellers/${seller.sellerId}/api-tokens`,
    headers: { cookie: seller.cookie },
    payload: { name },
  });
  if (res.statusCode !== 201) throw new Error(`token creation failed: ${res.statusCode} ${res.body}`);
  return `Bearer ${res.json().secret}`;
}

// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
export { sellerMembers, sellers } from './schema.ts';
