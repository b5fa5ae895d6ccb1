// Crossborder over HTTP: markets, China's districts (lazily, one level at a time), landed prices,
// the cross-border checkout, a cross-border order's facts, and a shop's product terms.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { validIdempotencyKey } from '../../platform/idempotency.ts';
import { cartOwnerKey, cartOwnerOf } from '../cart/index.ts';
import {
  MARKETS,
  CUSTOMS_UNITS,
  buyerCbecOrders,
  cbecOrderOf,
  crossBorderCheckout,
  districtChildren,
  getProductTerms,
  landedForVariants,
  quoteCart,
  setProductTerms,
  checkOrderLimit,
} from './service.ts';
import { cbecRatePercent } from './rules.ts';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Terms = Type.Object(
  {
    eligible: Type.Boolean(),
    vatBp: Type.Union([Type.Literal(900), Type.Literal(1300)]),
    consumptionTaxBp: Type.Integer({ minimum: 0, maximum: 9999 }),
    hsCode: Type.String({ pattern: '^[0-9]{10}$' }),
    customsNameZh: Text(100),
    customsUnit: Type.Union(CUSTOMS_UNITS.map((u) => Type.Literal(u))),
    packagingGrams: Type.Integer({ minimum: 0, maximum: 100_000 }),
    yearlyQuantityCap: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  },
  { additionalProperties: false },
);

export async function crossborderRoutes(plain: FastifyInstance): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['crossborder'];

  app.get(
    '/crossborder/markets',
    { schema: { tags, summary: 'The markets a buyer can pick: TH (domestic) and CN (cross-border)' } },
    async () => ({ items: MARKETS }),
  );

  app.get(
    '/crossborder/districts',
    {
      schema: {
        tags,
        summary: "China's GB/T 2260 divisions, one level at a time: provinces, a province's cities, a city's counties",
        querystring: Type.Object({ parent: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$' })) }),
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return { items: districtChildren(req.query.parent) };
    },
  );

  app.get(
    '/crossborder/landed',
    {
      schema: {
        tags,
        summary:
          'CNY landed price (goods, international shipping, cross-border tax, total) of one unit of each variant',
        querystring: Type.Object({ variantIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }) }),
      },
    },
    async (req) => landedForVariants(app.db, app.config, req.query.variantIds, req.locale),
  );

  app.get(
    '/crossborder/cart-quote',
    {
      schema: {
        tags,
        summary: "The caller's cart as one landed order to China (refused with the reason when it cannot go)",
      },
    },
    async (req) => {
      const ownerKey = cartOwnerKey(req.actor);
      if (!ownerKey) throw new AppError(422, 'cart_empty');
      const { quote, rate } = await quoteCart(app.db, app.config, ownerKey);
      checkOrderLimit(quote);
      return {
        currency: 'CNY',
        sellerId: quote.sellerId,
        goodsFen: quote.landed.goodsFen,
        freightFen: quote.landed.freightFen,
        taxFen: quote.landed.taxFen,
        totalFen: quote.landed.totalFen,
        fx: { rate: rate.rate, source: rate.source, validFrom: rate.validFrom },
        lines: quote.lines.map((l, i) => ({
          variantId: l.v.variantId,
          sku: l.v.sku,
          title: l.v.title,
          ...quote.landed.lines[i],
          taxRatePercent: cbecRatePercent(l.terms),
        })),
      };
    },
  );

  app.post(
    '/crossborder/checkout',
    {
      schema: {
        tags,
        summary:
          'Place the cart as a cross-border order to China: landed CNY total, limits, buyer identity; pay with Alipay as that buyer',
        description: 'Requires an Idempotency-Key header. The ID number is stored encrypted and shown masked.',
        body: Type.Object(
          {
            name: Text(60),
            idNumber: Text(18),
            phone: Text(20),
            consignee: Type.Optional(Type.Object({ name: Text(60), phone: Text(20) }, { additionalProperties: false })),
            districtCode: Type.String({ pattern: '^[0-9]{6}$' }),
            addressDetail: Text(120),
            expectedTotalFen: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object(
            { orderGroupId: Uuid, orderId: Uuid, totalFen: Type.Integer() },
            { additionalProperties: true },
          ),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
      if (!key) throw new AppError(400, 'idempotency_key_required');
      const owner = cartOwnerOf(req.actor);
      if (!owner) throw new AppError(422, 'cart_empty');
      const res = await crossBorderCheckout(app.db, req.actor, app.config, {
        owner,
        idempotencyKey: key,
        body: req.body,
      });
      return reply.code(res.statusCode as 201).send(res.body as any);
    },
  );

  app.get(
    '/crossborder/orders',
    {
      schema: {
        tags,
        summary:
          "The caller's own cross-border orders (those ids only, when given), newest first: landed CNY goods, freight, tax, total and refunds",
        querystring: Type.Object({ orderIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })) }),
      },
    },
    async (req) => ({ items: await buyerCbecOrders(app.db, req.actor, req.query.orderIds) }),
  );

  app.get(
    '/crossborder/orders/:orderId',
    {
      schema: {
        tags,
        summary: "A cross-border order's customs facts: landed amounts, rate, buyer (ID masked), consignee, lines",
        params: Type.Object({ orderId: Uuid }),
      },
    },
    async (req) => {
      const view = await cbecOrderOf(app.db, req.actor, req.params.orderId, req.locale);
      if (!view) throw new AppError(404, 'not_found', { what: 'cross-border order' });
      return view;
    },
  );

  const ProductParams = Type.Object({ sellerId: Uuid, productId: Uuid });
  app.get(
    '/sellers/:sellerId/products/:productId/cross-border',
    { schema: { tags, summary: "A product's cross-border terms (its shop)", params: ProductParams } },
    async (req) => ({ terms: await getProductTerms(app.db, req.actor, req.params.sellerId, req.params.productId) }),
  );
  app.put(
    '/sellers/:sellerId/products/:productId/cross-border',
    {
      schema: {
        tags,
        summary:
          'Mark a product eligible for China, with its tax category, customs code, name and unit, and yearly cap',
        params: ProductParams,
        body: Terms,
      },
    },
    async (req) => setProductTerms(app.db, req.actor, { ...req.body, ...req.params }),
  );
}
