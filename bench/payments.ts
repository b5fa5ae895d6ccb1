// npm run bench:payments — gateway notifications under load, against PostgreSQL over HTTP on loopback.
//
// A fresh database on DATABASE_URL's server (default: the local PostgreSQL); the server runs in
// its own process with the sandbox gateway (keys generated in a temporary DATA_DIR). Setup: INTENTS
// checkouts of SKUS products (default 100; SKUS=1 is the flash-sale hot row), each with a payment intent (4 in 5 by card through the Standard Webhooks gateway, 1 in 5
// by Alipay, RSA-signed). Then NOTIFICATIONS signed notifications (default 10,000) at CONCURRENCY
// (50): one success per intent, 5% "processing" notifications that arrive after their success
// (out of order), and 20% duplicates (the same notification again, often at the same moment).
// Prints notifications, per_s, p50/p99 latency, how many were refused, double_paid (orders moved
// to paid more than once, or groups captured twice: must be 0) and unbalanced_transactions (ledger
// transactions whose entries do not sum to zero, after the outbox has delivered: must be 0).
import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { shopWithOwner } from '../src/modules/catalog/testing.ts';
import { productInStock } from '../src/modules/inventory/testing.ts';
import { signedDelivery, type SandboxGateway } from '../src/modules/payments/testing.ts';
import { NOTIFY_PATHS } from '../src/modules/payments/testing.ts';
import { freshPostgres, percentile, startServer } from './support.ts';

const NOTIFICATIONS = Number(process.env.NOTIFICATIONS ?? 10_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const DUPLICATES = Math.round(NOTIFICATIONS * 0.2);
const LATE = Math.round(NOTIFICATIONS * 0.05);
const INTENTS = NOTIFICATIONS - DUPLICATES - LATE;
/** Distinct products bought (1 = every payment commits stock on one hot row, as in a flash sale). */
const SKUS = Number(process.env.SKUS ?? 100);

async function pooled<T>(n: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

async function main() {
  const fresh = await freshPostgres('talad_payments');
  const { database } = fresh;
  const dataDir = mkdtempSync(join(tmpdir(), 'talad-bench-payments-'));
  const shop = await shopWithOwner(database.db, { provinceCode: '22' });
  const variantIds: string[] = [];
  for (let i = 0; i < SKUS; i++)
    variantIds.push(
      (
        await productInStock(database.db, shop.sellerId, {
          priceSatang: 99_500 + i * 100,
          stock: INTENTS + 10,
          titleTh: 'ทุเรียนหมอนทองจันทบุรี 5 กก.',
        })
      ).variantId,
    );
  const server = await startServer({
    DATABASE_URL: fresh.url,
    DEMO_DATA: 'false',
    DATA_DIR: dataDir,
    PAYMENTS_SANDBOX: 'true',
  });
  const pool = new Pool(server.origin, { connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 60_000 });
  const json = async (method: 'POST' | 'GET', path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await pool.request({
      method,
      path,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`);
    return { body: text ? JSON.parse(text) : null, headers: res.headers };
  };

  // 1. Setup: INTENTS buyers check out one durian each and start paying.
  const t0 = performance.now();
  const address = {
    name: 'หลี่ เหว่ย',
    phone: '0812345678',
    houseNumber: '88',
    subdistrict: 'ลุมพินี',
    district: 'ปทุมวัน',
    provinceCode: '10',
    postcode: '10330',
  };
  await pooled(INTENTS, CONCURRENCY, async (i) => {
    const add = await json('POST', '/api/cart/items', { variantId: variantIds[i % SKUS], quantity: 1 });
    const cookie = String([add.headers['set-cookie']].flat()[0]).split(';')[0];
    const placed = await json(
      'POST',
      '/api/checkout',
      { shippingAddress: address, contactPhone: '0812345678' },
      { cookie, 'idempotency-key': randomUUID() },
    );
    await json(
      'POST',
      `/api/order-groups/${placed.body.orderGroupId}/payment-intents`,
      { method: i % 5 === 4 ? 'alipay' : 'card' },
      { cookie, 'idempotency-key': randomUUID() },
    );
  });
  const setupSeconds = (performance.now() - t0) / 1000;

  // 2. The notifications, signed with the sandbox gateway's keys as it would sign them.
  const stored = JSON.parse(readFileSync(join(dataDir, 'payments-sandbox', 'keys.json'), 'utf8'));
  const signer = {
    keys: {
      alipayClientId: stored.alipayClientId,
      alipayPrivateKey: createPrivateKey(stored.alipayPrivateKey),
      merchantPublicKey: createPublicKey(stored.merchantPublicKey),
      cardApiKey: stored.cardApiKey,
      cardWebhookSecret: stored.cardWebhookSecret,
    },
    notifyPaths: NOTIFY_PATHS,
  } as unknown as SandboxGateway;
  const intents = await queryRows<{
    id: string;
    provider: string;
    amount: string;
    currency: string;
    provider_ref: string;
  }>(
    database.db,
    sql`
    select id, provider, amount, currency, provider_ref from payment_intents order by id`,
  );
  type Note = { id: string; gateway: 'alipay' | 'gateway'; body: object };
  const success = (x: (typeof intents)[number]): Note =>
    x.provider === 'alipay'
      ? {
          id: randomUUID(),
          gateway: 'alipay',
          body: {
            notifyType: 'PAYMENT_RESULT',
            result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' },
            paymentRequestId: x.id,
            paymentId: x.provider_ref,
            paymentAmount: { currency: x.currency, value: x.amount },
          },
        }
      : {
          id: randomUUID(),
          gateway: 'gateway',
          body: {
            type: 'charge.succeeded',
            data: { chargeId: x.provider_ref, merchantRequestId: x.id, amount: Number(x.amount), currency: x.currency },
          },
        };
  const processing = (x: (typeof intents)[number]): Note =>
    x.provider === 'alipay'
      ? {
          id: randomUUID(),
          gateway: 'alipay',
          body: {
            notifyType: 'PAYMENT_PENDING',
            result: { resultCode: 'PAYMENT_IN_PROCESS', resultStatus: 'U', resultMessage: '' },
            paymentRequestId: x.id,
            paymentId: x.provider_ref,
            paymentAmount: { currency: x.currency, value: x.amount },
          },
        }
      : {
          id: randomUUID(),
          gateway: 'gateway',
          body: {
            type: 'charge.processing',
            data: { chargeId: x.provider_ref, merchantRequestId: x.id, amount: Number(x.amount), currency: x.currency },
          },
        };
  const shuffle = <T>(xs: T[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  const queue: Note[] = shuffle(intents.map(success));
  // Out of order: a "processing" placed after its intent's success.
  for (const x of shuffle([...intents]).slice(0, LATE)) {
    const at = queue.findIndex(
      (n) => (n.body as any).paymentRequestId === x.id || (n.body as any).data?.merchantRequestId === x.id,
    );
    queue.splice(at + 1 + Math.floor(Math.random() * (queue.length - at)), 0, processing(x));
  }
  // Duplicates: the same notification (same id, same body) again, right after it or later.
  for (let d = 0; d < DUPLICATES; d++) {
    const at = Math.floor(Math.random() * queue.length);
    queue.splice(at + 1 + Math.floor(Math.random() * Math.min(CONCURRENCY, queue.length - at)), 0, queue[at]);
  }

  const latencies: number[] = [];
  const answers = new Map<number, number>();
  const start = performance.now();
  const cpu0 = server.cpuSeconds();
  await pooled(queue.length, CONCURRENCY, async (i) => {
    const signed = signedDelivery(signer, queue[i]);
    const t = performance.now();
    const res = await pool.request({ method: 'POST', path: signed.path, headers: signed.headers, body: signed.body });
    await res.body.text();
    latencies.push(performance.now() - t);
    answers.set(res.statusCode, (answers.get(res.statusCode) ?? 0) + 1);
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = server.cpuSeconds() - cpu0;

  // 3. Let the outbox deliver (the ledger posts every paid order), then check the books.
  const posted = async () =>
    (
      await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from outbox where delivered_at is null`)
    )[0].n;
  for (let i = 0; i < 600 && (await posted()) > 0; i++) await new Promise((r) => setTimeout(r, 500));
  const [facts] = await queryRows<{
    captured: number;
    double_paid: number;
    double_captured: number;
    unbalanced: number;
    ledger_orders: number;
    pending_outbox: number;
  }>(
    database.db,
    sql`
    select
      (select count(*)::int from payment_intents where captures_group) as captured,
      (select count(*)::int from (select order_id from order_transitions where to_status = 'paid' group by order_id having count(*) > 1) x) as double_paid,
      (select count(*)::int from (select group_id from payment_intents where captures_group group by group_id having count(*) > 1) x) as double_captured,
      (select count(*)::int from (select transaction_id from ledger_entries group by transaction_id, currency having sum(amount) <> 0) x) as unbalanced,
      (select count(*)::int from ledger_transactions where kind = 'order_paid') as ledger_orders,
      (select count(*)::int from outbox where delivered_at is null) as pending_outbox`,
  );
  await pool.close();
  await server.stop();
  await fresh.drop();
  rmSync(dataDir, { recursive: true, force: true });

  const lines: [string, string | number][] = [
    ['notifications', queue.length],
    ['intents', INTENTS],
    ['skus', SKUS],
    ['duplicates', DUPLICATES],
    ['out_of_order', LATE],
    ['concurrency', CONCURRENCY],
    ['setup_seconds', setupSeconds.toFixed(1)],
    ['seconds', seconds.toFixed(2)],
    ['per_s', Math.round(queue.length / seconds)],
    ['p50_ms', percentile(latencies, 50).toFixed(1)],
    ['p99_ms', percentile(latencies, 99).toFixed(1)],
    ['server_cpu_ms_per_notification', ((cpu * 1000) / queue.length).toFixed(2)],
    ['answered_2xx', [...answers].filter(([s]) => s < 300).reduce((a, [, n]) => a + n, 0)],
    ['refused', [...answers].filter(([s]) => s >= 300).reduce((a, [, n]) => a + n, 0)],
    ['captured', facts.captured],
    ['double_paid', facts.double_paid + facts.double_captured],
    ['ledger_order_postings', facts.ledger_orders],
    ['unbalanced_transactions', facts.unbalanced],
    ['outbox_pending', facts.pending_outbox],
  ];
  for (const [name, value] of lines) console.log(`${name}: ${value}`);
  if (facts.double_paid + facts.double_captured > 0 || facts.unbalanced > 0 || facts.captured !== INTENTS)
    process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
