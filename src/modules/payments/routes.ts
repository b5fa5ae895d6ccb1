// Payments over HTTP: intents for an order group, the PromptPay QR, gateway notifications (raw
// bodies: signatures cover the exact bytes), refunds, FX rates, and — in the sandbox only — the
// local gateway and the operator's "mark paid", which now pays through that gateway.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { validIdempotencyKey } from '../../platform/idempotency.ts';
import { getOrderGroup } from '../orders/index.ts';
import { SANDBOX_BASE } from './config.ts';
import { listRates, setRate } from './fx.ts';
import { createIntent, getIntent, groupIntents, type PaymentsContext } from './intents.ts';
import { applyNotification } from './notifications.ts';
import { GatewayError, NotificationRejected, type ProviderName } from './provider.ts';
import { qrPng, qrSvg } from './qr-image.ts';
import { dispatchRefund, listRefunds, requestRefund } from './refunds.ts';
import type { PaymentsRuntime } from './runtime.ts';
import { payPromptPay } from './sandbox/gateway.ts';
import { sandboxGatewayRoutes } from './sandbox/routes.ts';

const Intent = Type.Object(
  {
    id: Uuid,
    groupId: Uuid,
    method: Type.String(),
    status: Type.String(),
    amount: Type.Integer(),
    currency: Type.String(),
    reference: Type.String(),
    expiresAt: Type.String(),
    sandbox: Type.Boolean(),
  },
  { additionalProperties: true },
);
const Refund = Type.Object(
  { id: Uuid, amount: Type.Integer(), currency: Type.String(), status: Type.String() },
  { additionalProperties: true },
);
const Method = Type.Union([Type.Literal('promptpay'), Type.Literal('alipay'), Type.Literal('card')]);

export async function paymentRoutes(plain: FastifyInstance, rt: PaymentsRuntime): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const ctx: PaymentsContext = rt;
  const { config, sandbox } = rt;
  const tags = ['payments'];

  app.get(
    '/payments/settings',
    { schema: { tags, summary: 'Ways to pay and whether the gateways are the local sandbox' } },
    async () => ({
      sandbox: config.sandbox,
      methods: ['promptpay', 'alipay', 'card'],
      promptpayId: config.promptpayIdText,
    }),
  );

  app.post(
    '/order-groups/:id/payment-intents',
    {
      schema: {
        tags,
        summary: 'Start paying for a checkout: PromptPay QR (THB), Alipay (CNY) or card',
        description:
          'Accepts an Idempotency-Key. An open intent of the same method is returned again rather than duplicated.',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ method: Method }, { additionalProperties: false }),
        response: { 201: Intent, ...problemResponses },
      },
    },
    async (req, reply) => {
      const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
      try {
        return reply.code(201).send(
          (await createIntent(ctx, req.actor, req.params.id, req.body.method, {
            idempotencyKey: key,
            locale: req.locale,
          })) as any,
        );
      } catch (err) {
        if (err instanceof GatewayError) {
          req.log.error({ err }, 'gateway refused to start a payment');
          throw new AppError(503, 'gateway_unavailable');
        }
        throw err;
      }
    },
  );

  app.get(
    '/order-groups/:id/payment-intents',
    {
      schema: {
        tags,
        summary: "A checkout's payment attempts, newest first",
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Array(Intent), ...problemResponses },
      },
    },
    async (req) => groupIntents(ctx, req.actor, req.params.id, req.locale) as any,
  );

  app.get(
    '/payment-intents/:id',
    {
      schema: {
        tags,
        summary: 'One payment attempt (poll it: it changes when the gateway confirms)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Intent, ...problemResponses },
      },
    },
    async (req) => getIntent(ctx, req.actor, req.params.id, req.locale) as any,
  );

  for (const format of ['svg', 'png'] as const) {
    app.get(
      `/payment-intents/:id/qr.${format}`,
      { schema: { tags, summary: `The PromptPay QR as ${format.toUpperCase()}`, params: Type.Object({ id: Uuid }) } },
      async (req, reply) => {
        const intent = await getIntent(ctx, req.actor, (req.params as { id: string }).id, req.locale);
        if (!intent.promptpay) throw new AppError(404, 'not_found', { what: 'QR' });
        reply.header('cache-control', 'private, max-age=300');
        if (format === 'svg') return reply.type('image/svg+xml').send(await qrSvg(intent.promptpay.payload));
        return reply.type('image/png').send(await qrPng(intent.promptpay.payload));
      },
    );
  }

  app.post(
    '/orders/:id/refunds',
    {
      schema: {
        tags,
        summary: 'Refund an order in full or in part (its shop or an operator)',
        description: 'Accepts an Idempotency-Key; amount in satang (the order currency).',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { amount: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 201: Refund, ...problemResponses },
      },
    },
    async (req, reply) => {
      const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
      return reply.code(201).send(
        (await requestRefund(ctx, req.actor, req.params.id, req.body, {
          idempotencyKey: key,
          locale: req.locale,
        })) as any,
      );
    },
  );
  app.get(
    '/orders/:id/refunds',
    {
      schema: {
        tags,
        summary: "An order's refunds",
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Array(Refund), ...problemResponses },
      },
    },
    async (req) => listRefunds(ctx, req.actor, req.params.id, req.locale) as any,
  );

  app.get('/operator/fx-rates', { schema: { tags, summary: 'Exchange rates (operators)' } }, async (req) => {
    if (!(req.actor.kind === 'user' && req.actor.isOperator)) throw forbidden();
    return listRates(app.db);
  });
  app.post(
    '/operator/fx-rates',
    {
      schema: {
        tags,
        summary: 'Add an exchange rate (units of quote per unit of base) with its source',
        body: Type.Object(
          {
            base: Type.Union([Type.Literal('THB'), Type.Literal('CNY')]),
            quote: Type.Union([Type.Literal('THB'), Type.Literal('CNY')]),
            rate: Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,10})?$' }),
            source: Type.String({ minLength: 2, maxLength: 200 }),
            validFrom: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            base: Type.String(),
            quote: Type.String(),
            rate: Type.String(),
            source: Type.String(),
            validFrom: Type.String(),
          }),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await setRate(app.db, req.actor, req.body)),
  );

  // Gateway notifications: the raw body is what was signed.
  await app.register(async (hooks) => {
    hooks.removeContentTypeParser('application/json');
    hooks.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    hooks.post(
      '/payments/notifications/:provider',
      {
        schema: {
          tags,
          summary: "A gateway's signed notification (Alipay: SHA256withRSA; card/PromptPay gateway: Standard Webhooks)",
          params: Type.Object({ provider: Type.Union([Type.Literal('alipay'), Type.Literal('gateway')]) }),
        },
      },
      async (req, reply) => {
        const provider = ctx.providers[(req.params as { provider: ProviderName }).provider];
        const path = req.url.split('?')[0];
        const send = (a: { status: number; headers: Record<string, string>; body: string }) =>
          reply.code(a.status).headers(a.headers).send(a.body);
        try {
          const n = provider.readNotification({ path, headers: req.headers, body: String(req.body ?? '') });
          const result = await applyNotification(app.db, n, { identityHashKey: app.config.identityHashKey });
          if (result.outcome === 'refunding') void dispatchRefund(ctx, result.refundId);
          return send(provider.answer({ ok: true }, path));
        } catch (err) {
          if (err instanceof NotificationRejected || err instanceof AppError) {
            req.log.warn(
              { provider: provider.name, code: err instanceof AppError ? err.code : err.code },
              'gateway notification refused',
            );
            return send(provider.answer({ ok: false, status: err.status, code: err.code }, path));
          }
          throw err;
        }
      },
    );
  });

  if (sandbox) {
    await app.register(sandboxGatewayRoutes, { prefix: SANDBOX_BASE.replace(/^\/api/, ''), gateway: sandbox });
    app.post(
      '/payments/sandbox/order-groups/:id/pay',
      {
        schema: {
          tags: ['payments', 'sandbox'],
          summary:
            'Sandbox: an operator pays a checkout through the sandbox gateway (PromptPay QR, signed notification)',
          params: Type.Object({ id: Uuid }),
        },
      },
      async (req) => {
        if (!(req.actor.kind === 'user' && req.actor.isOperator)) throw forbidden();
        const intent = await createIntent(ctx, req.actor, req.params.id, 'promptpay', { locale: req.locale });
        await payPromptPay(sandbox, intent.promptpay!.payload);
        return getOrderGroup(app.db, req.actor, req.params.id, req.locale);
      },
    );
  }
}
