// HTTP for trade protection claims: the buyer opens and escalates, the shop answers, the operator decides.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { problemResponses, Uuid } from '../../platform/http.ts';
import { validIdempotencyKey } from '../../platform/idempotency.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { createPrivateMediaStorage, type MediaObject } from '../../platform/storage.ts';
import { readUpload } from '../../platform/uploads.ts';
import { paymentsModule } from '../payments/index.ts';
import { addClaimEvidence, claimEvidenceFile } from './claim-evidence.ts';
import {
  answerClaim,
  buyersClaim,
  claimForOperator,
  decideClaim,
  escalateClaim,
  escalatedClaims,
  openClaim,
  sendClaimRefunds,
  shopsClaim,
} from './claims.ts';

const Lang = Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')]);
const closed = { additionalProperties: false } as const;
const Str = (max: number) => Type.String({ minLength: 1, maxLength: max });

export async function tradeClaimRoutes(base: FastifyInstance, ctx: ModuleContext): Promise<void> {
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
        summary:
          'The operator decides: a refund up to what was paid (0 rejects), sent back through the gateway for milestones paid by Alipay, owed in the ledger for bank transfers (accepts an Idempotency-Key)',
        params: Type.Object({ claimId: Uuid }),
        body: Type.Object({ refundSatang: Type.Integer(), note: Str(2000) }, closed),
      },
    },
    async (req) => {
      const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
      const done = await decideClaim(db, req.actor, req.params.claimId, req.body, { key });
      await sendClaimRefunds(ctx.runtime(paymentsModule), done.refundIds);
      return claimForOperator(db, req.actor, done.claimId);
    },
  );
  app.get(
    '/operator/trade/claims/:claimId',
    { schema: { tags, summary: 'One trade claim, with its refund’s state', params: Type.Object({ claimId: Uuid }) } },
    async (req) => claimForOperator(db, req.actor, req.params.claimId),
  );
  await app.register(async (scope) => tradeClaimEvidenceRoutes(scope));
}

/** A claim's evidence files (multipart in its own scope): the buyer uploads; buyer, shop and operators open them. */
async function tradeClaimEvidenceRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const tags = ['trade'];
  const storage = createPrivateMediaStorage(app.config);
  const maxBytes = app.config.uploadLimitBytes;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 1, parts: 2 } });
  const send = (reply: FastifyReply, obj: MediaObject) =>
    reply.type(obj.contentType).header('cache-control', 'private, no-store').send(obj.body);
  const binary = { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problemResponses };
  app.post(
    '/trade/orders/:tradeOrderId/claim/evidence',
    {
      schema: {
        tags,
        summary:
          'The buyer attaches evidence to the claim: multipart field "evidence" (JSON: {name}) then "file" (JPEG, PNG, WebP or PDF; at most 5)',
        params: Type.Object({ tradeOrderId: Uuid }),
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const { json, file } = await readUpload(req, 'evidence', { fileOptional: true });
      const name = typeof (json as { name?: unknown })?.name === 'string' ? (json as { name: string }).name : '';
      await addClaimEvidence(db, storage, req.actor, req.params.tradeOrderId, { name, file }, maxBytes);
      return reply.code(201).send(await buyersClaim(db, req.actor, req.params.tradeOrderId));
    },
  );
  app.get(
    '/trade/orders/:tradeOrderId/claim/evidence/:fileId',
    {
      schema: {
        tags,
        summary: 'A file of the claim on my order',
        params: Type.Object({ tradeOrderId: Uuid, fileId: Uuid }),
        response: binary,
      },
    },
    async (req, reply) =>
      send(
        reply,
        await claimEvidenceFile(db, storage, req.actor, { buyer: req.params.tradeOrderId }, req.params.fileId),
      ),
  );
  app.get(
    '/sellers/:sellerId/trade/orders/:tradeOrderId/claim/evidence/:fileId',
    {
      schema: {
        tags,
        summary: 'A file of the claim on one of the shop’s orders',
        params: Type.Object({ sellerId: Uuid, tradeOrderId: Uuid, fileId: Uuid }),
        response: binary,
      },
    },
    async (req, reply) =>
      send(
        reply,
        await claimEvidenceFile(
          db,
          storage,
          req.actor,
          { sellerId: req.params.sellerId, tradeOrderId: req.params.tradeOrderId },
          req.params.fileId,
        ),
      ),
  );
  app.get(
    '/operator/trade/claims/:claimId/evidence/:fileId',
    {
      schema: {
        tags,
        summary: 'A file of a trade claim, for operators',
        params: Type.Object({ claimId: Uuid, fileId: Uuid }),
        response: binary,
      },
    },
    async (req, reply) =>
      send(reply, await claimEvidenceFile(db, storage, req.actor, { claimId: req.params.claimId }, req.params.fileId)),
  );
}
