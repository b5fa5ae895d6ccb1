// Every money- or stock-moving request accepts an Idempotency-Key: a retry with the same key and
// the same body gets the first answer again; the same key with a different body is refused.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from './schema.ts';
import { AppError } from './errors.ts';
import type { Db, Executor } from './db.ts';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export const hashRequest = (route: string, body: unknown): string =>
  createHash('sha256')
    .update(route)
    .update('\0')
    .update(JSON.stringify(body ?? null))
    .digest('base64url');

export function validIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new AppError(400, 'bad_request', {}, [{ field: 'Idempotency-Key', code: 'bad_format' }]);
  return key;
}

export async function findStored(
  db: Executor,
  scope: string,
  key: string,
  requestHash: string,
): Promise<StoredResponse | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  if (row.requestHash !== requestHash) throw new AppError(422, 'idempotency_key_reused');
  return { statusCode: row.statusCode, body: row.response };
}

export async function store(
  tx: Executor,
  scope: string,
  key: string,
  requestHash: string,
  res: StoredResponse,
): Promise<void> {
  await tx
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, statusCode: res.statusCode, response: res.body as object });
}

/**
 * Runs `work` in one transaction that also records its answer under the key. Two concurrent
 * requests with one key: the loser's transaction fails on the primary key and it returns the
 * winner's answer.
 */
export async function idempotent(
  db: Db,
  scope: string,
  key: string | undefined,
  requestHash: string,
  work: (tx: Executor) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (!key) return db.transaction((tx) => work(tx));
  const prior = await findStored(db, scope, key, requestHash);
  if (prior) return prior;
  try {
    return await db.transaction(async (tx) => {
      const res = await work(tx);
      await store(tx, scope, key, requestHash, res);
      return res;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const again = await findStored(db, scope, key, requestHash);
      if (again) return again;
    }
    throw err;
  }
}

export function isUniqueViolation(err: unknown): boolean {
  let e: any = err;
  for (let i = 0; e && i < 4; i++, e = e.cause) if (e.code === '23505') return true;
  return false;
}
