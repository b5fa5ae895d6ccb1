// HTTP for the storefront's cards: one call per page of cards.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import { createMediaStorage } from '../../platform/storage.ts';
import { cardFacts } from './cards.ts';
import { chinaShelf } from './china.ts';

const Text = Type.Object({
  th: Type.String(),
  zh: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  en: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
const Badge = Type.Object({
  kind: Type.String(),
  mark: Type.Optional(Type.String()),
  stars: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  minSubtotalSatang: Type.Optional(Type.Integer()),
});
const Card = Type.Object({
  productId: Uuid,
  rating: Type.Union([Type.Object({ average: Type.Number(), count: Type.Integer() }), Type.Null()]),
  shopRating: Type.Union([Type.Object({ average: Type.Number(), count: Type.Integer() }), Type.Null()]),
  sold: Type.Integer(),
  campaign: Type.Union([
    Type.Object({
      campaignId: Uuid,
      name: Text,
      endsAt: Type.String(),
      priceSatang: Type.Integer(),
      listPriceSatang: Type.Integer(),
      variants: Type.Array(
        Type.Object({
          variantId: Uuid,
          priceSatang: Type.Integer(),
          listPriceSatang: Type.Integer(),
          left: Type.Integer(),
          perBuyerLimit: Type.Integer(),
        }),
      ),
    }),
    Type.Null(),
  ]),
  badges: Type.Array(Badge),
});

export async function storefrontRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/storefront/cards',
    {
      schema: {
        tags: ['storefront'],
        summary:
          'For a page of product cards at once: rating, units sold, the campaign price in force with the catalog price and its end, badges',
        querystring: Type.Object({ productIds: Type.Array(Uuid, { minItems: 1, maxItems: 60 }) }),
        response: { 200: Type.Object({ now: Type.String(), items: Type.Array(Card) }) },
      },
    },
    async (req) => {
      const now = new Date();
      return { now: now.toISOString(), items: await cardFacts(app.db, req.query.productIds, now) };
    },
  );

  const storage = createMediaStorage(app.config);
  app.get(
    '/storefront/china',
    {
      schema: {
        tags: ['storefront'],
        summary:
          'What a buyer in mainland China can order now (eligible cross-border and held in the bonded hub), with the landed CNY price of one unit including tax, the limits and the categories that have some',
        querystring: Type.Object({
          category: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
          perPage: Type.Integer({ minimum: 1, maximum: 48, default: 24 }),
        }),
      },
    },
    async (req) => chinaShelf(app.db, app.config, storage, req.locale, req.query),
  );
}
