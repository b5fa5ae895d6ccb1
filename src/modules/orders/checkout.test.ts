import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.ts';
import { useTestApp } from '../../../test/db.ts';
import { addToCart, checkout, thaiAddress } from '../../../test/shop.ts';
import { shopWithOwner } from '../catalog/testing.ts';
import { productInStock, stockOf } from '../inventory/testing.ts';

const t = useTestApp();

describe('checkout', () => {
  it('turns a cart with two shops into one order group with an order per shop, stock reserved', async () => {
    const rice = await shopWithOwner(t.database.db, { provinceCode: '45' });
    const durian = await shopWithOwner(t.database.db, { provinceCode: '22' });
    const a = await productInStock(t.database.db, rice.sellerId, { priceSatang: 25_000, stock: 10 });
    const b = await productInStock(t.database.db, durian.sellerId, { priceSatang: 89_000, stock: 5 });
    let { cookie, res } = await addToCart(t.app, a.variantId, 2);
    expect(res.statusCode).toBe(201);
    expect(cookie).toContain('talad_guest=');
    ({ cookie } = await addToCart(t.app, b.variantId, 1, cookie));

    const cart = (await t.app.inject({ url: '/api/cart', headers: { cookie } })).json();
    expect(cart.shops).toHaveLength(2);
    expect(cart.subtotalSatang).toBe(2 * 25_000 + 89_000);
    expect(cart.shippingSatang).toBe(2 * 5000);

    const placed = await checkout(t.app, cookie, 'k-two-shops', { expectedTotalSatang: cart.totalSatang });
    expect(placed.statusCode).toBe(201);
    const body = placed.json();
    expect(body.status).toBe('pending_payment');
    expect(body.orders).toHaveLength(2);
    expect(body.totalSatang).toBe(cart.totalSatang);
    expect(body.orders.map((o: any) => o.sellerId).sort()).toEqual([rice.sellerId, durian.sellerId].sort());
    expect(body.orders[0].number).toMatch(/^TLD-\d{8}$/);
    expect(await stockOf(t.database.db, a.variantId)).toEqual({ onHand: 10, reserved: 2 });
    expect(await stockOf(t.database.db, b.variantId)).toEqual({ onHand: 5, reserved: 1 });

    // The cart is empty afterwards, and the buyer sees the orders.
    expect((await t.app.inject({ url: '/api/cart', headers: { cookie } })).json().itemCount).toBe(0);
    const mine = (await t.app.inject({ url: '/api/orders', headers: { cookie } })).json();
    expect(mine.total).toBe(2);
  });

  it('keeps the price the buyer paid when the shop changes it later', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { priceSatang: 10_000 });
    const { cookie } = await addToCart(t.app, p.variantId, 3);
    const placed = (await checkout(t.app, cookie, 'k-snapshot')).json();
    await t.database.db.execute(sql`update product_variants set price_satang = 99999 where id = ${p.variantId}::uuid`);
    const order = (await t.app.inject({ url: `/api/orders/${placed.orders[0].id}`, headers: { cookie } })).json();
    expect(order.lines[0]).toMatchObject({ unitPriceSatang: 10_000, quantity: 3, lineTotalSatang: 30_000 });
    expect(order.totalSatang).toBe(30_000 + 5000);
  });

  it('returns the first answer to a retry with the same key, and refuses the key with another body', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { stock: 50 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const [first, second] = await Promise.all([
      checkout(t.app, cookie, 'same-key'),
      checkout(t.app, cookie, 'same-key'),
    ]);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().orderGroupId).toBe(first.json().orderGroupId);
    const third = await checkout(t.app, cookie, 'same-key');
    expect(third.json().orderGroupId).toBe(first.json().orderGroupId);
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 50, reserved: 1 });
    const other = await checkout(t.app, cookie, 'same-key', { contactEmail: 'someone@example.com' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from order_groups where id = ${first.json().orderGroupId}::uuid`,
    );
    expect(n).toBe(1);
  });

  it('requires an Idempotency-Key and a cart with something in it', async () => {
    const noKey = await t.app.inject({
      method: 'POST',
      url: '/api/checkout',
      payload: { shippingAddress: thaiAddress, contactPhone: '0812345678' },
    });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().code).toBe('idempotency_key_required');
    const empty = await checkout(t.app, 'talad_guest=nobody-here', 'k-empty');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('cart_empty');
  });

  it('names the wrong address fields in the buyer language, and writes nothing', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const bad = await checkout(t.app, cookie, 'k-bad-address', {
      shippingAddress: { ...thaiAddress, postcode: '123', provinceCode: '99', phone: '12345' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad.json().errors.map((e: any) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['shippingAddress.postcode', 'shippingAddress.provinceCode']));
    expect(bad.json().detail).toBe('ข้อมูลบางช่องไม่ถูกต้อง');
    const phone = await checkout(
      t.app,
      cookie,
      'k-bad-phone',
      { shippingAddress: { ...thaiAddress, phone: '12345' } },
      { 'accept-language': 'en' },
    );
    expect(phone.json().errors).toEqual([
      { field: 'shippingAddress.phone', code: 'not_thai_mobile', detail: 'is not a Thai mobile number' },
    ]);
    const empty = await checkout(
      t.app,
      cookie,
      'k-empty-fields',
      { shippingAddress: { ...thaiAddress, name: '', houseNumber: '' }, contactPhone: '' },
      { 'accept-language': 'zh' },
    );
    expect(empty.json().errors).toEqual([
      { field: 'shippingAddress.name', code: 'required', detail: '必填' },
      { field: 'shippingAddress.houseNumber', code: 'required', detail: '必填' },
      { field: 'contactPhone', code: 'required', detail: '必填' },
    ]);
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('refuses a Thai address whose province, district, sub-district and postcode do not belong together', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const countOrders = async () =>
      (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from orders`))[0].n;
    const before = await countOrders();
    const chiangMai = { provinceCode: '50', district: 'เมืองเชียงใหม่', subdistrict: 'ช้างคลาน', postcode: '50100' };
    const cases = [
      // A Chiang Mai sub-district with Bangkok's postcode 10110.
      [
        { ...chiangMai, postcode: '10110' },
        'shippingAddress.postcode',
        'postcode_not_subdistrict',
        'th',
        '10110 ไม่ใช่ของตำบล/แขวงช้างคลาน',
      ],
      // Bangkok with a Chiang Mai district.
      [
        { ...thaiAddress, district: 'เมืองเชียงใหม่' },
        'shippingAddress.district',
        'district_not_in_province',
        'zh',
        '曼谷没有“เมืองเชียงใหม่”',
      ],
      // A sub-district that does not exist.
      [
        { ...thaiAddress, subdistrict: 'ไม่มีตำบลนี้' },
        'shippingAddress.subdistrict',
        'subdistrict_not_in_district',
        'en',
        'sub-district: there is no',
      ],
    ] as const;
    for (const [address, field, code, lang, words] of cases) {
      const res = await checkout(
        t.app,
        cookie,
        `k-${code}`,
        { shippingAddress: { ...thaiAddress, ...address } },
        { 'accept-language': lang },
      );
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const errors = res.json().errors;
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ field, code });
      expect(errors[0].detail).toContain(words);
    }
    expect(await countOrders()).toBe(before);
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 5, reserved: 0 });
    const good = await checkout(t.app, cookie, 'k-good-cm', {
      shippingAddress: { ...thaiAddress, ...chiangMai, district: 'อำเภอเมืองเชียงใหม่' },
    });
    expect(good.statusCode).toBe(201);
  });

  it('refuses when the total changed since the buyer looked, and when an item left sale', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { priceSatang: 10_000, stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const changed = await checkout(t.app, cookie, 'k-price', { expectedTotalSatang: 1 }, { 'accept-language': 'zh' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'price_changed', detail: '总价已变为 150.00 泰铢，请确认后再下单' });
    await t.database.db.execute(sql`update products set status = 'archived' where id = ${p.productId}::uuid`);
    const gone = await checkout(t.app, cookie, 'k-archived');
    expect(gone.statusCode).toBe(409);
    expect(gone.json().code).toBe('item_unavailable');
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('never sells a unit twice: 300 buyers at once for 100 durians', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { stock: 100 });
    const buyers = await Promise.all(Array.from({ length: 300 }, () => addToCart(t.app, p.variantId, 1)));
    expect(buyers.every((b) => b.res.statusCode === 201)).toBe(true);
    const results = await Promise.all(buyers.map((b, i) => checkout(t.app, b.cookie, `flash-${i}`)));
    const accepted = results.filter((r) => r.statusCode === 201);
    const soldOut = results.filter((r) => r.statusCode === 409 && r.json().code === 'out_of_stock');
    expect(accepted).toHaveLength(100);
    expect(soldOut).toHaveLength(200);
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 100, reserved: 100 });
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`
      select coalesce(sum(l.quantity), 0)::int as n from order_lines l where l.variant_id = ${p.variantId}::uuid`,
    );
    expect(n).toBe(100);
    // A sold-out buyer who retries gets the same answer, not a late unit.
    const retry = await checkout(
      t.app,
      buyers[results.indexOf(soldOut[0])].cookie,
      `flash-${results.indexOf(soldOut[0])}`,
    );
    expect(retry.statusCode).toBe(409);
  });
});
