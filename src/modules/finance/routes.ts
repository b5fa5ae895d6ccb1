// HTTP for finance: the shop's profile, consents, access log, applications and loans; the lender
// console (consented shops, their profiles, applications, referrals, loans); the operator's
// lenders, products, staff and collection run; the scorecard as data.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../platform/errors.ts';
import { Uuid } from '../../platform/http.ts';
import { validIdempotencyKey } from '../../platform/idempotency.ts';
import { requireOperator } from './access.ts';
import { acceptOffer, applyForLoan, getApplication, shopApplications } from './applications.ts';
import type { FinanceRuntime } from './config.ts';
import { grantConsent, shopAccessLog, shopConsents, withdrawConsent } from './consent.ts';
import { SCORECARDS } from './decision.ts';
import { decideReferral, lenderApplications, lenderProfile, lenderSellers } from './lender.ts';
import { addLenderStaff, createLender, createProduct, lenderCatalogue } from './lenders.ts';
import { collectDue, lenderLoans, settleCollected, shopLoans } from './loans.ts';
import { DATA_ITEMS } from './profile.ts';
import { shopProfile } from './shop-profile.ts';
import { lendersOf } from './access.ts';
import { scoreRange } from './scorecard.ts';

const Seller = Type.Object({ sellerId: Uuid });
const SellerAnd = Type.Object({ sellerId: Uuid, id: Uuid });
const Lender = Type.Object({ lenderId: Uuid });
const LenderAnd = Type.Object({ lenderId: Uuid, id: Uuid });
const I18nBody = Type.Object({
  th: Type.String({ minLength: 1, maxLength: 200 }),
  zh: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  en: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
});
const Money = Type.Integer({ minimum: 0, maximum: 1e13 });

export async function financeRoutes(base: FastifyInstance, rt: FinanceRuntime): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const s = <const T extends object = object>(tag: string, summary: string, extra?: T) => ({
    schema: { tags: [tag], summary, ...(extra as T) },
  });
  const SHOP = 'finance: shop';
  const LENDER = 'finance: lender';
  const OPS = 'finance: operator';
  const key = (h: unknown) => validIdempotencyKey(h as string | undefined);

  app.get(
    '/finance/lenders',
    s(SHOP, 'Lenders and their loan products, with the consent each purpose asks'),
    async (req) => ({
      items: await lenderCatalogue(db, req.locale),
      dataItems: DATA_ITEMS,
    }),
  );
  app.get(
    '/finance/scorecards/:version',
    s(SHOP, 'A scorecard as data: bins, points, scaling, version and date', {
      params: Type.Object({ version: Type.String({ maxLength: 60 }) }),
    }),
    async (req) => {
      const card = SCORECARDS[req.params.version];
      if (!card) throw notFound('scorecard');
      return { ...card, range: scoreRange(card) };
    },
  );
  app.get('/finance/me', s(LENDER, 'The lenders the signed-in user works for'), async (req) => ({
    lenderIds: await lendersOf(db, req.actor),
  }));

  // The shop.
  app.get(
    '/sellers/:sellerId/finance/profile',
    s(SHOP, "The shop's credit profile, score and what would improve it", { params: Seller }),
    (req) => shopProfile(db, req.actor, req.params.sellerId, req.locale),
  );
  app.get(
    '/sellers/:sellerId/finance/consents',
    s(SHOP, "The shop's consents, live and withdrawn", { params: Seller }),
    async (req) => ({
      items: await shopConsents(db, req.actor, req.params.sellerId, req.locale),
    }),
  );
  app.post(
    '/sellers/:sellerId/finance/consents',
    s(SHOP, 'Give one consent: one lender, one purpose, the data items named (owner)', {
      params: Seller,
      body: Type.Object(
        {
          lenderId: Uuid,
          purpose: Type.Union([Type.Literal('credit_assessment'), Type.Literal('loan_servicing')]),
          dataItems: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
        },
        { additionalProperties: false },
      ),
    }),
    async (req, reply) =>
      reply.code(201).send(await grantConsent(db, req.actor, req.params.sellerId, req.body, req.locale)),
  );
  app.post(
    '/sellers/:sellerId/finance/consents/:id/withdraw',
    s(SHOP, 'Withdraw a consent: nothing more is shared (owner)', { params: SellerAnd }),
    (req) => withdrawConsent(db, req.actor, req.params.sellerId, req.params.id, req.locale),
  );
  app.get(
    '/sellers/:sellerId/finance/access-log',
    s(SHOP, "Who looked at the shop's data, when, and what", { params: Seller }),
    async (req) => ({
      items: await shopAccessLog(db, req.actor, req.params.sellerId, req.locale),
    }),
  );
  app.get(
    '/sellers/:sellerId/finance/applications',
    s(SHOP, "The shop's applications and their decisions", { params: Seller }),
    async (req) => ({
      items: await shopApplications(db, req.actor, req.params.sellerId, req.locale),
    }),
  );
  app.get(
    '/sellers/:sellerId/finance/applications/:id',
    s(SHOP, 'One application with its explained decision', { params: SellerAnd }),
    (req) => getApplication(db, req.actor, req.params.sellerId, req.params.id, req.locale),
  );
  app.post(
    '/sellers/:sellerId/finance/applications',
    s(
      SHOP,
      'Apply: an instant decision (offer, decline with reasons, or referral), explained (owner; Idempotency-Key)',
      {
        params: Seller,
        body: Type.Object(
          {
            productId: Uuid,
            amount: Money,
            tenorMonths: Type.Integer({ minimum: 0, maximum: 600 }),
            purpose: Type.String({ maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
      },
    ),
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await applyForLoan(
            db,
            req.actor,
            rt,
            req.params.sellerId,
            req.body,
            req.locale,
            key(req.headers['idempotency-key']),
          ),
        ),
  );
  app.post(
    '/sellers/:sellerId/finance/applications/:id/accept',
    s(SHOP, 'Accept an offer: the loan is disbursed into the shop balance (owner; Idempotency-Key)', {
      params: SellerAnd,
      body: Type.Object({ servicingConsent: Type.Boolean() }, { additionalProperties: false }),
    }),
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await acceptOffer(
            db,
            req.actor,
            rt,
            req.params.sellerId,
            req.params.id,
            req.body,
            req.locale,
            key(req.headers['idempotency-key']),
          ),
        ),
  );
  app.get(
    '/sellers/:sellerId/finance/loans',
    s(SHOP, "The shop's loans: schedule, balance, statement", { params: Seller }),
    async (req) => ({
      items: await shopLoans(db, req.actor, req.params.sellerId, req.locale),
    }),
  );

  // The lender console.
  app.get(
    '/lenders/:lenderId/sellers',
    s(LENDER, 'Shops that consented to this lender', { params: Lender }),
    async (req) => ({
      items: await lenderSellers(db, req.actor, req.params.lenderId, req.locale),
    }),
  );
  app.get(
    '/lenders/:lenderId/sellers/:id/profile',
    s(LENDER, "A consented shop's profile, only the consented items (recorded)", { params: LenderAnd }),
    (req) => lenderProfile(db, req.actor, req.params.lenderId, req.params.id, req.locale),
  );
  app.get(
    '/lenders/:lenderId/applications',
    s(LENDER, 'Applications from consented shops (recorded)', { params: Lender }),
    async (req) => ({
      items: await lenderApplications(db, req.actor, req.params.lenderId, req.locale),
    }),
  );
  app.post(
    '/lenders/:lenderId/applications/:id/decide',
    s(LENDER, 'A person decides a referred application', {
      params: LenderAnd,
      body: Type.Object(
        {
          outcome: Type.Union([Type.Literal('offer'), Type.Literal('decline')]),
          note: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
    }),
    (req) => decideReferral(db, req.actor, req.params.lenderId, req.params.id, req.body, req.locale),
  );
  app.get(
    '/lenders/:lenderId/loans',
    s(LENDER, 'Loans of shops whose servicing consent is live (recorded)', { params: Lender }),
    async (req) => ({
      items: await lenderLoans(db, req.actor, req.params.lenderId, req.locale),
    }),
  );

  // The operator.
  app.post(
    '/operator/finance/lenders',
    s(OPS, 'Add a lender (sandbox or webhook)', {
      body: Type.Object(
        {
          name: I18nBody,
          gateway: Type.Union([Type.Literal('sandbox'), Type.Literal('webhook')]),
          webhookUrl: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
        },
        { additionalProperties: false },
      ),
    }),
    async (req, reply) => reply.code(201).send(await createLender(db, req.actor, req.body)),
  );
  app.post(
    '/operator/finance/lenders/:lenderId/staff',
    s(OPS, "Add a user to a lender's staff", {
      params: Lender,
      body: Type.Object({ userId: Uuid }, { additionalProperties: false }),
    }),
    async (req, reply) =>
      reply.code(201).send(await addLenderStaff(db, req.actor, req.params.lenderId, req.body.userId)),
  );
  app.post(
    '/operator/finance/lenders/:lenderId/products',
    s(OPS, 'Add a loan product', {
      params: Lender,
      body: Type.Object(
        {
          name: I18nBody,
          minAmount: Money,
          maxAmount: Money,
          minTenorMonths: Type.Integer({ minimum: 1, maximum: 120 }),
          maxTenorMonths: Type.Integer({ minimum: 1, maximum: 120 }),
          rateBp: Type.Integer({ minimum: 0, maximum: 10_000 }),
          feeBp: Type.Integer({ minimum: 0, maximum: 2_000 }),
          guaranteeFeeBp: Type.Integer({ minimum: 0, maximum: 2_000 }),
          guaranteeScheme: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
          repayment: Type.Union([Type.Literal('revenue_share'), Type.Literal('instalments')]),
          revenueShareBp: Type.Union([Type.Integer({ minimum: 1, maximum: 5000 }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    }),
    async (req, reply) => reply.code(201).send(await createProduct(db, req.actor, req.params.lenderId, req.body)),
  );
  app.post(
    '/operator/finance/collect',
    s(OPS, 'Run the collection of instalments due and late fees now'),
    async (req) => {
      requireOperator(req.actor);
      return { collected: await collectDue(db, rt) };
    },
  );
  app.post(
    '/operator/finance/settle',
    s(OPS, 'Pay on to the lenders now what has been collected for them'),
    async (req) => {
      requireOperator(req.actor);
      return { settled: await settleCollected(db) };
    },
  );
}
