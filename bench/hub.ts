// npm run bench:hub — the hub's outbound at scale: ORDERS (10000) ready orders of 1-3 lines over
// SKUS (500) SKUs with LOTS (3) lots each (a fifth of the SKUs also hold an already-expired lot that
// must never be taken), allocated first-expired-first-out in one set-based pass and grouped into
// waves of WAVE_SIZE (50); then PICKS (2000) picks confirmed one by one as scanners do.
//
// On PGlite (embedded, in memory) by default; on PostgreSQL with ENGINE=postgres or DATABASE_URL
// (a fresh database on that server). Prints `name: value` lines; fefo_violations is computed
// independently of the allocation code, from the picks and the stock left, and must be 0.
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { fromPglite, migrateDatabase, pgliteExtensions, queryRows, type Database } from '../src/platform/db.ts';
import { newId } from '../src/platform/ids.ts';
import { HUB_LOCATIONS } from '../src/modules/inventory/index.ts';
import {
  allocateReady,
  bangkokDate,
  confirmPick,
  createWaves,
  HUB,
  binsOffMovements,
} from '../src/modules/hub/testing.ts';
import { freshPostgres } from './support.ts';

const ORDERS = Number(process.env.ORDERS ?? 10_000);
const SKUS = Number(process.env.SKUS ?? 500);
const LOTS = Number(process.env.LOTS ?? 3);
const WAVE_SIZE = Number(process.env.WAVE_SIZE ?? 50);
const PICKS = Number(process.env.PICKS ?? 2000);
const LOC = HUB_LOCATIONS.domesticFulfilment.id;

async function open(): Promise<{ database: Database; engine: string; drop: () => Promise<void> }> {
  if (process.env.ENGINE === 'postgres' || process.env.DATABASE_URL) {
    const fresh = await freshPostgres('talad_hub');
    return { database: fresh.database, engine: 'postgres', drop: fresh.drop };
  }
  const pg = new PGlite({ extensions: pgliteExtensions });
  const database = fromPglite(pg);
  await migrateDatabase(database);
  return { database, engine: 'pglite', drop: () => database.close() };
}

/** Seeds bins, lots, stock (as movements in from the dock's receipt, like receiving does) and ready orders, set-based. */
async function seed(database: Database) {
  const { db } = database;
  const sellers = Array.from({ length: 10 }, () => newId());
  const skus = Array.from({ length: SKUS }, (_, i) => ({ v: newId(), s: sellers[i % sellers.length] }));
  const [zone] = await queryRows<{ id: string }>(
    db,
    sql`select id from hub_zones where location_id = ${LOC}::uuid and code = 'A'`,
  );
  const bins = Array.from({ length: SKUS }, (_, i) => ({
    id: newId(),
    code: `BKK-B-${String(i + 1).padStart(4, '0')}`,
  }));
  await db.execute(sql`insert into hub_bins (id, location_id, zone_id, code, capacity_units)
    select id, ${LOC}::uuid, ${zone.id}::uuid, code, 100000 from jsonb_to_recordset(${JSON.stringify(bins)}::jsonb) as x(id uuid, code text)`);
  const today = bangkokDate();
  const lots: { id: string; v: string; s: string; n: string; e: string; b: string; q: number }[] = [];
  skus.forEach((k, i) => {
    for (let j = 0; j < LOTS; j++) {
      // Lots received in no particular order of expiry, spread over two bins per SKU.
      const days = 5 + ((i * 7 + j * 13) % 40);
      lots.push({
        id: newId(),
        v: k.v,
        s: k.s,
        n: `L${i}-${j}`,
        e: bangkokDate(new Date(), days),
        b: bins[(i + j) % bins.length].id,
        q: 30 + ((i + j * 11) % 40),
      });
    }
    if (i % 5 === 0)
      lots.push({
        id: newId(),
        v: k.v,
        s: k.s,
        n: `L${i}-X`,
        e: bangkokDate(new Date(), -1 - (i % 3)),
        b: bins[i].id,
        q: 50,
      });
  });
  const lotJson = JSON.stringify(lots);
  await db.execute(sql`insert into hub_lots (id, location_id, seller_id, variant_id, lot_number, production_date, expiry_date)
    select id, ${LOC}::uuid, s, v, n, ${today}::date - 60, e from jsonb_to_recordset(${lotJson}::jsonb) as x(id uuid, s uuid, v uuid, n text, e date)`);
  await db.execute(sql`insert into hub_stock_movements (id, location_id, seller_id, variant_id, lot_id, from_bin_id, to_bin_id, quantity, reason, actor_name)
    select gen_random_uuid(), ${LOC}::uuid, s, v, id, null, b, q, 'received', 'bench' from jsonb_to_recordset(${lotJson}::jsonb) as x(id uuid, s uuid, v uuid, b uuid, q int)`);
  await db.execute(sql`insert into hub_bin_stock (bin_id, lot_id, location_id, seller_id, variant_id, quantity)
    select b, id, ${LOC}::uuid, s, v, q from jsonb_to_recordset(${lotJson}::jsonb) as x(id uuid, s uuid, v uuid, b uuid, q int)`);

  // Orders: 1-3 lines of 1-3 units each, never more than a SKU's good stock in all.
  const free = new Map<string, number>();
  for (const l of lots) if (l.e > today) free.set(l.v, (free.get(l.v) ?? 0) + l.q);
  const orders: object[] = [];
  const lines: object[] = [];
  const now = Date.now();
  for (let o = 0; o < ORDERS; o++) {
    const id = newId();
    const n = 1 + (o % 3);
    const picked = new Set<number>();
    const seller = skus[(o * 31) % SKUS].s;
    for (let k = 0; k < n; k++) {
      const i = (o * 31 + k * 10 * 17) % SKUS; // same seller: SKUs of a seller are 10 apart
      if (picked.has(i) || skus[i].s !== seller) continue;
      const q = 1 + ((o + k) % 3);
      if ((free.get(skus[i].v) ?? 0) < q) continue;
      free.set(skus[i].v, free.get(skus[i].v)! - q);
      picked.add(i);
      lines.push({ id: newId(), o: id, s: seller, v: skus[i].v, sku: `SKU-${i}`, q });
    }
    if (!picked.size) continue;
    const paid = new Date(now - (o % 48) * 3600_000).toISOString();
    orders.push({
      id,
      oid: newId(),
      num: `TLD-B${String(o).padStart(7, '0')}`,
      s: seller,
      p: paid,
      h: 24 + (o % 2) * 24,
    });
  }
  const ordJson = JSON.stringify(orders);
  await db.execute(sql`insert into hub_outbound_orders (id, order_id, order_number, seller_id, location_id, status, paid_at, handling_hours, ship_by, ship_to)
    select id, oid, num, s, ${LOC}::uuid, 'ready', p, h, p + h * interval '1 hour', '{"name":"ผู้ซื้อ","phone":"0812345678","address":"กรุงเทพฯ"}'::jsonb
    from jsonb_to_recordset(${ordJson}::jsonb) as x(id uuid, oid uuid, num text, s uuid, p timestamptz, h int)`);
  await db.execute(sql`insert into hub_outbound_lines (id, outbound_id, seller_id, variant_id, sku, title, quantity)
    select id, o, s, v, sku, sku, q from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as x(id uuid, o uuid, s uuid, v uuid, sku text, q int)`);
  return { orders: orders.length, lines: lines.length, lots: lots.length };
}

/** FEFO checked from the outcome alone: no pick from an expired or blocked lot; no pick from a lot while an earlier-expiring good lot of the SKU still has free units. */
async function fefoViolations(database: Database): Promise<number> {
  const today = bangkokDate();
  const [r] = await queryRows<{ n: number }>(
    database.db,
    sql`
    with lot_free as (
      select l.id, l.variant_id, l.expiry_date, l.blocked_at, coalesce(sum(s.quantity - s.allocated), 0) as free
      from hub_lots l left join hub_bin_stock s on s.lot_id = l.id where l.location_id = ${LOC}::uuid group by l.id
    )
    select count(*)::int as n from hub_picks p join hub_lots pl on pl.id = p.lot_id
    where pl.blocked_at is not null or pl.expiry_date <= ${today}::date
       or exists (select 1 from lot_free e where e.variant_id = p.variant_id and e.blocked_at is null and e.expiry_date > ${today}::date
                  and e.expiry_date < pl.expiry_date and e.free > 0)`,
  );
  return r.n;
}

async function main() {
  const { database, engine, drop } = await open();
  const { db } = database;
  const t0 = performance.now();
  const seeded = await seed(database);
  const setupSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  const allocated = await db.transaction((tx) => allocateReady(tx, LOC));
  const allocationSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const w = await db.transaction((tx) => createWaves(tx, LOC, null, WAVE_SIZE));
  const waveSeconds = (performance.now() - t2) / 1000;
  const violations = await fefoViolations(database);
  const [{ open: unallocated }] = await queryRows<{ open: number }>(
    db,
    sql`select count(*)::int as open from hub_outbound_orders where status <> 'allocated'`,
  );

  // Picking: scanners confirm picks one at a time (bin + SKU), each its own transaction. The orders
  // are marked as picking first, so the order-status change (orders module) is not part of the figure.
  const sample = await queryRows<{ id: string; outbound_id: string; bin: string; sku: string }>(
    db,
    sql`
    select p.id, p.outbound_id, b.code as bin, l.sku from hub_picks p join hub_bins b on b.id = p.bin_id join hub_outbound_lines l on l.id = p.line_id
    join hub_waves w on w.id = p.wave_id order by w.number, b.code limit ${PICKS}`,
  );
  await db.execute(
    sql`update hub_outbound_orders set status = 'picking' where id in (select distinct (x->>'o')::uuid from jsonb_array_elements(${JSON.stringify(sample.map((s) => ({ o: s.outbound_id })))}::jsonb) x)`,
  );
  const t3 = performance.now();
  for (const p of sample) await db.transaction((tx) => confirmPick(tx, HUB, p.id, { binCode: p.bin, code: p.sku }));
  const pickSeconds = (performance.now() - t3) / 1000;
  const off = await binsOffMovements(db, LOC);

  const out: [string, string | number][] = [
    ['engine', engine],
    ['orders', seeded.orders],
    ['order_lines', seeded.lines],
    ['skus', SKUS],
    ['lots', seeded.lots],
    ['setup_seconds', setupSeconds.toFixed(2)],
    ['allocation_seconds', allocationSeconds.toFixed(3)],
    ['picks', allocated.picks],
    ['allocated_orders', allocated.orders],
    ['unallocated_orders', unallocated],
    ['wave_seconds', waveSeconds.toFixed(3)],
    ['waves', w.waves],
    ['picks_confirmed', sample.length],
    ['picks_per_s', (sample.length / pickSeconds).toFixed(1)],
    ['fefo_violations', violations],
    ['bins_off_movements', off.length],
  ];
  for (const [k, v] of out) console.log(`${k}: ${v}`);
  await drop();
  if (violations > 0 || off.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
