// The partner directory: search by service, province and words; a shop member reviews a partner once;
// someone not of the shop, a second review and a rating of 6 are refused with problem+json in th/zh/en.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { seedPartners } from './partners.ts';
import { DEMO_PARTNERS } from './partners-demo.ts';

const t = useTestApp();
const get = (url: string, lang = 'en') => t.app.inject({ url, headers: { 'accept-language': lang } });
const review = (sellerId: string, slug: string, cookie: string, payload: object, lang = 'en') =>
  t.app.inject({
    method: 'POST',
    url: `/api/sellers/${sellerId}/trade/partners/${slug}/reviews`,
    headers: { cookie, 'accept-language': lang },
    payload,
  });

describe('the partner directory', () => {
  it('finds partners by service, province served and words in any language', async () => {
    await seedPartners(t.database.db, DEMO_PARTNERS);
    await seedPartners(t.database.db, DEMO_PARTNERS); // twice: nothing doubled
    const all = (await get('/api/trade/partners')).json().items;
    expect(all).toHaveLength(DEMO_PARTNERS.length);
    const slugs = (url: string) => get(url).then((r) => r.json().items.map((p: any) => p.slug));
    expect(await slugs('/api/trade/partners?service=inspection&province=45')).toEqual(['siam-grain-inspection']);
    expect(await slugs('/api/trade/partners?service=logistics&province=20')).toEqual([
      'eec-ecommerce-park',
      'isan-cold-chain',
      'laem-chabang-forwarding',
      'talad-hub-services',
    ]);
    expect(await slugs(`/api/trade/partners?q=${encodeURIComponent('冷链')}`)).toEqual(['isan-cold-chain']);
    expect(await slugs('/api/trade/partners?q=EEC')).toContain('eec-ecommerce-park');
    const bad = await get('/api/trade/partners?service=catering', 'th');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0]).toMatchObject({ field: 'service', code: 'invalid' });
    expect((await get('/api/trade/partners/no-such-partner')).statusCode).toBe(404);
  });

  it('takes one review per shop, from its members only', async () => {
    await seedPartners(t.database.db, DEMO_PARTNERS);
    const shop = await shopWithOwner(t.database.db);
    const ok = await review(shop.sellerId, 'siam-grain-inspection', shop.cookie, {
      rating: 5,
      body: 'ตรวจข้าวเร็ว ใบรับรองภาษาจีนครบ',
      language: 'th',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      rating: { average: 5, count: 1 },
      reviews: [{ sellerId: shop.sellerId, rating: 5, body: 'ตรวจข้าวเร็ว ใบรับรองภาษาจีนครบ', language: 'th' }],
    });
    const again = await review(
      shop.sellerId,
      'siam-grain-inspection',
      shop.cookie,
      { rating: 1, body: '再评一次', language: 'zh' },
      'zh',
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'partner_review_exists' });
    expect(again.json().detail).toContain('每家店铺只能评价一次');

    const other = await shopWithOwner(t.database.db);
    const tooHigh = await review(other.sellerId, 'siam-grain-inspection', other.cookie, {
      rating: 6,
      body: 'great',
      language: 'en',
    });
    expect(tooHigh.statusCode).toBe(422);
    expect(tooHigh.json().errors[0]).toMatchObject({ field: 'rating', code: 'rating_range' });
    // Someone not of the shop cannot write in its name.
    const stranger = await signedInUser(t.database.db);
    expect(
      (await review(shop.sellerId, 'eec-ecommerce-park', stranger.cookie, { rating: 4, body: 'x', language: 'en' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await review(other.sellerId, 'siam-grain-inspection', other.cookie, { rating: 3, body: 'ok', language: 'en' }))
        .statusCode,
    ).toBe(201);
    const page = (await get('/api/trade/partners/siam-grain-inspection')).json();
    expect(page.rating).toEqual({ average: 4, count: 2 });
    expect(page.reviews).toHaveLength(2);
  });
});
