import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { hashRequest, idempotent, validIdempotencyKey } from '../../platform/idempotency.ts';
import { availability, listStock, setStock } from './service.ts';

const StockLine = Type.Object({
  variantId: Uuid,
  locationId: Uuid,
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  available: Type.Integer(),
});

export async function inventoryRoutes(plain: FastifyInstance): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['inventory'];

  app.get(
    '/availability',
    {
      schema: {
        tags,
        summary: 'Units available to buy per variant',
        querystring: Type.Object({ variantIds: Type.Array(Uuid, { minItems: 1, maxItems: 100 }) }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ variantId: Uuid, available: Type.Integer() })) }),
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const map = await availability(app.db, req.query.variantIds);
      return { items: [...map].map(([variantId, available]) => ({ variantId, available: Math.max(0, available) })) };
    },
  );

  app.get(
    '/sellers/:sellerId/stock',
    {
      schema: {
        tags,
        summary: "A shop's stock per variant and location",
        params: Type.Object({ sellerId: Uuid }),
        response: { 200: Type.Object({ items: Type.Array(StockLine) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listStock(app.db, req.actor, req.params.sellerId) }),
  );

  app.put(
    '/sellers/:sellerId/stock/:variantId',
    {
      schema: {
        tags,
        summary: 'Set on-hand stock (a count or a correction), or change it by a delta',
        description: 'Accepts an Idempotency-Key header: a retry returns the first answer.',
        params: Type.Object({ sellerId: Uuid, variantId: Uuid }),
        body: Type.Union([
          Type.Object(
            {
              onHand: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
              reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            },
            { additionalProperties: false },
          ),
          Type.Object(
            {
              delta: Type.Integer({ minimum: -10_000_000, maximum: 10_000_000 }),
              reason: Type.String({ minLength: 1, maxLength: 200 }),
            },
            { additionalProperties: false },
          ),
        ]),
        response: { 200: StockLine, ...problemResponses },
      },
    },
    async (req, reply) => {
      const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
      const scope = `stock:${req.actor.kind === 'user' ? req.actor.userId : req.actor.kind === 'token' ? req.actor.tokenId : 'anon'}`;
      const body = req.body as { onHand?: number; delta?: number; reason?: string };
      const res = await idempotent(app.db, scope, key, hashRequest(req.url, body), async (tx) => ({
        statusCode: 200,
        body: await setStock(tx, req.actor, {
          sellerId: req.params.sellerId,
          variantId: req.params.variantId,
          onHand: body.onHand,
          delta: body.delta,
          reason: body.reason ?? 'stock count',
        }),
      }));
      return reply.code(res.statusCode).send(res.body);
    },
  );
}
