// npm run bench:crash — crash durability of the flash sale on PostgreSQL. Buyers check out one
// durian SKU over HTTP on loopback while the server is killed with SIGKILL three times and
// restarted, and once has every database connection cut (pg_terminate_backend). Afterwards:
// acknowledged (201 answers), lost (acknowledged orders missing from the database), oversold,
// orphans (order lines without an order, orders without lines, reserved units no order holds),
// idempotent_replays_ok (acknowledged checkouts replayed with their key answer the same orders),
// recovered_seconds (longest kill → healthy again), and after the connection cut: the server
// answers again by itself, refusals are 503 with Retry-After, and no request hung.
// Knobs: STOCK, ATTEMPTS, CONCURRENCY (small defaults; this is a durability check, not a speed test).
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { shopWithOwner } from '../src/modules/catalog/testing.ts';
import { productInStock } from '../src/modules/inventory/testing.ts';
import { freshPostgres, startServer, type RunningServer } from './support.ts';

const STOCK = Number(process.env.STOCK ?? 400);
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 600);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const HANG_MS = 15_000;

async function main() {
  const fresh = await freshPostgres('talad_crash');
  const { database } = fresh;
  const dbName = new URL(fresh.url).pathname.slice(1);
  const shop = await shopWithOwner(database.db, { provinceCode: '22' });
  const { variantId } = await productInStock(database.db, shop.sellerId, { priceSatang: 99_500, stock: STOCK });
  const env = { DATABASE_URL: fresh.url, DEMO_DATA: 'false', DB_POOL_SIZE: '6' };
  let server: RunningServer = await startServer(env);
  let down = false;

  const address = {
    name: 'หลี่ เหว่ย',
    phone: '0812345678',
    houseNumber: '88',
    subdistrict: 'ลุมพินี',
    district: 'ปทุมวัน',
    provinceCode: '10',
    postcode: '10330',
  };
  const checkoutBody = JSON.stringify({ shippingAddress: address, contactPhone: '0812345678' });
  const acknowledged = new Map<string, { cookie: string; key: string; orderIds: string[] }>();
  let next = 0,
    hung = 0,
    cutRefusals = 0,
    cutRefusalsWithRetryAfter = 0,
    otherErrors = 0;
  let cutting = false;

  const call = async (path: string, headers: Record<string, string>, body: string) => {
    const res = await fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(HANG_MS),
    });
    return { res, text: await res.text() };
  };
  const note = (res: Response) => {
    if (res.status === 503) {
      if (cutting) cutRefusals++;
      if (res.headers.get('retry-after')) cutRefusalsWithRetryAfter += cutting ? 1 : 0;
    } else if (res.status !== 409) otherErrors++;
  };

  async function buyer() {
    while (next < ATTEMPTS) {
      if (down) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      next++;
      try {
        const add = await call('/api/cart/items', {}, JSON.stringify({ variantId, quantity: 1 }));
        if (add.res.status !== 201) {
          note(add.res);
          continue;
        }
        const cookie = String(add.res.headers.get('set-cookie')).split(';')[0];
        const key = randomUUID();
        const co = await call('/api/checkout', { cookie, 'idempotency-key': key }, checkoutBody);
        if (co.res.status === 201) {
          const g = JSON.parse(co.text);
          acknowledged.set(key, { cookie, key, orderIds: g.orders.map((o: { id: string }) => o.id) });
        } else note(co.res);
      } catch (err) {
        if ((err as Error).name === 'TimeoutError') hung++;
        // a connection refused or reset while the server is down is expected
      }
    }
  }

  async function healthyWithin(seconds: number): Promise<number> {
    const t0 = performance.now();
    while ((performance.now() - t0) / 1000 < seconds) {
      try {
        const r = await fetch(`${server.origin}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (r.ok) return (performance.now() - t0) / 1000;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return Number.POSITIVE_INFINITY;
  }

  let recovered = 0;
  let cutRecovered = Number.POSITIVE_INFINITY;
  const chaos = (async () => {
    for (const at of [0.2, 0.4, 0.6]) {
      while (next < ATTEMPTS * at) await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      down = true;
      server.process.kill('SIGKILL');
      await new Promise((r) => server.process.once('exit', r));
      server = await startServer(env, false);
      down = false;
      recovered = Math.max(recovered, (performance.now() - t0) / 1000);
    }
    while (next < ATTEMPTS * 0.8) await new Promise((r) => setTimeout(r, 20));
    cutting = true;
    const admin = postgres(fresh.url, { max: 1, onnotice: () => {} });
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`;
    await admin.end();
    cutRecovered = await healthyWithin(30);
    await new Promise((r) => setTimeout(r, 500));
    cutting = false;
  })();
  await Promise.all([...Array.from({ length: CONCURRENCY }, buyer), chaos]);

  // Idempotent replays: every acknowledged checkout sent again with its key answers the same orders.
  let replaysOk = 0;
  const sample = [...acknowledged.values()].slice(0, 50);
  for (const a of sample) {
    try {
      const r = await call('/api/checkout', { cookie: a.cookie, 'idempotency-key': a.key }, checkoutBody);
      const ids = r.res.status === 201 ? JSON.parse(r.text).orders.map((o: { id: string }) => o.id) : [];
      if (ids.join() === a.orderIds.join()) replaysOk++;
    } catch {
      /* counted as not ok */
    }
  }

  const ackIds = [...acknowledged.values()].flatMap((a) => a.orderIds);
  const present = new Set(
    (await queryRows<{ id: string }>(database.db, sql`select id::text as id from orders`)).map((r) => r.id),
  );
  const lost = ackIds.filter((id) => !present.has(id)).length;
  const [stock] = await queryRows<{ on_hand: number; reserved: number }>(
    database.db,
    sql`select on_hand, reserved from stock_levels where variant_id = ${variantId}::uuid`,
  );
  const [lines] = await queryRows<{ units: number; lineless: number; orderless: number }>(
    database.db,
    sql`select
      (select coalesce(sum(l.quantity), 0)::int from order_lines l join orders o on o.id = l.order_id
        where l.variant_id = ${variantId}::uuid and o.status not in ('cancelled')) as units,
      (select count(*)::int from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)) as lineless,
      (select count(*)::int from order_lines l where not exists (select 1 from orders o where o.id = l.order_id)) as orderless`,
  );
  await server.stop();
  await fresh.drop();

  const out: [string, string | number][] = [
    ['attempts', next],
    ['acknowledged', ackIds.length],
    ['lost', lost],
    ['oversold', Math.max(0, lines.units - STOCK, stock.reserved - stock.on_hand)],
    ['orphans', lines.lineless + lines.orderless + Math.abs(stock.reserved - lines.units)],
    ['idempotent_replays_ok', `${replaysOk}/${sample.length}`],
    ['recovered_seconds', recovered.toFixed(2)],
    ['db_cut_recovered_seconds', Number.isFinite(cutRecovered) ? cutRecovered.toFixed(2) : 'never'],
    ['db_cut_503', cutRefusals],
    ['db_cut_503_with_retry_after', cutRefusalsWithRetryAfter],
    ['hung_requests', hung],
    ['other_errors', otherErrors],
  ];
  for (const [k, v] of out) console.log(`${k}: ${v}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
