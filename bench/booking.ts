// npm run bench:booking — 2,000 visitors compete for one popular slot of 40 places (the Cal.com
// double-booking bugs are the failure to beat), while others browse destinations, experiences and
// calendars. Over HTTP on loopback against the app listening on 127.0.0.1 (the load generator runs
// in the same process), on PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is given (a fresh
// database on that server), else on PGlite in memory.
//
// Each visitor is a guest (its own cookie): it looks at the slot's availability, then reserves 1 or
// 2 places with an Idempotency-Key; a tenth of those who got a hold cancel it. Afterwards the hold
// sweeper runs as if the holds had lapsed. Printed: bookings_per_s (holds granted per second),
// p99_ms (of the reserve requests), overbooked (places held or confirmed beyond the capacity, and
// any moment the slot's counter passed it: must be 0) and holds_leaked (places the slot still counts
// that no live booking holds, after cancellations and the sweep: must be 0).
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/platform/db.ts';
import { expireHolds } from '../src/modules/tourism/bookings.ts';
import { experienceWithSlots } from '../src/modules/tourism/testing.ts';
import { testConfig } from '../test/db.ts';
import { freshBenchDatabase, percentile } from './support.ts';

const VISITORS = Number(process.env.VISITORS ?? 2_000);
const CAPACITY = Number(process.env.CAPACITY ?? 40);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200);
const BROWSERS = Number(process.env.BROWSERS ?? 20);

async function main() {
  if (process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL)
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  const fresh = await freshBenchDatabase('talad_booking');
  const db = fresh.database.db;
  const app = await buildApp({
    db,
    config: testConfig({ DEMO_DATA: 'false', DATA_DIR: `/tmp/talad-bench-booking-${process.pid}` }),
    logger: false,
  });
  const { experienceId, slots } = await experienceWithSlots(app, { capacity: CAPACITY, days: 5 });
  const slotId = slots[0].id;
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const pool = new Pool(origin, { connections: CONCURRENCY + BROWSERS, pipelining: 1, keepAliveTimeout: 60_000 });
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  const reserveMs: number[] = [];
  const browseMs: number[] = [];
  const held: { id: string; cookie: string }[] = [];
  let soldOut = 0,
    errors = 0,
    next = 0,
    done = false,
    browsed = 0;
  const errorSamples = new Map<string, number>();
  const noteError = (what: string) => {
    errors++;
    errorSamples.set(what, (errorSamples.get(what) ?? 0) + 1);
  };

  async function visitor() {
    while (next < VISITORS) {
      const n = next++;
      const cookie = `talad_guest=${randomUUID()}`;
      try {
        const look = await pool.request({
          method: 'GET',
          path: `/api/tourism/experiences/${experienceId}/availability?from=${day(0)}&to=${day(7)}`,
          headers: { cookie, 'accept-language': 'zh' },
        });
        await look.body.text();
        const t0 = performance.now();
        const res = await pool.request({
          method: 'POST',
          path: '/api/tourism/bookings',
          headers: { 'content-type': 'application/json', cookie, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ slotId, units: { adult: 1 + (n % 2) } }),
        });
        const text = await res.body.text();
        reserveMs.push(performance.now() - t0);
        if (res.statusCode === 201) held.push({ id: JSON.parse(text).bookingId, cookie });
        else if (res.statusCode === 409 && text.includes('tourism_not_enough_places')) soldOut++;
        else noteError(`reserve ${res.statusCode} ${text.slice(0, 80)}`);
      } catch (err) {
        noteError(String((err as Error).message ?? err));
      }
    }
  }
  const pages = [
    '/api/tourism/destinations',
    '/api/tourism/destinations/55',
    `/api/tourism/experiences/${experienceId}`,
    `/api/tourism/experiences/${experienceId}/availability?from=${day(0)}&to=${day(42)}`,
  ];
  async function browser(i: number) {
    for (let k = i; !done; k++) {
      const t0 = performance.now();
      try {
        const res = await pool.request({
          method: 'GET',
          path: pages[k % pages.length],
          headers: { 'accept-language': 'zh' },
        });
        await res.body.text();
        if (res.statusCode !== 200) noteError(`browse ${res.statusCode}`);
        browseMs.push(performance.now() - t0);
        browsed++;
      } catch (err) {
        noteError(String((err as Error).message ?? err));
      }
    }
  }

  const start = performance.now();
  const background = Array.from({ length: BROWSERS }, (_, i) => browser(i));
  await Promise.all(Array.from({ length: CONCURRENCY }, visitor));
  const seconds = (performance.now() - start) / 1000;
  done = true;
  await Promise.all(background);

  const takenAt = async () =>
    (
      await queryRows<{ taken: number; capacity: number }>(
        db,
        sql`select taken, capacity from tourism_slots where id = ${slotId}::uuid`,
      )
    )[0];
  const livePlaces = async () =>
    (
      await queryRows<{ n: number }>(
        db,
        sql`select coalesce(sum(places), 0)::int as n from tourism_bookings
            where slot_id = ${slotId}::uuid and status in ('ON_HOLD', 'PENDING', 'CONFIRMED', 'REDEEMED')`,
      )
    )[0].n;
  const after = await takenAt();
  const live = await livePlaces();
  const overbooked = Math.max(0, live - CAPACITY, after.taken - after.capacity);

  // A tenth of the visitors with a hold cancel it; then every other hold lapses and the sweeper runs.
  let cancelled = 0;
  for (const h of held.filter((_, i) => i % 10 === 0)) {
    const res = await pool.request({
      method: 'POST',
      path: `/api/tourism/bookings/${h.id}/cancel`,
      headers: { cookie: h.cookie, 'idempotency-key': randomUUID() },
    });
    await res.body.text();
    if (res.statusCode === 200) cancelled++;
    else noteError(`cancel ${res.statusCode}`);
  }
  const afterCancel = await takenAt();
  const leakedAfterCancel = afterCancel.taken - (await livePlaces());
  const expired = await expireHolds(db, new Date(Date.now() + 24 * 3_600_000));
  const swept = await takenAt();
  const holdsLeaked = Math.abs(leakedAfterCancel) + Math.abs(swept.taken - (await livePlaces()));

  await pool.close();
  await app.close();
  await fresh.drop();

  const lines: [string, string | number][] = [
    ['engine', fresh.engine],
    ['visitors', VISITORS],
    ['capacity', CAPACITY],
    ['concurrency', CONCURRENCY],
    ['holds_granted', held.length],
    ['places_held', live],
    ['sold_out_answers', soldOut],
    ['errors', errors],
    ['seconds', seconds.toFixed(2)],
    ['bookings_per_s', (held.length / seconds).toFixed(1)],
    ['reserve_attempts_per_s', Math.round(VISITORS / seconds)],
    ['p50_ms', percentile(reserveMs, 50).toFixed(1)],
    ['p99_ms', percentile(reserveMs, 99).toFixed(1)],
    ['browse_requests', browsed],
    ['browse_p99_ms', percentile(browseMs, 99).toFixed(1)],
    ['cancelled', cancelled],
    ['expired_by_sweeper', expired],
    ['slot_taken_after_sweep', swept.taken],
    ['overbooked', overbooked],
    ['holds_leaked', holdsLeaked],
  ];
  for (const [k, v] of lines) console.log(`${k}: ${v}`);
  for (const [what, n] of errorSamples) console.error(`error x${n}: ${what}`);
  if (overbooked || holdsLeaked) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
