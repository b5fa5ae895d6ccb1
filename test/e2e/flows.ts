// What people do in the browser tests, step by step, and the checks made on every page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page; serious and critical violations fail the test. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated through the DevTools protocol, as the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource);
  // These callbacks run in the browser (the Node type-check knows no DOM, hence `globalThis`).
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as any;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: any) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n: any) => n.target.join(' '))
            .join(', ')}`,
      );
  });
  expect(violations, `accessibility problems on ${what}`).toEqual([]);
}

/** Nothing wider than the screen: a 360 px phone never scrolls sideways. */
export async function expectNoSideways(page: Page, what: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => {
    const { document, innerWidth } = globalThis as any;
    return { scroll: document.documentElement.scrollWidth as number, width: innerWidth as number };
  });
  expect(scroll, `${what} is wider than the screen`).toBeLessThanOrEqual(width);
}

export const hydrated = (page: Page) => page.waitForSelector('html[data-hydrated="true"]');

/** Checks a page a buyer sees: accessible, and on a phone never wider than the screen. */
async function look(page: Page, name: string, phone: boolean) {
  await screenshot(page, name);
  await expectAccessible(page, name);
  if (phone) await expectNoSideways(page, name);
}

/**
 * A new Thai buyer signs up, finds the durian from the home page, buys it with a Thai address
 * completed from the province, district and sub-district lists, and sees the order.
 */
export async function buyDurian(
  page: Page,
  baseUrl: string,
  opts: { label: string; phone: boolean; email: string },
): Promise<void> {
  const shot = (step: string) => look(page, `${opts.label}-${step}`, opts.phone);
  await page.goto(`${baseUrl}/`);
  await hydrated(page);
  await shot('01-home');
  await page.getByRole('link', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByRole('link', { name: 'สมัครสมาชิก' }).click();
  await page.getByRole('heading', { name: 'สมัครสมาชิก' }).waitFor();
  await shot('02-sign-up');
  await page.getByLabel('ชื่อที่แสดง').fill('สมหญิง ใจดี');
  await page.getByLabel('อีเมล').fill(opts.email);
  await page.getByLabel('รหัสผ่าน').fill('สวนทุเรียน2569');
  await page.getByRole('button', { name: 'สมัครสมาชิก' }).click();
  await page.getByRole('link', { name: 'คำสั่งซื้อของฉัน' }).waitFor();
  await hydrated(page);

  await page.getByRole('link', { name: 'ผลไม้สด' }).click();
  await page.getByRole('heading', { name: 'ผลไม้สด' }).waitFor();
  await shot('03-listing');
  await page.getByRole('link', { name: 'ทุเรียนหมอนทอง จันทบุรี' }).click();
  await page.getByRole('heading', { name: 'ทุเรียนหมอนทอง จันทบุรี' }).waitFor();
  await expect.poll(() => page.locator('.big-price').textContent()).toBe('฿1,290.00');
  await shot('04-product');
  // A quantity out of range gets a message on the page, in Thai, not only the browser's bubble.
  await page.getByLabel('จำนวน', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'ใส่ตะกร้า' }).click();
  await page.locator('#quantity-error').getByText('ต้องไม่น้อยกว่า 1').waitFor();
  await page.getByLabel('จำนวน', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'ใส่ตะกร้า' }).click();
  await page.getByText('ใส่ตะกร้าแล้ว').waitFor();
  await page.getByRole('link', { name: 'ดูตะกร้า' }).click();
  await page.getByRole('heading', { name: 'ตะกร้าสินค้า' }).waitFor();
  // Durian 1,290 + the shop's flat shipping 50 baht.
  await expect.poll(() => page.locator('.totals .grand').last().textContent()).toBe('฿1,340.00');
  await shot('05-cart');
  await page.getByLabel('จำนวนของ ทุเรียนหมอนทอง จันทบุรี').fill('1000');
  await page.getByRole('button', { name: 'ปรับจำนวน' }).click();
  await page.getByRole('alert').getByText('ต้องไม่มากกว่า 999').waitFor();
  await expect.poll(() => page.locator('.totals .grand').last().textContent()).toBe('฿1,340.00');

  await page.getByRole('link', { name: 'ไปชำระเงิน' }).click();
  await page.getByRole('heading', { name: 'ชำระเงิน' }).waitFor();
  await hydrated(page);
  // Sent empty: every missing field says so at once, beside itself, in Thai.
  await page.getByRole('button', { name: 'ยืนยันการสั่งซื้อ' }).click();
  const missing = page.locator('form.checkout .field.has-error');
  await expect.poll(() => missing.count()).toBeGreaterThanOrEqual(6);
  await shot('06a-checkout-missing');
  const refused = await missing.locator('label').allInnerTexts();
  expect(refused).toEqual(expect.arrayContaining(['เบอร์โทรผู้รับ', 'บ้านเลขที่', 'จังหวัด']));
  for (const text of await missing.locator('.error').allInnerTexts()) expect(text).toContain('จำเป็นต้องกรอก');
  await page.getByLabel('ชื่อ-นามสกุลผู้รับ').fill('สมหญิง ใจดี');
  await page.getByLabel('เบอร์โทรผู้รับ').fill('081-234-5678');
  await page.getByLabel('บ้านเลขที่').fill('99/1');
  await page.getByLabel('หมู่ที่').fill('4');
  await page.getByLabel('ถนน').fill('ท่าแฉลบ');
  await page.getByLabel('จังหวัด', { exact: true }).selectOption({ label: 'จันทบุรี' });
  const district = page.getByLabel('อำเภอ / เขต');
  await expect.poll(() => district.isEnabled()).toBe(true);
  await district.selectOption({ label: 'เมืองจันทบุรี' });
  await page.getByLabel('ตำบล / แขวง').selectOption({ label: 'ตลาด' });
  // The postcode completes from the sub-district.
  await expect.poll(() => page.getByLabel('รหัสไปรษณีย์').inputValue()).toBe('22000');
  await shot('06-checkout');
  await page.getByRole('button', { name: 'ยืนยันการสั่งซื้อ' }).click();

  await page.getByRole('heading', { name: /ขอบคุณ/ }).waitFor();
  const confirmation = await page.locator('main').innerText();
  expect(confirmation).toMatch(/TLD-\d{8}/);
  expect(confirmation).toContain('ทุเรียนหมอนทอง จันทบุรี');
  expect(confirmation).toContain('ต.ตลาด อ.เมืองจันทบุรี');
  expect(confirmation).toContain('จ.จันทบุรี 22000');
  // The payment deadline is a Thai date in the Buddhist era (2569 for 2026), never a Gregorian year.
  const year = new Date().getFullYear();
  expect(confirmation).toContain(`${year + 543}`);
  expect(confirmation).not.toContain(`${year} `);
  await shot('07-confirmation');

  await page.getByRole('link', { name: 'คำสั่งซื้อของฉัน' }).first().click();
  await page.getByRole('heading', { name: 'คำสั่งซื้อของฉัน' }).waitFor();
  const orders = page.locator('.orders .order');
  await expect.poll(() => orders.count()).toBe(1);
  expect(await orders.first().innerText()).toMatch(
    /ทุเรียนหมอนทอง จันทบุรี × 1[\s\S]*รอชำระเงิน|รอชำระเงิน[\s\S]*ทุเรียนหมอนทอง จันทบุรี × 1/,
  );
  await shot('08-orders');
}
