// HTTP for centres, roles, cohorts, sessions and attendance: centres and a join code's cohort are
// public; a cohort, its roster and sessions are its trainer's, its centre's staff's and operators'
// (and an enrolled learner sees the cohort); progress and grades are the trainer's and operators'.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses, Uuid } from '../../platform/http.ts';
import { printable } from '../../platform/typed-text.ts';
import { checkIn, closeSession, openSession, sessionAttendance, sessionQr } from './attendance.ts';
import { listCentres } from './centres.ts';
import { cohortProgress, cohortProgressCsv, cohortRoster } from './cohort-progress.ts';
import { centreCohorts, cohortByJoinCode, cohortView, enrol, myCohorts, openCohort } from './cohorts.ts';
import { grantAcademyRole, myAcademyRoles } from './roles.ts';
import './cohort-messages.ts';

const Id = Type.Object({ id: Uuid });
const JoinCode = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9]{8}$' }) });
const Page = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Int = Type.Integer();

const Centre = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  nameTh: Type.String(),
  province: Type.Object({ code: Type.String(), name: Type.String() }),
  district: Type.Object({ code: Type.String(), nameTh: Type.String() }),
  subdistrictTh: Type.String(),
  capacity: Int,
});
const CohortFacts = {
  id: Uuid,
  title: Type.String(),
  course: Type.Object({ id: Type.String(), title: Type.String() }),
  modules: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), lessons: Int })),
  centre: Centre,
  trainerName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  capacity: Int,
  enrolled: Int,
  seatsLeft: Int,
};
const Access = Type.Union([
  Type.Literal('trainer'),
  Type.Literal('operator'),
  Type.Literal('staff'),
  Type.Literal('learner'),
]);
const Session = Type.Object({
  id: Uuid,
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  closed: Type.Boolean(),
  present: Int,
});
const Cohort = Type.Object({
  ...CohortFacts,
  access: Access,
  joinCode: Nullable(Type.String()),
  sessions: Type.Array(Session),
});
const JoinView = Type.Object({ ...CohortFacts, enrolled: Int, seatsLeft: Int, alreadyEnrolled: Type.Boolean() });
const ok = <T extends object>(schema: T) => ({ 200: schema, ...problemResponses, 410: problemResponses[404] });
const created = <T extends object>(schema: T) => ({ 201: schema, ...problemResponses });

export async function cohortRoutes(base: FastifyInstance, rt: { publicUrl: string }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const tags = ['academy'];

  app.get(
    '/academy/centres',
    {
      schema: {
        tags,
        summary: 'Community digital centres, by province or name',
        querystring: Type.Object({
          province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
          search: Type.Optional(Type.String({ maxLength: 80 })),
          ...Page.properties,
        }),
        response: ok(Type.Object({ items: Type.Array(Centre), total: Int })),
      },
    },
    (req) =>
      listCentres(
        db,
        {
          province: req.query.province,
          search: req.query.search ? printable(req.query.search).replace(/[%_\\]/g, '') : undefined,
          limit: req.query.limit,
          offset: req.query.offset,
        },
        req.locale,
      ),
  );
  app.get(
    '/academy/centres/:code/cohorts',
    {
      schema: {
        tags,
        summary: 'A centre and the cohorts it runs that have not ended (no join codes)',
        params: Type.Object({ code: Type.String({ pattern: '^CDC-[0-9]{2}-[0-9]{2}$' }) }),
        response: ok(Type.Object({ centre: Centre, items: Type.Array(Type.Object(CohortFacts)) })),
      },
    },
    (req) => centreCohorts(db, req.params.code, req.locale),
  );
  app.get(
    '/academy/me/roles',
    {
      schema: {
        tags,
        summary: 'My academy roles: learner, trainer, centre staff, academy operator',
        response: ok(Type.Object({ roles: Type.Array(Type.String()), staffCentreIds: Type.Array(Uuid) })),
      },
    },
    (req) => myAcademyRoles(db, req.actor),
  );
  app.post(
    '/academy/roles',
    {
      schema: {
        tags,
        summary: 'Make someone centre staff at a centre, or an academy operator (operator)',
        body: Type.Object(
          {
            userId: Uuid,
            role: Type.Union([Type.Literal('centre_staff'), Type.Literal('academy_operator')]),
            centreCode: Type.Optional(Type.String({ pattern: '^CDC-[0-9]{2}-[0-9]{2}$' })),
          },
          { additionalProperties: false },
        ),
        response: created(Type.Object({ userId: Uuid, role: Type.String(), centreCode: Nullable(Type.String()) })),
      },
    },
    async (req, reply) => reply.code(201).send(await grantAcademyRole(db, req.actor, req.body)),
  );
  app.get(
    '/academy/me/cohorts',
    {
      schema: {
        tags,
        summary: 'Cohorts I train, attend, or that meet at the centres I staff',
        response: ok(
          Type.Object({ items: Type.Array(Type.Object({ ...CohortFacts, access: Access })), trainer: Type.Boolean() }),
        ),
      },
    },
    (req) => myCohorts(db, req.actor, req.locale),
  );
  app.post(
    '/academy/cohorts',
    {
      schema: {
        tags,
        summary: 'Open a cohort at a centre over a course or some of its modules (certified trainer)',
        body: Type.Object(
          {
            centreCode: Type.String({ pattern: '^CDC-[0-9]{2}-[0-9]{2}$' }),
            courseId: Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+$' }),
            moduleIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            startsOn: Type.String({ format: 'date' }),
            endsOn: Type.String({ format: 'date' }),
            capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          },
          { additionalProperties: false },
        ),
        response: created(Cohort),
      },
    },
    async (req, reply) => {
      const row = await openCohort(db, req.actor, req.body);
      return reply.code(201).send(await cohortView(db, req.actor, row.id, req.locale));
    },
  );
  app.get(
    '/academy/cohorts/:id',
    { schema: { tags, summary: 'A cohort with its sessions', params: Id, response: ok(Cohort) } },
    (req) => cohortView(db, req.actor, req.params.id, req.locale),
  );
  app.get(
    '/academy/cohorts/:id/progress',
    {
      schema: {
        tags,
        summary: 'The cohort’s progress and grades, a page of learners at a time (trainer, operators)',
        params: Id,
        querystring: Type.Object({ ...Page.properties, search: Type.Optional(Type.String({ maxLength: 80 })) }),
        response: ok(
          Type.Object({
            summary: Type.Object({
              enrolled: Int,
              lessons: Int,
              passed: Int,
              attempted: Int,
              averageBestPercent: Type.Union([Int, Type.Null()]),
              completedLessons: Int,
              sessions: Int,
              attendance: Int,
            }),
            total: Int,
            limit: Int,
            offset: Int,
            items: Type.Array(
              Type.Object({
                userId: Uuid,
                displayName: Type.String(),
                enrolledAt: Type.String(),
                lessonsDone: Int,
                attempts: Int,
                bestPercent: Type.Union([Int, Type.Null()]),
                passed: Type.Boolean(),
                sessionsAttended: Int,
              }),
            ),
          }),
        ),
      },
    },
    (req) =>
      cohortProgress(db, req.actor, req.params.id, {
        ...req.query,
        search: req.query.search ? printable(req.query.search) : undefined,
      }),
  );
  app.get(
    '/academy/cohorts/:id/progress.csv',
    {
      schema: {
        tags,
        summary: 'The whole cohort’s progress and grades as CSV (trainer, operators)',
        params: Id,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const { filename, csv } = await cohortProgressCsv(db, req.actor, req.params.id, req.locale);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv);
    },
  );
  app.get(
    '/academy/cohorts/:id/roster',
    {
      schema: {
        tags,
        summary: 'Who is enrolled and how many sessions each came to (trainer, centre staff, operators)',
        params: Id,
        querystring: Page,
        response: ok(
          Type.Object({
            total: Int,
            limit: Int,
            offset: Int,
            items: Type.Array(
              Type.Object({
                userId: Uuid,
                displayName: Type.String(),
                enrolledAt: Type.String(),
                sessionsAttended: Int,
              }),
            ),
          }),
        ),
      },
    },
    (req) => cohortRoster(db, req.actor, req.params.id, req.query),
  );
  app.post(
    '/academy/cohorts/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Open an in-person session of the cohort (trainer)',
        params: Id,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            startsAt: Type.String({ format: 'date-time' }),
            endsAt: Type.String({ format: 'date-time' }),
          },
          { additionalProperties: false },
        ),
        response: created(Type.Object({ ...Session.properties, cohortId: Uuid })),
      },
    },
    async (req, reply) => reply.code(201).send(await openSession(db, req.actor, req.params.id, req.body)),
  );
  app.get(
    '/academy/sessions/:id/qr',
    {
      schema: {
        tags,
        summary: 'The check-in QR code to show now; it changes every 30 s (trainer)',
        params: Id,
        response: ok(
          Type.Object({
            sessionId: Uuid,
            token: Type.String(),
            code: Type.String(),
            url: Type.String(),
            svg: Type.String(),
            rotatesInMs: Int,
            rotateEveryMs: Int,
          }),
        ),
      },
    },
    (req) => sessionQr(db, req.actor, req.params.id, rt.publicUrl),
  );
  app.post(
    '/academy/sessions/:id/close',
    {
      schema: {
        tags,
        summary: 'Close check-in for a session (trainer)',
        params: Id,
        response: ok(Type.Object({ ...Session.properties, cohortId: Uuid })),
      },
    },
    (req) => closeSession(db, req.actor, req.params.id),
  );
  app.get(
    '/academy/sessions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Who checked in to a session (trainer, centre staff, operators)',
        params: Id,
        response: ok(
          Type.Object({
            session: Type.Object({ ...Session.properties, cohortId: Uuid }),
            items: Type.Array(
              Type.Object({
                userId: Uuid,
                displayName: Type.String(),
                checkedInAt: Type.String(),
                late: Type.Boolean(),
              }),
            ),
          }),
        ),
      },
    },
    (req) => sessionAttendance(db, req.actor, req.params.id),
  );
  app.post(
    '/academy/sessions/:id/check-in',
    {
      // Per address and session: a six-digit code cannot be guessed in the ten minutes it lasts.
      config: {
        rateLimit: {
          max: 20,
          timeWindow: '1 minute',
          keyGenerator: (req: FastifyRequest) => `academy-check-in:${req.ip}:${(req.params as { id?: string }).id}`,
        },
      },
      schema: {
        tags,
        summary: 'Check in with the scanned QR code (an enrolled learner; a repeat is a no-op)',
        params: Id,
        body: Type.Object(
          {
            token: Type.String({
              minLength: 1,
              maxLength: 64,
              description: 'the QR code’s token or the six digits shown beside it',
            }),
          },
          { additionalProperties: false },
        ),
        response: ok(
          Type.Object({
            sessionId: Uuid,
            cohortId: Uuid,
            cohortTitle: Type.String(),
            title: Type.String(),
            checkedInAt: Type.String(),
            late: Type.Boolean(),
            alreadyCheckedIn: Type.Boolean(),
          }),
        ),
      },
    },
    (req) => checkIn(db, req.actor, req.params.id, req.body.token),
  );
  app.get(
    '/academy/join/:code',
    { schema: { tags, summary: 'The cohort a join code opens', params: JoinCode, response: ok(JoinView) } },
    (req) => cohortByJoinCode(db, req.actor, req.params.code, req.locale),
  );
  app.post(
    '/academy/join/:code',
    {
      schema: {
        tags,
        summary: 'Enrol in the cohort of a join code (a seat is taken once; a full cohort refuses)',
        params: JoinCode,
        response: ok(JoinView),
      },
    },
    (req) => enrol(db, req.actor, req.params.code, req.locale),
  );
}
