// HTTP for the academy: courses and lesson progress (learner), quiz attempts graded on the server,
// grades (the learner and operators), credentials with the issuer's public keys, verification by
// anyone, the Thai PDF certificate with its QR code, and revocation (operator).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import { learnerOf } from './service.ts';
import { COURSES, pick } from './course.ts';
import {
  credentialById,
  issuerJwks,
  issuerProfile,
  revokeCredential,
  setPublicBase,
  verifyCredentialJwt,
  verifyPageUrl,
} from './credentials.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { completeLesson, courseView, gradesOf, startAttempt, submitAttempt } from './service.ts';
import './messages.ts';
import { learnerRoutes } from './learn-routes.ts';
import { createMediaStorage } from '../../platform/storage.ts';
import { deleteLessonVideo, putLessonVideo, VIDEO_TYPES } from './videos.ts';
import { cohortRoutes } from './cohort-routes.ts';

export interface AcademyRuntime {
  publicUrl: string;
}

const CourseParams = Type.Object({ courseId: Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+$' }) });
const Id = Type.Object({ id: Uuid });

export async function academyRoutes(base: FastifyInstance, rt: AcademyRuntime): Promise<void> {
  setPublicBase(rt.publicUrl);
  await learnerRoutes(base);
  await cohortRoutes(base, rt);
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const s = <const T extends object = object>(summary: string, extra?: T) => ({
    schema: { tags: ['academy'], summary, ...(extra as T) },
  });

  app.get('/academy/courses', s('The courses'), async (req) => ({
    items: COURSES.map((c) => ({ id: c.id, title: pick(c.title, req.locale), summary: pick(c.summary, req.locale) })),
  }));
  app.get(
    '/academy/courses/:courseId',
    s('A course with its lessons and the caller’s progress', { params: CourseParams }),
    (req) => courseView(db, req.actor, req.params.courseId, req.locale),
  );
  // Lesson videos: the file is the request body (video/mp4 or video/webm), up to VIDEO_LIMIT_BYTES.
  const storage = createMediaStorage(app.config);
  const LessonParams = Type.Object({
    courseId: CourseParams.properties.courseId,
    lessonId: Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+$' }),
  });
  app.addContentTypeParser(
    Object.values(VIDEO_TYPES),
    { parseAs: 'buffer', bodyLimit: app.config.videoLimitBytes },
    (_req, body, done) => done(null, body),
  );
  app.put(
    '/academy/courses/:courseId/lessons/:lessonId/video',
    {
      bodyLimit: app.config.videoLimitBytes,
      schema: {
        tags: ['academy'],
        summary:
          'Upload a lesson’s video (academy operators): the MP4 or WebM file is the body; replaces the one before',
        params: LessonParams,
      },
    },
    (req) =>
      putLessonVideo(
        db,
        storage,
        req.actor,
        req.params.courseId,
        req.params.lessonId,
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        app.config.videoLimitBytes,
      ),
  );
  app.delete(
    '/academy/courses/:courseId/lessons/:lessonId/video',
    s('Remove a lesson’s uploaded video (academy operators)', { params: LessonParams }),
    async (req, reply) => {
      await deleteLessonVideo(db, storage, req.actor, req.params.courseId, req.params.lessonId);
      return reply.code(204).send();
    },
  );
  app.post(
    '/academy/courses/:courseId/lessons/:lessonId/complete',
    s('Mark a lesson done', {
      params: Type.Object({ courseId: CourseParams.properties.courseId, lessonId: Type.String({ maxLength: 80 }) }),
    }),
    (req) => completeLesson(db, req.actor, req.params.courseId, req.params.lessonId),
  );
  app.post(
    '/academy/courses/:courseId/attempts',
    s('Start a quiz attempt: questions drawn at random, without answers (Idempotency-Key = client attempt id)', {
      params: CourseParams,
      body: Type.Optional(
        Type.Object(
          { clientAttemptId: Type.Optional(Type.String({ maxLength: 80 })) },
          { additionalProperties: false },
        ),
      ),
    }),
    async (req, reply) => {
      const key = (req.headers['idempotency-key'] as string | undefined) ?? req.body?.clientAttemptId ?? null;
      const view = await startAttempt(db, req.actor, req.params.courseId, { clientAttemptId: key }, req.locale);
      return reply.code(201).send(view);
    },
  );
  app.post(
    '/academy/attempts/:id/submit',
    s('Submit answers; graded on the server, once', {
      params: Id,
      body: Type.Object(
        {
          answers: Type.Record(
            Type.String({ maxLength: 80 }),
            Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 80 }), { maxItems: 10 })]),
          ),
        },
        { additionalProperties: false },
      ),
    }),
    (req) => submitAttempt(db, req.actor, req.params.id, req.body.answers, req.locale),
  );
  app.get('/academy/me/grades', s('My quiz grades'), (req) =>
    gradesOf(db, req.actor, learnerOf(req.actor)).then((items) => ({ items })),
  );
  app.get('/academy/learners/:id/grades', s('A learner’s grades (the learner or an operator)', { params: Id }), (req) =>
    gradesOf(db, req.actor, req.params.id).then((items) => ({ items })),
  );

  app.get('/academy/issuer', s('The issuer profile (Open Badges 3.0)'), async () => issuerProfile());
  app.get('/academy/issuer/jwks', s('The issuer’s public keys (JWK set)'), () => issuerJwks(db));
  app.get('/academy/credentials/:id', s('A credential (VC-JWT and its JSON-LD)', { params: Id }), async (req) => {
    const row = await credentialById(db, req.params.id);
    const v = await verifyCredentialJwt(db, row.jwt);
    return { id: row.id, jwt: row.jwt, credential: v.credential, verifyUrl: verifyPageUrl(row.id) };
  });
  app.get('/academy/credentials/:id/status', s('Revocation status', { params: Id }), async (req) => {
    const row = await credentialById(db, req.params.id);
    return { id: row.id, revoked: row.revokedAt !== null, revokedAt: row.revokedAt?.toISOString() ?? null };
  });
  app.get('/academy/credentials/:id/verify', s('Verify a stored credential', { params: Id }), async (req) => {
    const row = await credentialById(db, req.params.id);
    return {
      id: row.id,
      learnerName: row.learnerName,
      courseId: row.courseId,
      ...(await verifyCredentialJwt(db, row.jwt)),
    };
  });
  app.post(
    '/academy/verify',
    s('Verify any VC-JWT: signature by an academy key, issuer, dates, revocation', {
      body: Type.Object({ jwt: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false }),
    }),
    (req) => verifyCredentialJwt(db, req.body.jwt),
  );
  app.get(
    '/academy/credentials/:id/certificate.pdf',
    s('The certificate as a Thai PDF with a QR code', { params: Id }),
    async (req, reply) => {
      const row = await credentialById(db, req.params.id);
      const pdf = await certificatePdf(row, req.locale);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="certificate-${row.id}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    '/academy/credentials/:id/revoke',
    s('Revoke a credential (operator)', {
      params: Id,
      body: Type.Object({ reason: Type.String({ maxLength: 500 }) }, { additionalProperties: false }),
    }),
    (req) => revokeCredential(db, req.actor, req.params.id, req.body.reason),
  );
}
