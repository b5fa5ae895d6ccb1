// In a real browser at 360 px, in Chinese: a verified importer posts a request for jasmine rice,
// the Roi Et rice cooperative quotes in Thai (through the API: its pages are not built yet), the
// importer compares the quote, orders a sample, pays it with Alipay in the sandbox, and downloads
// the pro-forma invoice, read back with pdftotext.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { categoryIdBySlug, signedInUser } from '../../src/modules/catalog/testing.ts';
import { DEMO_PARTNERS } from '../../src/modules/trade/partners-demo.ts';
import { seedPartners } from '../../src/modules/trade/partners.ts';
import { escalateDueClaims } from '../../src/modules/trade/claims.ts';
import { startOutboxWorker } from '../../src/platform/outbox.ts';
import { pdfToText } from '../pdftotext.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
let stopOutbox: () => void;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
  stopOutbox = startOutboxWorker(m.app.db, m.app.platform.handlers, m.app.log, 200);
});
afterAll(async () => {
  stopOutbox?.();
  await browser?.close();
  await m?.close();
});

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  m.app.inject({ method, url, headers: { cookie, 'idempotency-key': crypto.randomUUID() }, payload });

describe('B2B trade in the browser', () => {
  it('an importer posts a request in Chinese, compares a Thai quote, orders a sample, pays by Alipay and gets the pro-forma', async () => {
    const rice = await categoryIdBySlug(m.app.db, 'jasmine-rice');
    const op = await signedInUser(m.app.db, { isOperator: true });
    const importer = await signedInUser(m.app.db);
    const buyer = await inject('POST', '/api/trade/buyers', importer.cookie, {
      companyName: '广州稻香进出口有限公司',
      country: 'CN',
      registrationNumber: '91350100M000100Y43',
      language: 'zh',
    });
    expect(buyer.statusCode).toBe(201);
    expect((await inject('POST', `/api/operator/trade/buyers/${buyer.json().id}/verify`, op.cookie)).statusCode).toBe(
      200,
    );
    const coop = m.market.rice.seller;
    await inject('PUT', `/api/sellers/${coop.sellerId}/trade/profile`, coop.cookie, { categoryIds: [rice] });

    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    const session = importer.cookie
      .split('; ')
      .find((c) => c.startsWith('talad_session='))!
      .split('=')[1];
    await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/zh/trade/rfqs/new`);
    await hydrated(page);
    await page.getByLabel('所需产品').fill('泰国茉莉香米 20 吨');
    await page.getByLabel('类目').selectOption(rice);
    await page.getByLabel('数量').fill('20');
    await page.getByLabel('目标单价').fill('6500');
    await page.getByLabel('港口或交货地点').fill('Laem Chabang');
    await expectAccessible(page, 'the new request');
    await expectNoSideways(page, 'the new request');
    await page.getByRole('button', { name: '发布询价' }).click();
    await page.getByText('还没有卖家报价').waitFor();
    const rfqId = page.url().split('/').pop()!;

    const quote = await inject('POST', `/api/sellers/${coop.sellerId}/trade/rfqs/${rfqId}/quotes`, coop.cookie, {
      unitPriceSatang: 3_000_000,
      moq: 5,
      tiers: [{ minQuantity: 20, unitPriceSatang: 2_800_000 }],
      leadTimeDays: 21,
      validUntil: '2099-01-31',
      terms: 'มัดจำ 30% ก่อนผลิต ส่วนที่เหลือก่อนส่งของ',
      language: 'th',
      attachments: [],
      samplePriceSatang: 250_000,
      depositPercent: 30,
    });
    expect(quote.statusCode).toBe(201);

    await page.reload();
    await hydrated(page);
    const card = page.locator('.trade-compare > li').first();
    await card.getByText('มัดจำ 30% ก่อนผลิต ส่วนที่เหลือก่อนส่งของ').waitFor();
    await card.getByText('原文为泰语').waitFor();
    expect(await card.innerText()).toContain('20 吨 起');
    await screenshot(page, 'trade-phone-01-compare');
    await expectAccessible(page, 'the quotes compared');
    await expectNoSideways(page, 'the quotes compared');
    await card.getByRole('button', { name: '订购样品' }).click();
    await page.getByRole('heading', { name: /^订单 TR-/ }).waitFor();
    await hydrated(page);
    const orderUrl = page.url();
    await page.getByRole('link', { name: '去付款（支付宝等）' }).click();
    await page.getByRole('radio', { name: '支付宝 Alipay（人民币）' }).waitFor();
    await hydrated(page);
    await page.getByRole('radio', { name: '支付宝 Alipay（人民币）' }).check();
    await page.getByRole('button', { name: '去付款', exact: true }).click();
    await page.getByRole('link', { name: '前往支付宝付款' }).click();
    await page.getByRole('heading', { name: '支付宝（沙盒）' }).waitFor();
    await hydrated(page);
    await page.getByRole('button', { name: '确认付款' }).click();
    await page.getByText('已收到付款，谢谢').waitFor({ timeout: 15_000 });

    // order.paid reaches the trade module through the outbox; then the order page shows the sample paid.
    const orderId = orderUrl.split('/').pop()!;
    await expect
      .poll(
        async () => (await inject('GET', `/api/trade/orders/${orderId}`, importer.cookie)).json().milestones[0].status,
        { timeout: 15_000 },
      )
      .toBe('paid');
    await page.goto(orderUrl);
    await hydrated(page);
    await page.getByTestId('milestone-sample').getByText('已付款').waitFor();
    await screenshot(page, 'trade-phone-02-order');
    await expectAccessible(page, 'the trade order, paid');
    await expectNoSideways(page, 'the trade order, paid');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '形式发票（PDF）' }).click(),
    ]);
    const text = pdfToText(readFileSync((await download.path())!));
    expect(text).toContain('广州稻香进出口有限公司');
    expect(text).toMatch(/2,500\.00/);
    await context.close();
  });

  it('a cooperative finds an inspection partner in Roi Et in Thai and reviews it', async () => {
    await seedPartners(m.app.db, DEMO_PARTNERS);
    const coop = m.market.rice.seller;
    const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
    const session = coop.cookie
      .split('; ')
      .find((c) => c.startsWith('talad_session='))!
      .split('=')[1];
    await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/trade/partners`);
    await hydrated(page);
    const main = page.locator('#main');
    await main.getByLabel('บริการ').selectOption('inspection');
    await main.getByLabel('จังหวัด').selectOption('45');
    await main.getByRole('button', { name: 'ค้นหา' }).click();
    await page.waitForURL(/service=inspection/);
    await hydrated(page);
    const names = await page.locator('.trade-list h2').allInnerTexts();
    expect(names).toEqual(['สยามตรวจสอบเมล็ดพืช']);
    await expectAccessible(page, 'the partner directory');
    await expectNoSideways(page, 'the partner directory');
    await main.getByRole('link', { name: 'สยามตรวจสอบเมล็ดพืช' }).click();
    await page.getByRole('heading', { name: 'สยามตรวจสอบเมล็ดพืช' }).waitFor();
    await hydrated(page);
    await page.getByText('ยังไม่มีรีวิว').waitFor();
    await main.getByLabel('คะแนน (1–5)').selectOption('4');
    await main.getByLabel('ความเห็น').fill('ตรวจข้าวก่อนส่งออกได้เร็ว ใบรับรองมีภาษาจีน');
    await main.getByRole('button', { name: 'ส่งรีวิว' }).click();
    await page.getByText('1 รีวิว · เฉลี่ย 4/5').waitFor();
    await page.getByText('ตรวจข้าวก่อนส่งออกได้เร็ว ใบรับรองมีภาษาจีน').waitFor();
    await screenshot(page, 'trade-phone-03-partner');
    await expectAccessible(page, 'a partner with its review');
    await expectNoSideways(page, 'a partner with its review');
    await context.close();
  });

  it('an importer files a claim in Chinese, the cooperative answers in Thai, the operator refunds part', async () => {
    const rice = await categoryIdBySlug(m.app.db, 'jasmine-rice');
    const op = await signedInUser(m.app.db, { isOperator: true });
    const importer = await signedInUser(m.app.db);
    const buyer = await inject('POST', '/api/trade/buyers', importer.cookie, {
      companyName: '厦门米仓贸易有限公司',
      country: 'CN',
      registrationNumber: '91440300MA5FT7RQ6C',
      language: 'zh',
    });
    await inject('POST', `/api/operator/trade/buyers/${buyer.json().id}/verify`, op.cookie, {});
    const coop = m.market.rice.seller;
    await inject('PUT', `/api/sellers/${coop.sellerId}/trade/profile`, coop.cookie, { categoryIds: [rice] });
    const rfq = (
      await inject('POST', '/api/trade/rfqs', importer.cookie, {
        product: '茉莉香米样品',
        language: 'zh',
        categoryId: rice,
        quantity: 20,
        unit: 'tonne',
        currency: 'CNY',
        incoterm: 'FCA',
        transportMode: 'air',
        place: 'Suvarnabhumi',
        deliveryFrom: '2027-02-01',
        deliveryTo: '2027-03-01',
        certifications: [],
        sampleWanted: true,
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).json();
    const quote = (
      await inject('POST', `/api/sellers/${coop.sellerId}/trade/rfqs/${rfq.id}/quotes`, coop.cookie, {
        unitPriceSatang: 3_000_000,
        moq: 5,
        tiers: [],
        leadTimeDays: 21,
        validUntil: '2099-01-31',
        terms: 'ตัวอย่าง 5 กก.',
        language: 'th',
        attachments: [],
        samplePriceSatang: 250_000,
      })
    ).json();
    const sample = (
      await inject('POST', `/api/trade/quotes/${quote.id}/orders`, importer.cookie, { kind: 'sample' })
    ).json();
    const ms = sample.milestones[0];
    await inject('POST', `/api/trade/orders/${sample.id}/milestones/${ms.id}/bank-transfer`, importer.cookie, {
      reference: 'ICBC-20270105-0099',
    });
    await inject('POST', `/api/operator/trade/milestones/${ms.id}/confirm-transfer`, op.cookie, {});
    await expect
      .poll(
        async () =>
          (await m.app.inject({ url: `/api/trade/orders/${sample.id}`, headers: { cookie: importer.cookie } })).json()
            .status,
        {
          timeout: 15_000,
        },
      )
      .toBe('ready_to_ship');
    await inject('POST', `/api/sellers/${coop.sellerId}/trade/orders/${sample.id}/shipment`, coop.cookie, {
      document: 'awb',
      number: '217-12345675',
      carrier: 'Thai Airways Cargo',
      packages: 1,
      grossWeightKg: 5,
    });
    await inject('POST', `/api/trade/orders/${sample.id}/received`, importer.cookie, {});

    const open = async (cookie: string, locale: string, path: string) => {
      const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true });
      const value = cookie
        .split('; ')
        .find((c) => c.startsWith('talad_session='))!
        .split('=')[1];
      await context.addCookies([{ name: 'talad_session', value, url: m.baseUrl }]);
      const page = await context.newPage();
      await page.goto(`${m.baseUrl}${path}`);
      await hydrated(page);
      return { context, page, main: page.locator('#main') };
    };
    const b = await open(importer.cookie, 'zh-CN', `/zh/trade/orders/${sample.id}`);
    await b.main.getByLabel('原因').selectOption('not_as_agreed');
    await b.main.getByLabel('详细说明').fill('样品碎米率超过 10%');
    await b.main.getByLabel('申请退款金额（泰铢）').fill('1500');
    await b.main.getByRole('button', { name: '提交索赔' }).click();
    await b.main.getByText('待卖家答复').waitFor();
    await expectAccessible(b.page, 'the claim filed');
    await expectNoSideways(b.page, 'the claim filed');
    await b.context.close();

    const s = await open(coop.cookie, 'th-TH', `/seller/${coop.sellerId}/trade/orders/${sample.id}`);
    await s.main.getByText('样品碎米率超过 10%').waitFor();
    await s.main.getByLabel('คำตอบของร้าน').fill('ยินดีให้ตรวจซ้ำ');
    await s.main.getByRole('button', { name: 'ตอบคำร้อง' }).click();
    await s.main.getByText('คำตอบของร้าน: ยินดีให้ตรวจซ้ำ').waitFor();
    await expectAccessible(s.page, 'the shop answers the claim');
    await s.context.close();

    expect(await escalateDueClaims(m.app.db, new Date(Date.now() + 8 * 86_400_000))).toBeGreaterThan(0);
    const o = await open(op.cookie, 'th-TH', '/ops/trade/claims');
    const item = o.main.locator('li', { hasText: sample.number });
    await item.getByLabel('คืนเงิน (บาท)').fill('1000');
    await item.getByLabel('เหตุผลของคำตัดสิน').fill('ผลตรวจยืนยัน คืนบางส่วน');
    await expectAccessible(o.page, 'the operator’s claims');
    await expectNoSideways(o.page, 'the operator’s claims');
    await item.getByRole('button', { name: 'ตัดสินให้คืนเงิน' }).click();
    await expect
      .poll(
        async () =>
          (
            await m.app.inject({ url: `/api/trade/orders/${sample.id}/claim`, headers: { cookie: importer.cookie } })
          ).json().refundSatang,
      )
      .toBe(100_000);
    await o.context.close();
  });
});
