// Test helpers for the academy's cohorts: a quiz passed through the API, a certified trainer, the
// demo centres loaded, a cohort opened and a session started.
//   const trainer = await certifiedTrainer(app);
//   const cohort = await openTestCohort(app, trainer.cookie);   // { id, joinCode, ... }
import type { FastifyInstance } from 'fastify';
import { signUp, type TestAccount } from '../identity/testing.ts';
import { demoCentreRecords, loadCentres } from './centres.ts';
import { courseById, DEMO_COURSE_ID, demoCourse } from './course.ts';
import { TRAINER_COURSE_ID } from './trainer-course.ts';

/** Starts an attempt at a course's quiz and submits the right answers; returns the graded result. */
export async function passCourseQuiz(app: FastifyInstance, cookie: string, courseId: string) {
  const course = courseById(courseId);
  if (!course) throw new Error(courseId);
  const a = (
    await app.inject({
      method: 'POST',
      url: `/api/academy/courses/${courseId}/attempts`,
      headers: { cookie },
      payload: {},
    })
  ).json();
  const answers = Object.fromEntries(
    (a.questions as { id: string }[]).map(({ id }) => {
      const q = course.quiz.bank.find((x) => x.id === id);
      if (!q) throw new Error(id);
      return [id, q.kind === 'multiple' ? q.correct : (q.correct[0] as string)];
    }),
  );
  const res = await app.inject({
    method: 'POST',
    url: `/api/academy/attempts/${a.attemptId}/submit`,
    headers: { cookie },
    payload: { answers },
  });
  return res.json();
}

/** A new account that passed the train-the-trainer course (so holds its credential). */
export async function certifiedTrainer(app: FastifyInstance, displayName = 'ครูสมศรี วิทยากร'): Promise<TestAccount> {
  const trainer = await signUp(app, { displayName });
  await certifyAsTrainer(app, trainer.cookie);
  return trainer;
}

/** The signed-in account passes the SMEs 4.0 course (which the trainer course asks for first) and the train-the-trainer course. */
export async function certifyAsTrainer(app: FastifyInstance, cookie: string): Promise<void> {
  await passCourseQuiz(app, cookie, DEMO_COURSE_ID);
  const r = await passCourseQuiz(app, cookie, TRAINER_COURSE_ID);
  if (!r.passed) throw new Error(`trainer quiz not passed: ${JSON.stringify(r)}`);
}

export const loadDemoCentres = (app: FastifyInstance) => loadCentres(app.db, demoCentreRecords());

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Opens a cohort through the API at the first demo centre (loading the demo centres if needed). */
export async function openTestCohort(
  app: FastifyInstance,
  cookie: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; joinCode: string; capacity: number; [k: string]: unknown }> {
  await loadDemoCentres(app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/academy/cohorts',
    headers: { cookie },
    payload: {
      centreCode: demoCentreRecords()[0]?.code,
      courseId: 'sme-4-0-selling-online',
      title: 'รุ่นที่ 1 ขายออนไลน์',
      startsOn: isoDay(0),
      endsOn: isoDay(30),
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`open cohort: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Opens a session of a cohort that began a minute ago and lasts three hours. */
export async function openTestSession(app: FastifyInstance, cookie: string, cohortId: string, startedMsAgo = 60_000) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/academy/cohorts/${cohortId}/sessions`,
    headers: { cookie },
    payload: {
      title: 'คาบที่ 1: เปิดร้าน',
      startsAt: new Date(Date.now() - startedMsAgo).toISOString(),
      endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    },
  });
  if (res.statusCode !== 201) throw new Error(`open session: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; cohortId: string };
}

/** The right answers to drawn questions of the demo course, read from the bank in code. */
export const correctAnswers = (ids: string[]): Record<string, string | string[]> =>
  Object.fromEntries(
    ids.map((id) => {
      const q = demoCourse.quiz.bank.find((x) => x.id === id);
      if (!q) throw new Error(`question ${id} not in the bank`);
      return [id, q.kind === 'multiple' ? q.correct : (q.correct[0] as string)];
    }),
  );
