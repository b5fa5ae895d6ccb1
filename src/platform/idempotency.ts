// Every money- or stock-moving request accepts an Idempotency-Key: a retry with the same key and
// the same body gets the first answer again; the same key with a different body is refused.
//
// One primitive serves a batch of requests (the checkout's group commit) and a single request
// alike, and it works inside the writing transaction: the stored answers are read there, and the
// new ones are written there, so an answer is remembered exactly when its change commits.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from './errors.ts';
import { queryRows, type Db, type Executor } from './db.ts';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

/** A request under an Idempotency-Key: its scope (whose key it is), the key, and the hash of what it asked. */
export interface KeyedRequest {
  scope: string;
  key: string;
  requestHash: string;
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

/** A refusal as it is remembered (its code and parameters, so that it is told in the reader's language). */
export interface StoredRefusal {
  error: { code: string; params: Record<string, unknown>; fieldErrors: AppError['fieldErrors'] };
}

export const refusal = (e: AppError): StoredResponse => ({
  statusCode: e.status,
  body: { error: { code: e.code, params: e.params, fieldErrors: e.fieldErrors } } satisfies StoredRefusal,
});

/** The error a remembered refusal stands for; null for a success (a 2xx answer). */
export function answerError(answer: StoredResponse): AppError | null {
  if (answer.statusCode < 300) return null;
  const { code, params, fieldErrors } = (answer.body as StoredRefusal).error;
  return new AppError(answer.statusCode, code, params, fieldErrors);
}

const KEY_REUSED = refusal(new AppError(422, 'idempotency_key_reused'));

/**
 * The Idempotency-Keys of a batch of requests. Use: `recall(tx)` in the batch's first round trip of
 * reads; do the work for `fresh()` only; `remember(tx, answers)` among the writes; `answers(...)`
 * gives every request its answer — a retry its stored one, a second request with the same key in
 * the batch the first one's (or a refusal when it asked something else).
 */
export class IdempotentBatch {
  private readonly firstOf = new Map<string, number>();
  private readonly stored = new Map<number, StoredResponse>();

  constructor(private readonly requests: readonly KeyedRequest[]) {
    requests.forEach((r, i) => {
      const id = `${r.scope}\0${r.key}`;
      if (!this.firstOf.has(id)) this.firstOf.set(id, i);
    });
  }

  /** Reads the stored answers of the batch's keys (one query, whatever their number). */
  async recall(tx: Executor): Promise<void> {
    const keys = [...this.firstOf.keys()].map((id) => {
      const [s, k] = id.split('\0');
      return { s, k };
    });
    if (!keys.length) return;
    const rows = await queryRows<{
      scope: string;
      key: string;
      request_hash: string;
      status_code: number;
      response: unknown;
    }>(
      tx,
      sql`select k.scope, k.key, k.request_hash, k.status_code, k.response from idempotency_keys k
        join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as x(s text, k text) on k.scope = x.s and k.key = x.k`,
    );
    for (const row of rows) {
      const i = this.firstOf.get(`${row.scope}\0${row.key}`)!;
      this.stored.set(
        i,
        row.request_hash === this.requests[i].requestHash
          ? { statusCode: row.status_code, body: row.response }
          : KEY_REUSED,
      );
    }
  }

  /** The requests that need work: the first of their key in the batch, with no stored answer. */
  fresh(): number[] {
    return [...this.firstOf.values()].filter((i) => !this.stored.has(i));
  }

  /** Writes the answers of the fresh requests (one statement), in the caller's transaction. */
  async remember(tx: Executor, answers: ReadonlyMap<number, StoredResponse>): Promise<void> {
    const rows = [...answers].map(([i, a]) => ({
      s: this.requests[i].scope,
      k: this.requests[i].key,
      h: this.requests[i].requestHash,
      c: a.statusCode,
      r: a.body,
    }));
    if (!rows.length) return;
    await tx.execute(sql`
      insert into idempotency_keys (scope, key, request_hash, status_code, response)
      select s, k, h, c, r from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(s text, k text, h text, c int, r jsonb)`);
  }

  /** Every request's answer, given the fresh ones'. */
  answers(fresh: ReadonlyMap<number, StoredResponse>): StoredResponse[] {
    return this.requests.map((r, i) => {
      const first = this.firstOf.get(`${r.scope}\0${r.key}`)!;
      const answer = this.stored.get(first) ?? fresh.get(first);
      if (!answer) throw new Error(`no answer for request ${first} of the batch`);
      if (first === i || r.requestHash === this.requests[first].requestHash) return answer;
      return KEY_REUSED;
    });
  }
}

/**
 * One request under an optional key: `work` runs in a transaction that also reads and remembers the
 * answer. A retry gets the stored answer (a remembered refusal is thrown again); a failure thrown by
 * `work` is not remembered (nothing was written). Two concurrent requests with one key: the later
 * commit fails on the key's primary key, and running again returns the winner's answer.
 */
export async function idempotent(
  db: Db,
  scope: string,
  key: string | undefined,
  requestHash: string,
  work: (tx: Executor) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (!key) return db.transaction((tx) => work(tx));
  const attempt = () =>
    db.transaction(async (tx) => {
      const batch = new IdempotentBatch([{ scope, key, requestHash }]);
      await batch.recall(tx);
      if (!batch.fresh().length) return batch.answers(new Map())[0];
      const answer = await work(tx);
      await batch.remember(tx, new Map([[0, answer]]));
      return answer;
    });
  let answer: StoredResponse;
  try {
    answer = await attempt();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    answer = await attempt();
  }
  const error = answerError(answer);
  if (error) throw error;
  return answer;
}

export function isUniqueViolation(err: unknown): boolean {
  let e: any = err;
  for (let i = 0; e && i < 4; i++, e = e.cause) if (e.code === '23505') return true;
  return false;
}
