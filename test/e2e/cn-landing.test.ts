// In a real browser on a 360 px phone: a buyer in China opens /cn and lands on the Chinese page
// (zh-Hans) listing what can be ordered cross-border now — the cooperative's rice held in the bonded
// hub, with its landed price in yuan including tax — but not the durian, eligible yet with no bonded
// stock; the per-order and yearly limits, Alipay and bonded delivery explained; a category shortcut;
// and links to the Thai and English versions of the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshRate } from '../../src/modules/crossborder/testing.ts';
import { adjustHubStock, HUB_LOCATIONS } from '../../src/modules/inventory/index.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { foreignRuns } from '../scripts.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { type MarketApp, startMarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

async function openToChina(seller: { sellerId: string; cookie: string }, productId: string, customsNameZh: string) {
  const res = await m.app.inject({
    method: 'PUT',
    url: `/api/sellers/${seller.sellerId}/products/${productId}/cross-border`,
    headers: { cookie: seller.cookie },
    payload: {
      eligible: true,
      vatBp: 900,
      consumptionTaxBp: 0,
      hsCode: '1006302000',
      customsNameZh,
      customsUnit: '011',
      packagingGrams: 100,
      yearlyQuantityCap: null,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('the /cn landing page', () => {
  it('opens in Chinese at 360 px with the landed CNY prices, tax included, of what the bonded hub holds', async () => {
    const { rice, durian } = m.market;
    await freshRate(m.app.db);
    await openToChina(rice.seller, rice.productId, '泰国茉莉香米');
    await openToChina(durian.seller, durian.productId, '榴莲');
    await adjustHubStock(m.app.db, systemActor('test'), {
      locationId: HUB_LOCATIONS.eecBonded.id,
      sellerId: rice.seller.sellerId,
      variantId: rice.variantIds[0],
      delta: 40,
      reason: 'inbound (test)',
    });
    const shelf = (await m.app.inject({ url: '/api/storefront/china', headers: { 'accept-language': 'zh' } })).json();
    const riceOffer = shelf.items.find((i: { product: { id: string } }) => i.product.id === rice.productId);
    const yuan = (fen: number) => (fen / 100).toFixed(2);

    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/cn`);
    await hydrated(page);
    expect(new URL(page.url()).pathname).toBe('/zh/cn');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    await page.getByRole('heading', { level: 1, name: '泰国生产者的好物，跨境直送中国大陆' }).waitFor();

    // The rice with its landed price in yuan, tax included; not the durian, which the hub does not hold.
    const cards = page.getByTestId('cn-card');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.innerText()).toContain(riceOffer.product.title);
    const price = await card.getByTestId('cn-landed-price').innerText();
    expect(price).toContain(yuan(riceOffer.landed.totalFen));
    expect(price).toMatch(/¥|元/);
    const text = await card.innerText();
    expect(text).toContain('到手价（含税）');
    expect(text).toContain(`税费 ¥${yuan(riceOffer.landed.taxFen)}`);
    expect(text).toContain('保税仓现货 40 件');
    expect(await page.locator('body').innerText()).not.toContain('尖竹汶金枕头榴莲');

    // The limits, Alipay and bonded delivery, explained in Chinese.
    expect(await page.getByTestId('cn-order-limit').innerText()).toContain('5,000.00');
    expect(await page.getByTestId('cn-yearly-limit').innerText()).toContain('26,000.00');
    await page.getByRole('heading', { name: '支付宝付款' }).waitFor();
    await page.getByRole('heading', { name: '保税仓发货' }).waitFor();
    expect(
      foreignRuns(await page.locator('main').innerText(), 'zh', [
        riceOffer.product.title,
        riceOffer.product.shop.shopName,
        'ภาษาไทย',
        'English',
        shelf.fx.source, // the operator's name for the rate's source is data
      ]).join(' | '),
    ).toBe('');
    await expectNoSideways(page, '/cn at 360 px');
    await expectAccessible(page, 'the /cn landing page');
    await screenshot(page, 'cn-landing-zh-360');

    // The durian's own page offers no cross-border purchase: the bonded hub holds none of it.
    const durianPage = await context.newPage();
    await durianPage.goto(`${m.baseUrl}/zh/p/${durian.productId}`);
    await hydrated(durianPage);
    expect(await durianPage.getByTestId('no-bonded-stock').innerText()).toContain('暂不可跨境购买');
    expect(await durianPage.getByTestId('landed-price').count()).toBe(0);
    await durianPage.close();

    // A category shortcut keeps the rice.
    await page.getByRole('link', { name: `${shelf.categories[0].name}（1）` }).click();
    await page.waitForURL(/\/zh\/cn\?c=/);
    expect(await page.getByTestId('cn-card').count()).toBe(1);

    // The same page in English, then in Thai.
    await page.locator('#main').getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${m.baseUrl}/en/cn`);
    await page
      .getByRole('heading', { level: 1, name: 'Good things from Thai producers, delivered to mainland China' })
      .waitFor();
    expect(await page.getByTestId('cn-landed-price').innerText()).toContain(yuan(riceOffer.landed.totalFen));
    await page.locator('#main').getByRole('link', { name: 'ภาษาไทย' }).click();
    await page.waitForURL(`${m.baseUrl}/cn`);
    await page.getByRole('heading', { level: 1, name: 'ของดีจากผู้ผลิตไทย ส่งตรงถึงผู้ซื้อในจีนแผ่นดินใหญ่' }).waitFor();
    await context.close();
  });
});
