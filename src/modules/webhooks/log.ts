// The delivery log a shop reads: each message sent to an endpoint, its attempts and what came back;
// a replay sends the same message (same webhook-id) again now, and retries resume for 3 days.
import { asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { WebhooksRuntime } from './config.ts';
import { attempt, RETRY_FOR_MS } from './deliveries.ts';
import { requireEndpoint } from './endpoints.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookMessages } from './schema.ts';

export async function deliveriesOf(db: Db, actor: Actor, endpointId: string) {
  const ep = await requireEndpoint(db, actor, endpointId);
  const rows = await db
    .select({ d: webhookDeliveries, topic: webhookMessages.topic })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(eq(webhookDeliveries.endpointId, ep.id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(100);
  return rows.map(({ d, topic }) => ({ ...d, topic }));
}

async function requireDelivery(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ d: webhookDeliveries, m: webhookMessages, ep: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id));
  if (!row) throw notFound('webhook_delivery');
  await requireEndpoint(db, actor, row.ep.id).catch(() => {
    throw notFound('webhook_delivery');
  });
  return row;
}

export async function deliveryDetail(db: Db, actor: Actor, id: string) {
  const { d, m } = await requireDelivery(db, actor, id);
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, d.id))
    .orderBy(asc(webhookAttempts.at));
  return { ...d, topic: m.topic, payload: m.payload, attemptsLog: attempts };
}

/** Sends the message again now; a failure starts a fresh 3 days of retries. */
export async function replayDelivery(db: Db, cfg: WebhooksRuntime, actor: Actor, id: string) {
  const { d, m, ep } = await requireDelivery(db, actor, id);
  if (ep.status !== 'enabled') throw new AppError(409, 'webhook_endpoint_disabled');
  const giveUpAt = new Date(cfg.now().getTime() + RETRY_FOR_MS);
  await db.update(webhookDeliveries).set({ giveUpAt }).where(eq(webhookDeliveries.id, d.id));
  await attempt(db, cfg, { ...d, giveUpAt }, m, ep, true);
  return deliveryDetail(db, actor, id);
}
