// A shop's endpoints: subscribe a URL to topics (its own whsec_ secret), change, rotate, enable,
// delete. Only the shop's members and its API token; another shop's endpoint is a 404.
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { newWebhookSecret } from '../payments/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { checkEndpointUrl } from './address.ts';
import type { WebhooksRuntime } from './config.ts';
import { webhookEndpoints, webhookNotices } from './schema.ts';

export const WEBHOOK_TOPICS = ['order.paid', 'order.shipped', 'order.refunded', 'stock.low', 'review.posted'] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];
export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export interface EndpointInput {
  url?: string;
  description?: string;
  topics?: string[];
  lowStockThreshold?: number;
  enabled?: boolean;
}

function checkTopics(topics: string[]): string[] {
  const unique = [...new Set(topics)];
  if (!unique.length || unique.some((t) => !(WEBHOOK_TOPICS as readonly string[]).includes(t)))
    throw new AppError(422, 'webhook_topics_invalid', {}, [{ field: 'topics', code: 'webhook_topics_invalid' }]);
  return unique;
}

const access = (db: Executor, actor: Actor, sellerId: string) =>
  requireSellerAccess(db, actor, sellerId, { membersOnly: true });

/** The endpoint, if the caller acts for its shop; anyone else gets the same 404 as for none. */
export async function requireEndpoint(db: Executor, actor: Actor, id: string): Promise<EndpointRow> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  if (!row) throw notFound('webhook_endpoint');
  await access(db, actor, row.sellerId).catch(() => {
    throw notFound('webhook_endpoint');
  });
  return row;
}

export async function createEndpoint(
  db: Db,
  cfg: WebhooksRuntime,
  actor: Actor,
  sellerId: string,
  input: EndpointInput & { url: string; topics: string[] },
): Promise<EndpointRow> {
  await access(db, actor, sellerId);
  const url = await checkEndpointUrl(input.url, cfg);
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id: newId(),
      sellerId,
      url,
      description: input.description?.trim() ?? '',
      topics: checkTopics(input.topics),
      secret: newWebhookSecret(),
      lowStockThreshold: input.lowStockThreshold ?? 5,
    })
    .returning();
  return row;
}

export async function updateEndpoint(
  db: Db,
  cfg: WebhooksRuntime,
  actor: Actor,
  id: string,
  input: EndpointInput,
): Promise<EndpointRow> {
  const row = await requireEndpoint(db, actor, id);
  const values: Partial<EndpointRow> = { updatedAt: cfg.now() };
  if (input.url !== undefined) values.url = await checkEndpointUrl(input.url, cfg);
  if (input.description !== undefined) values.description = input.description.trim();
  if (input.topics !== undefined) values.topics = checkTopics(input.topics);
  if (input.lowStockThreshold !== undefined) values.lowStockThreshold = input.lowStockThreshold;
  if (input.enabled === true) Object.assign(values, { status: 'enabled', disabledReason: null, failingSince: null });
  if (input.enabled === false)
    Object.assign(values, { status: 'disabled', disabledReason: 'by_shop', disabledAt: cfg.now() });
  const [updated] = await db.update(webhookEndpoints).set(values).where(eq(webhookEndpoints.id, row.id)).returning();
  return updated;
}

export async function rotateSecret(db: Db, cfg: WebhooksRuntime, actor: Actor, id: string): Promise<EndpointRow> {
  const row = await requireEndpoint(db, actor, id);
  const [updated] = await db
    .update(webhookEndpoints)
    .set({ secret: newWebhookSecret(), updatedAt: cfg.now() })
    .where(eq(webhookEndpoints.id, row.id))
    .returning();
  return updated;
}

export async function deleteEndpoint(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await requireEndpoint(db, actor, id);
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
}

export async function endpointsOf(db: Db, actor: Actor, sellerId: string) {
  await access(db, actor, sellerId);
  const [items, notices] = await Promise.all([
    db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.sellerId, sellerId))
      .orderBy(webhookEndpoints.createdAt),
    db
      .select()
      .from(webhookNotices)
      .where(and(eq(webhookNotices.sellerId, sellerId)))
      .orderBy(desc(webhookNotices.at))
      .limit(20),
  ]);
  return { items, notices };
}
