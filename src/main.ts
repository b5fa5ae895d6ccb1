// The `talad` command: start | migrate | seed | reindex.
import { loadConfig, ConfigError, type Config } from './platform/config.ts';
import { openDatabase, migrateDatabase, type Database } from './platform/db.ts';
import { startOutboxWorker } from './platform/outbox.ts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { seedDemo, isSeeded } from './demo/seed.ts';
import { seedCrossBorderOrder } from './demo/crossborder.ts';
import { indexSources, reindex } from './modules/search/index.ts';
import { startJobs } from './platform/module.ts';
import { exportOpenData, insightsModule } from './modules/insights/index.ts';

const USAGE = `talad — the Talad marketplace

Usage: talad <command>
  start     migrate, load demo data on first start (DEMO_DATA=true), serve HTTP on HOST:PORT
  migrate   apply the committed database migrations
  seed      load the demo data (once; skipped when it is already there)
  reindex   rebuild the search index from the catalog (it keeps answering meanwhile)
  export-open-data [dir]
            write the open datasets (CSV, JSON, metadata) and the DCAT-AP catalogue to dir (./open-data)

Configuration: environment variables (see README.md): PORT, HOST, DATA_DIR, DATABASE_URL, ...`;

async function open(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await migrateDatabase(database);
  return database;
}

/** The app on an open database; a module setting that is not valid stops here, naming its variable. */
async function appOn(database: Database, config: Config): Promise<FastifyInstance> {
  try {
    return await buildApp({ db: database.db, config });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`Invalid configuration: ${err.message}`);
    await database.close();
    process.exit(2);
  }
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'start';
  // A running platform uses React's production build for server rendering (several times faster
  // than the development build); set NODE_ENV=development to debug pages.
  if (command === 'start') process.env.NODE_ENV ??= 'production';
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Invalid configuration: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }

  if (command === 'migrate') {
    const database = await open(config);
    console.log(`migrations applied (${database.kind})`);
    await database.close();
    return;
  }
  if (command === 'seed') {
    const database = await open(config);
    if (await isSeeded(database.db)) console.log('demo data is already loaded');
    else {
      const app = await appOn(database, config);
      await seedDemo(app.platform);
      await app.close();
      console.log('demo data loaded');
    }
    await database.close();
    return;
  }
  if (command === 'reindex') {
    const database = await open(config);
    // The modules' hooks (standards' certification marks, reviews' ratings) without serving anything.
    const app = await appOn(database, config);
    const started = performance.now();
    const count = await reindex(database.db, progressBar('indexing'), undefined, indexSources(app.platform.hooks));
    await app.close();
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(
      `search index rebuilt: ${count.toLocaleString('en')} products in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await database.close();
    return;
  }
  if (command === 'export-open-data') {
    const database = await open(config);
    const app = await appOn(database, config);
    const dir = argv[1] ?? 'open-data';
    const written = await exportOpenData(database.db, dir, app.platform.runtime(insightsModule).publicUrl);
    await app.close();
    await database.close();
    console.log(`open data written to ${dir}: ${written.join(', ')}`);
    return;
  }
  if (command !== 'start') {
    console.error(USAGE);
    process.exit(command === 'help' || command === '--help' ? 0 : 2);
  }

  const database = await open(config);
  const seeding = config.demoData && !(await isSeeded(database.db));
  const app = await appOn(database, config);
  if (seeding) await seedDemo(app.platform);
  const stopJobs = startJobs(app.platform);
  const stopOutbox = startOutboxWorker(database.db, app.platform.handlers, app.log);
  // The demo's order to China is paid through the sandbox Alipay wallet, so it is placed once the app runs;
  // the jobs then declare it to the customs sandbox and the EEC hub lists it when released.
  if (seeding) await seedCrossBorderOrder(app).catch((err) => app.log.warn({ err }, 'demo order to China not placed'));
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopJobs();
    stopOutbox();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Talad is serving ${address} on ${database.kind === 'pglite' ? `the embedded database in ${config.dataDir}` : 'PostgreSQL'}`,
  );
}

/** `[#####-----]  45%  45,000 / 100,000` on stderr, redrawn in place on a terminal. */
function progressBar(label: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const share = total ? done / total : 1;
    const percent = Math.floor(share * 100);
    if (percent === last && done !== total) return;
    last = percent;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
    const line = `${label} [${bar}] ${String(percent).padStart(3)}%  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
