// HTTP for learning around the lessons: the catalogue with progress and locks, the quiz's state for
// the learner, the lessons' pictures and files, the course package for offline use and the sync of
// answers given offline, the installable app (manifest and service worker), and the shop's badges
// and the seller centre's academy panel.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import { notFound } from '../../platform/errors.ts';
import { catalogue, learnerStatus } from './learning.ts';
import { lessonFile, lessonImage } from './lesson-assets.ts';
import { coursePackage, packageSize, syncAttempt } from './offline.ts';
import { serviceWorkerScript, webAppManifest } from './pwa.ts';
import { getShopBySlug } from '../sellers/index.ts';
import { sellerAcademy, setShowBadges, shopBadges } from './showcase.ts';

const CourseParams = Type.Object({ courseId: Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+$' }) });
const SellerParams = Type.Object({ sellerId: Uuid });
const Answers = Type.Record(
  Type.String({ maxLength: 80 }),
  Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 80 }), { maxItems: 10 })]),
);

export async function learnerRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const s = <const T extends object = object>(summary: string, extra?: T) => ({
    schema: { tags: ['academy'], summary, ...(extra as T) },
  });

  app.get('/academy/catalogue', s('The courses with the caller’s progress and locks'), (req) =>
    catalogue(db, req.actor, req.locale),
  );
  app.get(
    '/academy/courses/:courseId/status',
    s('The caller’s quiz state: attempts used and left, passed, credential', { params: CourseParams }),
    (req) => learnerStatus(db, req.actor, req.params.courseId, req.locale),
  );
  app.get(
    '/academy/img/:file',
    s('A lesson’s picture', { params: Type.Object({ file: Type.String({ maxLength: 80 }) }) }),
    async (req, reply) => {
      const svg = await lessonImage(req.params.file);
      if (!svg) throw notFound('file');
      return reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
    },
  );
  app.get(
    '/academy/files/:file',
    s('A lesson’s downloadable file (PDF)', { params: Type.Object({ file: Type.String({ maxLength: 80 }) }) }),
    async (req, reply) => {
      const pdf = lessonFile(req.params.file);
      if (!pdf) throw notFound('file');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${req.params.file}"`)
        .send(await pdf);
    },
  );
  app.get(
    '/academy/courses/:courseId/package/size',
    s('What downloading the course for offline use costs, in bytes', { params: CourseParams }),
    (req) => packageSize(db, req.actor, req.params.courseId, req.locale),
  );
  app.post(
    '/academy/courses/:courseId/package',
    s('The course for offline use, with a pre-started quiz attempt (questions without answers)', {
      params: CourseParams,
      body: Type.Object(
        { clientAttemptId: Type.String({ minLength: 8, maxLength: 80 }) },
        { additionalProperties: false },
      ),
    }),
    (req) => coursePackage(db, req.actor, req.params.courseId, req.body.clientAttemptId, req.locale),
  );
  app.post(
    '/academy/attempts/:id/sync',
    s('Send answers kept offline: graded once on the server; a conflict is named', {
      params: Type.Object({ id: Uuid }),
      body: Type.Object(
        { answers: Answers, clientAttemptId: Type.Optional(Type.String({ maxLength: 80 })) },
        { additionalProperties: false },
      ),
    }),
    (req) => {
      const key = (req.headers['idempotency-key'] as string | undefined) ?? req.body.clientAttemptId ?? null;
      return syncAttempt(db, req.actor, req.params.id, { answers: req.body.answers, clientAttemptId: key }, req.locale);
    },
  );
  app.get(
    '/academy/manifest.webmanifest',
    s('The academy’s web app manifest', {
      querystring: Type.Object({
        lang: Type.Optional(Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')])),
      }),
    }),
    async (req, reply) =>
      reply
        .header('content-type', 'application/manifest+json; charset=utf-8')
        .send(JSON.stringify(webAppManifest(req.query.lang ?? req.locale))),
  );
  app.get('/academy/sw.js', s('The academy’s service worker'), async (_req, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('service-worker-allowed', '/')
      .header('cache-control', 'no-cache')
      .send(serviceWorkerScript),
  );
  app.get(
    '/academy/shops/:slug/badges',
    s('The courses a shop shows as badges (its members’ choice)', {
      params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
    }),
    async (req) => shopBadges(db, (await getShopBySlug(db, req.params.slug)).id, req.locale),
  );
  app.get(
    '/sellers/:sellerId/academy',
    s('The seller centre’s academy: badges setting, courses done, what to learn next', { params: SellerParams }),
    (req) => sellerAcademy(db, req.actor, req.params.sellerId, req.locale),
  );
  app.put(
    '/sellers/:sellerId/academy/badges',
    s('Show my completed courses on the shop, or not', {
      params: SellerParams,
      body: Type.Object({ showBadges: Type.Boolean() }, { additionalProperties: false }),
    }),
    (req) => setShowBadges(db, req.actor, req.params.sellerId, req.body.showBadges),
  );
}
