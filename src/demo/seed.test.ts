import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../platform/db.ts';
import { createTestDatabase, testConfig } from '../../test/db.ts';
import { addToCart, checkout } from '../../test/shop.ts';
import { isSeeded, seedDemo } from './seed.ts';
import { DEMO_PASSWORD } from './data.ts';
import { answerCustoms } from '../modules/customs/testing.ts';
import { drainOutbox } from '../../test/db.ts';
import { seedCrossBorderOrder } from './crossborder.ts';

let database: Database;
let app: FastifyInstance;
let cnOrderId: string;
const config = testConfig({ DATA_DIR: `/tmp/talad-seed-test-${process.pid}` });
beforeAll(async () => {
  database = await createTestDatabase();
  expect(await isSeeded(database.db)).toBe(false);
  app = await buildApp({ db: database.db, config, logger: false });
  await seedDemo(app.platform);
  cnOrderId = await seedCrossBorderOrder(app); // as `npm start` does once the app runs
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the demo data', () => {
  it('is marked as loaded, so a restart does not load it twice', async () => {
    expect(await isSeeded(database.db)).toBe(true);
  });

  it('shows five producers and their products in three languages', async () => {
    const th = (await app.inject({ url: '/api/products?perPage=50' })).json();
    expect(th.total).toBe(5);
    const zh = (await app.inject({ url: '/api/products?perPage=50', headers: { 'accept-language': 'zh-CN' } })).json();
    expect(zh.items.map((p: any) => p.title)).toContain('尖竹汶金枕头榴莲 5公斤');
    const en = (await app.inject({ url: '/api/products?perPage=50', headers: { 'accept-language': 'en' } })).json();
    expect(en.items.map((p: any) => p.title)).toContain('Thung Kula Rong Hai Hom Mali rice (GI), new crop');
  });

  it('shows drawn product pictures and a durian flash sale on the storefront cards', async () => {
    const list = (await app.inject({ url: '/api/products?perPage=50', headers: { 'accept-language': 'en' } })).json();
    for (const p of list.items) expect(p.thumbnailUrl, p.title).toBeTruthy();
    const durian = list.items.find((p: any) => p.title.includes('durian'));
    const cards = (await app.inject({ url: `/api/storefront/cards?productIds=${durian.id}` })).json();
    expect(cards.items[0].campaign).toMatchObject({ priceSatang: 89_000, listPriceSatang: 99_500 });
    expect(Date.parse(cards.items[0].campaign.endsAt)).toBeGreaterThan(Date.parse(cards.now));
  });

  it('has 80,000 durians to sell and lets the demo buyer buy one', async () => {
    const list = (await app.inject({ url: '/api/products?perPage=50', headers: { 'accept-language': 'en' } })).json();
    const durian = list.items.find((p: any) => p.title.includes('durian'));
    const product = (await app.inject({ url: `/api/products/${durian.id}` })).json();
    const variantId = product.variants[0].id;
    const avail = (await app.inject({ url: `/api/availability?variantIds=${variantId}` })).json();
    expect(avail.items[0].available).toBe(80_000);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: 'buyer@talad.local', password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const session = String(signIn.headers['set-cookie']).split(';')[0];
    const { cookie } = await addToCart(app, variantId, 1, session);
    expect((await checkout(app, cookie, 'demo-buy')).statusCode).toBe(201);
  });

  it('has a flagship rice cooperative and an operator who can sign in', async () => {
    const op = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: 'operator@talad.local', password: DEMO_PASSWORD },
    });
    expect(op.statusCode).toBe(200);
    const cookie = String(op.headers['set-cookie']).split(';')[0];
    const me = (await app.inject({ url: '/api/me', headers: { cookie } })).json();
    expect(me.roles).toContain('operator');
    const rice = (await app.inject({ url: '/api/products?perPage=50', headers: { 'accept-language': 'en' } }))
      .json()
      .items.find((p: any) => p.title.includes('Hom Mali'));
    expect(rice.shop.isFlagship).toBe(true);
  });

  it("sells the cooperative's rice and the orchard's durians to China from the bonded hub, in CNY landed prices", async () => {
    const list = (await app.inject({ url: '/api/products?perPage=50', headers: { 'accept-language': 'en' } })).json();
    for (const name of ['Hom Mali', 'durian']) {
      const product = (
        await app.inject({ url: `/api/products/${list.items.find((p: any) => p.title.includes(name)).id}` })
      ).json();
      const landed = (
        await app.inject({
          url: `/api/crossborder/landed?${product.variants.map((v: any) => `variantIds=${v.id}`).join('&')}`,
          headers: { 'accept-language': 'zh-CN' },
        })
      ).json();
      expect(landed.items.every((i: any) => i.eligible)).toBe(true);
      const eligible = landed.items.filter((i: any) => i.bondedAvailable > 0); // the 5 kg bags and the durians are in bond
      expect(eligible).toHaveLength(1);
      expect(eligible[0].totalFen).toBe(eligible[0].unitPriceFen + eligible[0].freightFen + eligible[0].taxFen);
      expect(eligible[0].taxRatePercent).toBe(6.3);
    }
  });

  it('has the demo buyer’s rice shipped with Thailand Post (tracked by the carrier sandbox) and a coffee order to ship', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: 'buyer@talad.local', password: DEMO_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const orders = (await app.inject({ url: '/api/orders', headers: { cookie } })).json().items;
    const shipped = orders.find((o: any) => o.status === 'shipped');
    expect(orders.some((o: any) => o.status === 'processing')).toBe(true);
    const [line] = (
      await app.inject({ url: `/api/orders/${shipped.id}/tracking`, headers: { cookie, 'accept-language': 'en' } })
    ).json();
    expect(line).toMatchObject({ carrier: 'thailand-post', trackingNumber: shipped.trackingNumber, sandbox: true });
  });

  it("has hub staff, mango stocked at the fulfilment centre with a discrepancy, and the buyer's paid mango order as hub work", async () => {
    await drainOutbox(app);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: 'hub@talad.local', password: DEMO_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const hubs = (await app.inject({ url: '/api/hub/me', headers: { cookie } })).json().items;
    expect(hubs.map((h: any) => h.code).sort()).toEqual(['BKK-FC', 'EEC-BONDED']);
    const fc = hubs.find((h: any) => h.code === 'BKK-FC').id;
    const outbound = (await app.inject({ url: `/api/hubs/${fc}/outbound`, headers: { cookie } })).json().items;
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ status: 'ready', lines: [{ quantity: 4 }] });
    expect((await app.inject({ url: `/api/hubs/${fc}/inbound`, headers: { cookie } })).json().items).toHaveLength(1);
    expect(
      (await app.inject({ url: `/api/hubs/${fc}/expiry-alerts`, headers: { cookie } })).json().items[0],
    ).toMatchObject({ lotNumber: 'KK-2569-09', daysLeft: 5 });
  });

  it("has the demo buyer's paid order to China in the EEC hub's list once customs releases it, picked from bonded lots", async () => {
    await drainOutbox(app); // order.paid: declared to customs; the hub holds it
    await answerCustoms(app); // the customs sandbox's tick
    await drainOutbox(app);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: 'hub@talad.local', password: DEMO_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const eec = (await app.inject({ url: '/api/hub/me', headers: { cookie } }))
      .json()
      .items.find((h: any) => h.code === 'EEC-BONDED').id;
    const outbound = (await app.inject({ url: `/api/hubs/${eec}/outbound`, headers: { cookie } })).json().items;
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({
      orderId: cnOrderId,
      status: 'ready',
      shipTo: { name: '王小明', districtCode: '440106' },
      lines: [{ quantity: 2 }],
    });
    expect(outbound[0].crossBorder.waybillNo).toMatch(/^TLX\d{10}$/);
    const work = (
      await app.inject({ method: 'POST', url: `/api/hubs/${eec}/release-work`, headers: { cookie }, payload: {} })
    ).json();
    expect(work).toMatchObject({ allocatedOrders: 1, waves: 1 });
  });
  it('has the Roi Et cooperative as a flagship store with GI and Thai Hom Mali, marks on mango, silk and durian, and two traced rice lots', async () => {
    await drainOutbox(app);
    const en = { 'accept-language': 'en' };
    const products = (await app.inject({ url: '/api/products?perPage=50', headers: en })).json().items;
    const marksOf = async (word: string) => {
      const p = products.find((x: any) => x.title.toLowerCase().includes(word));
      return (await app.inject({ url: `/api/standards/products/${p.id}/marks`, headers: en }))
        .json()
        .items.map((m: any) => m.kind);
    };
    expect(await marksOf('rice')).toEqual(['gi', 'thai_hom_mali']);
    expect(await marksOf('mango')).toEqual(['fda', 'fda']);
    expect(await marksOf('silk')).toEqual(['community_standard']);
    expect(await marksOf('durian')).toEqual(['gap']);
    const rice = products.find((x: any) => x.title.includes('rice'));
    const storefront = (
      await app.inject({ url: `/api/standards/shops/${rice.shop.slug}/flagship`, headers: en })
    ).json().storefront;
    expect(storefront.badges.map((b: any) => b.kind).sort()).toEqual(['gi', 'thai_hom_mali']);
    expect(storefront.featuredLots.map((l: any) => l.lotNumber)).toEqual(['TKR-HM-5KG-EEC-01', 'TKR-2568-KW-02']);
    // The bonded lot is the hub's: its trace page goes through the EEC hub towards China.
    const trace = (await app.inject({ url: `/api/trace/${storefront.featuredLots[0].traceCode}`, headers: en })).json();
    expect(trace.route.map((s: any) => s.code)).toEqual(['farm', 'processing', 'hub', 'export', 'buyer']);
    expect((await app.inject({ url: '/api/search?certification=gi' })).json().total).toBe(1);
    expect((await app.inject({ url: '/api/search?flagship=true' })).json().total).toBe(1);
  });
});
