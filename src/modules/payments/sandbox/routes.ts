// The sandbox gateway's HTTP face, under /api/sandbox-gateway (only with PAYMENTS_SANDBOX=true):
// the Alipay-style API (signed both ways), the card/PromptPay gateway's charges API (API key,
// Idempotency-Key), and the payer's side — a banking app paying a QR, the Alipay wallet
// approving, a card form — that a real gateway would have and the web app's sandbox pages use.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../../platform/http.ts';
import { notFound } from '../../../platform/errors.ts';
import { alipayRequestTime, signAlipay, verifyAlipay } from '../alipay-signature.ts';
import { ALIPAY_PAY_PATH, ALIPAY_REFUND_PATH, freshRequestTime } from '../alipay.ts';
import {
  chargeById,
  confirmAlipay,
  createCharge,
  payCard,
  payPromptPay,
  refundCharge,
  type ChargeRow,
  type SandboxGateway,
} from './gateway.ts';

/**
 * The sandbox's own pages open in the language of the page the buyer comes back to ("/zh" when the
 * merchant's return URL is /zh/pay/intent/...), so a Chinese buyer is never switched into Thai.
 */
function pageLanguage(returnUrl: unknown): string {
  const path = typeof returnUrl === 'string' ? new URL(returnUrl, 'http://sandbox').pathname : '';
  return /^\/(zh|en)\//.exec(path)?.[0].slice(0, -1) ?? '';
}

const chargeView = (c: ChargeRow) => ({
  id: c.id,
  gateway: c.gateway,
  method: c.method,
  reference: c.reference,
  merchantRequestId: c.merchantRequestId,
  amount: c.amount,
  currency: c.currency,
  status: c.status,
  expiresAt: c.expiresAt.toISOString(),
  sandbox: true,
});
const ChargeView = Type.Object(
  { id: Type.String(), amount: Type.Integer(), currency: Type.String(), status: Type.String() },
  { additionalProperties: true },
);

export async function sandboxGatewayRoutes(plain: FastifyInstance, opts: { gateway: SandboxGateway }): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const g = opts.gateway;
  const tags = ['sandbox gateway'];

  // The payer's side: JSON as usual.
  app.post(
    '/promptpay/pay',
    {
      schema: {
        tags,
        summary: 'Sandbox banking app: pay a PromptPay QR payload (as if scanned)',
        body: Type.Object({ payload: Type.String({ maxLength: 512 }) }),
        response: { 200: ChargeView, ...problemResponses },
      },
    },
    async (req) => chargeView(await payPromptPay(g, req.body.payload)),
  );

  app.get(
    '/alipay/payments/:id',
    {
      schema: {
        tags,
        summary: 'Sandbox Alipay wallet: the payment to approve',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: ChargeView, ...problemResponses },
      },
    },
    async (req) => {
      const c = await chargeById(g.db, req.params.id);
      if (!c || c.gateway !== 'alipay') throw notFound('payment');
      return chargeView(c);
    },
  );
  app.post(
    '/alipay/payments/:id/confirm',
    {
      schema: {
        tags,
        summary:
          'Sandbox Alipay wallet: approve the payment (optionally as a real-name wallet holder, for cross-border payments)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: ChargeView, ...problemResponses },
      },
    },
    async (req) => {
      // The body is optional (a plain approval); a cross-border payer's real name and ID come in { payer: { name, idNumber } }.
      const p = (req.body as { payer?: { name?: unknown; idNumber?: unknown } } | undefined)?.payer;
      const payer =
        p && typeof p.name === 'string' && typeof p.idNumber === 'string'
          ? { name: p.name.slice(0, 60), idNumber: p.idNumber.slice(0, 18) }
          : undefined;
      return chargeView(await confirmAlipay(g, req.params.id, payer));
    },
  );

  app.get(
    '/card/charges/:id',
    {
      schema: {
        tags,
        summary: 'Sandbox card form: the charge to pay',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: ChargeView, ...problemResponses },
      },
    },
    async (req) => {
      const c = await chargeById(g.db, req.params.id);
      if (!c || c.gateway !== 'gateway' || c.method !== 'card') throw notFound('payment');
      return chargeView(c);
    },
  );
  app.post(
    '/card/charges/:id/pay',
    {
      schema: {
        tags,
        summary: 'Sandbox card form: pay (4242 4242 4242 4242 approves, 4000 0000 0000 0002 is declined)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ cardNumber: Type.String({ maxLength: 30 }) }),
        response: { 200: ChargeView, ...problemResponses },
      },
    },
    async (req) => chargeView(await payCard(g, req.params.id, req.body.cardNumber)),
  );

  // The merchant's side: raw bodies, because signatures cover the exact bytes.
  await app.register(async (merchantApi) => {
    merchantApi.removeContentTypeParser('application/json');
    merchantApi.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

    const signedAnswer = (reply: FastifyReply, path: string, payload: object) => {
      const body = JSON.stringify(payload);
      const responseTime = alipayRequestTime();
      return reply
        .code(200)
        .headers({
          'content-type': 'application/json; charset=UTF-8',
          'client-id': g.keys.alipayClientId,
          'response-time': responseTime,
          signature: signAlipay(g.keys.alipayPrivateKey, {
            method: 'POST',
            path,
            clientId: g.keys.alipayClientId,
            requestTime: responseTime,
            body,
          }),
        })
        .send(body);
    };
    const alipayFailure = (code: string) => ({
      result: { resultCode: code, resultStatus: 'F', resultMessage: code.toLowerCase() },
    });

    for (const path of [ALIPAY_PAY_PATH, ALIPAY_REFUND_PATH]) {
      merchantApi.post(
        `/alipay${path}`,
        { schema: { tags, summary: `Sandbox Alipay: ${path}`, hide: true } },
        async (req, reply) => {
          const body = String(req.body ?? '');
          const clientId = String(req.headers['client-id'] ?? '');
          const requestTime = String(req.headers['request-time'] ?? '');
          if (
            clientId !== g.keys.alipayClientId ||
            !verifyAlipay(
              g.keys.merchantPublicKey,
              { method: 'POST', path, clientId, requestTime, body },
              req.headers.signature as string | undefined,
            )
          ) {
            return signedAnswer(reply, path, alipayFailure('INVALID_SIGNATURE'));
          }
          if (!freshRequestTime(requestTime, Date.now()))
            return signedAnswer(reply, path, alipayFailure('REQUEST_TRAFFIC_EXCEED_LIMIT'));
          const r = JSON.parse(body);
          if (path === ALIPAY_PAY_PATH) {
            const amount = Number(r.paymentAmount?.value);
            if (
              !r.paymentRequestId ||
              !Number.isSafeInteger(amount) ||
              amount <= 0 ||
              r.paymentAmount?.currency !== 'CNY'
            )
              return signedAnswer(reply, path, alipayFailure('PARAM_ILLEGAL'));
            const charge = await createCharge(g.db, {
              gateway: 'alipay',
              method: 'alipay',
              merchantRequestId: String(r.paymentRequestId),
              reference: String(r.order?.referenceOrderId ?? ''),
              amount,
              currency: 'CNY',
              expiresAt: new Date(r.paymentExpiryTime ?? Date.now() + 15 * 60_000),
            });
            if (charge.amount !== amount) return signedAnswer(reply, path, alipayFailure('REPEAT_REQ_INCONSISTENT'));
            return signedAnswer(reply, path, {
              result: { resultCode: 'PAYMENT_IN_PROCESS', resultStatus: 'U', resultMessage: 'payment in process' },
              paymentRequestId: charge.merchantRequestId,
              paymentId: charge.id,
              paymentAmount: { currency: charge.currency, value: String(charge.amount) },
              normalUrl: `${pageLanguage(r.paymentRedirectUrl)}/sandbox/alipay/${charge.id}`,
            });
          }
          try {
            const refund = await refundCharge(
              g,
              'alipay',
              String(r.paymentId),
              String(r.refundRequestId),
              Number(r.refundAmount?.value),
            );
            return signedAnswer(reply, path, {
              result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' },
              refundId: refund.id,
              refundRequestId: r.refundRequestId,
            });
          } catch (err) {
            return signedAnswer(
              reply,
              path,
              alipayFailure(String((err as any).params?.reason ?? 'PROCESS_FAIL').toUpperCase()),
            );
          }
        },
      );
    }

    const authorized = (auth: unknown) => auth === `Bearer ${g.keys.cardApiKey}`;
    merchantApi.post(
      '/card/v1/charges',
      { schema: { tags, summary: 'Sandbox card/PromptPay gateway: create a charge', hide: true } },
      async (req, reply) => {
        if (!authorized(req.headers.authorization)) return reply.code(401).send({ error: 'unauthorized' });
        const key = String(req.headers['idempotency-key'] ?? '');
        const r = JSON.parse(String(req.body ?? '{}'));
        if (
          !key ||
          !Number.isSafeInteger(r.amount) ||
          r.amount <= 0 ||
          !['promptpay', 'card'].includes(r.method) ||
          (r.method === 'promptpay' && r.currency !== 'THB')
        ) {
          return reply.code(400).send({ error: 'invalid_request' });
        }
        const charge = await createCharge(g.db, {
          gateway: 'gateway',
          method: r.method,
          merchantRequestId: key,
          reference: String(r.reference ?? ''),
          amount: r.amount,
          currency: String(r.currency),
          expiresAt: new Date(r.expiresAt),
        });
        if (charge.amount !== r.amount) return reply.code(409).send({ error: 'idempotency_key_reused' });
        return reply.code(201).send({
          ...chargeView(charge),
          authorizeUri: charge.method === 'card' ? `${pageLanguage(r.returnUrl)}/sandbox/card/${charge.id}` : null,
        });
      },
    );
    merchantApi.post(
      '/card/v1/charges/:id/refunds',
      { schema: { tags, summary: 'Sandbox card/PromptPay gateway: refund a charge', hide: true } },
      async (req, reply) => {
        if (!authorized(req.headers.authorization)) return reply.code(401).send({ error: 'unauthorized' });
        const r = JSON.parse(String(req.body ?? '{}'));
        try {
          const refund = await refundCharge(
            g,
            'gateway',
            (req.params as { id: string }).id,
            String(req.headers['idempotency-key'] ?? ''),
            Number(r.amount),
          );
          return reply.code(201).send(refund);
        } catch (err) {
          return reply.code(409).send({ error: (err as any).params?.reason ?? 'refund_failed' });
        }
      },
    );
  });
}
