// HTTP for trade protection claims: the buyer opens and escalates, the shop answers, the operator decides.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import {
  answerClaim,
  buyersClaim,
  decideClaim,
  escalateClaim,
  escalatedClaims,
  openClaim,
  shopsClaim,
} from './claims.ts';

const Lang = Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')]);
const closed = { additionalProperties: false } as const;
const Str = (max: number) => Type.String({ minLength: 1, maxLength: max });

export async function tradeClaimRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const tags = ['trade'];
  const OrderParams = Type.Object({ tradeOrderId: Uuid });
  const ShopParams = Type.Object({ sellerId: Uuid, tradeOrderId: Uuid });
  app.post(
    '/trade/orders/:tradeOrderId/claim',
    {
      schema: {
        tags,
        summary: 'Open a trade protection claim (late shipment, quality not as agreed), up to 30 days after receipt',
        params: OrderParams,
        body: Type.Object(
          {
            reason: Type.Union([Type.Literal('late_shipment'), Type.Literal('not_as_agreed')]),
            description: Str(4000),
            language: Lang,
            evidence: Type.Array(Type.Object({ name: Str(200), url: Str(1000) }, closed), { maxItems: 10 }),
            requestedSatang: Type.Integer(),
          },
          closed,
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await openClaim(db, req.actor, req.params.tradeOrderId, req.body)),
  );
  app.get(
    '/trade/orders/:tradeOrderId/claim',
    { schema: { tags, summary: 'The claim on my order', params: OrderParams } },
    async (req) => buyersClaim(db, req.actor, req.params.tradeOrderId),
  );
  app.post(
    '/trade/orders/:tradeOrderId/claim/escalation',
    { schema: { tags, summary: 'Ask the operator to decide (from day 4)', params: OrderParams } },
    async (req) => escalateClaim(db, req.actor, req.params.tradeOrderId),
  );
  app.get(
    '/sellers/:sellerId/trade/orders/:tradeOrderId/claim',
    { schema: { tags, summary: 'The claim on one of the shop’s orders', params: ShopParams } },
    async (req) => shopsClaim(db, req.actor, req.params.sellerId, req.params.tradeOrderId),
  );
  app.post(
    '/sellers/:sellerId/trade/orders/:tradeOrderId/claim/answer',
    {
      schema: {
        tags,
        summary: 'The shop answers a claim (within 3 days)',
        params: ShopParams,
        body: Type.Object({ answer: Str(4000) }, closed),
      },
    },
    async (req) => answerClaim(db, req.actor, req.params.sellerId, req.params.tradeOrderId, req.body.answer),
  );
  app.get('/operator/trade/claims', { schema: { tags, summary: 'Escalated trade claims' } }, async (req) => ({
    items: await escalatedClaims(db, req.actor),
  }));
  app.post(
    '/operator/trade/claims/:claimId/decision',
    {
      schema: {
        tags,
        summary: 'The operator decides: a refund up to what was paid (0 rejects), booked in the ledger',
        params: Type.Object({ claimId: Uuid }),
        body: Type.Object({ refundSatang: Type.Integer(), note: Str(2000) }, closed),
      },
    },
    async (req) => decideClaim(db, req.actor, req.params.claimId, req.body),
  );
}
