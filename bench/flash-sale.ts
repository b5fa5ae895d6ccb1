// npm run bench:flash-sale — replays the durian flash sale (80,000 Monthong durians on Tmall in the
// first minute, 17 April 2018) over HTTP on loopback against PostgreSQL.
//
// A fresh database on DATABASE_URL's server (default: the local PostgreSQL at 127.0.0.1:5432), one
// SKU with STOCK units, CONCURRENCY buyers at once, ATTEMPTS checkouts in all; each attempt is a new
// guest: add to cart (gets a cart cookie), then checkout with an Idempotency-Key. The server runs in
// its own process (so its memory can be measured); this process is the load generator.
// CAMPAIGN=1: the SKU is in a flash-sale campaign (campaign price, stock limit STOCK, one per buyer);
// VOUCHER=1: every checkout applies a platform voucher (ATTEMPTS uses in all, one per buyer).
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { shopWithOwner } from '../src/modules/catalog/testing.ts';
import { productInStock } from '../src/modules/inventory/testing.ts';
import { createCampaign, createPlatformVoucher } from '../src/modules/campaigns/service.ts';
import { systemActor } from '../src/platform/actor.ts';
import { freshPostgres, percentile, startServer } from './support.ts';

const STOCK = Number(process.env.STOCK ?? 80_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200);
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 100_000);
const CAMPAIGN = process.env.CAMPAIGN === '1';
const VOUCHER = process.env.VOUCHER === '1';

async function main() {
  // 1. A fresh database with one shop and one durian SKU.
  const fresh = await freshPostgres('talad_flash');
  const { database } = fresh;
  const shop = await shopWithOwner(database.db, { provinceCode: '22' });
  const { variantId } = await productInStock(database.db, shop.sellerId, {
    priceSatang: 99_500,
    stock: STOCK,
    titleTh: 'ทุเรียนหมอนทองจันทบุรี 5 กก.',
  });
  const from = new Date(Date.now() - 60_000).toISOString();
  const until = new Date(Date.now() + 86_400_000).toISOString();
  const operator = systemActor('bench');
  if (CAMPAIGN)
    await createCampaign(database.db, operator, shop.sellerId, {
      name: { th: 'ทุเรียนราคาพิเศษ', zh: '榴莲秒杀', en: 'Durian flash sale' },
      startsAt: from,
      endsAt: until,
      items: [{ variantId, priceSatang: 19_900, stockLimit: STOCK, perBuyerLimit: 1 }],
    });
  if (VOUCHER)
    await createPlatformVoucher(database.db, operator, {
      code: 'DURIAN10',
      name: { th: 'ส่วนลด 10 บาท' },
      kind: 'amount',
      amountSatang: 1_000,
      perBuyerLimit: 1,
      totalLimit: ATTEMPTS,
      startsAt: from,
      endsAt: until,
    });

  // 2. The server, in its own process (so its memory and CPU can be measured).
  const server = await startServer({
    DATABASE_URL: fresh.url,
    DEMO_DATA: 'false',
    DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10',
  });
  const origin = server.origin;

  // 3. The buyers.
  const pool = new Pool(origin, { connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 60_000 });
  const address = {
    name: 'หลี่ เหว่ย',
    phone: '0812345678',
    houseNumber: '88',
    subdistrict: 'ลุมพินี',
    district: 'ปทุมวัน',
    provinceCode: '10',
    postcode: '10330',
  };
  const checkoutBody = JSON.stringify({
    shippingAddress: address,
    contactPhone: '0812345678',
    ...(VOUCHER ? { voucherCodes: ['DURIAN10'] } : {}),
  });
  const addBody = JSON.stringify({ variantId, quantity: 1 });
  const latencies: number[] = [];
  const checkoutLatencies: number[] = [];
  const acceptedIds = new Set<string>();
  let accepted = 0,
    soldOut = 0,
    errors = 0,
    next = 0;
  const errorSamples = new Map<string, number>();
  const noteError = (what: string) => {
    errors++;
    errorSamples.set(what, (errorSamples.get(what) ?? 0) + 1);
  };

  async function buyer() {
    while (next < ATTEMPTS) {
      next++;
      const t0 = performance.now();
      try {
        const add = await pool.request({
          method: 'POST',
          path: '/api/cart/items',
          headers: { 'content-type': 'application/json' },
          body: addBody,
        });
        const addText = await add.body.text();
        if (add.statusCode === 409) {
          soldOut++;
          latencies.push(performance.now() - t0);
          continue;
        } // nothing left to put in a cart
        if (add.statusCode !== 201) {
          noteError(`add ${add.statusCode} ${addText.slice(0, 80)}`);
          continue;
        }
        const setCookie = add.headers['set-cookie'];
        const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0];
        const t1 = performance.now();
        const res = await pool.request({
          method: 'POST',
          path: '/api/checkout',
          body: checkoutBody,
          headers: { 'content-type': 'application/json', cookie, 'idempotency-key': randomUUID() },
        });
        const text = await res.body.text();
        const now = performance.now();
        checkoutLatencies.push(now - t1);
        latencies.push(now - t0);
        if (res.statusCode === 201) {
          accepted++;
          for (const o of JSON.parse(text).orders) acceptedIds.add(o.id);
        } else if (res.statusCode === 409 && text.includes('"out_of_stock"')) soldOut++;
        else noteError(`checkout ${res.statusCode} ${text.slice(0, 80)}`);
      } catch (err) {
        noteError(String((err as Error).message ?? err));
      }
    }
  }
  const start = performance.now();
  const serverCpu0 = server.cpuSeconds();
  const loadCpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: CONCURRENCY }, buyer));
  const seconds = (performance.now() - start) / 1000;
  const serverCpu = server.cpuSeconds() - serverCpu0;
  const loadCpu = process.cpuUsage(loadCpu0);
  await pool.close();

  // 4. What the database says.
  const [stock] = await queryRows<{ on_hand: number; reserved: number }>(
    database.db,
    sql`
    select on_hand, reserved from stock_levels where variant_id = ${variantId}::uuid`,
  );
  const orderRows = await queryRows<{ id: string }>(
    database.db,
    sql`
    select distinct order_id as id from order_lines where variant_id = ${variantId}::uuid`,
  );
  const orphans = orderRows.filter((r) => !acceptedIds.has(r.id)).length;
  const [promo] = await queryRows<{ campaign_lines: number; voucher_uses: number }>(
    database.db,
    sql`select (select count(*)::int from order_lines where campaign_id is not null) as campaign_lines,
      (select count(distinct group_id)::int from voucher_redemptions) as voucher_uses`,
  );
  const sold = stock.reserved; // every accepted order holds its unit until paid or expired
  const peakRss = server.peakRssMb();
  await server.stop();
  await fresh.drop();

  const pct = percentile;
  const lines: [string, string | number][] = [
    ['attempts', next],
    ['accepted', accepted],
    ['sold_out', soldOut],
    ['errors', errors],
    ['seconds', seconds.toFixed(2)],
    ['orders_per_s', Math.round(accepted / seconds)],
    ['p50_ms', pct(latencies, 50).toFixed(1)],
    ['p95_ms', pct(latencies, 95).toFixed(1)],
    ['p99_ms', pct(latencies, 99).toFixed(1)],
    ['checkout_p99_ms', pct(checkoutLatencies, 99).toFixed(1)],
    ['final_stock', stock.on_hand - stock.reserved],
    ['oversold', Math.max(0, accepted - STOCK, sold - STOCK, stock.reserved > stock.on_hand ? 1 : 0)],
    ['orphans', orphans],
    ['server_rss_mb', Math.round(peakRss)],
    ['stock', STOCK],
    ['concurrency', CONCURRENCY],
    ['campaign', CAMPAIGN ? 1 : 0],
    ['voucher', VOUCHER ? 1 : 0],
    ['campaign_lines', promo.campaign_lines],
    ['voucher_uses', promo.voucher_uses],
    ['server_cpu_ms_per_attempt', ((serverCpu * 1000) / next).toFixed(2)],
    ['loadgen_cpu_ms_per_attempt', ((loadCpu.user + loadCpu.system) / 1000 / next).toFixed(2)],
  ];
  for (const [k, v] of lines) console.log(`${k}: ${v}`);
  for (const [what, n] of errorSamples) console.error(`error x${n}: ${what}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
