// Schema-driven fuzzing of every operation in the OpenAPI document (module-agnostic: a new
// module's routes are walked as soon as they are registered). Each operation is called as the role
// that may call it with requests fast-check derives from its schema and then spoils: missing and
// extra fields, wrong types, 100 KB strings, deep nesting, emoji / zero-width / right-to-left text,
// NaN, negative and huge numbers, invalid UUIDs, SQL and path-traversal strings, wrong content types
// and invalid JSON. It asserts no 5xx; every refusal is problem+json with a stable code whose detail
// exists in th, zh and en; and no table changes when a write is refused.
// Replay a failure with FUZZ_SEED=<seed printed below>; FUZZ_RUNS widens the run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { useTestApp } from './db.ts';
import { createMarket, type Market } from './e2e/market.ts';
import { addStaff, sellerApiToken, type TestSeller } from '../src/modules/sellers/testing.ts';
import { signUp, operatorSession } from '../src/modules/identity/testing.ts';
import { hubWorker } from '../src/modules/hub/testing.ts';
import { HUB_LOCATIONS } from '../src/modules/inventory/index.ts';
import { hasMessage } from '../src/platform/i18n.ts';
import { queryRows } from '../src/platform/db.ts';
import { resolve, valid, type Schema } from './openapi.ts';

const t = useTestApp({ SIGN_IN_RATE_LIMIT: '100000' });
// `npm test` uses a fixed seed, so a red run replays exactly; FUZZ_SEED=random explores new inputs.
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 1022201564);
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);

interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string; schema: Schema; required?: boolean }[];
  body?: Schema;
  bodyType?: string;
}

// ---------------------------------------------------------------------------------------------
// Hostile values, and an arbitrary of well-formed values derived from a JSON schema.
const BIG = 'ก'.repeat(100 * 1024);
const deep = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
  return v;
};
const HOSTILE_STRINGS = [
  BIG,
  '👨‍👩‍👧‍👦🇹🇭🥭',
  'a\u200b\u200c\u200d\ufeffb',
  '\u202eสวัสดี\u202c مرحبا עברית',
  "' OR 1=1 --",
  "'; drop table users; --",
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '00000000-0000-0000-0000-00000000000g',
  'not-a-uuid',
  'NaN',
  '-1',
  '1e309',
  '',
  ' ',
  'nul\u0000byte',
  '\ud800',
  '<script>alert(1)</script>',
  '%00',
  '{{7*7}}${7*7}',
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  -1,
  0,
  -(2 ** 31),
  2 ** 31,
  2 ** 53 + 1,
  1e308,
  -1e308,
  0.5,
  true,
  null,
  [],
  {},
  deep(500),
  Array.from({ length: 2000 }, (_, i) => i),
];
const hostile = fc.constantFrom(...HOSTILE_VALUES);

/** A well-formed value spoiled in one of the ways a hostile or broken client would. */
function spoiled(s0: Schema, doc: Schema): fc.Arbitrary<unknown> {
  const s = resolve(s0, doc);
  const props = Object.keys(s.properties ?? {});
  const base = valid(s, doc) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<unknown>[] = [hostile, base];
  if (props.length) {
    options.push(
      // one field hostile
      fc
        .tuple(base, fc.constantFrom(...props), hostile)
        .map(([b, k, v]) => ({ ...(typeof b === 'object' && b ? b : {}), [k]: v })),
      // one field missing
      fc.tuple(base, fc.constantFrom(...props)).map(([b, k]) => {
        const copy = { ...(typeof b === 'object' && b ? b : {}) };
        delete copy[k];
        return copy;
      }),
      // an extra field
      fc.tuple(base, hostile).map(([b, v]) => ({ ...(typeof b === 'object' && b ? b : {}), __proto__x: v, extra: v })),
    );
  }
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------
// Who may call what: the operator console, the hub, a shop's own routes, everything else a buyer.
interface Actors {
  market: Market;
  seller: TestSeller;
  staffCookie: string;
  buyerCookie: string;
  operatorCookie: string;
  hubCookie: string;
  token: string;
}

function headersFor(op: Operation, a: Actors): Record<string, string> {
  const p = op.path;
  if (/^\/api\/auth\//.test(p)) return {};
  if (/^\/api\/(operator|sandbox-gateway|payments\/sandbox|carrier-sandbox)\//.test(p))
    return { cookie: a.operatorCookie };
  if (/^\/api\/(hubs?|inbound|waves|picks|outbound)(\/|$)/.test(p)) return { cookie: a.hubCookie };
  if (/^\/api\/sellers\/\{(sellerId|id)\}/.test(p)) return { cookie: a.seller.cookie };
  return { cookie: a.buyerCookie };
}

/** Path parameters: the caller's own ids where the name says what it is, otherwise fuzzed. */
function pathValue(name: string, path: string, a: Actors): fc.Arbitrary<string> {
  const own: string[] = [];
  if (name === 'sellerId' || (name === 'id' && /^\/api\/sellers\/\{id\}/.test(path))) own.push(a.seller.sellerId);
  if (name === 'productId' || (name === 'id' && path.startsWith('/api/products/'))) own.push(a.market.durian.productId);
  if (name === 'variantId') own.push(a.market.durian.variantIds[0]);
  if (name === 'locationId') own.push(HUB_LOCATIONS.domesticFulfilment.id);
  if (name === 'slug' || name === 'shopSlug') own.push(a.seller.slug);
  const bad = fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
    "1' OR '1'='1",
    '..%2F..%2Fetc%2Fpasswd',
    '%F0%9F%A5%AD',
    '%E2%80%8B',
    'x'.repeat(2000),
    '-1',
    'NaN',
    '%00',
  );
  return own.length ? fc.oneof(fc.constantFrom(...own), bad, fc.uuid()) : fc.oneof(bad, fc.uuid());
}

function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, k) => (k === '*' ? (values[k] ?? 'x') : encodeURI(values[k] ?? 'x')));
}

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

function requests(op: Operation, doc: Schema, a: Actors): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathArb = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p.name, op.path, a)])));
  const queryArb = fc.dictionary(
    fc.constantFrom(...queryParams.map((p) => p.name), 'extra', 'page'),
    fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 5000)), fc.string({ maxLength: 8 })),
    { maxKeys: 3 },
  );
  const hasBody = op.method !== 'GET' && op.method !== 'HEAD';
  const bodyArb: fc.Arbitrary<{ type?: string; payload?: string }> = hasBody
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: spoiled(op.body ?? { type: 'object' }, doc).map((v) => ({
            type: 'application/json',
            payload: JSON.stringify(v) ?? 'null',
          })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('{"a":', '{a:1}', '[1,2', 'nul', '\u0000', '{"x":1}}')
            .map((p) => ({ type: 'application/json', payload: p })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(
              'text/plain',
              'application/x-www-form-urlencoded',
              'application/xml',
              'multipart/form-data; boundary=x',
            )
            .map((type) => ({ type, payload: 'a=1&b=%00' })),
        },
        { weight: 1, arbitrary: fc.constant({}) },
      )
    : fc.constant({});
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pv, q, b]) => {
    const qs = new URLSearchParams(q as Record<string, string>).toString();
    const headers: Record<string, string> = { ...headersFor(op, a), 'idempotency-key': crypto.randomUUID() };
    if (b.type) headers['content-type'] = b.type;
    return { method: op.method, url: fillPath(op.path, pv) + (qs ? `?${qs}` : ''), headers, payload: b.payload };
  });
}

// ---------------------------------------------------------------------------------------------
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await queryRows<{ t: string }>(
    t.app.db,
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts = tables.map((r) => `(select count(*)::int from "${r.t}") as "${r.t}"`).join(', ');
  const [row] = await queryRows<Record<string, number>>(t.app.db, sql.raw(`select ${parts}`));
  return row;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it('answers hostile input without a 5xx, with three-language problems, and writes nothing when it refuses', async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED}), runs per operation ${RUNS}`);
    await t.app.ready();
    const doc = t.app.swagger() as Schema;
    const market = await createMarket(t.app);
    const seller = market.durian.seller;
    const actors: Actors = {
      market,
      seller,
      staffCookie: (await addStaff(t.app, seller)).cookie,
      buyerCookie: (await signUp(t.app, { displayName: 'ผู้ซื้อ' })).cookie,
      operatorCookie: (await operatorSession(t.app)).cookie,
      hubCookie: (await hubWorker(t.app.db, HUB_LOCATIONS.domesticFulfilment.id)).cookie,
      token: await sellerApiToken(t.app, seller),
    };
    const ops: Operation[] = [];
    for (const [path, item] of Object.entries<Schema>(doc.paths)) {
      for (const [method, o] of Object.entries<Schema>(item)) {
        const content = o.requestBody?.content ?? {};
        const bodyType = Object.keys(content)[0];
        ops.push({
          method: method.toUpperCase(),
          path,
          params: o.parameters ?? [],
          body: bodyType ? content[bodyType].schema : undefined,
          bodyType,
        });
      }
    }
    // Sign-out last, so no other request loses its session to it.
    ops.sort((x, y) => Number(x.path.includes('sign-out')) - Number(y.path.includes('sign-out')));

    const failures: string[] = [];
    const codesChecked = new Set<string>();
    let sent = 0;
    for (const op of ops) {
      const write = op.method !== 'GET' && op.method !== 'HEAD';
      await fc.assert(
        fc.asyncProperty(requests(op, doc, actors), async (req) => {
          const before = write ? await tableCounts() : null;
          const res = await t.app.inject(req as any);
          sent++;
          const where = `${req.method} ${req.url.slice(0, 160)} (${op.method} ${op.path}) ${req.headers['content-type'] ?? ''} ${String(req.payload ?? '').slice(0, 200)}`;
          if (res.statusCode >= 500) {
            failures.push(`${res.statusCode} ${where}: ${res.body.slice(0, 300)}`);
            return;
          }
          // Web pages (outside /api) refuse with an HTML page in the reader's language.
          if (res.statusCode < 400 || !op.path.startsWith('/api/')) return;
          const type = String(res.headers['content-type'] ?? '');
          if (!type.startsWith('application/problem+json')) {
            failures.push(`${res.statusCode} not problem+json (${type}) ${where}`);
            return;
          }
          const problem = res.json();
          if (!problem.code || !hasMessage(problem.code) || !problem.detail) {
            failures.push(`${res.statusCode} code ${problem.code} has no message ${where}`);
            return;
          }
          if (!codesChecked.has(problem.code)) {
            codesChecked.add(problem.code);
            const details = new Set<string>();
            for (const lang of ['th', 'zh', 'en']) {
              const again = await t.app.inject({
                ...(req as any),
                headers: { ...req.headers, 'accept-language': lang },
              });
              sent++;
              const p = again.json();
              if (p.code !== problem.code || !p.detail) failures.push(`${lang}: ${p.code} without detail ${where}`);
              details.add(p.detail);
            }
            if (details.size < 2) failures.push(`${problem.code}: the same detail in th, zh and en`);
          }
          if (before) {
            const after = await tableCounts();
            const changed = Object.keys(after).filter(
              (k) => after[k] !== before[k] && !['sessions', 'outbox'].includes(k),
            );
            if (changed.length) failures.push(`${res.statusCode} refused but wrote ${changed.join(', ')}: ${where}`);
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
    console.log(`fuzzed ${ops.length} operations with ${sent} requests (seed ${SEED}); ${failures.length} findings`);
    expect(failures.slice(0, 40)).toEqual([]);
  }, 600_000);
});
