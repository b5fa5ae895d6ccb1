// In a real browser at 360 px: a government analyst opens the programme dashboard, filters to
// Roi Et and the Chinese market, sees the figures, the chart by month and the map of provinces, the
// flash-sale results, training, bookings and loans, downloads the open dataset as CSV (UTF-8 with a
// BOM, for Excel in Thai), and reads the same page in Chinese and English.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopWithOwner, signedInUser } from '../../src/modules/catalog/testing.ts';
import { newId } from '../../src/platform/ids.ts';
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

/** Six months of sales for `shops` (rows marked simulated, as the demo's history is). */
async function history(sellerIds: string[], market: 'TH' | 'CN') {
  const now = new Date(Date.now() + 7 * 3_600_000);
  for (let back = 0; back < 6; back++) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
    for (const [i, id] of sellerIds.entries())
      await m.app.db.execute(
        sql`insert into insights_sales (month, seller_id, market, orders, gross_satang, cbec_tax_fen, shipped, ship_hours, buyers, simulated)
            values (${month}::date, ${id}, ${market}, ${10 + i}, ${(10 + i) * 50_000}, ${market === 'CN' ? 4_000 : 0}, ${10 + i}, ${(10 + i) * 30}, 8, 1)`,
      );
  }
}

/**
 * One sale day: every shop runs a flash-sale campaign in the same window, and two Chinese buyers
 * each bought 2 units at the campaign price (insights' rows as the outbox leaves them).
 */
async function saleDay(sellerIds: string[]) {
  const db = m.app.db;
  const startsAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
  for (const [i, sellerId] of sellerIds.entries()) {
    const campaignId = newId();
    await db.execute(
      sql`insert into campaigns (id, seller_id, name, starts_at, ends_at)
          values (${campaignId}, ${sellerId}, ${JSON.stringify({ th: 'วันทุเรียน' })}::jsonb, ${startsAt.toISOString()}, ${endsAt.toISOString()})`,
    );
    await db.execute(
      sql`insert into campaign_items (id, campaign_id, seller_id, product_id, variant_id, price_satang, stock_limit, per_buyer_limit, sold)
          values (${newId()}, ${campaignId}, ${sellerId}, ${newId()}, ${newId()}, 9900, 20, 2, 4)`,
    );
    for (const b of [0, 1]) {
      const minute = new Date(startsAt.getTime() + b * 60_000).toISOString();
      await db.execute(
        sql`insert into insights_flash_orders (sale_id, order_id, units, seller_id, market, buyer_hash, minute)
            values (${campaignId}, ${newId()}, 2, ${sellerId}, 'CN', ${`buyer-${i}-${b}`}, ${minute})`,
      );
      await db.execute(
        sql`insert into insights_flash_minutes (sale_id, market, minute, orders) values (${campaignId}, 'CN', ${minute}, 1)`,
      );
    }
    await db.execute(
      sql`insert into insights_flash_campaigns (sale_id, market, seller_id, orders, units, buyers)
          values (${campaignId}, 'CN', ${sellerId}, 2, 4, 2)`,
    );
  }
}

describe('government insight in the browser', () => {
  it('an analyst filters to Roi Et and China, sees the map and the chart, and downloads the dataset', async () => {
    const db = m.app.db;
    const roiEt = [];
    const elsewhere = [];
    for (let i = 0; i < 5; i++) roiEt.push(await shopWithOwner(db, { provinceCode: '45' }));
    for (let i = 0; i < 5; i++) elsewhere.push(await shopWithOwner(db, { provinceCode: '50' }));
    const ids = [...roiEt, ...elsewhere].map((s) => s.sellerId);
    await history(ids, 'CN');
    await history(ids, 'TH');
    await saleDay([...roiEt, ...elsewhere].map((s) => s.sellerId));
    for (const s of [...roiEt, ...elsewhere])
      await db.execute(
        sql`insert into academy_lesson_progress (user_id, course_id, lesson_id) values (${s.userId}, 'sme-online', 'l1')`,
      );

    const operator = await signedInUser(db, { isOperator: true });
    const analyst = await signedInUser(db);
    const granted = await m.app.inject({
      method: 'PUT',
      url: `/api/operator/insights/analysts/${analyst.userId}`,
      headers: { cookie: operator.cookie },
      payload: { provinceCode: null },
    });
    expect(granted.statusCode, granted.body).toBe(200);

    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'th-TH',
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    await context.addCookies([{ name: 'talad_session', value: analyst.cookie.split('=')[1], url: m.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/insights`);
    await hydrated(page);
    await page.getByRole('heading', { name: 'ภาพรวมโครงการ' }).waitFor();
    await page.getByText('ทั้งประเทศ').waitFor();

    await page.getByLabel('จังหวัด').selectOption('45');
    await page.getByLabel('ตลาด').selectOption('CN');
    await page.getByRole('button', { name: 'แสดงผล' }).click();
    await page.waitForURL(/province=45/);
    await page.getByText('ตัวเลขรวมประวัติจำลองของข้อมูลสาธิต').waitFor();
    // Five shops in Roi Et and five elsewhere: Roi Et's Chinese sales are shown.
    const orders = page.locator('.insight-figure', { hasText: 'คำสั่งซื้อ' }).first().locator('dd');
    await expect.poll(() => orders.innerText()).toBe(String((10 + 11 + 12 + 13 + 14) * 6));
    // The chart's months are in the Buddhist era.
    const chart = page.locator('img[src^="/api/insights/charts/sales-by-month.svg"]');
    expect(await chart.getAttribute('alt')).toContain(String(new Date().getUTCFullYear() + 543));
    for (const img of [chart, page.locator('img.insight-map')])
      await expect
        .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
    const map = await m.app.inject({
      url: '/api/insights/map.svg?province=45&market=CN',
      headers: { cookie: analyst.cookie },
    });
    expect(map.body).toMatch(/data-province="45"[^>]*><title>ร้อยเอ็ด: /);
    // Flash sales: Roi Et's five campaigns, ten Chinese orders of 2 units, 100 units offered.
    const flash = page.locator('section.insight-flash');
    const figure = (section: typeof flash, label: string) =>
      section.locator('.insight-figure', { hasText: label }).first().locator('dd').innerText();
    expect(await figure(flash, 'แคมเปญ')).toBe('5');
    expect(await figure(flash, 'ชิ้นที่ขายราคาแคมเปญ')).toBe('20');
    expect(await figure(flash, 'ขายได้ต่อที่เปิดขาย')).toBe('20%');
    await flash.getByRole('row', { name: /10/ }).waitFor();
    // Training, bookings and loans: drawn, each guarded by its own people.
    const learning = page.locator('section.insight-learning');
    expect(await figure(learning, 'ผู้เรียน')).toBe('5');
    expect(await figure(page.locator('section.insight-bookings'), 'การจอง')).toBe('0');
    expect(await figure(page.locator('section.insight-loans'), 'คำขอสินเชื่อ')).toBe('0');
    await screenshot(page, 'insights-phone-01-roi-et-china');
    await expectAccessible(page, 'the insights dashboard');
    await expectNoSideways(page, 'the insights dashboard');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'ดาวน์โหลด CSV' }).first().click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFmonth,province_code,province_th')).toBe(true);
    expect(csv).toContain(',45,ร้อยเอ็ด,Roi Et,CN,');
    await page.getByRole('link', { name: 'ดาวน์โหลด CSV' }).nth(2).waitFor(); // learners, then bookings and loans

    // The same page in Chinese and in English, at 360 px.
    for (const [lang, heading, sections] of [
      ['zh', '项目概览', ['限时抢购结果', '培训（Talad 学院）', '社区旅游预订', '贷款']],
      [
        'en',
        'Programme insight',
        ['Flash-sale results', 'Training (Talad Academy)', 'Community tourism bookings', 'Loans'],
      ],
    ] as const) {
      await page.goto(`${m.baseUrl}/${lang}/insights?province=45&market=CN`);
      await hydrated(page);
      await page.getByRole('heading', { name: heading }).waitFor();
      for (const name of sections) await page.getByRole('heading', { name, exact: true }).waitFor();
      const text = await page.locator('body').innerText();
      // Data, not the page's words: the analyst's own name (the fixture's, in Thai) and codes.
      const allowed = ['ผู้ทดสอบ', 'CSV', 'JSON', 'DCAT-AP', 'SME', 'TH', 'CN', 'CBEC'];
      expect(foreignRuns(text, lang, allowed).join(' | '), lang).toBe('');
      await expectNoSideways(page, `the insights dashboard in ${lang}`);
      await screenshot(page, `insights-phone-02-${lang}`);
    }
    await context.close();
  });
});
