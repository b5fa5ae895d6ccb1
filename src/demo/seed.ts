import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import type { Config } from '../platform/config.ts';
import { queryRows } from '../platform/db.ts';

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  return row.n > 0;
}

export async function seedDemo(db: Db, config: Config): Promise<void> {
  void db; void config;
}
