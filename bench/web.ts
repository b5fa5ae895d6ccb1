// bench:web — server response time of the storefront pages (rendered on the server) at
// concurrency 16 over loopback, and the gzipped JavaScript each kind of page loads.
// Prints `name: value` lines. REQUESTS (default 800 per page) and CONCURRENCY (default 16) may be set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { gzippedScriptBytes, loadWebBuild } from '../src/web/build-output.ts';
import { buildWeb, isBuildFresh } from '../web/build.ts';
import { freshPostgres, startServer } from './support.ts';

const REQUESTS = Number(process.env.REQUESTS || 800);
const CONCURRENCY = Number(process.env.CONCURRENCY || 16);

// The platform as a newcomer runs it — `npm start` with the demo data, in its own process (the load
// comes from this one) — on the embedded database, or with ENGINE=postgres on a fresh database of
// DATABASE_URL's server (default: the local PostgreSQL).
if (!isBuildFresh()) await buildWeb();
const engine = process.env.ENGINE === 'postgres' ? 'postgres' : 'pglite';
const dataDir = mkdtempSync(join(tmpdir(), 'talad-bench-web-'));
const pg = engine === 'postgres' ? await freshPostgres('talad_web') : null;
const server = await startServer({ DATA_DIR: dataDir, DEMO_DATA: 'true', DATABASE_URL: pg?.url ?? '' });
console.log(`engine: ${engine}`);
const base = server.origin;
const listing = (await (await fetch(`${base}/api/products?perPage=50`)).json()) as {
  items: { id: string; titleI18n: { en: string | null } }[];
};
const durian = listing.items.find((p) => p.titleI18n.en?.includes('durian'))!;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function measure(path: string, headers: Record<string, string> = {}): Promise<{ p50: number; p95: number }> {
  const url = `${base}${path}`;
  const once = async () => {
    const started = performance.now();
    const res = await request(url, { headers: { 'accept-encoding': 'gzip', ...headers } });
    await res.body.arrayBuffer();
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 50; i++) await once(); // warm up
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) times.push(await once());
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const pages: [string, string][] = [
  ['product', `/p/${durian.id}`],
  ['listing', '/products'],
  ['home', '/'],
];
for (const [name, path] of pages) {
  // As anonymous visitors get them (from the few-second page cache), and rendered afresh for
  // each request (a visitor with a cart cookie).
  const served = await measure(path);
  console.log(`${name}_p50_ms: ${served.p50.toFixed(1)}`);
  console.log(`${name}_p95_ms: ${served.p95.toFixed(1)}`);
  const fresh = await measure(path, { cookie: 'talad_guest=bench-visitor' });
  console.log(`${name}_rendered_p50_ms: ${fresh.p50.toFixed(1)}`);
  console.log(`${name}_rendered_p95_ms: ${fresh.p95.toFixed(1)}`);
}
console.log(`concurrency: ${CONCURRENCY}`);
console.log(`requests_per_page: ${REQUESTS}`);

const build = await loadWebBuild();
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const storefront = gzippedScriptBytes(build, []);
for (const name of ['home', 'listing', 'product', 'cart']) console.log(`${name}_js_gzip_kb: ${kb(storefront)}`);
console.log(`checkout_js_gzip_kb: ${kb(gzippedScriptBytes(build, ['src/checkout/index.tsx']))}`);
console.log(`seller_centre_js_gzip_kb: ${kb(gzippedScriptBytes(build, ['src/seller/index.tsx']))}`);
console.log(`operator_console_js_gzip_kb: ${kb(gzippedScriptBytes(build, ['src/ops/index.tsx']))}`);

console.log(`server_rss_mb: ${Math.round(server.peakRssMb())}`);
await server.stop();
await pg?.drop();
rmSync(dataDir, { recursive: true, force: true });
