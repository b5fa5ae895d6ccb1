// HTTP for reviews: the buyer writes (with her own translation if she likes) and adds photos, the
// shop replies once, anyone signed in reports, the operator hides or restores with a reason.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams as Id, problemResponses, Uuid } from '../../platform/http.ts';
import { moderateReview, postReview, replyToReview, reportReview } from './service.ts';
import { hiddenReviews, moderationQueue, productReviews, rating, shopReviews } from './views.ts';

const Lang = Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')]);
const Text = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
const Rating = Type.Object({ average: Type.Union([Type.Number(), Type.Null()]), count: Type.Integer() });
const Review = Type.Object({
  id: Type.String(),
  rating: Type.Integer(),
  body: Type.String(),
  language: Lang,
  original: Type.Object({ language: Lang, body: Type.String() }),
  translation: Type.Union([
    Type.Object({ language: Lang, body: Type.String(), translatedBy: Type.String() }),
    Type.Null(),
  ]),
  shown: Type.Union([Type.Literal('original'), Type.Literal('translation')]),
  translated: Type.Boolean(),
  otherLanguage: Type.Boolean(),
  photos: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), contentType: Type.String() })),
  reply: Type.Union([Type.String(), Type.Null()]),
  repliedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const Moderated = {
  productId: Type.String(),
  sellerId: Type.String(),
  status: Type.String(),
};
const Reported = Type.Object({
  ...Review.properties,
  ...Moderated,
  reports: Type.Array(Type.Object({ reason: Type.String(), at: Type.String() })),
  firstReportedAt: Type.String(),
  history: Type.Array(Type.Object({ action: Type.String(), reason: Type.String(), at: Type.String() })),
});
const WithModeration = Type.Object({
  ...Review.properties,
  ...Moderated,
  moderationReason: Type.Union([Type.String(), Type.Null()]),
  moderatedAt: Type.Union([Type.String(), Type.Null()]),
});

export async function reviewsRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  app.post(
    '/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: 'The buyer reviews a line of a delivered order (optionally with her own translation)',
        body: Type.Object(
          {
            orderId: Uuid,
            lineNo: Type.Integer({ minimum: 0 }),
            rating: Type.Integer(),
            body: Type.String({ maxLength: 4000 }),
            language: Lang,
            translation: Type.Optional(
              Type.Union([
                Type.Object(
                  { language: Lang, body: Type.String({ maxLength: 4000 }) },
                  { additionalProperties: false },
                ),
                Type.Null(),
              ]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await postReview(db, req.actor, req.body)),
  );
  app.get(
    '/products/:id/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: "A product's published reviews (newest first) and rating",
        params: Id,
        response: { 200: Type.Object({ rating: Rating, items: Type.Array(Review) }), ...problemResponses },
      },
    },
    async (req) => ({
      rating: await rating(db, { productId: req.params.id }),
      items: await productReviews(db, req.params.id, req.locale),
    }),
  );
  app.get(
    '/sellers/:id/rating',
    { schema: { tags: ['reviews'], summary: "A shop's rating", params: Id, response: { 200: Rating } } },
    async (req) => rating(db, { sellerId: req.params.id }),
  );
  app.get(
    '/sellers/:id/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: "A shop's reviews, newest first, to reply from (its members)",
        params: Id,
        response: { 200: Type.Object({ items: Type.Array(WithModeration) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await shopReviews(db, req.actor, req.params.id, req.locale) }),
  );
  app.post(
    '/reviews/:id/reply',
    {
      schema: {
        tags: ['reviews'],
        summary: 'The shop replies, once, in public',
        params: Id,
        body: Text,
      },
    },
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
  app.get(
    '/operator/reviews/reports',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Reported reviews (most reported first) and the hidden ones',
        response: {
          200: Type.Object({ items: Type.Array(Reported), hidden: Type.Array(WithModeration) }),
          ...problemResponses,
        },
      },
    },
    async (req) => ({
      items: await moderationQueue(db, req.actor, req.locale),
      hidden: await hiddenReviews(db, req.actor, req.locale),
    }),
  );
  app.post(
    '/operator/reviews/:id/moderation',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Hide a review or restore a hidden one, with a reason (closes its reports)',
        params: Id,
        body: Type.Object(
          {
            action: Type.Union([Type.Literal('hide'), Type.Literal('restore')]),
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      await moderateReview(db, req.actor, req.params.id, req.body);
      return reply.code(204).send();
    },
  );
}
