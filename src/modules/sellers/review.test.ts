import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { systemActor } from '../../platform/actor.ts';
import { operatorSession, signUp, type TestAccount } from '../identity/testing.ts';
import { requireApprovedSeller } from './access.ts';
import { approveSeller } from './review.ts';
import { approvedSeller, pendingSeller, shopApplication } from './testing.ts';

const t = useTestApp();
let operator: TestAccount;
let buyer: TestAccount;
beforeAll(async () => {
  operator = await operatorSession(t.app);
  buyer = await signUp(t.app);
});

const post = (url: string, cookie: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
const topics = async (sellerId: string) =>
  (
    await queryRows<{ topic: string }>(
      t.database.db,
      sql`select topic from outbox where aggregate_id = ${sellerId} order by id`,
    )
  ).map((r) => r.topic);

describe('reviewing applications', () => {
  it('lets only operators list, approve and reject', async () => {
    const shop = await pendingSeller(t.app);
    for (const cookie of [buyer.cookie, shop.cookie]) {
      expect((await t.app.inject({ url: '/api/sellers?status=pending', headers: { cookie } })).statusCode).toBe(403);
      expect((await post(`/api/sellers/${shop.sellerId}/approve`, cookie)).statusCode).toBe(403);
      expect((await post(`/api/sellers/${shop.sellerId}/reject`, cookie, { reason: 'ไม่ผ่าน' })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/sellers/${shop.sellerId}/approve` })).statusCode).toBe(401);
    const state = await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { cookie: shop.cookie } });
    expect(state.json().status).toBe('pending');
  });

  it('lists applications filtered by status, newest first', async () => {
    const pending = await pendingSeller(t.app);
    const approved = await approvedSeller(t.app, { operator });
    const list = await t.app.inject({
      url: '/api/sellers?status=pending&perPage=100',
      headers: { cookie: operator.cookie },
    });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((s: any) => s.id);
    expect(ids).toContain(pending.sellerId);
    expect(ids).not.toContain(approved.sellerId);
    expect(list.json().items.every((s: any) => s.status === 'pending')).toBe(true);
    expect(list.json().total).toBe(ids.length);
    const bad = await t.app.inject({ url: '/api/sellers?status=open', headers: { cookie: operator.cookie } });
    expect(bad.statusCode).toBe(422);
  });

  it('approves a pending shop: it becomes public and may sell; approving twice is a conflict', async () => {
    const shop = await pendingSeller(t.app);
    await expect(requireApprovedSeller(t.database.db, shop.sellerId)).rejects.toMatchObject({
      code: 'seller_not_approved',
    });
    expect((await t.app.inject(`/api/shops/${shop.slug}`)).statusCode).toBe(404);

    const res = await post(`/api/sellers/${shop.sellerId}/approve`, operator.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reviewedAt: expect.any(String) });
    await expect(requireApprovedSeller(t.database.db, shop.sellerId)).resolves.toBeUndefined();
    expect(await topics(shop.sellerId)).toEqual(['seller.applied', 'seller.approved']);

    const again = await post(`/api/sellers/${shop.sellerId}/approve`, operator.cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('seller_not_pending');
  });

  it('needs a reason to reject, shows it to the applicant, and takes a corrected application back', async () => {
    const shop = await pendingSeller(t.app);
    const noReason = await post(`/api/sellers/${shop.sellerId}/reject`, operator.cookie, { reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors).toEqual([{ field: 'reason', code: 'required', detail: 'จำเป็นต้องกรอก' }]);

    const reason = 'เลขบัญชีไม่ตรงกับชื่อผู้สมัคร กรุณาแก้ไข';
    expect((await post(`/api/sellers/${shop.sellerId}/reject`, operator.cookie, { reason })).statusCode).toBe(200);
    const seen = (
      await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { cookie: shop.cookie } })
    ).json();
    expect(seen).toMatchObject({ status: 'rejected', rejectionReason: reason });
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: shop.cookie } })).json().sellers[0].status).toBe(
      'rejected',
    );

    const corrected = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/application`,
      headers: { cookie: shop.cookie },
      payload: shopApplication({
        payout: { method: 'bank_account', bankCode: '014', accountNumber: '9876543210', accountName: 'ร้านทดสอบ' },
      }),
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      id: shop.sellerId,
      slug: shop.slug,
      status: 'pending',
      rejectionReason: null,
      payout: { bankCode: '014' },
    });
    expect(await topics(shop.sellerId)).toEqual(['seller.applied', 'seller.rejected', 'seller.applied']);
    expect((await post(`/api/sellers/${shop.sellerId}/approve`, operator.cookie)).json().status).toBe('approved');

    const locked = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/application`,
      headers: { cookie: shop.cookie },
      payload: shopApplication(),
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('application_locked');
  });

  it('writes nothing when a review fails halfway', async () => {
    const shop = await approvedSeller(t.app, { operator });
    const before = await topics(shop.sellerId);
    expect((await post(`/api/sellers/${shop.sellerId}/reject`, operator.cookie, { reason: 'x' })).statusCode).toBe(409);
    expect(await topics(shop.sellerId)).toEqual(before);
  });

  it('lets an operator mark a flagship store, shown on the public card', async () => {
    const shop = await approvedSeller(t.app, { operator });
    const byOwner = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/flagship`,
      headers: { cookie: shop.cookie },
      payload: { isFlagship: true },
    });
    expect(byOwner.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/flagship`,
      headers: { cookie: operator.cookie },
      payload: { isFlagship: true },
    });
    expect(res.json().isFlagship).toBe(true);
    expect((await t.app.inject(`/api/shops/${shop.slug}`)).json().isFlagship).toBe(true);
  });
});

describe('what each party sees of a shop', () => {
  it('shows the public only names, province, business type and flagship', async () => {
    const shop = await approvedSeller(t.app, { operator });
    const res = await t.app.inject(`/api/shops/${shop.slug}`);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual([
      'businessType',
      'id',
      'isFlagship',
      'province',
      'shopName',
      'slug',
    ]);
    expect(res.body).not.toMatch(/taxId|payout|contact/);
  });

  it("keeps one shop out of reach of another shop's owner", async () => {
    const mine = await approvedSeller(t.app, { operator });
    const theirs = await approvedSeller(t.app, { operator });
    const h = { cookie: mine.cookie };
    expect((await t.app.inject({ url: `/api/sellers/${theirs.sellerId}`, headers: h })).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/sellers/${theirs.sellerId}/application`,
          headers: h,
          payload: shopApplication(),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/sellers/${theirs.sellerId}/invitations`,
          headers: h,
          payload: { email: 'a@b.test' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: `/api/sellers/${theirs.sellerId}/members`, headers: h })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/sellers/${theirs.sellerId}/api-tokens`, headers: h })).statusCode).toBe(
      403,
    );
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/sellers/${theirs.sellerId}/api-tokens`,
          headers: h,
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: `/api/sellers/${mine.sellerId}`, headers: h })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/sellers/${theirs.sellerId}`, headers: { cookie: operator.cookie } })).statusCode,
    ).toBe(200);
  });

  it('lets the system actor approve (seed and jobs)', async () => {
    const shop = await pendingSeller(t.app);
    const view = await approveSeller(t.database.db, systemActor('seed'), shop.sellerId);
    expect(view.status).toBe('approved');
  });
});

describe('what approval checks', () => {
  it('does not approve a shop named <script>…</script>ร้าน😀 until its warnings are acknowledged', async () => {
    const shop = await pendingSeller(t.app, {
      application: {
        shopName: { th: '<script>alert(1)</script>ร้าน😀', zh: null, en: 'Аpple Farm' },
        payout: { method: 'bank_account', bankCode: '004', accountNumber: '1234567890', accountName: 'นายสมชาย อื่นๆ' },
      },
    });
    const review = await t.app.inject({
      url: `/api/sellers/${shop.sellerId}/review`,
      headers: { cookie: operator.cookie },
    });
    expect(review.statusCode).toBe(200);
    const body = review.json();
    expect(body.warnings.map((w: any) => w.key)).toEqual([
      'name_markup:shopName.th',
      'name_emoji:shopName.th',
      'name_mixed_script:shopName.en',
      'payout_name_mismatch:payout.accountName',
      // No papers attached: each expected kind is named, without blocking.
      'document_missing:id_card',
      'document_missing:community_enterprise_certificate',
      'document_missing:bank_book',
    ]);
    expect(body.registry).toMatchObject({ sandbox: true, found: true });
    expect(body.registry.label).toContain('(sandbox)');
    expect(body.payout).toMatchObject({ accountName: 'นายสมชาย อื่นๆ', matches: false });
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}/review`, headers: { cookie: buyer.cookie } }))
        .statusCode,
    ).toBe(403);

    const refused = await post(`/api/sellers/${shop.sellerId}/approve`, operator.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'approval_warnings_open' });
    expect(refused.json().detail).toContain('name_markup:shopName.th');
    const partly = await post(`/api/sellers/${shop.sellerId}/approve`, operator.cookie, {
      acknowledgedWarnings: ['name_markup:shopName.th'],
    });
    expect(partly.statusCode).toBe(409);
    const state = await t.app.inject({ url: `/api/sellers/${shop.sellerId}`, headers: { cookie: shop.cookie } });
    expect(state.json().status).toBe('pending');
    const ok = await post(`/api/sellers/${shop.sellerId}/approve`, operator.cookie, {
      acknowledgedWarnings: body.warnings.filter((w: any) => w.blocking).map((w: any) => w.key),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
  });

  it('finds nothing to warn about in a plain application, and the sandbox registry refuses a wrong check digit', async () => {
    const shop = await pendingSeller(t.app);
    const body = (
      await t.app.inject({ url: `/api/sellers/${shop.sellerId}/review`, headers: { cookie: operator.cookie } })
    ).json();
    // Only the papers it has not attached yet, which do not block approval.
    expect(body.warnings.filter((w: any) => w.code !== 'document_missing')).toEqual([]);
    expect(body.warnings.every((w: any) => !w.blocking)).toBe(true);
    const { sandboxTaxRegistry } = await import('./approval-checks.ts');
    expect((await sandboxTaxRegistry.lookup('0105536000001', 'x')).found).toBe(false);
    expect((await sandboxTaxRegistry.lookup('0105536000001', 'x')).registry).toBe('dbd');
  });
});
