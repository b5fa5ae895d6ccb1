// In a real browser: a producer applies for a shop, an operator approves it, the seller lists a
// product in Thai and Chinese, and it appears in the Chinese storefront.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { uniqueEmail } from '../../src/modules/identity/testing.ts';
import { validTaxId } from '../../src/modules/sellers/testing.ts';
import { PDF, PNG } from '../uploads.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

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

async function selectByText(page: Page, label: string, text: RegExp) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

describe('a new seller', () => {
  it('applies, is approved by an operator, lists a product in Thai and Chinese, and it shows in the Chinese storefront', async () => {
    const seller = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await seller.goto(`${m.baseUrl}/signup?next=%2Fseller`);
    await hydrated(seller);
    await seller.getByLabel('ชื่อที่แสดง').fill('ป้าแก้ว ไร่กาแฟน่าน');
    await seller.getByLabel('อีเมล').fill(uniqueEmail('nan-coffee'));
    await seller.getByLabel('รหัสผ่าน').fill('กาแฟดอยน่าน2569');
    await seller.getByRole('button', { name: 'สมัครสมาชิก' }).click();
    await seller.getByRole('heading', { name: 'ศูนย์ผู้ขาย' }).waitFor();
    await seller.getByText('คุณยังไม่มีร้าน').waitFor();
    await hydrated(seller);
    await seller.getByRole('link', { name: 'สมัครเปิดร้าน' }).click();
    await seller.getByRole('heading', { name: 'สมัครเปิดร้าน' }).waitFor();
    await seller.getByLabel('ชื่อตามกฎหมาย (ภาษาไทย)').fill('สหกรณ์กาแฟเมืองน่าน จำกัด');
    await seller.getByLabel('ชื่อร้าน (ภาษาไทย)').fill('กาแฟดอยน่าน');
    await seller.getByLabel('ชื่อร้าน (ภาษาจีน)').fill('难府山咖啡');
    await seller.getByLabel('ประเภทผู้ประกอบการ').selectOption({ label: 'สหกรณ์' });
    // A wrong check digit is refused beside the field, in Thai.
    await seller.getByLabel('เลขประจำตัวผู้เสียภาษี').fill('1234567890123');
    await seller.getByLabel('จังหวัดที่ตั้ง').selectOption({ label: 'น่าน' });
    await seller.getByLabel('เบอร์มือถือติดต่อ').fill('089-555-1234');
    await seller.getByLabel('หมายเลขพร้อมเพย์').fill('089-555-1234');
    await seller.getByRole('button', { name: 'ส่งใบสมัคร' }).click();
    const taxIdError = seller.locator('.field.has-error .error');
    await taxIdError.first().waitFor();
    expect(await seller.getByLabel('เลขประจำตัวผู้เสียภาษี').getAttribute('aria-invalid')).toBe('true');
    // The reason is spelt out: which digit it should have been.
    expect(await taxIdError.first().textContent()).toContain('เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง: หลักตรวจสอบควรเป็น 1');
    await screenshot(seller, 'seller-01-application-error');
    await seller.getByLabel('เลขประจำตัวผู้เสียภาษี').fill(validTaxId());
    await seller.getByRole('button', { name: 'ส่งใบสมัคร' }).click();
    await seller.getByText('รอตรวจสอบ').waitFor();
    await hydrated(seller);
    // The application's papers: an empty attempt names both fields, then the two papers go up.
    const papers = seller.getByRole('form', { name: 'แนบเอกสาร' });
    await papers.getByRole('button', { name: 'แนบเอกสาร' }).click();
    await papers.locator('.field.has-error').nth(1).waitFor();
    expect(await papers.locator('.field.has-error .error').allTextContents()).toEqual([
      expect.stringContaining('จำเป็นต้องกรอก'),
      expect.stringContaining('จำเป็นต้องกรอก'),
    ]);
    for (const [kind, file] of [
      ['ใบสำคัญรับจดทะเบียนสหกรณ์', { name: 'สหกรณ์.pdf', mimeType: 'application/pdf', buffer: PDF }],
      ['สำเนาบัตรประชาชน', { name: 'id.png', mimeType: 'image/png', buffer: PNG }],
    ] as const) {
      const form = seller.getByRole('form', { name: 'แนบเอกสาร' });
      await form.getByLabel('ประเภทเอกสาร').selectOption({ label: kind });
      await form.getByLabel('ไฟล์').setInputFiles(file);
      await form.getByRole('button', { name: 'แนบเอกสาร' }).click();
      await seller.locator('.documents a', { hasText: kind }).waitFor();
    }
    await screenshot(seller, 'seller-02-pending');

    // A buyer who is no operator is turned away from the console.
    const nosy = await (await browser.newContext({ viewport: PHONE })).newPage();
    await nosy.goto(`${m.baseUrl}/ops/applications`);
    await nosy.getByRole('heading', { name: 'เข้าสู่ระบบ' }).waitFor();

    const operator = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await operator.goto(`${m.baseUrl}/signin?next=${encodeURIComponent('/ops/applications')}`);
    await hydrated(operator);
    await operator.getByLabel('อีเมลหรือเบอร์มือถือ').fill(m.market.operator.email);
    await operator.getByLabel('รหัสผ่าน').fill(m.market.operator.password);
    await operator.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await operator.getByRole('heading', { name: 'ใบสมัครร้านค้า' }).waitFor();
    await hydrated(operator);
    const application = operator.locator('.cards > li', { hasText: 'กาแฟดอยน่าน' });
    await screenshot(operator, 'seller-03-operator-applications');
    await expectAccessible(operator, 'operator applications');
    // The operator sees the papers, none missing, and opens the certificate.
    const certificate = application.locator('.documents a', { hasText: 'ใบสำคัญรับจดทะเบียนสหกรณ์' });
    await certificate.waitFor();
    await application.locator('.documents a', { hasText: 'สำเนาบัตรประชาชน' }).waitFor();
    expect(await application.getByText('ยังขาด').count()).toBe(0);
    const opened = await operator.request.get(new URL((await certificate.getAttribute('href'))!, m.baseUrl).href);
    expect(opened.status()).toBe(200);
    expect(Buffer.from(await opened.body()).equals(PDF)).toBe(true);
    // The buyer who is no operator cannot open it.
    expect((await nosy.request.get(new URL((await certificate.getAttribute('href'))!, m.baseUrl).href)).status()).toBe(
      404,
    );
    await application.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
    await operator.getByText('อนุมัติ กาแฟดอยน่าน แล้ว').waitFor();

    await seller.reload();
    await seller.getByText('อนุมัติแล้ว').waitFor();
    await hydrated(seller);
    await seller.getByRole('link', { name: 'สินค้า', exact: true }).click();
    await seller.getByRole('link', { name: 'เพิ่มสินค้าใหม่' }).click();
    await seller.getByRole('heading', { name: 'สินค้าใหม่' }).waitFor();
    await hydrated(seller);
    // Sent empty, the product form names every missing field at once, each beside its field.
    await seller.getByRole('button', { name: 'สร้างสินค้า' }).click();
    await seller.locator('.field.has-error').first().waitFor();
    const productErrors = await seller
      .locator('.field.has-error')
      .evaluateAll((fields) =>
        fields.map((f) => [
          f.querySelector('label')?.textContent?.trim(),
          f.querySelector('.error')?.textContent?.trim(),
        ]),
      );
    expect(productErrors).toEqual([
      ['หมวดหมู่', 'จำเป็นต้องกรอก'],
      ['ชื่อสินค้า (ภาษาไทย)', 'จำเป็นต้องกรอก'],
      ['รายละเอียด (ภาษาไทย)', 'จำเป็นต้องกรอก'],
      ['จังหวัดแหล่งผลิต', 'จำเป็นต้องกรอก'],
      ['รหัสสินค้า (SKU)', 'จำเป็นต้องกรอก'],
      ['ราคา (บาท)', 'จำเป็นต้องกรอก'],
      ['น้ำหนักรวมบรรจุภัณฑ์ (กรัม)', 'จำเป็นต้องกรอก'],
    ]);
    // A price typed wrong says how to type it, and the other fields still say what they miss.
    await seller.getByLabel('ราคา (บาท)').fill('สามร้อย');
    await seller.getByRole('button', { name: 'สร้างสินค้า' }).click();
    await seller.getByText('กรอกเป็นจำนวนเงินบาท เช่น 1290 หรือ 1290.50').waitFor();
    expect(await seller.locator('.field.has-error').count()).toBe(7);
    await screenshot(seller, 'seller-04-product-errors');
    await selectByText(seller, 'หมวดหมู่', /^\s*กาแฟ$/);
    await seller.getByLabel('ชื่อสินค้า (ภาษาไทย)').fill('กาแฟคั่วกลาง ดอยน่าน');
    await seller.getByLabel('ชื่อสินค้า (ภาษาจีน)').fill('难府山中度烘焙咖啡');
    await seller.getByLabel('รายละเอียด (ภาษาไทย)').fill('เมล็ดอาราบิก้าปลูกบนดอยสูงในจังหวัดน่าน คั่วกลาง หอมช็อกโกแลต');
    await seller.getByLabel('รายละเอียด (ภาษาจีน)').fill('种植于难府高山的阿拉比卡咖啡豆，中度烘焙，带巧克力香气');
    await seller.getByLabel('จังหวัดแหล่งผลิต').selectOption({ label: 'น่าน' });
    await seller.getByLabel('รหัสสินค้า (SKU)').fill('NAN-COFFEE-250');
    await seller.getByLabel('ราคา (บาท)').fill('350');
    await seller.getByLabel('ตัวเลือก (ภาษาไทย)').fill('250 กรัม');
    await seller.getByLabel('ตัวเลือก (ภาษาจีน)').fill('250克');
    await seller.getByLabel('น้ำหนักรวมบรรจุภัณฑ์ (กรัม)').fill('300');
    await seller.getByLabel('สต็อกคงเหลือ').fill('120');
    await seller.getByRole('button', { name: 'สร้างสินค้า' }).click();
    await seller.getByRole('heading', { name: 'แก้ไขสินค้า' }).waitFor();
    // The translation status says Chinese is done and English is still missing.
    await seller.getByText('จีน ครบ').waitFor();
    await seller.getByText('อังกฤษ ยังไม่มี').waitFor();
    await seller.getByRole('button', { name: 'วางขาย' }).click();
    await seller.getByText('วางขายอยู่').first().waitFor();
    await screenshot(seller, 'seller-04-product-on-sale');
    await expectAccessible(seller, 'product editor');

    // A Chinese shopper switches the storefront to Chinese and finds it.
    const shopper = await (await browser.newContext({ viewport: PHONE, isMobile: true })).newPage();
    await shopper.goto(`${m.baseUrl}/`);
    await shopper.getByRole('link', { name: '中文' }).click();
    await shopper.getByRole('heading', { name: '泰国生产者的好物，直送到家' }).waitFor();
    await hydrated(shopper);
    await shopper.getByRole('link', { name: '全部商品' }).click();
    await shopper.getByRole('link', { name: '难府山中度烘焙咖啡' }).click();
    await shopper.getByRole('heading', { name: '难府山中度烘焙咖啡' }).waitFor();
    const page = await shopper.locator('main').innerText();
    expect(page).toContain('阿拉比卡咖啡豆');
    expect(page).toMatch(/THB\s350\.00/);
    expect(page).toContain('难府');
    await screenshot(shopper, 'seller-05-chinese-storefront');
    await expectAccessible(shopper, 'Chinese product page');
    // The choice is remembered: the Thai address of the home page now leads to the Chinese one.
    await shopper.goto(`${m.baseUrl}/`);
    expect(new URL(shopper.url()).pathname).toBe('/zh');
  });
});
