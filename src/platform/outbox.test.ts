import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/db.ts';
import { queryRows, type Database } from './db.ts';
import { coalescing, deliverOutbox, emitRaw, type OutboxEvent, type OutboxHandler } from './outbox.ts';

/** Test events carry a number (or a key) of their own. */
const field = (e: OutboxEvent, name: string) => (e.payload as Record<string, unknown>)[name];

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the outbox', () => {
  it('keeps an event only if the change that caused it commits', async () => {
    const id = '01900000-0000-7000-8000-000000000001';
    await expect(
      database.db.transaction(async (tx) => {
        await emitRaw(tx, [{ topic: 'test.rolled_back', aggregateId: id, payload: {} }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await queryRows(database.db, sql`select 1 from outbox where topic = 'test.rolled_back'`);
    expect(rows).toHaveLength(0);
  });

  it('delivers events in order to their handlers, and retries a failing one after a wait', async () => {
    const seen: string[] = [];
    let failOnce = true;
    const handlers = new Map<string, OutboxHandler[]>([
      [
        'test.a',
        [
          async (_db, e) => {
            seen.push(`a:${field(e, 'n')}`);
          },
        ],
      ],
      [
        'test.b',
        [
          async (_db, e) => {
            if (failOnce) {
              failOnce = false;
              throw new Error('downstream unavailable');
            }
            seen.push(`b:${field(e, 'n')}`);
          },
        ],
      ],
    ]);
    await database.db.transaction((tx) =>
      emitRaw(tx, [
        { topic: 'test.a', aggregateId: '01900000-0000-7000-8000-000000000002', payload: { n: 1 } },
        { topic: 'test.b', aggregateId: '01900000-0000-7000-8000-000000000003', payload: { n: 2 } },
        { topic: 'test.a', aggregateId: '01900000-0000-7000-8000-000000000004', payload: { n: 3 } },
      ]),
    );
    await deliverOutbox(database.db, handlers);
    expect(seen).toEqual(['a:1', 'a:3']);
    const [pending] = await queryRows<{ topic: string; attempts: number; last_error: string }>(
      database.db,
      sql`
      select topic, attempts, last_error from outbox where delivered_at is null and topic like 'test.%'`,
    );
    expect(pending).toMatchObject({ topic: 'test.b', attempts: 1, last_error: 'Error: downstream unavailable' });
    // It waits before it is tried again, so a pass right away leaves it alone...
    expect(await deliverOutbox(database.db, handlers)).toBe(0);
    expect(seen).toEqual(['a:1', 'a:3']);
    // ...and a pass after its wait delivers it.
    await deliverOutbox(database.db, handlers, { now: new Date(Date.now() + 2_000) });
    expect(seen).toEqual(['a:1', 'a:3', 'b:2']);
    expect(
      await queryRows(database.db, sql`select 1 from outbox where delivered_at is null and topic like 'test.%'`),
    ).toHaveLength(0);
  });
});

describe('coalescing handlers', () => {
  it('are called once per key in a delivery pass, while other handlers see every event', async () => {
    const refreshed: string[] = [];
    const logged: number[] = [];
    const handlers = new Map<string, OutboxHandler[]>([
      [
        'test.sold',
        [
          coalescing(
            (e) => String(field(e, 'product')),
            async (_db, e) => {
              refreshed.push(String(field(e, 'product')));
            },
          ),
          async (_db, e) => {
            logged.push(Number(field(e, 'n')));
          },
        ],
      ],
    ]);
    await database.db.transaction((tx) =>
      emitRaw(
        tx,
        [1, 2, 3, 4, 5].map((n) => ({
          topic: 'test.sold',
          aggregateId: '01900000-0000-7000-8000-00000000000a',
          payload: { n, product: n === 3 ? 'mango' : 'durian' },
        })),
      ),
    );
    await deliverOutbox(database.db, handlers);
    expect(refreshed).toEqual(['durian', 'mango']);
    expect(logged).toEqual([1, 2, 3, 4, 5]);
    expect(
      await queryRows(database.db, sql`select 1 from outbox where delivered_at is null and topic = 'test.sold'`),
    ).toHaveLength(0);
  });
});

describe('handlers of one event', () => {
  it('keep their own work when another fails, and the event is tried again for the one that failed', async () => {
    await database.db.execute(sql`create table if not exists test_posted (n int primary key)`);
    let documentsUp = false;
    const handlers = new Map<string, OutboxHandler[]>([
      [
        'test.paid',
        [
          // an idempotent "ledger" that writes
          async (db, e) => {
            await db.execute(sql`insert into test_posted values (${Number(field(e, 'n'))}) on conflict do nothing`);
          },
          // a "documents" that is down the first time
          async () => {
            if (!documentsUp) throw new Error('documents down');
          },
        ],
      ],
    ]);
    await emitRaw(database.db, [
      { topic: 'test.paid', aggregateId: '01900000-0000-7000-8000-00000000000b', payload: { n: 7 } },
    ]);
    await deliverOutbox(database.db, handlers);
    expect(await queryRows(database.db, sql`select n from test_posted`)).toEqual([{ n: 7 }]);
    const pending = sql`select last_error from outbox where delivered_at is null and topic = 'test.paid'`;
    expect(await queryRows(database.db, pending)).toEqual([{ last_error: 'Error: documents down' }]);
    documentsUp = true;
    await deliverOutbox(database.db, handlers, { now: new Date(Date.now() + 2_000) });
    expect(await queryRows(database.db, pending)).toEqual([]);
    expect(await queryRows(database.db, sql`select n from test_posted`)).toEqual([{ n: 7 }]);
  });
});
