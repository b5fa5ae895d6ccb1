// In a real browser at 360 px: a cooperative uploads a certificate (a malformed number is refused
// first, in Thai), an operator verifies it, the "verified by Talad" badge and the search facet
// appear, and the mark expires and leaves both. Then a Chinese buyer scans a lot's QR code — read
// back from the label sheet as the browser rendered it — and reads its trace page in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import jsQRModule from 'jsqr';
import sharp from 'sharp';
import { drainOutbox } from '../db.ts';
import { signIn } from '../../src/modules/identity/testing.ts';
import { PDF, fdaNumber, standardsModule, sweepCertificates } from '../../src/modules/standards/testing.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

// jsqr is CommonJS typed as an ES default export: under NodeNext the default import is the module.
const jsQR = ((jsQRModule as any).default ?? jsQRModule) as typeof jsQRModule.default;
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

async function phone(cookie: string | null, locale = 'th-TH'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true });
  const session = cookie
    ?.split('; ')
    .find((c) => c.startsWith('talad_session='))
    ?.split('=')[1];
  if (session) await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
  return context;
}
const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('product standards in the browser', () => {
  it('a seller uploads a certificate, an operator verifies it, the badge and facet appear, and the mark expires', async () => {
    const coop = m.market.rice.seller;
    const seller = await phone(coop.cookie);
    const page = await seller.newPage();
    await page.goto(`${m.baseUrl}/seller/${coop.sellerId}/standards`);
    await hydrated(page);
    await page.getByLabel('ประเภท').selectOption('fda');
    await page.getByLabel('สินค้า', { exact: true }).selectOption(m.market.rice.productId);
    await page.getByLabel('เลขที่').fill('45-1-2345');
    await page.getByLabel('วันออก').fill(day(-30));
    await page.getByLabel('วันหมดอายุ').fill(day(20));
    await page
      .getByLabel('เอกสาร (PDF หรือรูปภาพ)')
      .setInputFiles({ name: 'fda.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'ส่งตรวจ' }).click();
    await page.getByText('ต้องเป็นเลข 13 หลัก รูปแบบ XX-X-XXXXX-X-XXXX').waitFor();
    await screenshot(page, 'standards-phone-01-malformed-number');
    await expectAccessible(page, 'the seller’s certificates page with a refused number');
    await expectNoSideways(page, 'the seller’s certificates page');
    const number = fdaNumber().replace(/^67/, '45');
    await page.getByLabel('เลขที่').fill(number);
    await page.getByRole('button', { name: 'ส่งตรวจ' }).click();
    await page.getByText('ส่งใบรับรองแล้ว รอเจ้าหน้าที่ตรวจสอบ').waitFor();
    await page.locator('.cert-list li', { hasText: number }).getByText('รอตรวจสอบ').waitFor();

    // The operator checks it against its document, and verifies it.
    const operator = await phone(await signIn(m.app, m.market.operator.email, m.market.operator.password));
    const ops = await operator.newPage();
    await ops.goto(`${m.baseUrl}/ops/standards`);
    await hydrated(ops);
    const item = ops.locator('.cert-list li', { hasText: number }).first();
    await item.getByText('(sandbox)').waitFor();
    await expectAccessible(ops, 'the operator’s certificate review');
    await item.getByRole('button', { name: 'ผ่าน', exact: true }).click();
    await ops.locator('.cert-list li', { hasText: number }).getByText('ตรวจสอบแล้ว').waitFor();
    await screenshot(ops, 'standards-phone-02-operator-verified');
    await drainOutbox(m.app);

    // A buyer sees the badge, explained on tap, and the facet in search.
    const buyer = await phone(null);
    const product = await buyer.newPage();
    await product.goto(`${m.baseUrl}/p/${m.market.rice.productId}`);
    await hydrated(product);
    const badge = product.locator('.mark-badge.mark-fda');
    await badge.locator('summary').click();
    await badge.getByText(`เลขที่ ${number}`).waitFor();
    await badge.getByText('ตาลาดตรวจรูปแบบเลข').waitFor();
    // Pinned open by the click: the pointer moving away does not close it.
    await product.mouse.move(1, 1);
    expect(await badge.getAttribute('open')).not.toBeNull();
    expect(await badge.locator('summary').innerText()).toContain('ตรวจสอบโดยตาลาด');
    await screenshot(product, 'standards-phone-03-badge-explained');
    await expectAccessible(product, 'the product page with its verified badge');
    await expectNoSideways(product, 'the product page with its verified badge');
    const search = await buyer.newPage();
    await search.goto(`${m.baseUrl}/search?q=${encodeURIComponent('ข้าว')}`);
    const facet = search.locator('.facets section', { hasText: 'มาตรฐานและตรารับรอง' });
    await facet.getByText('เลขสารบบอาหาร (อย.)').waitFor();
    await expectAccessible(search, 'search with the marks facet');

    // The mark passes its expiry date: the daily job expires it; badge and facet go.
    await sweepCertificates(m.app.db, m.app.platform.runtime(standardsModule), new Date(Date.now() + 21 * 86_400_000));
    await drainOutbox(m.app);
    // (Anonymous visitors share a render for 3 seconds: reload until it is a new one.)
    const goneAfterReload = async (p: typeof product, count: () => Promise<number>) =>
      expect
        .poll(
          async () => {
            await p.reload();
            return count();
          },
          { timeout: 15_000, interval: 1_000 },
        )
        .toBe(0);
    await goneAfterReload(product, () => product.locator('.mark-badge').count());
    await goneAfterReload(search, () => search.locator('.facets').getByText('เลขสารบบอาหาร (อย.)').count());
    await page.reload();
    await hydrated(page);
    await page.locator('.cert-list li', { hasText: number }).getByText('หมดอายุ', { exact: true }).waitFor();
    await page.getByText(`ใบรับรองเลข ${number} หมดอายุแล้ว`).waitFor();
    await screenshot(page, 'standards-phone-04-expired');
    for (const c of [seller, operator, buyer]) await c.close();
  });

  it('a Chinese buyer scans a lot’s QR code from its rendered label and reads the trace page in Chinese at 360 px', async () => {
    const coop = m.market.rice.seller;
    const made = await m.app.inject({
      method: 'POST',
      url: `/api/sellers/${coop.sellerId}/lots`,
      headers: { cookie: coop.cookie },
      payload: {
        productId: m.market.rice.productId,
        lotNumber: 'TKR-E2E-01',
        producerName: 'สมาชิกสหกรณ์ แปลงที่ 3',
        plot: 'นาแปลงที่ 3',
        areaCode: '450209',
        harvestedOn: day(-40),
        processedOn: day(-15),
        processingNote: 'สีที่โรงสีสหกรณ์',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const lot = made.json();

    // The seller's printable sheet, rendered by the browser: read its first label's QR code back.
    const seller = await phone(coop.cookie);
    const sheet = await seller.newPage();
    await sheet.goto(`${m.baseUrl}/seller/${coop.sellerId}/lots/${lot.id}/labels`);
    await hydrated(sheet);
    await expectAccessible(sheet, 'the QR label sheet');
    const png = await sheet.locator('.qr-label .qr').first().screenshot();
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const scanned = jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
    expect(scanned).toBe(lot.traceUrl);

    // A phone in Chinese opens it (the site's address replaced by this test server's).
    const buyer = await phone(null, 'zh-CN');
    const page = await buyer.newPage();
    await page.goto(`${m.baseUrl}${new URL(scanned!).pathname}`);
    expect(new URL(page.url()).pathname).toBe(`/zh/trace/${lot.traceCode}`);
    await page.getByRole('heading', { name: '产品溯源 批次 TKR-E2E-01' }).waitFor();
    await page.getByText('种植与收获').waitFor();
    await page.getByText('通库拉茉莉香米合作社').first().waitFor();
    await page.getByText('本页面不含任何买家信息').waitFor();
    const img = page.locator('.trace-map img');
    expect(await img.getAttribute('alt')).toContain('产地: 黎逸');
    expect(await img.evaluate((el: any) => el.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, 'standards-phone-05-trace-zh');
    await expectAccessible(page, 'the trace page in Chinese');
    await expectNoSideways(page, 'the trace page in Chinese');
    await seller.close();
    await buyer.close();
  });
});
