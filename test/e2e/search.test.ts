// In a real browser: a buyer searches the storefront in Thai (suggestions while typing, results
// with facets) and in Chinese on a phone (a Chinese word finds the product, shown in Chinese).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { reindex } from '../../src/modules/search/index.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
  // The market was made through the API; `talad start` would index it from the outbox within a second.
  await reindex(m.app.db);
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

describe('searching the storefront', () => {
  it('in Thai: suggestions while typing, then results with facets that narrow them', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'th-TH' });
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/`);
    await hydrated(page);
    const box = page.getByRole('combobox', { name: 'ค้นหาสินค้า' });
    await box.fill('ทุเรีย');
    await page.getByRole('option', { name: /ทุเรียนหมอนทอง จันทบุรี/ }).waitFor();
    await page.getByRole('option', { name: /หมวดหมู่ ทุเรียน/ }).waitFor();
    await screenshot(page, 'search-th-01-suggestions');
    await expectAccessible(page, 'search suggestions (th)');
    await box.press('Enter');
    await page.getByRole('heading', { name: 'ผลการค้นหา “ทุเรีย”' }).waitFor();
    await page.getByRole('link', { name: 'ทุเรียนหมอนทอง จันทบุรี' }).first().waitFor();
    await expect
      .poll(() => page.getByRole('complementary', { name: 'ตัวกรอง' }).getByRole('link', { name: /จันทบุรี/ }).count())
      .toBe(1);
    await screenshot(page, 'search-th-02-results');
    await expectAccessible(page, 'search results (th)');
    await page.getByRole('complementary', { name: 'ตัวกรอง' }).getByRole('link', { name: /จันทบุรี/ }).click();
    await page.waitForURL(/province=22/);
    await expect.poll(() => page.getByRole('link', { name: 'ทุเรียนหมอนทอง จันทบุรี' }).count()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'ค้นหาสินค้า' }).fill('ข้าวหอมมะลี');
    await page.getByRole('combobox', { name: 'ค้นหาสินค้า' }).press('Enter');
    await page.getByText('แสดงผลลัพธ์ของ “ข้าวหอมมะลิ”').waitFor();
    await context.close();
  });

  it('in Chinese on a 360 px phone: 榴莲 finds the durian and shows it in Chinese', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/zh/`);
    await hydrated(page);
    const box = page.getByRole('combobox', { name: '搜索商品' });
    await box.fill('榴莲');
    await box.press('Enter');
    await page.getByRole('heading', { name: '“榴莲” 的搜索结果' }).waitFor();
    await page.getByRole('link', { name: '尖竹汶金枕头榴莲' }).first().waitFor();
    await screenshot(page, 'search-zh-phone-results');
    await expectAccessible(page, 'search results (zh, phone)');
    await expectNoSideways(page, 'search results (zh, phone)');
    await context.close();
  });

  it('renders results on the server, for slow phones and search engines', async () => {
    const res = await fetch(`${m.baseUrl}/zh/search?q=${encodeURIComponent('香米')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('通库拉荣海茉莉香米');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});
