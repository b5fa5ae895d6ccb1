// Every refusal of a cross-border checkout, and the rules that keep domestic and bonded stock apart.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { queryRows } from '../../platform/db.ts';
import { yearlyUsage } from './checkout.ts';
import { identityHash } from '../../platform/personal-data.ts';
import { newId } from '../../platform/ids.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { bondedProduct, buyerIdentity, cnCheckout, freshRate, payAsBuyer, residentId } from './testing.ts';

const t = useTestApp();

async function cartWith(variantId: string, quantity = 1) {
  const buyer = await signedInUser(t.app.db);
  const { cookie } = await addToCart(t.app, variantId, quantity, buyer.cookie);
  return cookie;
}

describe('cross-border checkout refusals', () => {
  it('refuses while the THB->CNY rate is older than the configured age, then sells once an operator updates it', async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    const cookie = await cartWith(rice.variantId);
    await freshRate(t.app.db, '0.2010', new Date(Date.now() - 80 * 3600_000)); // 80 h old, limit 72 h
    const stale = await cnCheckout(t.app, cookie, buyerIdentity(), 'k1');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'fx_rate_stale' });
    const zh = await t.app.inject({
      url: '/api/crossborder/cart-quote',
      headers: { cookie, 'accept-language': 'zh-CN' },
    });
    expect(zh.json().detail).toContain('汇率');
    await freshRate(t.app.db, '0.2000');
    expect((await cnCheckout(t.app, cookie, buyerIdentity(), 'k2')).statusCode).toBe(201);
  });

  it('refuses an ID number with a wrong check character, a non-mainland phone and an unknown district, field by field', async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    const cookie = await cartWith(rice.variantId);
    const good = residentId();
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const res = await cnCheckout(
      t.app,
      cookie,
      buyerIdentity({ idNumber: bad, phone: '0812345678', districtCode: '440100' }),
    );
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors.map((e: any) => `${e.field}:${e.code}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        'identity.idNumber:bad_check_char',
        'identity.phone:not_china_mobile',
        'address.districtCode:unknown_district',
      ]),
    );
    expect(res.body).not.toContain(bad);
  });

  it('sells cross-border only what is held in bond, and never sells bonded stock at home', async () => {
    const shop = await shopWithOwner(t.app.db);
    const bondedOnly = await bondedProduct(t.app.db, shop.sellerId, { stock: 5, domesticStock: 0 });
    // Shown to domestic buyers as not available; still goes into a cart (for China).
    const avail = (await t.app.inject({ url: `/api/availability?variantIds=${bondedOnly.variantId}` })).json();
    expect(avail.items[0].available).toBe(0);
    const domestic = await checkout(t.app, await cartWith(bondedOnly.variantId), newId());
    expect(domestic.statusCode).toBe(409);
    expect(domestic.json().code).toBe('out_of_stock');

    const homeOnly = await bondedProduct(t.app.db, shop.sellerId, { stock: 0, domesticStock: 5 });
    const abroad = await cnCheckout(t.app, await cartWith(homeOnly.variantId), buyerIdentity());
    expect(abroad.statusCode).toBe(409);
    expect(abroad.json().code).toBe('out_of_stock_bonded');

    const notEligible = await bondedProduct(t.app.db, shop.sellerId, { eligible: false });
    const refused = await cnCheckout(t.app, await cartWith(notEligible.variantId), buyerIdentity());
    expect(refused.json().code).toBe('cbec_not_eligible');
  });

  it('offers no cross-border purchase of a product with no bonded stock: the quote refuses it, in Chinese', async () => {
    const shop = await shopWithOwner(t.app.db);
    await freshRate(t.app.db);
    const homeOnly = await bondedProduct(t.app.db, shop.sellerId, { stock: 0, domesticStock: 5 });
    const landed = (await t.app.inject({ url: `/api/crossborder/landed?variantIds=${homeOnly.variantId}` })).json();
    expect(landed.items[0]).toMatchObject({ eligible: true, bondedAvailable: 0 });
    const cookie = await cartWith(homeOnly.variantId);
    const quote = await t.app.inject({
      url: '/api/crossborder/cart-quote',
      headers: { cookie, 'accept-language': 'zh' },
    });
    expect(quote.statusCode).toBe(409);
    expect(quote.json()).toMatchObject({
      code: 'out_of_stock_bonded',
      detail: '部分商品在保税仓的跨境库存已售罄或不足',
    });
    expect(quote.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses the cross-border checkout of a product with no bonded stock in Thai and English, writing nothing', async () => {
    const shop = await shopWithOwner(t.app.db);
    await freshRate(t.app.db);
    const homeOnly = await bondedProduct(t.app.db, shop.sellerId, { stock: 0, domesticStock: 5 });
    const cookie = await cartWith(homeOnly.variantId);
    const orderCount = async () =>
      (await queryRows<{ n: number }>(t.app.db, sql`select count(*)::int as n from cbec_orders`))[0].n;
    const before = await orderCount();
    const details: Record<string, string> = {
      th: 'สินค้าบางรายการในคลังทัณฑ์บนสำหรับส่งไปจีนหมดหรือมีไม่พอ',
      en: 'Some items are sold out, or not in that quantity, in the bonded hub stock that sells to China',
      zh: '部分商品在保税仓的跨境库存已售罄或不足',
    };
    for (const [lang, detail] of Object.entries(details)) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/crossborder/checkout',
        headers: { cookie, 'idempotency-key': newId(), 'accept-language': lang },
        payload: buyerIdentity(),
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'out_of_stock_bonded', detail });
    }
    expect(await orderCount()).toBe(before);
    // At home it still sells from the shop's own stock.
    expect((await checkout(t.app, cookie, newId())).statusCode).toBe(201);
  });

  it('refuses an order over 5,000 CNY, explaining the single indivisible item case', async () => {
    const shop = await shopWithOwner(t.app.db);
    const big = await bondedProduct(t.app.db, shop.sellerId, { priceSatang: 2_600_000 }); // 5,200 CNY
    const single = await cnCheckout(t.app, await cartWith(big.variantId, 1), buyerIdentity());
    expect(single.statusCode).toBe(422);
    expect(single.json().code).toBe('cbec_single_item_over_limit');
    const half = await bondedProduct(t.app.db, shop.sellerId, { priceSatang: 1_300_000 }); // 2 x 2,600 CNY
    const two = await cnCheckout(t.app, await cartWith(half.variantId, 2), buyerIdentity());
    expect(two.json()).toMatchObject({ code: 'cbec_order_limit' });
    expect(two.json().detail).toContain('5000.00');
  });

  it("counts one person's year across accounts: two concurrent checkouts cannot together pass 26,000 CNY", async () => {
    const shop = await shopWithOwner(t.app.db);
    const durian = await bondedProduct(t.app.db, shop.sellerId, { priceSatang: 2_200_000, stock: 100 }); // landed 4,732.48 CNY
    const person = buyerIdentity({ idNumber: residentId('11010519851111001') });
    for (let i = 0; i < 4; i++)
      expect((await cnCheckout(t.app, await cartWith(durian.variantId), person)).statusCode).toBe(201); // 18,929.92
    const [a, b] = [await cartWith(durian.variantId), await cartWith(durian.variantId)];
    const both = await Promise.all([cnCheckout(t.app, a, person), cnCheckout(t.app, b, person)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const refused = both.find((r) => r.statusCode === 422)!.json();
    expect(refused.code).toBe('cbec_yearly_limit');
    const [used] = await queryRows<{ n: number; fen: number }>(
      t.app.db,
      sql`select count(*)::int as n, sum(total_fen)::int as fen from cbec_orders where status <> 'cancelled' and buyer_name = '王小明' and year = extract(year from now())::int and id_masked like '110105%'`,
    );
    expect(used.n).toBe(5);
    expect(used.fen).toBeLessThanOrEqual(2_600_000);
    // Someone else is not held back by this person's year.
    expect(
      (
        await cnCheckout(
          t.app,
          await cartWith(durian.variantId),
          buyerIdentity({ idNumber: residentId('11010519851111002') }),
        )
      ).statusCode,
    ).toBe(201);
  });

  it('caps the yearly quantity where the positive list sets one', async () => {
    const shop = await shopWithOwner(t.app.db);
    const capped = await bondedProduct(t.app.db, shop.sellerId, { yearlyQuantityCap: 2 });
    const person = buyerIdentity({ idNumber: residentId('31010119700101003') });
    expect((await cnCheckout(t.app, await cartWith(capped.variantId, 2), person)).statusCode).toBe(201);
    const over = await cnCheckout(t.app, await cartWith(capped.variantId, 1), person);
    expect(over.json()).toMatchObject({ code: 'cbec_quantity_cap' });
  });

  it('refuses a payment from someone other than the buyer at confirmation, and sends the money back', async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    const cookie = await cartWith(rice.variantId);
    const res = await cnCheckout(t.app, cookie, buyerIdentity());
    const placed = res.json();
    await payAsBuyer(t.app, cookie, placed.orderGroupId, { name: '李四', idNumber: residentId('32010219800505004') });
    const order = (await t.app.inject({ url: `/api/orders/${placed.orderId}`, headers: { cookie } })).json();
    expect(order.status).toBe('pending_payment');
    const [refund] = await queryRows<{ reason: string; provider_amount: number }>(
      t.app.db,
      sql`select reason, provider_amount::int from refunds r join payment_intents i on i.id = r.intent_id where i.group_id = ${placed.orderGroupId}::uuid`,
    );
    expect(refund).toEqual({ reason: 'payer_mismatch', provider_amount: placed.totalFen });
    const intents = (
      await t.app.inject({ url: `/api/order-groups/${placed.orderGroupId}/payment-intents`, headers: { cookie } })
    ).json();
    expect(intents.map((i: any) => i.failureCode)).toContain('payer_mismatch');
    // The buyer herself can still pay.
    await payAsBuyer(t.app, cookie, placed.orderGroupId, buyerIdentity());
    expect((await t.app.inject({ url: `/api/orders/${placed.orderId}`, headers: { cookie } })).json().status).toBe(
      'paid',
    );
  });

  it('answers a retried checkout with its first answer, and gives a refund back to the yearly limit', async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    const cookie = await cartWith(rice.variantId);
    const person = buyerIdentity({ idNumber: residentId('51010719920202005') });
    const first = await cnCheckout(t.app, cookie, person, 'same-key');
    const retry = await cnCheckout(t.app, cookie, person, 'same-key');
    expect(retry.statusCode).toBe(201);
    expect(retry.json().orderId).toBe(first.json().orderId);
    const placed = first.json();
    await payAsBuyer(t.app, cookie, placed.orderGroupId, person);
    const hash = identityHash(t.config.identityHashKey, person.idNumber);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect((await yearlyUsage(t.app.db, hash, year)).usedFen).toBe(placed.totalFen);
    const order = (await t.app.inject({ url: `/api/orders/${placed.orderId}`, headers: { cookie } })).json();
    const refund = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${placed.orderId}/refunds`,
      headers: { cookie: shop.cookie, 'idempotency-key': 'r1' },
      payload: { amount: order.totalSatang, reason: 'damaged in transit' },
    });
    expect(refund.statusCode, refund.body).toBe(201);
    await drainOutbox(t.app, 10);
    expect((await yearlyUsage(t.app.db, hash, year)).usedFen).toBe(0);
  });

  it("lists a buyer's own cross-border orders with their landed CNY totals and tax, to that buyer only", async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    await freshRate(t.app.db, '0.2050');
    const buyer = await signedInUser(t.app.db);
    const { cookie } = await addToCart(t.app, rice.variantId, 2, buyer.cookie);
    const placed = (await cnCheckout(t.app, cookie, buyerIdentity())).json();
    const mine = await t.app.inject({ url: '/api/crossborder/orders', headers: { cookie } });
    expect(mine.statusCode, mine.body).toBe(200);
    const [item] = mine.json().items;
    expect(item).toMatchObject({ orderId: placed.orderId, currency: 'CNY', totalFen: placed.totalFen });
    expect(item.taxFen).toBeGreaterThan(0);
    expect(item.goodsFen + item.freightFen + item.taxFen).toBe(item.totalFen);
    const byIds = await t.app.inject({
      url: `/api/crossborder/orders?orderIds=${placed.orderId}&orderIds=${newId()}`,
      headers: { cookie },
    });
    expect(byIds.json().items.map((i: { orderId: string }) => i.orderId)).toEqual([placed.orderId]);
    // Another buyer asking for the same id gets nothing; a guest gets nothing.
    const other = await signedInUser(t.app.db);
    const theirs = await t.app.inject({
      url: `/api/crossborder/orders?orderIds=${placed.orderId}`,
      headers: { cookie: other.cookie },
    });
    expect(theirs.json().items).toEqual([]);
    expect((await t.app.inject({ url: '/api/crossborder/orders' })).json().items).toEqual([]);
  });

  it("lets a shop set its own products' terms only", async () => {
    const shop = await shopWithOwner(t.app.db);
    const other = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    const terms = {
      eligible: true,
      vatBp: 1300,
      consumptionTaxBp: 0,
      hsCode: '1006309000',
      customsNameZh: '大米',
      customsUnit: '035',
      packagingGrams: 100,
      yearlyQuantityCap: null,
    };
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/products/${rice.productId}/cross-border`,
      headers: { cookie: shop.cookie },
      payload: terms,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ vatBp: 1300, customsUnit: '035' });
    const theirs = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/products/${rice.productId}/cross-border`,
      headers: { cookie: other.cookie },
      payload: terms,
    });
    expect(theirs.statusCode).toBe(403);
    const mismatch = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${other.sellerId}/products/${rice.productId}/cross-border`,
      headers: { cookie: other.cookie },
      payload: terms,
    });
    expect(mismatch.statusCode).toBe(404);
  });
});
