import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { operatorSession, type TestAccount } from '../identity/testing.ts';
import { addStaff, approvedSeller, sellerApiToken, type TestSeller } from './testing.ts';

const t = useTestApp();
let operator: TestAccount;
let shop: TestSeller;
let other: TestSeller;
beforeAll(async () => {
  operator = await operatorSession(t.app);
  shop = await approvedSeller(t.app, { operator });
  other = await approvedSeller(t.app, { operator });
});

const tokensUrl = (s: TestSeller) => `/api/sellers/${s.sellerId}/api-tokens`;

describe('seller API tokens', () => {
  it('shows the secret once, lists the token without it, and lets it act for the shop as Bearer', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: tokensUrl(shop),
      headers: { cookie: shop.cookie },
      payload: { name: 'ระบบสต็อก' },
    });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^tld_[A-Za-z0-9_-]{40,}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token).toMatchObject({ name: 'ระบบสต็อก', lastUsedAt: null, revokedAt: null });

    const list = await t.app.inject({ url: tokensUrl(shop), headers: { cookie: shop.cookie } });
    expect(list.json()).toEqual([expect.objectContaining({ id: token.id, prefix: token.prefix })]);
    expect(list.body).not.toContain(secret);

    const asToken = await t.app.inject({
      url: `/api/sellers/${shop.sellerId}`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(asToken.statusCode).toBe(200);
    expect(asToken.json().id).toBe(shop.sellerId);
    const used = (await t.app.inject({ url: tokensUrl(shop), headers: { cookie: shop.cookie } })).json();
    expect(used[0].lastUsedAt).not.toBeNull();

    // A token reaches only its own shop, and cannot mint more tokens.
    expect(
      (await t.app.inject({ url: `/api/sellers/${other.sellerId}`, headers: { authorization: `Bearer ${secret}` } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: tokensUrl(shop),
          headers: { authorization: `Bearer ${secret}` },
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('stops working the moment it is revoked', async () => {
    const bearer = await sellerApiToken(t.app, shop, 'to revoke');
    const id = (await t.app.inject({ url: tokensUrl(shop), headers: { cookie: shop.cookie } }))
      .json()
      .find((t: any) => t.name === 'to revoke').id;
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { authorization: bearer } })).statusCode,
    ).toBe(200);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `${tokensUrl(shop)}/${id}`,
      headers: { cookie: shop.cookie },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { authorization: bearer } });
    expect(after.statusCode).toBe(401);
    const listed = (await t.app.inject({ url: tokensUrl(shop), headers: { cookie: shop.cookie } }))
      .json()
      .find((t: any) => t.id === id);
    expect(listed.revokedAt).not.toBeNull();
  });

  it("is the owner's to create; staff and other shops cannot touch it; an operator can revoke it", async () => {
    const staff = await addStaff(t.app, shop);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: tokensUrl(shop),
          headers: { cookie: staff.cookie },
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: tokensUrl(shop),
          headers: { cookie: operator.cookie },
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);

    const bearer = await sellerApiToken(t.app, shop, 'shared');
    const id = (await t.app.inject({ url: tokensUrl(shop), headers: { cookie: shop.cookie } }))
      .json()
      .find((t: any) => t.name === 'shared').id;
    // The other shop's owner can reach it neither through this shop nor through their own.
    expect(
      (await t.app.inject({ method: 'DELETE', url: `${tokensUrl(shop)}/${id}`, headers: { cookie: other.cookie } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `${tokensUrl(other)}/${id}`, headers: { cookie: other.cookie } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { authorization: bearer } })).statusCode,
    ).toBe(200);

    expect(
      (await t.app.inject({ method: 'DELETE', url: `${tokensUrl(shop)}/${id}`, headers: { cookie: operator.cookie } }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { authorization: bearer } })).statusCode,
    ).toBe(401);
  });

  it('needs a name', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: tokensUrl(shop),
      headers: { cookie: shop.cookie, 'accept-language': 'zh' },
      payload: { name: ' ' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'name', code: 'required', detail: '必填' }]);
  });
});
