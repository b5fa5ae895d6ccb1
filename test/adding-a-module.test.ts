// The README's "Adding a module", done: a module declared in one manifest is served, hears events,
// runs its job, fills a hook of an earlier module and adds its demo data, with no other file touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { on } from '../src/events.ts';
import { modules } from '../src/modules.ts';
import { shopShipsOrderHook } from '../src/modules/orders/index.ts';
import { systemActor } from '../src/platform/actor.ts';
import type { Database } from '../src/platform/db.ts';
import { periodic } from '../src/platform/jobs.ts';
import { defineModule, provide, seedModules, startJobs } from '../src/platform/module.ts';
import { createTestDatabase, drainOutbox, testConfig } from './db.ts';
import { addToCart, checkout } from './shop.ts';
import { shopWithOwner, signedInUser } from '../src/modules/catalog/testing.ts';
import { productInStock } from '../src/modules/inventory/testing.ts';

const heard: string[] = [];
let ticks = 0;
let seeded = 0;
const tasting = defineModule({
  name: 'tasting',
  runtime: (ctx) => ({ greeting: ctx.env.TASTING_GREETING ?? 'สวัสดี' }),
  routes: (app, ctx) =>
    app.register(async (scope) => {
      scope.get('/tasting/hello', async () => ({ greeting: ctx.runtime(tasting).greeting }));
    }),
  subscriptions: () => [on('order.placed', async (_db, e) => void heard.push(e.payload.orderId))],
  jobs: [periodic({ name: 'tasting tick', every: () => 10, run: async () => ++ticks })],
  hooks: () => [provide(shopShipsOrderHook, async () => ({ trackingNumber: 'TASTING-1' }))],
  seedDemo: async () => {
    seeded++;
  },
});

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDatabase();
  // Only the modules the tasting one stands on, and it: the shipping module (which fills the same hook) is left out, with the modules that stand on it (hub, returns).
  const list = [...modules.filter((m) => ['shipping', 'hub', 'returns'].indexOf(m.name) < 0), tasting];
  app = await buildApp({
    db: database.db,
    config: testConfig(),
    logger: false,
    env: { TASTING_GREETING: '你好' },
    modules: list,
  });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('a module added by its manifest alone', () => {
  it('is served with its runtime, hears the events it subscribed to, runs its job, fills a hook and seeds', async () => {
    expect((await app.inject('/api/tasting/hello')).json()).toEqual({ greeting: '你好' });

    const shop = await shopWithOwner(database.db);
    const { variantId } = await productInStock(database.db, shop.sellerId, { stock: 5 });
    const buyer = await signedInUser(database.db);
    const { cookie } = await addToCart(app, variantId, 1, buyer.cookie);
    const placed = await checkout(app, cookie, 'tasting-1');
    expect(placed.statusCode).toBe(201);
    await drainOutbox(app);
    expect(heard).toEqual([placed.json().orders[0].id]);

    const stop = startJobs(app.platform);
    await new Promise((r) => setTimeout(r, 100));
    stop();
    expect(ticks).toBeGreaterThan(0);

    const order = { id: placed.json().orders[0].id, sellerId: shop.sellerId, status: 'processing' as const };
    const shipped = await app.platform.hooks.get(shopShipsOrderHook)?.(database.db, systemActor('test'), order, {});
    expect(shipped).toEqual({ trackingNumber: 'TASTING-1' });
    await seedModules(app.platform);
    expect(seeded).toBe(1);
  });
});
