// HTTP for B2B trade: the buyer's company account and team, requests for quotation, the shops'
// quotes and the buyer's comparison. Every refusal is problem+json in the reader's language.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import { INCOTERMS, TRANSPORT_MODES } from './codes.ts';
import {
  addMember,
  buyerOfActor,
  buyersForOperator,
  compareQuotes,
  editQuote,
  getBuyer,
  myRfqs,
  postRfq,
  registerBuyer,
  rfqForSeller,
  rfqsForSeller,
  setLanguage,
  setTradeProfile,
  shopQuotes,
  submitQuote,
  verifyBuyer,
} from './service.ts';

const Lang = Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')]);
const Str = (max: number) => Type.String({ minLength: 1, maxLength: max });
const closed = { additionalProperties: false } as const;
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Quote = Type.Object(
  {
    unitPriceSatang: Type.Integer(),
    moq: Type.Integer(),
    tiers: Type.Array(Type.Object({ minQuantity: Type.Integer(), unitPriceSatang: Type.Integer() }, closed), {
      maxItems: 10,
    }),
    leadTimeDays: Type.Integer(),
    validUntil: DateStr,
    terms: Type.String({ maxLength: 4000 }),
    language: Lang,
    attachments: Type.Array(Type.Object({ name: Str(200), url: Str(1000) }, closed), { maxItems: 10 }),
    samplePriceSatang: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    depositPercent: Type.Optional(Type.Integer()),
  },
  closed,
);
const SellerParams = Type.Object({ sellerId: Uuid });

export async function tradeRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const tags = ['trade'];

  app.post(
    '/trade/buyers',
    {
      schema: {
        tags,
        summary: 'Open a business buyer account (company, country, registration, language)',
        body: Type.Object(
          { companyName: Str(200), country: Str(2), registrationNumber: Str(40), language: Lang },
          closed,
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await registerBuyer(db, req.actor, req.body)),
  );
  app.get('/trade/buyers/me', { schema: { tags, summary: 'My company account' } }, async (req) => {
    const { buyer } = await buyerOfActor(db, req.actor);
    return getBuyer(db, req.actor, buyer.id);
  });
  app.put(
    '/trade/buyers/me/language',
    {
      schema: { tags, summary: 'The language the team reads quotes in', body: Type.Object({ language: Lang }, closed) },
    },
    async (req) => setLanguage(db, req.actor, req.body.language),
  );
  app.post(
    '/trade/buyers/:id/members',
    {
      schema: {
        tags,
        summary: 'The owner adds a colleague',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ userId: Uuid }, closed),
      },
    },
    async (req) => addMember(db, req.actor, req.params.id, req.body.userId),
  );
  app.post(
    '/operator/trade/buyers/:id/verify',
    { schema: { tags, summary: 'An operator verifies the business registration', params: Type.Object({ id: Uuid }) } },
    async (req) => verifyBuyer(db, req.actor, req.params.id),
  );

  app.get(
    '/operator/trade/buyers',
    { schema: { tags, summary: 'Business buyers, the unverified first' } },
    async (req) => ({
      items: await buyersForOperator(db, req.actor),
    }),
  );

  app.post(
    '/trade/rfqs',
    {
      schema: {
        tags,
        summary: 'Post a request for quotation',
        body: Type.Object(
          {
            product: Str(500),
            language: Lang,
            categoryId: Uuid,
            quantity: Type.Integer(),
            unit: Str(20),
            targetPriceMinor: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
            currency: Str(3),
            incoterm: Type.Union(INCOTERMS.map((r) => Type.Literal(r))),
            transportMode: Type.Union(TRANSPORT_MODES.map((m) => Type.Literal(m))),
            place: Str(200),
            deliveryFrom: DateStr,
            deliveryTo: DateStr,
            certifications: Type.Array(Str(40), { maxItems: 10 }),
            sampleWanted: Type.Boolean(),
            deadline: Type.String({ format: 'date-time' }),
          },
          closed,
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await postRfq(db, req.actor, req.body)),
  );
  app.get('/trade/rfqs', { schema: { tags, summary: "My company's requests" } }, async (req) => ({
    items: await myRfqs(db, req.actor),
  }));
  app.get(
    '/trade/rfqs/:id/quotes',
    { schema: { tags, summary: 'The quotes on my request, side by side', params: Type.Object({ id: Uuid }) } },
    async (req) => compareQuotes(db, req.actor, req.params.id),
  );

  app.put(
    '/sellers/:sellerId/trade/profile',
    {
      schema: {
        tags,
        summary: 'The categories a shop trades in',
        params: SellerParams,
        body: Type.Object({ categoryIds: Type.Array(Uuid, { maxItems: 50 }) }, closed),
      },
    },
    async (req) => setTradeProfile(db, req.actor, req.params.sellerId, req.body.categoryIds),
  );
  app.get(
    '/sellers/:sellerId/trade/rfqs',
    { schema: { tags, summary: 'Open requests the shop matches', params: SellerParams } },
    async (req) => ({ items: await rfqsForSeller(db, req.actor, req.params.sellerId) }),
  );
  app.get(
    '/sellers/:sellerId/trade/rfqs/:rfqId',
    {
      schema: {
        tags,
        summary: 'A request the shop matches or quoted on, with its own quote',
        params: Type.Object({ sellerId: Uuid, rfqId: Uuid }),
      },
    },
    async (req) => rfqForSeller(db, req.actor, req.params.sellerId, req.params.rfqId),
  );
  app.post(
    '/sellers/:sellerId/trade/rfqs/:rfqId/quotes',
    {
      schema: {
        tags,
        summary: 'Quote on a request',
        params: Type.Object({ sellerId: Uuid, rfqId: Uuid }),
        body: Quote,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await submitQuote(db, req.actor, req.params.sellerId, req.params.rfqId, req.body)),
  );
  app.put(
    '/sellers/:sellerId/trade/quotes/:quoteId',
    {
      schema: {
        tags,
        summary: 'Edit a quote (once)',
        params: Type.Object({ sellerId: Uuid, quoteId: Uuid }),
        body: Quote,
      },
    },
    async (req) => editQuote(db, req.actor, req.params.sellerId, req.params.quoteId, req.body),
  );
  app.get(
    '/sellers/:sellerId/trade/quotes',
    { schema: { tags, summary: "The shop's own quotes", params: SellerParams } },
    async (req) => ({ items: await shopQuotes(db, req.actor, req.params.sellerId) }),
  );
}
