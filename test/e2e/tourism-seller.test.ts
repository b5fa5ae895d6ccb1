// In a real browser on a 360 px phone: a shop's staff offer a new experience from the seller centre
// (prices typed in baht, meeting point with Chinese directions, guide languages, policy), add a season
// of slots, and see on the roster the booking a visitor made as a guest — who booked without an
// account, gave a contact, and landed on the booking's signed link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;

const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

const phone = (locale: string, cookie?: string) => phoneContext(browser, m.baseUrl, cookie, locale);

beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

describe('the seller centre’s experiences', () => {
  it('creates an experience, adds a season, and sees a guest’s booking on the roster', async () => {
    const orchard = m.market.durian.seller;
    const staff = await phone('th-TH', orchard.cookie);
    const page = await staff.newPage();
    const look = async (name: string, what: string) => {
      await screenshot(page, `tourism-seller-${name}`);
      await expectAccessible(page, what);
      await expectNoSideways(page, what);
    };

    // From the shop's products to its experiences through the seller-centre menu.
    await page.goto(`${m.baseUrl}/seller/${orchard.sellerId}/products`);
    await hydrated(page);
    await page.getByRole('link', { name: 'กิจกรรมท่องเที่ยว' }).click();
    await page.getByRole('heading', { name: 'กิจกรรมท่องเที่ยวของร้าน', level: 1 }).waitFor();
    await page.getByText('ยังไม่มีกิจกรรม').waitFor();
    await look('01-empty', 'the shop’s experiences, none yet');

    const form = page.locator('form.tour-sc-form');
    await form.getByLabel('จังหวัด (เมืองรอง)').selectOption('22');
    await form.getByLabel('ชื่อกิจกรรม (ไทย)').fill('เก็บมังคุดที่สวน');
    await form.getByLabel('ชื่อกิจกรรม (จีน)').fill('果园采摘山竹');
    await form.getByLabel('ชื่อกิจกรรม (อังกฤษ)').fill('Mangosteen picking');
    await form.getByLabel('รายละเอียด (ไทย)').fill('เก็บมังคุดกับเจ้าของสวน');
    await form.getByLabel('ราคาผู้ใหญ่ (บาท)').fill('1,250.50');
    await form.getByLabel('ราคาเด็ก (บาท)').fill('600');
    await form.getByLabel('ละติจูด').fill('12.6112');
    await form.getByLabel('ลองจิจูด').fill('102.1035');
    await form.getByLabel('จุดนัดพบ (ไทย)').fill('หน้าสวนทุเรียน ต.พลับพลา');
    await form.getByLabel('การเดินทาง (จีน)').fill('从尖竹汶市区打车约20分钟，在果园大门下车');
    await form.getByLabel('การเดินทาง (ไทย)').fill('จากตัวเมือง 20 นาที');
    await form.getByLabel('จีน', { exact: true }).check();
    // A price that is not an amount is caught before anything is sent.
    await form.getByLabel('ราคาเด็ก (บาท)').fill('six hundred');
    await form.getByRole('button', { name: 'สร้างกิจกรรม' }).click();
    await page.getByText('ราคาเด็กไม่ถูกต้อง').waitFor();
    await form.getByLabel('ราคาเด็ก (บาท)').fill('600');
    await look('02-new', 'the new-experience form');
    await form.getByRole('button', { name: 'สร้างกิจกรรม' }).click();

    // The experience's own page: no slots yet; a season of 10:00 slots, closed on Mondays.
    await page.getByRole('heading', { name: 'เก็บมังคุดที่สวน', level: 1 }).waitFor();
    await hydrated(page);
    const experienceId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('ยังไม่มีรอบเวลาใน 90 วันข้างหน้า').waitFor();
    await page.getByLabel('ตั้งแต่วันที่').fill(day(3));
    await page.getByLabel('ถึงวันที่').fill(day(9));
    await page.getByLabel('เวลาเริ่ม').fill('10:00');
    await page.getByLabel('จำนวนที่ต่อรอบ').fill('12');
    await page.getByRole('button', { name: 'เพิ่มรอบเวลา' }).click();
    await page.getByText(/^เพิ่มแล้ว \d+ รอบ$/).waitFor();
    // The roster reloads after the notice: wait for its slots.
    await expect.poll(() => page.getByText('จองแล้ว 0/12 ที่').count()).toBeGreaterThanOrEqual(6);

    // The storefront shows the price in baht as typed, kept in satang.
    const shown = (await m.app.inject({ url: `/api/tourism/experiences/${experienceId}` })).json();
    expect(shown.options[0].units.map((u: { priceSatang: number }) => u.priceSatang)).toEqual([125_050, 60_000]);
    expect(shown.meetingPoint.directionsZh).toBe('从尖竹汶市区打车约20分钟，在果园大门下车');

    // A Chinese visitor who is not signed in books 2 adults as a guest, leaving a phone number.
    const guest = await phone('zh-CN');
    const gp = await guest.newPage();
    await gp.goto(`${m.baseUrl}/zh/tours/experiences/${experienceId}`);
    await hydrated(gp);
    const target = day(5);
    await gp.locator(`a[href*="date=${target}"]`).click();
    await gp.waitForURL(new RegExp(`date=${target}`));
    await gp.getByRole('radio', { name: /^10:00 · 可预订/ }).check();
    await gp.getByLabel(/^成人/).fill('2');
    await gp.getByLabel('姓名').fill('陈静');
    await gp.getByLabel('电话').fill('+86 139 1234 5678');
    await gp.getByRole('button', { name: '预订并去付款' }).click();
    await gp.getByRole('heading', { name: /^预订 TK[0-9A-Z]{8}$/ }).waitFor();
    await gp.getByText('请保存此链接：无需登录即可查看预订和门票').waitFor();
    const signed = new URL(gp.url());
    expect(signed.searchParams.get('k')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const reference = (await gp.getByRole('heading', { level: 1 }).textContent())!.replace('预订 ', '').trim();
    await screenshot(gp, 'tourism-seller-03-guest-booking');
    await expectNoSideways(gp, 'the guest’s booking');
    // The signed link works in another browser with no cookie; without the key it does not.
    const other = await phone('zh-CN');
    const op = await other.newPage();
    await op.goto(signed.toString());
    await op.getByText('已保留名额，待付款').waitFor();
    const bare = await op.goto(`${m.baseUrl}${signed.pathname}`);
    expect(bare?.status()).toBe(404);
    await other.close();
    await guest.close();

    // The roster shows the booking with the people, its status and the guest's contact.
    await page.reload();
    await hydrated(page);
    await page.getByText('จองแล้ว 2/12 ที่').waitFor();
    const line = page.locator('.tour-roster li li', { hasText: reference });
    await line.getByText(/กันที่ไว้ รอชำระเงิน/).waitFor();
    await line.getByText(/ผู้ใหญ่ × 2/).waitFor();
    await line.getByText(/陈静/).waitFor();
    await look('04-roster', 'the roster with a booking');
    await staff.close();
  });
});
