// Outgoing webhooks end to end, against a receiver on 127.0.0.1 (allowed here only because this
// app sets WEBHOOKS_ALLOW_PRIVATE=127.0.0.1; a second app on the same database leaves it off, as
// every deployment does, and shows the refusals). Signatures are checked with `standardwebhooks`.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { buildApp } from '../../app.ts';
import { emit } from '../../events.ts';
import { newId } from '../../platform/ids.ts';
import { shopWithOwner } from '../catalog/testing.ts';
import { deliverDue, paySandboxQr, paymentsRuntime, placedGroup, startIntent } from '../payments/testing.ts';
import type { WebhooksRuntime } from './config.ts';
import { deliverDueWebhooks, retryDelayMs } from './deliveries.ts';
import { webhooksModule } from './index.ts';

const t = useTestApp();
let closed: FastifyInstance;
let receiver: Server;
let base = '';
const received: { headers: IncomingHttpHeaders; body: string; url: string }[] = [];
let answer: { status: number; location?: string } = { status: 200 };

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body, url: req.url ?? '' });
      res.writeHead(answer.status, answer.location ? { location: answer.location } : {});
      res.end(answer.status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // The app of the tests that need the receiver; `closed` is any deployment's: no private address.
  await t.app.close();
  t.app = await buildApp({
    db: t.database.db,
    config: t.config,
    logger: false,
    env: { WEBHOOKS_ALLOW_PRIVATE: '127.0.0.1/32' },
  });
  closed = await buildApp({ db: t.database.db, config: t.config, logger: false, env: {} });
});
afterAll(async () => {
  await closed?.close();
  await new Promise((r) => receiver.close(r));
});

const runtime = (app: FastifyInstance): WebhooksRuntime => app.platform.runtime(webhooksModule);
const send = (app: FastifyInstance, method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

async function paidOrderOf(shop: Awaited<ReturnType<typeof shopWithOwner>>) {
  const p = await placedGroup(t.app, { shops: [shop], prices: [30_000] });
  await paySandboxQr(t.app, await startIntent(t.app, p, 'promptpay'));
  await deliverDue(paymentsRuntime(t.app).sandbox!);
  await drainOutbox(t.app);
  return p;
}

describe('outgoing webhooks', () => {
  it('signs order.paid and order.refunded as Standard Webhooks, each endpoint with its own secret', async () => {
    const shop = await shopWithOwner(t.app.db);
    const made = await send(t.app, 'POST', `/api/sellers/${shop.sellerId}/webhook-endpoints`, shop.cookie, {
      url: `${base}/orders`,
      topics: ['order.paid', 'order.refunded'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const ep = made.json();
    expect(ep.secret).toMatch(/^whsec_/);
    const other = await send(t.app, 'POST', `/api/sellers/${shop.sellerId}/webhook-endpoints`, shop.cookie, {
      url: `${base}/stock`,
      topics: ['stock.low'],
    });
    expect(other.json().secret).not.toBe(ep.secret);
    const stranger = await shopWithOwner(t.app.db);
    expect((await send(t.app, 'GET', `/api/webhook-endpoints/${ep.id}/deliveries`, stranger.cookie)).statusCode).toBe(
      404,
    );
    expect(
      (await send(t.app, 'GET', `/api/sellers/${shop.sellerId}/webhook-endpoints`, stranger.cookie)).statusCode,
    ).toBe(403);

    received.length = 0;
    const p = await paidOrderOf(shop);
    expect(await deliverDueWebhooks(t.app.db, runtime(t.app))).toBe(1);
    expect(received).toHaveLength(1);
    const [paid] = received;
    expect(paid.url).toBe('/orders');
    const verified = new Webhook(ep.secret).verify(paid.body, paid.headers as Record<string, string>) as {
      type: string;
      data: { orderId: string; totalSatang: number };
    };
    expect(verified.type).toBe('order.paid');
    expect(verified.data.orderId).toBe(p.orderIds[0]);
    expect(paid.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    // Another secret, or a body changed on the way, does not verify.
    expect(() => new Webhook(other.json().secret).verify(paid.body, paid.headers as Record<string, string>)).toThrow();
    expect(() =>
      new Webhook(ep.secret).verify(
        paid.body.replace('order.paid', 'order.paxd'),
        paid.headers as Record<string, string>,
      ),
    ).toThrow();

    const refund = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${p.orderIds[0]}/refunds`,
      headers: { cookie: shop.cookie, 'idempotency-key': newId() },
      payload: { amount: 10_000, reason: 'ช้ำ' },
    });
    expect(refund.statusCode, refund.body).toBe(201);
    await deliverDue(paymentsRuntime(t.app).sandbox!);
    await drainOutbox(t.app);
    await drainOutbox(t.app);
    await deliverDueWebhooks(t.app.db, runtime(t.app));
    const refunded = new Webhook(ep.secret).verify(received[1].body, received[1].headers as Record<string, string>);
    expect(refunded).toMatchObject({ type: 'order.refunded', data: { amountSatang: 10_000, currency: 'THB' } });
    const log = (await send(t.app, 'GET', `/api/webhook-endpoints/${ep.id}/deliveries`, shop.cookie)).json();
    expect(log.items.map((d: { topic: string; status: string }) => [d.topic, d.status])).toEqual([
      ['order.refunded', 'succeeded'],
      ['order.paid', 'succeeded'],
    ]);
  });

  it('tells an endpoint subscribed to review.posted of a new review, signed', async () => {
    const shop = await shopWithOwner(t.app.db);
    const made = await send(t.app, 'POST', `/api/sellers/${shop.sellerId}/webhook-endpoints`, shop.cookie, {
      url: `${base}/reviews`,
      topics: ['review.posted'],
    });
    expect(made.statusCode, made.body).toBe(201);
    // The event as the reviews module writes it when a buyer reviews a delivered line.
    const review = { reviewId: newId(), orderId: newId(), productId: newId(), sellerId: shop.sellerId };
    await t.app.db.transaction((tx) =>
      emit(tx, {
        topic: 'review.posted',
        aggregateId: review.reviewId,
        payload: { ...review, rating: 5, language: 'zh' },
      }),
    );
    await drainOutbox(t.app);
    received.length = 0;
    expect(await deliverDueWebhooks(t.app.db, runtime(t.app))).toBe(1);
    const verified = new Webhook(made.json().secret).verify(
      received[0].body,
      received[0].headers as Record<string, string>,
    ) as { type: string; data: { reviewId: string; rating: number } };
    expect(verified).toMatchObject({ type: 'review.posted', data: { reviewId: review.reviewId, rating: 5 } });
  });

  it('retries with exponential back-off for 3 days, then disables the endpoint with a notice; replay sends the same message', async () => {
    const rt = runtime(t.app);
    let clock = Date.now();
    rt.now = () => new Date(clock);
    try {
      const shop = await shopWithOwner(t.app.db);
      const ep = (
        await send(t.app, 'POST', `/api/sellers/${shop.sellerId}/webhook-endpoints`, shop.cookie, {
          url: `${base}/down`,
          topics: ['order.paid'],
        })
      ).json();
      answer = { status: 503 };
      received.length = 0;
      await paidOrderOf(shop);
      const start = clock;
      for (let i = 0; i < 40; i++) {
        await deliverDueWebhooks(t.app.db, rt);
        const [d] = (await send(t.app, 'GET', `/api/webhook-endpoints/${ep.id}/deliveries`, shop.cookie)).json().items;
        if (d.status !== 'pending') break;
        clock = new Date(d.nextAttemptAt).getTime();
      }
      const [d] = (await send(t.app, 'GET', `/api/webhook-endpoints/${ep.id}/deliveries`, shop.cookie)).json().items;
      expect(d.status).toBe('failed');
      const detail = (await send(t.app, 'GET', `/api/webhook-deliveries/${d.id}`, shop.cookie)).json();
      const times = detail.attemptsLog.map((a: { at: string }) => new Date(a.at).getTime());
      // 30 s, 1 min, 2 min, … doubling to 12 h apart, all within 3 days of the message.
      for (let n = 1; n < times.length; n++) expect(times[n] - times[n - 1]).toBe(retryDelayMs(n));
      expect(times.at(-1) - start).toBeLessThanOrEqual(72 * 3_600_000);
      expect(times.at(-1) - start).toBeGreaterThan(60 * 3_600_000);
      expect(detail.attemptsLog.every((a: { statusCode: number }) => a.statusCode === 503)).toBe(true);
      expect(received.length).toBe(times.length);
      // Failing for 3 days: disabled, and the shop is told.
      const list = (await send(t.app, 'GET', `/api/sellers/${shop.sellerId}/webhook-endpoints`, shop.cookie)).json();
      expect(list.items[0]).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
      expect(list.notices).toMatchObject([{ endpointId: ep.id, kind: 'endpoint_disabled' }]);
      const refused = await send(t.app, 'POST', `/api/webhook-deliveries/${d.id}/replay`, shop.cookie);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toBe('This endpoint is disabled: enable it before replaying');

      // Fixed and enabled again (today, by the test's real clock): the shop replays the message, with
      // the webhook-id it had, signed now.
      clock = Date.now();
      answer = { status: 200 };
      await send(t.app, 'PUT', `/api/webhook-endpoints/${ep.id}`, shop.cookie, { enabled: true });
      const replayed = (await send(t.app, 'POST', `/api/webhook-deliveries/${d.id}/replay`, shop.cookie)).json();
      expect(replayed.status).toBe('succeeded');
      expect(replayed.attemptsLog.filter((a: { replay: boolean }) => a.replay)).toMatchObject([{ statusCode: 200 }]);
      expect(received.at(-1)?.headers['webhook-id']).toBe(received[0].headers['webhook-id']);
      new Webhook(ep.secret).verify(received.at(-1)!.body, received.at(-1)!.headers as Record<string, string>);
    } finally {
      rt.now = () => new Date();
      answer = { status: 200 };
    }
  });

  it('refuses private, loopback, link-local and metadata addresses, by name too, after DNS changes and on redirect', async () => {
    const shop = await shopWithOwner(t.app.db);
    const subscribe = (app: FastifyInstance, url: string) =>
      send(app, 'POST', `/api/sellers/${shop.sellerId}/webhook-endpoints`, shop.cookie, {
        url,
        topics: ['order.paid'],
      });
    const rt = runtime(closed);
    const realResolve = rt.resolve;
    rt.resolve = async (host) => (host === 'rebind.example' ? ['192.168.1.10'] : realResolve(host));
    try {
      for (const url of [
        `${base}/hook`,
        'http://localhost/hook',
        'http://10.1.2.3/',
        'http://172.16.0.1/',
        'http://169.254.169.254/latest/meta-data/',
        'http://100.64.0.1/',
        'http://[::1]/',
        'http://[fd00::1]/',
        'http://[::ffff:10.0.0.1]/',
        'http://0.0.0.0/',
        'http://rebind.example/',
        'http://user:pw@example.com/',
        'ftp://example.com/',
      ]) {
        const res = await subscribe(closed, url);
        expect(res.statusCode, url).toBe(422);
        expect(res.json().code, url).toBe('webhook_url_refused');
      }
      // A name that was public when saved and points at a private address when the delivery connects.
      let answerDns = ['93.184.216.34'];
      rt.resolve = async () => answerDns;
      const made = await subscribe(closed, 'https://hooks.shop.example/talad');
      expect(made.statusCode, made.body).toBe(201);
      answerDns = ['127.0.0.1'];
      received.length = 0;
      await paidOrderOf(shop);
      await deliverDueWebhooks(closed.db, rt);
      const [d] = (await send(closed, 'GET', `/api/webhook-endpoints/${made.json().id}/deliveries`, shop.cookie)).json()
        .items;
      expect(d).toMatchObject({ lastError: 'address_refused', lastStatusCode: null });
      expect(received).toHaveLength(0);
    } finally {
      rt.resolve = realResolve;
    }
    // A redirect is never followed (here towards the metadata service).
    answer = { status: 302, location: 'http://169.254.169.254/latest/meta-data/' };
    const other = await shopWithOwner(t.app.db);
    const ep = (
      await send(t.app, 'POST', `/api/sellers/${other.sellerId}/webhook-endpoints`, other.cookie, {
        url: `${base}/moved`,
        topics: ['order.paid'],
      })
    ).json();
    received.length = 0;
    await paidOrderOf(other);
    await deliverDueWebhooks(t.app.db, runtime(t.app));
    const [moved] = (await send(t.app, 'GET', `/api/webhook-endpoints/${ep.id}/deliveries`, other.cookie)).json().items;
    expect(moved).toMatchObject({ status: 'pending', lastStatusCode: 302, lastError: 'redirect_refused' });
    expect(received.map((r) => r.url)).toEqual(['/moved']);
    answer = { status: 200 };
  });
});
