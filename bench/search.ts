// npm run bench:search — search at scale: PRODUCTS products (default 100,000) from the glossary and
// category vocabularies in many shops and all 77 provinces, indexed by the search module's own
// reindex, then QUERIES mixed queries (Thai, Chinese, English, mixed, misspelt, half-typed; with
// facets, some with filters and other sorts) at CONCURRENCY 16 over HTTP on loopback.
//
// ENGINES=postgres,pglite (default both). PostgreSQL: a fresh database on DATABASE_URL's server
// (default the local 127.0.0.1:5432), dropped afterwards unless KEEP_DB names it. PGlite: a fresh data directory. The
// server runs in its own process (`talad start`, the bundled sources) so its memory is its own.
// Prints `name: value` lines per engine.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'undici';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import {
  fromPglite,
  fromPostgres,
  migrateDatabase,
  pgliteExtensions,
  queryRows,
  type Database,
} from '../src/platform/db.ts';
import { seedCategories } from '../src/modules/catalog/index.ts';
import { reindex } from '../src/modules/search/index.ts';
import { generateCatalog, queryMix } from './search-catalog.ts';

const PRODUCTS = Number(process.env.PRODUCTS ?? 100_000);
const SHOPS = Number(process.env.SHOPS ?? Math.max(20, Math.round(PRODUCTS / 40)));
const QUERIES = Number(process.env.QUERIES ?? 2_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const ENGINES = (process.env.ENGINES ?? 'postgres,pglite')
  .split(',')
  .map((e) => e.trim())
  .filter(Boolean);
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

const progress = (label: string) => (done: number, total?: number) => {
  process.stderr.write(`\r${label} ${done.toLocaleString('en')}${total ? ` / ${total.toLocaleString('en')}` : ''}   `);
};

/** Fills the database and indexes it; returns the seconds `reindex` took. */
async function prepare(database: Database): Promise<number> {
  await migrateDatabase(database);
  await seedCategories(database.db);
  await generateCatalog(database.db, PRODUCTS, SHOPS, progress('products'));
  process.stderr.write('\n');
  const t0 = performance.now();
  await reindex(database.db, progress('indexed'));
  process.stderr.write('\n');
  return (performance.now() - t0) / 1000;
}

async function run(engine: string): Promise<void> {
  const env: Record<string, string> = { HOST: '127.0.0.1', DEMO_DATA: 'false', LOG_LEVEL: 'warn' };
  let cleanup: () => Promise<void>;
  let indexSeconds: number;
  let categorySlugs: Map<string, string>;
  if (engine === 'postgres') {
    // KEEP_DB=name keeps the filled database for the next run, which then skips filling it
    // (index_seconds is then that of the run that filled it: 0 is printed).
    const keep = process.env.KEEP_DB;
    const dbName = keep ?? `talad_search_${Date.now()}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    const exists = keep ? (await admin`select 1 from pg_database where datname = ${keep}`).length > 0 : false;
    if (!exists) await admin.unsafe(`create database ${dbName}`);
    const url = new URL(baseUrl);
    url.pathname = `/${dbName}`;
    const database = fromPostgres(url.toString(), 4);
    indexSeconds = exists ? 0 : await prepare(database);
    if (exists) await migrateDatabase(database);
    await database.db.execute(sql`analyze`);
    categorySlugs = new Map(
      (await queryRows<{ slug: string; id: string }>(database.db, sql`select slug, id from categories`)).map((c) => [
        c.slug,
        c.id,
      ]),
    );
    await database.close();
    env.DATABASE_URL = url.toString();
    env.DB_POOL_SIZE = process.env.DB_POOL_SIZE ?? '16';
    cleanup = async () => {
      if (!keep) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'talad-bench-search-'));
    const database = fromPglite(new PGlite(join(dataDir, 'pglite'), { extensions: pgliteExtensions }));
    indexSeconds = await prepare(database);
    await database.db.execute(sql`analyze`);
    categorySlugs = new Map(
      (await queryRows<{ slug: string; id: string }>(database.db, sql`select slug, id from categories`)).map((c) => [
        c.slug,
        c.id,
      ]),
    );
    await database.close();
    env.DATA_DIR = dataDir;
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }

  const port = await freePort();
  // SERVER_PROFILE=dir writes the server's CPU profile there (to see where its time goes).
  const profile = process.env.SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_PROFILE}`] : [];
  const server = spawn(process.execPath, [...profile, '--enable-source-maps', 'dist/server/main.js', 'start'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 600) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  let peakRss = 0;
  const rssTimer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
      if (m) peakRss = Math.max(peakRss, Number(m[1]) / 1024);
    } catch {
      /* gone */
    }
  }, 200);

  const pool = new Pool(origin, { connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 60_000 });
  const paths = queryMix(QUERIES, categorySlugs);
  const latencies: number[] = [];
  const timed: [number, string][] = [];
  let errors = 0;
  let empty = 0;
  const errorSamples = new Map<string, number>();
  const send = async (path: string, record: boolean) => {
    const t0 = performance.now();
    const res = await pool.request({ method: 'GET', path, headers: { 'accept-language': 'th' } });
    const body = await res.body.text();
    if (!record) return;
    latencies.push(performance.now() - t0);
    timed.push([performance.now() - t0, path]);
    if (res.statusCode !== 200) {
      errors++;
      errorSamples.set(`${res.statusCode} ${body.slice(0, 100)}`, (errorSamples.get(`${res.statusCode}`) ?? 0) + 1);
      return;
    }
    if (JSON.parse(body).total === 0) empty++;
  };
  // Warm up on queries not measured (the first plans and pages of each kind).
  const warm = queryMix(200, categorySlugs, 99);
  for (let i = 0; i < warm.length; i += CONCURRENCY)
    await Promise.all(warm.slice(i, i + CONCURRENCY).map((p) => send(p, false)));
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < paths.length) await send(paths[next++], true);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  clearInterval(rssTimer);
  await pool.close();
  server.kill('SIGTERM');
  await once(server, 'exit');
  await cleanup();

  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
  const lines: [string, string | number][] = [
    ['engine', engine],
    ['products', PRODUCTS],
    ['shops', SHOPS],
    ['queries', latencies.length],
    ['concurrency', CONCURRENCY],
    ['qps', Math.round(latencies.length / seconds)],
    ['p50_ms', pct(50)],
    ['p95_ms', pct(95)],
    ['p99_ms', pct(99)],
    ['index_seconds', indexSeconds.toFixed(1)],
    ['server_rss_mb', Math.round(peakRss)],
    ['errors', errors],
    ['zero_result_share', (empty / Math.max(1, latencies.length)).toFixed(3)],
  ];
  for (const [k, v] of lines) console.log(`${k}: ${v}`);
  for (const [what, n] of errorSamples) console.error(`error x${n}: ${what}`);
  // The slowest queries, to know what to work on (stderr, not part of the figures).
  for (const [ms, path] of timed.sort((a, b) => b[0] - a[0]).slice(0, Number(process.env.SLOWEST ?? 0))) {
    console.error(`slow ${ms.toFixed(0)} ms ${decodeURIComponent(path)}`);
  }
}

async function main() {
  execFileSync('npm', ['run', '--silent', 'build:server'], { stdio: 'inherit' });
  for (const engine of ENGINES) {
    if (engine !== 'postgres' && engine !== 'pglite') throw new Error(`ENGINES: unknown engine ${engine}`);
    await run(engine);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
