// The tenant matrix, built from Fastify's route table (app.routeTable, filled by an onRoute hook):
// every route with an id parameter is called with shop A's ids (its seller, products, orders,
// payments, documents, inbound, waves, picks, outbound…) by every actor who is not A's: the other
// shop's owner and staff, another buyer, hub staff of each role at the hub A does not use and of
// each role at A's hub for routes outside the hub, government analysts (national, and the officer of
// A's own province), a guest and A's revoked API token. A route a
// guest may read is public; anything else that answers 2xx to one of them is a cross-tenant leak.
// A new module's `/:id` routes are covered automatically: the id comes from the table named after
// the path segment before it or the parameter (`/bookings/:id` → `bookings`, `:photoId` → `photos`),
// preferring the table of the route's module (`/academy/sessions/:id` → `academy_sessions`, not the
// sign-in `sessions`), restricted to A's seller_id (or A's owner's user_id) if the table has one; the
// objects themselves are made by test/tenant-fixtures.ts through each module's API and test helpers.
// A parameter that finds no object of A's gets a fresh UUID, and the route is listed as such.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { drainOutbox, useTestApp } from './db.ts';
import { createMarket } from './e2e/market.ts';
import { addStaff } from '../src/modules/sellers/testing.ts';
import { signUp } from '../src/modules/identity/testing.ts';
import { categoryIdBySlug, signedInUser } from '../src/modules/catalog/testing.ts';
import { hubWorker, paidOrder } from '../src/modules/hub/testing.ts';
import { HUB_LOCATIONS } from '../src/modules/inventory/index.ts';
import { queryRows } from '../src/platform/db.ts';
import { newId } from '../src/platform/ids.ts';
import { valid, type Schema } from './openapi.ts';
import { PNG, multipart } from './uploads.ts';
import { victimWorld } from './tenant-fixtures.ts';

const t = useTestApp({ SIGN_IN_RATE_LIMIT: '100000' });

/** The table a path segment names, where the name alone does not say it. */
const TABLE_OF: Record<string, string> = {
  'order-groups': 'order_groups',
  'payment-intents': 'payment_intents',
  inbound: 'hub_inbound_shipments',
  waves: 'hub_waves',
  picks: 'hub_picks',
  outbound: 'hub_outbound_orders',
  hubs: 'stock_locations',
  lots: 'standards_lots',
  certificates: 'standards_certificates',
  'payout-batches': 'payout_batches',
  rfqs: 'trade_rfqs',
  quotes: 'trade_quotes',
  buyers: 'trade_buyers',
  learners: 'users',
};
/**
 * Routes where any signed-in account acts on its own data, keyed by content every account shares (a
 * course of the academy's catalogue in code, a published review): a 2xx to a signed-in actor is not
 * a leak; the guest and the revoked token must still be refused.
 */
const OWN_DATA: Record<string, string> = {
  'POST /api/academy/courses/:courseId/attempts': "the caller's own attempt at a catalogue course",
  'POST /api/academy/courses/:courseId/lessons/:lessonId/complete': "the caller's own progress in a catalogue course",
  'POST /api/academy/courses/:courseId/package': "the caller's own offline copy, with its own pre-started attempt",
  'POST /api/reviews/:id/reports': 'any account may report a published review to the moderators',
};
const PARAM_TABLE: Record<string, string> = {
  sellerId: 'sellers',
  productId: 'products',
  variantId: 'product_variants',
  orderId: 'orders',
  invitationId: 'seller_invitations',
  tokenId: 'api_tokens',
  imageId: 'product_images',
  rfqId: 'trade_rfqs',
  quoteId: 'trade_quotes',
  tradeOrderId: 'trade_orders',
  milestoneId: 'trade_milestones',
  claimId: 'trade_claims',
};

describe('tenant matrix over the route table', () => {
  it("refuses every other actor on every route that takes one of shop A's ids", async () => {
    await t.app.ready();
    const db = t.app.db;
    const market = await createMarket(t.app);
    const a = market.durian.seller;
    const b = market.rice.seller;
    const aStaff = await addStaff(t.app, a);
    const bStaff = await addStaff(t.app, b);
    const buyerB = await signUp(t.app, { displayName: 'ผู้ซื้ออีกคน' });
    // Government analysts read aggregates only (insights): a national one and the officer of A's own province.
    const analyst = await signedInUser(db);
    const officer = await signedInUser(db);
    const [{ province_code: provinceOfA }] = await queryRows<{ province_code: string }>(
      db,
      sql`select province_code from sellers where id = ${a.sellerId}`,
    );
    await db.execute(
      sql`insert into insights_analysts (user_id, province_code) values (${analyst.userId}, null), (${officer.userId}, ${provinceOfA})`,
    );
    // A's world: a paid order with its payment and documents, and one object of every other module.
    const order = await paidOrder(t.app, market.durian.variantIds[0], 1);
    const world = await victimWorld(t.app, market);
    // A's trade: an importer's request in A's category, A's quote, the importer's bulk order from it
    // and a message on the thread (the importer is none of the actors below).
    const inject = (method: 'POST' | 'PUT', url: string, cookie: string, payload: object) =>
      t.app.inject({ method, url, headers: { cookie, 'idempotency-key': newId() }, payload });
    const importer = await signedInUser(db);
    const tradeOp = await signedInUser(db, { isOperator: true });
    const tradeBuyer = await inject('POST', '/api/trade/buyers', importer.cookie, {
      companyName: '广州稻香进出口有限公司',
      country: 'CN',
      registrationNumber: '91350100M000100Y43',
      language: 'zh',
    });
    await inject('POST', `/api/operator/trade/buyers/${tradeBuyer.json().id}/verify`, tradeOp.cookie, {});
    const durianCategory = await categoryIdBySlug(db, 'durian');
    await inject('PUT', `/api/sellers/${a.sellerId}/trade/profile`, a.cookie, { categoryIds: [durianCategory] });
    const rfq = await inject('POST', '/api/trade/rfqs', importer.cookie, {
      product: '金枕头榴莲 2 吨',
      language: 'zh',
      categoryId: durianCategory,
      quantity: 2,
      unit: 'tonne',
      currency: 'CNY',
      incoterm: 'CPT',
      transportMode: 'air',
      place: 'Guangzhou Baiyun',
      deliveryFrom: '2027-05-01',
      deliveryTo: '2027-06-01',
      certifications: [],
      sampleWanted: false,
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const quote = await inject('POST', `/api/sellers/${a.sellerId}/trade/rfqs/${rfq.json().id}/quotes`, a.cookie, {
      unitPriceSatang: 15_000_000,
      moq: 1,
      tiers: [],
      leadTimeDays: 10,
      validUntil: '2099-12-31',
      terms: 'มัดจำ 30%',
      language: 'th',
      attachments: [],
      samplePriceSatang: 250_000,
    });
    await inject('POST', `/api/trade/rfqs/${rfq.json().id}/sellers/${a.sellerId}/messages`, importer.cookie, {
      body: '能空运吗？',
      language: 'zh',
    });
    const tradeOrder = await inject('POST', `/api/trade/quotes/${quote.json().id}/orders`, importer.cookie, {
      kind: 'bulk',
    });
    expect(tradeOrder.statusCode).toBe(201);
    // A sample order from the same quote, paid, shipped and received; the importer claims on it.
    const sample = (
      await inject('POST', `/api/trade/quotes/${quote.json().id}/orders`, importer.cookie, { kind: 'sample' })
    ).json();
    const sampleMilestone = sample.milestones[0].id;
    await inject(
      'POST',
      `/api/trade/orders/${sample.id}/milestones/${sampleMilestone}/bank-transfer`,
      importer.cookie,
      {
        reference: 'ICBC-20270105-0042',
      },
    );
    await inject('POST', `/api/operator/trade/milestones/${sampleMilestone}/confirm-transfer`, tradeOp.cookie, {});
    await drainOutbox(t.app);
    await inject('POST', `/api/sellers/${a.sellerId}/trade/orders/${sample.id}/shipment`, a.cookie, {
      document: 'awb',
      number: '217-12345675',
      carrier: 'Thai Airways Cargo',
      packages: 1,
      grossWeightKg: 5,
    });
    await inject('POST', `/api/trade/orders/${sample.id}/received`, importer.cookie, {});
    const claim = await inject('POST', `/api/trade/orders/${sample.id}/claim`, importer.cookie, {
      reason: 'not_as_agreed',
      description: '样品与报价不符',
      language: 'zh',
      evidence: [{ name: '照片.jpg', url: 'https://files.example/durian.jpg' }],
      requestedSatang: 100_000,
    });
    expect(claim.statusCode, claim.body).toBe(201);

    // A revoked token of A's.
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/sellers/${a.sellerId}/api-tokens`,
      headers: { cookie: a.cookie },
      payload: { name: 'revoked' },
    });
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/sellers/${a.sellerId}/api-tokens/${made.json().token.id}`,
      headers: { cookie: a.cookie },
    });
    expect(revoke.statusCode).toBeLessThan(300);

    const actors: Record<string, Record<string, string>> = {
      guest: {},
      'revoked API token of A': { authorization: `Bearer ${made.json().secret}` },
      "the other shop's owner": { cookie: b.cookie },
      "the other shop's staff": { cookie: bStaff.cookie },
      'another buyer': { cookie: buyerB.cookie },
      'a national analyst': { cookie: analyst.cookie },
      "the officer of A's province": { cookie: officer.cookie },
    };
    for (const role of ['manager', 'receiver', 'picker', 'packer'] as const) {
      actors[`bonded-hub ${role}`] = { cookie: (await hubWorker(db, HUB_LOCATIONS.eecBonded.id, role)).cookie };
      actors[`domestic-hub ${role}`] = {
        cookie: (await hubWorker(db, HUB_LOCATIONS.domesticFulfilment.id, role)).cookie,
      };
    }
    const tables = new Set(
      (
        await queryRows<{ t: string }>(
          db,
          sql`select table_name as t from information_schema.tables where table_schema = 'public'`,
        )
      ).map((r) => r.t),
    );
    const withColumn = async (column: string) =>
      new Set(
        (
          await queryRows<{ t: string }>(
            db,
            sql`select table_name as t from information_schema.columns where table_schema = 'public' and column_name = ${column}`,
          )
        ).map((r) => r.t),
      );
    const withSeller = await withColumn('seller_id');
    const withUser = await withColumn('user_id');
    /**
     * The table an id parameter names, found by name so that a new module's routes need no entry:
     * the path segment or parameter itself (`bookings`, `:rfqId` → `rfqs`), else the one table of a
     * module that ends so (`tourism_bookings`, `trade_rfqs`, `academy_credentials`).
     */
    function tableNamed(name: string, modules: string[]): string {
      const plural = name.endsWith('s') ? name : `${name}s`;
      // The route's own module first: `academy_sessions` for `/academy/sessions/:id`, `return_photos`
      // for `/returns/:id/photos/:photoId`, `finance_applications` next to `:lenderId` (`finance_lenders`).
      const prefixes = modules.flatMap((m) => (m.endsWith('s') ? [m, m.slice(0, -1)] : [m]));
      for (const n of [name, plural]) {
        for (const p of prefixes) if (tables.has(`${p}_${n}`)) return `${p}_${n}`;
        if (tables.has(n)) return n;
        const owned = [...tables].filter((x) => x.endsWith(`_${n}`));
        if (owned.length === 1) return owned[0];
        const ours = owned.find((x) => prefixes.some((p) => x.startsWith(`${p}_`)));
        if (ours) return ours;
      }
      return name;
    }
    const idCache = new Map<string, string | null>();
    async function idFrom(table: string): Promise<string | null> {
      if (!tables.has(table)) return null;
      if (!idCache.has(table)) {
        const where =
          table === 'sellers'
            ? `where id = '${a.sellerId}'`
            : withSeller.has(table)
              ? `where seller_id = '${a.sellerId}'`
              : withUser.has(table)
                ? `where user_id = '${a.userId}'`
                : '';
        const [row] = await queryRows<{ id: string }>(
          db,
          sql.raw(`select id::text as id from "${table}" ${where} limit 1`),
        ).catch(() => [] as { id: string }[]); // a table without an id column names no resource
        idCache.set(table, row?.id ?? null);
      }
      return idCache.get(table) ?? null;
    }
    // Ids that the fixtures know better than a table scan.
    const known: Record<string, string> = {
      sellers: a.sellerId,
      products: market.durian.productId,
      product_variants: market.durian.variantIds[0],
      orders: order.orderId,
      order_groups: order.groupId,
      stock_locations: HUB_LOCATIONS.domesticFulfilment.id,
    };
    Object.assign(known, world.known);
    known.trade_buyers = tradeBuyer.json().id;
    known.trade_rfqs = rfq.json().id;
    known.trade_quotes = quote.json().id;
    known.trade_orders = tradeOrder.json().id;
    known.trade_milestones = tradeOrder.json().milestones[0].id;

    const doc = t.app.swagger() as Schema;
    const withIds = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && /:\w*id\b/i.test(r.url));
    const leaks: string[] = [];
    const covered: string[] = [];
    const unresolved = new Set<string>();
    const trace: string[] = [];
    const errors: string[] = [];
    const beforeAccess = new Map<string, string>();
    let calls = 0;
    // Reads first, so no refused write can change what a read sees.
    withIds.sort((x, y) => Number(x.method !== 'GET') - Number(y.method !== 'GET'));
    for (const route of withIds) {
      const op = doc.paths?.[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const segments = route.url.split('/');
      const resolved: string[] = [];
      let url = '';
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i];
        if (!seg.startsWith(':')) {
          url += `${i ? '/' : ''}${seg}`;
          continue;
        }
        const name = seg.slice(1);
        const prev = segments[i - 1] ?? '';
        // A parameter the document limits to a few values (a document kind) takes the first of them.
        const schema = op?.parameters?.find((p: { in: string; name: string }) => p.in === 'path' && p.name === name)
          ?.schema as { enum?: string[]; anyOf?: { const?: string; enum?: string[] }[] } | undefined;
        const given =
          world.params[`${segments.slice(0, i).join('/')}/:${name}`] ??
          world.params[`${prev}/:${name}`] ??
          world.params[name] ??
          schema?.enum?.[0] ??
          schema?.anyOf?.[0]?.const ??
          schema?.anyOf?.[0]?.enum?.[0];
        if (given) {
          url += `/${given}`;
          continue;
        }
        const modules = [
          ...segments.slice(2, i).filter((x) => x && !x.startsWith(':')),
          ...resolved.map((x) => x.split('_')[0]),
        ].map((x) => x.replace(/-/g, '_'));
        const table =
          PARAM_TABLE[name] ??
          (name === 'locationId'
            ? 'stock_locations'
            : (TABLE_OF[prev] ??
              tableNamed(name !== 'id' && name.endsWith('Id') ? name.slice(0, -2) : prev.replace(/-/g, '_'), modules)));
        resolved.push(table);
        const id = known[table] ?? (await idFrom(table));
        trace.push(`    ${route.method} ${route.url} :${name} → ${table} ${id ? 'real' : 'fresh'}`);
        if (!id) unresolved.add(`${route.method} ${route.url} (:${name} → ${table})`);
        url += `/${id ?? newId()}`;
      }
      const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
      // An upload route gets a small picture in its "file" field, as a browser sends it.
      const upload =
        !bodySchema && route.consumes?.includes('multipart/form-data')
          ? multipart([{ name: 'file', filename: 'photo.png', type: 'image/png', data: PNG }])
          : null;
      const payload =
        route.method === 'GET' || route.method === 'DELETE'
          ? undefined
          : bodySchema
            ? fc.sample(valid(bodySchema, doc), { seed: 14, numRuns: 1 })[0]
            : (upload?.payload ?? {});
      // Required query parameters (a date range, a scanned code) get well-formed values too.
      const query = Object.fromEntries(
        (op?.parameters ?? [])
          .filter((p: Schema) => p.in === 'query' && p.required)
          .map((p: Schema) => [p.name, String(fc.sample(valid(p.schema ?? {}, doc), { seed: 14, numRuns: 1 })[0])]),
      );
      const call = (headers: Record<string, string>) => {
        calls++;
        return t.app.inject({
          method: route.method as any,
          url,
          query,
          headers: { ...headers, ...upload?.headers, 'idempotency-key': newId() },
          ...(payload === undefined ? {} : { payload: payload as any }),
        });
      };
      // The caller's own cart, keyed by a public catalogue variant id: nobody else's data.
      if (route.url.startsWith('/api/cart/')) continue;
      const guest = await call({});
      // A route a guest may read (a product page, a tracking number) is public.
      if (route.method === 'GET' && guest.statusCode < 300) continue;
      // The domestic hub's own staff may do hub work at the domestic hub.
      const hubRoute = /^\/api\/(hubs|inbound|waves|picks|outbound)\//.test(route.url);
      covered.push(`${route.method} ${route.url}`);
      const ownData = OWN_DATA[`${route.method} ${route.url}`] !== undefined;
      for (const [who, headers] of Object.entries(actors)) {
        if (hubRoute && who.startsWith('domestic-hub')) continue;
        if (ownData && who !== 'guest' && !who.startsWith('revoked')) continue;
        const res = who === 'guest' ? guest : await call(headers);
        if (res.statusCode >= 500) errors.push(`${who}: ${route.method} ${url} → ${res.statusCode}`);
        // A signed-in actor refused for its input or the object's state, not by the access check:
        // the matrix learnt less about that route (listed, so that a payload can be improved).
        else if (who !== 'guest' && ![401, 403, 404].includes(res.statusCode) && res.statusCode >= 300)
          beforeAccess.set(`${route.method} ${route.url}`, `${res.statusCode} ${res.json().code ?? ''}`);
        if (res.statusCode < 300)
          leaks.push(`${who}: ${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    const routesUnresolved = new Set([...unresolved].map((u) => u.replace(/ \(:.*$/, '')));
    const withReal = covered.filter((r) => !routesUnresolved.has(r)).length;
    const freshOnly = covered.filter((r) => routesUnresolved.has(r));
    console.log(
      [
        `tenant matrix: ${withIds.length} routes with an id; ${covered.length} not public, checked against ${Object.keys(actors).length} actors; ${calls} requests`,
        `  ${withReal} tried with a real object of shop A for every id; ${freshOnly.length} with a fresh UUID for some id:`,
        ...[...unresolved].map((u) => `    ${u}`),
        `  ${beforeAccess.size} refused to a signed-in actor before the access check (input or state):`,
        ...[...beforeAccess].map(([r, why]) => `    ${r} → ${why}`),
        ...(world.failed.length ? ['  fixtures that could not be made:', ...world.failed.map((f) => `    ${f}`)] : []),
        ...(process.env.MATRIX_DEBUG ? trace : []),
      ].join('\n'),
    );
    // The exceptions name routes that exist.
    const routeNames = new Set(t.app.routeTable.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(OWN_DATA).filter((r) => !routeNames.has(r))).toEqual([]);
    // The fixtures may only grow: fewer real objects means a route lost its fixture.
    expect(withReal).toBeGreaterThanOrEqual(225);
    expect(world.failed).toEqual([]);
    expect(leaks).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
