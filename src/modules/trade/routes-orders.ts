// HTTP for what follows a quote: messages on the request (original text kept, translation beside
// it), orders from a quote (sample, bulk), their milestones paid by Alipay or bank transfer, the
// shipment and the export papers as PDFs.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { problemResponses, Uuid } from '../../platform/http.ts';
import { sellerFacts } from '../sellers/index.ts';
import { buyerSends, buyerThread, sellerSends, sellerThread } from './conversation.ts';
import { buyerOfActor } from './service.ts';
import { TRADE_DOCUMENTS, type TradeDocument, tradeDocumentPdf } from './trade-documents.ts';
import {
  buyersOrder,
  buyersOrders,
  confirmBankTransfer,
  confirmReceipt,
  declareBankTransfer,
  declaredTransfers,
  goodsReady,
  orderView,
  placeTradeOrder,
  recordShipment,
  shopsOrder,
  shopsOrders,
  type TradeOrderRow,
} from './trade-orders.ts';
import { tradeBuyers } from './schema.ts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';

const Lang = Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')]);
const closed = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const MessageBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 4000 }),
    language: Lang,
    translation: Type.Optional(
      Nullable(Type.Object({ language: Lang, body: Type.String({ maxLength: 4000 }) }, closed)),
    ),
  },
  closed,
);
const Message = Type.Object({
  id: Uuid,
  rfqId: Uuid,
  sellerId: Uuid,
  author: Type.Union([Type.Literal('buyer'), Type.Literal('seller')]),
  original: Type.Object({ language: Lang, body: Type.String() }),
  translation: Nullable(Type.Object({ language: Lang, body: Type.String(), translatedBy: Type.String() })),
  createdAt: Type.String(),
});
const Milestone = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('sample'), Type.Literal('deposit'), Type.Literal('balance')]),
  percent: Type.Integer(),
  amountSatang: Type.Integer(),
  orderId: Uuid,
  orderNumber: Type.String(),
  groupId: Uuid,
  status: Type.String(),
  bankReference: Nullable(Type.String()),
  paidAt: Nullable(Type.String()),
});
const TradeOrder = Type.Object({
  id: Uuid,
  number: Type.String(),
  rfqId: Uuid,
  quoteId: Uuid,
  sellerId: Uuid,
  kind: Type.Union([Type.Literal('sample'), Type.Literal('bulk')]),
  incoterm: Type.String(),
  transportMode: Type.String(),
  place: Type.String(),
  product: Type.String(),
  quantity: Type.Integer(),
  unit: Type.String(),
  unitPriceSatang: Type.Integer(),
  totalSatang: Type.Integer(),
  depositPercent: Type.Integer(),
  plan: Type.Array(Type.Object({ kind: Type.String(), amountSatang: Type.Integer() })),
  status: Type.String(),
  shipment: Nullable(
    Type.Object({
      document: Type.Union([Type.Literal('bl'), Type.Literal('awb')]),
      number: Type.String(),
      carrier: Nullable(Type.String()),
      packages: Nullable(Type.Integer()),
      grossWeightKg: Nullable(Type.Integer()),
      shippedAt: Nullable(Type.String()),
    }),
  ),
  receivedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  milestones: Type.Array(Milestone),
});
const Thread = Type.Object({ items: Type.Array(Message) });
const Orders = Type.Object({ items: Type.Array(TradeOrder) });
const Document = Type.Union(TRADE_DOCUMENTS.map((d) => Type.Literal(d)));
const ok = <T extends object>(schema: T) => ({ 200: schema, ...problemResponses });
const created = <T extends object>(schema: T) => ({ 201: schema, ...problemResponses });

export async function tradeOrderRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const tags = ['trade'];

  // Messages.
  app.get(
    '/trade/rfqs/:rfqId/sellers/:sellerId/messages',
    {
      schema: {
        tags,
        summary: 'My thread with a shop that quoted on my request',
        params: Type.Object({ rfqId: Uuid, sellerId: Uuid }),
        response: ok(Thread),
      },
    },
    async (req) => ({ items: await buyerThread(db, req.actor, req.params.rfqId, req.params.sellerId) }),
  );
  app.post(
    '/trade/rfqs/:rfqId/sellers/:sellerId/messages',
    {
      schema: {
        tags,
        summary: 'Write to a shop that quoted (original text kept; a translation may go beside it)',
        params: Type.Object({ rfqId: Uuid, sellerId: Uuid }),
        body: MessageBody,
        response: created(Message),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await buyerSends(db, req.actor, req.params.rfqId, req.params.sellerId, req.body)),
  );
  app.get(
    '/sellers/:sellerId/trade/rfqs/:rfqId/messages',
    {
      schema: {
        tags,
        summary: "The shop's thread with the buyer of a request it quoted on",
        params: Type.Object({ sellerId: Uuid, rfqId: Uuid }),
        response: ok(Thread),
      },
    },
    async (req) => ({ items: await sellerThread(db, req.actor, req.params.sellerId, req.params.rfqId) }),
  );
  app.post(
    '/sellers/:sellerId/trade/rfqs/:rfqId/messages',
    {
      schema: {
        tags,
        summary: 'The shop writes to the buyer',
        params: Type.Object({ sellerId: Uuid, rfqId: Uuid }),
        body: MessageBody,
        response: created(Message),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await sellerSends(db, req.actor, req.params.sellerId, req.params.rfqId, req.body)),
  );

  // Orders: the buyer's side.
  app.post(
    '/trade/quotes/:quoteId/orders',
    {
      schema: {
        tags,
        summary: 'Accept a quote: a sample order, or the bulk order (deposit due now, balance before shipment)',
        params: Type.Object({ quoteId: Uuid }),
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('sample'), Type.Literal('bulk')]),
            quantity: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          closed,
        ),
        response: created(TradeOrder),
      },
    },
    async (req, reply) => reply.code(201).send(await placeTradeOrder(db, req.actor, req.params.quoteId, req.body)),
  );
  app.get(
    '/trade/orders',
    { schema: { tags, summary: "My company's trade orders", response: ok(Orders) } },
    async (req) => ({
      items: await buyersOrders(db, req.actor),
    }),
  );
  const TradeOrderParams = Type.Object({ tradeOrderId: Uuid });
  app.get(
    '/trade/orders/:tradeOrderId',
    {
      schema: {
        tags,
        summary: 'A trade order with its milestones',
        params: TradeOrderParams,
        response: ok(TradeOrder),
      },
    },
    async (req) => orderView(db, await buyersOrder(db, req.actor, req.params.tradeOrderId)),
  );
  app.post(
    '/trade/orders/:tradeOrderId/milestones/:milestoneId/bank-transfer',
    {
      schema: {
        tags,
        summary: "I paid a milestone by bank transfer: the bank's reference, for the operator to match",
        params: Type.Object({ tradeOrderId: Uuid, milestoneId: Uuid }),
        body: Type.Object({ reference: Type.String({ minLength: 1, maxLength: 40 }) }, closed),
        response: ok(TradeOrder),
      },
    },
    async (req) =>
      declareBankTransfer(db, req.actor, req.params.tradeOrderId, req.params.milestoneId, req.body.reference),
  );
  app.post(
    '/trade/orders/:tradeOrderId/received',
    {
      schema: { tags, summary: 'The goods arrived', params: TradeOrderParams, response: ok(TradeOrder) },
    },
    async (req) => confirmReceipt(db, req.actor, req.params.tradeOrderId),
  );
  app.get(
    '/operator/trade/milestones',
    { schema: { tags, summary: 'Bank transfers declared by buyers, to match on the statement' } },
    async (req) => ({ items: await declaredTransfers(db, req.actor) }),
  );
  app.post(
    '/operator/trade/milestones/:milestoneId/confirm-transfer',
    {
      schema: {
        tags,
        summary: "An operator found the buyer's transfer on the bank statement",
        params: Type.Object({ milestoneId: Uuid }),
        response: ok(TradeOrder),
      },
    },
    async (req) => confirmBankTransfer(db, req.actor, req.params.milestoneId),
  );

  // Orders: the shop's side.
  const ShopOrderParams = Type.Object({ sellerId: Uuid, tradeOrderId: Uuid });
  app.get(
    '/sellers/:sellerId/trade/orders',
    {
      schema: {
        tags,
        summary: "The shop's trade orders",
        params: Type.Object({ sellerId: Uuid }),
        response: ok(Orders),
      },
    },
    async (req) => ({ items: await shopsOrders(db, req.actor, req.params.sellerId) }),
  );
  app.get(
    '/sellers/:sellerId/trade/orders/:tradeOrderId',
    { schema: { tags, summary: 'One of the shop’s trade orders', params: ShopOrderParams, response: ok(TradeOrder) } },
    async (req) => orderView(db, await shopsOrder(db, req.actor, req.params.sellerId, req.params.tradeOrderId)),
  );
  app.post(
    '/sellers/:sellerId/trade/orders/:tradeOrderId/ready',
    {
      schema: {
        tags,
        summary: 'The goods are made: the balance falls due',
        params: ShopOrderParams,
        response: ok(TradeOrder),
      },
    },
    async (req) => goodsReady(db, req.actor, req.params.sellerId, req.params.tradeOrderId),
  );
  app.post(
    '/sellers/:sellerId/trade/orders/:tradeOrderId/shipment',
    {
      schema: {
        tags,
        summary: 'Record the shipment with its bill of lading or air waybill number',
        params: ShopOrderParams,
        body: Type.Object(
          {
            document: Type.Union([Type.Literal('bl'), Type.Literal('awb')]),
            number: Type.String({ minLength: 1, maxLength: 40 }),
            carrier: Type.String({ minLength: 1, maxLength: 120 }),
            packages: Type.Integer({ minimum: 1 }),
            grossWeightKg: Type.Integer({ minimum: 1 }),
          },
          closed,
        ),
        response: ok(TradeOrder),
      },
    },
    async (req) => recordShipment(db, req.actor, req.params.sellerId, req.params.tradeOrderId, req.body),
  );

  // The papers, for the buyer and the shop.
  async function sendPdf(
    reply: import('fastify').FastifyReply,
    o: TradeOrderRow,
    kind: TradeDocument,
    locale: 'th' | 'zh' | 'en',
  ) {
    if (kind !== 'proforma-invoice' && !o.transportNumber) throw new AppError(409, 'trade_not_shipped');
    const [buyer] = await db.select().from(tradeBuyers).where(eq(tradeBuyers.id, o.buyerId));
    const shop = (await sellerFacts(db, [o.sellerId])).get(o.sellerId);
    const pdf = await tradeDocumentPdf(
      await orderView(db, o),
      {
        seller: { name: shop?.shopName.th ?? '', provinceCode: shop?.provinceCode ?? null },
        buyer: { companyName: buyer.companyName, country: buyer.country, registrationNumber: buyer.registrationNumber },
      },
      kind,
      locale,
    );
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${kind}-${o.number}.pdf"`)
      .send(pdf);
  }
  const PdfResponse = { 200: Type.String({ description: 'application/pdf' }), ...problemResponses };
  app.get(
    '/trade/orders/:tradeOrderId/documents/:document',
    {
      schema: {
        tags,
        summary: 'Pro-forma invoice, commercial invoice or packing list (PDF)',
        params: Type.Object({ tradeOrderId: Uuid, document: Document }),
        querystring: Type.Object({ lang: Type.Optional(Lang) }),
        response: PdfResponse,
      },
    },
    async (req, reply) => {
      const o = await buyersOrder(db, req.actor, req.params.tradeOrderId);
      const { buyer } = await buyerOfActor(db, req.actor);
      return sendPdf(
        reply,
        o,
        req.params.document,
        // The page's language when a link gives it, else the asked language, else the team's.
        (req.query.lang ?? (req.headers['accept-language'] ? req.locale : buyer.language)) as 'th',
      );
    },
  );
  app.get(
    '/sellers/:sellerId/trade/orders/:tradeOrderId/documents/:document',
    {
      schema: {
        tags,
        summary: "The shop's copy of an order's papers (PDF)",
        params: Type.Object({ sellerId: Uuid, tradeOrderId: Uuid, document: Document }),
        response: PdfResponse,
      },
    },
    async (req, reply) =>
      sendPdf(
        reply,
        await shopsOrder(db, req.actor, req.params.sellerId, req.params.tradeOrderId),
        req.params.document,
        req.locale,
      ),
  );
}
