// In a real browser at 360 px, in Thai: a shop with months of sales reads its credit profile,
// consents to a sandbox lender for credit assessment, applies, gets an instant offer explained by
// its score and reasons, accepts it (ticking the separate servicing consent, which is refused
// unticked), and sees the disbursement in its loan statement; a shop whose instalment is overdue
// reads the late notice on its loan.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  acceptOfferOf,
  applyFor,
  collectDue,
  giveConsent,
  sandboxLender,
  shopWithHistory,
} from '../../src/modules/finance/testing.ts';
import { drainOutbox } from '../db.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
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

async function phone(cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
  const session = cookie
    .split('; ')
    .find((c) => c.startsWith('talad_session='))
    ?.split('=')[1];
  if (session) await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
  return context;
}

describe('finance in the browser', () => {
  it('a seller consents, applies, gets an instant explained offer, accepts, and sees the disbursement', async () => {
    const lender = await sandboxLender(m.app, 'ธนาคารทดสอบ (sandbox)');
    const shop = await shopWithHistory(m.app);
    const context = await phone(shop.cookie);
    const page = await context.newPage();
    const base = `${m.baseUrl}/seller/${shop.sellerId}/finance`;

    await page.goto(base);
    await hydrated(page);
    await page.getByText(/^คะแนน \d+ \(ช่วง \d+–\d+\)$/).waitFor();
    await page.getByRole('heading', { name: 'สิ่งที่ช่วยเพิ่มคะแนน' }).waitFor();
    await expectAccessible(page, 'the credit profile');
    await expectNoSideways(page, 'the credit profile');
    await screenshot(page, 'finance-phone-01-profile');

    await page.goto(`${base}/consents`);
    await hydrated(page);
    const card = page.locator('section.finance-card', { hasText: 'ธนาคารทดสอบ (sandbox)' });
    await card.getByText('เก็บข้อมูลไว้ไม่เกิน 365 วัน').waitFor();
    await card.getByRole('button', { name: 'ให้ความยินยอม' }).click();
    await card.getByRole('button', { name: 'ถอนความยินยอม' }).waitFor();
    await expectNoSideways(page, 'the consents page');

    await page.goto(`${base}/apply`);
    await hydrated(page);
    await page.getByLabel('ผลิตภัณฑ์สินเชื่อ').selectOption(lender.revenueProductId);
    await page.getByLabel('วงเงิน (บาท)').fill('10,000');
    await page.getByLabel('ระยะเวลา (เดือน)').fill('6');
    await page.getByLabel('ใช้เงินเพื่อ').fill('ซื้อเมล็ดกาแฟฤดูใหม่');
    const started = Date.now();
    await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
    await page.getByRole('heading', { name: 'ได้รับข้อเสนอสินเชื่อ' }).waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
    await page.getByText(/^คะแนน \d+ \(ช่วง/).waitFor();
    await page.getByRole('heading', { name: 'เหตุผลหลัก (เรียงตามคะแนนที่เสีย)' }).waitFor();
    expect(await page.locator('ol.finance-reasons > li').count()).toBeLessThanOrEqual(4);
    await page.getByText('(sandbox) ผู้ให้กู้ทดลอง ไม่มีเงินจริง').first().waitFor();
    await expectAccessible(page, 'the explained offer');
    await expectNoSideways(page, 'the explained offer');
    await screenshot(page, 'finance-phone-02-offer');

    // Unticked, the separate servicing consent is asked for; ticked, the offer is accepted.
    await page.getByRole('button', { name: 'รับข้อเสนอ' }).click();
    await page.getByText('ต้องยินยอมให้ส่งข้อมูลการชำระคืนให้ผู้ให้กู้ก่อนรับข้อเสนอ').waitFor();
    await page.getByLabel(/ข้าพเจ้ายินยอมให้ส่งข้อมูลยอดขายรายเดือน/).check();
    await page.getByRole('button', { name: 'รับข้อเสนอ' }).click();
    await page.getByText('รับข้อเสนอแล้ว เงินเข้ายอดคงเหลือของร้านแล้ว').waitFor();

    await page.getByRole('link', { name: 'สินเชื่อของฉัน' }).last().click();
    await page.getByRole('heading', { name: 'สินเชื่อของฉัน', level: 1 }).waitFor();
    const statement = page.locator('ul.finance-list li', { hasText: 'รับเงินกู้เข้ายอดคงเหลือของร้าน' });
    await statement.waitFor();
    // 10,000 baht less the 1% fee and the TCG guarantee fee (1.75% a year for 6 months): 9,812.50.
    expect(await statement.textContent()).toMatch(/9,812\.50/);
    await expectAccessible(page, 'the loan statement');
    await expectNoSideways(page, 'the loan statement');
    await screenshot(page, 'finance-phone-03-loan');
    await context.close();
  });

  it('a shop whose instalment is overdue reads the late notice, in Thai with the Buddhist-era date, at 360 px', async () => {
    const lender = await sandboxLender(m.app);
    const shop = await shopWithHistory(m.app);
    expect((await giveConsent(m.app, shop, lender.lenderId)).statusCode).toBe(201);
    const decision = (
      await applyFor(m.app, shop, { productId: lender.instalmentProductId, amount: 600_000, tenorMonths: 3 })
    ).json();
    expect(decision.outcome).toBe('offer');
    expect((await acceptOfferOf(m.app, shop, decision.id)).statusCode).toBe(201);
    // The balance is paid out (a balanced payout written here), and the first instalment is 10 days overdue.
    const key = `e2e-payout-${decision.id}`;
    await m.app.db.execute(
      sql`insert into ledger_transactions (id, kind, source_key, currency, seller_id) values (gen_random_uuid(), 'payout', ${key}, 'THB', ${shop.sellerId}::uuid)`,
    );
    await m.app.db.execute(sql`
      with b as (select -sum(amount) as left from ledger_entries where account = 'seller_payable' and seller_id = ${shop.sellerId}::uuid)
      insert into ledger_entries (transaction_id, account, seller_id, currency, amount)
      select t.id, 'seller_payable'::ledger_account, t.seller_id, 'THB', b.left from ledger_transactions t, b where t.source_key = ${key}
      union all select t.id, 'payouts_in_transit'::ledger_account, t.seller_id, 'THB', -b.left from ledger_transactions t, b where t.source_key = ${key}`);
    await m.app.db.execute(
      sql`update finance_instalments set due_on = (now() - interval '10 days')::date where seller_id = ${shop.sellerId}::uuid and n = 1`,
    );
    await collectDue(m.app.db, { lateFeeSatang: 10_000, graceDays: 5 });
    await drainOutbox(m.app);

    const context = await phone(shop.cookie);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/seller/${shop.sellerId}/finance/loans`);
    await hydrated(page);
    await page.getByText('ค้างชำระ', { exact: true }).first().waitFor();
    const notice = page.locator('.finance-notice');
    await notice.waitFor();
    expect(await notice.count()).toBe(1);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('งวดที่ 1');
    expect(text).toContain('คิดค่าปรับ 100 บาท ยอดค้าง 6,310 บาท');
    expect(text).toMatch(/25\d\d/);
    await expectAccessible(page, 'the late notice');
    await expectNoSideways(page, 'the late notice');
    await screenshot(page, 'finance-phone-04-late');
    await context.close();
  });
});
