// Each language's pages in that language's script, as the server renders them along a buyer's
// journey: a Chinese buyer from the product page to her paid cross-border order, a Thai and an
// English buyer through the domestic checkout. Only names that are data (shops, products, what a
// buyer typed) may be in another script. Also the stale and misleading bits a newcomer met there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarketApp, type MarketApp } from '../../test/e2e/market-app.ts';
import { addToCart, checkout, thaiAddress } from '../../test/shop.ts';
import { foreignRuns, readableText } from '../../test/scripts.ts';
import { operatorSession, signUp } from '../modules/identity/testing.ts';
import { adjustHubStock, HUB_LOCATIONS } from '../modules/inventory/index.ts';
import { buyerIdentity, cnCheckout, payAsBuyer, residentId } from '../modules/crossborder/testing.ts';
import { paySandboxQr } from '../modules/payments/testing.ts';
import { systemActor } from '../platform/actor.ts';
import { newId } from '../platform/ids.ts';
import type { Locale } from '../platform/i18n.ts';
import { PROVINCES } from '../platform/provinces.ts';

let m: MarketApp;
/** Names that are data, in every language the API gives them in. */
const names: string[] = [];
const prefix = (l: Locale) => (l === 'th' ? '' : `/${l}`);

beforeAll(async () => {
  m = await startMarketApp({ listen: false });
  const coop = m.market.rice.seller;
  const terms = await m.app.inject({
    method: 'PUT',
    url: `/api/sellers/${coop.sellerId}/products/${m.market.rice.productId}/cross-border`,
    headers: { cookie: coop.cookie },
    payload: {
      eligible: true,
      vatBp: 900,
      consumptionTaxBp: 0,
      hsCode: '1006302000',
      customsNameZh: '泰国茉莉香米',
      customsUnit: '011',
      packagingGrams: 100,
      yearlyQuantityCap: null,
    },
  });
  expect(terms.statusCode, terms.body).toBe(200);
  await m.app.db.transaction((tx) =>
    adjustHubStock(tx, systemActor('test'), {
      locationId: HUB_LOCATIONS.eecBonded.id,
      sellerId: coop.sellerId,
      variantId: m.market.rice.variantIds[0],
      delta: 40,
      reason: 'inbound',
    }),
  );
  // The demo's rate comes with the operator's own English note; buyers must never see it.
  const operator = await operatorSession(m.app);
  const rate = await m.app.inject({
    method: 'POST',
    url: '/api/operator/fx-rates',
    headers: { cookie: operator.cookie },
    payload: { base: 'THB', quote: 'CNY', rate: '0.2050', source: 'operator (demo): Bank of Thailand reference rate' },
  });
  expect(rate.statusCode, rate.body).toBe(201);
  for (const id of [m.market.rice.productId, m.market.durian.productId])
    for (const lang of ['th', 'zh', 'en']) {
      const p = (await m.app.inject({ url: `/api/products/${id}`, headers: { 'accept-language': lang } })).json();
      names.push(p.title, p.shop.shopName, ...p.variants.flatMap((v: { optionValues: string[] }) => v.optionValues));
    }
});
afterAll(async () => {
  await m?.close();
});

async function page(url: string, cookie = '') {
  const res = await m.app.inject({ url, headers: cookie ? { cookie } : {} });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.body;
}
async function expectInScript(locale: Locale, url: string, cookie = '', data: string[] = []) {
  const html = await page(url, cookie);
  // An address is written as the courier reads it (a Thai one in Thai, one in China in Chinese): data the buyer typed.
  const addressesOut = html.replace(/<address[\s\S]*?<\/address>/g, ' ');
  expect(foreignRuns(readableText(addressesOut), locale, [...names, ...data]).join(' | '), url).toBe('');
  return html;
}

describe('each language in its own script, along a buyer journey', () => {
  it('shows a Chinese buyer no Thai from the product page to her paid cross-border order, and the yuan she paid', async () => {
    const buyer = await signUp(m.app, { displayName: '王小明', locale: 'zh' });
    const { cookie } = await addToCart(m.app, m.market.rice.variantIds[0], 2, buyer.cookie);
    const id = buyerIdentity();
    const typed = [String(id.name), String(id.addressDetail), '王小明'];
    for (const url of ['/zh', '/zh/products', `/zh/p/${m.market.rice.productId}`, '/zh/cart', '/zh/cn/checkout'])
      await expectInScript('zh', url, cookie);
    const placed = (await cnCheckout(m.app, cookie, id)).json();
    const order = await expectInScript('zh', `/zh/orders/${placed.orderId}`, cookie, typed);
    expect(readableText(order)).not.toContain('Bank of Thailand');
    expect(readableText(order)).toContain('汇率 1 THB = 0.205 CNY（运营方设定');
    expect(readableText(order)).not.toMatch(/CEB\d{3}/);
    await expectInScript('zh', `/zh/pay/${placed.orderGroupId}`, cookie, typed);
    const intent = await m.app.inject({
      method: 'POST',
      url: `/api/order-groups/${placed.orderGroupId}/payment-intents`,
      headers: { cookie, 'idempotency-key': newId(), 'accept-language': 'zh' },
      payload: { method: 'alipay' },
    });
    const wallet = intent.json().redirectUrl as string;
    expect(wallet).toMatch(/^\/zh\/sandbox\/alipay\//);
    await expectInScript('zh', wallet, cookie);
    const paid = await m.app.inject({
      method: 'POST',
      url: `/api/sandbox-gateway/alipay/payments/${wallet.split('/').pop()}/confirm`,
      payload: { payer: { name: id.name, idNumber: id.idNumber } },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const after = await expectInScript('zh', `/zh/pay/${placed.orderGroupId}`, cookie, typed);
    expect(after).toContain('已收到付款，谢谢');

    // The list and the order show the landed total in yuan with its tax, as paid: never "合计 THB ...".
    const total = (
      await m.app.inject({ url: `/api/crossborder/orders/${placed.orderId}`, headers: { cookie } })
    ).json();
    const yuan = (fen: number) =>
      new Intl.NumberFormat('zh-Hans-CN', { style: 'currency', currency: 'CNY' }).format(fen / 100);
    const list = await expectInScript('zh', '/zh/orders', cookie, typed);
    expect(list).toContain(yuan(total.totalFen));
    expect(list).toContain(`含跨境电商综合税 ${yuan(total.taxFen)}`);
    expect(list).not.toMatch(/合计: <!-- -->THB|合计: THB/);
    const detail = await expectInScript('zh', `/zh/orders/${placed.orderId}`, cookie, typed);
    expect(detail).toContain(yuan(total.totalFen));
    expect(detail).toContain(yuan(total.taxFen));
    expect(detail).toContain(total.buyer.idMasked);
    expect(detail).toContain('中国标准时间');
    // Paid: no "please pay by" left on the page.
    expect(detail).not.toContain('前付款');
    // The consignee's address in words; its GB/T 2260 code is for customs only.
    expect(readableText(detail)).not.toMatch(new RegExp(`(?<![\\d*])${id.districtCode}(?![\\d*])`));
    expect(readableText(detail)).toContain('正在准备向海关申报');
    // The old cross-border order link leads to the one order page.
    const old = await m.app.inject({ url: `/zh/cn/orders/${placed.orderId}`, headers: { cookie } });
    expect(old.statusCode).toBe(302);
    expect(old.headers.location).toBe(`/zh/orders/${placed.orderId}`);
  });

  for (const locale of ['th', 'en'] as const)
    it(`keeps the ${locale} journey free of ${locale === 'th' ? 'Chinese' : 'Thai and Chinese'} through the domestic checkout and payment`, async () => {
      const buyer = await signUp(m.app, { locale, displayName: locale === 'th' ? 'สมหญิง ทดสอบ' : 'Alex Tester' });
      const { cookie } = await addToCart(m.app, m.market.durian.variantIds[0], 1, buyer.cookie);
      const p = prefix(locale);
      const typed = locale === 'en' ? Object.values(thaiAddress) : [];
      for (const url of [p || '/', `${p}/products`, `${p}/p/${m.market.durian.productId}`, `${p}/cart`])
        await expectInScript(locale, url, cookie);
      // A Thai address is entered in Thai (the courier reads it): the province list names each in Thai too.
      await expectInScript(
        locale,
        `${p}/checkout`,
        cookie,
        PROVINCES.map((province) => province.th),
      );
      const placed = await checkout(m.app, cookie, newId());
      expect(placed.statusCode, placed.body).toBe(201);
      const { orderGroupId: groupId, orders } = placed.json();
      // A Thai address is written in Thai on every page: what the courier reads (data the buyer typed).
      await expectInScript(locale, `${p}/checkout/done/${groupId}`, cookie, typed);
      await expectInScript(locale, `${p}/pay/${groupId}`, cookie, typed);
      const qr = await m.app.inject({
        method: 'POST',
        url: `/api/order-groups/${groupId}/payment-intents`,
        headers: { cookie, 'idempotency-key': newId() },
        payload: { method: 'promptpay' },
      });
      await paySandboxQr(m.app, qr.json());
      await expectInScript(locale, `${p}/orders`, cookie, typed);
      await expectInScript(locale, `${p}/orders/${orders[0].id}`, cookie, typed);
      // After payment the thank-you page no longer asks to pay by a time that has lost its meaning.
      const done = await page(`${p}/checkout/done/${groupId}`, cookie);
      expect(done).not.toContain(locale === 'th' ? 'กรุณาชำระเงินภายใน' : 'Please pay by');
    });

  it('tells a Chinese buyer in Chinese when the payer was someone else and the money went back', async () => {
    const buyer = await signUp(m.app, { displayName: '李雷', locale: 'zh' });
    const { cookie } = await addToCart(m.app, m.market.rice.variantIds[0], 1, buyer.cookie);
    const id = buyerIdentity({ name: '李雷', idNumber: residentId('11010119900101123') });
    const placed = (await cnCheckout(m.app, cookie, id)).json();
    await payAsBuyer(m.app, cookie, placed.orderGroupId, { name: '韩梅梅', idNumber: residentId('32010219800505004') });
    const html = await expectInScript('zh', `/zh/pay/${placed.orderGroupId}`, cookie, ['李雷']);
    expect(readableText(html)).toContain('付款人与订购人不一致，款项已退回');
    expect(readableText(html)).not.toContain('已收到付款');
  });

  it('shows each language the mobile number format of its readers under the sign-up field', async () => {
    const zh = readableText(await page('/zh/signup'));
    expect(zh).toContain('138 0013 8000');
    expect(zh).not.toContain('081-234-5678');
    expect(readableText(await page('/signup'))).toContain('081-234-5678');
    expect(readableText(await page('/en/signup'))).toMatch(/081-234-5678.*\+86 138 0013 8000/);
  });
});
