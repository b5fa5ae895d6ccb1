// HTTP for campaigns and vouchers: the shop's campaigns, vouchers and free shipping; the
// operator's platform vouchers; the storefront's campaign prices; the buyer's checkout quote.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { toProblem } from '../../platform/errors.ts';
import { problemResponses, Uuid } from '../../platform/http.ts';
import type { ModuleContext } from '../../platform/module.ts';
import {
  cancelCampaign,
  createCampaign,
  createPlatformVoucher,
  createShopVoucher,
  freeShippingOf,
  listCampaigns,
  listPlatformVouchers,
  listShopVouchers,
  quoteCart,
  setFreeShipping,
} from './service.ts';
import { campaignPricesOf } from './storefront.ts';

const tags = ['campaigns'];
const Nullable = <T extends ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
const Name = Type.Object(
  {
    th: Type.String({ minLength: 1, maxLength: 120 }),
    zh: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
    en: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const NameOut = Type.Object({
  th: Type.String(),
  zh: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  en: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
const Money = Type.Integer({ minimum: 1, maximum: 100_000_000 });
const Count = Type.Integer({ minimum: 1, maximum: 10_000_000 });
const When = Type.String({ format: 'date-time' });
const SellerParams = Type.Object({ sellerId: Uuid });

const CampaignItemOut = Type.Object({
  variantId: Uuid,
  productId: Uuid,
  priceSatang: Type.Integer(),
  stockLimit: Type.Integer(),
  perBuyerLimit: Type.Integer(),
  sold: Type.Integer(),
});
const CampaignOut = Type.Object({
  id: Uuid,
  name: NameOut,
  startsAt: Type.String(),
  endsAt: Type.String(),
  cancelled: Type.Boolean(),
  items: Type.Array(CampaignItemOut),
});
const VoucherBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{3,40}$' }),
    name: Name,
    kind: Type.Union([Type.Literal('amount'), Type.Literal('percent')]),
    amountSatang: Type.Optional(Money),
    percent: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    minSpendSatang: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    capSatang: Type.Optional(Money),
    perBuyerLimit: Count,
    totalLimit: Count,
    startsAt: When,
    endsAt: When,
  },
  { additionalProperties: false },
);
const VoucherOut = Type.Object({
  id: Uuid,
  sellerId: Type.Union([Uuid, Type.Null()]),
  code: Type.String(),
  name: NameOut,
  kind: Type.String(),
  amountSatang: Nullable(Type.Integer()),
  percent: Nullable(Type.Integer()),
  minSpendSatang: Type.Integer(),
  capSatang: Nullable(Type.Integer()),
  perBuyerLimit: Type.Integer(),
  totalLimit: Type.Integer(),
  used: Type.Integer(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  fundedBy: Type.String(),
});
const Discount = Type.Object({
  kind: Type.String(),
  id: Type.Union([Uuid, Type.Null()]),
  code: Type.Union([Type.String(), Type.Null()]),
  amountSatang: Type.Integer(),
  fundedBy: Type.String(),
});
const Quote = Type.Object({
  shops: Type.Array(
    Type.Object({
      sellerId: Uuid,
      items: Type.Array(
        Type.Object({
          variantId: Uuid,
          quantity: Type.Integer(),
          unitPriceSatang: Type.Integer(),
          listUnitPriceSatang: Nullable(Type.Integer()),
          campaignId: Type.Union([Uuid, Type.Null()]),
          lineTotalSatang: Type.Integer(),
        }),
      ),
      subtotalSatang: Type.Integer(),
      shippingSatang: Type.Integer(),
      discountSatang: Type.Integer(),
      discounts: Type.Array(Discount),
      freeShippingFromSatang: Nullable(Type.Integer()),
      totalSatang: Type.Integer(),
    }),
  ),
  subtotalSatang: Type.Integer(),
  shippingSatang: Type.Integer(),
  discountSatang: Type.Integer(),
  totalSatang: Type.Integer(),
  voucherCodes: Type.Array(Type.String()),
  vouchers: Type.Array(VoucherOut),
  problem: Type.Union([Type.Object({ code: Type.String(), detail: Type.String() }), Type.Null()]),
});
const CampaignPriceOut = Type.Object({
  campaignId: Uuid,
  name: NameOut,
  variantId: Uuid,
  priceSatang: Type.Integer(),
  endsAt: Type.String(),
  stockLimit: Type.Integer(),
  sold: Type.Integer(),
  perBuyerLimit: Type.Integer(),
});

export async function campaignRoutes(base: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/sellers/:sellerId/campaigns',
    {
      schema: {
        tags,
        summary: "The shop's flash-sale campaigns",
        params: SellerParams,
        response: { 200: Type.Object({ items: Type.Array(CampaignOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listCampaigns(db, req.actor, req.params.sellerId) }),
  );
  app.post(
    '/sellers/:sellerId/campaigns',
    {
      schema: {
        tags,
        summary: 'The shop creates a flash-sale campaign: a price, a stock limit and a per-buyer limit per variant',
        params: SellerParams,
        body: Type.Object(
          {
            name: Name,
            startsAt: When,
            endsAt: When,
            items: Type.Array(
              Type.Object(
                { variantId: Uuid, priceSatang: Money, stockLimit: Count, perBuyerLimit: Count },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 100 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: CampaignOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createCampaign(db, req.actor, req.params.sellerId, req.body)),
  );
  app.post(
    '/sellers/:sellerId/campaigns/:id/cancel',
    {
      schema: {
        tags,
        summary: 'The shop ends a campaign now',
        params: Type.Object({ sellerId: Uuid, id: Uuid }),
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await cancelCampaign(db, req.actor, req.params.sellerId, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/sellers/:sellerId/vouchers',
    {
      schema: {
        tags,
        summary: "The shop's vouchers",
        params: SellerParams,
        response: { 200: Type.Object({ items: Type.Array(VoucherOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listShopVouchers(db, req.actor, req.params.sellerId) }),
  );
  app.post(
    '/sellers/:sellerId/vouchers',
    {
      schema: {
        tags,
        summary: 'The shop creates a voucher (the shop funds it)',
        params: SellerParams,
        body: VoucherBody,
        response: { 201: VoucherOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createShopVoucher(db, req.actor, req.params.sellerId, req.body)),
  );
  const FreeShipping = Type.Object(
    { minSubtotalSatang: Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000 }), Type.Null()]) },
    { additionalProperties: false },
  );
  app.get(
    '/sellers/:sellerId/free-shipping',
    {
      schema: {
        tags,
        summary: "The shop's free-shipping threshold (null: none)",
        params: SellerParams,
        response: { 200: FreeShipping, ...problemResponses },
      },
    },
    async (req) => {
      await listShopVouchers(db, req.actor, req.params.sellerId); // the shop's members only
      return { minSubtotalSatang: await freeShippingOf(db, req.params.sellerId) };
    },
  );
  app.put(
    '/sellers/:sellerId/free-shipping',
    {
      schema: {
        tags,
        summary: 'The shop ships free from this much of its goods (the shop pays the shipping)',
        params: SellerParams,
        body: FreeShipping,
        response: { 200: FreeShipping, ...problemResponses },
      },
    },
    async (req) => setFreeShipping(db, req.actor, req.params.sellerId, req.body.minSubtotalSatang),
  );
  app.get(
    '/operator/vouchers',
    {
      schema: {
        tags,
        summary: 'Platform vouchers',
        response: { 200: Type.Object({ items: Type.Array(VoucherOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listPlatformVouchers(db, req.actor) }),
  );
  app.post(
    '/operator/vouchers',
    {
      schema: {
        tags,
        summary: 'An operator creates a platform voucher (the platform funds it)',
        body: VoucherBody,
        response: { 201: VoucherOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createPlatformVoucher(db, req.actor, req.body)),
  );
  app.get(
    '/campaign-prices',
    {
      schema: {
        tags,
        summary: 'Campaign prices in force now on these products',
        querystring: Type.Object({ productIds: Type.String({ maxLength: 3700 }) }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Intersect([Type.Object({ productId: Uuid }), CampaignPriceOut])) }),
        },
      },
    },
    async (req) => {
      const ids = req.query.productIds
        .split(',')
        .filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
        .slice(0, 100);
      const prices = await campaignPricesOf(db, ids);
      return { items: [...prices].flatMap(([productId, list]) => list.map((p) => ({ productId, ...p }))) };
    },
  );
  app.post(
    '/checkout/quote',
    {
      schema: {
        tags,
        summary: 'The cart priced as checkout will price it: campaign prices, vouchers, free shipping',
        body: Type.Object(
          { voucherCodes: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 }) },
          { additionalProperties: false },
        ),
        response: { 200: Quote, ...problemResponses },
      },
    },
    async (req) => {
      const quote = await quoteCart(db, req.actor, ctx.config, req.body.voucherCodes);
      const problem = quote.problem ? toProblem(quote.problem, req.locale) : null;
      return { ...quote, problem: problem ? { code: problem.code, detail: problem.detail } : null };
    },
  );
}
