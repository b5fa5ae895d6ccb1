// The ledger over HTTP: a shop's balance, entries and payouts; the operator's payout batches (CSV
// for the bank, mark paid), commission rates and trial balance.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { forbidden } from '../../platform/errors.ts';
import type { PayoutSettings } from './config.ts';
import { cbecTaxSummary, settleCbecTax } from './cbec-tax.ts';
import { createPayoutBatch, getPayoutBatch, listPayoutBatches, markBatchPaid, payoutBatchCsv } from './payouts.ts';
import { listCommissionRates, setCommissionRate } from './rates.ts';
import { sellerBalance, sellerEntries, sellerPayouts, trialBalance } from './service.ts';

const Batch = Type.Object(
  { id: Uuid, number: Type.Integer(), status: Type.String(), total: Type.Integer(), payouts: Type.Array(Type.Any()) },
  { additionalProperties: true },
);

export async function ledgerRoutes(plain: FastifyInstance, settings: PayoutSettings): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['ledger'];
  const SellerParams = Type.Object({ sellerId: Uuid });

  app.get(
    '/sellers/:sellerId/balance',
    {
      schema: {
        tags,
        summary:
          "A shop's balance: earned (sales less refunds) - paid out, and what is available after the holding period",
        params: SellerParams,
        response: {
          200: Type.Object({
            currency: Type.String(),
            earned: Type.Integer(),
            paidOut: Type.Integer(),
            balance: Type.Integer(),
            available: Type.Integer(),
            holdDays: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (req) => sellerBalance(app.db, req.actor, req.params.sellerId, settings.holdDays),
  );

  app.get(
    '/sellers/:sellerId/ledger-entries',
    {
      schema: {
        tags,
        summary: "The entries on a shop's payable account, newest first",
        params: SellerParams,
        querystring: Type.Object({ page: Type.Integer({ minimum: 1, default: 1 }) }),
      },
    },
    async (req) => sellerEntries(app.db, req.actor, req.params.sellerId, req.query.page),
  );

  app.get(
    '/sellers/:sellerId/payouts',
    { schema: { tags, summary: "A shop's payouts", params: SellerParams } },
    async (req) => sellerPayouts(app.db, req.actor, req.params.sellerId),
  );

  app.get('/operator/payout-batches', { schema: { tags, summary: 'Payout batches (operators)' } }, async (req) =>
    listPayoutBatches(app.db, req.actor),
  );

  app.post(
    '/operator/payout-batches',
    {
      schema: {
        tags,
        summary:
          'Run a payout batch: every shop whose balance from orders delivered before the holding period reaches the minimum',
        body: Type.Object(
          {
            minimumAmount: Type.Optional(Type.Integer({ minimum: 0 })),
            holdDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Batch, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        (await createPayoutBatch(app.db, req.actor, {
          minimumAmount: req.body.minimumAmount ?? settings.minimumSatang,
          holdDays: req.body.holdDays ?? settings.holdDays,
        })) as any,
      ),
  );

  app.get(
    '/operator/payout-batches/:id',
    {
      schema: {
        tags,
        summary: 'One payout batch',
        params: Type.Object({ id: Uuid }),
        response: { 200: Batch, ...problemResponses },
      },
    },
    async (req) => getPayoutBatch(app.db, req.actor, req.params.id) as any,
  );

  app.get(
    '/operator/payout-batches/:id/csv',
    { schema: { tags, summary: 'A payout batch as CSV for the bank', params: Type.Object({ id: Uuid }) } },
    async (req, reply) => {
      const csv = await payoutBatchCsv(app.db, req.actor, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="talad-payouts-${req.params.id}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/operator/payout-batches/:id/mark-paid',
    {
      schema: {
        tags,
        summary: 'The bank has paid the batch: post it out of the platform account',
        params: Type.Object({ id: Uuid }),
        response: { 200: Batch, ...problemResponses },
      },
    },
    async (req) => markBatchPaid(app.db, req.actor, req.params.id) as any,
  );

  app.get(
    '/operator/commission-rates',
    { schema: { tags, summary: 'Commission rates (seller null = the default)' } },
    async (req) => listCommissionRates(app.db, req.actor),
  );
  app.post(
    '/operator/commission-rates',
    {
      schema: {
        tags,
        summary: 'Set a commission rate in basis points (500 = 5%) for a shop, or the default, from a moment on',
        body: Type.Object(
          {
            sellerId: Type.Union([Uuid, Type.Null()]),
            rateBp: Type.Integer({ minimum: 0, maximum: 5000 }),
            validFrom: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await setCommissionRate(app.db, req.actor, req.body)),
  );

  app.get(
    '/operator/ledger/trial-balance',
    { schema: { tags, summary: 'Every account balance per currency (they sum to zero)' } },
    async (req) => {
      if (!(req.actor.kind === 'user' && req.actor.isOperator)) throw forbidden();
      return trialBalance(app.db, req.actor);
    },
  );

  app.get(
    '/operator/ledger/cbec-tax',
    { schema: { tags, summary: 'Cross-border tax withheld for customs (CNY): owed now, and past settlements' } },
    async (req) => cbecTaxSummary(app.db, req.actor),
  );
  app.post(
    '/operator/ledger/cbec-tax/settle',
    {
      schema: {
        tags,
        summary:
          'Settle the cross-border tax owed with customs (clears the liability against cash). Accepts an Idempotency-Key.',
        body: Type.Object(
          { reference: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            amountFen: Type.Integer(),
            orders: Type.Integer(),
            currency: Type.String(),
            reference: Type.String(),
          }),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const answer = await settleCbecTax(app.db, req.actor, req.body, typeof key === 'string' ? key : undefined);
      return reply.code(201).send(answer.body as any);
    },
  );
}
