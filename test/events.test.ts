// The event catalogue holds: every topic a module subscribes to is produced by the module the
// catalogue names, and a payload that misses a field never reaches a handler.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { catalogue, emit, on, payloadProblems, type Topic } from '../src/events.ts';
import { modules } from '../src/modules.ts';
import { queryRows } from '../src/platform/db.ts';
import { deliverOutbox, emitRaw } from '../src/platform/outbox.ts';
import { drainOutbox, useTestApp } from './db.ts';

const t = useTestApp();
const MODULES = resolve(import.meta.dirname, '../src/modules');

/** The production sources of a module (tests and fixtures left out). */
function sourcesOf(module: string): string {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return walk(p);
      return /\.ts$/.test(n) && !/\.test\.ts$/.test(n) && n !== 'testing.ts' ? [p] : [];
    });
  return walk(join(MODULES, module))
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
}

/** Whether a module's code emits a topic: by name, or (orders) through its status-to-topic map. */
function emitsTopic(module: string, topic: Topic): boolean {
  const code = sourcesOf(module);
  if (code.includes(`'${topic}'`)) return true;
  return topic.startsWith('order.') && code.includes('ORDER_STATUS_TOPIC[');
}

describe('the event catalogue', () => {
  it('names a producer in the module list for every topic, and that module emits it', () => {
    const names = modules.map((m) => m.name);
    const missing = (Object.keys(catalogue) as Topic[]).filter((topic) => {
      const producer = catalogue[topic].producer;
      return !names.includes(producer) || !emitsTopic(producer, topic);
    });
    expect(missing).toEqual([]);
  });

  it('has a topic, and so a producer, for every subscription of every module', () => {
    const subscribed = [...t.app.platform.handlers.keys()];
    expect(subscribed.length).toBeGreaterThan(10);
    expect(subscribed.filter((topic) => !(topic in catalogue))).toEqual([]);
  });

  it('holds a payload that misses a field back from every handler, with the reason, until it is fixed', async () => {
    const orderId = '01900000-0000-7000-8000-0000000000e1';
    let calls = 0;
    const probe = on('order.paid', async () => {
      calls++;
    });
    const handlers = new Map([[probe.topic, [probe.handler]]]);
    // A producer that forgot `totalSatang` (raw SQL writes, as the checkout's batch does, bypass the types).
    const incomplete = {
      orderId,
      groupId: orderId,
      sellerId: orderId,
      from: 'pending_payment',
      to: 'paid',
      reason: null,
    };
    await emitRaw(t.app.db, [{ topic: 'order.paid', aggregateId: orderId, payload: incomplete }]);
    await deliverOutbox(t.app.db, handlers);
    expect(calls).toBe(0);
    const [held] = await queryRows<{ last_error: string; delivered_at: string | null }>(
      t.app.db,
      sql`select last_error, delivered_at from outbox where aggregate_id = ${orderId}`,
    );
    expect(held.delivered_at).toBeNull();
    expect(held.last_error).toMatch(/order\.paid.*totalSatang/);
    expect(payloadProblems('order.paid', incomplete)).toMatch(/totalSatang/);
    await t.app.db.execute(sql`delete from outbox where aggregate_id = ${orderId}`);

    // The complete payload goes through.
    await emit(t.app.db, {
      topic: 'order.paid',
      aggregateId: orderId,
      payload: { ...incomplete, from: 'pending_payment', to: 'paid', totalSatang: 100 },
    });
    await deliverOutbox(t.app.db, handlers);
    expect(calls).toBe(1);
    await t.app.db.execute(sql`delete from outbox where aggregate_id = ${orderId}`);
    await drainOutbox(t.app);
  });
});

/**
 * Checked by the compiler, never run: `npm test` runs tsc first, which fails if either line stops
 * being an error (an emitted payload that misses a field, a topic that is not in the catalogue).
 */
function typeChecksOfEmit(): void {
  const orderId = '01900000-0000-7000-8000-0000000000e2';
  // @ts-expect-error: order.paid needs totalSatang and the rest of its payload
  void emit(t.app.db, { topic: 'order.paid', aggregateId: orderId, payload: { orderId } });
  // @ts-expect-error: no such topic in the catalogue
  void emit(t.app.db, { topic: 'order.teleported', aggregateId: orderId, payload: {} });
}
void typeChecksOfEmit; // referenced so that linters keep it; it is never called
