// npm run bench:credit — PROFILES (10000) shops with 12 months of paid orders (one to five a month,
// some cancelled), approved 1–60 months ago, consented to a sandbox lender; then each applies once,
// end to end as the API does it (the profile from the published views, the score, the lender's
// policy, the application and its access record written), and each offer is accepted (the loan and
// its disbursement posted in the ledger). Prints `name: value` lines: decisions_per_s, p50_ms,
// p99_ms (per decision, profile included), offers/declines/referrals, unbalanced (ledger
// transactions that do not sum to zero; must be 0).
//
// On PGlite by default; on PostgreSQL with ENGINE=postgres or DATABASE_URL (a fresh database).
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/platform/actor.ts';
import { fromPglite, migrateDatabase, pgliteExtensions, type Database } from '../src/platform/db.ts';
import { newId } from '../src/platform/ids.ts';
import { unbalancedTransactions } from '../src/modules/ledger/index.ts';
import {
  acceptOffer,
  applyForLoan,
  createLender,
  createProduct,
  DATA_ITEMS,
  grantConsent,
  loadFinanceRuntime,
} from '../src/modules/finance/testing.ts';
import { systemActor } from '../src/platform/actor.ts';
import { freshPostgres } from './support.ts';

const PROFILES = Number(process.env.PROFILES ?? 10_000);

async function open(): Promise<{ database: Database; engine: string; drop: () => Promise<void> }> {
  if (process.env.ENGINE === 'postgres' || process.env.DATABASE_URL) {
    const fresh = await freshPostgres('talad_credit');
    return { database: fresh.database, engine: 'postgres', drop: fresh.drop };
  }
  const pg = new PGlite({ extensions: pgliteExtensions });
  const database = fromPglite(pg);
  await migrateDatabase(database);
  return { database, engine: 'pglite', drop: () => database.close() };
}

/** Shops, owners, and a year of paid orders, set-based (a bench has no time for a year of checkouts). */
async function seed(database: Database) {
  const { db } = database;
  const shops = Array.from({ length: PROFILES }, (_, i) => ({ s: newId(), u: newId(), i }));
  const json = JSON.stringify(shops);
  await db.execute(sql`insert into users (id, email, password_hash, display_name)
    select u, 'bench-' || i || '@example.test', 'x', 'bench' from jsonb_to_recordset(${json}::jsonb) as x(s uuid, u uuid, i int)`);
  await db.execute(sql`insert into sellers (id, slug, legal_name_th, shop_name_th, business_type, tax_id, province_code,
      contact_phone, payout_method, payout_promptpay_id, status, reviewed_at, created_by)
    select s, 'bench-' || i, 'ร้าน ' || i, 'ร้าน ' || i, 'community_enterprise', lpad(i::text, 13, '0'),
      lpad((10 + i % 80)::text, 2, '0'), '+66812345678', 'promptpay', '0812345678', 'approved',
      now() - make_interval(months => 1 + i % 60), u
    from jsonb_to_recordset(${json}::jsonb) as x(s uuid, u uuid, i int)`);
  await db.execute(sql`insert into seller_members (seller_id, user_id, role)
    select s, u, 'owner' from jsonb_to_recordset(${json}::jsonb) as x(s uuid, u uuid, i int)`);
  // 12 months × 1–5 orders per shop; about 2% cancelled after payment.
  await db.execute(sql`create temp table bench_orders as
    select gen_random_uuid() as id, gen_random_uuid() as gid, x.s as seller_id,
      (50000 + ((x.i * 7919 + m * 104729 + k * 15485863) % 900000))::bigint as total,
      now() - make_interval(months => m, days => k) as paid_at,
      ((x.i + m + k) % 50 = 0) as cancelled
    from jsonb_to_recordset(${json}::jsonb) as x(s uuid, u uuid, i int),
      generate_series(0, 11) m, generate_series(1, 5) k
    where k <= 1 + (x.i + m) % 5`);
  await db.execute(sql`insert into order_groups (id, subtotal_satang, shipping_satang, total_satang, payment_due_at, market)
    select gid, total, 0, total, paid_at, case when total % 7 = 0 then 'CN' else 'TH' end from bench_orders`);
  await db.execute(sql`insert into orders (id, group_id, seller_id, status, subtotal_satang, shipping_satang, total_satang, payment_due_at, paid_at)
    select id, gid, seller_id, case when cancelled then 'cancelled' else 'delivered' end::order_status, total, 0, total, paid_at, paid_at from bench_orders`);
  return shops;
}

async function main() {
  const { database, engine, drop } = await open();
  const { db } = database;
  try {
    const t0 = performance.now();
    const shops = await seed(database);
    const rt = loadFinanceRuntime({});
    const op = systemActor('bench');
    const lender = await createLender(db, op, {
      name: { th: 'ธนาคารทดสอบ (sandbox)' },
      gateway: 'sandbox',
      retentionDays: 365,
    });
    const product = await createProduct(db, op, lender.id, {
      name: { th: 'เงินทุนหมุนเวียน' },
      minAmount: 500_000,
      maxAmount: 50_000_000,
      minTenorMonths: 3,
      maxTenorMonths: 12,
      rateBp: 800,
      feeBp: 100,
      guaranteeFeeBp: 175,
      guaranteeScheme: 'tcg_ps_smes',
      repayment: 'revenue_share',
      revenueShareBp: 1000,
    });
    const owner = (u: string): Actor => ({ kind: 'user', userId: u, isOperator: false, guestTokenHash: null });
    // Consents, set-based: the first through the API's own function (its wording and version), the rest copied in one insert.
    const first = await grantConsent(
      db,
      owner(shops[0].u),
      shops[0].s,
      { lenderId: lender.id, purpose: 'credit_assessment', dataItems: [...DATA_ITEMS] },
      'th',
    );
    await db.execute(sql`insert into finance_consents (id, seller_id, lender_id, purpose, data_items, retention_days, wording, wording_version, granted_by)
      select gen_random_uuid(), x.s, c.lender_id, c.purpose, c.data_items, c.retention_days, c.wording, c.wording_version, x.u
      from jsonb_to_recordset(${JSON.stringify(shops.slice(1))}::jsonb) as x(s uuid, u uuid, i int), finance_consents c
      where c.id = ${first.id}::uuid`);
    await db.execute(sql`analyze`);
    console.log(`engine: ${engine}`);
    console.log(`profiles: ${PROFILES}`);
    console.log(`seed_s: ${((performance.now() - t0) / 1000).toFixed(1)}`);

    const times: number[] = [];
    const outcomes = { offer: 0, decline: 0, refer: 0 };
    const started = performance.now();
    const offers: { s: string; u: string; id: string }[] = [];
    for (const s of shops) {
      const a = performance.now();
      const d = await applyForLoan(
        db,
        owner(s.u),
        rt,
        s.s,
        { productId: product.id, amount: 2_000_000, tenorMonths: 6, purpose: 'bench' },
        'th',
      );
      times.push(performance.now() - a);
      outcomes[d.outcome]++;
      if (d.outcome === 'offer') offers.push({ s: s.s, u: s.u, id: d.id });
    }
    const elapsed = (performance.now() - started) / 1000;
    for (const o of offers) await acceptOffer(db, owner(o.u), rt, o.s, o.id, { servicingConsent: true }, 'th');
    times.sort((x, y) => x - y);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    console.log(`decisions_per_s: ${(PROFILES / elapsed).toFixed(1)}`);
    console.log(`p50_ms: ${q(0.5)}`);
    console.log(`p99_ms: ${q(0.99)}`);
    console.log(`offers: ${outcomes.offer}`);
    console.log(`declines: ${outcomes.decline}`);
    console.log(`referrals: ${outcomes.refer}`);
    console.log(`loans_disbursed: ${offers.length}`);
    console.log(`unbalanced: ${await unbalancedTransactions(db)}`);
  } finally {
    await drop();
  }
}

await main();
