// From outbox events to signed deliveries. Each event a shop's endpoint listens to becomes one
// message (its webhook-id, its body) and one delivery per endpoint; the job sends what is due,
// retrying with exponential back-off (30 s doubling, at most 12 h apart) until 3 days after the
// message; an endpoint failing all that time without one success is disabled and its shop told.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { signWebhook } from '../payments/index.ts';
import type { WebhooksRuntime } from './config.ts';
import type { WebhookTopic } from './endpoints.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookMessages, webhookNotices } from './schema.ts';
import { sendSigned } from './send.ts';

const SECOND = 1000;
const HOUR = 3_600_000;
export const RETRY_FOR_MS = 72 * HOUR;
export const DISABLE_AFTER_MS = 72 * HOUR;

/** The wait after the n-th failed attempt (n from 1): 30 s, 1 min, 2 min, … at most 12 h. */
export const retryDelayMs = (n: number): number => Math.min(30 * SECOND * 2 ** (n - 1), 12 * HOUR);

/** The body sent: Standard Webhooks' { type, timestamp, data }. */
const bodyOf = (m: { topic: string; createdAt: Date; payload: unknown }) =>
  JSON.stringify({ type: m.topic, timestamp: m.createdAt.toISOString(), data: m.payload });

/**
 * One event for a shop: a message and a delivery to each of its enabled endpoints that hear the
 * topic (and, for stock.low, whose threshold the units reached). Idempotent by `sourceKey`.
 */
export async function enqueueForSeller(
  db: Executor,
  cfg: Pick<WebhooksRuntime, 'now'>,
  e: { sellerId: string; topic: WebhookTopic; sourceKey: string; data: Record<string, unknown>; onHand?: number },
): Promise<number> {
  const endpoints = (
    await db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.sellerId, e.sellerId), eq(webhookEndpoints.status, 'enabled')))
  ).filter((ep) => ep.topics.includes(e.topic) && (e.onHand === undefined || e.onHand <= ep.lowStockThreshold));
  if (!endpoints.length) return 0;
  const now = cfg.now();
  const id = `msg_${newId().replaceAll('-', '')}`;
  const [made] = await db
    .insert(webhookMessages)
    .values({ id, sellerId: e.sellerId, topic: e.topic, sourceKey: e.sourceKey, payload: e.data, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: webhookMessages.id });
  if (!made) return 0;
  await db.insert(webhookDeliveries).values(
    endpoints.map((ep) => ({
      id: newId(),
      messageId: id,
      endpointId: ep.id,
      sellerId: e.sellerId,
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + RETRY_FOR_MS),
      createdAt: now,
    })),
  );
  return endpoints.length;
}

/** Sends the deliveries due now (at most `limit`); returns how many were attempted. */
export async function deliverDueWebhooks(db: Db, cfg: WebhooksRuntime, limit = 50): Promise<number> {
  const now = cfg.now();
  // Claimed in a short transaction (moved a minute on, so another worker leaves them), sent outside it.
  const due = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ d: webhookDeliveries, m: webhookMessages, ep: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    for (const r of rows)
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(now.getTime() + 60 * SECOND) })
        .where(eq(webhookDeliveries.id, r.d.id));
    return rows;
  });
  for (const { d, m, ep } of due) {
    if (ep.status !== 'enabled') {
      await db
        .update(webhookDeliveries)
        .set({ status: 'failed', lastError: 'endpoint_disabled', nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, d.id));
      continue;
    }
    await attempt(db, cfg, d, m, ep, false);
  }
  return due.length;
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type MessageRow = typeof webhookMessages.$inferSelect;
type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** One attempt, recorded in the log; the delivery and the endpoint move on with its outcome. */
export async function attempt(
  db: Db,
  cfg: WebhooksRuntime,
  d: DeliveryRow,
  m: MessageRow,
  ep: EndpointRow,
  replay: boolean,
): Promise<boolean> {
  const at = cfg.now();
  const body = bodyOf(m);
  const headers = signWebhook(ep.secret, m.id, Math.floor(at.getTime() / 1000), body);
  const out = await sendSigned(cfg, ep.url, headers, body);
  const n = d.attempts + 1;
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      id: newId(),
      deliveryId: d.id,
      sellerId: d.sellerId,
      at,
      statusCode: out.statusCode,
      error: out.error,
      durationMs: out.durationMs,
      responseBody: out.responseBody,
      replay,
    });
    const next = new Date(at.getTime() + retryDelayMs(n));
    const giveUp = !out.ok && next > d.giveUpAt;
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: n,
        lastAttemptAt: at,
        lastStatusCode: out.statusCode,
        lastError: out.error,
        status: out.ok ? 'succeeded' : giveUp ? 'failed' : 'pending',
        nextAttemptAt: out.ok || giveUp ? null : next,
      })
      .where(eq(webhookDeliveries.id, d.id));
    if (out.ok) {
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, ep.id));
      return;
    }
    const [e] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)` })
      .where(eq(webhookEndpoints.id, ep.id))
      .returning();
    // Failing since then without one success: a message given up on after its 3 days of retries,
    // or 3 days of failures across messages, disables the endpoint.
    const failedFor = e.failingSince ? at.getTime() - e.failingSince.getTime() : 0;
    if (e.status === 'enabled' && (giveUp || failedFor >= DISABLE_AFTER_MS)) {
      await tx
        .update(webhookEndpoints)
        .set({ status: 'disabled', disabledReason: 'failing', disabledAt: at })
        .where(eq(webhookEndpoints.id, ep.id));
      await tx
        .insert(webhookNotices)
        .values({ id: newId(), sellerId: ep.sellerId, endpointId: ep.id, kind: 'endpoint_disabled', at });
    }
  });
  return out.ok;
}
