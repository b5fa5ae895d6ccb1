// HTTP for the partner directory: the search, one partner with its reviews, and a shop's review.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import { getPartner, reviewPartner, searchPartners } from './partners.ts';

const Lang = Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')]);
const Slug = Type.String({ minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' });

export async function tradePartnerRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const tags = ['trade'];
  app.get(
    '/trade/partners',
    {
      schema: {
        tags,
        summary: 'Partner directory: logistics, inspection, packaging, photography, training',
        querystring: Type.Object({
          service: Type.Optional(Type.String({ maxLength: 20 })),
          province: Type.Optional(Type.String({ maxLength: 2 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
        }),
      },
    },
    async (req) => ({
      items: await searchPartners(db, {
        service: req.query.service || undefined,
        province: req.query.province || undefined,
        q: req.query.q,
      }),
    }),
  );
  app.get(
    '/trade/partners/:slug',
    {
      schema: {
        tags,
        summary: 'A partner with the reviews of shops that used it',
        params: Type.Object({ slug: Slug }),
      },
    },
    async (req) => getPartner(db, req.params.slug),
  );
  app.post(
    '/sellers/:sellerId/trade/partners/:slug/reviews',
    {
      schema: {
        tags,
        summary: 'A shop that used a partner reviews it (one review per shop)',
        params: Type.Object({ sellerId: Uuid, slug: Slug }),
        body: Type.Object(
          { rating: Type.Integer(), body: Type.String({ minLength: 1, maxLength: 2000 }), language: Lang },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await reviewPartner(db, req.actor, req.params.sellerId, req.params.slug, req.body)),
  );
}
