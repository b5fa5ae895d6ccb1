// PDPA consent and roles: a consent is per lender and purpose, names the data and the retention,
// and is withdrawable — after which the lender sees nothing more; every access is recorded and the
// shop reads who looked; lender staff see only consented shops, only the consented items; another
// lender's staff, other shops and operators through the lender console get 404s.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { shopWithOwner } from '../catalog/testing.ts';
import { applyFor, giveConsent, sandboxLender, shopWithHistory } from './testing.ts';

const t = useTestApp();
const get = (url: string, cookie: string, lang = 'th') =>
  t.app.inject({ url, headers: { cookie, 'accept-language': lang } });

describe('consent and access', () => {
  it('is explicit per lender and purpose, recorded with its wording, and withdrawable: nothing is shared after', async () => {
    const a = await sandboxLender(t.app, 'ธนาคารเอ');
    const b = await sandboxLender(t.app, 'ธนาคารบี');
    const shop = await shopWithHistory(t.app, { months: 3 });

    // Consent to lender A for credit assessment, naming only sales and tenure.
    const res = await giveConsent(t.app, shop, a.lenderId, { items: ['sales_monthly', 'tenure'], lang: 'en' });
    expect(res.statusCode).toBe(201);
    const consent = res.json();
    expect(consent.wording).toContain('Test Bank');
    expect(consent.wording).toContain('monthly sales and trend, time selling on Talad');
    expect(consent.wording).toContain('365 days');
    expect(consent.wording).toContain('withdraw');

    // Lender A's staff see the shop, and only the consented items.
    const list = (await get(`/api/lenders/${a.lenderId}/sellers`, a.staff.cookie)).json().items;
    expect(list.map((s: any) => s.sellerId)).toEqual([shop.sellerId]);
    const profile = await get(`/api/lenders/${a.lenderId}/sellers/${shop.sellerId}/profile`, a.staff.cookie);
    expect(profile.statusCode).toBe(200);
    const f = profile.json().profile.features;
    expect(f.tenureMonths).toBe(14);
    expect(f.avgMonthlySalesBaht).toBeGreaterThan(0);
    expect([f.refundRatePct, f.cancelRatePct, f.onTimeRatePct, f.crossborderSharePct]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(profile.json().profile.ledger).toBeNull();
    expect(profile.json().profile).not.toHaveProperty('provinceCode');

    // Lender B (no consent) sees nothing; nor may B's staff read through A.
    expect((await get(`/api/lenders/${b.lenderId}/sellers`, b.staff.cookie)).json().items).toEqual([]);
    expect((await get(`/api/lenders/${b.lenderId}/sellers/${shop.sellerId}/profile`, b.staff.cookie)).statusCode).toBe(
      404,
    );
    expect((await get(`/api/lenders/${a.lenderId}/sellers/${shop.sellerId}/profile`, b.staff.cookie)).statusCode).toBe(
      404,
    );
    // An operator is not lender staff; another shop's owner neither.
    expect((await get(`/api/lenders/${a.lenderId}/sellers`, a.operatorCookie)).statusCode).toBe(404);
    const other = await shopWithOwner(t.app.db);
    expect((await get(`/api/lenders/${a.lenderId}/applications`, other.cookie)).statusCode).toBe(404);
    // Another shop cannot read this shop's consents, profile or access log, nor give consent for it.
    expect((await get(`/api/sellers/${shop.sellerId}/finance/consents`, other.cookie)).statusCode).toBe(403);
    expect((await get(`/api/sellers/${shop.sellerId}/finance/profile`, other.cookie)).statusCode).toBe(403);
    expect((await giveConsent(t.app, { sellerId: shop.sellerId, cookie: other.cookie }, a.lenderId)).statusCode).toBe(
      403,
    );

    // The shop sees who looked, when, and what.
    const log = (await get(`/api/sellers/${shop.sellerId}/finance/access-log`, shop.cookie, 'en')).json().items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      lenderName: 'Test Bank',
      userId: a.staff.userId,
      what: 'viewed the credit profile',
    });
    expect(log[0].dataItems).toEqual(['monthly sales and trend', 'time selling on Talad']);

    // Withdrawn: lender A sees nothing more, and applying needs consent again.
    const w = await t.app.inject({
      method: 'POST',
      url: `/api/sellers/${shop.sellerId}/finance/consents/${consent.id}/withdraw`,
      headers: { cookie: shop.cookie },
    });
    expect(w.statusCode).toBe(200);
    expect(w.json().live).toBe(false);
    expect((await get(`/api/lenders/${a.lenderId}/sellers`, a.staff.cookie)).json().items).toEqual([]);
    expect((await get(`/api/lenders/${a.lenderId}/sellers/${shop.sellerId}/profile`, a.staff.cookie)).statusCode).toBe(
      404,
    );
    const refused = await applyFor(
      t.app,
      shop,
      { productId: a.revenueProductId, amount: 500_000, tenorMonths: 3 },
      { lang: 'zh' },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'finance_consent_required' });
    expect(refused.json().detail).toContain('同意');
    expect((await get(`/api/sellers/${shop.sellerId}/finance/access-log`, shop.cookie)).json().items).toHaveLength(1);
    // Both records stay: the consent, withdrawn, with its wording.
    const consents = (await get(`/api/sellers/${shop.sellerId}/finance/consents`, shop.cookie)).json().items;
    expect(consents).toHaveLength(1);
    expect(consents[0].withdrawnAt).not.toBeNull();
  });

  it('refuses an incomplete application with field errors in the reader’s language, storing nothing', async () => {
    const a = await sandboxLender(t.app);
    const shop = await shopWithHistory(t.app, { months: 1 });
    await giveConsent(t.app, shop, a.lenderId);
    for (const [lang, word] of [
      ['th', 'จำเป็นต้องกรอก'],
      ['zh', '必填'],
      ['en', 'is required'],
    ]) {
      const res = await applyFor(
        t.app,
        shop,
        { productId: a.revenueProductId, amount: 100, tenorMonths: 99, purpose: '' },
        { lang },
      );
      expect(res.statusCode).toBe(422);
      const errors = res.json().errors;
      expect(errors.map((e: any) => e.field).sort()).toEqual(['amount', 'purpose', 'tenorMonths']);
      expect(errors.find((e: any) => e.field === 'purpose').detail).toBe(word);
    }
    const apps = (await get(`/api/sellers/${shop.sellerId}/finance/applications`, shop.cookie)).json().items;
    expect(apps).toEqual([]);
  });

  it('explains a decline in the shop’s language: top four reasons by points lost, score, range, date', async () => {
    const a = await sandboxLender(t.app);
    // Approved 2 months ago: under the sandbox lender's 3 months.
    const shop = await shopWithHistory(t.app, { months: 2, tenureMonths: 2, priceSatang: 150_000 });
    await giveConsent(t.app, shop, a.lenderId);
    const res = await applyFor(
      t.app,
      shop,
      { productId: a.revenueProductId, amount: 500_000, tenorMonths: 3 },
      { lang: 'zh' },
    );
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.outcome).toBe('decline');
    expect(d.offer).toBeNull();
    expect(d.explanation.range).toEqual({ min: expect.any(Number), max: expect.any(Number) });
    expect(d.explanation.score).toBeGreaterThanOrEqual(d.explanation.range.min);
    expect(d.explanation.effectiveOn).toBe('2026-12-01');
    expect(d.explanation.reasons).toHaveLength(4);
    const lost = d.explanation.reasons.map((r: any) => r.pointsLost);
    expect([...lost].sort((x: number, y: number) => y - x)).toEqual(lost);
    expect(d.explanation.reasons[0].text).toMatch(/[\u4e00-\u9fff]/);
    expect(d.explanation.policyReasons.map((r: any) => r.code)).toEqual(['tenure_under_3_months']);
    expect(d.explanation.policyReasons[0].text).toContain('3 个月');
  });
});
