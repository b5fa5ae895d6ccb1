// In a real browser, on a 360 px phone: the cooperative opens its rice to China in the seller centre;
// in Chinese, a buyer in Guangzhou sees the Roi Et rice's CNY
// landed price, buys it cross-border with her real name, resident ID and a GB/T 2260 address, pays
// with Alipay (sandbox) as herself, and watches the order reach "released" in the customs sandbox —
// in Chinese all the way (no Thai on any page she sees but the names of shops and products), with
// the yuan she paid, tax included, on her orders and her order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startOutboxWorker } from '../../src/platform/outbox.ts';
import { startJobs } from '../../src/platform/module.ts';
import { signUp } from '../../src/modules/identity/testing.ts';
import { adjustHubStock } from '../../src/modules/inventory/index.ts';
import { HUB_LOCATIONS } from '../../src/modules/inventory/index.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { buyerIdentity, cnCheckout, freshRate, payAsBuyer, residentId } from '../../src/modules/crossborder/testing.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db.ts';
import { receiveReceipt } from '../../src/modules/customs/testing.ts';
import { addToCart } from '../shop.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { foreignRuns } from '../scripts.ts';
import type { Page } from 'playwright-core';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;

/** Names that are data (products, shops) in every language, the only Thai a Chinese page may show. */
async function dataNames(): Promise<string[]> {
  const names: string[] = [];
  for (const id of [m.market.rice.productId, m.market.durian.productId])
    for (const lang of ['th', 'zh', 'en']) {
      const p = (await m.app.inject({ url: `/api/products/${id}`, headers: { 'accept-language': lang } })).json();
      names.push(p.title, p.shop.shopName, ...p.variants.flatMap((v: { optionValues: string[] }) => v.optionValues));
    }
  return names;
}
/** The page as the buyer sees it is in Chinese, under /zh: no Thai (nor English words) but data names. */
async function expectChinese(page: Page, what: string, allowed: string[]) {
  expect(new URL(page.url()).pathname, `${what} left /zh`).toMatch(/^\/zh\//);
  expect(foreignRuns(await page.locator('body').innerText(), 'zh', allowed).join(' | '), what).toBe('');
}
let browser: Browser;
const stops: (() => void)[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
  // What `npm start` runs: the outbox worker (customs declares on order.paid) and the jobs (the customs sandbox's tick).
  stops.push(startOutboxWorker(m.app.db, m.app.platform.handlers, m.app.log, 200));
  stops.push(startJobs(m.app.platform));
});
afterAll(async () => {
  for (const s of stops) s();
  await browser?.close();
  await m?.close();
});

describe('selling rice to China', () => {
  it('a Chinese buyer buys rice in zh, pays as herself, and the order reaches "released" in the customs sandbox', async () => {
    // The cooperative opens its rice to China and stocks the bonded hub; the operator keeps the rate fresh.
    const coop = m.market.rice.seller;
    const variantId = m.market.rice.variantIds[0];
    const shopContext = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
    await shopContext.addCookies([{ name: 'talad_session', value: coop.cookie.split('=')[1], url: m.baseUrl }]);
    const shopPage = await shopContext.newPage();
    await shopPage.goto(`${m.baseUrl}/seller/${coop.sellerId}/products/${m.market.rice.productId}`);
    await hydrated(shopPage);
    await shopPage.getByLabel('เปิดขายสินค้านี้ไปจีน (อยู่ในรายการสินค้าที่อนุญาต)').check();
    await shopPage.getByLabel('ภาษีมูลค่าเพิ่มนำเข้าของจีน').selectOption('900');
    await shopPage.getByLabel('รหัสพิกัดศุลกากรจีน 10 หลัก').fill('1006302000');
    await shopPage.getByLabel('ชื่อสินค้าภาษาจีนสำหรับศุลกากร').fill('泰国茉莉香米');
    await shopPage.getByLabel('น้ำหนักบรรจุภัณฑ์ต่อหน่วย (กรัม)').fill('100');
    await shopPage.getByRole('button', { name: 'บันทึกเงื่อนไขการขายไปจีน' }).click();
    await shopPage.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    await expectAccessible(shopPage, 'the product page of the seller centre, with its China terms');
    await shopContext.close();
    const terms = await m.app.inject({
      url: `/api/sellers/${coop.sellerId}/products/${m.market.rice.productId}/cross-border`,
      headers: { cookie: coop.cookie },
    });
    expect(terms.json().terms).toMatchObject({
      eligible: true,
      vatBp: 900,
      hsCode: '1006302000',
      customsNameZh: '泰国茉莉香米',
      packagingGrams: 100,
    });
    await m.app.db.transaction((tx) =>
      adjustHubStock(tx, systemActor('test'), {
        locationId: HUB_LOCATIONS.eecBonded.id,
        sellerId: coop.sellerId,
        variantId,
        delta: 40,
        reason: 'inbound',
      }),
    );
    await freshRate(m.app.db, '0.2050');

    const names = [...(await dataNames()), '王小明', '天河路385号太古汇一座1201室'];
    const buyer = await signUp(m.app, { displayName: '王小明' });
    const { cookie } = await addToCart(m.app, variantId, 2, buyer.cookie);
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const session = cookie
      .split('; ')
      .find((c) => c.startsWith('talad_session='))!
      .split('=')[1];
    await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
    const page = await context.newPage();

    // The product page shows the landed price in yuan.
    await page.goto(`${m.baseUrl}/zh/p/${m.market.rice.productId}`);
    await hydrated(page);
    await page.getByRole('heading', { name: '寄往中国（跨境）' }).waitFor();
    expect(await page.getByTestId('landed-price').innerText()).toMatch(/¥|CN¥|元/);
    // On the China storefront the landed price in yuan is the page's price; the baht one comes second.
    expect(await page.locator('.big-price').first().getAttribute('data-testid')).toBe('landed-price');
    await page.getByText(/^泰国境内售价 THB/).waitFor();
    await expectChinese(page, 'the product page', names);
    await screenshot(page, 'crossborder-phone-00-product');

    // Cart -> cross-border checkout.
    await page.goto(`${m.baseUrl}/zh/cart`);
    await hydrated(page);
    // The cart's main button is the cross-border checkout, in yuan; the Thai checkout is the alternative.
    expect(await page.locator('a.button.primary').allInnerTexts()).toEqual(['跨境购买，寄往中国']);
    await page.getByRole('link', { name: '寄往泰国境内，去结算' }).waitFor();
    await expectChinese(page, 'the cart', names);
    await screenshot(page, 'crossborder-phone-00-cart');
    await expectAccessible(page, 'the cart on the China storefront');
    await expectNoSideways(page, 'the cart on the China storefront');
    await page.getByRole('link', { name: '跨境购买，寄往中国' }).click();
    await page.getByRole('heading', { name: '跨境购买（寄往中国）' }).waitFor();
    await hydrated(page);
    const total = await page.getByTestId('landed-total').innerText();
    await page.getByText(/^汇率 1 THB = 0\.205 CNY（运营方设定/).waitFor();
    await expectChinese(page, 'the cross-border checkout', names);
    await expectAccessible(page, 'the cross-border checkout');
    await expectNoSideways(page, 'the cross-border checkout');

    // Sent empty: every missing field says 必填 at once, beside itself (never "太短（至少 1）").
    await page.getByRole('button', { name: '提交订单并用支付宝付款' }).click();
    const missing = page.locator('form.checkout .field.has-error');
    await expect.poll(() => missing.count()).toBeGreaterThanOrEqual(5);
    expect(await missing.locator('label').allInnerTexts()).toEqual(
      expect.arrayContaining([
        '真实姓名',
        '身份证号码（18 位）',
        '手机号码',
        '区 / 县',
        '详细地址（街道、门牌号、楼栋、房号）',
      ]),
    );
    for (const text of await missing.locator('.error').allInnerTexts()) expect(text).toContain('必填');
    expect(await page.locator('main').innerText()).not.toContain('太短');
    await screenshot(page, 'crossborder-phone-01a-checkout-missing');

    const id = residentId('44010619900307123');
    await page.getByLabel('真实姓名').fill('王小明');
    // A mistyped check character is caught before anything is sent.
    await page.getByLabel('身份证号码（18 位）').fill(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));
    await page.getByLabel('手机号码').fill('13800138000');
    await page.getByLabel('省').selectOption({ label: '广东省' });
    await page.getByLabel('市').selectOption({ label: '广州市' });
    await page.getByLabel('区 / 县').selectOption({ label: '天河区' });
    await page.getByLabel('详细地址（街道、门牌号、楼栋、房号）').fill('天河路385号太古汇一座1201室');
    await page.getByRole('button', { name: '提交订单并用支付宝付款' }).click();
    await page.getByText('身份证号校验码不正确').waitFor();
    await page.getByLabel('身份证号码（18 位）').fill(id);
    await screenshot(page, 'crossborder-phone-01-checkout');
    await page.getByRole('button', { name: '提交订单并用支付宝付款' }).click();

    // The order page: landed total, masked ID, awaiting payment.
    await page.getByRole('heading', { name: /^跨境订单 TLD-\d{8}$/ }).waitFor();
    const orderUrl = page.url();
    expect(await page.getByTestId('landed-total').innerText()).toBe(total);
    await page.getByText(/440106\*+\d{3}[\dX]/).waitFor();
    expect(await page.content()).not.toContain(id);
    await expectChinese(page, 'the order, awaiting payment', names);
    await page.getByRole('link', { name: '去支付宝付款' }).click();

    // Alipay, in yuan; the sandbox wallet's real-name holder is the buyer.
    await page.getByRole('radio', { name: '支付宝 Alipay（人民币）' }).waitFor();
    await hydrated(page);
    await page.getByRole('radio', { name: '支付宝 Alipay（人民币）' }).check();
    await expectChinese(page, 'the payment page', names);
    await page.getByRole('button', { name: '去付款', exact: true }).click();
    // The link to the (sandbox) wallet keeps the buyer's language.
    const wallet = page.getByRole('link', { name: '前往支付宝付款' });
    expect(await wallet.getAttribute('href')).toMatch(/^\/zh\/sandbox\/alipay\//);
    await page.getByText(/^汇率 1 THB = 0\.205 CNY（运营方设定）/).waitFor();
    await expectChinese(page, 'the payment page, Alipay chosen', names);
    await wallet.click();
    await hydrated(page);
    await page.getByRole('heading', { name: '支付宝（沙盒）' }).waitFor();
    await expectChinese(page, 'the sandbox Alipay wallet', names);
    await page.getByLabel('真实姓名').fill('王小明');
    await page.getByLabel('身份证号码（18 位）').fill(id);
    await page.getByRole('button', { name: '确认付款' }).click();
    await page.getByText('已收到付款，谢谢').waitFor({ timeout: 15_000 });
    await expectChinese(page, 'the payment page, paid', names);

    // Customs: declared on payment, answered by the sandbox a moment later; the page looks again by itself.
    await page.goto(orderUrl);
    await hydrated(page);
    await page.getByText('海关沙盒 — 未发送至真实海关').waitFor();
    await page.getByText('海关已放行').waitFor({ timeout: 30_000 });
    expect(await page.getByText(/^运单号: TLX\d{10}$/).count()).toBe(1);
    // One page: the yuan paid with its tax, the masked identity, customs in words, times with their zone.
    expect(await page.getByTestId('landed-total').innerText()).toBe(total);
    await page.getByText(/440106\*+\d{3}[\dX]/).waitFor();
    const released = await page.locator('body').innerText();
    expect(released).toMatch(/付款时间 \d{4}年\d{1,2}月\d{1,2}日 中国标准时间 \d{2}:\d{2}/);
    expect(released).not.toMatch(/CEB\d{3}|请在.*前付款/);
    expect(released).not.toContain('440106\n');
    await expectChinese(page, 'the order, released', names);
    await screenshot(page, 'crossborder-phone-02-released');
    await expectAccessible(page, 'the cross-border order, released');
    await expectNoSideways(page, 'the cross-border order, released');

    // Her orders: the landed total in yuan with its tax, as paid (never the shop's baht total).
    await page.goto(`${m.baseUrl}/zh/orders`);
    await hydrated(page);
    const listed = await page.getByTestId('order-total').first().innerText();
    expect(listed).toContain(total);
    expect(listed).toMatch(/含跨境电商综合税 ¥\d+\.\d{2}/);
    expect(listed).not.toContain('THB');
    await expectChinese(page, 'her orders', names);
    await screenshot(page, 'crossborder-phone-02-orders');
    await expectAccessible(page, 'her orders, in yuan');
    await context.close();
  });

  it('gives the operator the customs rejection queue and the THB->CNY rate, in Chinese', async () => {
    const res = await m.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: m.market.operator.email, password: m.market.operator.password },
    });
    const session = String(res.headers['set-cookie']).split(';')[0].split('=')[1];
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/zh/ops/customs`);
    await hydrated(page);
    await page.getByRole('heading', { name: '海关退单队列' }).waitFor();
    await page.getByText('暂无待处理的退单').waitFor();
    await page.getByLabel('每 1 泰铢兑人民币').fill('0.2061');
    await page.getByLabel('来源').fill('中国银行 牌价');
    await page.getByRole('button', { name: '保存新汇率（立即生效）' }).click();
    await page.getByText(/当前：1 泰铢 = 0\.2061 元（中国银行 牌价/).waitFor();
    await expectAccessible(page, 'the customs rejection queue');
    await expectNoSideways(page, 'the customs rejection queue');
    await screenshot(page, 'crossborder-phone-03-operator');
    await context.close();
  });

  it('lets the operator cancel and refund an order customs rejected, in Chinese, with a confirmation', async () => {
    // Customs (here: its sandbox, paused so that we answer) rejects the payment document of a paid order.
    stops[1]();
    const id = buyerIdentity({ idNumber: residentId('44010619850101123') });
    const buyer = await signUp(m.app, { displayName: '李华' });
    const { cookie } = await addToCart(m.app, m.market.rice.variantIds[0], 1, buyer.cookie);
    const placed = (await cnCheckout(m.app, cookie, id)).json();
    await payAsBuyer(m.app, cookie, placed.orderGroupId, id);
    await expect
      .poll(
        async () =>
          (await m.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie } })).json().status,
        { timeout: 20_000 },
      )
      .toBe('declared');
    const [msg] = await queryRows<{ guid: string }>(
      m.app.db,
      sql`select guid from customs_messages where order_id = ${placed.orderId}::uuid and type = 'CEB411'`,
    );
    await m.app.db.transaction((tx) =>
      receiveReceipt(tx, m.app.config, {
        receiptId: `E2E-412-${msg.guid}`,
        messageGuid: msg.guid,
        messageType: 'CEB411',
        orderNo: placed.orderNo,
        code: '412',
        passed: false,
        returnStatus: '100',
        reasons: [{ code: 'payer_not_buyer' }],
      }),
    );

    const res = await m.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: m.market.operator.email, password: m.market.operator.password },
    });
    const session = String(res.headers['set-cookie']).split(';')[0].split('=')[1];
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
    const page = await context.newPage();
    // The reason customs gave, in the page's language: Thai at /ops/customs, Chinese at /zh/ops/customs.
    await page.goto(`${m.baseUrl}/ops/customs`);
    await hydrated(page);
    await page.getByRole('heading', { name: new RegExp(placed.orderNo) }).waitFor();
    await page.getByText('ผู้ชำระเงินไม่ใช่ผู้ซื้อที่ระบุในคำสั่งซื้อ (ชื่อจริงและเลขบัตรประชาชนต้องตรงกัน)').waitFor();
    await page.goto(`${m.baseUrl}/zh/ops/customs`);
    await hydrated(page);
    await page.getByRole('heading', { name: new RegExp(placed.orderNo) }).waitFor();
    await page.getByText('支付人不是订单上的订购人（真实姓名和身份证号码须一致）').waitFor();
    await page.getByRole('button', { name: '取消并退款' }).click();
    await page.getByText(/全额退款（货款、运费和税款）/).waitFor();
    await expectAccessible(page, 'the customs queue, confirming a cancel and refund');
    await expectNoSideways(page, 'the customs queue, confirming a cancel and refund');
    await screenshot(page, 'crossborder-phone-04-cancel-refund');
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('暂无待处理的退单').waitFor();
    await context.close();

    const order = (await m.app.inject({ url: `/api/orders/${placed.orderId}`, headers: { cookie } })).json();
    expect(order.status).toBe('cancelled');
    const refunds = await queryRows<{ provider_amount: number; provider_currency: string }>(
      m.app.db,
      sql`select provider_amount::int, provider_currency from refunds where order_id = ${placed.orderId}::uuid`,
    );
    expect(refunds).toEqual([{ provider_amount: placed.totalFen, provider_currency: 'CNY' }]);

    // The buyer reads it on her order, in Chinese: cancelled, and the yuan given back.
    const buyerContext = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const buyerSession = cookie
      .split('; ')
      .find((c) => c.startsWith('talad_session='))!
      .split('=')[1];
    await buyerContext.addCookies([{ name: 'talad_session', value: buyerSession, url: m.baseUrl }]);
    const mine = await buyerContext.newPage();
    await mine.goto(`${m.baseUrl}/zh/orders/${placed.orderId}`);
    await hydrated(mine);
    await mine.getByText('已取消', { exact: true }).waitFor();
    const paidTotal = await mine.getByTestId('landed-total').innerText();
    expect(await mine.getByTestId('refund').innerText()).toMatch(/^退款 ¥\d+\.\d{2}（(退款处理中|已退回付款账户)）$/);
    expect(await mine.getByTestId('refund').innerText()).toContain(paidTotal);
    await expectChinese(mine, 'the order, cancelled and refunded', [...(await dataNames()), '李华']);
    await buyerContext.close();
  });
});
