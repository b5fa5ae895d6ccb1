// HTTP for reviews: the buyer writes, the shop replies, anyone signed in reports, the operator moderates.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import {
  moderateReview,
  moderationQueue,
  postReview,
  productReviews,
  rating,
  replyToReview,
  reportReview,
} from './service.ts';

const Id = Type.Object({ id: Uuid });
const Text = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

export async function reviewsRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  app.post(
    '/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: 'The buyer reviews a line of a delivered order',
        body: Type.Object(
          {
            orderId: Uuid,
            lineNo: Type.Integer({ minimum: 0 }),
            rating: Type.Integer(),
            body: Type.String({ maxLength: 4000 }),
            language: Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.code(201).send(await postReview(db, req.actor, req.body)),
  );
  app.get(
    '/products/:id/reviews',
    { schema: { tags: ['reviews'], summary: "A product's published reviews and rating", params: Id } },
    async (req) => ({
      rating: await rating(db, { productId: req.params.id }),
      items: await productReviews(db, req.params.id, req.locale),
    }),
  );
  app.get(
    '/sellers/:id/rating',
    { schema: { tags: ['reviews'], summary: "A shop's rating", params: Id } },
    async (req) => rating(db, { sellerId: req.params.id }),
  );
  app.post(
    '/reviews/:id/reply',
    { schema: { tags: ['reviews'], summary: 'The shop replies', params: Id, body: Text } },
    async (req, reply) => {
      await replyToReview(db, req.actor, req.params.id, req.body.text);
      return reply.code(204).send();
    },
  );
  app.post(
    '/reviews/:id/reports',
    { schema: { tags: ['reviews'], summary: 'Report a review', params: Id, body: Text } },
    async (req, reply) => {
      await reportReview(db, req.actor, req.params.id, req.body.text);
      return reply.code(204).send();
    },
  );
  app.get('/operator/reviews/reports', { schema: { tags: ['reviews'], summary: 'Reported reviews' } }, async (req) => ({
    items: await moderationQueue(db, req.actor),
  }));
  app.post(
    '/operator/reviews/:id/moderation',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Hide or keep a reported review',
        params: Id,
        body: Type.Object({ hide: Type.Boolean() }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      await moderateReview(db, req.actor, req.params.id, req.body.hide);
      return reply.code(204).send();
    },
  );
}
