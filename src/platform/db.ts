// One PostgreSQL dialect everywhere: the embedded PGlite (WASM PostgreSQL, data under DATA_DIR)
// by default, or a PostgreSQL server named by DATABASE_URL. Same schema, same migrations, same SQL.
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** A database handle or an open transaction: services take either. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, any>;
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// Relative to the project root, so the same path holds from src/platform/ and from a bundle in dist/server/.
export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations');

/** Extensions every PGlite instance must load: the migrations create pg_trgm (search). */
export const pgliteExtensions = { pg_trgm };

export function fromPglite(client: PGlite): Database {
  const db = drizzlePglite(client) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

export function fromPostgres(url: string, max = 10): Database {
  const client = postgres(url, {
    max,
    onnotice: () => {},
  });
  const db = drizzlePostgres(client) as unknown as Db;
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
}): Promise<Database> {
  if (opts.databaseUrl) return fromPostgres(opts.databaseUrl, opts.poolSize);
  const dir = join(opts.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: pgliteExtensions });
  await client.waitReady;
  return fromPglite(client);
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as any, { migrationsFolder });
  else await migratePostgres(database.db as any, { migrationsFolder });
}

/** Runs raw SQL and returns its rows, whichever driver is underneath. */
export async function queryRows<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const res: any = await db.execute(query);
  return (Array.isArray(res) ? res : res.rows) as T[];
}

/** A uuid[] literal for one bound parameter (`= any(${uuidArray(ids)}::uuid[])`): one SQL text for any
 * number of ids, so prepared statements are reused. Callers pass validated uuids only. */
export function uuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

/** `column = any($1::uuid[])`: like inArray, but one SQL text (and one prepared statement) for any count. */
export function anyUuid(column: AnyColumn, ids: string[]): SQL {
  return sql`${column} = any(${uuidArray(ids)}::uuid[])`;
}

/** Ids given as a list, or as a subquery that selects them (so dependent reads can share one round trip). */
export type IdSet = string[] | SQL;

/** `column = any(uuid[])` for a list, `column in (subquery)` for a subquery. */
export function inIds(column: AnyColumn, ids: IdSet): SQL {
  return Array.isArray(ids) ? anyUuid(column, ids) : sql`${column} in (${ids})`;
}

export const isEmptyIdSet = (ids: IdSet): boolean => Array.isArray(ids) && ids.length === 0;
