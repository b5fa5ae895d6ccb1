import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { systemActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { markGroupPaid, transitionOrder } from '../orders/index.ts';

const t = useTestApp();
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const inDay = () => new Date(Date.now() + 86_400_000).toISOString();

const send = (method: 'POST' | 'PUT' | 'GET', url: string, cookie: string, payload?: object, lang = 'th') =>
  t.app.inject({ method, url, headers: { cookie, 'accept-language': lang }, ...(payload ? { payload } : {}) });

async function campaignOn(shop: { sellerId: string; cookie: string }, variantId: string, item: object) {
  const res = await send('POST', `/api/sellers/${shop.sellerId}/campaigns`, shop.cookie, {
    name: { th: 'ทุเรียนราคาพิเศษ', zh: '榴莲特卖', en: 'Durian flash sale' },
    startsAt: hourAgo(),
    endsAt: inDay(),
    items: [{ variantId, ...item }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const voucher = (code: string, over: object = {}) => ({
  code,
  name: { th: 'ส่วนลด', en: 'Discount' },
  kind: 'amount',
  amountSatang: 5_000,
  perBuyerLimit: 1,
  totalLimit: 100,
  startsAt: hourAgo(),
  endsAt: inDay(),
  ...over,
});

async function guestsWith(variantId: string, n: number, quantity = 1) {
  return Promise.all(Array.from({ length: n }, async () => (await addToCart(t.app, variantId, quantity)).cookie));
}

const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, q))[0].n;

describe('campaigns', () => {
  it('charges the campaign price at checkout, records it on the line, and keeps to the buyer limit', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { priceSatang: 20_000, stock: 50 });
    const campaign = await campaignOn(shop, p.variantId, { priceSatang: 15_000, stockLimit: 10, perBuyerLimit: 2 });
    const prices = (await t.app.inject({ url: `/api/campaign-prices?productIds=${p.productId}` })).json();
    expect(prices.items[0]).toMatchObject({ productId: p.productId, priceSatang: 15_000, stockLimit: 10, sold: 0 });

    const buyer = await signedInUser(t.database.db);
    await addToCart(t.app, p.variantId, 2, buyer.cookie);
    const quote = (await send('POST', '/api/checkout/quote', buyer.cookie, { voucherCodes: [] })).json();
    expect(quote.totalSatang).toBe(2 * 15_000 + 5_000);
    const placed = await checkout(t.app, buyer.cookie, 'c-1', { expectedTotalSatang: quote.totalSatang });
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (await send('GET', `/api/orders/${placed.json().orders[0].id}`, buyer.cookie)).json();
    expect(order.lines[0]).toMatchObject({
      unitPriceSatang: 15_000,
      listUnitPriceSatang: 20_000,
      campaignId: campaign.id,
      lineTotalSatang: 30_000,
    });
    // The same buyer again: past the per-buyer limit, so the catalog price.
    await addToCart(t.app, p.variantId, 1, buyer.cookie);
    const again = (await checkout(t.app, buyer.cookie, 'c-2')).json();
    expect(again.orders[0].lines[0]).toMatchObject({ unitPriceSatang: 20_000, campaignId: null });
    const list = (await send('GET', `/api/sellers/${shop.sellerId}/campaigns`, shop.cookie)).json();
    expect(list.items[0].items[0].sold).toBe(2);
  });

  it('never sells more campaign units than its limit, whatever the number of parallel checkouts', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { priceSatang: 19_900, stock: 200 });
    await campaignOn(shop, p.variantId, { priceSatang: 9_900, stockLimit: 12, perBuyerLimit: 1 });
    const cookies = await guestsWith(p.variantId, 40);
    const answers = await Promise.all(cookies.map((c, k) => checkout(t.app, c, `flash-${k}`)));
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    const atCampaign = answers.filter((a) => a.json().orders[0].lines[0].unitPriceSatang === 9_900);
    expect(atCampaign).toHaveLength(12);
    expect(await count(sql`select sold as n from campaign_items where variant_id = ${p.variantId}::uuid`)).toBe(12);
    expect(
      await count(sql`select count(*)::int as n from order_lines where variant_id = ${p.variantId}::uuid
        and campaign_id is not null`),
    ).toBe(12);
  });

  it("never lets a voucher's uses pass its total under parallel checkouts; the buyer hears why", async () => {
    const operator = await signedInUser(t.database.db, { isOperator: true });
    const made = await send('POST', '/api/operator/vouchers', operator.cookie, voucher('MEGA55', { totalLimit: 7 }));
    expect(made.statusCode, made.body).toBe(201);
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { priceSatang: 30_000, stock: 200 });
    const cookies = await guestsWith(p.variantId, 30);
    const answers = await Promise.all(
      cookies.map((c, k) => checkout(t.app, c, `v-${k}`, { voucherCodes: ['mega55'] }, { 'accept-language': 'en' })),
    );
    const ok = answers.filter((a) => a.statusCode === 201);
    expect(ok).toHaveLength(7);
    for (const a of ok) expect(a.json()).toMatchObject({ discountSatang: 5_000, totalSatang: 30_000 + 5_000 - 5_000 });
    const refused = answers.filter((a) => a.statusCode !== 201);
    expect(refused).toHaveLength(23);
    expect(refused[0].json()).toMatchObject({ code: 'voucher_used_up', detail: 'Voucher MEGA55 has been used up' });
    expect(await count(sql`select used as n from vouchers where code = 'MEGA55'`)).toBe(7);
    expect(await count(sql`select count(distinct group_id)::int as n from voucher_redemptions`)).toBe(7);
  });

  it('states its stacking rules: one shop voucher per shop, one platform voucher, minimum spend, in the buyer’s language', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { priceSatang: 40_000, stock: 20 });
    for (const v of [
      voucher('SHOPA', { kind: 'percent', percent: 10, amountSatang: undefined, capSatang: 3_000 }),
      voucher('SHOPB'),
      voucher('BIG', { minSpendSatang: 100_000 }),
    ])
      expect((await send('POST', `/api/sellers/${shop.sellerId}/vouchers`, shop.cookie, v)).statusCode).toBe(201);
    const taken = await send('POST', `/api/sellers/${shop.sellerId}/vouchers`, shop.cookie, voucher('shopa'), 'zh');
    expect(taken.json()).toMatchObject({ code: 'voucher_code_taken', detail: '优惠码 SHOPA 已存在' });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const two = await checkout(t.app, cookie, 's-1', { voucherCodes: ['SHOPA', 'SHOPB'] }, { 'accept-language': 'zh' });
    expect(two.statusCode).toBe(409);
    expect(two.json().code).toBe('voucher_not_stackable');
    const min = await checkout(t.app, cookie, 's-2', { voucherCodes: ['BIG'] }, { 'accept-language': 'th' });
    expect(min.json()).toMatchObject({ code: 'voucher_min_spend', detail: 'โค้ดส่วนลด BIG ใช้ได้เมื่อซื้อครบ 1000.00 บาท' });
    const none = await checkout(t.app, cookie, 's-3', { voucherCodes: ['NOPE'] });
    expect(none.statusCode).toBe(404);
    // 10% of 400 baht is 40, capped at 30.
    const placed = await checkout(t.app, cookie, 's-4', { voucherCodes: ['SHOPA'] });
    expect(placed.statusCode).toBe(201);
    expect(placed.json().orders[0].discounts).toEqual([
      expect.objectContaining({ kind: 'shop_voucher', code: 'SHOPA', amountSatang: 3_000, fundedBy: 'shop' }),
    ]);
  });

  it('ships free past the shop’s threshold, and books who funds each discount in the ledger', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { priceSatang: 50_000, stock: 20 });
    const free = await send('PUT', `/api/sellers/${shop.sellerId}/free-shipping`, shop.cookie, {
      minSubtotalSatang: 40_000,
    });
    expect(free.json()).toEqual({ minSubtotalSatang: 40_000 });
    const operator = await signedInUser(t.database.db, { isOperator: true });
    await send('POST', '/api/operator/vouchers', operator.cookie, voucher('PLAT20', { amountSatang: 2_000 }));
    await send(
      'POST',
      `/api/sellers/${shop.sellerId}/vouchers`,
      shop.cookie,
      voucher('SHOP10', { amountSatang: 1_000 }),
    );
    const buyer = await signedInUser(t.database.db);
    await addToCart(t.app, p.variantId, 1, buyer.cookie);
    const quote = (
      await send('POST', '/api/checkout/quote', buyer.cookie, { voucherCodes: ['PLAT20', 'SHOP10'] })
    ).json();
    expect(quote).toMatchObject({
      subtotalSatang: 50_000,
      shippingSatang: 5_000,
      discountSatang: 8_000,
      problem: null,
    });
    const placed = await checkout(t.app, buyer.cookie, 'l-1', {
      voucherCodes: ['PLAT20', 'SHOP10'],
      expectedTotalSatang: quote.totalSatang,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const body = placed.json();
    expect(body.totalSatang).toBe(50_000 + 5_000 - 1_000 - 2_000 - 5_000);
    await markGroupPaid(t.database.db, systemActor('payments'), body.orderGroupId);
    await drainOutbox(t.app);
    const orderId = body.orders[0].id;
    const entries = await queryRows<{ kind: string; account: string; amount: number }>(
      t.database.db,
      sql`select t.kind, e.account, e.amount::int as amount from ledger_entries e
          join ledger_transactions t on t.id = e.transaction_id where t.order_id = ${orderId}::uuid order by t.kind, e.account::text`,
    );
    expect(entries.filter((e) => e.kind === 'platform_promotion')).toEqual([
      { kind: 'platform_promotion', account: 'platform_promotions', amount: 2_000 },
      { kind: 'platform_promotion', account: 'seller_payable', amount: -2_000 },
    ]);
    // The shop is owed what the buyer paid plus the platform's voucher, less commission and VAT:
    // the shop's own voucher and free shipping are the shop's.
    const payable = -entries.filter((e) => e.account === 'seller_payable').reduce((s, e) => s + e.amount, 0);
    const fees = entries
      .filter((e) => e.account === 'commission_revenue' || e.account === 'vat_payable')
      .reduce((s, e) => s - e.amount, 0);
    expect(payable).toBe(body.totalSatang + 2_000 - fees);
  });

  it('gives the units and the voucher use back when the order is cancelled', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { priceSatang: 20_000, stock: 20 });
    await campaignOn(shop, p.variantId, { priceSatang: 10_000, stockLimit: 5, perBuyerLimit: 5 });
    await send('POST', `/api/sellers/${shop.sellerId}/vouchers`, shop.cookie, voucher('ONCE', { totalLimit: 1 }));
    const { cookie } = await addToCart(t.app, p.variantId, 3);
    const placed = (await checkout(t.app, cookie, 'x-1', { voucherCodes: ['ONCE'] })).json();
    expect(await count(sql`select used as n from vouchers where code = 'ONCE'`)).toBe(1);
    await transitionOrder(t.database.db, systemActor('test'), placed.orders[0].id, 'cancelled', { reason: 'test' });
    await drainOutbox(t.app);
    expect(await count(sql`select used as n from vouchers where code = 'ONCE'`)).toBe(0);
    expect(await count(sql`select sold as n from campaign_items where variant_id = ${p.variantId}::uuid`)).toBe(0);
  });

  it('keeps a shop to its own items and vouchers, and platform vouchers to operators', async () => {
    const mine = await shopWithOwner(t.database.db);
    const other = await shopWithOwner(t.database.db);
    const theirs = await productInStock(t.database.db, other.sellerId, { priceSatang: 20_000 });
    const res = await send(
      'POST',
      `/api/sellers/${mine.sellerId}/campaigns`,
      mine.cookie,
      {
        name: { th: 'แคมเปญ' },
        startsAt: hourAgo(),
        endsAt: inDay(),
        items: [{ variantId: theirs.variantId, priceSatang: 1_000, stockLimit: 1, perBuyerLimit: 1 }],
      },
      'en',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: 'items.0.variantId',
      detail: 'is not one of this shop’s items',
    });
    expect((await send('GET', `/api/sellers/${other.sellerId}/vouchers`, mine.cookie)).statusCode).toBe(403);
    expect((await send('POST', '/api/operator/vouchers', mine.cookie, voucher('NOPE1'))).statusCode).toBe(403);
  });
});
