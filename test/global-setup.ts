// Migrates one database per test run; each test file then gets its own copy (a PGlite loaded from
// the migrated data dir, or a PostgreSQL database created from a migrated template).
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { fromPglite, fromPostgres, migrateDatabase, pgliteExtensions } from '../src/platform/db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'talad-test-'));
  const pg = new PGlite({ extensions: pgliteExtensions });
  const database = fromPglite(pg);
  await migrateDatabase(database);
  const dump = await pg.dumpDataDir('none');
  const dumpPath = join(dir, 'migrated.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteDump', dumpPath);

  let template = '';
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    template = `talad_tpl_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const tpl = fromPostgres(u.toString(), 1);
    await migrateDatabase(tpl);
    await tpl.close();
    await admin.end();
  }
  project.provide('pgTemplate', template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      const leftovers =
        await admin`select datname from pg_database where datname like ${`talad_t_${process.pid}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    }
  };
}
