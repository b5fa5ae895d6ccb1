// Customs over HTTP: an order's customs status (buyer, shop, operator) and the operator's rejection
// queue. Declaring happens on order.paid through the outbox; receipts arrive from the gateway.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { dispatchRefund, paymentsModule } from '../payments/index.ts';
import { cancelAndRefundRejected, resubmitRejected } from './resolve.ts';
import { type CustomsRuntime, customsStatusOf, rejectionQueue, resolveRejection, runSandboxOnce } from './service.ts';

export async function customsRoutes(plain: FastifyInstance, ctx: ModuleContext, rt: CustomsRuntime): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['customs'];

  app.get(
    '/customs/orders/:orderId',
    {
      schema: {
        tags,
        summary: "A cross-border order's customs status: documents, receipts, waybill",
        params: Type.Object({ orderId: Uuid }),
      },
    },
    async (req) => {
      const status = await customsStatusOf(app.db, req.actor, app.config, req.params.orderId, req.locale);
      return (
        status ?? {
          orderId: req.params.orderId,
          status: 'not_declared',
          sandbox: app.config.customsSandbox,
          documents: [],
          receipts: [],
        }
      );
    },
  );

  app.get(
    '/operator/customs/rejections',
    {
      schema: {
        tags,
        summary: "The operator's queue of customs rejections, with the reasons",
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
        }),
      },
    },
    async (req) => rejectionQueue(app.db, req.actor, req.locale, req.query.status),
  );

  app.post(
    '/operator/customs/rejections/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Mark a rejection handled, saying how',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { resolution: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: problemResponses,
      },
    },
    async (req) => resolveRejection(app.db, req.actor, req.params.id, req.body.resolution) as any,
  );

  const key = (h: Record<string, unknown>) =>
    typeof h['idempotency-key'] === 'string' ? (h['idempotency-key'] as string) : undefined;
  const Outcome = Type.Object({
    id: Uuid,
    orderId: Uuid,
    status: Type.String(),
    resolution: Type.String(),
    resolvedBy: Type.Union([Uuid, Type.Null()]),
    resolvedAt: Type.Union([Type.String(), Type.Null()]),
    refundId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  });
  app.post(
    '/operator/customs/rejections/:id/resubmit',
    {
      schema: {
        tags,
        summary:
          'Correct and resubmit: build the four documents again from the order and send them (operators; accepts an Idempotency-Key)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Outcome, ...problemResponses },
      },
    },
    async (req) => resubmitRejected(app.db, req.actor, rt, req.params.id, key(req.headers), req.locale),
  );
  app.post(
    '/operator/customs/rejections/:id/cancel-refund',
    {
      schema: {
        tags,
        summary:
          'Cancel the rejected order and refund its buyer in full (goods, freight and tax); closes the queue item (operators; accepts an Idempotency-Key)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Outcome, ...problemResponses },
      },
    },
    async (req) =>
      cancelAndRefundRejected(app.db, req.actor, req.params.id, {
        idempotencyKey: key(req.headers),
        send: (refundId) => dispatchRefund(ctx.runtime(paymentsModule), refundId),
      }),
  );

  // The sandbox answers on its own tick; operators (and tests) may ask it to answer now.
  app.post(
    '/operator/customs/sandbox/run',
    { schema: { tags, summary: 'Customs sandbox: answer waiting messages now (sandbox only)' } },
    async (req) => {
      if (!(req.actor.kind === 'user' && req.actor.isOperator)) throw new AppError(403, 'forbidden');
      if (!app.config.customsSandbox) throw new AppError(404, 'not_found', { what: 'customs sandbox' });
      return { answered: await runSandboxOnce(app.db, rt) };
    },
  );
}
