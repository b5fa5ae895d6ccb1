// HTTP for a shop's webhooks: endpoints (with their secrets, for the shop only), the delivery log,
// a delivery's attempts, and replay.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams, problemResponses } from '../../platform/http.ts';
import type { WebhooksRuntime } from './config.ts';
import {
  createEndpoint,
  deleteEndpoint,
  type EndpointRow,
  endpointsOf,
  rotateSecret,
  updateEndpoint,
  WEBHOOK_TOPICS,
} from './endpoints.ts';
import { deliveriesOf, deliveryDetail, replayDelivery } from './log.ts';

const tags = ['webhooks'];
const Topics = Type.Array(Type.Union(WEBHOOK_TOPICS.map((t) => Type.Literal(t))), { minItems: 1, maxItems: 5 });
const EndpointBody = {
  url: Type.String({ minLength: 1, maxLength: 2000 }),
  description: Type.Optional(Type.String({ maxLength: 200 })),
  topics: Topics,
  lowStockThreshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
};
const Endpoint = Type.Object({
  id: Type.String(),
  sellerId: Type.String(),
  url: Type.String(),
  description: Type.String(),
  topics: Type.Array(Type.String()),
  secret: Type.String(),
  lowStockThreshold: Type.Integer(),
  status: Type.String(),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  failingSince: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const iso = (d: Date | null) => d?.toISOString() ?? null;
const endpointView = (e: EndpointRow) => ({
  ...e,
  disabledAt: iso(e.disabledAt),
  failingSince: iso(e.failingSince),
  createdAt: e.createdAt.toISOString(),
});
const Delivery = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  endpointId: Type.String(),
  topic: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  giveUpAt: Type.String(),
  lastAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const Attempt = Type.Object({
  id: Type.String(),
  at: Type.String(),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Integer(),
  responseBody: Type.Union([Type.String(), Type.Null()]),
  replay: Type.Boolean(),
});
const DeliveryDetail = Type.Object({
  ...Delivery.properties,
  payload: Type.Unknown(),
  attemptsLog: Type.Array(Attempt),
});

type WithDates = { [k: string]: unknown };
const dated = <T extends WithDates>(row: T) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])) as {
    [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
  };

export async function webhookRoutes(base: FastifyInstance, cfg: WebhooksRuntime): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  app.get(
    '/sellers/:id/webhook-endpoints',
    {
      schema: {
        tags,
        summary: "A shop's webhook endpoints, the topics on offer and its notices",
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(Endpoint),
            topics: Type.Array(Type.String()),
            notices: Type.Array(
              Type.Object({ id: Type.String(), endpointId: Type.String(), kind: Type.String(), at: Type.String() }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const { items, notices } = await endpointsOf(db, req.actor, req.params.id);
      return {
        items: items.map(endpointView),
        topics: [...WEBHOOK_TOPICS],
        notices: notices.map((n) => ({ id: n.id, endpointId: n.endpointId, kind: n.kind, at: n.at.toISOString() })),
      };
    },
  );
  app.post(
    '/sellers/:id/webhook-endpoints',
    {
      schema: {
        tags,
        summary: 'Subscribe an endpoint to topics; it gets its own whsec_ secret (private addresses refused)',
        params: IdParams,
        body: Type.Object(EndpointBody, { additionalProperties: false }),
        response: { 201: Endpoint, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(endpointView(await createEndpoint(db, cfg, req.actor, req.params.id, req.body))),
  );
  app.put(
    '/webhook-endpoints/:id',
    {
      schema: {
        tags,
        summary: 'Change an endpoint, or enable / disable it',
        params: IdParams,
        body: Type.Object(
          {
            url: Type.Optional(EndpointBody.url),
            description: EndpointBody.description,
            topics: Type.Optional(Topics),
            lowStockThreshold: EndpointBody.lowStockThreshold,
            enabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Endpoint, ...problemResponses },
      },
    },
    async (req) => endpointView(await updateEndpoint(db, cfg, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/webhook-endpoints/:id/secret',
    {
      schema: {
        tags,
        summary: 'A new signing secret',
        params: IdParams,
        response: { 200: Endpoint, ...problemResponses },
      },
    },
    async (req) => endpointView(await rotateSecret(db, cfg, req.actor, req.params.id)),
  );
  app.delete(
    '/webhook-endpoints/:id',
    {
      schema: {
        tags,
        summary: 'Delete an endpoint and its log',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await deleteEndpoint(db, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/webhook-endpoints/:id/deliveries',
    {
      schema: {
        tags,
        summary: "An endpoint's delivery log (newest first, 100)",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Delivery) }), ...problemResponses },
      },
    },
    async (req) => ({ items: (await deliveriesOf(db, req.actor, req.params.id)).map(dated) }),
  );
  const detail = (d: Awaited<ReturnType<typeof deliveryDetail>>) => ({
    ...dated(d),
    payload: d.payload,
    attemptsLog: d.attemptsLog.map(dated),
  });
  app.get(
    '/webhook-deliveries/:id',
    {
      schema: {
        tags,
        summary: 'A delivery: its message and every attempt',
        params: IdParams,
        response: { 200: DeliveryDetail, ...problemResponses },
      },
    },
    async (req) => detail(await deliveryDetail(db, req.actor, req.params.id)),
  );
  app.post(
    '/webhook-deliveries/:id/replay',
    {
      schema: {
        tags,
        summary: 'Send the message again now (same webhook-id)',
        params: IdParams,
        response: { 200: DeliveryDetail, ...problemResponses },
      },
    },
    async (req) => detail(await replayDelivery(db, cfg, req.actor, req.params.id)),
  );
}
