// The `talad` command: start | migrate | seed.
import { loadConfig, ConfigError, type Config } from './platform/config.ts';
import { openDatabase, migrateDatabase, type Database } from './platform/db.ts';
import { startOutboxWorker } from './platform/outbox.ts';
import { buildApp } from './app.ts';
import { seedDemo, isSeeded } from './demo/seed.ts';
import { startBackgroundJobs, outboxHandlers } from './jobs.ts';

const USAGE = `talad — the Talad marketplace

Usage: talad <command>
  start     migrate, load demo data on first start (DEMO_DATA=true), serve HTTP on HOST:PORT
  migrate   apply the committed database migrations
  seed      load the demo data (once; skipped when it is already there)

Configuration: environment variables (see README.md): PORT, HOST, DATA_DIR, DATABASE_URL, ...`;

async function open(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  await migrateDatabase(database);
  return database;
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
    else { await seedDemo(database.db, config); console.log('demo data loaded'); }
    await database.close();
    return;
  }
  if (command !== 'start') {
    console.error(USAGE);
    process.exit(command === 'help' || command === '--help' ? 0 : 2);
  }

  const database = await open(config);
  if (config.demoData && !(await isSeeded(database.db))) await seedDemo(database.db, config);
  const app = await buildApp({ db: database.db, config });
  const stopJobs = startBackgroundJobs(database.db, config, app.log);
  const stopOutbox = startOutboxWorker(database.db, outboxHandlers(), app.log);
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
  app.log.info(`Talad is serving ${address} on ${database.kind === 'pglite' ? `the embedded database in ${config.dataDir}` : 'PostgreSQL'}`);
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
