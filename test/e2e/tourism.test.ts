// In a real browser, on a 360 px phone, in Chinese: a visitor picks a secondary city, an experience
// run by the Chanthaburi orchard, a day in the calendar and a slot with the number of people, pays
// with Alipay (sandbox), and gets the ticket (QR code and PDF). The orchard's staff redeem the ticket
// on their phone by the code on it; a second redeem says it was already used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startOutboxWorker } from '../../src/platform/outbox.ts';
import { operatorSession, signUp } from '../../src/modules/identity/testing.ts';
import { silkClass } from '../../src/modules/tourism/testing.ts';
import { readFileSync } from 'node:fs';
import { pdfToText } from '../pdftotext.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
let stopOutbox: () => void;
let experienceId: string;

const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const sessionOf = (cookie: string) =>
  cookie
    .split('; ')
    .find((c) => c.startsWith('talad_session='))!
    .split('=')[1];

async function phone(cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  await context.addCookies([{ name: 'talad_session', value: sessionOf(cookie), url: m.baseUrl }]);
  return context;
}

beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
  // What `npm start` runs: the outbox worker confirms the booking on order.paid.
  stopOutbox = startOutboxWorker(m.app.db, m.app.platform.handlers, m.app.log, 200);
  const operator = await operatorSession(m.app);
  const rate = await m.app.inject({
    method: 'POST',
    url: '/api/operator/fx-rates',
    headers: { cookie: operator.cookie },
    payload: { base: 'THB', quote: 'CNY', rate: '0.2050', source: 'operator' },
  });
  expect(rate.statusCode, rate.body).toBe(201);
  // The orchard in Chanthaburi (a secondary city) offers an orchard visit with slots at 09:00 and 14:00.
  const orchard = m.market.durian.seller;
  const offer = silkClass('22');
  offer.title = { th: 'เที่ยวสวนทุเรียนจันทบุรี', zh: '尖竹汶榴莲园一日游', en: 'Chanthaburi durian orchard visit' };
  offer.description = { th: 'ชิมทุเรียนในสวน', zh: '在果园里品尝刚摘的榴莲', en: 'Taste durian in the orchard' };
  const made = await m.app.inject({
    method: 'POST',
    url: `/api/sellers/${orchard.sellerId}/tourism/experiences`,
    headers: { cookie: orchard.cookie },
    payload: offer,
  });
  expect(made.statusCode, made.body).toBe(201);
  experienceId = made.json().id;
  const season = await m.app.inject({
    method: 'POST',
    url: `/api/tourism/experiences/${experienceId}/seasons`,
    headers: { cookie: orchard.cookie },
    payload: { optionId: 'half-day', from: day(3), to: day(12), times: ['09:00', '14:00'], capacity: 10 },
  });
  expect(season.statusCode, season.body).toBe(201);
});
afterAll(async () => {
  stopOutbox?.();
  await browser?.close();
  await m?.close();
});

describe('a Chinese visitor books a community experience', () => {
  it('picks a destination, an experience, a day and a slot, pays with Alipay, gets the ticket; the shop redeems it once', async () => {
    const visitor = await signUp(m.app, { displayName: '王小明', locale: 'zh' });
    const context = await phone(visitor.cookie);
    const page = await context.newPage();
    const look = async (name: string, what: string) => {
      await screenshot(page, `tourism-phone-${name}`);
      await expectAccessible(page, what);
      await expectNoSideways(page, what);
    };

    // From the Chinese home page to the secondary cities, then to Chanthaburi.
    await page.goto(`${m.baseUrl}/zh/`);
    await hydrated(page);
    await page.getByRole('link', { name: '二线城市旅游' }).click();
    await page.getByRole('heading', { name: '二线城市旅游', level: 1 }).waitFor();
    await page.getByText(/二线城市名单版本 2024-travel-tax/).waitFor();
    await look('01-destinations', 'the destinations');
    await page.getByRole('link', { name: /尖竹汶.*1 个体验/ }).click();
    await page.getByRole('heading', { name: '尖竹汶之旅' }).waitFor();
    await page.getByText('榴莲与山竹果园').waitFor();
    await look('02-destination', 'the destination page');

    // The experience: meeting point with Chinese directions, policy, the calendar.
    await page.getByRole('link', { name: /尖竹汶榴莲园一日游/ }).click();
    await page.getByRole('heading', { name: '尖竹汶榴莲园一日游' }).waitFor();
    await hydrated(page);
    expect(new URL(page.url()).pathname).toMatch(/^\/zh\/tours\/experiences\//);
    await page.getByText('在寺庙前停车，向导在大门口等候').waitFor();
    await page.getByText('活动开始前 48 小时或更早取消，退款 100%').waitFor();
    // Days without slots say so; the first bookable day is chosen and lists its two slots.
    const target = day(5);
    await page.locator(`a[href*="date=${target}"]`).click();
    await page.waitForURL(new RegExp(`date=${target}`));
    const slot = page.getByRole('radio', { name: /^14:00 · 可预订/ });
    await slot.waitFor();
    await expect(page.getByRole('radio', { name: /^09:00 · 可预订/ }).count()).resolves.toBe(1);
    await expect(page.getByText('剩余 10 个名额').count()).resolves.toBe(2);
    await slot.check();
    await page.getByLabel(/^成人/).fill('2');
    await page.getByLabel(/^儿童/).fill('1');
    await page.getByText('合计 THB 2,250.00').waitFor(); // 2 × 900 + 1 × 450
    await look('03-experience', 'the experience with its calendar');

    // More people than places: refused in Chinese, nothing held.
    await page.getByLabel(/^成人/).fill('11');
    await page.getByRole('button', { name: '预订并去付款' }).click();
    await page.getByText('名额不足（剩余 10 个）').waitFor();
    await page.getByLabel(/^成人/).fill('2');
    await page.getByRole('button', { name: '预订并去付款' }).click();

    // The booking: places held until a time, the way to pay.
    await page.getByRole('heading', { name: /^预订 TK[0-9A-Z]{8}$/ }).waitFor();
    await page.getByText('已保留名额，待付款').waitFor();
    await page.getByText(/名额保留至 /).waitFor();
    const bookingUrl = page.url();
    await look('04-booking-held', 'the booking, held');
    await page.getByRole('link', { name: '去付款 THB 2,250.00' }).click();

    // Alipay in yuan (sandbox), the same pages as the checkout's.
    await page.getByRole('radio', { name: '支付宝 Alipay（人民币）' }).waitFor();
    await hydrated(page);
    await page.getByRole('radio', { name: '支付宝 Alipay（人民币）' }).check();
    await page.getByRole('button', { name: '去付款', exact: true }).click();
    const wallet = page.getByRole('link', { name: '前往支付宝付款' });
    expect(await wallet.getAttribute('href')).toMatch(/^\/zh\/sandbox\/alipay\//);
    await wallet.click();
    await page.getByRole('heading', { name: '支付宝（沙盒）' }).waitFor();
    await hydrated(page);
    await page.getByRole('button', { name: '确认付款' }).click();
    await page.getByText('已收到付款，谢谢').waitFor({ timeout: 15_000 });
    // The paid page leads back to the ticket.
    await page.getByRole('link', { name: '查看我的门票' }).click();
    await page.waitForURL(bookingUrl);

    // And the booking is found again from the home page: the ticket, with its QR code and PDF.
    await page.locator('a.brand').click();
    await page.getByRole('heading', { name: '二线城市旅游', level: 2 }).waitFor();
    await page.getByRole('link', { name: '我的预订' }).click();
    await page.getByRole('heading', { name: '我的预订' }).waitFor();
    await page.getByRole('link', { name: /尖竹汶榴莲园一日游/ }).click();
    await page.waitForURL(bookingUrl);
    await page.getByText('已确认', { exact: true }).waitFor({ timeout: 15_000 });
    const qr = page.getByRole('img', { name: /^门票二维码 TK[0-9A-Z]{8}$/ });
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(100);
    const reference = (await page.locator('.tour-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^TK[0-9A-Z]{8}$/);
    await page.getByText('现在取消可退款 100%（THB 2,250.00）').waitFor();
    await look('05-ticket', 'the ticket');
    const pdfLink = page.getByRole('link', { name: '下载门票（PDF）' });
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    const text = pdfToText(readFileSync((await download.path())!));
    expect(text).toContain('体验活动门票');
    expect(text).toContain(reference);
    expect(text).toContain('成人 × 2');

    // The orchard's staff, on a 360 px phone, open the scanner from the home page and type the code.
    const staff = await phone(m.market.durian.seller.cookie);
    const scan = await staff.newPage();
    await scan.goto(`${m.baseUrl}/zh/`);
    await hydrated(scan);
    await scan.getByRole('link', { name: /^验票：/ }).click();
    await scan.getByRole('heading', { name: '验票核销' }).waitFor();
    await hydrated(scan);
    await screenshot(scan, 'tourism-phone-06-scanner');
    await expectAccessible(scan, 'the ticket scanner');
    await expectNoSideways(scan, 'the ticket scanner');
    // No camera here (headless Chromium has no BarcodeDetector): the field takes the code.
    await scan.getByLabel('票码或预订编号').fill(reference.toLowerCase());
    await scan.getByRole('button', { name: '核销' }).click();
    await scan.getByText(`核销成功：${reference}`).waitFor();
    await scan.getByText('成人 × 2, 儿童 × 1').waitFor();
    await screenshot(scan, 'tourism-phone-07-redeemed');
    // A second scan of the same ticket: already redeemed, with the time.
    await scan.getByLabel('票码或预订编号').fill(reference);
    await scan.getByRole('button', { name: '核销' }).click();
    await scan.getByText(/^此票已于 .+ 核销$/).waitFor();
    await expect(scan.getByText(`核销成功：${reference}`).count()).resolves.toBe(0);
    await screenshot(scan, 'tourism-phone-08-already');
    await expectAccessible(scan, 'the scanner, already redeemed');

    // The visitor's ticket now says it was used, and can no longer be cancelled.
    await page.reload();
    await page.getByText(/^已于 .+ 核销$/).waitFor();
    expect(await page.getByRole('button', { name: '取消预订' }).count()).toBe(0);
    await staff.close();
    await context.close();
  });
});
