// A fresh, migrated database for one test file: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { fromPglite, fromPostgres, pgliteExtensions, type Database } from '../src/platform/db.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { deliverOutbox } from '../src/platform/outbox.ts';
import { queryRows } from '../src/platform/db.ts';
import { payloadProblems } from '../src/events.ts';
import { sql } from 'drizzle-orm';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(): Promise<Database> {
  const template = inject('pgTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (url && template) {
    const name = `talad_t_${template.split('_').pop()}_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = fromPostgres(u.toString(), 20);
    return {
      ...database,
      close: async () => {
        await database.close();
        const a = postgres(url, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  const pg = new PGlite({ loadDataDir: new Blob([dump]), extensions: pgliteExtensions });
  await pg.waitReady;
  return fromPglite(pg);
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: '/tmp/talad-test-data',
    SIGN_IN_RATE_LIMIT: '1000',
    ...overrides,
  });
}

/**
 * The usual setup of a test file that talks HTTP: a fresh database and the app on it, closed after
 * the file. Read `t.app` and `t.database` inside tests (they exist once `beforeAll` has run).
 */
export function useTestApp(overrides: Record<string, string> = {}): {
  app: FastifyInstance;
  database: Database;
  config: Config;
} {
  const t = {} as { app: FastifyInstance; database: Database; config: Config };
  beforeAll(async () => {
    t.database = await createTestDatabase();
    t.config = testConfig(overrides);
    t.app = await buildApp({ db: t.database.db, config: t.config, logger: false });
  });
  afterAll(async () => {
    try {
      if (t.database) await expectCatalogueEvents(t.database);
    } finally {
      await t.app?.close();
      await t.database?.close();
    }
  });
  return t;
}

/** Delivers pending outbox events to every module's subscriptions, as `talad start`'s worker does each second. */
export async function drainOutbox(app: Pick<FastifyInstance, 'db' | 'platform'>, passes = 50): Promise<void> {
  for (let i = 0; i < passes && (await deliverOutbox(app.db, app.platform.handlers)) > 0; i++);
}

/**
 * Every event a test file wrote matches the event catalogue (src/events.ts): run after each file
 * that uses useTestApp, so a producer that leaves out a field fails the tests that exercised it.
 */
export async function expectCatalogueEvents(database: Database): Promise<void> {
  const rows = await queryRows<{ id: number; topic: string; payload: unknown }>(
    database.db,
    sql`select id::int as id, topic, payload from outbox where topic not like 'test.%' order by id`,
  );
  const wrong = rows.flatMap((r) => {
    const problem = payloadProblems(r.topic, r.payload);
    return problem ? [`#${r.id} ${r.topic}: ${problem}`] : [];
  });
  if (wrong.length) throw new Error(`events that do not match the catalogue:\n${wrong.slice(0, 10).join('\n')}`);
}
