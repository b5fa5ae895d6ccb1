import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { type ShopFixture, shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { paidOrder } from '../hub/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { exportOpenData } from './index.ts';
import { countPaidOrder } from './aggregate.ts';

const t = useTestApp();
let operator: { cookie: string; userId: string };
const roiEt: { shop: ShopFixture; orderId: string; buyerCookie: string }[] = [];
let nan: { shop: ShopFixture; orderId: string };
const PRICE = 20_000;

const get = (url: string, cookie: string, lang = 'th') =>
  t.app.inject({ url, headers: { cookie, 'accept-language': lang } });
const dashboard = async (query: string, cookie = operator.cookie) => {
  const res = await get(`/api/insights/dashboard?${query}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  const db = t.database.db;
  operator = await signedInUser(db, { isOperator: true });
  // Five community enterprises in Roi Et sell one order each to five buyers; one shop in Nan sells one.
  for (let i = 0; i < 5; i++) {
    const shop = await shopWithOwner(db, { provinceCode: '45' });
    const p = await productInStock(db, shop.sellerId, { stock: 10, priceSatang: PRICE });
    const o = await paidOrder(t.app, p.variantId, 1);
    roiEt.push({ shop, orderId: o.orderId, buyerCookie: o.buyerCookie });
  }
  const shop = await shopWithOwner(db, { provinceCode: '55' });
  const p = await productInStock(db, shop.sellerId, { stock: 10, priceSatang: PRICE });
  nan = { shop, orderId: (await paidOrder(t.app, p.variantId, 2)).orderId };
});

describe('the programme dashboard', () => {
  it('counts each paid order once from the outbox, by the shop’s province, and takes a cancelled one back', async () => {
    const all = await dashboard('');
    expect(all.sales.orders).toEqual({ value: 6 });
    const gross = all.sales.grossSatang.value;
    expect(gross).toBeGreaterThanOrEqual(7 * PRICE);
    expect(all.sellers.active).toEqual({ value: 6 });
    expect(all.sellers.firstSale).toEqual({ value: 6 });
    // The same event delivered again counts nothing more.
    await countPaidOrder(t.database.db, roiEt[0].orderId);
    expect((await dashboard('')).sales.orders).toEqual({ value: 6 });

    // Roi Et's shop cancels its paid order: it leaves the figures.
    const order = (await get(`/api/orders/${roiEt[4].orderId}`, operator.cookie)).json();
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${roiEt[4].orderId}/transitions`,
      headers: { cookie: roiEt[4].shop.cookie },
      payload: { to: 'cancelled', reason: 'สินค้าเสียหาย' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await drainOutbox(t.app);
    const after = await dashboard('');
    expect(after.sales.orders).toEqual({ value: 5 });
    expect(after.sales.grossSatang.value).toBe(gross - order.totalSatang);
  });

  it('hides a province with fewer than 5 shops, and a province whose complement would give it away', async () => {
    const nanOnly = await dashboard('province=55');
    expect(nanOnly.sales.orders).toEqual({ suppressed: true });
    expect(nanOnly.sales.grossSatang).toEqual({ suppressed: true });
    // Roi Et has five shops, but the country minus Roi Et is Nan's one shop: hidden too.
    const roi = await dashboard('province=45');
    expect(roi.sales.grossSatang).toEqual({ suppressed: true });
    // The country as a whole is safe, but by province Nan is hidden and Roi Et goes with it (or Nan = total − Roi Et).
    const all = await dashboard('');
    expect(all.sales.orders).toMatchObject({ value: expect.any(Number) });
    const byCode = Object.fromEntries(all.byProvince.map((r: { key: string }) => [r.key, r]));
    expect(byCode['55'].grossSatang).toEqual({ suppressed: true });
    expect(byCode['45'].grossSatang).toEqual({ suppressed: true });
    expect(JSON.stringify(all)).not.toContain(nan.shop.sellerId);
  });

  it('shows a province figure once the rest of the country is safe too', async () => {
    // Five more shops elsewhere (Chiang Mai) make "not Roi Et" a crowd of six.
    for (let i = 0; i < 5; i++) {
      const shop = await shopWithOwner(t.database.db, { provinceCode: '50' });
      const p = await productInStock(t.database.db, shop.sellerId, { stock: 10, priceSatang: PRICE });
      await paidOrder(t.app, p.variantId, 1);
    }
    // Roi Et: five shops (one cancelled its only order, so four sold): still under 5 → hidden.
    expect((await dashboard('province=45')).sales.orders).toEqual({ suppressed: true });
    const cm = await dashboard('province=50');
    expect(cm.sales.orders).toEqual({ value: 5 });
    expect(cm.sales.grossSatang.value).toBeGreaterThanOrEqual(5 * PRICE);
  });

  it('lets a province officer see their own province only, and no one else in', async () => {
    const officer = await signedInUser(t.database.db);
    const granted = await t.app.inject({
      method: 'PUT',
      url: `/api/operator/insights/analysts/${officer.userId}`,
      headers: { cookie: operator.cookie },
      payload: { provinceCode: '50' },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const own = await dashboard('', officer.cookie);
    expect(own.scope).toEqual({ province: '50', role: 'province_officer' });
    expect(own.filters.province).toBe('50');
    expect(own.byProvince.map((r: { key: string }) => r.key)).toEqual(['50']);
    for (const [lang, text] of [
      ['th', 'บัญชีนี้ดูข้อมูลได้เฉพาะจังหวัดของตนเอง'],
      ['zh', '此账户只能查看本府的数据'],
      ['en', 'This account sees its own province only'],
    ]) {
      const other = await get('/api/insights/dashboard?province=45', officer.cookie, lang);
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({ code: 'insights_outside_province', detail: text });
    }
    const map = await get('/api/insights/map.svg', officer.cookie);
    expect(map.headers['content-type']).toContain('image/svg+xml');
    expect(map.body.match(/data-province="/g)).toHaveLength(77);
    // Shops, buyers and guests get nothing.
    expect((await get('/api/insights/dashboard', roiEt[0].shop.cookie)).statusCode).toBe(403);
    expect((await get('/api/insights/dashboard', roiEt[0].buyerCookie)).statusCode).toBe(403);
    expect((await get('/api/insights/dashboard', '')).statusCode).toBe(401);
    // Access taken away.
    await t.app.inject({
      method: 'DELETE',
      url: `/api/operator/insights/analysts/${officer.userId}`,
      headers: { cookie: operator.cookie },
    });
    expect((await get('/api/insights/dashboard', officer.cookie)).statusCode).toBe(403);
  });

  it('refuses a bad question with the field named in the reader’s language', async () => {
    const res = await get('/api/insights/dashboard?from=2026-13&market=US', operator.cookie, 'zh');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'from' })]));
    const chart = await get('/api/insights/charts/sales-by-month.svg', operator.cookie, 'en');
    expect(chart.body).toContain('<title>Sales by month (THB)</title>');
  });
});

describe('open data', () => {
  it('is CSV with a BOM for Excel, with small cells blank, and holds no person or shop', async () => {
    const res = await t.app.inject({ url: '/api/open-data/datasets/sales-by-province-month.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFFmonth,province_code,province_th')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    const nanLine = lines.find((l) => l.includes(',55,'))!;
    expect(nanLine).toMatch(/,TH,,,,1$/);
    for (const id of [nan.shop.sellerId, nan.shop.userId, roiEt[0].shop.sellerId, nan.orderId])
      expect(res.body).not.toContain(id);
    const meta = (await t.app.inject({ url: '/api/open-data/datasets/sales-by-province-month' })).json();
    expect(meta).toMatchObject({
      data_category: 'ข้อมูลสาธารณะ',
      update_frequency_unit: 'เดือน',
      license_id: 'CC-BY-4.0',
      first_year_of_data: expect.any(Number),
    });
    expect(meta.first_year_of_data).toBeGreaterThan(2500); // Buddhist era
  });

  it('has a DCAT-AP catalogue with every mandatory property', async () => {
    const res = await t.app.inject({ url: '/api/open-data/catalog.jsonld' });
    expect(res.headers['content-type']).toContain('application/ld+json');
    const c = res.json();
    // DCAT-AP 3.0 mandatory: Catalogue (title, description, publisher, dataset), Dataset (title,
    // description), Distribution (access URL), Agent (name).
    expect(c['@type']).toBe('dcat:Catalog');
    for (const p of ['dct:title', 'dct:description', 'dct:publisher', 'dcat:dataset']) expect(c[p], p).toBeTruthy();
    expect(c['dct:publisher']['foaf:name'].length).toBeGreaterThan(0);
    expect(c['dcat:dataset'].length).toBeGreaterThanOrEqual(2);
    for (const d of c['dcat:dataset']) {
      expect(d['dct:title'].length).toBeGreaterThan(0);
      expect(d['dct:description'].length).toBeGreaterThan(0);
      for (const dist of d['dcat:distribution']) {
        expect(dist['dcat:accessURL']['@id']).toMatch(/^https?:\/\//);
        const path = new URL(dist['dcat:accessURL']['@id']).pathname;
        expect((await t.app.inject({ url: path })).statusCode, path).toBe(200);
      }
    }
  });

  it('is written to a folder by `talad export-open-data`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talad-open-data-'));
    await exportOpenData(t.database.db, dir, 'https://talad.example');
    expect(readdirSync(dir).sort()).toEqual(
      [
        'catalog.jsonld',
        ...['learning-by-province-month', 'bookings-by-city-month', 'loans-by-province-month'].flatMap((id) => [
          `${id}.csv`,
          `${id}.json`,
          `${id}.metadata.json`,
        ]),
        'sales-by-province-month.csv',
        'sales-by-province-month.json',
        'sales-by-province-month.metadata.json',
        'shops-by-province-month.csv',
        'shops-by-province-month.json',
        'shops-by-province-month.metadata.json',
      ].sort(),
    );
    expect(JSON.parse(readFileSync(join(dir, 'catalog.jsonld'), 'utf8'))['@id']).toBe(
      'https://talad.example/api/open-data/catalog.jsonld',
    );
  });
});
