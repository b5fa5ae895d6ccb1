// The storefront as search engines and slow phones get it: complete HTML from the server, in the
// visitor's language, with the console pages closed to everyone but operators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarketApp, type MarketApp } from '../../test/e2e/market-app.ts';
import { operatorSession, signUp } from '../modules/identity/testing.ts';
import { gzippedScriptBytes, loadWebBuild } from './build-output.ts';

let m: MarketApp;
beforeAll(async () => {
  m = await startMarketApp({ listen: false });
});
afterAll(async () => {
  await m?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => m.app.inject({ url, headers });
const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);

describe('server-rendered storefront', () => {
  it('sends a product page complete before any script runs: title, description, canonical, hreflang and Product JSON-LD', async () => {
    const res = await get(`/p/${m.market.durian.productId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<html lang="th">');
    expect(html).toMatch(/<title>ทุเรียนหมอนทอง จันทบุรี — สวนทุเรียนจันทบุรี<\/title>/);
    expect(html).toMatch(/<meta name="description" content="ทุเรียนหมอนทองแก่จัด/);
    expect(html).toContain(`<link rel="canonical" href="http://localhost:80/p/${m.market.durian.productId}">`);
    expect(html).toContain(`hreflang="zh-Hans" href="http://localhost:80/zh/p/${m.market.durian.productId}"`);
    expect(html).toContain(`hreflang="en" href="http://localhost:80/en/p/${m.market.durian.productId}"`);
    // The buyer sees name, price and stock in the HTML itself.
    expect(html).toMatch(/<h1[^>]*><span>ทุเรียนหมอนทอง จันทบุรี<\/span><\/h1>/);
    expect(html).toContain('฿1,290.00');
    expect(html).toContain('มีสินค้า 80,000 ชิ้น');
    const product = jsonLd(html);
    expect(product).toMatchObject({
      '@type': 'Product',
      name: 'ทุเรียนหมอนทอง จันทบุรี',
      offers: {
        '@type': 'AggregateOffer',
        priceCurrency: 'THB',
        lowPrice: '1290.00',
        availability: 'https://schema.org/InStock',
      },
    });
  });

  it('renders the Chinese storefront in Chinese, with Chinese prices and the Chinese product text', async () => {
    const res = await get(`/zh/p/${m.market.durian.productId}`);
    expect(res.body).toContain('<html lang="zh-Hans">');
    expect(res.body).toContain('<title>尖竹汶金枕头榴莲 — 尖竹汶榴莲园</title>');
    expect(res.body).toMatch(/THB\s1,290\.00/);
    expect(res.body).toContain('加入购物车');
    const listing = await get('/zh/products');
    expect(listing.body).toContain('尖竹汶金枕头榴莲');
    expect(listing.body).toContain('通库拉荣海茉莉香米');
  });

  it('lists products by category, with filters that work as plain links and forms', async () => {
    const fruit = await get('/c/fresh-fruit');
    expect(fruit.statusCode).toBe(200);
    expect(fruit.body).toContain('ทุเรียนหมอนทอง จันทบุรี');
    expect(fruit.body).not.toContain('ข้าวหอมมะลิทุ่งกุลาร้องไห้');
    const cheap = await get('/products?maxPrice=500');
    expect(cheap.body).toContain('ข้าวหอมมะลิทุ่งกุลาร้องไห้');
    expect(cheap.body).not.toContain('ทุเรียนหมอนทอง จันทบุรี');
    expect((await get('/c/no-such-category')).statusCode).toBe(404);
  });

  it('shows a shop page and a home page with categories and featured shops', async () => {
    const shop = await get(`/en/shop/${m.market.durian.seller.slug}`);
    expect(shop.body).toContain('<h1 tabindex="-1">Chanthaburi Durian Orchard</h1>');
    expect(shop.body).toContain('Monthong durian from Chanthaburi');
    const home = await get('/');
    expect(home.body).toContain('ผลไม้สด');
    expect(home.body).toContain('สหกรณ์ข้าวหอมมะลิทุ่งกุลา');
  });

  it('answers an unknown product with a 404 page in the page language', async () => {
    const res = await get('/en/p/01234567-89ab-7def-8123-456789abcdef');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
  });

  it('remembers the chosen language in a cookie and sends Thai URLs on to it', async () => {
    const sw = await get(`/lang/zh?next=${encodeURIComponent(`/p/${m.market.durian.productId}?ref=x`)}`);
    expect(sw.statusCode).toBe(303);
    expect(sw.headers.location).toBe(`/zh/p/${m.market.durian.productId}?ref=x`);
    expect(String(sw.headers['set-cookie'])).toContain('talad_lang=zh');
    const again = await get('/products', { cookie: 'talad_lang=zh' });
    expect(again.statusCode).toBe(302);
    expect(again.headers.location).toBe('/zh/products');
    // A ?next= naming another site is not followed.
    expect((await get('/lang/en?next=//evil.example/x')).headers.location).toBe('/en');
  });

  it('opens the pages for buyers in China in Chinese first, unless the visitor chose another language', async () => {
    const first = await get('/cn/checkout?from=cart');
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/zh/cn/checkout?from=cart');
    expect((await get('/cn/checkout', { cookie: 'talad_lang=en' })).headers.location).toBe('/en/cn/checkout');
    // Thai chosen in the switch: the Thai page it is.
    expect((await get('/cn/checkout', { cookie: 'talad_lang=th' })).statusCode).not.toBe(302);
    // Other unprefixed pages stay Thai by default.
    expect((await get(`/p/${m.market.durian.productId}`)).statusCode).toBe(200);
  });

  it('closes the operator console to guests and buyers on the server, not only in the menu', async () => {
    const guest = await get('/ops/applications');
    expect(guest.statusCode).toBe(302);
    expect(guest.headers.location).toBe('/signin?next=%2Fops%2Fapplications');
    const buyer = await signUp(m.app);
    const asBuyer = await get('/ops/applications', { cookie: buyer.cookie });
    expect(asBuyer.statusCode).toBe(403);
    expect(asBuyer.body).toContain('ไม่มีสิทธิ์เข้าถึง');
    const operator = await operatorSession(m.app);
    const asOperator = await get('/ops/applications', { cookie: operator.cookie });
    expect(asOperator.statusCode).toBe(200);
    expect(asOperator.body).toContain('ใบสมัครร้านค้า');
    expect((await get('/seller', {})).statusCode).toBe(302);
  });

  it('adds to the cart without JavaScript through the product form', async () => {
    const res = await m.app.inject({
      method: 'POST',
      url: '/cart/add',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `variantId=${m.market.durian.variantIds[0]}&quantity=2&next=${encodeURIComponent('/cart')}`,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/cart');
    const guest = res.cookies.find((c) => c.name === 'talad_guest');
    expect(guest).toBeDefined();
    const cart = await get('/cart', { cookie: `talad_guest=${guest!.value}` });
    expect(cart.body).toContain('ทุเรียนหมอนทอง จันทบุรี');
    expect(cart.body).toContain('฿2,580.00');
  });

  it("keeps a product page's JavaScript under 100 KB gzipped", async () => {
    const build = await loadWebBuild();
    expect(gzippedScriptBytes(build, [])).toBeLessThanOrEqual(100 * 1024);
  });
});
